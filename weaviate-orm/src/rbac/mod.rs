//! Role-based access control: permissions, roles, database users and their
//! API keys, the roles of users and OIDC groups. Needs a server with RBAC
//! on (`AUTHORIZATION_RBAC_ENABLED=true`); database users also need
//! `AUTHENTICATION_DB_USERS_ENABLED=true`.

mod permission;
mod roles;
mod users;

pub use permission::{
    AliasesPermissions, BackupsPermissions, ClusterPermissions, CollectionsPermissions, DataPermissions,
    GroupsPermissions, NodesPermissions, Permission, Permissions, ReplicatePermissions, Resource, RolesPermissions,
    TenantsPermissions, UsersPermissions,
};
pub use roles::{Role, Roles, UserKind};
pub use users::{DbUser, Groups, OwnUser, Users};
