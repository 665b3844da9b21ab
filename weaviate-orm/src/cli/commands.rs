//! What each command does, once the command line is read.

use std::collections::BTreeSet;
use std::io::Write;

use super::args::{Cli, Command, ServerArgs};
use super::failure::Failure;
use crate::codegen::{ModelOptions, rust_models};
use crate::schema::CollectionConfig;
use crate::{ClientBuilder, ConnectionParams, Endpoint, WeaviateClient, registered_collections};

pub(super) async fn run(cli: Cli, out: &mut (dyn Write + Send)) -> Result<(), Failure> {
    if matches!(cli.command, Command::Plan | Command::Migrate) && registered_collections().is_empty() {
        return Err(Failure::NoModels);
    }
    let client = connect(&cli.server).await?;
    let result = match cli.command {
        Command::Models { collections, out: file } => {
            let source = models(&client, &collections).await?;
            match file {
                Some(path) => std::fs::write(path, source).map_err(Failure::Output),
                None => out.write_all(source.as_bytes()).map_err(Failure::Output),
            }
        }
        Command::Collections => collections(&client, out).await,
        Command::Nodes => nodes(&client, out).await,
        Command::Plan => {
            for plan in client.migrator().registered().plan().await? {
                writeln!(out, "{plan}")?;
            }
            Ok(())
        }
        Command::Migrate => {
            let report = client.migrator().registered().run().await?;
            for plan in &report.plans {
                writeln!(out, "{plan}")?;
            }
            writeln!(out, "{} collections checked, {} schema writes", report.plans.len(), report.writes)?;
            Ok(())
        }
    };
    client.close().await;
    result
}

async fn connect(server: &ServerArgs) -> Result<WeaviateClient, Failure> {
    let builder = match (&server.cloud, &server.api_key) {
        (Some(url), Some(key)) => ClientBuilder::weaviate_cloud(url, key.clone()),
        (_, key) => {
            let endpoint = |host: &str, port| Endpoint { host: host.to_owned(), port, secure: server.secure };
            let grpc_host = server.grpc_host.as_deref().unwrap_or(&server.host);
            let params = ConnectionParams {
                http: endpoint(&server.host, server.http_port),
                grpc: endpoint(grpc_host, server.grpc_port),
            };
            let builder = ClientBuilder::custom(params);
            match key {
                Some(key) => builder.auth(crate::Auth::api_key(key.clone())),
                None => builder,
            }
        }
    };
    Ok(builder.connect().await?)
}

/// The models of the server's collections (or of `wanted` and what their references need).
pub(super) async fn models(client: &WeaviateClient, wanted: &[String]) -> Result<String, Failure> {
    let mut configs = client.collections().configs().await?;
    if !wanted.is_empty() {
        configs = with_targets(configs, wanted)?;
    }
    let nodes = client.cluster().nodes().await?.len();
    let mut options = ModelOptions::default().with_nodes(u32::try_from(nodes).unwrap_or(u32::MAX));
    if let Some(version) = client.server_meta().and_then(|meta| meta.semver().ok()) {
        options = options.with_server_version(version);
    }
    Ok(rust_models(&configs, &options))
}

/// The collections named in `wanted`, and every collection their references reach.
fn with_targets(configs: Vec<CollectionConfig>, wanted: &[String]) -> Result<Vec<CollectionConfig>, Failure> {
    let mut keep: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<String> = wanted.to_vec();
    while let Some(name) = todo.pop() {
        let Some(config) = configs.iter().find(|c| c.name == name) else {
            return Err(Failure::UnknownCollection(name));
        };
        if keep.insert(name) {
            todo.extend(config.referenced_collections().into_iter().map(str::to_owned));
        }
    }
    Ok(configs.into_iter().filter(|c| keep.contains(&c.name)).collect())
}

async fn collections(client: &WeaviateClient, out: &mut (dyn Write + Send)) -> Result<(), Failure> {
    writeln!(out, "{:<32} {:>10}  {:<24} {:<8} {:>8}", "COLLECTION", "PROPERTIES", "VECTORS", "TENANTS", "REPLICAS")?;
    for config in client.collections().configs().await? {
        let vectors = if config.named_vectors.is_empty() {
            config.vectorizer.module_name().unwrap_or("client").to_owned()
        } else {
            config.named_vectors.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(",")
        };
        let tenants = if config.multi_tenancy.is_some() { "yes" } else { "no" };
        let factor = config.replication.and_then(|r| r.factor).unwrap_or(1);
        writeln!(
            out,
            "{:<32} {:>10}  {:<24} {:<8} {:>8}",
            config.name,
            config.properties.len(),
            vectors,
            tenants,
            factor
        )?;
    }
    Ok(())
}

async fn nodes(client: &WeaviateClient, out: &mut (dyn Write + Send)) -> Result<(), Failure> {
    writeln!(out, "{:<24} {:<12} {:<10} {:>8} {:>12}", "NODE", "STATUS", "VERSION", "SHARDS", "OBJECTS")?;
    for node in client.cluster().nodes_verbose().await? {
        let (shards, objects) = node.stats.map(|s| (s.shard_count, s.object_count)).unwrap_or_default();
        writeln!(
            out,
            "{:<24} {:<12} {:<10} {shards:>8} {objects:>12}",
            node.name,
            format!("{:?}", node.status),
            node.version
        )?;
    }
    Ok(())
}
