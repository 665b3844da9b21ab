//! [`EmbeddedServer`]: the server's lifecycle: install, start on free
//! ports, wait until ready, stop and start again, clean up.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::environment::Membership;
use super::install;
use super::options::EmbeddedOptions;
use super::process::{self, Ports};
use crate::client::{Secret, Timeouts};
use crate::error::EmbeddedError;
use crate::{Error, Result};

/// A running Weaviate server owned by this program.
///
/// It stops when dropped or [`shutdown`](Self::shutdown); its data folder
/// is removed then too, unless [`EmbeddedOptions::data_path`] chose it. To
/// have a client own it, use [`connect_to_embedded`](crate::connect_to_embedded)
/// or [`ClientBuilder::owning`](crate::ClientBuilder::owning).
///
/// ```no_run
/// # async fn demo() -> weaviate_orm::Result<()> {
/// use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
///
/// let server = EmbeddedServer::start(EmbeddedOptions::default()).await?;
/// println!("REST on {}, gRPC on {}, log in {}", server.http_port(), server.grpc_port(), server.log_path().display());
/// let client = server.client_builder().connect().await?;
/// // ... use the client ...
/// server.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct EmbeddedServer {
    pub(super) child: Mutex<Option<Child>>,
    pub(super) ports: Ports,
    pub(super) root: PathBuf,
    pub(super) temporary: bool,
    pub(super) version: String,
    pub(super) api_key: Option<Secret>,
    /// The CA to trust, when the server serves TLS.
    pub(super) tls_ca: Option<Vec<u8>>,
    /// What [`start_again`](Self::start_again) runs.
    pub(super) binary: PathBuf,
    pub(super) options: EmbeddedOptions,
    /// Its place in a cluster; `None` for a server of its own.
    pub(super) membership: Option<Membership>,
}

/// How [`EmbeddedServer::stop`] ends the server process.
///
/// ```no_run
/// # async fn demo(server: weaviate_orm::embedded::EmbeddedServer) -> weaviate_orm::Result<()> {
/// use weaviate_orm::embedded::StopMode;
///
/// server.stop(StopMode::Graceful).await; // SIGTERM: running batch streams drain before it exits
/// server.start_again().await?;
/// # Ok(()) }
/// ```
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
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
    /// use weaviate_orm::{EmbeddedError, Error};
    ///
    /// let server = match EmbeddedServer::start(EmbeddedOptions::default()).await {
    ///     Ok(server) => server,
    ///     Err(Error::Embedded(EmbeddedError::StartupFailed { reason, log_tail, .. })) => {
    ///         eprintln!("weaviate-server did not start ({reason}):\n{log_tail}");
    ///         return Ok(());
    ///     }
    ///     Err(other) => return Err(other),
    /// };
    /// # Ok(()) }
    /// ```
    pub async fn start(options: EmbeddedOptions) -> Result<Self> {
        let binary = install_binary(&options).await?;
        let (root, temporary) = root_folder(&options);
        // A port chosen free can be taken before the server binds it; retry then.
        let mut attempt = 0;
        loop {
            attempt += 1;
            let ports = Ports::free().map_err(EmbeddedError::io("finding free ports"))?;
            let mut server = Self::prepare(&options, &binary, root.clone(), temporary, ports, None)?;
            match server.launch().await {
                Ok(()) => return Ok(server),
                Err(error) if attempt < 3 && is_port_taken(&error) => {
                    tracing::warn!("a port was taken while weaviate-server started; retrying with new ports");
                    // The next attempt uses the same folder: dropping this one must not remove it.
                    server.temporary = false;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// A server not started yet, with its folders made.
    pub(super) fn prepare(
        options: &EmbeddedOptions,
        binary: &std::path::Path,
        root: PathBuf,
        temporary: bool,
        ports: Ports,
        membership: Option<Membership>,
    ) -> Result<Self> {
        for sub in ["data", "backups"] {
            let dir = root.join(sub);
            std::fs::create_dir_all(&dir).map_err(EmbeddedError::io(format!("creating {}", dir.display())))?;
        }
        Ok(Self {
            child: Mutex::new(None),
            ports,
            root,
            temporary,
            version: options.version.clone(),
            api_key: options.api_keys.first().map(|(key, _)| key.clone()),
            tls_ca: options.tls.as_ref().map(|tls| tls.ca.clone()),
            binary: binary.to_owned(),
            options: options.clone(),
            membership,
        })
    }

    /// Stops the server process, keeping its ports and data for
    /// [`start_again`](Self::start_again). Does nothing if it is not running.
    ///
    /// ```no_run
    /// # async fn demo() -> weaviate_orm::Result<()> {
    /// use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer, StopMode};
    ///
    /// let server = EmbeddedServer::start(EmbeddedOptions::default()).await?;
    /// let client = server.client_builder().connect().await?;
    /// server.stop(StopMode::Kill).await; // as in a crash
    /// assert!(!client.is_ready().await?);
    /// server.start_again().await?; // same ports, same data
    /// assert!(client.is_ready().await?); // the client reconnects by itself
    /// # Ok(()) }
    /// ```
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
    /// and data, and waits until it is ready. Does nothing if it is running.
    ///
    /// ```no_run
    /// # use weaviate_orm::embedded::{EmbeddedServer, StopMode};
    /// # async fn demo(server: EmbeddedServer) -> weaviate_orm::Result<()> {
    /// server.stop(StopMode::Kill).await;
    /// server.start_again().await?; // ready again, with every object written before the kill
    /// # Ok(()) }
    /// ```
    pub async fn start_again(&self) -> Result<()> {
        if self.exit_status().is_none() && self.lock_child().is_some() {
            return Ok(());
        }
        self.launch().await
    }

    async fn launch(&self) -> Result<()> {
        self.spawn()?;
        self.wait_until_ready(self.options.startup_timeout).await
    }

    /// Starts the process, without waiting for it to be ready.
    pub(super) fn spawn(&self) -> Result<()> {
        let (binary, options) = (&self.binary, &self.options);
        let log_path = self.log_path();
        let log =
            std::fs::File::create(&log_path).map_err(EmbeddedError::io(format!("creating {}", log_path.display())))?;
        let log_err = log.try_clone().map_err(EmbeddedError::io("duplicating the log handle"))?;
        let mut command = Command::new(binary);
        command
            .args(options.listener_args(self.ports.http))
            .args(["--read-timeout=600s", "--write-timeout=600s"])
            .envs(options.environment(&self.root, self.ports, self.membership.as_ref()))
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        let child = process::spawn_tied_to_process(command)
            .map_err(EmbeddedError::io(format!("starting {}", binary.display())))?;
        let node = self.membership.as_ref().map_or("", |m| m.node.as_str());
        tracing::info!(
            pid = child.id(),
            http = self.ports.http,
            grpc = self.ports.grpc,
            node,
            "started weaviate-server"
        );
        *self.lock_child() = Some(child);
        Ok(())
    }

    /// Polls the ready endpoint until it answers 200, then runs the client's
    /// start-up checks (meta and gRPC health) once.
    pub(super) async fn wait_until_ready(&self, timeout: Duration) -> Result<()> {
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

    /// Stops the server (SIGTERM, then SIGKILL after 15 s) and waits for it,
    /// removing a temporary data folder. Dropping the server does the same,
    /// but blocks the thread it is dropped on.
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

/// The `weaviate-server` binary the options ask for, built on first use.
pub(super) async fn install_binary(options: &EmbeddedOptions) -> Result<PathBuf> {
    let (explicit, version) = (options.binary.clone(), options.version.clone());
    tokio::task::spawn_blocking(move || install::find_or_install(explicit.as_deref(), &version))
        .await
        .map_err(|e| EmbeddedError::Io { context: "installing weaviate-server".into(), source: e.into() })?
        .map_err(Error::from)
}

/// Whether a start failed because a chosen port was taken meanwhile.
pub(super) fn is_port_taken(error: &Error) -> bool {
    matches!(error, Error::Embedded(EmbeddedError::StartupFailed { log_tail, .. }) if log_tail.contains("address already in use"))
}

/// The folder of the server's (or cluster's) data: the options' data path,
/// kept, or a fresh temporary one, removed afterwards (`true`).
pub(super) fn root_folder(options: &EmbeddedOptions) -> (PathBuf, bool) {
    match &options.data_path {
        Some(path) => (path.clone(), false),
        None => (private_folder(), true),
    }
}

/// A fresh folder under the system's temporary folder.
fn private_folder() -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("weaviate-orm-{}-{n}-{nanos}", std::process::id()))
}
