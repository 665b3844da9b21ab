//! Backup and restore: save a collection with the server's backup module,
//! lose it, and bring it back, object for object.
//!
//! The embedded server enables `backup-filesystem` (a folder of the
//! server); production servers use `backup-s3`, `backup-gcs` or
//! `backup-azure` the same way (`BackupBackend::S3`, ...).
//!
//! Run with `cargo run --example backup`.

use std::process::ExitCode;

use weaviate_orm::WeaviateCollection;
use weaviate_orm::backup::BackupBackend;
use weaviate_orm::embedded::EmbeddedOptions;

/// An order of the shop.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
struct Order {
    #[weaviate(key)]
    number: String,
    cents: i64,
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
    client.migrate::<Order>().await?;
    let orders = client.collection::<Order>();
    let batch = orders.batch().start();
    for n in 0..500 {
        batch.add(Order { number: format!("A-{n:04}"), cents: 100 + n * 7 }).await?;
    }
    batch.finish().await?;
    println!("{} orders stored.", orders.count().await?);

    // Create: the call returns when the server says the backup is done;
    // each phase it reports is printed on the way.
    let backups = client.backups(BackupBackend::Filesystem);
    let id = "orders-backup";
    let saved =
        backups.create(id).include::<Order>().on_progress(|b| println!("  backup {:?}", b.status)).wait().await?;
    println!("Backup {} done: {:?}.", saved.id, saved.status);

    // An accident: the collection is gone.
    client.collections().delete(Order::NAME).await?;
    println!("Collection deleted; it exists: {}.", client.collections().exists(Order::NAME).await?);

    // Restore it, objects and schema, from the backup.
    let restored = backups.restore(id).include::<Order>().wait().await?;
    println!("Restore {:?}: {} orders back.", restored.status, orders.count().await?);
    let first = orders.query().filter(Order::FIELDS.number.equal("A-0000")).fetch().await?;
    println!("Order A-0000 costs {} cents.", first.first().map_or(0, |o| o.properties.cents));

    // Restoring over an existing collection is refused, typed.
    match backups.restore(id).include::<Order>().wait().await {
        Err(error) => println!("Restoring again is refused: {error}"),
        Ok(_) => println!("unexpected: a restore over an existing collection succeeded"),
    }
    client.close().await;
    Ok(())
}
