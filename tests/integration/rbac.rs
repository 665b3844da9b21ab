//! RBAC on a real server with RBAC on: roles with typed permissions, a
//! database user with its API key, what that user may and may not do, key
//! rotation, deactivation and clean-up.

use weaviate_orm::client::{Auth, ClientBuilder};
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::rbac::{Permissions, Resource, UserKind};
use weaviate_orm::{Error, WeaviateCollection};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_RbacArticle")]
struct Article {
    title: String,
}

#[tokio::test]
async fn a_role_lets_a_database_user_read_and_nothing_more() {
    let options = EmbeddedOptions::default()
        .api_key("admin-key", "admin")
        .env("AUTHORIZATION_RBAC_ENABLED", "true")
        .env("AUTHORIZATION_RBAC_ROOT_USERS", "admin")
        .env("AUTHENTICATION_DB_USERS_ENABLED", "true");
    let server = EmbeddedServer::start(options).await.expect("server with RBAC");
    let params = server.connection_params();
    let admin = ClientBuilder::custom(params.clone()).auth(Auth::api_key("admin-key")).connect().await.expect("admin");
    admin.migrate::<Article>().await.expect("create");
    admin.collection::<Article>().insert(&Article { title: "visible".into() }).await.expect("insert");

    let me = admin.users().own_user().await.expect("own user");
    assert_eq!(me.username, "admin");
    assert!(me.roles.iter().any(|r| r.name == "root"), "{me:?}");

    // A role that reads the articles.
    let roles = admin.roles();
    let reader =
        Permissions::data_of::<Article>().read().into_iter().chain(Permissions::collection::<Article>().read());
    roles.create("article-reader", reader).await.expect("create role");
    let role = roles.get("article-reader").await.expect("get").expect("exists");
    assert_eq!(role.permissions.len(), 2, "{role:?}");
    let read_data = role.permissions.iter().find(|p| p.action == "read_data").expect("read_data").clone();
    assert!(
        matches!(&read_data.resource, Resource::Data { collection, .. } if collection == Article::NAME),
        "{read_data:?}"
    );
    assert!(roles.has_permission("article-reader", &read_data).await.expect("has"));
    let write = Permissions::data_of::<Article>().create().into_iter().next().expect("one");
    assert!(!roles.has_permission("article-reader", &write).await.expect("has not"));
    assert!(roles.list().await.expect("list").iter().any(|r| r.name == "article-reader"));
    assert_eq!(roles.get("no-such-role").await.expect("get"), None);

    // A database user with that role reads, and is refused a write.
    let users = admin.users();
    let key = users.create_db_user("reporting").await.expect("create user");
    users.assign_roles("reporting", UserKind::Db, &["article-reader"]).await.expect("assign");
    let assigned = users.roles_of("reporting", UserKind::Db).await.expect("roles of");
    assert_eq!(assigned.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["article-reader"]);
    assert!(
        roles.assignments("article-reader").await.expect("assignments").contains(&("reporting".into(), UserKind::Db))
    );
    let reporting =
        ClientBuilder::custom(params.clone()).auth(Auth::api_key(key.clone())).connect().await.expect("user");
    assert_eq!(reporting.users().own_user().await.expect("own").username, "reporting");
    assert_eq!(reporting.collection::<Article>().count().await.expect("may read"), 1);
    let refused =
        reporting.collection::<Article>().insert(&Article { title: "no".into() }).await.expect_err("may not write");
    assert!(matches!(refused, Error::Authorization { .. }), "{refused}");
    let refused = reporting.roles().create("escalate", Permissions::cluster().read()).await.expect_err("may not");
    assert!(matches!(refused, Error::Authorization { .. }), "{refused}");

    // Inserting (an upsert by id) needs `create_data` and `update_data`; with
    // only the first, the refusal comes per object and is typed all the same.
    roles.add_permissions("article-reader", Permissions::data_of::<Article>().create()).await.expect("add");
    let partly =
        reporting.collection::<Article>().insert(&Article { title: "no".into() }).await.expect_err("no update");
    assert!(matches!(partly, Error::Authorization { .. }), "{partly}");
    roles.add_permissions("article-reader", Permissions::data_of::<Article>().update()).await.expect("add");
    reporting.collection::<Article>().insert(&Article { title: "now allowed".into() }).await.expect("may write now");
    let writes = Permissions::data_of::<Article>().create().update();
    roles.remove_permissions("article-reader", writes).await.expect("remove");
    let refused = reporting.collection::<Article>().insert(&Article { title: "no".into() }).await.expect_err("no more");
    assert!(matches!(refused, Error::Authorization { .. }), "{refused}");

    // A rotated key replaces the old one; a deactivated user is refused.
    let new_key = users.rotate_key("reporting").await.expect("rotate");
    assert_ne!(new_key.expose(), key.expose());
    let old = ClientBuilder::custom(params.clone()).auth(Auth::api_key(key)).connect().await;
    assert!(matches!(old, Err(Error::Authentication { .. })), "the old key is void: {old:?}");
    let user = users.db_user("reporting").await.expect("read").expect("exists");
    assert!(user.active && user.roles == ["article-reader"], "{user:?}");
    users.deactivate("reporting", false).await.expect("deactivate");
    assert!(!users.db_user("reporting").await.expect("read").expect("exists").active);
    let inactive = ClientBuilder::custom(params.clone()).auth(Auth::api_key(new_key.clone())).connect().await;
    assert!(matches!(inactive, Err(Error::Authentication { .. })), "{inactive:?}");
    users.activate("reporting").await.expect("activate");
    ClientBuilder::custom(params).auth(Auth::api_key(new_key)).connect().await.expect("active again");

    users.revoke_roles("reporting", UserKind::Db, &["article-reader"]).await.expect("revoke");
    assert!(users.roles_of("reporting", UserKind::Db).await.expect("roles").is_empty());
    assert!(users.list_db_users().await.expect("list").iter().any(|u| u.user_id == "reporting"));
    assert!(users.delete_db_user("reporting").await.expect("delete"));
    assert!(!users.delete_db_user("reporting").await.expect("delete again"));
    assert!(roles.delete("article-reader").await.expect("delete role"));
    assert!(!roles.delete("article-reader").await.expect("delete again"));

    // OIDC groups take roles by name even on a server without OIDC.
    roles.create("group-reader", Permissions::cluster().read()).await.expect("role");
    admin.groups().assign_roles("analysts", &["group-reader"]).await.expect("assign to group");
    let group_roles = admin.groups().roles_of("analysts").await.expect("roles of group");
    assert_eq!(group_roles.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["group-reader"]);
    assert!(admin.groups().list().await.expect("groups").contains(&"analysts".to_owned()));
    admin.groups().revoke_roles("analysts", &["group-reader"]).await.expect("revoke");
    server.shutdown().await;
}
