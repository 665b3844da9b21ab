//! [`Transports`]: REST and gRPC side by side, with their timeouts.

use super::config::Timeouts;
use super::grpc;
use super::meta::ServerMeta;
use super::rest::{self, Path};
use crate::Result;

/// Both transports and the timeouts that apply to them.
#[derive(Debug, Clone)]
pub(crate) struct Transports {
    pub(crate) rest: rest::Rest,
    pub(crate) grpc: grpc::Grpc,
    pub(crate) timeouts: Timeouts,
}

impl Transports {
    /// The Python client's start-up checks: `/v1/meta` (refusing servers that
    /// are too old), then the gRPC health check.
    pub(crate) async fn init_checks(&self) -> Result<ServerMeta> {
        let meta: ServerMeta = self.rest.get_json(&Path::new("meta"), self.timeouts.init).await?;
        meta.check_supported()?;
        self.grpc.check_health(self.timeouts.init).await?;
        Ok(meta)
    }
}
