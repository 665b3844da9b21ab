//! URL settings (`base_url`, `endpoint_url`) as the official Python client
//! writes them: through pydantic's `AnyHttpUrl`, which lower-cases the scheme
//! and host, drops a default port and gives an empty path its `/`. Each form
//! names the same resource; writing the same one keeps the server's JSON
//! equal whichever client made the collection.

use serde::{Deserialize, Serialize};

/// An HTTP(S) URL setting in its normal form; read back from the server as
/// the server has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HttpUrl(String);

impl HttpUrl {
    /// `url` in its normal form; text that is no `scheme://host` URL is kept as it is.
    pub fn new(url: &str) -> Self {
        Self(normal_form(url).unwrap_or_else(|| url.to_owned()))
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for HttpUrl {
    fn from(url: &str) -> Self {
        Self::new(url)
    }
}

impl std::fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn normal_form(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (user, host_port) = match authority.rsplit_once('@') {
        Some((user, host_port)) => (Some(user), host_port),
        None => (None, authority),
    };
    if host_port.is_empty() {
        return None;
    }
    // A port follows the last `:` unless it is inside an IPv6 literal's brackets.
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (host_port, None),
    };
    let default_port = matches!((scheme.as_str(), port), ("http", Some("80")) | ("https", Some("443")));
    let mut out = format!("{scheme}://");
    if let Some(user) = user {
        out.push_str(user);
        out.push('@');
    }
    out.push_str(&host.to_ascii_lowercase());
    if let Some(port) = port.filter(|_| !default_port) {
        out.push(':');
        out.push_str(port);
    }
    if !tail.starts_with('/') {
        out.push('/');
    }
    out.push_str(tail);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::HttpUrl;

    #[test]
    fn urls_take_the_python_clients_normal_form() {
        for (given, sent) in [
            ("https://example.com", "https://example.com/"),
            ("https://example.com/api", "https://example.com/api"),
            ("HTTPS://Example.COM:443/v1/", "https://example.com/v1/"),
            ("http://localhost:8080", "http://localhost:8080/"),
            ("http://host:80?x=1", "http://host/?x=1"),
            ("http://user:pw@Host:9000", "http://user:pw@host:9000/"),
            ("http://[::1]:8080", "http://[::1]:8080/"),
            ("not a url", "not a url"),
        ] {
            assert_eq!(HttpUrl::new(given).as_str(), sent, "{given}");
        }
    }
}
