//! Finding the `weaviate-server` binary, and building it with `go install`
//! into a per-user cache when it is missing.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::EmbeddedError;

/// The Weaviate release this crate pins and tests against: the newest
/// release whose whole module graph builds from the Go module proxy.
pub const WEAVIATE_VERSION: &str = "1.39.3";

/// Names an explicit server binary, which then wins over everything else.
pub const SERVER_BIN_ENV: &str = "WEAVIATE_SERVER_BIN";

/// Overrides the cache folder (default: `$XDG_CACHE_HOME/weaviate-orm` or `~/.cache/weaviate-orm`).
pub const CACHE_DIR_ENV: &str = "WEAVIATE_ORM_CACHE_DIR";

const MODULE: &str = "github.com/weaviate/weaviate/cmd/weaviate-server";

/// The folder the server binaries are cached in.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV) {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("weaviate-orm")
}

/// Where the binary of `version` is cached.
pub fn cached_binary(version: &str) -> PathBuf {
    cache_dir().join("server").join(format!("v{version}")).join("weaviate-server")
}

/// The `go install` command line that builds `version`.
pub fn install_command(version: &str) -> String {
    format!("CGO_ENABLED=0 go install {MODULE}@v{version}")
}

/// Finds the server binary: `explicit` (from the options), then
/// `$WEAVIATE_SERVER_BIN`, then the cache; builds it into the cache with
/// `go install` when Go is available. Blocking: run it off the async runtime.
pub(crate) fn find_or_install(explicit: Option<&Path>, version: &str) -> Result<PathBuf, EmbeddedError> {
    let from_env = std::env::var_os(SERVER_BIN_ENV).map(PathBuf::from);
    if let Some(path) = explicit.map(Path::to_path_buf).or(from_env) {
        return if path.is_file() { Ok(path) } else { Err(not_found(version, &[path])) };
    }
    let cached = cached_binary(version);
    if cached.is_file() {
        return Ok(cached);
    }
    let Some(go) = go_command() else {
        return Err(not_found(version, &[cached]));
    };
    install(&go, version, &cached)?;
    Ok(cached)
}

fn not_found(version: &str, searched: &[PathBuf]) -> EmbeddedError {
    EmbeddedError::BinaryNotFound {
        version: version.to_owned(),
        searched: searched.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        install_command: install_command(version),
    }
}

/// `go` on the PATH, or in Go's usual install folder.
fn go_command() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join("go"));
    on_path.chain([PathBuf::from("/usr/local/go/bin/go")]).find(|candidate| candidate.is_file())
}

/// Builds the binary under an exclusive file lock, so that parallel test
/// processes build it once; whoever waited finds it in place afterwards.
fn install(go: &Path, version: &str, target: &Path) -> Result<(), EmbeddedError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(EmbeddedError::io(format!("creating {}", dir.display())))?;
    let lock_path = dir.join("install.lock");
    let lock = File::create(&lock_path).map_err(EmbeddedError::io(format!("creating {}", lock_path.display())))?;
    lock.lock().map_err(EmbeddedError::io(format!("locking {}", lock_path.display())))?;
    if target.is_file() {
        return Ok(());
    }

    let staging = dir.join("staging");
    let _ = std::fs::remove_dir_all(&staging);
    eprintln!(
        "weaviate-orm: building weaviate-server v{version} with `go install` into {} \
         (first use only; a few minutes on 2 cores)",
        dir.display()
    );
    let goflags = match std::env::var("GOFLAGS") {
        Ok(existing) if !existing.trim().is_empty() => format!("{existing} -trimpath"),
        _ => "-trimpath".to_owned(),
    };
    let status = Command::new(go)
        .args(["install", &format!("{MODULE}@v{version}")])
        .env("CGO_ENABLED", "0")
        .env("GOFLAGS", goflags)
        .env("GOBIN", &staging)
        .status()
        .map_err(EmbeddedError::io(format!("running {}", go.display())))?;
    if !status.success() {
        return Err(EmbeddedError::InstallFailed {
            version: version.to_owned(),
            status: status.to_string(),
            install_command: install_command(version),
        });
    }
    let built = staging.join("weaviate-server");
    std::fs::rename(&built, target).map_err(EmbeddedError::io(format!(
        "moving {} to {}",
        built.display(),
        target.display()
    )))?;
    let _ = std::fs::remove_dir_all(&staging);
    eprintln!("weaviate-orm: weaviate-server v{version} is ready at {}", target.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_explicit_binary_says_how_to_install() {
        let error = find_or_install(Some(Path::new("/nonexistent/weaviate-server")), "1.39.3")
            .expect_err("the path does not exist");
        let message = error.to_string();
        assert!(message.contains("/nonexistent/weaviate-server"), "{message}");
        assert!(message.contains("go install github.com/weaviate/weaviate/cmd/weaviate-server@v1.39.3"), "{message}");
        assert!(message.contains(SERVER_BIN_ENV), "{message}");
    }

    #[test]
    fn the_cache_is_versioned() {
        let path = cached_binary("1.2.3");
        assert!(path.ends_with("server/v1.2.3/weaviate-server"), "{}", path.display());
    }
}
