//! Roles: named sets of permissions, `GET/POST/DELETE /v1/authz/roles`.

use reqwest::Method;
use serde_json::{Value, json};

use super::Permission;
use crate::client::WeaviateClient;
use crate::client::rest::{Path, if_exists};
use crate::{Error, Result};

/// Where a user is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UserKind {
    /// A database user, made with [`Users::create_db_user`](super::Users::create_db_user) (or a static API key user).
    Db,
    /// A user of the OIDC provider.
    Oidc,
}

impl UserKind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Db => "db",
            Self::Oidc => "oidc",
        }
    }
}

/// A role and its permissions.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Role {
    /// The role's name.
    pub name: String,
    /// Its permissions.
    pub permissions: Vec<Permission>,
}

impl Role {
    pub(super) fn from_json(json: &Value) -> Self {
        let permissions = json.get("permissions").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        Self {
            name: json.get("name").and_then(Value::as_str).unwrap_or_default().to_owned(),
            permissions: permissions.iter().map(Permission::from_json).collect(),
        }
    }
}

/// The server's roles; get it with [`WeaviateClient::roles`]. Needs a
/// server with RBAC on (`AUTHORIZATION_RBAC_ENABLED`).
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// use weaviate_orm::rbac::{Permissions, UserKind};
///
/// let permissions = Permissions::data_of::<Article>().read().into_iter().chain(Permissions::collection::<Article>().read());
/// client.roles().create("article-reader", permissions).await?;
/// client.users().assign_roles("reporting", UserKind::Db, &["article-reader"]).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Roles {
    client: WeaviateClient,
}

impl WeaviateClient {
    /// The server's roles.
    pub fn roles(&self) -> Roles {
        Roles { client: self.clone() }
    }
}

fn permissions_json(permissions: impl IntoIterator<Item = Permission>) -> Value {
    Value::Array(permissions.into_iter().map(|p| p.to_json()).collect())
}

/// A role's name as the server takes it: not empty, no `/`.
fn role_path(name: &str) -> Result<Path> {
    if name.is_empty() {
        return Err(Error::InvalidConfig("a role needs a name".into()));
    }
    Path::new("authz").and("roles").then(name)
}

impl Roles {
    /// Creates the role `name` with `permissions`.
    pub async fn create(&self, name: &str, permissions: impl IntoIterator<Item = Permission>) -> Result<()> {
        role_path(name)?;
        let body = json!({"name": name, "permissions": permissions_json(permissions)});
        let t = self.client.transports()?;
        t.rest.send_json(Method::POST, &Path::new("authz").and("roles"), &body, t.timeouts.insert).await.map(drop)
    }

    /// The role `name`, or `None` when there is none.
    pub async fn get(&self, name: &str) -> Result<Option<Role>> {
        let t = self.client.transports()?;
        Ok(if_exists(t.rest.get_json::<Value>(&role_path(name)?, t.timeouts.query).await)?.map(|r| Role::from_json(&r)))
    }

    /// Every role, built-in ones (`admin`, `viewer`, `root`...) included.
    pub async fn list(&self) -> Result<Vec<Role>> {
        let t = self.client.transports()?;
        let roles: Vec<Value> = t.rest.get_json(&Path::new("authz").and("roles"), t.timeouts.query).await?;
        Ok(roles.iter().map(Role::from_json).collect())
    }

    /// Deletes the role `name`; `false` when there was none.
    pub async fn delete(&self, name: &str) -> Result<bool> {
        if self.get(name).await?.is_none() {
            return Ok(false);
        }
        let t = self.client.transports()?;
        t.rest.delete(&role_path(name)?, t.timeouts.insert).await
    }

    /// Adds `permissions` to the role `name`.
    pub async fn add_permissions(&self, name: &str, permissions: impl IntoIterator<Item = Permission>) -> Result<()> {
        self.change(name, "add-permissions", permissions).await
    }

    /// Takes `permissions` from the role `name` (a role left with none is deleted by the server).
    pub async fn remove_permissions(
        &self,
        name: &str,
        permissions: impl IntoIterator<Item = Permission>,
    ) -> Result<()> {
        self.change(name, "remove-permissions", permissions).await
    }

    async fn change(
        &self,
        name: &str,
        route: &'static str,
        permissions: impl IntoIterator<Item = Permission>,
    ) -> Result<()> {
        let path = role_path(name)?.and(route);
        let body = json!({"permissions": permissions_json(permissions)});
        let t = self.client.transports()?;
        t.rest.send_json(Method::POST, &path, &body, t.timeouts.insert).await.map(drop)
    }

    /// Whether the role `name` has `permission`.
    pub async fn has_permission(&self, name: &str, permission: &Permission) -> Result<bool> {
        let path = role_path(name)?.and("has-permission");
        let t = self.client.transports()?;
        let response = t.rest.send_json(Method::POST, &path, &permission.to_json(), t.timeouts.query).await?;
        let operation = format!("POST /v1{path}");
        let bytes = response
            .bytes()
            .await
            .map_err(|e| Error::UnexpectedResponse { operation: operation.clone(), message: e.to_string() })?;
        serde_json::from_slice(&bytes).map_err(|e| Error::UnexpectedResponse { operation, message: e.to_string() })
    }

    /// The users the role `name` is assigned to, with their kind.
    pub async fn assignments(&self, name: &str) -> Result<Vec<(String, UserKind)>> {
        let path = role_path(name)?.and("user-assignments");
        let t = self.client.transports()?;
        let users: Vec<Value> = t.rest.get_json(&path, t.timeouts.query).await?;
        Ok(users
            .iter()
            .filter_map(|u| {
                let id = u.get("userId")?.as_str()?.to_owned();
                let kind = match u.get("userType").and_then(Value::as_str) {
                    Some("oidc") => UserKind::Oidc,
                    _ => UserKind::Db,
                };
                Some((id, kind))
            })
            .collect())
    }
}
