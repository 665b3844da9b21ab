//! How a collection's data is spread: multi-tenancy, replication, sharding.

use serde_json::{Map, Value, json};

use super::json::{insert_some, number, server_names};

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
    /// Tuning of the background repair.
    pub async_config: Option<AsyncReplicationConfig>,
}

/// Tuning of async replication (the background repair of diverged
/// replicas); `None` leaves the server's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct AsyncReplicationConfig {
    /// Height of the hash tree replicas are compared with (0 to 20).
    pub hashtree_height: Option<u64>,
    /// Milliseconds between comparisons.
    pub frequency: Option<u64>,
    /// Milliseconds between comparisons while changes are being propagated.
    pub frequency_while_propagating: Option<u64>,
    /// Seconds between status log lines.
    pub logging_frequency: Option<u64>,
    /// Object keys per comparison batch (1 to 10,000).
    pub diff_batch_size: Option<u64>,
    /// Seconds a comparison with one node may take.
    pub diff_per_node_timeout: Option<u64>,
    /// Seconds the phase before propagation may take.
    pub pre_propagation_timeout: Option<u64>,
    /// Seconds propagating one batch to a node may take.
    pub propagation_timeout: Option<u64>,
    /// Objects propagated per run at most (1 to 100,000).
    pub propagation_limit: Option<u64>,
    /// Milliseconds a new or changed object waits before it is propagated.
    pub propagation_delay: Option<u64>,
    /// Concurrent propagation workers (1 to 20).
    pub propagation_concurrency: Option<u64>,
    /// Objects per propagation batch (1 to 1,000).
    pub propagation_batch_size: Option<u64>,
}

impl AsyncReplicationConfig {
    /// Each setting with its key in `asyncConfig`.
    pub(crate) fn settings(&mut self) -> [(&'static str, &mut Option<u64>); 12] {
        [
            ("hashtreeHeight", &mut self.hashtree_height),
            ("frequency", &mut self.frequency),
            ("frequencyWhilePropagating", &mut self.frequency_while_propagating),
            ("loggingFrequency", &mut self.logging_frequency),
            ("diffBatchSize", &mut self.diff_batch_size),
            ("diffPerNodeTimeout", &mut self.diff_per_node_timeout),
            ("prePropagationTimeout", &mut self.pre_propagation_timeout),
            ("propagationTimeout", &mut self.propagation_timeout),
            ("propagationLimit", &mut self.propagation_limit),
            ("propagationDelay", &mut self.propagation_delay),
            ("propagationConcurrency", &mut self.propagation_concurrency),
            ("propagationBatchSize", &mut self.propagation_batch_size),
        ]
    }

    /// The settings as `asyncConfig` JSON.
    pub fn to_json(mut self) -> Value {
        let mut out = Map::new();
        for (key, value) in self.settings() {
            insert_some(&mut out, key, *value);
        }
        Value::Object(out)
    }

    /// Reads `asyncConfig` JSON; keys it does not know are left out.
    pub(super) fn from_json(json: &Value) -> Self {
        let mut config = Self::default();
        for (key, value) in config.settings() {
            *value = number(Some(json), key);
        }
        config
    }
}

/// How replicas resolve an object deleted on some and present on others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeletionStrategy {
    /// Leave it to the user (the default of older servers, 1.33 among them).
    NoAutomatedResolution,
    /// The delete wins.
    DeleteOnConflict,
    /// The latest write wins (the default of new collections on recent
    /// servers, 1.39 among them).
    TimeBasedResolution,
}

server_names!(DeletionStrategy {
    NoAutomatedResolution => "NoAutomatedResolution",
    DeleteOnConflict => "DeleteOnConflict",
    TimeBasedResolution => "TimeBasedResolution",
});

impl ReplicationConfig {
    /// The settings as `replicationConfig` JSON.
    pub fn to_json(self) -> Value {
        let mut out = Map::new();
        insert_some(&mut out, "factor", self.factor);
        insert_some(&mut out, "asyncEnabled", self.async_enabled);
        insert_some(&mut out, "deletionStrategy", self.deletion_strategy.map(DeletionStrategy::name));
        insert_some(&mut out, "asyncConfig", self.async_config.map(AsyncReplicationConfig::to_json));
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
