//! OIDC: finding the server's identity provider, getting a token with the
//! configured flow, and keeping it fresh in the background.
//!
//! The server names its provider at `/v1/.well-known/openid-configuration`
//! (`href` to the provider's discovery document, `clientId`, default
//! `scopes`); the provider's discovery document names its token endpoint.

use std::sync::{RwLock, Weak};
use std::time::Duration;

use serde::Deserialize;

use super::auth::{Auth, Credentials, Secret};
use super::rest::{Path, Rest};
use crate::{Error, Result};

/// What the server says about its identity provider.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ServerOidc {
    href: String,
    client_id: String,
    #[serde(default)]
    scopes: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Discovery {
    token_endpoint: String,
}

/// A token endpoint's answer.
#[derive(Deserialize)]
struct TokenReply {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default)]
    refresh_token: Option<String>,
}

/// Where and how to get tokens.
#[derive(Clone)]
struct Login {
    http: reqwest::Client,
    token_endpoint: String,
    client_id: String,
    auth: Auth,
    default_scopes: Vec<String>,
}

/// A token and when to renew it.
struct Token {
    access: Secret,
    refresh: Option<Secret>,
    lifetime: Duration,
}

/// Logs in with `auth` (or takes its refreshable token), puts the token in
/// `credentials`, and keeps it fresh for as long as the client lives.
pub(crate) async fn start(rest: &Rest, http: reqwest::Client, auth: &Auth, credentials: &Credentials) -> Result<()> {
    let timeout = Duration::from_secs(30);
    let server: ServerOidc =
        rest.get_json(&Path::new(".well-known/openid-configuration"), timeout).await.map_err(|error| {
            Error::InvalidConfig(format!(
                "the server offers no OIDC login (/v1/.well-known/openid-configuration: {error})"
            ))
        })?;
    let discovery: Discovery = fetch_json(&http, &server.href).await?;
    let login = Login {
        http,
        token_endpoint: discovery.token_endpoint,
        client_id: server.client_id,
        auth: auth.clone(),
        default_scopes: server.scopes,
    };
    let token = match auth {
        Auth::RefreshableToken { access_token, refresh_token, expires_in, .. } => {
            Token { access: access_token.clone(), refresh: Some(refresh_token.clone()), lifetime: *expires_in }
        }
        _ => login.log_in().await?,
    };
    credentials.set_bearer(&token.access);
    tokio::spawn(keep_fresh(login, token, credentials.downgrade()));
    Ok(())
}

async fn fetch_json<T: for<'de> Deserialize<'de>>(http: &reqwest::Client, url: &str) -> Result<T> {
    let failed = |message: String| Error::Connection { url: url.to_owned(), message };
    let response = http.get(url).send().await.map_err(|e| failed(e.to_string()))?;
    if !response.status().is_success() {
        return Err(failed(format!("status {}", response.status())));
    }
    response.json().await.map_err(|e| failed(format!("not the expected JSON: {e}")))
}

impl Login {
    /// A token from the configured flow.
    async fn log_in(&self) -> Result<Token> {
        let mut form: Vec<(&str, String)> = vec![("client_id", self.client_id.clone())];
        match &self.auth {
            Auth::ClientCredentials { client_secret, scopes } => {
                form.push(("grant_type", "client_credentials".into()));
                form.push(("client_secret", client_secret.expose().to_owned()));
                form.push(("scope", self.scopes(scopes)));
            }
            Auth::ClientPassword { username, password, client_secret, scopes } => {
                form.push(("grant_type", "password".into()));
                form.push(("username", username.clone()));
                form.push(("password", password.expose().to_owned()));
                form.push(("scope", self.scopes(scopes)));
                if let Some(secret) = client_secret {
                    form.push(("client_secret", secret.expose().to_owned()));
                }
            }
            _ => {
                return Err(Error::Authentication {
                    operation: "OIDC login".into(),
                    message: "the token cannot be renewed without its refresh token".into(),
                });
            }
        }
        self.request("OIDC login", form).await
    }

    /// A new token from a refresh token.
    async fn refresh(&self, refresh_token: &Secret) -> Result<Token> {
        let mut form = vec![
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", refresh_token.expose().to_owned()),
            ("client_id", self.client_id.clone()),
        ];
        if let Auth::ClientPassword { client_secret: Some(secret), .. }
        | Auth::RefreshableToken { client_secret: Some(secret), .. } = &self.auth
        {
            form.push(("client_secret", secret.expose().to_owned()));
        }
        self.request("OIDC token refresh", form).await
    }

    /// The scopes to ask for: the user's, or else the server's. Without a
    /// refresh token the flow simply logs in again when the token ages, so
    /// `offline_access` (which providers may refuse) is only sent when asked for.
    fn scopes(&self, asked: &[String]) -> String {
        if asked.is_empty() { self.default_scopes.join(" ") } else { asked.join(" ") }
    }

    async fn request(&self, operation: &str, form: Vec<(&str, String)>) -> Result<Token> {
        let failed = |message: String| Error::Authentication { operation: operation.to_owned(), message };
        let response =
            self.http.post(&self.token_endpoint).form(&form).send().await.map_err(|e| failed(e.to_string()))?;
        let status = response.status();
        let body = response.text().await.map_err(|e| failed(e.to_string()))?;
        if !status.is_success() {
            return Err(failed(format!("the identity provider answered {status}: {}", body.trim())));
        }
        let reply: TokenReply =
            serde_json::from_str(&body).map_err(|e| failed(format!("unexpected token answer: {e}")))?;
        Ok(Token {
            access: Secret::new(reply.access_token),
            refresh: reply.refresh_token.map(Secret::new),
            lifetime: Duration::from_secs(reply.expires_in.unwrap_or(60)),
        })
    }
}

/// When to renew a token that lives `lifetime`: at four fifths of it, and
/// at least a second from now.
fn renew_after(lifetime: Duration) -> Duration {
    (lifetime * 4 / 5).max(Duration::from_secs(1))
}

/// Renews the token before it expires until the client is gone; a failed
/// renewal is retried every few seconds (calls fail with an authentication
/// error once the old token has expired).
async fn keep_fresh(login: Login, mut token: Token, store: Weak<RwLock<Option<Secret>>>) {
    let mut wait = renew_after(token.lifetime);
    loop {
        tokio::time::sleep(wait).await;
        let Some(credentials) = Credentials::upgrade(&store) else { return };
        let renewed = match &token.refresh {
            Some(refresh) => match login.refresh(refresh).await {
                Ok(next) => Ok(next),
                // An expired refresh token: log in again where the flow allows.
                Err(_) if !matches!(login.auth, Auth::RefreshableToken { .. }) => login.log_in().await,
                Err(error) => Err(error),
            },
            None => login.log_in().await,
        };
        match renewed {
            Ok(next) => {
                credentials.set_bearer(&next.access);
                wait = renew_after(next.lifetime);
                // Providers may not send a new refresh token; keep the old one then.
                token = Token { refresh: next.refresh.or(token.refresh), ..next };
                tracing::debug!("OIDC token renewed; next renewal in {wait:?}");
            }
            Err(error) => {
                tracing::warn!("OIDC token renewal failed ({error}); trying again in 5 s");
                wait = Duration::from_secs(5);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_renewed_before_they_expire() {
        assert_eq!(renew_after(Duration::from_secs(300)), Duration::from_secs(240));
        assert_eq!(renew_after(Duration::from_millis(500)), Duration::from_secs(1));
    }

    #[test]
    fn asked_scopes_replace_the_servers_defaults() {
        let login = Login {
            http: reqwest::Client::new(),
            token_endpoint: String::new(),
            client_id: "c".into(),
            auth: Auth::client_password("u", "p"),
            default_scopes: vec!["openid".into(), "email".into()],
        };
        assert_eq!(login.scopes(&[]), "openid email");
        assert_eq!(login.scopes(&["openid".into(), "offline_access".into()]), "openid offline_access");
    }
}
