//! OIDC login against a real identity provider (Keycloak) and a Weaviate
//! server that trusts it: client credentials, resource-owner password, a
//! token with its refresh token, renewal past expiry, and refusals.

use std::time::Duration;

use weaviate_orm::client::Auth;
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::{Error, WeaviateClient, WeaviateCollection};
use weaviate_orm_tests::keycloak::{self, CLIENT_ID, CLIENT_SECRET, Keycloak, TOKEN_LIFETIME, USER};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_OidcNote")]
struct Note {
    text: String,
}

/// A REST call and a gRPC call, both needing a valid token.
async fn works(client: &WeaviateClient, context: &str) {
    client.meta().await.unwrap_or_else(|e| panic!("{context}: REST refused: {e}"));
    let notes = client.collection::<Note>();
    let id =
        notes.insert(&Note { text: context.into() }).await.unwrap_or_else(|e| panic!("{context}: gRPC refused: {e}"));
    assert!(notes.fetch_by_id(id).await.unwrap_or_else(|e| panic!("{context}: {e}")).is_some());
}

#[tokio::test]
async fn oidc_flows_log_in_and_renew_their_tokens() {
    let keycloak = Keycloak::start().await.unwrap_or_else(|e| panic!("Keycloak {}: {e}", keycloak::VERSION));
    let server =
        EmbeddedServer::start(EmbeddedOptions::default().oidc(keycloak.issuer(), CLIENT_ID)).await.expect("server");
    let builder = || server.client_builder();

    let anonymous = builder().connect().await;
    assert!(matches!(anonymous, Err(Error::Authentication { .. })), "anonymous access is off: {anonymous:?}");
    let wrong = builder().auth(Auth::client_credentials("not-the-secret")).connect().await;
    assert!(
        matches!(&wrong, Err(Error::Authentication { message, .. }) if message.contains("401")),
        "a wrong secret is an authentication error: {wrong:?}"
    );
    let wrong =
        builder().auth(Auth::client_password(USER.0, "wrong").with_client_secret(CLIENT_SECRET)).connect().await;
    assert!(matches!(wrong, Err(Error::Authentication { .. })), "a wrong password: {wrong:?}");

    let service = builder().auth(Auth::client_credentials(CLIENT_SECRET)).connect().await.expect("client credentials");
    service.migrate::<Note>().await.expect("create");
    works(&service, "client credentials").await;
    let user = builder().auth(Auth::client_password(USER.0, USER.1).with_client_secret(CLIENT_SECRET)).connect();
    let user = user.await.expect("password");
    works(&user, "password").await;
    let (access, refresh) = keycloak.user_tokens().await.expect("tokens");
    let refreshable = Auth::bearer_token_with_refresh(access.clone(), refresh, TOKEN_LIFETIME);
    let handed = builder().auth(refreshable.with_client_secret(CLIENT_SECRET)).connect();
    let handed = handed.await.expect("refreshable token");
    works(&handed, "refreshable token").await;
    let fixed = builder().auth(Auth::bearer_token(access)).connect().await.expect("plain token");

    // Past the tokens' lifetime: the renewed ones still work, a plain token does not.
    tokio::time::sleep(TOKEN_LIFETIME + Duration::from_secs(3)).await;
    works(&service, "client credentials, renewed").await;
    works(&user, "password, renewed").await;
    works(&handed, "refreshable token, renewed").await;
    let expired = fixed.meta().await;
    assert!(matches!(expired, Err(Error::Authentication { .. })), "an expired token is refused: {expired:?}");
}
