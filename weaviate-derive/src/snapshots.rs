//! Expansion snapshots: the code each derive generates for the models in
//! `expansions/`, written beside them as `<name>.expanded.rs` (formatted by
//! rustfmt), so that any change in generated code shows in review. Refresh
//! them with `UPDATE_EXPANSIONS=1 cargo test -p weaviate-derive` and read
//! the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use quote::ToTokens;

fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("expansions");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the expansions folder")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs") && !path.to_string_lossy().ends_with(".expanded.rs"))
        .collect();
    inputs.sort();
    inputs
}

/// The expansion of every derived struct in `source`, as the compiler would
/// run the derives (the `#[derive]` attribute removed from the input).
fn expand(source: &str) -> String {
    let file = syn::parse_file(source).expect("the input parses");
    let mut out = proc_macro2::TokenStream::new();
    for item in file.items {
        let syn::Item::Struct(mut item) = item else { continue };
        let derives: Vec<String> = item
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("derive"))
            .flat_map(|attr| {
                let mut names = Vec::new();
                attr.parse_nested_meta(|meta| {
                    names.push(meta.path.to_token_stream().to_string());
                    Ok(())
                })
                .expect("a derive list");
                names
            })
            .collect();
        item.attrs.retain(|attr| !attr.path().is_ident("derive"));
        let input = item.to_token_stream();
        for derive in derives {
            out.extend(match derive.as_str() {
                "WeaviateCollection" => crate::expand::collection(input.clone()),
                "WeaviateObject" => crate::expand::object(input.clone()),
                "WeaviateProjection" => crate::expand::projection(input.clone()),
                other => panic!("no derive {other} in this crate"),
            });
        }
    }
    rustfmt(&out.to_string())
}

fn rustfmt(code: &str) -> String {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rustfmt (a component of the pinned toolchain)");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), code.as_bytes()).expect("writing to rustfmt");
    let output = child.wait_with_output().expect("rustfmt's output");
    assert!(output.status.success(), "rustfmt refused the expansion:\n{code}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn expansions_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_EXPANSIONS").is_some();
    let mut stale = Vec::new();
    for input in inputs() {
        let expanded = expand(&std::fs::read_to_string(&input).expect("the input"));
        let snapshot = input.with_extension("expanded.rs");
        if update {
            std::fs::write(&snapshot, &expanded).expect("writing the snapshot");
        } else if std::fs::read_to_string(&snapshot).ok().as_deref() != Some(expanded.as_str()) {
            stale.push(snapshot.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "the generated code changed for {stale:?}: run `UPDATE_EXPANSIONS=1 cargo test -p weaviate-derive` and review the diff"
    );
}
