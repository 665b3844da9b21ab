//! The layering of `weaviate-orm`'s modules, as `ARCHITECTURE.md` states it,
//! checked against the code: no import runs from a lower layer to a higher
//! one, and no files import each other in a circle.

mod architecture;
mod modules;

use std::collections::BTreeSet;
use std::path::Path;

use architecture::Layers;
use modules::{Crate, Imports};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the tests crate sits in the repository")
}

fn read() -> (Crate, Imports, Layers) {
    let krate = Crate::load(&repository().join("weaviate-orm/src"));
    let imports = krate.imports();
    let layers = Layers::read(&repository().join("ARCHITECTURE.md"));
    (krate, imports, layers)
}

fn describe(krate: &Crate, from: usize, to: usize, names: &BTreeSet<String>) -> String {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (from, to) = (&krate.modules[from].file, &krate.modules[to].file);
    format!("{} -> {}: {}", from.display(), to.display(), names.join(", "))
}

#[test]
fn every_module_has_a_layer_and_every_layer_names_a_module() {
    let (krate, _, layers) = read();
    let tops: BTreeSet<&str> = krate.modules.iter().filter_map(|m| m.path.first()).map(String::as_str).collect();
    let missing: Vec<&str> = tops.iter().copied().filter(|top| layers.of(top).is_none()).collect();
    assert!(missing.is_empty(), "modules with no layer in ARCHITECTURE.md: {missing:?}");
    let stale: Vec<&str> = layers.names().filter(|name| !tops.contains(name)).collect();
    assert!(stale.is_empty(), "ARCHITECTURE.md names modules the crate does not have: {stale:?}");
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let (krate, imports, layers) = read();
    let upward: Vec<String> = imports
        .iter()
        .filter_map(|(&(from, to), names)| {
            let (a, b) = (krate.modules[from].path.first()?, krate.modules[to].path.first()?);
            let (la, lb) = (layers.of(a)?, layers.of(b)?);
            (a != b && lb > la).then(|| format!("{} (layer {la} -> {lb})", describe(&krate, from, to, names)))
        })
        .collect();
    assert!(upward.is_empty(), "imports that run up the layers of ARCHITECTURE.md:\n{}", upward.join("\n"));
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let (krate, imports, _) = read();
    let circles = architecture::circles(krate.modules.len(), imports.keys().copied());
    let shown: Vec<String> = circles
        .iter()
        .map(|circle| {
            let inside: Vec<String> = imports
                .iter()
                .filter(|((from, to), _)| circle.contains(from) && circle.contains(to))
                .map(|(&(from, to), names)| format!("  {}", describe(&krate, from, to, names)))
                .collect();
            inside.join("\n")
        })
        .collect();
    assert!(circles.is_empty(), "import circles:\n{}", shown.join("\n\n"));
}

#[test]
fn the_checker_sees_a_circle_and_an_upward_import() {
    // A stand-in for a reintroduced knot: the checks above must not be blind.
    let circles = architecture::circles(3, [(0, 1), (1, 2), (2, 1)]);
    assert_eq!(circles, vec![BTreeSet::from([1, 2])]);
    let (krate, imports, layers) = read();
    let client = krate.modules.iter().position(|m| m.path == ["client", "builder"]).expect("client/builder.rs");
    let error = krate.modules.iter().position(|m| m.path == ["error"]).expect("error.rs");
    assert!(imports.contains_key(&(client, error)), "client/builder.rs uses crate::Error; the reader missed it");
    assert!(layers.of("error") < layers.of("client"));
}
