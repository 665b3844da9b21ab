//! Runnable examples of `weaviate-orm`; see the `[[example]]` entries of this
//! package (`cargo run --example quickstart`). What they share is here.

use std::process::ExitCode;

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
