//! A fault-injecting TCP proxy on loopback, in front of a real server: it
//! forwards each connection, and from a fixed seed corrupts bytes, cuts
//! connections short, stalls them and drops them. Not a fake server: every
//! answer that gets through is the real server's.
//!
//! Bytes are corrupted only on the way back from the server: a flipped
//! byte in a plain-text request can change an object's data or id in a way
//! no client can detect (the protocol has no checksum), while a corrupted
//! answer is the client's to survive.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the proxy did, counted over every connection.
#[derive(Debug, Default)]
pub struct FaultCounts {
    /// Chunks forwarded unchanged.
    pub passed: AtomicU64,
    /// Chunks with one byte flipped.
    pub corrupted: AtomicU64,
    /// Connections closed after part of a chunk.
    pub truncated: AtomicU64,
    /// Chunks held back for a while before forwarding.
    pub stalled: AtomicU64,
    /// Connections dropped outright.
    pub cut: AtomicU64,
}

/// The proxy; stops when dropped.
#[derive(Debug)]
pub struct FaultProxy {
    port: u16,
    counts: Arc<FaultCounts>,
    /// Connections numbered up to this one no longer forward the client's bytes.
    frozen_up_to: Arc<AtomicU64>,
    accepted: Arc<AtomicU64>,
    task: JoinHandle<()>,
}

impl FaultProxy {
    /// A proxy to `target` whose faults follow `seed`; a chunk is faulty
    /// with probability `fault_percent` / 100.
    ///
    /// # Errors
    /// When it cannot listen on loopback.
    pub async fn start(target: SocketAddr, seed: u64, fault_percent: u64) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let counts = Arc::new(FaultCounts::default());
        let (frozen_up_to, accepted) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let (shared, frozen, numbers) = (counts.clone(), frozen_up_to.clone(), accepted.clone());
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let connection = numbers.fetch_add(1, Ordering::SeqCst) + 1;
                let counts = shared.clone();
                let freeze = Freeze { up_to: frozen.clone(), connection };
                let rng = fastrand::Rng::with_seed(seed ^ connection.wrapping_mul(0x9E37_79B9_7F4A_7C15));
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(target).await {
                        relay(client, server, rng, fault_percent, counts, freeze).await;
                    }
                });
            }
        });
        Ok(Self { port, counts, frozen_up_to, accepted, task })
    }

    /// From now on, every connection open so far holds back whatever the
    /// client sends, for good, while the server's bytes still reach the
    /// client: a stalled connection the client cannot see as closed. New
    /// connections work.
    pub fn freeze_open_connections(&self) {
        self.frozen_up_to.store(self.accepted.load(Ordering::SeqCst), Ordering::SeqCst);
    }

    /// How many connections it has accepted.
    pub fn connections(&self) -> u64 {
        self.accepted.load(Ordering::SeqCst)
    }

    /// The port to connect to instead of the server's.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// What it has done so far.
    pub fn counts(&self) -> &FaultCounts {
        &self.counts
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Whether a connection's client bytes are held back.
struct Freeze {
    up_to: Arc<AtomicU64>,
    connection: u64,
}

impl Freeze {
    fn frozen(&self) -> bool {
        self.connection <= self.up_to.load(Ordering::SeqCst)
    }
}

async fn relay(
    client: TcpStream,
    server: TcpStream,
    mut rng: fastrand::Rng,
    fault_percent: u64,
    counts: Arc<FaultCounts>,
    freeze: Freeze,
) {
    let _ = (client.set_nodelay(true), server.set_nodelay(true));
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    let second = rng.fork();
    let up = pump(client_read, server_write, rng, fault_percent, Some(freeze), counts.clone());
    let down = pump(server_read, client_write, second, fault_percent, None, counts);
    // When one direction ends (or is cut), the whole connection goes.
    tokio::select! {
        () = up => {}
        () = down => {}
    }
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut rng: fastrand::Rng,
    fault_percent: u64,
    upstream: Option<Freeze>,
    counts: Arc<FaultCounts>,
) {
    // Only the server's answers are corrupted (see the module's docs).
    let corrupt = upstream.is_none();
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if upstream.as_ref().is_some_and(Freeze::frozen) {
            // Held for good; the connection stays open.
            std::future::pending::<()>().await;
        }
        let chunk = &mut buffer[..n];
        if rng.u64(..100) >= fault_percent {
            counts.passed.fetch_add(1, Ordering::Relaxed);
        } else {
            match rng.u8(..4) {
                0 if corrupt => {
                    counts.corrupted.fetch_add(1, Ordering::Relaxed);
                    chunk[rng.usize(..n)] ^= 1 << rng.u8(..8);
                }
                1 => {
                    counts.truncated.fetch_add(1, Ordering::Relaxed);
                    let _ = to.write_all(&chunk[..rng.usize(..n)]).await;
                    return;
                }
                2 => {
                    counts.stalled.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(500 + rng.u64(..3000))).await;
                }
                0 => {
                    counts.passed.fetch_add(1, Ordering::Relaxed);
                }
                _ => {
                    counts.cut.fetch_add(1, Ordering::Relaxed);
                    return;
                }
            }
        }
        if to.write_all(chunk).await.is_err() {
            return;
        }
    }
}
