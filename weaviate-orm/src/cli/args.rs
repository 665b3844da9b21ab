//! The command line: which server, and what to do with it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Reads a Weaviate server's schema and writes Rust models for it; lists its
/// collections and nodes; plans and runs the migration of the models this
/// program was built with.
#[derive(Debug, Parser)]
#[command(name = "weaviate-orm", version)]
pub(super) struct Cli {
    #[command(flatten)]
    pub(super) server: ServerArgs,
    #[command(subcommand)]
    pub(super) command: Command,
}

/// Where the server is and how to sign in.
#[derive(Debug, Args)]
pub(super) struct ServerArgs {
    /// The server's host name or address.
    #[arg(long, global = true, default_value = "127.0.0.1", env = "WEAVIATE_HOST")]
    pub(super) host: String,
    /// The REST API's port.
    #[arg(long, global = true, default_value_t = 8080, env = "WEAVIATE_HTTP_PORT")]
    pub(super) http_port: u16,
    /// The gRPC API's port.
    #[arg(long, global = true, default_value_t = 50051, env = "WEAVIATE_GRPC_PORT")]
    pub(super) grpc_port: u16,
    /// The gRPC API's host, when it is not `--host`.
    #[arg(long, global = true, env = "WEAVIATE_GRPC_HOST")]
    pub(super) grpc_host: Option<String>,
    /// Use TLS on both APIs.
    #[arg(long, global = true)]
    pub(super) secure: bool,
    /// A Weaviate Cloud cluster's URL (instead of the host and ports).
    #[arg(long, global = true, env = "WEAVIATE_URL", requires = "api_key", conflicts_with_all = ["host", "grpc_host"])]
    pub(super) cloud: Option<String>,
    /// An API key; read from the environment rather than typed on the command line.
    #[arg(long, global = true, env = "WEAVIATE_API_KEY", hide_env_values = true)]
    pub(super) api_key: Option<String>,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Writes a `#[derive(WeaviateCollection)]` struct for each collection
    /// (and the structs of their nested objects), whose migration plan
    /// against this server is empty.
    Models {
        /// Only these collections, and the ones their references point into
        /// (repeatable; all collections without it).
        #[arg(long = "collection", value_name = "NAME")]
        collections: Vec<String>,
        /// Write to this file instead of the standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Lists the collections: properties, vectors, modules, tenancy, replication.
    Collections,
    /// Lists the nodes: status, version, shards and objects.
    Nodes,
    /// Prints what migrating the server to this program's models would do
    /// (the models registered by `#[derive(WeaviateCollection)]` in the
    /// program that calls `weaviate_orm::cli::main`).
    Plan,
    /// Migrates the server to this program's models: creates what is
    /// missing and applies the safe changes; refuses breaking ones.
    Migrate,
}
