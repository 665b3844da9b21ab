//! Credentials: what the user configures ([`Auth`], [`Secret`]) and the
//! shared store both transports read the current `Authorization` value from.

use std::fmt;
use std::sync::{Arc, RwLock};

/// A string that never shows itself in `Debug` output or logs.
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// A static API key, sent as `Authorization: Bearer <key>`.
    ApiKey(Secret),
    /// An access token obtained elsewhere, sent as `Authorization: Bearer <token>`.
    BearerToken(Secret),
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

    /// The store both transports read the header from.
    pub(crate) fn credentials(&self) -> Credentials {
        match self {
            Self::ApiKey(token) | Self::BearerToken(token) => Credentials::bearer(token),
        }
    }
}

/// The current `Authorization` header value, shared by REST and gRPC and
/// replaced when a token is refreshed.
#[derive(Clone, Default)]
pub(crate) struct Credentials(Arc<RwLock<Option<Secret>>>);

impl Credentials {
    pub(crate) fn bearer(token: &Secret) -> Self {
        let value = Secret::new(format!("Bearer {}", token.expose()));
        Self(Arc::new(RwLock::new(Some(value))))
    }

    /// The header value to send, if any.
    pub(crate) fn authorization(&self) -> Option<Secret> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = self.authorization().is_some();
        f.debug_struct("Credentials").field("authorization", if set { &"***" } else { &"none" }).finish()
    }
}
