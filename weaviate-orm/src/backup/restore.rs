//! Restoring a backup: `client.backups(backend).restore(id)`.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::BackupInfo;
use super::handle::{Backups, Operation};
use super::options::{Common, common_options};
use crate::Result;

/// Whether a restore brings back the backup's RBAC roles or users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RbacRestore {
    /// Leave them as they are on the server.
    NoRestore,
    /// Restore all of them.
    All,
}

impl RbacRestore {
    fn name(self) -> &'static str {
        match self {
            Self::NoRestore => "noRestore",
            Self::All => "all",
        }
    }
}

/// A backup to restore; [`send`](Self::send) starts it, [`wait`](Self::wait)
/// also waits until it is done. The collections it restores must not exist.
#[derive(Debug)]
#[must_use = "a backup is only restored by `send` or `wait`"]
pub struct BackupRestore {
    backups: Backups,
    id: String,
    common: Common,
    roles: Option<RbacRestore>,
    users: Option<RbacRestore>,
    overwrite_alias: bool,
    node_mapping: BTreeMap<String, String>,
}

common_options!(BackupRestore);

impl Backups {
    /// The backup `id` to restore.
    pub fn restore(&self, id: impl Into<String>) -> BackupRestore {
        BackupRestore {
            backups: self.clone(),
            id: id.into(),
            common: Common::default(),
            roles: None,
            users: None,
            overwrite_alias: false,
            node_mapping: BTreeMap::new(),
        }
    }
}

impl BackupRestore {
    /// Whether the backup's RBAC roles are restored.
    pub fn roles(mut self, roles: RbacRestore) -> Self {
        self.roles = Some(roles);
        self
    }

    /// Whether the backup's database users are restored.
    pub fn users(mut self, users: RbacRestore) -> Self {
        self.users = Some(users);
        self
    }

    /// Re-points an alias of the server to the restored collection when
    /// the backup has an alias of the same name (by default the restore fails).
    pub fn overwrite_alias(mut self, overwrite: bool) -> Self {
        self.overwrite_alias = overwrite;
        self
    }

    /// Restores the shards the backup has on node `from` onto node `to`
    /// (for a cluster whose node names changed).
    pub fn node_mapping(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.node_mapping.insert(from.into(), to.into());
        self
    }

    fn body(&self) -> Result<Value> {
        let mut body = Map::new();
        self.common.selection(&mut body)?;
        let mut config = self.common.config()?;
        if let Some(roles) = self.roles {
            config.insert("rolesOptions".into(), json!(roles.name()));
        }
        if let Some(users) = self.users {
            config.insert("usersOptions".into(), json!(users.name()));
        }
        if !config.is_empty() {
            body.insert("config".into(), Value::Object(config));
        }
        if self.overwrite_alias {
            body.insert("overwriteAlias".into(), json!(true));
        }
        if !self.node_mapping.is_empty() {
            body.insert("node_mapping".into(), json!(self.node_mapping));
        }
        Ok(Value::Object(body))
    }

    /// Starts the restore and returns at once; follow it with [`Backups::restore_status`].
    pub async fn send(mut self) -> Result<BackupInfo> {
        let body = self.body()?;
        self.backups.run(Operation::Restore, &self.id, &body, &mut self.common, false).await
    }

    /// Starts the restore and waits until it is done: its final report, or
    /// [`Error::Backup`](crate::Error::Backup) when it failed (e.g. a
    /// collection exists already) or was cancelled.
    pub async fn wait(mut self) -> Result<BackupInfo> {
        let body = self.body()?;
        self.backups.run(Operation::Restore, &self.id, &body, &mut self.common, true).await
    }
}
