//! The REST transport: one `reqwest` client, the `/v1` base URL, credentials,
//! and the mapping of HTTP failures onto [`Error`].

use std::time::Duration;

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;

use super::auth::{Credentials, Secret};
use super::config::Endpoint;
use crate::{Error, Result};

#[derive(Debug, Clone)]
pub(crate) struct Rest {
    http: reqwest::Client,
    base: String,
    credentials: Credentials,
}

impl Rest {
    pub(crate) fn new(
        endpoint: &Endpoint,
        ca_pems: &[Vec<u8>],
        credentials: Credentials,
        headers: &[(String, Secret)],
        connect_timeout: Duration,
    ) -> Result<Self> {
        let http = http_client(ca_pems, connect_timeout)?
            .default_headers(header_map(headers)?)
            .build()
            .map_err(|e| Error::InvalidConfig(format!("building the HTTP client: {e}")))?;
        Ok(Self { http, base: format!("{}/v1", endpoint.url()), credentials })
    }

    /// The base URL of the REST API, ending in `/v1`.
    pub(crate) fn base(&self) -> &str {
        &self.base
    }

    /// A request to `path` (below `/v1`) with credentials and a timeout.
    pub(crate) fn request(&self, method: Method, path: &str, timeout: Duration) -> RequestBuilder {
        let mut request = self.http.request(method, format!("{}{path}", self.base)).timeout(timeout);
        if let Some(value) = self.credentials.authorization() {
            request = request.header(AUTHORIZATION, sensitive(value.expose()).unwrap_or(HeaderValue::from_static("")));
        }
        request
    }

    /// Sends `request`; any status outside 2xx becomes an error.
    pub(crate) async fn send(&self, operation: &str, timeout: Duration, request: RequestBuilder) -> Result<Response> {
        let response = request.send().await.map_err(|e| self.transport_error(operation, timeout, e))?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let body = response.text().await.unwrap_or_default();
        Err(status_error(operation, status, &body))
    }

    /// `GET path` decoded as JSON.
    pub(crate) async fn get_json<T: DeserializeOwned>(&self, path: &str, timeout: Duration) -> Result<T> {
        let operation = format!("GET /v1{path}");
        let response = self.send(&operation, timeout, self.request(Method::GET, path, timeout)).await?;
        let bytes = response.bytes().await.map_err(|e| self.transport_error(&operation, timeout, e))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::UnexpectedResponse { operation, message: e.to_string() })
    }

    /// `method path` with a JSON body; any status outside 2xx is an error.
    pub(crate) async fn send_json(
        &self,
        method: Method,
        path: &str,
        body: &serde_json::Value,
        timeout: Duration,
    ) -> Result<Response> {
        let operation = format!("{method} /v1{path}");
        self.send(&operation, timeout, self.request(method, path, timeout).json(body)).await
    }

    /// `GET path` answered by any status; `Ok(None)` when the server could not be reached.
    pub(crate) async fn probe(&self, path: &str, timeout: Duration) -> Result<Option<StatusCode>> {
        match self.request(Method::GET, path, timeout).send().await {
            Ok(response) => Ok(Some(response.status())),
            Err(e) if e.is_connect() || e.is_timeout() => Ok(None),
            Err(e) => Err(self.transport_error(&format!("GET /v1{path}"), timeout, e)),
        }
    }

    fn transport_error(&self, operation: &str, timeout: Duration, error: reqwest::Error) -> Error {
        if error.is_timeout() {
            return Error::Timeout { operation: operation.to_owned(), after: timeout };
        }
        Error::Connection { url: self.base.clone(), message: error_chain(&error) }
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

fn header_map(headers: &[(String, Secret)]) -> Result<HeaderMap> {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidConfig(format!("{name:?} is not a valid header name")))?;
        map.insert(name, sensitive(value.expose())?);
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
    fn bad_header_names_are_config_errors() {
        let headers = [("bad header".to_owned(), Secret::new("v"))];
        assert!(matches!(header_map(&headers), Err(Error::InvalidConfig(_))));
    }
}
