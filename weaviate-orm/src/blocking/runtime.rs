//! The private runtime a blocking client runs its calls on.

use std::future::Future;

use crate::{Error, Result};

/// A tokio runtime that refuses to block inside another runtime and can be
/// dropped anywhere.
#[derive(Debug)]
pub(super) struct Runtime(Option<tokio::runtime::Runtime>);

impl Runtime {
    pub(super) fn new() -> Result<Self> {
        refuse_inside_a_runtime()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("weaviate-orm-blocking")
            .enable_all()
            .build()
            .map_err(|e| Error::InvalidConfig(format!("starting the blocking client's runtime: {e}")))?;
        Ok(Self(Some(runtime)))
    }

    /// Runs a call of the async client to its end.
    pub(super) fn run<T>(&self, future: impl Future<Output = Result<T>>) -> Result<T> {
        self.run_any(future)?
    }

    /// Runs any future to its end.
    pub(super) fn run_any<F: Future>(&self, future: F) -> Result<F::Output> {
        refuse_inside_a_runtime()?;
        match &self.0 {
            Some(runtime) => Ok(runtime.block_on(future)),
            None => Err(Error::ClosedClient),
        }
    }
}

/// Blocking inside an async runtime would stall its thread (tokio panics):
/// an error instead.
fn refuse_inside_a_runtime() -> Result<()> {
    match tokio::runtime::Handle::try_current() {
        Ok(_) => Err(Error::InvalidConfig(
            "the blocking client was called from inside an async runtime, where blocking would stall it; \
             use the async weaviate_orm::WeaviateClient there"
                .into(),
        )),
        Err(_) => Ok(()),
    }
}

impl Drop for Runtime {
    /// Dropped inside an async runtime, a runtime must not wait for its
    /// threads (tokio panics): it lets them go in the background.
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            if tokio::runtime::Handle::try_current().is_ok() {
                runtime.shutdown_background();
            } else {
                drop(runtime);
            }
        }
    }
}
