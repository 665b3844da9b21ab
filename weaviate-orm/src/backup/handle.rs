//! The backups of one backend: start, follow, cancel and list them.

use std::time::Duration;

use reqwest::Method;
use serde_json::Value;

use super::options::Common;
use super::{BackupBackend, BackupInfo, errors};
use crate::client::WeaviateClient;
use crate::client::rest::Path;
use crate::{Error, Result, names};

/// The backups of one backend; get it with [`WeaviateClient::backups`].
#[derive(Debug, Clone)]
pub struct Backups {
    client: WeaviateClient,
    backend: BackupBackend,
}

/// A backup's creation or its restoration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Operation {
    Create,
    Restore,
}

/// The first pause between two status reads, and the longest.
const FIRST_POLL: Duration = Duration::from_millis(100);
const LONGEST_POLL: Duration = Duration::from_secs(1);

impl WeaviateClient {
    /// The backups kept on `backend` (whose module the server must load).
    pub fn backups(&self, backend: BackupBackend) -> Backups {
        Backups { client: self.clone(), backend }
    }
}

impl Backups {
    /// Where the creation of backup `id` stands.
    pub async fn status(&self, id: &str) -> Result<BackupInfo> {
        self.read(Operation::Create, id).await
    }

    /// Where the restoration of backup `id` stands.
    pub async fn restore_status(&self, id: &str) -> Result<BackupInfo> {
        self.read(Operation::Restore, id).await
    }

    /// Cancels the creation of backup `id` (its status becomes `Canceled`).
    pub async fn cancel(&self, id: &str) -> Result<()> {
        self.delete(Operation::Create, id).await
    }

    /// Cancels the restoration of backup `id`.
    pub async fn cancel_restore(&self, id: &str) -> Result<()> {
        self.delete(Operation::Restore, id).await
    }

    /// Every backup of the backend, in the server's order.
    pub async fn list(&self) -> Result<Vec<BackupInfo>> {
        let path = Path::new("backups").then(self.backend.name())?;
        let t = self.client.transports()?;
        t.rest.get_json(&path, t.timeouts.query).await
    }

    /// `/backups/{backend}/{id}`, or its `/restore`.
    fn path(&self, operation: Operation, id: &str) -> Result<Path> {
        let path = Path::new("backups").then(self.backend.name())?.then(names::backup(id)?)?;
        Ok(match operation {
            Operation::Create => path,
            Operation::Restore => path.and("restore"),
        })
    }

    async fn read(&self, operation: Operation, id: &str) -> Result<BackupInfo> {
        let path = self.path(operation, id)?;
        let t = self.client.transports()?;
        t.rest.get_json(&path, t.timeouts.query).await.map_err(|e| errors::classify(id, e))
    }

    async fn delete(&self, operation: Operation, id: &str) -> Result<()> {
        let path = self.path(operation, id)?;
        let t = self.client.transports()?;
        let request = t.rest.request(Method::DELETE, &path, t.timeouts.insert);
        t.rest
            .send(&format!("DELETE /v1{path}"), t.timeouts.insert, request)
            .await
            .map(drop)
            .map_err(|e| errors::classify(id, e))
    }

    /// Starts `operation` with `body`, and when `wait`, waits until the
    /// server reports it done: its final report (with the collections the
    /// start reported), or the error it finished with.
    pub(super) async fn run(
        &self,
        operation: Operation,
        id: &str,
        body: &Value,
        common: &mut Common,
        wait: bool,
    ) -> Result<BackupInfo> {
        let path = match operation {
            Operation::Create => {
                names::backup(id)?;
                Path::new("backups").then(self.backend.name())?
            }
            Operation::Restore => self.path(operation, id)?,
        };
        let t = self.client.transports()?;
        let response = t.rest.send_json(Method::POST, &path, body, t.timeouts.insert).await;
        let response = response.map_err(|e| errors::classify(id, e))?;
        let operation_name = format!("POST /v1{path}");
        let bytes = response
            .bytes()
            .await
            .map_err(|e| Error::UnexpectedResponse { operation: operation_name.clone(), message: e.to_string() })?;
        let started: BackupInfo = serde_json::from_slice(&bytes)
            .map_err(|e| Error::UnexpectedResponse { operation: operation_name, message: e.to_string() })?;
        if !wait {
            return Ok(started);
        }
        let mut done = self.follow(operation, id, common).await?;
        if done.collections.is_empty() {
            done.collections = started.collections;
        }
        Ok(done)
    }

    /// Reads the status until it is finished, reporting each new phase.
    async fn follow(&self, operation: Operation, id: &str, common: &mut Common) -> Result<BackupInfo> {
        let deadline = common.timeout.map(|t| (tokio::time::Instant::now() + t, t));
        let mut pause = FIRST_POLL;
        let mut last = None;
        loop {
            let info = self.read(operation, id).await?;
            if last != Some(info.status) {
                last = Some(info.status);
                if let Some(progress) = common.progress.as_mut() {
                    progress(&info);
                }
            }
            match info.status {
                super::BackupPhase::Success => return Ok(info),
                phase if phase.is_finished() => return Err(errors::finished(id, phase, info.error.as_deref())),
                _ => {}
            }
            let mut nap = pause;
            if let Some((deadline, after)) = deadline {
                let left = deadline.saturating_duration_since(tokio::time::Instant::now());
                if left.is_zero() {
                    let what = match operation {
                        Operation::Create => "creating",
                        Operation::Restore => "restoring",
                    };
                    return Err(Error::Timeout { operation: format!("{what} backup {id}"), after });
                }
                nap = nap.min(left);
            }
            tokio::time::sleep(nap).await;
            pause = (pause * 2).min(LONGEST_POLL);
        }
    }
}
