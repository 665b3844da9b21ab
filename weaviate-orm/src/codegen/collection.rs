//! A collection struct's own `#[weaviate(...)]` lines: its name, modules,
//! vectors, indexes, tenancy and distribution, each left out when the
//! server holds its default.

use serde_json::Value;

use super::idents::field_name;
use super::index::vector_index;
use super::literal::{Args, json, list, text};
use super::server::Server;
use crate::schema::{CollectionConfig, DeletionStrategy, ModuleConfig, TtlStart, Vectorizer};

/// The attribute lines (`name = ...`, `vectorizer = ...`), each the inside of one `#[weaviate(...)]`.
pub(super) fn attributes(config: &CollectionConfig, ident: &str, server: Server) -> Vec<String> {
    let mut lines = Vec::new();
    if ident != config.name {
        lines.push(format!("name = {}", text(&config.name)));
    }
    if config.named_vectors.is_empty() {
        if let Vectorizer::Module(module) = &config.vectorizer {
            lines.push(module_line("vectorizer", module));
        }
        lines.extend(vector_index(&config.vector_index, server).render("vector_index"));
    }
    for vector in &config.named_vectors {
        let mut args = Args::default();
        args.raw("name", text(&vector.name));
        if let Vectorizer::Module(module) = &vector.vectorizer {
            args.raw("vectorizer", text(&module.name));
            if !is_empty(&module.config) {
                args.raw("vectorizer_config", json(&module.config));
            }
            args.list("source_properties", &vector.source_properties);
        }
        args.nested("index", vector_index(&vector.index, server), false);
        lines.extend(args.render("named_vector"));
    }
    lines.extend(inverted_index(config));
    if let Some(tenancy) = config.multi_tenancy {
        let mut args = Args::default();
        args.flag("auto_tenant_creation", tenancy.auto_tenant_creation);
        args.flag("auto_tenant_activation", tenancy.auto_tenant_activation);
        lines.push(args.render("multi_tenancy").unwrap_or_else(|| "multi_tenancy".to_owned()));
    }
    lines.extend(replication(config, server));
    if let Some(sharding) = config.sharding.filter(|_| config.multi_tenancy.is_none()) {
        let mut args = Args::default();
        args.number("desired_count", sharding.desired_count, Some(server.nodes));
        args.number("virtual_per_physical", sharding.virtual_per_physical, Some(128));
        let shards = sharding.desired_count.unwrap_or(server.nodes);
        let virtual_default = shards.saturating_mul(sharding.virtual_per_physical.unwrap_or(128));
        args.number("desired_virtual_count", sharding.desired_virtual_count, Some(virtual_default));
        lines.extend(args.render("sharding"));
    }
    for (role, module) in [("generative", &config.generative), ("reranker", &config.reranker)] {
        lines.extend(module.as_ref().map(|module| module_line(role, module)));
    }
    if let Some(ttl) = &config.object_ttl {
        let mut args = Args::default();
        match &ttl.expires_after {
            TtlStart::Creation => args.raw("after_creation", ttl.seconds),
            TtlStart::LastUpdate => args.raw("after_update", ttl.seconds),
            TtlStart::DateProperty(property) => {
                args.raw("date_property", text(property));
                args.number("offset", Some(ttl.seconds), Some(0));
            }
        }
        args.switch("filter_expired_objects", ttl.filter_expired_objects, false);
        lines.extend(args.render("object_ttl"));
    }
    lines
}

/// `vectorizer = "module", vectorizer_config = r#"{...}"#` (or `generative`, `reranker`).
fn module_line(role: &str, module: &ModuleConfig) -> String {
    let mut line = format!("{role} = {}", text(&module.name));
    if !is_empty(&module.config) {
        line.push_str(&format!(", {role}_config = {}", json(&module.config)));
    }
    line
}

fn is_empty(config: &Value) -> bool {
    match config {
        Value::Null => true,
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

fn inverted_index(config: &CollectionConfig) -> Option<String> {
    let index = &config.inverted_index;
    let mut args = Args::default();
    args.float("bm25_b", index.bm25_b, 0.75);
    args.float("bm25_k1", index.bm25_k1, 1.2);
    args.text("stopwords_preset", index.stopwords_preset.as_deref(), Some("en"));
    args.list("stopwords_additions", &index.stopwords_additions);
    args.list("stopwords_removals", &index.stopwords_removals);
    args.flag("index_null_state", index.index_null_state == Some(true));
    args.flag("index_property_length", index.index_property_length == Some(true));
    // A time-to-live counted from creation or update turns the timestamps on by itself.
    let by_ttl = config.object_ttl.as_ref().is_some_and(|ttl| ttl.needs_timestamps());
    args.flag("index_timestamps", index.index_timestamps == Some(true) && !by_ttl);
    args.number("cleanup_interval_seconds", index.cleanup_interval_seconds, Some(60));
    if !index.stopword_presets.is_empty() {
        let mut presets = Args::default();
        for (name, words) in &index.stopword_presets {
            presets.raw(name, list(words));
        }
        args.nested("stopword_presets", presets, false);
    }
    args.render("inverted_index")
}

fn replication(config: &CollectionConfig, server: Server) -> Option<String> {
    let replication = config.replication?;
    let mut args = Args::default();
    args.number("factor", replication.factor, Some(1));
    let default_strategy = Some(if server.time_based_deletion_by_default {
        DeletionStrategy::TimeBasedResolution.name()
    } else {
        DeletionStrategy::NoAutomatedResolution.name()
    });
    args.text("deletion_strategy", replication.deletion_strategy.map(DeletionStrategy::name), default_strategy);
    if let Some(mut async_config) = replication.async_config {
        let mut options = Args::default();
        for (key, value) in async_config.settings() {
            options.number(&field_name(key), *value, None);
        }
        args.nested("async_config", options, false);
    }
    args.render("replication")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{MultiTenancyConfig, ReplicationConfig, ShardingConfig};

    const SERVER: Server = Server { nodes: 3, acorn_by_default: true, time_based_deletion_by_default: true };

    #[test]
    fn distribution_settings_leave_out_the_servers_defaults() {
        let mut config = CollectionConfig::new("Article");
        let sharding = ShardingConfig { desired_count: Some(3), virtual_per_physical: Some(128), ..Default::default() };
        config.sharding = Some(ShardingConfig { desired_virtual_count: Some(384), ..sharding });
        config.replication = Some(ReplicationConfig { factor: Some(3), ..Default::default() });
        assert_eq!(attributes(&config, "Article", SERVER), ["replication(factor = 3)"]);
        // Values no server would hold are written as they are, without overflowing.
        config.sharding = Some(ShardingConfig { desired_count: Some(u32::MAX), ..sharding });
        assert_eq!(attributes(&config, "Article", SERVER)[1], format!("sharding(desired_count = {})", u32::MAX));
        // A multi-tenant collection has no sharding settings.
        config.multi_tenancy = Some(MultiTenancyConfig::default());
        assert_eq!(
            attributes(&config, "News", SERVER),
            ["name = \"Article\"", "multi_tenancy", "replication(factor = 3)"]
        );
    }
}
