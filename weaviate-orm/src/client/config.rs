//! Plain configuration values: where the server is and how long to wait.

use std::time::Duration;

/// One transport's address: host, port, and whether to use TLS.
///
/// ```
/// use weaviate_orm::Endpoint;
///
/// assert_eq!(Endpoint::tls("weaviate.example.com", 443).url(), "https://weaviate.example.com:443");
/// assert_eq!(Endpoint::plain("::1", 8080).url(), "http://[::1]:8080");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Host name or IP address.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// Use TLS (`https` / secure gRPC).
    pub secure: bool,
}

impl Endpoint {
    /// A plain-text endpoint.
    pub fn plain(host: impl Into<String>, port: u16) -> Self {
        Self { host: host.into(), port, secure: false }
    }

    /// A TLS endpoint.
    pub fn tls(host: impl Into<String>, port: u16) -> Self {
        Self { host: host.into(), port, secure: true }
    }

    /// The endpoint as a URL, e.g. `http://127.0.0.1:8080`.
    pub fn url(&self) -> String {
        let scheme = if self.secure { "https" } else { "http" };
        match self.host.parse::<std::net::Ipv6Addr>() {
            Ok(_) => format!("{scheme}://[{}]:{}", self.host, self.port),
            Err(_) => format!("{scheme}://{}:{}", self.host, self.port),
        }
    }
}

/// Where a server's REST and gRPC APIs listen; give it to
/// [`connect_to_custom`](crate::connect_to_custom) or
/// [`ClientBuilder::custom`](crate::ClientBuilder::custom).
///
/// ```
/// use weaviate_orm::{ConnectionParams, Endpoint};
///
/// let remote = ConnectionParams {
///     http: Endpoint::tls("weaviate.example.com", 443),
///     grpc: Endpoint::tls("grpc.weaviate.example.com", 443),
/// };
/// let local = ConnectionParams::local_ports(8099, 50099);
/// assert_eq!(local.grpc, Endpoint::plain("127.0.0.1", 50099));
/// # let _ = remote;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionParams {
    /// The REST (HTTP) API.
    pub http: Endpoint,
    /// The gRPC API.
    pub grpc: Endpoint,
}

impl ConnectionParams {
    /// A server on this machine: REST on 8080 and gRPC on 50051, without TLS.
    pub fn local() -> Self {
        Self::local_ports(8080, 50051)
    }

    /// A server on this machine (127.0.0.1) with the given ports, without TLS.
    pub fn local_ports(http_port: u16, grpc_port: u16) -> Self {
        Self { http: Endpoint::plain("127.0.0.1", http_port), grpc: Endpoint::plain("127.0.0.1", grpc_port) }
    }
}

/// How long each kind of call may take, as in the Python client's `Timeout`.
///
/// The timeouts apply to both transports: `init` to connecting and the
/// start-up checks, `query` to reads, `insert` to writes. A call that takes
/// longer fails with [`Error::Timeout`](crate::Error::Timeout).
///
/// ```
/// use std::time::Duration;
/// use weaviate_orm::{ClientBuilder, Timeouts};
///
/// let timeouts = Timeouts { insert: Duration::from_secs(300), ..Timeouts::default() };
/// assert_eq!(timeouts.query, Duration::from_secs(30));
/// let builder = ClientBuilder::local().timeouts(timeouts);
/// # let _ = builder;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Connecting and the initial checks (meta, gRPC health).
    pub init: Duration,
    /// Reads: searches, aggregations, schema and object reads.
    pub query: Duration,
    /// Writes: inserts, batches, updates and deletes.
    pub insert: Duration,
}

impl Default for Timeouts {
    /// 10 s to connect, 30 s per query, 90 s per write. The Python client
    /// waits 2 s to connect; a loaded CI machine needs more.
    fn default() -> Self {
        Self { init: Duration::from_secs(10), query: Duration::from_secs(30), insert: Duration::from_secs(90) }
    }
}
