//! [`EmbeddedOptions`]: how an embedded server is set up.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::install::WEAVIATE_VERSION;
use crate::Result;
use crate::client::Secret;
use crate::error::EmbeddedError;

/// Modules enabled by default: all of them work without network access.
pub const DEFAULT_MODULES: &[&str] = &["text2vec-bigram", "generative-dummy", "reranker-dummy", "backup-filesystem"];

/// How an embedded server is set up. Every setting has a working default:
/// [`WEAVIATE_VERSION`], a private temporary data folder, the
/// [`DEFAULT_MODULES`], anonymous access, and 120 s to start.
///
/// ```
/// use std::time::Duration;
/// use weaviate_orm::embedded::EmbeddedOptions;
///
/// let options = EmbeddedOptions::default()
///     .data_path("target/weaviate-data") // kept between runs
///     .modules(["text2vec-bigram", "generative-dummy"])
///     .api_key("dev-key", "admin")
///     .env("QUERY_MAXIMUM_RESULTS", "50000")
///     .startup_timeout(Duration::from_secs(300));
/// # let _ = options;
/// ```
///
/// Start a server with [`EmbeddedServer::start`](super::EmbeddedServer::start)
/// or [`connect_to_embedded`](crate::connect_to_embedded).
#[derive(Debug, Clone)]
pub struct EmbeddedOptions {
    pub(super) version: String,
    pub(super) binary: Option<PathBuf>,
    pub(super) data_path: Option<PathBuf>,
    pub(super) modules: Vec<String>,
    pub(super) api_keys: Vec<(Secret, String)>,
    pub(super) env: Vec<(String, String)>,
    pub(super) startup_timeout: Duration,
    pub(super) tls: Option<TlsFiles>,
    /// The OIDC issuer and client id, when users log in through one.
    pub(super) oidc: Option<(String, String)>,
}

/// The files of a TLS-serving embedded server.
#[derive(Debug, Clone)]
pub(super) struct TlsFiles {
    /// The server's certificate chain (PEM), for REST and gRPC.
    pub(super) certificate: PathBuf,
    /// Its private key (PEM).
    pub(super) key: PathBuf,
    /// The CA certificate (PEM) its clients trust.
    pub(super) ca: Vec<u8>,
}

impl Default for EmbeddedOptions {
    fn default() -> Self {
        Self {
            version: WEAVIATE_VERSION.to_owned(),
            binary: None,
            data_path: None,
            modules: DEFAULT_MODULES.iter().map(|m| (*m).to_owned()).collect(),
            api_keys: Vec::new(),
            env: Vec::new(),
            startup_timeout: Duration::from_secs(120),
            tls: None,
            oidc: None,
        }
    }
}

impl EmbeddedOptions {
    /// Runs another Weaviate release than [`WEAVIATE_VERSION`] (built with
    /// `go install` on first use, like the pinned one).
    ///
    /// ```
    /// use weaviate_orm::embedded::EmbeddedOptions;
    /// let options = EmbeddedOptions::default().version("1.36.0");
    /// # let _ = options;
    /// ```
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into().trim_start_matches('v').to_owned();
        self
    }

    /// Uses this binary instead of looking one up or building it. It takes
    /// precedence over the `WEAVIATE_SERVER_BIN` variable, which does the
    /// same without code.
    ///
    /// ```
    /// use weaviate_orm::embedded::EmbeddedOptions;
    /// let options = EmbeddedOptions::default().binary("/opt/weaviate/weaviate-server");
    /// # let _ = options;
    /// ```
    pub fn binary(mut self, path: impl Into<PathBuf>) -> Self {
        self.binary = Some(path.into());
        self
    }

    /// Keeps the data in this folder (kept after the server stops) instead of
    /// a private temporary folder (removed when it stops).
    pub fn data_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.data_path = Some(path.into());
        self
    }

    /// Replaces the enabled modules.
    pub fn modules<I, S>(mut self, modules: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.modules = modules.into_iter().map(Into::into).collect();
        self
    }

    /// Turns on API-key authentication and accepts `key` for `user`;
    /// anonymous access is then refused. Call again for more keys.
    pub fn api_key(mut self, key: impl Into<Secret>, user: impl Into<String>) -> Self {
        self.api_keys.push((key.into(), user.into()));
        self
    }

    /// Users authenticate with tokens from the OIDC provider `issuer` (its
    /// URL, as in the tokens' `iss`) issued to `client_id`; anonymous
    /// access is off. The username is the `preferred_username` claim.
    pub fn oidc(mut self, issuer: impl Into<String>, client_id: impl Into<String>) -> Self {
        self.oidc = Some((issuer.into(), client_id.into()));
        self
    }

    /// Sets an environment variable of the server, overriding the launcher's own.
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((name.into(), value.into()));
        self
    }

    /// Serves REST and gRPC over TLS with this certificate (PEM, valid for
    /// `127.0.0.1`) and key; the server's clients trust the CA certificate
    /// `ca_pem`. Fails when the CA file cannot be read.
    ///
    /// ```no_run
    /// # fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::embedded::EmbeddedOptions;
    ///
    /// let options = EmbeddedOptions::default().tls("certs/server.pem", "certs/server.key", "certs/ca.pem")?;
    /// # Ok(()) }
    /// ```
    pub fn tls(
        mut self,
        certificate: impl Into<PathBuf>,
        key: impl Into<PathBuf>,
        ca_pem: impl AsRef<Path>,
    ) -> Result<Self> {
        let ca_pem = ca_pem.as_ref();
        let ca = std::fs::read(ca_pem).map_err(EmbeddedError::io(format!("reading {}", ca_pem.display())))?;
        self.tls = Some(TlsFiles { certificate: certificate.into(), key: key.into(), ca });
        Ok(self)
    }

    /// How long to wait for the server to become ready (default 120 s).
    pub fn startup_timeout(mut self, timeout: Duration) -> Self {
        self.startup_timeout = timeout;
        self
    }
}
