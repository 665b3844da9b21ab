//! The official Python client, our peer: installed once from PyPI into a
//! private virtual environment under the user cache, and the scripts of
//! `tests/python/` run with it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::cache::{self, run};

/// The version of `weaviate-client` the checks and benchmarks use.
pub const PYTHON_CLIENT: &str = "4.23.1";

/// The virtual environment's Python interpreter, creating the environment
/// on first use.
///
/// # Panics
/// When Python or PyPI is not available: the cross-client checks need them.
pub fn interpreter() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| install().unwrap_or_else(|error| panic!("the Python client: {error}")))
}

fn install() -> Result<PathBuf, String> {
    let venv = cache::install(&format!("python/weaviate-client-{PYTHON_CLIENT}"), "bin/python", |folder| {
        run(Command::new("python3").args(["-m", "venv"]).arg(folder))?;
        let requirement = format!("weaviate-client=={PYTHON_CLIENT}");
        // Only `bin/python -m ...` is used, which works wherever the folder moves.
        run(Command::new(folder.join("bin/python")).args(["-m", "pip", "install", "--quiet", &requirement]))
    })?;
    Ok(venv.join("bin/python"))
}

/// The path of a script in `tests/python/`.
pub fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("python").join(name)
}

/// Runs `tests/python/{name}` with `args`, feeding it `input`; returns its
/// standard output, or its standard error when it fails.
pub fn run_script(name: &str, args: &[String], input: &str) -> Result<String, String> {
    let mut child = Command::new(interpreter())
        .arg(script(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("starting {name}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).map_err(|e| format!("writing to {name}: {e}"))?;
    }
    let output = child.wait_with_output().map_err(|e| format!("waiting for {name}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!("{name} failed: {}", String::from_utf8_lossy(&output.stderr)))
    }
}
