//! The one error type of the crate.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::consistency::ConsistencyLevel;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `weaviate-orm`.
///
/// The variants follow the error families of the official Python client
/// (connection, timeout, closed client, authentication, unexpected status...),
/// each with what is needed to act on it. Secrets never appear in messages.
///
/// Match on the variants to handle the cases a program can act on, and pass
/// the others on; the enum is `#[non_exhaustive]`, so a match needs a
/// catch-all arm.
///
/// ```
/// use weaviate_orm::Error;
///
/// /// What to tell the person running the program.
/// fn advice(error: &Error) -> String {
///     match error {
///         Error::Connection { url, .. } => format!("is Weaviate running at {url}?"),
///         Error::Authentication { .. } => "check the API key".into(),
///         Error::Timeout { operation, after } => format!("{operation} took more than {after:?}; try again later"),
///         Error::SchemaMismatch { .. } => format!("a model changed in a way Weaviate cannot apply:\n{error}"),
///         Error::InvalidName { name, rule, .. } => format!("rename {name:?}: {rule}"),
///         other => other.to_string(),
///     }
/// }
///
/// let error = weaviate_orm::names::collection("articles").unwrap_err();
/// assert_eq!(advice(&error), r#"rename "articles": the server would store it as "Articles"; name it so"#);
/// ```
///
/// Some errors are an answer about the data rather than a failure: an
/// object the server refuses is [`Error::ObjectRejected`], a reference it
/// refuses [`Error::ReferenceRejected`], and replacing or updating an object
/// that does not exist [`Error::ObjectNotFound`].
///
/// ```no_run
/// # use weaviate_orm::{Collection, Error, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(articles: Collection<Article>, article: Article) -> weaviate_orm::Result<()> {
/// match articles.insert(&article).await {
///     Ok(id) => println!("stored as {id}"),
///     Err(Error::ObjectRejected { reason, .. }) => eprintln!("{:?} was refused: {reason}", article.title),
///     Err(other) => return Err(other),
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server could not be reached (refused, unresolved, TLS failure...).
    #[error("cannot reach Weaviate at {url}: {message}")]
    Connection {
        /// The address that was tried.
        url: String,
        /// What went wrong, from the transport.
        message: String,
    },

    /// A read or write could not reach as many replicas as its consistency
    /// level needs (a node holding a replica is down or unreachable).
    /// Retry later, or with a lower [`ConsistencyLevel`].
    #[error("{operation} could not reach enough replicas for consistency level {}: {message}", level_name(level.as_ref()))]
    ConsistencyNotReached {
        /// What was being done.
        operation: String,
        /// The level asked for, when known (the server's default is `QUORUM`).
        level: Option<ConsistencyLevel>,
        /// The server's message.
        message: String,
    },

    /// An operation did not finish within its timeout.
    #[error("{operation} timed out after {after:?}")]
    Timeout {
        /// What was being done, e.g. `GET /v1/meta`.
        operation: String,
        /// The timeout that fired.
        after: Duration,
    },

    /// The client was closed with [`WeaviateClient::close`](crate::WeaviateClient::close).
    #[error("the client is closed; create a new one to talk to Weaviate again")]
    ClosedClient,

    /// The server did not accept the credentials (HTTP 401, gRPC `Unauthenticated`).
    #[error("authentication failed for {operation}: {message}")]
    Authentication {
        /// What was being done.
        operation: String,
        /// The server's explanation.
        message: String,
    },

    /// The credentials are valid but lack a permission (HTTP 403, gRPC `PermissionDenied`).
    #[error("not authorized to {operation}: {message}")]
    Authorization {
        /// What was being done.
        operation: String,
        /// The server's explanation.
        message: String,
    },

    /// A REST call returned a status other than the expected one.
    #[error("{operation} failed with HTTP {status}: {message}")]
    UnexpectedStatus {
        /// What was being done, e.g. `POST /v1/schema`.
        operation: String,
        /// The HTTP status code.
        status: u16,
        /// The server's error message(s), joined.
        message: String,
    },

    /// A gRPC call failed (failures of authentication, authorization,
    /// connection and time have their own variants, whatever the code).
    #[error("{operation} failed with gRPC status {code}: {message}")]
    Grpc {
        /// The RPC, e.g. `Search`.
        operation: String,
        /// The gRPC status code.
        code: crate::GrpcCode,
        /// The server's message.
        message: String,
    },

    /// The server answered something this client cannot interpret.
    #[error("unexpected response to {operation}: {message}")]
    UnexpectedResponse {
        /// What was being done.
        operation: String,
        /// What was wrong with the answer.
        message: String,
    },

    /// One object was not written: the client could not encode it, or the
    /// server refused it.
    #[error("object {id} was not written to {collection}: {reason}")]
    ObjectRejected {
        /// The collection.
        collection: String,
        /// The object's id.
        id: uuid::Uuid,
        /// Why.
        reason: String,
    },

    /// A reference was not added: the server refused it.
    #[error("a reference from {from} in {collection}.{property} was not added: {reason}")]
    ReferenceRejected {
        /// The collection of the object the reference starts from.
        collection: String,
        /// That object's id.
        from: uuid::Uuid,
        /// The reference property.
        property: String,
        /// Why.
        reason: String,
    },

    /// The object to replace or update does not exist.
    #[error("there is no object {id} in {collection}")]
    ObjectNotFound {
        /// The collection.
        collection: String,
        /// The id asked for.
        id: uuid::Uuid,
    },

    /// An object returned by the server does not fit its Rust type.
    #[error("object {object_id} of collection {collection} does not fit its Rust type: {source}")]
    Decode {
        /// The collection.
        collection: String,
        /// The object's id.
        object_id: uuid::Uuid,
        /// Which property failed, and why.
        source: crate::value::PropertyError,
    },

    /// A GraphQL query came back with errors.
    #[error("GraphQL query failed: {}", messages.join("; "))]
    GraphQl {
        /// The server's error messages.
        messages: Vec<String>,
    },

    /// A migration found changes its policy refuses; nothing was written.
    #[error("{}", schema_mismatch_message(plans, *policy))]
    SchemaMismatch {
        /// The plans of the collections that cannot be migrated.
        plans: Vec<crate::schema::MigrationPlan>,
        /// The policy that refused them.
        policy: crate::schema::Policy,
    },

    /// The server is older than the oldest version this client supports.
    #[error(
        "Weaviate {found} is not supported: weaviate-orm needs {required} or newer \
         (upgrade the server, or pass `skip_init_checks` to connect anyway)"
    )]
    UnsupportedServer {
        /// The server's version.
        found: String,
        /// The oldest supported version.
        required: String,
    },

    /// A value that the server would store changed (a NaN or infinite
    /// number becomes null there), or that cannot be sent; nothing was sent.
    #[error("`{property}` cannot be sent: {source}")]
    InvalidValue {
        /// The property (or filter path, or vector) the value is for.
        property: String,
        /// What is wrong with it.
        source: crate::value::ValueError,
    },

    /// A collection, property, tenant or other name that the server would
    /// refuse or change, or that does not fit in a URL; nothing was sent.
    #[error("{kind} name {name:?} is not valid: {rule}")]
    InvalidName {
        /// What the name is for.
        kind: NameKind,
        /// The name as given.
        name: String,
        /// The rule it breaks.
        rule: String,
    },

    /// A filter nests more deeply than the client sends
    /// ([`MAX_FILTER_DEPTH`](crate::query::MAX_FILTER_DEPTH)); nothing was sent.
    #[error(
        "the filter nests deeper than {limit} levels; combine long chains with \
         `Filter::all` / `Filter::any`, which stay flat"
    )]
    FilterTooDeep {
        /// The deepest nesting sent.
        limit: usize,
    },

    /// A reindexing migration could not copy objects into the new version;
    /// the alias still points to the old one.
    #[error(
        "copying {from} into {to}: {} objects were refused (the first, {}: {}); the alias was not moved",
        failed.len(),
        failed.first().map(|f| f.0.to_string()).unwrap_or_default(),
        failed.first().map(|f| f.1.as_str()).unwrap_or_default()
    )]
    CopyFailed {
        /// The version copied from.
        from: String,
        /// The version copied into.
        to: String,
        /// The objects refused, with the reasons.
        failed: Vec<(uuid::Uuid, String)>,
    },

    /// A backup or a restore was refused, failed or was cancelled.
    #[error("backup {id}: {kind}: {message}")]
    Backup {
        /// The backup's id.
        id: String,
        /// What happened.
        kind: BackupErrorKind,
        /// The server's words.
        message: String,
    },

    /// The client configuration is invalid (bad URL, header, certificate...).
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),

    /// Finding, installing or starting an embedded server failed.
    #[error(transparent)]
    Embedded(#[from] EmbeddedError),
}

fn schema_mismatch_message(plans: &[crate::schema::MigrationPlan], policy: crate::schema::Policy) -> String {
    let mut message = String::from("the schema cannot be migrated in place; no change was applied");
    for plan in plans {
        message.push_str(&format!("\ncollection {}:", plan.collection));
        for change in plan.blockers(policy) {
            message.push_str(&format!("\n  {change}"));
        }
    }
    message
}

/// What happened to a backup, in [`Error::Backup`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackupErrorKind {
    /// The server does not load the backend's module (e.g. `backup-s3`).
    BackendNotEnabled,
    /// A backup with this id exists already.
    AlreadyExists,
    /// There is no backup with this id on the backend.
    NotFound,
    /// A collection to back up does not exist.
    CollectionNotFound,
    /// A collection to restore is not in the backup.
    CollectionNotInBackup,
    /// A collection to restore exists on the server already.
    CollectionExists,
    /// Another backup or restore is running.
    InProgress,
    /// The server reports that it failed.
    Failed,
    /// It was cancelled.
    Canceled,
}

impl fmt::Display for BackupErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::BackendNotEnabled => "the backend's module is not enabled on the server",
            Self::AlreadyExists => "a backup with this id exists already",
            Self::NotFound => "there is no such backup",
            Self::CollectionNotFound => "a collection to back up does not exist",
            Self::CollectionNotInBackup => "a collection to restore is not in the backup",
            Self::CollectionExists => "a collection to restore exists already",
            Self::InProgress => "another backup or restore is running",
            Self::Failed => "it failed",
            Self::Canceled => "it was cancelled",
        })
    }
}

/// What a name is for, in [`Error::InvalidName`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameKind {
    /// A collection (class).
    Collection,
    /// A property.
    Property,
    /// A tenant of a multi-tenant collection.
    Tenant,
    /// An alias of a collection.
    Alias,
    /// A backup id.
    Backup,
    /// A named vector.
    Vector,
}

impl fmt::Display for NameKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Collection => "collection",
            Self::Property => "property",
            Self::Tenant => "tenant",
            Self::Alias => "alias",
            Self::Backup => "backup",
            Self::Vector => "vector",
        })
    }
}

/// Why an embedded server could not be provided.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmbeddedError {
    /// No `weaviate-server` binary was found and none could be installed.
    #[error(
        "no weaviate-server {version} binary found (looked at: {searched}).\n\
         Install Go 1.26 or newer so weaviate-orm can build it, or build it yourself:\n  \
         {install_command}\n\
         and point WEAVIATE_SERVER_BIN at the binary."
    )]
    BinaryNotFound {
        /// The pinned version that was looked for.
        version: String,
        /// The places that were searched, joined.
        searched: String,
        /// A command line that installs it.
        install_command: String,
    },

    /// `go install` of the server failed.
    #[error(
        "building weaviate-server {version} with `go install` failed ({status}); \
         its output is above. To retry by hand:\n  {install_command}"
    )]
    InstallFailed {
        /// The version being built.
        version: String,
        /// How the build ended.
        status: String,
        /// The command line that was run.
        install_command: String,
    },

    /// The server process started but did not become ready.
    #[error("weaviate-server did not start: {reason}\n--- last lines of {} ---\n{log_tail}", log_path.display())]
    StartupFailed {
        /// What was observed (exit status, timeout...).
        reason: String,
        /// The server's log file.
        log_path: PathBuf,
        /// The last lines of the log.
        log_tail: String,
    },

    /// A file-system or process operation failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// A timeout of the last attempt as the call's: it ran out of the
    /// `timeout` the caller gave it.
    pub(crate) fn with_timeout(mut self, timeout: Duration) -> Self {
        if let Self::Timeout { after, .. } = &mut self {
            *after = timeout;
        }
        self
    }

    /// A value that cannot be sent, as [`Error::InvalidValue`].
    pub(crate) fn invalid_value(error: crate::value::PropertyError) -> Self {
        Self::InvalidValue { property: error.property, source: error.source }
    }
}

impl EmbeddedError {
    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| Self::Io { context, source }
    }
}

fn level_name(level: Option<&ConsistencyLevel>) -> &'static str {
    level.map_or("(the server's default)", |l| l.name())
}
