//! One reindex at a time per model, across processes: the first to create
//! the alias `<Name>_reindexing` holds the lock; the others wait until it is
//! gone, or take it over when the holder's copy has made no progress for
//! the lock's timeout (the holder died).

use std::time::Duration;

use tokio::time::Instant;

use super::count::count;
use crate::client::WeaviateClient;
use crate::{Error, Result};

/// The lock's alias for the model `alias`.
fn lock_name(alias: &str) -> String {
    format!("{alias}_reindexing")
}

/// What acquiring the lock came to.
pub(crate) enum Acquired {
    /// This process holds it.
    Held,
    /// Another process held it and let it go: the model is migrated by it.
    WaitedFor,
}

/// Takes the lock of `alias`, whose copy goes from `from` into `to`.
pub(crate) async fn acquire(
    client: &WeaviateClient,
    alias: &str,
    from: &str,
    to: &str,
    stale_after: Duration,
) -> Result<Acquired> {
    let lock = lock_name(alias);
    let mut waited = false;
    let (mut progress, mut since) = (None, Instant::now());
    loop {
        match client.aliases().create(&lock, from).await {
            Ok(()) if waited => {
                tracing::warn!(%alias, "took over the reindex lock of a process whose copy stopped");
                return Ok(Acquired::Held);
            }
            Ok(()) => return Ok(Acquired::Held),
            Err(Error::UnexpectedStatus { status: 422 | 409, .. }) => {}
            Err(error) => return Err(error),
        }
        waited = true;
        tokio::time::sleep(Duration::from_millis(250)).await;
        if client.aliases().get(&lock).await?.is_none() {
            return Ok(Acquired::WaitedFor);
        }
        // The holder is alive while the new version grows.
        let now = count(client, to).await.ok();
        if now != progress {
            (progress, since) = (now, Instant::now());
        } else if since.elapsed() >= stale_after {
            client.aliases().delete(&lock).await?;
        }
    }
}

/// Lets the lock of `alias` go.
pub(crate) async fn release(client: &WeaviateClient, alias: &str) -> Result<()> {
    client.aliases().delete(&lock_name(alias)).await.map(drop)
}
