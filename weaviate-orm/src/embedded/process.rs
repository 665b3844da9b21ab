//! Process plumbing for the embedded server: free ports, spawning so that the
//! server dies with this process, stopping, and reading the log's tail.

use std::io::{Read, Seek, SeekFrom};
use std::net::{TcpListener, UdpSocket};
use std::path::Path;
use std::process::{Child, Command};
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The six ports a single node needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ports {
    pub(crate) http: u16,
    pub(crate) grpc: u16,
    pub(crate) gossip: u16,
    pub(crate) data: u16,
    pub(crate) raft: u16,
    pub(crate) raft_rpc: u16,
}

impl Ports {
    /// Ports that are free on 127.0.0.1 right now. The four cluster ports
    /// form a block (gossip, data = gossip + 1, Raft, Raft RPC), the layout
    /// the server's single-node Raft bootstrap relies on; gossip is free for
    /// UDP too. Every listener is held until all ports are chosen.
    pub(crate) fn free() -> std::io::Result<Self> {
        let http = TcpListener::bind("127.0.0.1:0")?;
        let grpc = TcpListener::bind("127.0.0.1:0")?;
        let (gossip, _block) = free_block(4)?;
        Ok(Self {
            http: http.local_addr()?.port(),
            grpc: grpc.local_addr()?.port(),
            gossip,
            data: gossip + 1,
            raft: gossip + 2,
            raft_rpc: gossip + 3,
        })
    }
}

/// `len` consecutive ports free for TCP (the first also for UDP), with their
/// listeners. Candidates start where the OS hands out an ephemeral port.
fn free_block(len: u16) -> std::io::Result<(u16, Vec<TcpListener>)> {
    for _ in 0..100 {
        let first = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        if first > u16::MAX - len || UdpSocket::bind(("127.0.0.1", first)).is_err() {
            continue;
        }
        let held: Vec<TcpListener> =
            (first..first + len).map_while(|port| TcpListener::bind(("127.0.0.1", port)).ok()).collect();
        if held.len() == usize::from(len) {
            return Ok((first, held));
        }
    }
    Err(std::io::Error::new(std::io::ErrorKind::AddrInUse, "no block of free ports found on 127.0.0.1"))
}

type SpawnRequest = (Command, mpsc::Sender<std::io::Result<Child>>);

/// Spawns `command` from one thread that lives as long as the process. On
/// Linux the child gets `PR_SET_PDEATHSIG = SIGKILL`, which the kernel sends
/// when the *spawning thread* ends; spawning from this long-lived thread
/// means the server stops exactly when this process ends, even when it is
/// killed or when the server handle sits in a never-dropped static.
pub(crate) fn spawn_tied_to_process(command: Command) -> std::io::Result<Child> {
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<SpawnRequest>>> = OnceLock::new();
    let sender = SPAWNER.get_or_init(|| {
        let (sender, receiver) = mpsc::channel::<SpawnRequest>();
        std::thread::Builder::new()
            .name("weaviate-orm-spawner".into())
            .spawn(move || {
                for (mut command, reply) in receiver {
                    die_with_parent(&mut command);
                    let _ = reply.send(command.spawn());
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| tracing::warn!("cannot start the spawner thread: {e}"));
        Mutex::new(sender)
    });
    let (reply, result) = mpsc::channel();
    let sent = sender.lock().unwrap_or_else(|p| p.into_inner()).send((command, reply));
    let gone = || std::io::Error::other("the weaviate-orm spawner thread is gone");
    sent.map_err(|_| gone())?;
    result.recv().map_err(|_| gone())?
}

#[cfg(target_os = "linux")]
fn die_with_parent(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: the closure runs between fork and exec and calls only
    // async-signal-safe functions (prctl, getppid, _exit).
    unsafe {
        command.pre_exec(move || {
            // SIGKILL: a node whose cluster went with this process may never
            // finish a graceful shutdown; it recovers from its log on the next start.
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // The parent may have died before prctl took effect.
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_parent(_command: &mut Command) {}

/// Asks the process to stop (SIGTERM), waits up to `grace`, then kills it.
pub(crate) fn stop(child: &mut Child, grace: Duration) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    #[cfg(unix)]
    {
        if let Ok(pid) = libc::pid_t::try_from(child.id()) {
            // SAFETY: kill has no memory-safety preconditions; the pid is our child's.
            unsafe { libc::kill(pid, libc::SIGTERM) };
        }
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline {
            if matches!(child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The last `lines` lines of the file at `path` (reads at most 64 KiB).
pub(crate) fn log_tail(path: &Path, lines: usize) -> String {
    const WINDOW: u64 = 64 * 1024;
    let Ok(mut file) = std::fs::File::open(path) else {
        return format!("(no log at {})", path.display());
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(WINDOW)));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_ports_are_distinct() {
        let p = Ports::free().expect("ports");
        let mut all = vec![p.http, p.grpc, p.gossip, p.data, p.raft, p.raft_rpc];
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 6);
    }

    #[test]
    fn log_tail_keeps_the_last_lines() {
        let path = std::env::temp_dir().join(format!("weaviate-orm-tail-{}", std::process::id()));
        std::fs::write(&path, "one\ntwo\nthree\nfour\n").expect("write");
        assert_eq!(log_tail(&path, 2), "three\nfour");
        assert_eq!(log_tail(&path, 10), "one\ntwo\nthree\nfour");
        let _ = std::fs::remove_file(&path);
        assert!(log_tail(&path, 2).starts_with("(no log at"));
    }

    #[test]
    fn spawned_children_run_and_stop() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let mut child = spawn_tied_to_process(command).expect("spawn");
        assert!(child.try_wait().expect("status").is_none());
        stop(&mut child, Duration::from_secs(5));
        assert!(child.try_wait().expect("status").is_some());
    }
}
