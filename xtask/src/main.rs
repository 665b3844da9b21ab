//! Maintenance tasks: `cargo xtask codegen` regenerates the committed gRPC
//! code from `proto/proto/`; `cargo xtask codegen --check` fails if the
//! committed code differs from what the definitions produce.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Entry files; everything they import is compiled with them.
const ROOTS: &[&str] = &["weaviate/v1/service.proto", "grpc/health/v1/health.proto"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        _ => Err("usage: cargo xtask codegen [--check]".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Compiles the definitions into a scratch folder and either installs the
/// result into `proto/src/generated` or compares it with what is there.
fn codegen(check: bool) -> Result<(), String> {
    let root = workspace_root();
    let include = root.join("proto/proto");
    let committed = root.join("proto/src/generated");
    let scratch = root.join("target/xtask-codegen");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("creating {}: {e}", scratch.display()))?;

    let files: Vec<PathBuf> = ROOTS.iter().map(|f| include.join(f)).collect();
    let descriptors = protox::compile(&files, [&include]).map_err(|e| format!("{e:?}"))?;
    tonic_prost_build::configure()
        .build_server(false)
        .build_transport(false)
        // Slices of the received message, not copies (see search.proto).
        .bytes(".weaviate.v1.PropertiesResult.non_ref_props")
        .out_dir(&scratch)
        .compile_fds(descriptors)
        .map_err(|e| format!("generating code: {e}"))?;

    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&scratch).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_owned();
        let fresh = std::fs::read(&path).map_err(|e| e.to_string())?;
        let target = committed.join(&name);
        if std::fs::read(&target).ok().as_deref() != Some(fresh.as_slice()) {
            stale.push(name.to_string_lossy().into_owned());
            if !check {
                std::fs::write(&target, &fresh).map_err(|e| format!("writing {}: {e}", target.display()))?;
            }
        }
    }
    match (check, stale.is_empty()) {
        (true, false) => Err(format!(
            "generated code is out of date ({}); run `cargo xtask codegen` and commit the result",
            stale.join(", ")
        )),
        (false, false) => {
            println!("regenerated {}", stale.join(", "));
            Ok(())
        }
        (_, true) => {
            println!("generated code is up to date");
            Ok(())
        }
    }
}
