//! The server's `/v1/meta` answer and the version check made at connect time.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{Error, Result};

/// The oldest server this client talks to: the one whose gRPC property
/// format and search API this crate speaks.
pub const MIN_SERVER_VERSION: semver::Version = semver::Version::new(1, 33, 0);

/// What `GET /v1/meta` says about the server.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ServerMeta {
    /// The node's host name (as the server sees it).
    #[serde(default)]
    pub hostname: String,
    /// The server's version, e.g. `1.39.3`.
    pub version: String,
    /// Enabled modules and their module-specific information.
    #[serde(default)]
    pub modules: BTreeMap<String, serde_json::Value>,
    /// The largest gRPC message the server accepts, in bytes.
    #[serde(rename = "grpcMaxMessageSize", default)]
    pub grpc_max_message_size: Option<usize>,
}

impl ServerMeta {
    /// The version, parsed. Versions such as `1.40.0-dev` parse as pre-releases.
    pub fn semver(&self) -> Result<semver::Version> {
        semver::Version::parse(self.version.trim_start_matches('v')).map_err(|e| Error::UnexpectedResponse {
            operation: "GET /v1/meta".into(),
            message: format!("version {:?} is not a semantic version: {e}", self.version),
        })
    }

    /// Whether the server has the module `name` enabled.
    pub fn has_module(&self, name: &str) -> bool {
        self.modules.contains_key(name)
    }

    /// Fails with [`Error::UnsupportedServer`] if the server is older than
    /// [`MIN_SERVER_VERSION`].
    pub(crate) fn check_supported(&self) -> Result<()> {
        let version = self.semver()?;
        // Compare release numbers only, so 1.33.0-rc.1 counts as 1.33.0.
        let release = semver::Version::new(version.major, version.minor, version.patch);
        if release < MIN_SERVER_VERSION {
            return Err(Error::UnsupportedServer {
                found: self.version.clone(),
                required: MIN_SERVER_VERSION.to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(version: &str) -> ServerMeta {
        ServerMeta {
            hostname: String::new(),
            version: version.into(),
            modules: BTreeMap::new(),
            grpc_max_message_size: None,
        }
    }

    #[test]
    fn parses_the_servers_json() {
        let json = r#"{"hostname":"http://[::]:8080","version":"1.39.3","modules":{"generative-dummy":{}},"grpcMaxMessageSize":104858000}"#;
        let meta: ServerMeta = serde_json::from_str(json).expect("valid meta");
        assert_eq!(meta.grpc_max_message_size, Some(104_858_000));
        assert!(meta.has_module("generative-dummy"));
        assert_eq!(meta.semver().expect("semver"), semver::Version::new(1, 39, 3));
    }

    #[test]
    fn refuses_old_servers_and_accepts_new_ones() {
        assert!(matches!(meta("1.32.9").check_supported(), Err(Error::UnsupportedServer { .. })));
        assert!(meta("1.33.0").check_supported().is_ok());
        assert!(meta("1.33.0-rc.1").check_supported().is_ok());
        assert!(meta("1.40.0-dev").check_supported().is_ok());
        assert!(matches!(meta("banana").check_supported(), Err(Error::UnexpectedResponse { .. })));
    }
}
