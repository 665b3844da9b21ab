//! A real Weaviate server on this machine, started and stopped by the
//! program: the Rust counterpart of the Python client's `connect_to_embedded`.
//!
//! [`EmbeddedServer::start`] finds the pinned `weaviate-server` binary
//! (building it with `go install` on first use, see [`WEAVIATE_VERSION`]),
//! starts it on free loopback ports with a private data folder and the
//! modules that need no network, and waits until REST reports ready and gRPC
//! reports SERVING. The server stops when the handle is dropped, when
//! [`EmbeddedServer::shutdown`] is awaited, or when this process ends.
//!
//! ```no_run
//! # async fn demo() -> weaviate_orm::Result<()> {
//! use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
//!
//! let server = EmbeddedServer::start(EmbeddedOptions::default()).await?;
//! let client = server.client_builder().connect().await?;
//! println!("Weaviate {}", client.meta().await?.version);
//! server.shutdown().await;
//! # Ok(()) }
//! ```

mod install;
mod process;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub use install::{CACHE_DIR_ENV, SERVER_BIN_ENV, WEAVIATE_VERSION, cache_dir, cached_binary, install_command};
use process::Ports;

use crate::Endpoint;
use crate::client::{Auth, ClientBuilder, ConnectionParams, Secret, Timeouts};
use crate::error::EmbeddedError;
use crate::{Error, Result};

/// Modules enabled by default: all of them work without network access.
pub const DEFAULT_MODULES: &[&str] = &["text2vec-bigram", "generative-dummy", "reranker-dummy", "backup-filesystem"];

/// The node name; fixed so a persistent data folder's Raft state matches it.
const NODE_NAME: &str = "weaviate-orm-embedded";

/// How an embedded server is set up. Every setting has a working default.
#[derive(Debug, Clone)]
pub struct EmbeddedOptions {
    version: String,
    binary: Option<PathBuf>,
    data_path: Option<PathBuf>,
    modules: Vec<String>,
    api_keys: Vec<(Secret, String)>,
    env: Vec<(String, String)>,
    startup_timeout: Duration,
    tls: Option<TlsFiles>,
    /// The OIDC issuer and client id, when users log in through one.
    oidc: Option<(String, String)>,
}

/// The files of a TLS-serving embedded server.
#[derive(Debug, Clone)]
struct TlsFiles {
    /// The server's certificate chain (PEM), for REST and gRPC.
    certificate: PathBuf,
    /// Its private key (PEM).
    key: PathBuf,
    /// The CA certificate (PEM) its clients trust.
    ca: Vec<u8>,
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
    /// Runs another Weaviate release than [`WEAVIATE_VERSION`].
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into().trim_start_matches('v').to_owned();
        self
    }

    /// Uses this binary instead of looking one up or building it.
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

    /// The server's environment: the launcher's settings, then the user's.
    fn environment(&self, root: &Path, ports: Ports) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = [
            ("PERSISTENCE_DATA_PATH", root.join("data").display().to_string()),
            ("BACKUP_FILESYSTEM_PATH", root.join("backups").display().to_string()),
            ("DEFAULT_VECTORIZER_MODULE", "none".to_owned()),
            ("ENABLE_MODULES", self.modules.join(",")),
            ("API_BASED_MODULES_DISABLED", "true".to_owned()),
            ("AUTOSCHEMA_ENABLED", "false".to_owned()),
            ("DISABLE_LAZY_LOAD_SHARDS", "true".to_owned()),
            ("CLUSTER_HOSTNAME", NODE_NAME.to_owned()),
            ("CLUSTER_IN_LOCALHOST", "true".to_owned()),
            ("CLUSTER_BIND_ADDR", "127.0.0.1".to_owned()),
            ("CLUSTER_ADVERTISE_ADDR", "127.0.0.1".to_owned()),
            ("CLUSTER_GOSSIP_BIND_PORT", ports.gossip.to_string()),
            ("CLUSTER_DATA_BIND_PORT", ports.data.to_string()),
            ("RAFT_PORT", ports.raft.to_string()),
            ("RAFT_INTERNAL_RPC_PORT", ports.raft_rpc.to_string()),
            ("RAFT_BOOTSTRAP_EXPECT", "1".to_owned()),
            ("GRPC_PORT", ports.grpc.to_string()),
            ("DISABLE_TELEMETRY", "true".to_owned()),
            ("GO_PROFILING_DISABLE", "true".to_owned()),
            ("LOG_LEVEL", "info".to_owned()),
            ("LOG_FORMAT", "text".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if let Some((issuer, client_id)) = &self.oidc {
            env.push(("AUTHENTICATION_OIDC_ENABLED".into(), "true".into()));
            env.push(("AUTHENTICATION_OIDC_ISSUER".into(), issuer.clone()));
            env.push(("AUTHENTICATION_OIDC_CLIENT_ID".into(), client_id.clone()));
            env.push(("AUTHENTICATION_OIDC_USERNAME_CLAIM".into(), "preferred_username".into()));
            env.push(("AUTHENTICATION_OIDC_SCOPES".into(), "openid".into()));
        }
        if self.api_keys.is_empty() {
            let anonymous = if self.oidc.is_some() { "false" } else { "true" };
            env.push(("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED".into(), anonymous.into()));
        } else {
            let keys: Vec<&str> = self.api_keys.iter().map(|(k, _)| k.expose()).collect();
            let users: Vec<&str> = self.api_keys.iter().map(|(_, u)| u.as_str()).collect();
            env.push(("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED".into(), "false".into()));
            env.push(("AUTHENTICATION_APIKEY_ENABLED".into(), "true".into()));
            env.push(("AUTHENTICATION_APIKEY_ALLOWED_KEYS".into(), keys.join(",")));
            env.push(("AUTHENTICATION_APIKEY_USERS".into(), users.join(",")));
        }
        if let Some(tls) = &self.tls {
            env.push(("GRPC_CERT_FILE".into(), tls.certificate.display().to_string()));
            env.push(("GRPC_KEY_FILE".into(), tls.key.display().to_string()));
        }
        env.extend(self.env.iter().cloned());
        env
    }

    /// The command-line arguments that choose the REST listener.
    fn listener_args(&self, http_port: u16) -> Vec<String> {
        let port = http_port.to_string();
        let args: Vec<&str> = match &self.tls {
            None => vec!["--host", "127.0.0.1", "--port", &port, "--scheme", "http"],
            Some(_) => vec!["--tls-host", "127.0.0.1", "--tls-port", &port, "--scheme", "https"],
        };
        let mut args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        if let Some(tls) = &self.tls {
            args.push(format!("--tls-certificate={}", tls.certificate.display()));
            args.push(format!("--tls-key={}", tls.key.display()));
        }
        args
    }
}

/// A running Weaviate server owned by this program.
#[derive(Debug)]
pub struct EmbeddedServer {
    child: Mutex<Option<Child>>,
    ports: Ports,
    root: PathBuf,
    temporary: bool,
    version: String,
    api_key: Option<Secret>,
    /// The CA to trust, when the server serves TLS.
    tls_ca: Option<Vec<u8>>,
    /// What [`start_again`](Self::start_again) runs.
    binary: PathBuf,
    options: EmbeddedOptions,
}

/// How [`EmbeddedServer::stop`] ends the server process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopMode {
    /// SIGTERM: the server drains (batch streams get `ShuttingDown`) and
    /// exits; SIGKILL after 15 s.
    Graceful,
    /// SIGKILL: the process dies at once, as in a crash.
    Kill,
}

impl EmbeddedServer {
    /// Finds or builds the binary, starts the server and waits until it is ready.
    ///
    /// A start that fails returns [`EmbeddedError::StartupFailed`] with the
    /// tail of the server's log.
    pub async fn start(options: EmbeddedOptions) -> Result<Self> {
        let (explicit, version) = (options.binary.clone(), options.version.clone());
        let binary = tokio::task::spawn_blocking(move || install::find_or_install(explicit.as_deref(), &version))
            .await
            .map_err(|e| EmbeddedError::Io { context: "installing weaviate-server".into(), source: e.into() })??;

        let (root, temporary) = match &options.data_path {
            Some(path) => (path.clone(), false),
            None => (private_folder(), true),
        };
        for sub in ["data", "backups"] {
            let dir = root.join(sub);
            std::fs::create_dir_all(&dir).map_err(EmbeddedError::io(format!("creating {}", dir.display())))?;
        }

        // A port chosen free can be taken before the server binds it; retry then.
        let mut attempt = 0;
        loop {
            attempt += 1;
            let ports = Ports::free().map_err(EmbeddedError::io("finding free ports"))?;
            let server = Self {
                child: Mutex::new(None),
                ports,
                root: root.clone(),
                temporary,
                version: options.version.clone(),
                api_key: options.api_keys.first().map(|(key, _)| key.clone()),
                tls_ca: options.tls.as_ref().map(|tls| tls.ca.clone()),
                binary: binary.clone(),
                options: options.clone(),
            };
            match server.launch().await {
                Ok(()) => return Ok(server),
                Err(Error::Embedded(EmbeddedError::StartupFailed { log_tail, .. }))
                    if attempt < 3 && log_tail.contains("address already in use") =>
                {
                    tracing::warn!("a port was taken while weaviate-server started; retrying with new ports");
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Stops the server process, keeping its ports and data for
    /// [`start_again`](Self::start_again). Does nothing if it is not running.
    pub async fn stop(&self, mode: StopMode) {
        let Some(mut child) = self.lock_child().take() else { return };
        let _ = tokio::task::spawn_blocking(move || match mode {
            StopMode::Graceful => process::stop(&mut child, Duration::from_secs(15)),
            StopMode::Kill => {
                let _ = child.kill();
                let _ = child.wait();
            }
        })
        .await;
    }

    /// Starts the server again after [`stop`](Self::stop), on the same ports
    /// and data, and waits until it is ready.
    pub async fn start_again(&self) -> Result<()> {
        if self.exit_status().is_none() && self.lock_child().is_some() {
            return Ok(());
        }
        self.launch().await
    }

    async fn launch(&self) -> Result<()> {
        let (binary, options) = (&self.binary, &self.options);
        let log_path = self.log_path();
        let log =
            std::fs::File::create(&log_path).map_err(EmbeddedError::io(format!("creating {}", log_path.display())))?;
        let log_err = log.try_clone().map_err(EmbeddedError::io("duplicating the log handle"))?;
        let mut command = Command::new(binary);
        command
            .args(options.listener_args(self.ports.http))
            .args(["--read-timeout=600s", "--write-timeout=600s"])
            .envs(options.environment(&self.root, self.ports))
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        let child = process::spawn_tied_to_process(command)
            .map_err(EmbeddedError::io(format!("starting {}", binary.display())))?;
        tracing::info!(pid = child.id(), http = self.ports.http, grpc = self.ports.grpc, "started weaviate-server");
        *self.lock_child() = Some(child);
        self.wait_until_ready(options.startup_timeout).await
    }

    /// Polls the ready endpoint until it answers 200, then runs the client's
    /// start-up checks (meta and gRPC health) once.
    async fn wait_until_ready(&self, timeout: Duration) -> Result<()> {
        let probe_timeouts = Timeouts { init: Duration::from_secs(2), ..Timeouts::default() };
        let client = self.client_builder().timeouts(probe_timeouts).skip_init_checks(true).connect().await?;
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.exit_status() {
                return Err(self.startup_failed(format!("the server exited ({status})")));
            }
            if client.is_ready().await.unwrap_or(false) {
                break;
            }
            if Instant::now() >= deadline {
                return Err(self.startup_failed(format!("not ready after {timeout:?}")));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if self.options.oidc.is_some() {
            // Every other endpoint needs a token from the provider; ready is enough.
            return Ok(());
        }
        client.run_init_checks().await.map(drop).map_err(|e| self.startup_failed(format!("ready, but {e}")))
    }

    fn startup_failed(&self, reason: String) -> Error {
        if let Some(child) = self.lock_child().as_mut() {
            process::stop(child, Duration::from_secs(5));
        }
        let log_path = self.log_path();
        Error::Embedded(EmbeddedError::StartupFailed { reason, log_tail: process::log_tail(&log_path, 40), log_path })
    }

    fn exit_status(&self) -> Option<std::process::ExitStatus> {
        self.lock_child().as_mut().and_then(|child| child.try_wait().ok().flatten())
    }

    fn lock_child(&self) -> std::sync::MutexGuard<'_, Option<Child>> {
        self.child.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Where the server's REST and gRPC APIs listen (TLS when it serves TLS).
    pub fn connection_params(&self) -> ConnectionParams {
        match self.tls_ca {
            None => ConnectionParams::local_ports(self.ports.http, self.ports.grpc),
            Some(_) => ConnectionParams {
                http: Endpoint::tls("127.0.0.1", self.ports.http),
                grpc: Endpoint::tls("127.0.0.1", self.ports.grpc),
            },
        }
    }

    /// A client builder for this server: its first API key if it has any,
    /// and its CA when it serves TLS.
    pub fn client_builder(&self) -> ClientBuilder {
        let mut builder = ClientBuilder::custom(self.connection_params());
        if let Some(key) = &self.api_key {
            builder = builder.auth(Auth::ApiKey(key.clone()));
        }
        if let Some(ca) = &self.tls_ca {
            builder = builder.ca_certificate_pem(ca.clone());
        }
        builder
    }

    /// The REST port.
    pub fn http_port(&self) -> u16 {
        self.ports.http
    }

    /// The gRPC port.
    pub fn grpc_port(&self) -> u16 {
        self.ports.grpc
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.lock_child().as_ref().map(Child::id)
    }

    /// The Weaviate version this server was started from.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The server's log file (stdout and stderr).
    pub fn log_path(&self) -> PathBuf {
        self.root.join("weaviate-server.log")
    }

    /// The folder holding the server's data.
    pub fn data_path(&self) -> PathBuf {
        self.root.join("data")
    }

    /// Stops the server (SIGTERM, then SIGKILL after 15 s) and waits for it.
    pub async fn shutdown(self) {
        let _ = tokio::task::spawn_blocking(move || drop(self)).await;
    }
}

impl Drop for EmbeddedServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.lock_child().take() {
            process::stop(&mut child, Duration::from_secs(15));
        }
        if self.temporary {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}

/// A fresh folder under the system's temporary folder.
fn private_folder() -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("weaviate-orm-{}-{n}-{nanos}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
        env.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn environment_is_loopback_only_with_the_chosen_ports() {
        let ports = Ports { http: 1, grpc: 2, gossip: 3, data: 4, raft: 5, raft_rpc: 6 };
        let env = EmbeddedOptions::default().environment(Path::new("/x"), ports);
        assert_eq!(value(&env, "GRPC_PORT"), Some("2"));
        assert_eq!(value(&env, "CLUSTER_BIND_ADDR"), Some("127.0.0.1"));
        assert_eq!(value(&env, "RAFT_INTERNAL_RPC_PORT"), Some("6"));
        assert_eq!(value(&env, "PERSISTENCE_DATA_PATH"), Some("/x/data"));
        assert_eq!(
            value(&env, "ENABLE_MODULES"),
            Some("text2vec-bigram,generative-dummy,reranker-dummy,backup-filesystem")
        );
        assert_eq!(value(&env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED"), Some("true"));
        assert_eq!(value(&env, "DISABLE_TELEMETRY"), Some("true"));
    }

    #[test]
    fn oidc_turns_off_anonymous_access_without_api_keys() {
        let options = EmbeddedOptions::default().oidc("http://127.0.0.1:1/realms/r", "client");
        let env = options.environment(Path::new("/x"), Ports::free().expect("ports"));
        assert_eq!(value(&env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED"), Some("false"));
        assert_eq!(value(&env, "AUTHENTICATION_OIDC_ISSUER"), Some("http://127.0.0.1:1/realms/r"));
        assert_eq!(value(&env, "AUTHENTICATION_OIDC_CLIENT_ID"), Some("client"));
        assert_eq!(value(&env, "AUTHENTICATION_APIKEY_ENABLED"), None);
    }

    #[test]
    fn api_keys_turn_off_anonymous_access_and_user_env_wins() {
        let options =
            EmbeddedOptions::default().api_key("k1", "alice").api_key("k2", "bob").env("AUTOSCHEMA_ENABLED", "true");
        let env = options.environment(Path::new("/x"), Ports::free().expect("ports"));
        assert_eq!(value(&env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED"), Some("false"));
        assert_eq!(value(&env, "AUTHENTICATION_APIKEY_ALLOWED_KEYS"), Some("k1,k2"));
        assert_eq!(value(&env, "AUTHENTICATION_APIKEY_USERS"), Some("alice,bob"));
        assert_eq!(value(&env, "AUTOSCHEMA_ENABLED"), Some("true"));
        assert!(!format!("{options:?}").contains("k1"), "keys must not show in Debug");
    }
}
