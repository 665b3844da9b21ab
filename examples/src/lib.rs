//! Runnable examples of `weaviate-orm`; see the `[[example]]` entries of this
//! package (`cargo run --example quickstart`). What they share is here: the
//! Jeopardy dataset and the cache it is downloaded into.

use std::process::ExitCode;

pub mod cache;
pub mod jeopardy;

/// An example's outcome as the process's exit code, with the error printed.
pub fn exit_code(outcome: weaviate_orm::Result<()>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
