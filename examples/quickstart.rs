//! The quickstart: start a real Weaviate server on this machine, connect to
//! it, and show what it offers.
//!
//! Run with `cargo run --example quickstart`. The first run builds the
//! pinned server with `go install` (a few minutes); later runs start in seconds.

use std::process::ExitCode;

use weaviate_orm::embedded::EmbeddedOptions;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> weaviate_orm::Result<()> {
    println!("Starting an embedded Weaviate server...");
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;

    let meta = client.meta().await?;
    println!("Connected to Weaviate {}", meta.version);
    println!("  ready: {}, live: {}", client.is_ready().await?, client.is_live().await?);
    println!("  modules: {}", meta.modules.keys().cloned().collect::<Vec<_>>().join(", "));
    if let Some(size) = meta.grpc_max_message_size {
        println!("  largest gRPC message: {size} bytes");
    }

    client.close().await;
    println!("Server stopped.");
    Ok(())
}
