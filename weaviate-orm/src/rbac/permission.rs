//! Permissions: an action on a resource, built per domain so that only the
//! actions a domain has can be asked for (`Permissions::data("Article").read()`
//! compiles, `Permissions::data("Article").manage()` does not).

use serde_json::{Map, Value, json};

use crate::{Error, Result, WeaviateCollection};

/// One action on one resource, as the server stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Permission {
    /// The action, by the server's name (`read_data`, `manage_backups`...).
    pub action: String,
    /// The resource it applies to.
    pub resource: Resource,
}

/// What a permission applies to; `*` in a name matches any run of characters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Resource {
    /// Collection definitions.
    Collections {
        /// The collections.
        collection: String,
    },
    /// Objects.
    Data {
        /// Their collections.
        collection: String,
        /// Their tenants.
        tenant: String,
        /// The objects.
        object: String,
    },
    /// Tenants.
    Tenants {
        /// Their collections.
        collection: String,
        /// The tenants.
        tenant: String,
    },
    /// Backups.
    Backups {
        /// The collections backed up.
        collection: String,
    },
    /// The cluster's statistics.
    Cluster,
    /// Node status.
    Nodes {
        /// `minimal` or `verbose`.
        verbosity: String,
        /// The collections, for verbose reads.
        collection: String,
    },
    /// Roles.
    Roles {
        /// The roles.
        role: String,
        /// `all` (any permissions) or `match` (only the holder's own).
        scope: Option<String>,
    },
    /// Users.
    Users {
        /// The users.
        users: String,
    },
    /// Aliases.
    Aliases {
        /// The aliases.
        alias: String,
        /// Their collections.
        collection: String,
    },
    /// Shard replication.
    Replicate {
        /// The collections.
        collection: String,
        /// The shards.
        shard: String,
    },
    /// OIDC groups.
    Groups {
        /// The groups.
        group: String,
        /// `oidc`.
        group_type: String,
    },
    /// A resource this client does not know, as the server wrote it.
    Other(Value),
}

impl Permission {
    /// The permission as the server's JSON.
    pub fn to_json(&self) -> Value {
        let (key, resource) = match &self.resource {
            Resource::Collections { collection } => ("collections", json!({"collection": collection})),
            Resource::Data { collection, tenant, object } => {
                ("data", json!({"collection": collection, "tenant": tenant, "object": object}))
            }
            Resource::Tenants { collection, tenant } => {
                ("tenants", json!({"collection": collection, "tenant": tenant}))
            }
            Resource::Backups { collection } => ("backups", json!({"collection": collection})),
            Resource::Cluster => return json!({"action": self.action}),
            Resource::Nodes { verbosity, collection } => {
                ("nodes", json!({"verbosity": verbosity, "collection": collection}))
            }
            Resource::Roles { role, scope } => {
                let mut roles = Map::new();
                roles.insert("role".into(), json!(role));
                if let Some(scope) = scope {
                    roles.insert("scope".into(), json!(scope));
                }
                ("roles", Value::Object(roles))
            }
            Resource::Users { users } => ("users", json!({"users": users})),
            Resource::Aliases { alias, collection } => ("aliases", json!({"alias": alias, "collection": collection})),
            Resource::Replicate { collection, shard } => {
                ("replicate", json!({"collection": collection, "shard": shard}))
            }
            Resource::Groups { group, group_type } => ("groups", json!({"group": group, "groupType": group_type})),
            Resource::Other(other) => {
                let mut out = other.as_object().cloned().unwrap_or_default();
                out.insert("action".into(), json!(self.action));
                return Value::Object(out);
            }
        };
        json!({"action": self.action, key: resource})
    }

    /// Reads a permission of the server's JSON; a resource this client does
    /// not know is kept as [`Resource::Other`].
    pub fn from_json(json: &Value) -> Self {
        let action = json.get("action").and_then(Value::as_str).unwrap_or_default().to_owned();
        let text = |domain: &str, key: &str| -> String {
            json.get(domain).and_then(|d| d.get(key)).and_then(Value::as_str).unwrap_or("*").to_owned()
        };
        let has = |domain: &str| json.get(domain).is_some_and(|d| !d.is_null());
        let resource = if has("collections") {
            Resource::Collections { collection: text("collections", "collection") }
        } else if has("data") {
            Resource::Data {
                collection: text("data", "collection"),
                tenant: text("data", "tenant"),
                object: text("data", "object"),
            }
        } else if has("tenants") {
            Resource::Tenants { collection: text("tenants", "collection"), tenant: text("tenants", "tenant") }
        } else if has("backups") {
            Resource::Backups { collection: text("backups", "collection") }
        } else if has("nodes") {
            Resource::Nodes { verbosity: text("nodes", "verbosity"), collection: text("nodes", "collection") }
        } else if has("roles") {
            let scope = json["roles"].get("scope").and_then(Value::as_str).map(str::to_owned);
            Resource::Roles { role: text("roles", "role"), scope }
        } else if has("users") {
            Resource::Users { users: text("users", "users") }
        } else if has("aliases") {
            Resource::Aliases { alias: text("aliases", "alias"), collection: text("aliases", "collection") }
        } else if has("replicate") {
            Resource::Replicate { collection: text("replicate", "collection"), shard: text("replicate", "shard") }
        } else if has("groups") {
            Resource::Groups { group: text("groups", "group"), group_type: text("groups", "groupType") }
        } else if action == "read_cluster" {
            Resource::Cluster
        } else {
            let mut other = json.as_object().cloned().unwrap_or_default();
            other.remove("action");
            other.retain(|_, v| !v.is_null());
            Resource::Other(Value::Object(other))
        };
        Self { action, resource }
    }
}

/// The permission builders, one per domain.
#[derive(Debug, Clone, Copy)]
pub struct Permissions;

/// A collection name or pattern as a permission takes it: `*`, a name, or
/// a name with `*` in it; never re-cased (a collection name starts upper-case).
fn collection_pattern(pattern: &str) -> Result<String> {
    if pattern.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(Error::InvalidConfig(format!(
            "the collection pattern {pattern:?} starts lower-case, and no collection name does"
        )));
    }
    Ok(pattern.to_owned())
}

/// Declares a domain's builder: its fields (each defaulting to `*`), its
/// resource, and one method per action it has.
macro_rules! domain {
    (
        $(#[$meta:meta])* $builder:ident { $($field:ident),* } => $resource:expr;
        $( $(#[$ameta:meta])* $method:ident => $action:literal ),* $(,)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[must_use = "a permission builder is used by passing it to a role"]
        pub struct $builder {
            $($field: String,)*
            actions: Vec<&'static str>,
        }

        impl $builder {
            $(
                $(#[$ameta])*
                pub fn $method(mut self) -> Self {
                    self.actions.push($action);
                    self
                }
            )*

            /// Every action of the domain.
            pub fn all(self) -> Self {
                self$(.$method())*
            }
        }

        impl IntoIterator for $builder {
            type Item = Permission;
            type IntoIter = std::vec::IntoIter<Permission>;

            fn into_iter(self) -> Self::IntoIter {
                let $builder { $($field,)* actions } = self;
                let resource: Resource = $resource;
                let permissions: Vec<Permission> = actions
                    .into_iter()
                    .map(|action| Permission { action: action.to_owned(), resource: resource.clone() })
                    .collect();
                permissions.into_iter()
            }
        }
    };
}

domain!(
    /// Permissions on collection definitions.
    CollectionsPermissions { collection } => Resource::Collections { collection };
    /// Create collections.
    create => "create_collections",
    /// Read their configuration.
    read => "read_collections",
    /// Change their configuration.
    update => "update_collections",
    /// Delete them.
    delete => "delete_collections",
);

domain!(
    /// Permissions on objects.
    DataPermissions { collection, tenant, object } => Resource::Data { collection, tenant, object };
    /// Insert objects.
    create => "create_data",
    /// Read and search objects.
    read => "read_data",
    /// Replace and update objects.
    update => "update_data",
    /// Delete objects.
    delete => "delete_data",
);

domain!(
    /// Permissions on tenants.
    TenantsPermissions { collection, tenant } => Resource::Tenants { collection, tenant };
    /// Add tenants.
    create => "create_tenants",
    /// List tenants.
    read => "read_tenants",
    /// Change their activity.
    update => "update_tenants",
    /// Remove tenants.
    delete => "delete_tenants",
);

domain!(
    /// Permissions on backups.
    BackupsPermissions { collection } => Resource::Backups { collection };
    /// Create, restore and cancel backups.
    manage => "manage_backups",
);

domain!(
    /// Permissions on the cluster's statistics.
    ClusterPermissions {} => Resource::Cluster;
    /// Read the statistics.
    read => "read_cluster",
);

domain!(
    /// Permissions on node status.
    NodesPermissions { verbosity, collection } => Resource::Nodes { verbosity, collection };
    /// Read node status.
    read => "read_nodes",
);

domain!(
    /// Permissions on roles.
    RolesPermissions { role, scope } => Resource::Roles { role, scope: Some(scope) };
    /// Create roles.
    create => "create_roles",
    /// Read roles.
    read => "read_roles",
    /// Change roles' permissions.
    update => "update_roles",
    /// Delete roles.
    delete => "delete_roles",
);

domain!(
    /// Permissions on users.
    UsersPermissions { users } => Resource::Users { users };
    /// Create database users.
    create => "create_users",
    /// Read users.
    read => "read_users",
    /// Rotate keys, activate and deactivate users.
    update => "update_users",
    /// Delete users.
    delete => "delete_users",
    /// Assign roles to users and revoke them.
    assign_and_revoke => "assign_and_revoke_users",
);

domain!(
    /// Permissions on aliases.
    AliasesPermissions { alias, collection } => Resource::Aliases { alias, collection };
    /// Create aliases.
    create => "create_aliases",
    /// Read aliases.
    read => "read_aliases",
    /// Re-point aliases.
    update => "update_aliases",
    /// Delete aliases.
    delete => "delete_aliases",
);

domain!(
    /// Permissions on shard replication.
    ReplicatePermissions { collection, shard } => Resource::Replicate { collection, shard };
    /// Start replica movements.
    create => "create_replicate",
    /// Read them.
    read => "read_replicate",
    /// Change them.
    update => "update_replicate",
    /// Cancel them.
    delete => "delete_replicate",
);

domain!(
    /// Permissions on OIDC groups.
    GroupsPermissions { group, group_type } => Resource::Groups { group, group_type };
    /// Read groups and their roles.
    read => "read_groups",
    /// Assign roles to groups and revoke them.
    assign_and_revoke => "assign_and_revoke_groups",
);

impl Permissions {
    /// On the definitions of the collections `pattern` matches (`*`: all).
    pub fn collections(pattern: &str) -> Result<CollectionsPermissions> {
        Ok(CollectionsPermissions { collection: collection_pattern(pattern)?, actions: Vec::new() })
    }

    /// On the definition of `T`'s collection.
    pub fn collection<T: WeaviateCollection>() -> CollectionsPermissions {
        CollectionsPermissions { collection: T::NAME.to_owned(), actions: Vec::new() }
    }

    /// On the objects of the collections `pattern` matches, every tenant.
    pub fn data(pattern: &str) -> Result<DataPermissions> {
        Ok(DataPermissions {
            collection: collection_pattern(pattern)?,
            tenant: "*".into(),
            object: "*".into(),
            actions: Vec::new(),
        })
    }

    /// On the objects of `T`'s collection, every tenant.
    pub fn data_of<T: WeaviateCollection>() -> DataPermissions {
        DataPermissions { collection: T::NAME.to_owned(), tenant: "*".into(), object: "*".into(), actions: Vec::new() }
    }

    /// On the tenants of the collections `pattern` matches.
    pub fn tenants(pattern: &str) -> Result<TenantsPermissions> {
        Ok(TenantsPermissions { collection: collection_pattern(pattern)?, tenant: "*".into(), actions: Vec::new() })
    }

    /// On backups of the collections `pattern` matches.
    pub fn backups(pattern: &str) -> Result<BackupsPermissions> {
        Ok(BackupsPermissions { collection: collection_pattern(pattern)?, actions: Vec::new() })
    }

    /// On the cluster's statistics.
    pub fn cluster() -> ClusterPermissions {
        ClusterPermissions { actions: Vec::new() }
    }

    /// On node status, minimal.
    pub fn nodes() -> NodesPermissions {
        NodesPermissions { verbosity: "minimal".into(), collection: "*".into(), actions: Vec::new() }
    }

    /// On node status, verbose, for the collections `pattern` matches.
    pub fn nodes_verbose(pattern: &str) -> Result<NodesPermissions> {
        Ok(NodesPermissions {
            verbosity: "verbose".into(),
            collection: collection_pattern(pattern)?,
            actions: Vec::new(),
        })
    }

    /// On the roles `pattern` matches, with any permissions (`all` scope).
    pub fn roles(pattern: &str) -> RolesPermissions {
        RolesPermissions { role: pattern.to_owned(), scope: "all".into(), actions: Vec::new() }
    }

    /// On the roles `pattern` matches, only with permissions the holder has
    /// itself (`match` scope).
    pub fn roles_matching_own(pattern: &str) -> RolesPermissions {
        RolesPermissions { role: pattern.to_owned(), scope: "match".into(), actions: Vec::new() }
    }

    /// On the users `pattern` matches.
    pub fn users(pattern: &str) -> UsersPermissions {
        UsersPermissions { users: pattern.to_owned(), actions: Vec::new() }
    }

    /// On the aliases `pattern` matches, of any collection.
    pub fn aliases(pattern: &str) -> Result<AliasesPermissions> {
        Ok(AliasesPermissions { alias: collection_pattern(pattern)?, collection: "*".into(), actions: Vec::new() })
    }

    /// On replica movements of the collections `pattern` matches.
    pub fn replicate(pattern: &str) -> Result<ReplicatePermissions> {
        Ok(ReplicatePermissions { collection: collection_pattern(pattern)?, shard: "*".into(), actions: Vec::new() })
    }

    /// On the OIDC groups `pattern` matches.
    pub fn oidc_groups(pattern: &str) -> GroupsPermissions {
        GroupsPermissions { group: pattern.to_owned(), group_type: "oidc".into(), actions: Vec::new() }
    }
}

impl DataPermissions {
    /// Only the objects of the tenants `pattern` matches.
    pub fn tenant(mut self, pattern: &str) -> Self {
        self.tenant = pattern.to_owned();
        self
    }
}

impl TenantsPermissions {
    /// Only the tenants `pattern` matches.
    pub fn tenant(mut self, pattern: &str) -> Self {
        self.tenant = pattern.to_owned();
        self
    }
}

impl ReplicatePermissions {
    /// Only the shards `pattern` matches.
    pub fn shard(mut self, pattern: &str) -> Self {
        self.shard = pattern.to_owned();
        self
    }
}

impl AliasesPermissions {
    /// Only aliases of the collections `pattern` matches.
    pub fn of_collection(mut self, pattern: &str) -> Result<Self> {
        self.collection = collection_pattern(pattern)?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_write_the_servers_json_and_read_it_back() {
        let permissions: Vec<Permission> =
            Permissions::data("Article*").expect("pattern").tenant("acme").read().create().into_iter().collect();
        assert_eq!(permissions.len(), 2);
        assert_eq!(
            permissions[0].to_json(),
            json!({"action": "read_data", "data": {"collection": "Article*", "tenant": "acme", "object": "*"}})
        );
        for permission in permissions
            .into_iter()
            .chain(Permissions::cluster().read())
            .chain(Permissions::roles_matching_own("editor").all())
            .chain(Permissions::oidc_groups("admins").read())
            .chain(Permissions::nodes_verbose("*").expect("pattern").read())
        {
            assert_eq!(Permission::from_json(&permission.to_json()), permission);
        }
        assert_eq!(Permissions::users("*").all().into_iter().count(), 5);
    }

    #[test]
    fn lower_case_collection_patterns_are_refused_not_re_cased() {
        assert!(Permissions::data("article").is_err());
        assert!(Permissions::collections("*").is_ok());
    }

    #[test]
    fn unknown_resources_are_kept() {
        let json = json!({"action": "read_mcp", "mcp": {"x": 1}});
        let read = Permission::from_json(&json);
        assert_eq!(read.resource, Resource::Other(json!({"mcp": {"x": 1}})));
        assert_eq!(read.to_json(), json);
    }
}
