//! A real OpenID Connect provider for the OIDC tests: Keycloak, downloaded
//! once from Maven Central into the user cache and run in development mode
//! on loopback ports with an in-memory database. Needs Java 17 or newer.
//!
//! [`Keycloak::start`] creates the realm `weaviate` with the confidential
//! client [`CLIENT_ID`] (client credentials and password grants, tokens
//! that live [`TOKEN_LIFETIME`]) and the user [`USER`].

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cache::{self, run};

/// The Keycloak release used.
pub const VERSION: &str = "26.0.7";
/// The OIDC client Weaviate trusts.
pub const CLIENT_ID: &str = "weaviate-orm";
/// That client's secret.
pub const CLIENT_SECRET: &str = "weaviate-orm-client-secret";
/// A user of the realm, and the password.
pub const USER: (&str, &str) = ("ada", "ada-password-1");
/// How long access tokens live: short, so refreshing shows in a test.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(10);

/// A running Keycloak, stopped on drop.
#[derive(Debug)]
pub struct Keycloak {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Keycloak {
    /// Installs (once) and starts Keycloak, waits for it, and creates the realm.
    pub async fn start() -> Result<Self, String> {
        let home = tokio::task::spawn_blocking(install).await.map_err(|e| e.to_string())??;
        let (port, management) = (free_port()?, free_port()?);
        let log = std::env::temp_dir().join(format!("weaviate-orm-keycloak-{}-{port}.log", std::process::id()));
        let output = std::fs::File::create(&log).map_err(|e| format!("creating {}: {e}", log.display()))?;
        let errors = output.try_clone().map_err(|e| e.to_string())?;
        let child = Command::new(home.join("bin/kc.sh"))
            .args(["start-dev", "--db=dev-mem", "--http-host=127.0.0.1"])
            .arg(format!("--http-port={port}"))
            .arg(format!("--http-management-port={management}"))
            .env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
            .stdin(Stdio::null())
            .stdout(output)
            .stderr(errors)
            .spawn()
            .map_err(|e| format!("starting Keycloak: {e}"))?;
        let keycloak = Self { child, port, log };
        keycloak.wait_until_up(Duration::from_secs(180)).await?;
        keycloak.create_realm().await?;
        Ok(keycloak)
    }

    /// The issuer URL of the realm, as in its tokens.
    pub fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}/realms/weaviate", self.port)
    }

    /// Tokens for [`USER`] straight from the provider (password grant):
    /// the access token and the refresh token.
    pub async fn user_tokens(&self) -> Result<(String, String), String> {
        let form = [
            ("grant_type", "password"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("username", USER.0),
            ("password", USER.1),
            ("scope", "openid"),
        ];
        let reply = post_form(&format!("{}/protocol/openid-connect/token", self.issuer()), &form).await?;
        let token = |key: &str| reply[key].as_str().map(str::to_owned).ok_or(format!("no {key} in {reply}"));
        Ok((token("access_token")?, token("refresh_token")?))
    }

    async fn wait_until_up(&self, timeout: Duration) -> Result<(), String> {
        let url = format!("http://127.0.0.1:{}/realms/master/.well-known/openid-configuration", self.port);
        let started = Instant::now();
        while started.elapsed() < timeout {
            if reqwest::get(&url).await.is_ok_and(|r| r.status().is_success()) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        Err(format!(
            "Keycloak not up after {timeout:?}; log ends:\n{}",
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ))
    }

    async fn create_realm(&self) -> Result<(), String> {
        let base = format!("http://127.0.0.1:{}", self.port);
        let form =
            [("grant_type", "password"), ("client_id", "admin-cli"), ("username", "admin"), ("password", "admin")];
        let admin = post_form(&format!("{base}/realms/master/protocol/openid-connect/token"), &form).await?;
        let token = admin["access_token"].as_str().ok_or(format!("no admin token: {admin}"))?;
        let response = reqwest::Client::new()
            .post(format!("{base}/admin/realms"))
            .bearer_auth(token)
            .json(&realm())
            .send()
            .await
            .map_err(|e| format!("creating the realm: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("creating the realm: {}", response.text().await.unwrap_or_default()));
        }
        Ok(())
    }
}

impl Drop for Keycloak {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

/// The realm: one confidential client, one user, short-lived tokens whose
/// audience names the client (Weaviate checks it).
fn realm() -> Value {
    json!({
        "realm": "weaviate",
        "enabled": true,
        "accessTokenLifespan": TOKEN_LIFETIME.as_secs(),
        "clients": [{
            "clientId": CLIENT_ID,
            "enabled": true,
            "publicClient": false,
            "secret": CLIENT_SECRET,
            "serviceAccountsEnabled": true,
            "directAccessGrantsEnabled": true,
            "standardFlowEnabled": false,
            "protocolMappers": [{
                "name": "audience",
                "protocol": "openid-connect",
                "protocolMapper": "oidc-audience-mapper",
                "config": {"included.client.audience": CLIENT_ID, "access.token.claim": "true"}
            }]
        }],
        "users": [{
            "username": USER.0,
            "enabled": true,
            "email": "ada@example.com",
            "emailVerified": true,
            "firstName": "Ada",
            "lastName": "Lovelace",
            "credentials": [{"type": "password", "value": USER.1, "temporary": false}]
        }]
    })
}

async fn post_form(url: &str, form: &[(&str, &str)]) -> Result<Value, String> {
    let response = reqwest::Client::new().post(url).form(form).send().await.map_err(|e| format!("POST {url}: {e}"))?;
    let status = response.status();
    let body: Value = response.json().await.map_err(|e| format!("POST {url}: {e}"))?;
    if status.is_success() { Ok(body) } else { Err(format!("POST {url}: {status}: {body}")) }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// The Keycloak folder in the cache, downloaded and unpacked on first use.
fn install() -> Result<PathBuf, String> {
    cache::install(&format!("keycloak-{VERSION}"), "bin/kc.sh", |folder| {
        let url = format!(
            "https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/{VERSION}/keycloak-quarkus-dist-{VERSION}.tar.gz"
        );
        let archive = folder.join("keycloak.tar.gz");
        run(Command::new("curl")
            .args(["--fail", "--silent", "--show-error", "--location", "-o"])
            .arg(&archive)
            .arg(&url))?;
        run(Command::new("tar").arg("xzf").arg(&archive).arg("-C").arg(folder).arg("--strip-components=1"))?;
        std::fs::remove_file(&archive).map_err(|e| format!("removing {}: {e}", archive.display()))
    })
}
