//! Credentials: what the user configures ([`Auth`], [`Secret`]), the shared
//! store of the current `Authorization` value, and [`CallHeaders`]: the one
//! place that computes what every call carries, for REST and gRPC alike.

use std::fmt;
use std::sync::{Arc, RwLock};

use reqwest::header::{HeaderName, HeaderValue};
use tonic::metadata::{AsciiMetadataKey, AsciiMetadataValue};

use crate::{Error, Result};

/// A string that never shows itself in `Debug` output or logs: API keys,
/// passwords, tokens and header values. `&str` and `String` convert into it,
/// so the builders take either.
///
/// ```
/// use weaviate_orm::Secret;
/// let key = Secret::new("my-api-key");
/// assert_eq!(format!("{key:?}"), "Secret(***)");
/// assert_eq!(key.expose(), "my-api-key");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value itself; use it only to send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// How the client authenticates, as in the Python client's `weaviate.auth`.
///
/// The OIDC flows ask the server for its identity provider
/// (`/v1/.well-known/openid-configuration`), get a token from it at connect
/// time, and refresh it in the background before it expires: with the
/// refresh token when the provider gave one, or by logging in again.
/// Pass one to [`ClientBuilder::auth`](crate::ClientBuilder::auth).
///
/// ```
/// use std::time::Duration;
/// use weaviate_orm::Auth;
///
/// let key = Auth::api_key("my-api-key");
/// let token = Auth::bearer_token_with_refresh("access-token", "refresh-token", Duration::from_secs(300));
/// let service = Auth::client_credentials("client-secret").with_scopes(["openid"]);
/// let user = Auth::client_password("ada", "pa55word").with_client_secret("client-secret");
/// assert_eq!(format!("{key:?}"), "ApiKey(Secret(***))"); // secrets never show
/// # let _ = (token, service, user);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// A static API key, sent as `Authorization: Bearer <key>`.
    ApiKey(Secret),
    /// An access token obtained elsewhere, sent as `Authorization: Bearer <token>`.
    BearerToken(Secret),
    /// An access token obtained elsewhere with its refresh token: renewed
    /// at the identity provider before `expires_in` runs out.
    RefreshableToken {
        /// The access token.
        access_token: Secret,
        /// The refresh token.
        refresh_token: Secret,
        /// How long the access token is valid from now.
        expires_in: std::time::Duration,
        /// The client's secret, for providers whose client is confidential.
        client_secret: Option<Secret>,
    },
    /// OIDC client credentials: the client (the server's OIDC client id)
    /// logs in with its secret.
    ClientCredentials {
        /// The client's secret.
        client_secret: Secret,
        /// Scopes to ask for (the server's defaults when empty).
        scopes: Vec<String>,
    },
    /// OIDC resource-owner password: a user logs in with name and password
    /// through the server's OIDC client.
    ClientPassword {
        /// The user's name.
        username: String,
        /// The user's password.
        password: Secret,
        /// The client's secret, for providers whose client is confidential.
        client_secret: Option<Secret>,
        /// Scopes to ask for (the server's defaults when empty).
        scopes: Vec<String>,
    },
}

impl Auth {
    /// A static API key.
    pub fn api_key(key: impl Into<Secret>) -> Self {
        Self::ApiKey(key.into())
    }

    /// A bearer token.
    pub fn bearer_token(access_token: impl Into<Secret>) -> Self {
        Self::BearerToken(access_token.into())
    }

    /// A bearer token renewed with `refresh_token` before `expires_in` ends.
    pub fn bearer_token_with_refresh(
        access_token: impl Into<Secret>,
        refresh_token: impl Into<Secret>,
        expires_in: std::time::Duration,
    ) -> Self {
        Self::RefreshableToken {
            access_token: access_token.into(),
            refresh_token: refresh_token.into(),
            expires_in,
            client_secret: None,
        }
    }

    /// The OIDC client-credentials flow.
    pub fn client_credentials(client_secret: impl Into<Secret>) -> Self {
        Self::ClientCredentials { client_secret: client_secret.into(), scopes: Vec::new() }
    }

    /// The OIDC resource-owner password flow.
    pub fn client_password(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self::ClientPassword {
            username: username.into(),
            password: password.into(),
            client_secret: None,
            scopes: Vec::new(),
        }
    }

    /// The scopes an OIDC flow asks for.
    pub fn with_scopes<S: Into<String>>(mut self, wanted: impl IntoIterator<Item = S>) -> Self {
        if let Self::ClientCredentials { scopes, .. } | Self::ClientPassword { scopes, .. } = &mut self {
            *scopes = wanted.into_iter().map(Into::into).collect();
        }
        self
    }

    /// The client secret that a password flow or a token refresh sends to
    /// a confidential client.
    pub fn with_client_secret(mut self, secret: impl Into<Secret>) -> Self {
        if let Self::ClientPassword { client_secret, .. } | Self::RefreshableToken { client_secret, .. } = &mut self {
            *client_secret = Some(secret.into());
        }
        self
    }

    /// The store both transports read the header from: filled now for
    /// tokens and keys, at login for the OIDC flows.
    pub(crate) fn credentials(&self) -> Credentials {
        match self {
            Self::ApiKey(token) | Self::BearerToken(token) => Credentials::bearer(token),
            Self::RefreshableToken { access_token, .. } => Credentials::bearer(access_token),
            Self::ClientCredentials { .. } | Self::ClientPassword { .. } => Credentials::default(),
        }
    }

    /// Whether the credentials come from, or are renewed at, an identity provider.
    pub(crate) fn uses_oidc(&self) -> bool {
        !matches!(self, Self::ApiKey(_) | Self::BearerToken(_))
    }
}

/// The current `Authorization` header value, shared by REST and gRPC and
/// replaced when a token is refreshed.
#[derive(Clone, Default)]
pub(crate) struct Credentials(Arc<RwLock<Option<Secret>>>);

impl Credentials {
    pub(crate) fn bearer(token: &Secret) -> Self {
        let credentials = Self::default();
        credentials.set_bearer(token);
        credentials
    }

    /// The header value to send, if any.
    pub(crate) fn authorization(&self) -> Option<Secret> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Sends `token` from now on.
    pub(crate) fn set_bearer(&self, token: &Secret) {
        let value = Secret::new(format!("Bearer {}", token.expose()));
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = Some(value);
    }

    /// A handle that does not keep the store alive (for the refresher).
    pub(crate) fn downgrade(&self) -> std::sync::Weak<RwLock<Option<Secret>>> {
        Arc::downgrade(&self.0)
    }

    /// The store behind a handle from [`downgrade`](Self::downgrade), while the client lives.
    pub(crate) fn upgrade(weak: &std::sync::Weak<RwLock<Option<Secret>>>) -> Option<Self> {
        weak.upgrade().map(Self)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = self.authorization().is_some();
        f.debug_struct("Credentials").field("authorization", if set { &"***" } else { &"none" }).finish()
    }
}

/// What every call carries besides its body, on both transports: the user's
/// extra headers and the client's name, checked once against the rules of
/// HTTP headers and gRPC metadata alike, and the `Authorization` value of the
/// moment (which OIDC refreshes).
#[derive(Clone)]
pub(crate) struct CallHeaders {
    /// Lower-case names with their values.
    fixed: Vec<(String, Secret)>,
    credentials: Credentials,
}

impl CallHeaders {
    /// The user's `headers` and the client's name, with `credentials`; a
    /// name or value that either transport cannot carry is an
    /// [`Error::InvalidConfig`].
    pub(crate) fn new(headers: &[(String, Secret)], credentials: Credentials) -> Result<Self> {
        let mut fixed = Vec::with_capacity(headers.len() + 1);
        for (name, value) in headers {
            let name = name.to_ascii_lowercase();
            if HeaderName::from_bytes(name.as_bytes()).is_err()
                || AsciiMetadataKey::from_bytes(name.as_bytes()).is_err()
            {
                return Err(Error::InvalidConfig(format!("{name:?} is not a valid header name")));
            }
            if !carriable(value.expose()) {
                return Err(Error::InvalidConfig(format!(
                    "the value of header {name:?} has characters a header cannot carry"
                )));
            }
            fixed.push((name, value.clone()));
        }
        fixed.push(("x-weaviate-client".to_owned(), Secret::new(concat!("weaviate-orm/", env!("CARGO_PKG_VERSION")))));
        Ok(Self { fixed, credentials })
    }

    /// The headers every call carries: lower-case names, checked values.
    pub(crate) fn fixed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fixed.iter().map(|(name, value)| (name.as_str(), value.expose()))
    }

    /// The `Authorization` value for `operation` now, if any; a token no
    /// header can carry is an authentication error, never an empty header.
    pub(crate) fn authorization(&self, operation: &str) -> Result<Option<Secret>> {
        match self.credentials.authorization() {
            Some(token) if !carriable(token.expose()) => Err(Error::Authentication {
                operation: operation.to_owned(),
                message: "the access token has characters a header cannot carry".into(),
            }),
            token => Ok(token),
        }
    }

    /// The store OIDC writes fresh tokens into.
    pub(crate) fn credentials(&self) -> &Credentials {
        &self.credentials
    }
}

/// Whether both an HTTP header and gRPC metadata can carry `value`: visible
/// ASCII, spaces and tabs (HTTP would also take other bytes, gRPC not).
fn carriable(value: &str) -> bool {
    value.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
        && HeaderValue::from_str(value).is_ok()
        && AsciiMetadataValue::try_from(value).is_ok()
}

impl fmt::Debug for CallHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.fixed.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("CallHeaders").field("headers", &names).field("credentials", &self.credentials).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_checked_once_for_both_transports() {
        let bad_name = [("bad header".to_owned(), Secret::new("v"))];
        assert!(matches!(CallHeaders::new(&bad_name, Credentials::default()), Err(Error::InvalidConfig(_))));
        let bad_value = [("X-Key".to_owned(), Secret::new("caf\u{e9}"))];
        assert!(matches!(CallHeaders::new(&bad_value, Credentials::default()), Err(Error::InvalidConfig(_))));
        let good = [("X-OpenAI-Api-Key".to_owned(), Secret::new("sk-secret"))];
        let headers = CallHeaders::new(&good, Credentials::default()).expect("valid");
        let fixed: Vec<(&str, &str)> = headers.fixed().collect();
        assert_eq!(fixed[0], ("x-openai-api-key", "sk-secret"));
        assert!(fixed.iter().any(|(name, _)| *name == "x-weaviate-client"));
    }

    #[test]
    fn tokens_no_header_can_carry_are_authentication_errors() {
        let headers = CallHeaders::new(&[], Credentials::bearer(&Secret::new("line\nbreak"))).expect("valid");
        assert!(matches!(headers.authorization("GET /v1/meta"), Err(Error::Authentication { .. })));
        let headers = CallHeaders::new(&[], Credentials::bearer(&Secret::new("tok"))).expect("valid");
        assert_eq!(
            headers.authorization("x").expect("carriable").map(|t| t.expose().to_owned()),
            Some("Bearer tok".into())
        );
    }

    #[test]
    fn debug_output_hides_values() {
        let good = [("X-OpenAI-Api-Key".to_owned(), Secret::new("sk-secret"))];
        let headers = CallHeaders::new(&good, Credentials::bearer(&Secret::new("tok"))).expect("valid");
        let shown = format!("{headers:?}");
        assert!(shown.contains("x-openai-api-key"), "{shown}");
        assert!(!shown.contains("sk-secret") && !shown.contains("tok\""), "{shown}");
    }
}
