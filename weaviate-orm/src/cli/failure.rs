//! Why a command line did not run.

/// Why a command line did not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Failure {
    /// The arguments are wrong (or asked for `--help` or `--version`, whose
    /// text this holds).
    #[error("{0}")]
    Usage(clap::Error),
    /// The server or the client failed.
    #[error(transparent)]
    Client(#[from] crate::Error),
    /// What the command prints could not be written.
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    /// `models --collection NAME` names a collection the server does not have.
    #[error("the server has no collection {0}")]
    UnknownCollection(String),
    /// `plan` or `migrate` in a program without models.
    #[error(
        "this program has no models: `plan` and `migrate` work on the `#[derive(WeaviateCollection)]` structs \
         linked into the program, so run them from your crate's binary that calls `weaviate_orm::cli::main()`"
    )]
    NoModels,
}
