//! The `weaviate-orm` command (feature `cli`): models written from a
//! server's schema, its collections and nodes, and the migration of the
//! models a program is built with.
//!
//! ```text
//! $ weaviate-orm --http-port 8080 models --out src/models.rs
//! $ weaviate-orm collections
//! $ weaviate-orm nodes
//! ```
//!
//! `plan` and `migrate` work on the models registered by
//! `#[derive(WeaviateCollection)]` in the running program, so the
//! `weaviate-orm` binary itself has none: a crate gets the same command
//! with its own models by calling [`main`] from a binary of its own
//! (`src/bin/weaviate.rs` holding `fn main() -> std::process::ExitCode {
//! weaviate_orm::cli::main() }`, with the models' module linked in), and
//! `cargo run --bin weaviate -- plan` prints the plan of every model.

mod args;
mod commands;
mod failure;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
pub use failure::Failure;

/// Runs the command line of this process (`std::env::args`) on a runtime
/// of its own, printing errors to the standard error.
pub fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start a runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout();
    match runtime.block_on(run(std::env::args_os(), &mut out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(error)) => {
            let _ = error.print();
            if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS }
        }
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command line (`args`, the program's name first), writing what
/// it prints to `out`.
///
/// ```no_run
/// # async fn demo() {
/// let mut source = Vec::new();
/// weaviate_orm::cli::run(["weaviate-orm", "--http-port", "8080", "models"], &mut source).await.expect("models");
/// println!("{}", String::from_utf8_lossy(&source));
/// # }
/// ```
pub async fn run<I, T>(args: I, out: &mut (dyn Write + Send)) -> Result<(), Failure>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = args::Cli::try_parse_from(args).map_err(Failure::Usage)?;
    commands::run(cli, out).await
}
