//! The REST transport: one `reqwest` client, the `/v1` base URL, credentials,
//! and the mapping of HTTP failures onto [`Error`].

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;

use super::auth::CallHeaders;
use super::config::Endpoint;
use super::failover::{Attempts, Failure, Nodes, Retry};
use super::span::{Scope, call_span};
use crate::consistency::{ConsistencyLevel, replicas_unreached};
use crate::{Error, Result};
use tracing::Instrument;

#[derive(Debug, Clone)]
pub(crate) struct Rest {
    http: reqwest::Client,
    /// Each node's base URL, ending in `/v1`.
    bases: Arc<[String]>,
    nodes: Nodes,
    headers: CallHeaders,
}

impl Rest {
    /// A transport to `endpoints` (one per node, the first preferred), which
    /// moves with `nodes`.
    pub(crate) fn new(
        endpoints: &[&Endpoint],
        nodes: Nodes,
        ca_pems: &[Vec<u8>],
        headers: CallHeaders,
        connect_timeout: Duration,
    ) -> Result<Self> {
        let http = http_client(ca_pems, connect_timeout)?
            .default_headers(header_map(&headers)?)
            .build()
            .map_err(|e| Error::InvalidConfig(format!("building the HTTP client: {e}")))?;
        let bases = endpoints.iter().map(|e| format!("{}/v1", e.url())).collect();
        Ok(Self { http, bases, nodes, headers })
    }

    /// The base URL of the REST API of the current node, ending in `/v1`.
    pub(crate) fn base(&self) -> &str {
        &self.bases[self.nodes.current() % self.bases.len()]
    }

    /// A request to `path` with credentials and a timeout.
    pub(crate) fn request(&self, method: Method, path: &Path, timeout: Duration) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base())).timeout(timeout)
    }

    /// `request` with the current `Authorization` header; a token that cannot
    /// be a header value is an authentication error, never an empty header.
    fn authorized(&self, request: RequestBuilder, operation: &str) -> Result<RequestBuilder> {
        let Some(token) = self.headers.authorization(operation)? else { return Ok(request) };
        Ok(request.header(AUTHORIZATION, sensitive(token.expose())?))
    }

    /// Sends `request` with the credentials; any status outside 2xx becomes
    /// an error. A request that cannot connect goes to the next node; one
    /// that failed in flight is sent again when its method allows (reads,
    /// and `PUT` and `DELETE`, which are idempotent), within `timeout`.
    pub(crate) async fn send(&self, operation: &str, timeout: Duration, request: RequestBuilder) -> Result<Response> {
        let request = self
            .authorized(request, operation)?
            .build()
            .map_err(|e| Error::InvalidConfig(format!("{operation}: {}", error_chain(&e))))?;
        let retry = match *request.method() {
            Method::GET | Method::HEAD => Retry::Read,
            Method::PUT | Method::DELETE => Retry::Idempotent,
            _ => Retry::Once,
        };
        let query = |key: &str| request.url().query_pairs().find(|(k, _)| k == key).map(|(_, v)| v.into_owned());
        let (tenant, consistency) = (query("tenant").unwrap_or_default(), query("consistency_level"));
        let level =
            consistency.as_deref().and_then(|name| ConsistencyLevel::named_in(&format!("consistency level {name}")));
        let scope = Scope { tenant: &tenant, consistency: level.map(ConsistencyLevel::to_proto), ..Scope::default() };
        let span = call_span(operation, &scope);
        let answered = span.clone();
        let calls = async {
            let mut attempts = Attempts::new(&self.nodes, retry, timeout);
            loop {
                let node = attempts.node;
                let (failure, error) = match self.attempt(operation, node, attempts.remaining(), &request).await {
                    Ok(response) => {
                        answered.record("node", self.bases[node % self.bases.len()].as_str());
                        return Ok(response);
                    }
                    Err(failed) => failed,
                };
                if !attempts.again(failure, operation, &error, &self.bases).await {
                    return Err(error.with_timeout(timeout));
                }
            }
        };
        // Boxed: the callers' futures stay small however many calls they await.
        Box::pin(calls.instrument(span)).await
    }

    /// One attempt of `request` at `node`, within `timeout`.
    async fn attempt(
        &self,
        operation: &str,
        node: usize,
        timeout: Duration,
        request: &reqwest::Request,
    ) -> std::result::Result<Response, (Failure, Error)> {
        let Some(mut attempt) = request.try_clone() else {
            return Err((
                Failure::Final,
                Error::InvalidConfig(format!("{operation}: the request cannot be sent twice")),
            ));
        };
        let base = &self.bases[node % self.bases.len()];
        if let Some(url) = self.bases.iter().find_map(|b| attempt.url().as_str().strip_prefix(b.as_str())) {
            let moved = format!("{base}{url}");
            *attempt.url_mut() =
                moved.parse().map_err(|e| (Failure::Final, Error::InvalidConfig(format!("{moved}: {e}"))))?;
        }
        *attempt.timeout_mut() = Some(timeout);
        let response = match self.http.execute(attempt).await {
            Ok(response) => response,
            Err(e) if e.is_connect() => {
                return Err((Failure::Unreachable, self.transport_error(base, operation, timeout, e)));
            }
            Err(e) if e.is_timeout() => {
                return Err((Failure::Final, self.transport_error(base, operation, timeout, e)));
            }
            Err(e) => return Err((Failure::Transient, self.transport_error(base, operation, timeout, e))),
        };
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let body = response.text().await.unwrap_or_default();
        let failure = match status {
            StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT => {
                Failure::Transient
            }
            _ => Failure::Final,
        };
        let mut error = status_error(operation, status, &body);
        if let Error::ConsistencyNotReached { level: level @ None, .. } = &mut error {
            // The level the request asked for, when the message does not name it.
            let asked = request.url().query_pairs().find(|(key, _)| key == "consistency_level");
            *level = asked.and_then(|(_, name)| ConsistencyLevel::named_in(&format!("consistency level {name}")));
        }
        Err((failure, error))
    }

    /// `GET path` decoded as JSON.
    pub(crate) async fn get_json<T: DeserializeOwned>(&self, path: &Path, timeout: Duration) -> Result<T> {
        let operation = format!("GET /v1{path}");
        let response = self.send(&operation, timeout, self.request(Method::GET, path, timeout)).await?;
        let bytes = response.bytes().await.map_err(|e| self.transport_error(self.base(), &operation, timeout, e))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::UnexpectedResponse { operation, message: e.to_string() })
    }

    /// `method path` with a JSON body; any status outside 2xx is an error.
    pub(crate) async fn send_json(
        &self,
        method: Method,
        path: &Path,
        body: &serde_json::Value,
        timeout: Duration,
    ) -> Result<Response> {
        let operation = format!("{method} /v1{path}");
        self.send(&operation, timeout, self.request(method, path, timeout).json(body)).await
    }

    /// `DELETE path`: `true` when it was there, `false` when the server
    /// answered 404.
    pub(crate) async fn delete(&self, path: &Path, timeout: Duration) -> Result<bool> {
        let request = self.request(Method::DELETE, path, timeout);
        if_exists(self.send(&format!("DELETE /v1{path}"), timeout, request).await).map(|r| r.is_some())
    }

    /// `GET path` answered by any status; `Ok(None)` when the server could not be reached.
    pub(crate) async fn probe(&self, path: &Path, timeout: Duration) -> Result<Option<StatusCode>> {
        let operation = format!("GET /v1{path}");
        match self.authorized(self.request(Method::GET, path, timeout), &operation)?.send().await {
            Ok(response) => Ok(Some(response.status())),
            Err(e) if e.is_connect() || e.is_timeout() => Ok(None),
            Err(e) => Err(self.transport_error(self.base(), &operation, timeout, e)),
        }
    }

    fn transport_error(&self, base: &str, operation: &str, timeout: Duration, error: reqwest::Error) -> Error {
        if error.is_timeout() {
            return Error::Timeout { operation: operation.to_owned(), after: timeout };
        }
        Error::Connection { url: base.to_owned(), message: error_chain(&error) }
    }
}

/// `result` with the server's 404 as `None`: what was asked for is not there.
pub(crate) fn if_exists<T>(result: Result<T>) -> Result<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(Error::UnexpectedStatus { status, .. }) if status == StatusCode::NOT_FOUND.as_u16() => Ok(None),
        Err(error) => Err(error),
    }
}

/// A REST path below `/v1`, built from segments that are each
/// percent-encoded, so that no name can change the route it is part of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path(String);

impl Path {
    /// The route `/{root}`; `root` is a fixed route of the API (`"schema"`, `".well-known/ready"`).
    pub(crate) fn new(root: &'static str) -> Self {
        Self(format!("/{root}"))
    }

    /// The path with one more segment: `name`, percent-encoded. Names are
    /// validated before they get here; an empty, `.` or `..` segment, which
    /// would change the route whatever its encoding, is refused all the same.
    pub(crate) fn then(mut self, name: &str) -> Result<Self> {
        if matches!(name, "" | "." | "..") {
            return Err(Error::InvalidConfig(format!("{name:?} cannot be a segment of a URL path")));
        }
        self.0.push('/');
        push_encoded(&mut self.0, name);
        Ok(self)
    }

    /// The path with the query `?key=value`, `value` percent-encoded.
    pub(crate) fn query(mut self, key: &'static str, value: &str) -> Self {
        self.0.push('?');
        self.0.push_str(key);
        self.0.push('=');
        push_encoded(&mut self.0, value);
        self
    }

    /// The path with the fixed segment `route` (`"tenants"`, `"references"`).
    pub(crate) fn and(mut self, route: &'static str) -> Self {
        self.0.push('/');
        self.0.push_str(route);
        self
    }
}

/// Appends `text` percent-encoded: only unreserved characters stay as they are.
fn push_encoded(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An HTTP client trusting the given CAs besides the system's, without the
/// user's extra headers (which are for Weaviate only).
pub(crate) fn http_client(ca_pems: &[Vec<u8>], connect_timeout: Duration) -> Result<reqwest::ClientBuilder> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .tcp_nodelay(true)
        .user_agent(concat!("weaviate-orm/", env!("CARGO_PKG_VERSION")));
    for cert in ca_pems {
        let cert = reqwest::Certificate::from_pem(cert)
            .map_err(|e| Error::InvalidConfig(format!("CA certificate is not valid PEM: {e}")))?;
        builder = builder.add_root_certificate(cert);
    }
    Ok(builder)
}

/// Maps a non-2xx answer onto the matching error variant.
pub(crate) fn status_error(operation: &str, status: StatusCode, body: &str) -> Error {
    let message = server_message(body);
    let operation = operation.to_owned();
    match status {
        StatusCode::UNAUTHORIZED => Error::Authentication { operation, message },
        StatusCode::FORBIDDEN => Error::Authorization { operation, message },
        _ if replicas_unreached(&message) => {
            Error::ConsistencyNotReached { operation, level: ConsistencyLevel::named_in(&message), message }
        }
        _ => Error::UnexpectedStatus { operation, status: status.as_u16(), message },
    }
}

/// The messages of Weaviate's `{"error":[{"message":...}]}` body, or the raw body.
fn server_message(body: &str) -> String {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        error: Vec<ErrorItem>,
    }
    #[derive(serde::Deserialize)]
    struct ErrorItem {
        message: String,
    }
    match serde_json::from_str::<ErrorBody>(body) {
        Ok(parsed) if !parsed.error.is_empty() => {
            parsed.error.into_iter().map(|item| item.message).collect::<Vec<_>>().join("; ")
        }
        _ if body.trim().is_empty() => "(no message)".to_owned(),
        _ => body.trim().to_owned(),
    }
}

/// The error and its sources, joined, since reqwest's top-level message is terse.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn sensitive(value: &str) -> Result<HeaderValue> {
    let mut value = HeaderValue::from_str(value)
        .map_err(|_| Error::InvalidConfig("a header value has invalid characters".into()))?;
    value.set_sensitive(true);
    Ok(value)
}

/// The headers every request carries (already checked by [`CallHeaders`]).
fn header_map(headers: &CallHeaders) -> Result<HeaderMap> {
    let mut map = HeaderMap::new();
    for (name, value) in headers.fixed() {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidConfig(format!("{name:?} is not a valid header name")))?;
        map.insert(name, sensitive(value)?);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_error_families() {
        let body = r#"{"error":[{"message":"anonymous access not enabled"}]}"#;
        match status_error("GET /v1/meta", StatusCode::UNAUTHORIZED, body) {
            Error::Authentication { message, .. } => assert_eq!(message, "anonymous access not enabled"),
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(status_error("x", StatusCode::FORBIDDEN, ""), Error::Authorization { .. }));
        match status_error("POST /v1/schema", StatusCode::UNPROCESSABLE_ENTITY, "plain text") {
            Error::UnexpectedStatus { status: 422, message, .. } => assert_eq!(message, "plain text"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn path_segments_are_percent_encoded_and_dot_segments_refused() {
        let path = Path::new("schema").then("A/../b c%").expect("a name").and("tenants");
        assert_eq!(path.to_string(), "/schema/A%2F%2E%2E%2Fb%20c%25/tenants");
        for bad in ["", ".", ".."] {
            assert!(Path::new("schema").then(bad).is_err(), "{bad:?} passed");
        }
        assert_eq!(Path::new("schema").then("Ä").expect("a name").to_string(), "/schema/%C3%84");
    }
}
