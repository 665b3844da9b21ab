//! Users: who the client is, database users and their API keys, and the
//! roles of users and OIDC groups.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Role, UserKind};
use crate::client::rest::{Path, if_exists};
use crate::client::{Secret, WeaviateClient};
use crate::{Error, Result};

/// The user the client is, as the server knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OwnUser {
    /// The user's name.
    pub username: String,
    /// Its roles with their permissions.
    pub roles: Vec<Role>,
    /// Its OIDC groups.
    pub groups: Vec<String>,
}

/// A database user.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DbUser {
    /// The user's id.
    pub user_id: String,
    /// Its roles, by name.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Whether it may log in.
    pub active: bool,
    /// `db_user` (made through the API) or `db_env_user` (a static API key).
    #[serde(default)]
    pub db_user_type: String,
    /// When it was made.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// The first letters of its API key, to tell keys apart.
    #[serde(default)]
    pub api_key_first_letters: Option<String>,
}

/// The server's users; get it with [`WeaviateClient::users`].
#[derive(Debug, Clone)]
pub struct Users {
    client: WeaviateClient,
}

/// The server's OIDC groups; get it with [`WeaviateClient::groups`].
#[derive(Debug, Clone)]
pub struct Groups {
    client: WeaviateClient,
}

impl WeaviateClient {
    /// The server's users.
    pub fn users(&self) -> Users {
        Users { client: self.clone() }
    }

    /// The server's OIDC groups.
    pub fn groups(&self) -> Groups {
        Groups { client: self.clone() }
    }
}

fn roles_of(json: &Value) -> Vec<Role> {
    json.as_array().map(Vec::as_slice).unwrap_or_default().iter().map(Role::from_json).collect()
}

fn db_user_path(id: &str) -> Result<Path> {
    if id.is_empty() {
        return Err(Error::InvalidConfig("a user needs an id".into()));
    }
    Path::new("users").and("db").then(id)
}

/// `POST path` with `body`, its JSON answer.
async fn post(client: &WeaviateClient, path: &Path, body: &Value) -> Result<Value> {
    let t = client.transports()?;
    let response = t.rest.send_json(Method::POST, path, body, t.timeouts.insert).await?;
    let operation = format!("POST /v1{path}");
    let bytes = response
        .bytes()
        .await
        .map_err(|e| Error::UnexpectedResponse { operation: operation.clone(), message: e.to_string() })?;
    if bytes.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_slice(&bytes).map_err(|e| Error::UnexpectedResponse { operation, message: e.to_string() })
}

/// The `apikey` of an answer.
fn api_key(answer: &Value, operation: &str) -> Result<Secret> {
    match answer.get("apikey").and_then(Value::as_str) {
        Some(key) => Ok(Secret::new(key)),
        None => Err(Error::UnexpectedResponse {
            operation: operation.to_owned(),
            message: "no API key in the answer".into(),
        }),
    }
}

impl Users {
    /// The user the client is, with its roles and groups.
    pub async fn own_user(&self) -> Result<OwnUser> {
        let t = self.client.transports()?;
        let info: Value = t.rest.get_json(&Path::new("users").and("own-info"), t.timeouts.query).await?;
        Ok(OwnUser {
            username: info.get("username").and_then(Value::as_str).unwrap_or_default().to_owned(),
            roles: roles_of(&info["roles"]),
            groups: serde_json::from_value(info["groups"].clone()).unwrap_or_default(),
        })
    }

    /// Makes the database user `id` and returns its API key (shown this once).
    pub async fn create_db_user(&self, id: &str) -> Result<Secret> {
        let path = db_user_path(id)?;
        api_key(&post(&self.client, &path, &json!({})).await?, "creating a database user")
    }

    /// Replaces the API key of `id`; the old one stops working at once.
    pub async fn rotate_key(&self, id: &str) -> Result<Secret> {
        let path = db_user_path(id)?.and("rotate-key");
        api_key(&post(&self.client, &path, &json!({})).await?, "rotating an API key")
    }

    /// Lets `id` log in again.
    pub async fn activate(&self, id: &str) -> Result<()> {
        post(&self.client, &db_user_path(id)?.and("activate"), &json!({})).await.map(drop)
    }

    /// Stops `id` from logging in; with `revoke_key`, its key is also void
    /// when it is activated again.
    pub async fn deactivate(&self, id: &str, revoke_key: bool) -> Result<()> {
        post(&self.client, &db_user_path(id)?.and("deactivate"), &json!({"revoke_key": revoke_key})).await.map(drop)
    }

    /// The database user `id`, or `None` when there is none.
    pub async fn db_user(&self, id: &str) -> Result<Option<DbUser>> {
        let t = self.client.transports()?;
        if_exists(t.rest.get_json(&db_user_path(id)?, t.timeouts.query).await)
    }

    /// Every database user.
    pub async fn list_db_users(&self) -> Result<Vec<DbUser>> {
        let t = self.client.transports()?;
        t.rest.get_json(&Path::new("users").and("db"), t.timeouts.query).await
    }

    /// Deletes the database user `id`; `false` when there was none.
    pub async fn delete_db_user(&self, id: &str) -> Result<bool> {
        let path = db_user_path(id)?;
        let t = self.client.transports()?;
        t.rest.delete(&path, t.timeouts.insert).await
    }

    /// Gives the user `id` the roles `roles`.
    pub async fn assign_roles(&self, id: &str, kind: UserKind, roles: &[&str]) -> Result<()> {
        let path = Path::new("authz").and("users").then(id)?.and("assign");
        post(&self.client, &path, &json!({"roles": roles, "userType": kind.name()})).await.map(drop)
    }

    /// Takes the roles `roles` from the user `id`.
    pub async fn revoke_roles(&self, id: &str, kind: UserKind, roles: &[&str]) -> Result<()> {
        let path = Path::new("authz").and("users").then(id)?.and("revoke");
        post(&self.client, &path, &json!({"roles": roles, "userType": kind.name()})).await.map(drop)
    }

    /// The roles of the user `id`, with their permissions.
    pub async fn roles_of(&self, id: &str, kind: UserKind) -> Result<Vec<Role>> {
        let path =
            Path::new("authz").and("users").then(id)?.and("roles").then(kind.name())?.query("includeFullRoles", "true");
        let t = self.client.transports()?;
        Ok(roles_of(&t.rest.get_json(&path, t.timeouts.query).await?))
    }
}

impl Groups {
    /// Gives the OIDC group `group` the roles `roles`.
    pub async fn assign_roles(&self, group: &str, roles: &[&str]) -> Result<()> {
        let path = Path::new("authz").and("groups").then(group)?.and("assign");
        post(&self.client, &path, &json!({"roles": roles, "groupType": "oidc"})).await.map(drop)
    }

    /// Takes the roles `roles` from the OIDC group `group`.
    pub async fn revoke_roles(&self, group: &str, roles: &[&str]) -> Result<()> {
        let path = Path::new("authz").and("groups").then(group)?.and("revoke");
        post(&self.client, &path, &json!({"roles": roles, "groupType": "oidc"})).await.map(drop)
    }

    /// The roles of the OIDC group `group`, with their permissions.
    pub async fn roles_of(&self, group: &str) -> Result<Vec<Role>> {
        let path =
            Path::new("authz").and("groups").then(group)?.and("roles").and("oidc").query("includeFullRoles", "true");
        let t = self.client.transports()?;
        Ok(roles_of(&t.rest.get_json(&path, t.timeouts.query).await?))
    }

    /// The OIDC groups that have roles.
    pub async fn list(&self) -> Result<Vec<String>> {
        let t = self.client.transports()?;
        t.rest.get_json(&Path::new("authz").and("groups").and("oidc"), t.timeouts.query).await
    }
}
