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
    /// How conflicting deletes between replicas are resolved.
    pub deletion_strategy: Option<DeletionStrategy>,
}

/// How replicas resolve an object deleted on some and present on others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeletionStrategy {
    /// Leave it to the user (the server's default).
    NoAutomatedResolution,
    /// The delete wins.
    DeleteOnConflict,
    /// The latest write wins.
    TimeBasedResolution,
}

impl DeletionStrategy {
    /// Every strategy.
    pub const ALL: [Self; 3] = [Self::NoAutomatedResolution, Self::DeleteOnConflict, Self::TimeBasedResolution];

    /// The server's name, e.g. `DeleteOnConflict`.
    pub fn name(self) -> &'static str {
        match self {
            Self::NoAutomatedResolution => "NoAutomatedResolution",
            Self::DeleteOnConflict => "DeleteOnConflict",
            Self::TimeBasedResolution => "TimeBasedResolution",
        }
    }

    /// The strategy the server calls `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl ReplicationConfig {
    /// The settings as `replicationConfig` JSON.
    pub fn to_json(self) -> Value {
        let mut out = Map::new();
        insert_some(&mut out, "factor", self.factor);
        insert_some(&mut out, "asyncEnabled", self.async_enabled);
        insert_some(&mut out, "deletionStrategy", self.deletion_strategy.map(DeletionStrategy::name));
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
    /// The desired number of virtual shards in all.
    pub desired_virtual_count: Option<u32>,
}

impl ShardingConfig {
    /// The settings as `shardingConfig` JSON.
    pub fn to_json(self) -> Value {
        let mut out = Map::new();
        insert_some(&mut out, "desiredCount", self.desired_count);
        insert_some(&mut out, "virtualPerPhysical", self.virtual_per_physical);
        insert_some(&mut out, "desiredVirtualCount", self.desired_virtual_count);
        Value::Object(out)
    }
}
