//! How a collection's data is spread: multi-tenancy, replication, sharding.

use serde_json::{Map, Value, json};

use super::json::insert_some;

/// Multi-tenancy: each tenant's objects live in their own shard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct MultiTenancyConfig {
    /// Create a tenant on first write to it.
    pub auto_tenant_creation: bool,
    /// Activate an inactive tenant on first access.
    pub auto_tenant_activation: bool,
}

impl MultiTenancyConfig {
    /// The settings as `multiTenancyConfig` JSON (always enabled).
    pub fn to_json(self) -> Value {
        json!({
            "enabled": true,
            "autoTenantCreation": self.auto_tenant_creation,
            "autoTenantActivation": self.auto_tenant_activation,
        })
    }
}

/// Replication across nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReplicationConfig {
    /// Copies of each shard (`None`: 1).
    pub factor: Option<u32>,
    /// Background repair of diverged replicas. Servers from 1.39 on ignore
    /// it and turn repair on whenever `factor` is above 1.
    pub async_enabled: Option<bool>,
}

impl ReplicationConfig {
    /// The settings as `replicationConfig` JSON.
    pub fn to_json(self) -> Value {
        let mut out = Map::new();
        insert_some(&mut out, "factor", self.factor);
        insert_some(&mut out, "asyncEnabled", self.async_enabled);
        Value::Object(out)
    }
}

/// Sharding of a collection without multi-tenancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ShardingConfig {
    /// Physical shards (`None`: one per node).
    pub desired_count: Option<u32>,
    /// Virtual shards per physical shard (`None`: 128).
    pub virtual_per_physical: Option<u32>,
}

impl ShardingConfig {
    /// The settings as `shardingConfig` JSON.
    pub fn to_json(self) -> Value {
        let mut out = Map::new();
        insert_some(&mut out, "desiredCount", self.desired_count);
        insert_some(&mut out, "virtualPerPhysical", self.virtual_per_physical);
        Value::Object(out)
    }
}
