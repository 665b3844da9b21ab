//! [`ConsistencyLevel`]: how many replicas must acknowledge a read or write.

use weaviate_orm_proto::v1 as pb;

/// How many replicas must acknowledge a read or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsistencyLevel {
    /// One replica.
    One,
    /// A majority of replicas.
    Quorum,
    /// Every replica.
    All,
}

impl ConsistencyLevel {
    /// The name the REST API uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::One => "ONE",
            Self::Quorum => "QUORUM",
            Self::All => "ALL",
        }
    }

    /// The level a server message names (`... consistency level "ALL" ...`).
    pub(crate) fn named_in(message: &str) -> Option<Self> {
        let rest = message.split("consistency level").nth(1)?;
        let name = rest.trim_start().trim_start_matches(['"', '\'', ' ']);
        [Self::One, Self::Quorum, Self::All].into_iter().find(|level| name.starts_with(level.name()))
    }

    pub(crate) fn to_proto(self) -> i32 {
        let level = match self {
            Self::One => pb::ConsistencyLevel::One,
            Self::Quorum => pb::ConsistencyLevel::Quorum,
            Self::All => pb::ConsistencyLevel::All,
        };
        level as i32
    }
}

impl std::fmt::Display for ConsistencyLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a server message says a request could not reach the replicas
/// its consistency level needs.
pub(crate) fn replicas_unreached(message: &str) -> bool {
    message.contains("cannot achieve consistency level") || message.contains("cannot reach enough replicas")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_messages_name_the_level() {
        let message = r#"cannot achieve consistency level "ALL": read error: cannot reach enough replicas"#;
        assert!(replicas_unreached(message));
        assert_eq!(ConsistencyLevel::named_in(message), Some(ConsistencyLevel::All));
        let insert = "put object: replicate insertion: shard=\"x\": cannot reach enough replicas: required 3, got 2";
        assert!(replicas_unreached(insert));
        assert_eq!(ConsistencyLevel::named_in(insert), None);
        assert!(!replicas_unreached("no such class"));
    }
}
