//! The tenants of a multi-tenant collection being reindexed: listed, made in
//! the new version, activated for the copy and put back as they were.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::WeaviateClient;
use crate::client::rest::Path;
use crate::{Error, Result, names};

/// A tenant and its activity, as the server names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct TenantState {
    pub(super) name: String,
    #[serde(rename = "activityStatus")]
    pub(super) status: String,
}

impl TenantState {
    /// Whether its objects can be read now.
    pub(super) fn is_active(&self) -> bool {
        matches!(self.status.as_str(), "HOT" | "ACTIVE")
    }

    /// Whether it is offloaded to cold storage, which a copy cannot reach.
    pub(super) fn is_offloaded(&self) -> bool {
        matches!(self.status.as_str(), "FROZEN" | "OFFLOADED" | "FREEZING" | "UNFREEZING" | "OFFLOADING" | "ONLOADING")
    }
}

/// Whether a class is multi-tenant.
pub(super) fn is_multi_tenant(class: &Value) -> bool {
    class.pointer("/multiTenancyConfig/enabled").and_then(Value::as_bool) == Some(true)
}

fn path(collection: &str) -> Result<Path> {
    Ok(Path::new("schema").then(names::collection(collection)?)?.and("tenants"))
}

/// The tenants of `collection`.
pub(super) async fn list(client: &WeaviateClient, collection: &str) -> Result<Vec<TenantState>> {
    let t = client.transports()?;
    t.rest.get_json(&path(collection)?, t.timeouts.query).await
}

/// Creates (`POST`) or updates (`PUT`) tenants of `collection`.
pub(super) async fn send(
    client: &WeaviateClient,
    collection: &str,
    method: Method,
    tenants: &[TenantState],
) -> Result<()> {
    if tenants.is_empty() {
        return Ok(());
    }
    for tenant in tenants {
        names::tenant(&tenant.name)?;
    }
    let body = serde_json::to_value(tenants).map_err(|e| Error::InvalidConfig(format!("tenants as JSON: {e}")))?;
    let t = client.transports()?;
    t.rest.send_json(method, &path(collection)?, &body, t.timeouts.insert).await.map(drop)
}

/// `tenants` with the status `status`.
pub(super) fn with_status(tenants: &[TenantState], status: &str) -> Vec<TenantState> {
    tenants.iter().map(|t| TenantState { name: t.name.clone(), status: status.to_owned() }).collect()
}
