//! Connecting, start-up checks, authentication, timeouts and closing, each
//! against a real server.

use std::time::Duration;

use weaviate_orm::embedded::{DEFAULT_MODULES, EmbeddedOptions, EmbeddedServer, WEAVIATE_VERSION};
use weaviate_orm::{Auth, ClientBuilder, ConnectionParams, EmbeddedError, Error, WeaviateCollection};
use weaviate_orm_tests::{client, shared_server, wait_until_stopped};

#[tokio::test]
async fn connects_and_reads_the_servers_meta() {
    let client = client().await.expect("connect");
    let meta = client.meta().await.expect("meta");
    assert_eq!(meta.version, WEAVIATE_VERSION);
    for module in DEFAULT_MODULES {
        assert!(meta.has_module(module), "module {module} missing from {:?}", meta.modules.keys());
    }
    assert_eq!(meta.grpc_max_message_size, Some(104_858_000));
    assert_eq!(client.server_meta().map(|m| m.version.as_str()), Some(WEAVIATE_VERSION));
    assert!(client.is_ready().await.expect("ready"));
    assert!(client.is_live().await.expect("live"));
}

#[tokio::test]
async fn a_closed_client_refuses_every_call() {
    let client = client().await.expect("connect");
    let clone = client.clone();
    client.close().await;
    assert!(clone.is_closed());
    assert!(matches!(client.meta().await, Err(Error::ClosedClient)));
    assert!(matches!(clone.is_ready().await, Err(Error::ClosedClient)));
    assert!(matches!(clone.is_live().await, Err(Error::ClosedClient)));
    assert!(matches!(clone.run_init_checks().await, Err(Error::ClosedClient)));
    // The shared server is untouched: a new client works.
    assert!(weaviate_orm_tests::client().await.expect("reconnect").is_ready().await.expect("ready"));
}

#[tokio::test]
async fn an_unreachable_server_is_a_connection_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("port").port();
    let params = ConnectionParams::local_ports(port, port);
    match ClientBuilder::custom(params.clone()).connect().await {
        Err(Error::Connection { url, .. }) => assert!(url.contains(&port.to_string()), "{url}"),
        other => panic!("expected a connection error, got {other:?}"),
    }
    // Skipping the checks makes no call; the first real call fails instead.
    let client = ClientBuilder::custom(params).skip_init_checks(true).connect().await.expect("no call made");
    assert!(!client.is_ready().await.expect("not an error"));
    assert!(matches!(client.meta().await, Err(Error::Connection { .. })));
}

#[tokio::test]
async fn api_keys_are_required_and_checked() {
    let server = EmbeddedServer::start(EmbeddedOptions::default().api_key("right-key", "admin"))
        .await
        .expect("server with API keys");
    let params = server.connection_params();

    match ClientBuilder::custom(params.clone()).auth(Auth::api_key("wrong-key")).connect().await {
        Err(Error::Authentication { operation, .. }) => assert_eq!(operation, "GET /v1/meta"),
        other => panic!("expected an authentication error for a wrong key, got {other:?}"),
    }
    assert!(
        matches!(ClientBuilder::custom(params.clone()).connect().await, Err(Error::Authentication { .. })),
        "a missing key must be refused"
    );

    let client = ClientBuilder::custom(params).auth(Auth::api_key("right-key")).connect().await.expect("right key");
    assert_eq!(client.meta().await.expect("meta").version, WEAVIATE_VERSION);
    assert!(!format!("{client:?}").contains("right-key"), "the key must not show in Debug");
}

#[derive(WeaviateCollection, Debug)]
#[weaviate(name = "Test_Probe")]
struct Probe {
    title: String,
}

#[tokio::test]
async fn timeouts_fire_when_the_server_hangs() {
    let server = EmbeddedServer::start(EmbeddedOptions::default()).await.expect("server");
    let client = server
        .client_builder()
        .query_timeout(Duration::from_millis(500))
        .insert_timeout(Duration::from_millis(700))
        .connect()
        .await
        .expect("connect");
    client.collections().create::<Probe>().await.expect("create");
    let pid = server.pid().and_then(|pid| libc::pid_t::try_from(pid).ok()).expect("pid");

    // SAFETY: signals to our own child process.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    wait_until_stopped(pid).await;
    let query = client.meta().await;
    let init = server.client_builder().init_timeout(Duration::from_millis(500)).connect().await;
    let ready = client.is_ready().await;
    let search = client.collection::<Probe>().query().fetch().await;
    let insert = client.collection::<Probe>().insert_many(&[Probe { title: "t".into() }]).await;
    unsafe { libc::kill(pid, libc::SIGCONT) };

    // gRPC calls have their own deadlines: query for searches, insert for batches.
    match (search, insert) {
        (Err(Error::Timeout { operation: search, after: search_after }), Err(Error::Timeout { operation, after })) => {
            assert_eq!((search.as_str(), search_after), ("Search", Duration::from_millis(500)));
            assert_eq!((operation.as_str(), after), ("BatchObjects", Duration::from_millis(700)));
        }
        other => panic!("expected gRPC timeouts, got {other:?}"),
    }

    match query {
        Err(Error::Timeout { operation, after }) => {
            assert_eq!(operation, "GET /v1/meta");
            assert_eq!(after, Duration::from_millis(500));
        }
        other => panic!("expected a query timeout, got {other:?}"),
    }
    assert!(matches!(init, Err(Error::Timeout { .. })), "expected an init timeout, got {init:?}");
    assert!(!ready.expect("a hung server is not ready, not an error"));
    assert_eq!(client.meta().await.expect("works again after SIGCONT").version, WEAVIATE_VERSION);
}

#[tokio::test]
async fn a_failed_start_shows_the_server_log() {
    let options = EmbeddedOptions::default()
        .env("BACKUP_FILESYSTEM_PATH", "relative/backups")
        .startup_timeout(Duration::from_secs(60));
    match EmbeddedServer::start(options).await {
        Err(Error::Embedded(EmbeddedError::StartupFailed { reason, log_tail, .. })) => {
            assert!(reason.contains("exited"), "{reason}");
            assert!(log_tail.contains("relative backup path"), "the log tail should explain: {log_tail}");
        }
        other => panic!("expected a start-up failure, got {other:?}"),
    }
}

#[tokio::test]
async fn dropping_the_server_stops_it_and_removes_its_data() {
    let server = EmbeddedServer::start(EmbeddedOptions::default()).await.expect("server");
    let pid = server.pid().and_then(|pid| libc::pid_t::try_from(pid).ok()).expect("pid");
    let data = server.data_path();
    assert!(data.is_dir());
    server.shutdown().await;
    // SAFETY: signal 0 only checks whether the process exists.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    assert!(!alive, "weaviate-server {pid} still runs after shutdown");
    assert!(!data.exists(), "the private data folder {} was not removed", data.display());
}

#[tokio::test]
async fn the_shared_server_runs_the_pinned_version() {
    assert_eq!(shared_server().await.version(), WEAVIATE_VERSION);
}

/// A CA, and a server certificate for 127.0.0.1 signed by it, as PEM files
/// in `dir`: (certificate, key, CA).
fn certificates(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, SanType};
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).expect("CA certificate");
    let issuer = Issuer::new(ca_params, ca_key);
    let server_key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(vec!["localhost".to_owned()]).expect("server params");
    params.subject_alt_names.push(SanType::IpAddress(std::net::Ipv4Addr::LOCALHOST.into()));
    let server = params.signed_by(&server_key, &issuer).expect("server certificate");
    let paths = (dir.join("server.pem"), dir.join("server.key"), dir.join("ca.pem"));
    std::fs::create_dir_all(dir).expect("certificate folder");
    std::fs::write(&paths.0, server.pem()).expect("write certificate");
    std::fs::write(&paths.1, server_key.serialize_pem()).expect("write key");
    std::fs::write(&paths.2, ca.pem()).expect("write CA");
    paths
}

#[tokio::test]
async fn tls_with_a_custom_ca_on_both_transports() {
    let dir = std::env::temp_dir().join(format!("weaviate-orm-tls-{}", std::process::id()));
    let (certificate, key, ca) = certificates(&dir);
    let options = EmbeddedOptions::default().tls(&certificate, &key, &ca).expect("tls options");
    let server = EmbeddedServer::start(options).await.expect("a TLS server");

    // Trusting the CA: REST (meta) and gRPC (health at connect, then a search) work.
    let client = server.client_builder().connect().await.expect("connect over TLS");
    assert_eq!(client.meta().await.expect("meta over TLS").version, WEAVIATE_VERSION);
    client.collections().create::<Probe>().await.expect("create over TLS");
    let report = client.collection::<Probe>().insert_many(&[Probe { title: "t".into() }]).await;
    assert_eq!(report.expect("insert over gRPC+TLS").errors, vec![]);
    assert_eq!(client.collection::<Probe>().query().fetch().await.expect("search over gRPC+TLS").len(), 1);

    // Without the CA, the server's certificate is refused.
    let untrusted = ClientBuilder::custom(server.connection_params()).connect().await;
    assert!(matches!(untrusted, Err(Error::Connection { .. })), "expected a connection error, got {untrusted:?}");
    server.shutdown().await;
    std::fs::remove_dir_all(&dir).ok();
}
