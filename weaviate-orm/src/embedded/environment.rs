//! The server's environment and command line, from its options: loopback
//! only, the chosen ports, the modules, authentication and TLS.

use std::path::Path;

use super::options::EmbeddedOptions;
use super::process::Ports;

/// The node name of a single server; fixed so a persistent data folder's
/// Raft state matches it.
const NODE_NAME: &str = "weaviate-orm-embedded";

/// A node's place in a cluster: its name, the gossip addresses of the
/// other nodes, and every node's Raft address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Membership {
    /// This node's name (`CLUSTER_HOSTNAME`), fixed per data folder.
    pub(super) node: String,
    /// The other nodes' gossip addresses, `127.0.0.1:port`, comma-separated.
    pub(super) gossip_join: String,
    /// Every node's `name:raft-port`, comma-separated.
    pub(super) raft_join: String,
    /// How many voters bootstrap Raft: every node.
    pub(super) voters: usize,
}

impl EmbeddedOptions {
    /// The server's environment: the launcher's settings, the node's place
    /// in its cluster, then the user's.
    pub(super) fn environment(
        &self,
        root: &Path,
        ports: Ports,
        membership: Option<&Membership>,
    ) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = [
            ("PERSISTENCE_DATA_PATH", root.join("data").display().to_string()),
            ("BACKUP_FILESYSTEM_PATH", root.join("backups").display().to_string()),
            ("DEFAULT_VECTORIZER_MODULE", "none".to_owned()),
            ("ENABLE_MODULES", self.modules.join(",")),
            ("API_BASED_MODULES_DISABLED", "true".to_owned()),
            ("AUTOSCHEMA_ENABLED", "false".to_owned()),
            ("DISABLE_LAZY_LOAD_SHARDS", "true".to_owned()),
            ("CLUSTER_HOSTNAME", NODE_NAME.to_owned()),
            ("CLUSTER_IN_LOCALHOST", "true".to_owned()),
            ("CLUSTER_BIND_ADDR", "127.0.0.1".to_owned()),
            ("CLUSTER_ADVERTISE_ADDR", "127.0.0.1".to_owned()),
            ("CLUSTER_GOSSIP_BIND_PORT", ports.gossip.to_string()),
            ("CLUSTER_DATA_BIND_PORT", ports.data.to_string()),
            ("RAFT_PORT", ports.raft.to_string()),
            ("RAFT_INTERNAL_RPC_PORT", ports.raft_rpc.to_string()),
            ("RAFT_BOOTSTRAP_EXPECT", "1".to_owned()),
            ("GRPC_PORT", ports.grpc.to_string()),
            ("DISABLE_TELEMETRY", "true".to_owned()),
            ("GO_PROFILING_DISABLE", "true".to_owned()),
            ("LOG_LEVEL", "info".to_owned()),
            ("LOG_FORMAT", "text".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if let Some(member) = membership {
            let set = |env: &mut Vec<(String, String)>, key: &str, value: String| {
                env.retain(|(k, _)| k != key);
                env.push((key.to_owned(), value));
            };
            set(&mut env, "CLUSTER_HOSTNAME", member.node.clone());
            set(&mut env, "CLUSTER_JOIN", member.gossip_join.clone());
            set(&mut env, "RAFT_JOIN", member.raft_join.clone());
            set(&mut env, "RAFT_BOOTSTRAP_EXPECT", member.voters.to_string());
        }
        if let Some((issuer, client_id)) = &self.oidc {
            env.push(("AUTHENTICATION_OIDC_ENABLED".into(), "true".into()));
            env.push(("AUTHENTICATION_OIDC_ISSUER".into(), issuer.clone()));
            env.push(("AUTHENTICATION_OIDC_CLIENT_ID".into(), client_id.clone()));
            env.push(("AUTHENTICATION_OIDC_USERNAME_CLAIM".into(), "preferred_username".into()));
            env.push(("AUTHENTICATION_OIDC_SCOPES".into(), "openid".into()));
        }
        if self.api_keys.is_empty() {
            let anonymous = if self.oidc.is_some() { "false" } else { "true" };
            env.push(("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED".into(), anonymous.into()));
        } else {
            let keys: Vec<&str> = self.api_keys.iter().map(|(k, _)| k.expose()).collect();
            let users: Vec<&str> = self.api_keys.iter().map(|(_, u)| u.as_str()).collect();
            env.push(("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED".into(), "false".into()));
            env.push(("AUTHENTICATION_APIKEY_ENABLED".into(), "true".into()));
            env.push(("AUTHENTICATION_APIKEY_ALLOWED_KEYS".into(), keys.join(",")));
            env.push(("AUTHENTICATION_APIKEY_USERS".into(), users.join(",")));
        }
        if let Some(tls) = &self.tls {
            env.push(("GRPC_CERT_FILE".into(), tls.certificate.display().to_string()));
            env.push(("GRPC_KEY_FILE".into(), tls.key.display().to_string()));
        }
        env.extend(self.env.iter().cloned());
        env
    }

    /// The command-line arguments that choose the REST listener.
    pub(super) fn listener_args(&self, http_port: u16) -> Vec<String> {
        let port = http_port.to_string();
        let args: Vec<&str> = match &self.tls {
            None => vec!["--host", "127.0.0.1", "--port", &port, "--scheme", "http"],
            Some(_) => vec!["--tls-host", "127.0.0.1", "--tls-port", &port, "--scheme", "https"],
        };
        let mut args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        if let Some(tls) = &self.tls {
            args.push(format!("--tls-certificate={}", tls.certificate.display()));
            args.push(format!("--tls-key={}", tls.key.display()));
        }
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::EmbeddedOptions;

    fn value<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
        env.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn environment_is_loopback_only_with_the_chosen_ports() {
        let ports = Ports { http: 1, grpc: 2, gossip: 3, data: 4, raft: 5, raft_rpc: 6 };
        let env = EmbeddedOptions::default().environment(Path::new("/x"), ports, None);
        assert_eq!(value(&env, "GRPC_PORT"), Some("2"));
        assert_eq!(value(&env, "CLUSTER_BIND_ADDR"), Some("127.0.0.1"));
        assert_eq!(value(&env, "RAFT_INTERNAL_RPC_PORT"), Some("6"));
        assert_eq!(value(&env, "PERSISTENCE_DATA_PATH"), Some("/x/data"));
        assert_eq!(
            value(&env, "ENABLE_MODULES"),
            Some("text2vec-bigram,generative-dummy,reranker-dummy,backup-filesystem")
        );
        assert_eq!(value(&env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED"), Some("true"));
        assert_eq!(value(&env, "DISABLE_TELEMETRY"), Some("true"));
    }

    #[test]
    fn a_cluster_node_joins_the_others() {
        let member = Membership {
            node: "node-1".into(),
            gossip_join: "127.0.0.1:7100,127.0.0.1:7110".into(),
            raft_join: "node-0:7102,node-1:7112,node-2:7122".into(),
            voters: 3,
        };
        let env = EmbeddedOptions::default().environment(Path::new("/x"), Ports::free().expect("ports"), Some(&member));
        assert_eq!(value(&env, "CLUSTER_HOSTNAME"), Some("node-1"));
        assert_eq!(value(&env, "CLUSTER_JOIN"), Some("127.0.0.1:7100,127.0.0.1:7110"));
        assert_eq!(value(&env, "RAFT_JOIN"), Some("node-0:7102,node-1:7112,node-2:7122"));
        assert_eq!(value(&env, "RAFT_BOOTSTRAP_EXPECT"), Some("3"));
        assert_eq!(env.iter().filter(|(k, _)| k == "CLUSTER_HOSTNAME").count(), 1);
    }

    #[test]
    fn oidc_turns_off_anonymous_access_without_api_keys() {
        let options = EmbeddedOptions::default().oidc("http://127.0.0.1:1/realms/r", "client");
        let env = options.environment(Path::new("/x"), Ports::free().expect("ports"), None);
        assert_eq!(value(&env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED"), Some("false"));
        assert_eq!(value(&env, "AUTHENTICATION_OIDC_ISSUER"), Some("http://127.0.0.1:1/realms/r"));
        assert_eq!(value(&env, "AUTHENTICATION_OIDC_CLIENT_ID"), Some("client"));
        assert_eq!(value(&env, "AUTHENTICATION_APIKEY_ENABLED"), None);
    }

    #[test]
    fn api_keys_turn_off_anonymous_access_and_user_env_wins() {
        let options =
            EmbeddedOptions::default().api_key("k1", "alice").api_key("k2", "bob").env("AUTOSCHEMA_ENABLED", "true");
        let env = options.environment(Path::new("/x"), Ports::free().expect("ports"), None);
        assert_eq!(value(&env, "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED"), Some("false"));
        assert_eq!(value(&env, "AUTHENTICATION_APIKEY_ALLOWED_KEYS"), Some("k1,k2"));
        assert_eq!(value(&env, "AUTHENTICATION_APIKEY_USERS"), Some("alice,bob"));
        assert_eq!(value(&env, "AUTOSCHEMA_ENABLED"), Some("true"));
        assert!(!format!("{options:?}").contains("k1"), "keys must not show in Debug");
    }
}
