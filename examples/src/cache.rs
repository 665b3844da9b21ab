//! Things the examples and tests install once into the user cache (the
//! dataset, the Python client, Keycloak): built in a folder of their own,
//! then moved into place, so a half-made install is never used and parallel
//! processes do not trip over each other.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `~/.cache/weaviate-orm/{name}` (or under `$XDG_CACHE_HOME`).
pub fn folder(name: &str) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    let cache = std::env::var_os("XDG_CACHE_HOME").map_or_else(|| home.join(".cache"), PathBuf::from);
    cache.join("weaviate-orm").join(name)
}

/// The cache folder `name`, made by `build` (given an empty folder) unless
/// `marker` (a path inside it) already exists.
pub fn install(name: &str, marker: &str, build: impl FnOnce(&Path) -> Result<(), String>) -> Result<PathBuf, String> {
    let target = folder(name);
    if target.join(marker).exists() {
        return Ok(target);
    }
    let building = target.with_extension(format!("building-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&building);
    std::fs::create_dir_all(&building).map_err(|e| format!("creating {}: {e}", building.display()))?;
    build(&building)?;
    match std::fs::rename(&building, &target) {
        Ok(()) => Ok(target),
        // Another process finished first.
        Err(_) if target.join(marker).exists() => {
            let _ = std::fs::remove_dir_all(&building);
            Ok(target)
        }
        Err(e) => Err(format!("moving {} into {}: {e}", building.display(), target.display())),
    }
}

/// Runs `command`; its standard error is the error when it fails.
pub fn run(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| format!("running {command:?}: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!("{command:?} failed: {}", String::from_utf8_lossy(&output.stderr)))
}
