//! The crate's module tree, read from its sources with `syn`, and the
//! file-to-file imports found in it.
//!
//! An import is a `use` of a `crate::`, `super::`, `self::` or child-module
//! path, or such a path written out in code (`crate::value::Beacon`). Each is
//! resolved to the file that defines the named item, following re-exports
//! (`pub use field::Field` in `query/mod.rs` leads on to `query/field.rs`).
//! Declaring a module (`mod field;`) is not an import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// One source file: a module of the crate.
pub(crate) struct Module {
    /// Its path in the crate, e.g. `["query", "field"]`; empty for the root.
    pub(crate) path: Vec<String>,
    /// Its file, relative to the crate's `src/`.
    pub(crate) file: PathBuf,
    ast: syn::File,
    children: BTreeMap<String, usize>,
    /// Names bound by its own `use` items, to the absolute path they name.
    bindings: BTreeMap<String, Vec<String>>,
    /// Absolute paths of its `use x::*` items.
    globs: Vec<Vec<String>>,
    /// Names of the items it defines.
    items: BTreeSet<String>,
}

/// The whole tree, indexed by position; the root is at 0.
pub(crate) struct Crate {
    pub(crate) modules: Vec<Module>,
}

/// An import from one file to another, with the names it takes.
pub(crate) type Imports = BTreeMap<(usize, usize), BTreeSet<String>>;

impl Crate {
    /// Reads the crate whose root is `src/lib.rs`.
    pub(crate) fn load(src: &Path) -> Self {
        let mut krate = Self { modules: Vec::new() };
        krate.add(src, PathBuf::from("lib.rs"), Vec::new());
        krate
    }

    fn add(&mut self, src: &Path, file: PathBuf, path: Vec<String>) -> usize {
        let text =
            std::fs::read_to_string(src.join(&file)).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", file.display()));
        let index = self.modules.len();
        self.modules.push(Module {
            path: path.clone(),
            file: file.clone(),
            ast: ast.clone(),
            children: BTreeMap::new(),
            bindings: BTreeMap::new(),
            globs: Vec::new(),
            items: BTreeSet::new(),
        });
        // Children of `a/mod.rs` and `lib.rs` live beside it; those of `a/b.rs` in `a/b/`.
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs") => file.parent().map(Path::to_path_buf).unwrap_or_default(),
            _ => file.with_extension(""),
        };
        for item in &ast.items {
            if let Some(name) = item_name(item) {
                self.modules[index].items.insert(name);
            }
            match item {
                syn::Item::Mod(module) if module.content.is_none() && !is_test_only(&module.attrs) => {
                    let name = module.ident.to_string();
                    let flat = dir.join(format!("{name}.rs"));
                    let child_file = if src.join(&flat).exists() { flat } else { dir.join(&name).join("mod.rs") };
                    let mut child_path = path.clone();
                    child_path.push(name.clone());
                    let child = self.add(src, child_file, child_path);
                    self.modules[index].children.insert(name, child);
                }
                syn::Item::Use(item_use) => {
                    let mut leaves = Vec::new();
                    use_leaves(&item_use.tree, Vec::new(), &mut leaves);
                    for (segments, binding) in leaves {
                        let Some(absolute) = self.absolute(index, 0, &segments) else { continue };
                        match binding {
                            Some(name) => {
                                self.modules[index].bindings.insert(name, absolute);
                            }
                            None => self.modules[index].globs.push(absolute),
                        }
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The path `segments`, written in module `at` (`inline` modules deep inside
    /// its file), as a path from the crate root; `None` for another crate.
    fn absolute(&self, at: usize, inline: usize, segments: &[String]) -> Option<Vec<String>> {
        let module = &self.modules[at];
        let (first, rest) = segments.split_first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => module.path.clone(),
            "super" if inline > 0 => return self.absolute(at, inline - 1, &with_first("self", rest)),
            "super" => {
                let mut parent = module.path.clone();
                parent.pop()?;
                let parent = self.find(&parent)?;
                return self.absolute(parent, 0, &with_first("self", rest));
            }
            name if module.children.contains_key(name) => {
                let mut path = module.path.clone();
                path.push(name.to_owned());
                path
            }
            name => match module.bindings.get(name) {
                Some(target) => target.clone(),
                None => return None,
            },
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    fn find(&self, path: &[String]) -> Option<usize> {
        let mut at = 0;
        for segment in path {
            at = *self.modules[at].children.get(segment)?;
        }
        Some(at)
    }

    /// The file that defines what the absolute `path` names.
    fn resolve(&self, path: &[String], hops: usize) -> usize {
        let mut at = 0;
        for (i, segment) in path.iter().enumerate() {
            let module = &self.modules[at];
            if let Some(&child) = module.children.get(segment) {
                at = child;
                continue;
            }
            if hops < 16 {
                let rest = &path[i + 1..];
                if let Some(target) = module.bindings.get(segment) {
                    return self.resolve(&[target.as_slice(), rest].concat(), hops + 1);
                }
                if !module.items.contains(segment) {
                    for glob in &module.globs {
                        let defined = self.resolve(glob, hops + 1);
                        if self.modules[defined].items.contains(segment) {
                            return self.resolve(&[glob.as_slice(), &path[i..]].concat(), hops + 1);
                        }
                    }
                }
            }
            return at;
        }
        at
    }

    /// Every import between two different files, with the names taken.
    pub(crate) fn imports(&self) -> Imports {
        let mut imports = Imports::new();
        for (index, module) in self.modules.iter().enumerate() {
            let mut finder = PathFinder { krate: self, at: index, inline: 0, found: Vec::new() };
            finder.visit_file(&module.ast);
            for path in finder.found {
                let target = self.resolve(&path, 0);
                if target != index {
                    let name = path.last().cloned().unwrap_or_default();
                    imports.entry((index, target)).or_default().insert(name);
                }
            }
        }
        imports
    }
}

/// Collects the absolute paths a file's `use` items and code name.
struct PathFinder<'a> {
    krate: &'a Crate,
    at: usize,
    inline: usize,
    found: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for PathFinder<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        // Unit tests may use any part of the crate; they are not part of its structure.
        if !item_attrs(item).is_some_and(is_test_only) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_mod(&mut self, module: &'ast syn::ItemMod) {
        if module.content.is_some() {
            self.inline += 1;
            syn::visit::visit_item_mod(self, module);
            self.inline -= 1;
        }
    }

    fn visit_item_use(&mut self, item_use: &'ast syn::ItemUse) {
        let mut leaves = Vec::new();
        use_leaves(&item_use.tree, Vec::new(), &mut leaves);
        for (segments, _) in leaves {
            if let Some(path) = self.krate.absolute(self.at, self.inline, &segments) {
                self.found.push(path);
            }
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if path.leading_colon.is_none()
            && segments.len() > 1
            && let Some(path) = self.krate.absolute(self.at, self.inline, &segments)
        {
            self.found.push(path);
        }
        syn::visit::visit_path(self, path);
    }
}

/// The paths a `use` tree names, each with the name it binds (`None` for a glob).
fn use_leaves(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) {
    let push = |name: String| [prefix.clone(), vec![name]].concat();
    match tree {
        syn::UseTree::Path(p) => use_leaves(&p.tree, push(p.ident.to_string()), out),
        syn::UseTree::Name(n) if n.ident == "self" => {
            let bound = prefix.last().cloned();
            out.push((prefix, bound));
        }
        syn::UseTree::Name(n) => out.push((push(n.ident.to_string()), Some(n.ident.to_string()))),
        syn::UseTree::Rename(r) => out.push((push(r.ident.to_string()), Some(r.rename.to_string()))),
        syn::UseTree::Glob(_) => out.push((prefix, None)),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_leaves(t, prefix.clone(), out)),
    }
}

fn with_first(first: &str, rest: &[String]) -> Vec<String> {
    [vec![first.to_owned()], rest.to_vec()].concat()
}

/// Whether the attributes hold `#[cfg(test)]`.
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|attr| attr.path().is_ident("cfg") && attr.parse_args::<syn::Ident>().is_ok_and(|ident| ident == "test"))
}

fn item_attrs(item: &syn::Item) -> Option<&[syn::Attribute]> {
    Some(match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => return None,
    })
}

fn item_name(item: &syn::Item) -> Option<String> {
    let ident = match item {
        syn::Item::Const(i) => &i.ident,
        syn::Item::Enum(i) => &i.ident,
        syn::Item::Fn(i) => &i.sig.ident,
        syn::Item::Mod(i) => &i.ident,
        syn::Item::Static(i) => &i.ident,
        syn::Item::Struct(i) => &i.ident,
        syn::Item::Trait(i) => &i.ident,
        syn::Item::Type(i) => &i.ident,
        syn::Item::Union(i) => &i.ident,
        syn::Item::Macro(i) => i.ident.as_ref()?,
        _ => return None,
    };
    Some(ident.to_string())
}
