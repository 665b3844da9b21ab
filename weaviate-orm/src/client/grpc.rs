//! The gRPC transport: one lazily connected channel per node (replaced by a
//! fresh one when a connection is found stalled), an interceptor adding
//! credentials and headers, deadlines, and the mapping of `tonic::Status`
//! onto [`Error`].

use std::future::Future;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use tonic::codegen::http::uri::PathAndQuery;
use tonic::metadata::{AsciiMetadataKey, AsciiMetadataValue};
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig};
use tonic::{Code, Status};
use tonic_prost::ProstCodec;
use weaviate_orm_proto::health::health_check_response::ServingStatus;
use weaviate_orm_proto::health::{HealthCheckRequest, health_client::HealthClient};
use weaviate_orm_proto::v1 as pb;
use weaviate_orm_proto::v1::weaviate_client::WeaviateClient as RawClient;

use super::auth::CallHeaders;
use super::config::Endpoint;
use super::encoded::Encoded;
use super::failover::{Attempts, Failure, Nodes, Retry};
use super::span::{Scoped, call_span};
use crate::consistency::{ConsistencyLevel, replicas_unreached};
use crate::{Error, Result};
use tracing::Instrument;

#[derive(Debug, Clone)]
pub(crate) struct Grpc {
    /// One lazily connected channel per node.
    channels: Arc<[NodeChannel]>,
    urls: Arc<[String]>,
    nodes: Nodes,
    metadata: Metadata,
}

/// A node's channel, and what it takes to make a fresh one.
#[derive(Debug)]
struct NodeChannel {
    endpoint: Endpoint,
    ca_pems: Arc<[Vec<u8>]>,
    connect_timeout: Duration,
    current: RwLock<Channel>,
}

impl NodeChannel {
    fn new(endpoint: &Endpoint, ca_pems: Arc<[Vec<u8>]>, connect_timeout: Duration) -> Result<Self> {
        let current = RwLock::new(channel(endpoint, &ca_pems, connect_timeout)?);
        Ok(Self { endpoint: endpoint.clone(), ca_pems, connect_timeout, current })
    }

    fn get(&self) -> Channel {
        self.current.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Drops the connection for a new, lazily connected one.
    fn renew(&self) {
        // The settings were accepted when the first channel was made.
        if let Ok(fresh) = channel(&self.endpoint, &self.ca_pems, self.connect_timeout) {
            *self.current.write().unwrap_or_else(PoisonError::into_inner) = fresh;
        }
    }
}

impl Grpc {
    /// A transport to `endpoints` (one per node, the first preferred), which
    /// moves with `nodes`.
    pub(crate) fn new(
        endpoints: &[&Endpoint],
        nodes: Nodes,
        ca_pems: &[Vec<u8>],
        headers: CallHeaders,
        connect_timeout: Duration,
    ) -> Result<Self> {
        let ca_pems: Arc<[Vec<u8>]> = ca_pems.into();
        let mut channels = Vec::with_capacity(endpoints.len());
        for endpoint in endpoints {
            channels.push(NodeChannel::new(endpoint, ca_pems.clone(), connect_timeout)?);
        }
        let urls = endpoints.iter().map(|e| e.url()).collect();
        Ok(Self { channels: channels.into(), urls, nodes, metadata: Metadata::new(headers)? })
    }

    /// The node calls go to now.
    pub(crate) fn current_node(&self) -> usize {
        self.nodes.current()
    }

    /// The `weaviate.v1.Weaviate` service of `node`, with our interceptor in front.
    pub(crate) fn weaviate_at(&self, node: usize) -> RawClient<InterceptedService<Channel, Metadata>> {
        let channel = self.channels[node % self.channels.len()].get();
        RawClient::with_interceptor(channel, self.metadata.clone())
            .max_decoding_message_size(usize::MAX)
            .max_encoding_message_size(usize::MAX)
    }

    /// The span of one batch stream at `consistency` (a wire level); the
    /// stream records on it the node it opened on ([`Grpc::opened_on`]) and
    /// the objects and references it settled.
    pub(crate) fn stream_span(&self, consistency: Option<i32>) -> tracing::Span {
        call_span("BatchStream", &super::span::Scope { consistency, ..Default::default() })
    }

    /// Records on `span` that its stream opened on `node`.
    pub(crate) fn opened_on(&self, span: &tracing::Span, node: usize) {
        span.record("node", self.urls[node % self.urls.len()].as_str());
    }

    /// After a call to `node` saw its connection stall (the server said
    /// nothing in time): later calls connect afresh rather than queue behind
    /// it. Calls already under way keep the old connection.
    pub(crate) fn reconnect(&self, node: usize) {
        tracing::info!(node = %self.urls[node % self.urls.len()], "connection stalled; reconnecting");
        self.channels[node % self.channels.len()].renew();
    }

    /// `weaviate.v1.Weaviate` at `node` for requests encoded beforehand
    /// ([`Encoded`]), with our interceptor in front.
    fn encoded_at(&self, node: usize) -> tonic::client::Grpc<InterceptedService<Channel, Metadata>> {
        let channel = self.channels[node % self.channels.len()].get();
        tonic::client::Grpc::new(InterceptedService::new(channel, self.metadata.clone()))
            .max_decoding_message_size(usize::MAX)
            .max_encoding_message_size(usize::MAX)
    }

    /// `BatchObjects` with objects encoded beforehand: each attempt writes
    /// the same bytes. Retried as an idempotent write (the ids are fixed).
    pub(crate) async fn batch_encoded_objects(
        &self,
        request: Encoded,
        timeout: Duration,
    ) -> Result<pb::BatchObjectsReply> {
        let call = |node, request| {
            let mut grpc = self.encoded_at(node);
            async move {
                grpc.ready().await.map_err(not_ready)?;
                let path = PathAndQuery::from_static("/weaviate.v1.Weaviate/BatchObjects");
                grpc.unary(request, path, ProstCodec::<Encoded, pb::BatchObjectsReply>::default()).await
            }
        };
        self.call("BatchObjects", timeout, Retry::Idempotent, request, call).await
    }

    /// Opens a `BatchStream` at `node` whose requests are encoded beforehand.
    pub(crate) async fn batch_stream_encoded(
        &self,
        node: usize,
        requests: impl tokio_stream::Stream<Item = Encoded> + Send + 'static,
    ) -> std::result::Result<tonic::Response<tonic::Streaming<pb::BatchStreamReply>>, Status> {
        let mut grpc = self.encoded_at(node);
        grpc.ready().await.map_err(not_ready)?;
        let path = PathAndQuery::from_static("/weaviate.v1.Weaviate/BatchStream");
        let codec = ProstCodec::<Encoded, pb::BatchStreamReply>::default();
        grpc.streaming(tonic::Request::new(requests), path, codec).await
    }

    /// After a stream to `node` failed with `error`: moves to the next node
    /// when it could not be reached.
    pub(crate) fn stream_failed(&self, node: usize, error: &Error) {
        if matches!(error, Error::Connection { .. }) && self.channels.len() > 1 {
            let to = self.nodes.move_on(node);
            tracing::warn!(operation = "BatchStream", from = %self.urls[node % self.urls.len()], to = %self.urls[to], %error, "moving to another node");
        }
    }

    /// Runs one call (made by `call` for the node it is given) with a
    /// deadline, mapping failures onto [`Error`]; sent again to another
    /// node, or after a back-off, as `retry` allows.
    async fn call<M, T, F, Fut>(
        &self,
        operation: &str,
        timeout: Duration,
        retry: Retry,
        message: M,
        call: F,
    ) -> Result<T>
    where
        M: Clone + Scoped,
        F: Fn(usize, tonic::Request<M>) -> Fut,
        Fut: Future<Output = std::result::Result<tonic::Response<T>, Status>>,
    {
        let span = call_span(operation, &message.scope());
        let answered = span.clone();
        let calls = async {
            let mut attempts = Attempts::new(&self.nodes, retry, timeout);
            loop {
                let node = attempts.node;
                let left = attempts.remaining();
                let result = self.attempt(operation, node, left, call(node, request(message.clone(), left))).await;
                match result {
                    Ok(reply) => {
                        answered.record("node", self.urls[node % self.urls.len()].as_str());
                        return Ok(reply);
                    }
                    Err((failure, error)) => {
                        if !attempts.again(failure, operation, &error, &self.urls).await {
                            return Err(error.with_timeout(timeout));
                        }
                    }
                }
            }
        };
        // Boxed: the callers' futures stay small however many calls they await.
        Box::pin(calls.instrument(span)).await
    }

    /// One attempt at `node`, within `timeout`; a failure says whether it may be retried.
    async fn attempt<T, Fut>(
        &self,
        operation: &str,
        node: usize,
        timeout: Duration,
        call: Fut,
    ) -> std::result::Result<T, (Failure, Error)>
    where
        Fut: Future<Output = std::result::Result<tonic::Response<T>, Status>>,
    {
        let started = std::time::Instant::now();
        let url = &self.urls[node % self.urls.len()];
        let timed_out = || {
            // Perhaps a stalled connection: later calls do not queue behind it.
            self.reconnect(node);
            Err((Failure::Final, Error::Timeout { operation: operation.to_owned(), after: timeout }))
        };
        match tokio::time::timeout(timeout, call).await {
            Ok(Ok(response)) => Ok(response.into_inner()),
            // The request's own deadline fires inside tonic as `Cancelled`.
            Ok(Err(status)) if status.code() == Code::Cancelled && started.elapsed() >= timeout => timed_out(),
            Ok(Err(status)) => Err((failure_of(&status), status_error(operation, url, timeout, &status))),
            Err(_) => timed_out(),
        }
    }

    /// The error of a failed call to `operation` at `node`.
    pub(crate) fn error(&self, operation: &str, node: usize, timeout: Duration, status: &Status) -> Error {
        status_error(operation, &self.urls[node % self.urls.len()], timeout, status)
    }

    /// The standard gRPC health check of the current node; fails unless it is SERVING.
    pub(crate) async fn check_health(&self, timeout: Duration) -> Result<()> {
        let node = self.nodes.current();
        let channel = self.channels[node % self.channels.len()].get();
        let mut health = HealthClient::with_interceptor(channel, self.metadata.clone());
        let request = request(HealthCheckRequest { service: String::new() }, timeout);
        let reply =
            self.attempt("gRPC health check", node, timeout, health.check(request)).await.map_err(|(_, e)| e)?;
        match reply.status() {
            ServingStatus::Serving => Ok(()),
            other => Err(Error::Connection {
                url: self.urls[node % self.urls.len()].clone(),
                message: format!("the gRPC health check answered {}", other.as_str_name()),
            }),
        }
    }
}

/// A lazily connected channel to `endpoint`.
fn channel(endpoint: &Endpoint, ca_pems: &[Vec<u8>], connect_timeout: Duration) -> Result<Channel> {
    let url = endpoint.url();
    let mut channel = Channel::from_shared(url.clone())
        .map_err(|e| Error::InvalidConfig(format!("gRPC address {url}: {e}")))?
        .connect_timeout(connect_timeout)
        .tcp_nodelay(true)
        .http2_keep_alive_interval(Duration::from_secs(30))
        .keep_alive_while_idle(true);
    if endpoint.secure {
        let mut tls = ClientTlsConfig::new().domain_name(endpoint.host.clone()).with_native_roots();
        for pem in ca_pems {
            tls = tls.ca_certificate(Certificate::from_pem(pem));
        }
        channel = channel.tls_config(tls).map_err(|e| Error::InvalidConfig(format!("gRPC TLS: {e}")))?;
    }
    Ok(channel.connect_lazy())
}

/// One typed method per unary RPC of `weaviate.v1.Weaviate`: the request
/// carries the deadline, the call is named after the RPC, and failures are
/// mapped onto [`Error`] by what happened. Every unary call goes through here.
macro_rules! unary_rpcs {
    ($($(#[$doc:meta])* $method:ident($request:ident) -> $reply:ident as $operation:literal, $retry:ident;)+) => {
        impl Grpc {
            $(
                $(#[$doc])*
                pub(crate) async fn $method(&self, message: pb::$request, timeout: Duration) -> Result<pb::$reply> {
                    let call = |node, request| {
                        let mut client = self.weaviate_at(node);
                        async move { client.$method(request).await }
                    };
                    self.call($operation, timeout, Retry::$retry, message, call).await
                }
            )+
        }
    };
}

unary_rpcs! {
    /// Searches (`Search`).
    search(SearchRequest) -> SearchReply as "Search", Read;
    /// Aggregates and counts (`Aggregate`).
    aggregate(AggregateRequest) -> AggregateReply as "Aggregate", Read;
    /// Writes objects in one request (`BatchObjects`); each has its id, so
    /// writing it again stores the same object.
    batch_objects(BatchObjectsRequest) -> BatchObjectsReply as "BatchObjects", Idempotent;
    /// Adds references in one request (`BatchReferences`): sent again, a
    /// reference would be added twice.
    batch_references(BatchReferencesRequest) -> BatchReferencesReply as "BatchReferences", Once;
    /// Deletes the objects a filter matches (`BatchDelete`); its report
    /// counts what this request deleted, so it is not sent again.
    batch_delete(BatchDeleteRequest) -> BatchDeleteReply as "BatchDelete", Once;
}

/// A request carrying `timeout` as its gRPC deadline, so the server stops
/// working on it when the client gives up.
fn request<T>(message: T, timeout: Duration) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.set_timeout(timeout);
    request
}

/// Maps a gRPC status onto the error of what happened, whatever code the
/// server (or the transport) chose: Weaviate answers a bad API key on unary
/// calls with `UNKNOWN` "unauthorized: ...", and tonic reports a reset or
/// broken connection as `UNKNOWN` or `INTERNAL` with the transport's error.
pub(crate) fn status_error(operation: &str, url: &str, timeout: Duration, status: &Status) -> Error {
    let operation = operation.to_owned();
    let message = status.message().to_owned();
    let lower = message.to_ascii_lowercase();
    let code = status.code();
    if code == Code::Unauthenticated || (code == Code::Unknown && lower.contains("unauthorized")) {
        return Error::Authentication { operation, message };
    }
    if code == Code::PermissionDenied || (code == Code::Unknown && lower.contains("forbidden")) {
        return Error::Authorization { operation, message };
    }
    if code == Code::DeadlineExceeded {
        return Error::Timeout { operation, after: timeout };
    }
    if code == Code::Unavailable || is_transport_failure(status) {
        return Error::Connection { url: url.to_owned(), message: format!("{operation}: {message}") };
    }
    if replicas_unreached(&message) {
        let level = ConsistencyLevel::named_in(&message);
        return Error::ConsistencyNotReached { operation, level, message };
    }
    Error::Grpc { operation, code: code.into(), message }
}

/// Whether a failed call may be sent again: not when the server answered.
/// A channel that cannot take a call, as the generated clients report it.
fn not_ready(error: impl Into<tonic::codegen::StdError>) -> Status {
    Status::unknown(format!("Service was not ready: {}", error.into()))
}

fn failure_of(status: &Status) -> Failure {
    if is_connect_failure(status) {
        Failure::Unreachable
    } else if status.code() == Code::Unavailable || is_transport_failure(status) {
        Failure::Transient
    } else {
        Failure::Final
    }
}

/// Whether no connection could be made: the request was never sent.
fn is_connect_failure(status: &Status) -> bool {
    const SIGNS: [&str; 3] = ["tcp connect error", "connection refused", "dns error"];
    let mut texts = vec![status.message().to_ascii_lowercase()];
    let mut source = std::error::Error::source(status);
    while let Some(cause) = source {
        texts.push(cause.to_string().to_ascii_lowercase());
        source = cause.source();
    }
    texts.iter().any(|text| SIGNS.iter().any(|sign| text.contains(sign)))
}

/// Whether the status reports a connection that broke or could not be made,
/// rather than an answer of the server.
fn is_transport_failure(status: &Status) -> bool {
    const SIGNS: [&str; 7] = [
        "transport error",
        "h2 protocol error",
        "connection reset",
        "broken pipe",
        "connection closed",
        "error reading a body",
        "stream closed",
    ];
    let mut texts = vec![status.message().to_ascii_lowercase()];
    let mut source = std::error::Error::source(status);
    while let Some(cause) = source {
        if cause.is::<tonic::transport::Error>() || cause.is::<std::io::Error>() {
            return true;
        }
        texts.push(cause.to_string().to_ascii_lowercase());
        source = cause.source();
    }
    texts.iter().any(|text| SIGNS.iter().any(|sign| text.contains(sign)))
}

/// Adds what [`CallHeaders`] computes (the user's extra headers, the client
/// name, `authorization`) to every gRPC call.
#[derive(Clone)]
pub(crate) struct Metadata {
    headers: CallHeaders,
    /// The fixed headers as metadata, converted once.
    fixed: Vec<(AsciiMetadataKey, AsciiMetadataValue)>,
}

impl Metadata {
    fn new(headers: CallHeaders) -> Result<Self> {
        let fixed = headers
            .fixed()
            .map(|(name, value)| {
                let key = AsciiMetadataKey::from_bytes(name.as_bytes())
                    .map_err(|_| Error::InvalidConfig(format!("{name:?} is not a valid gRPC metadata key")))?;
                Ok((key, ascii_value(value)?))
            })
            .collect::<Result<_>>()?;
        Ok(Self { headers, fixed })
    }
}

fn ascii_value(value: &str) -> Result<AsciiMetadataValue> {
    value.parse().map_err(|_| Error::InvalidConfig("a header value is not valid gRPC metadata (ASCII only)".into()))
}

impl Interceptor for Metadata {
    fn call(&mut self, mut request: tonic::Request<()>) -> std::result::Result<tonic::Request<()>, Status> {
        let metadata = request.metadata_mut();
        for (key, value) in &self.fixed {
            metadata.insert(key.clone(), value.clone());
        }
        let token = self.headers.authorization("gRPC call").map_err(|e| Status::unauthenticated(e.to_string()))?;
        if let Some(token) = token {
            let value = ascii_value(token.expose()).map_err(|_| Status::unauthenticated("invalid token characters"))?;
            metadata.insert("authorization", value);
        }
        Ok(request)
    }
}

impl std::fmt::Debug for Metadata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metadata").field("headers", &self.headers).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_error_families() {
        let t = Duration::from_secs(1);
        let map = |status: Status| status_error("Search", "u", t, &status);
        assert!(matches!(map(Status::unauthenticated("no")), Error::Authentication { .. }));
        assert!(matches!(
            map(Status::unknown("extract auth: unauthorized: invalid api key")),
            Error::Authentication { .. }
        ));
        assert!(matches!(map(Status::permission_denied("no")), Error::Authorization { .. }));
        assert!(matches!(map(Status::unknown("forbidden: user lacks read")), Error::Authorization { .. }));
        assert!(matches!(map(Status::deadline_exceeded("")), Error::Timeout { .. }));
        assert!(matches!(map(Status::unavailable("down")), Error::Connection { .. }));
        assert!(matches!(map(Status::unknown("transport error")), Error::Connection { .. }));
        assert!(matches!(map(Status::internal("h2 protocol error: connection reset")), Error::Connection { .. }));
        assert!(matches!(
            map(Status::invalid_argument("bad")),
            Error::Grpc { code: crate::GrpcCode::InvalidArgument, .. }
        ));
    }
}
