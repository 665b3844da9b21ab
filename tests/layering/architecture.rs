//! The layer table of `ARCHITECTURE.md`, and finding circles in a graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module's layer: 1 is the ground.
pub(crate) struct Layers(BTreeMap<String, u32>);

impl Layers {
    /// Reads the table's rows `| 3 | `client` | ... |`: a layer number, then
    /// the modules in backticks.
    pub(crate) fn read(file: &Path) -> Self {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let mut layers = BTreeMap::new();
        for line in text.lines() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let (Some(layer), Some(names)) = (cells.get(1), cells.get(2)) else { continue };
            let Ok(layer) = layer.parse::<u32>() else { continue };
            for name in names.split('`').skip(1).step_by(2) {
                let name = name.trim_end_matches('/').trim_end_matches(".rs");
                assert!(layers.insert(name.to_owned(), layer).is_none(), "{name} has two layers in the table");
            }
        }
        assert!(!layers.is_empty(), "no layer table found in {}", file.display());
        Self(layers)
    }

    pub(crate) fn of(&self, module: &str) -> Option<u32> {
        self.0.get(module).copied()
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// The strongly connected parts of more than one node (Tarjan's algorithm,
/// with an explicit stack).
pub(crate) fn circles(nodes: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> Vec<BTreeSet<usize>> {
    let mut next = vec![Vec::new(); nodes];
    for (from, to) in edges {
        next[from].push(to);
    }
    let (mut index, mut low, mut on_stack) = (vec![usize::MAX; nodes], vec![0; nodes], vec![false; nodes]);
    let (mut counter, mut stack, mut found) = (0, Vec::new(), Vec::new());
    for root in 0..nodes {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0)];
        while let Some(&mut (node, ref mut child)) = work.last_mut() {
            if *child == 0 {
                index[node] = counter;
                low[node] = counter;
                counter += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = next[node].get(*child) {
                *child += 1;
                if index[to] == usize::MAX {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut part = BTreeSet::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    part.insert(member);
                    if member == node {
                        break;
                    }
                }
                if part.len() > 1 {
                    found.push(part);
                }
            }
        }
    }
    found
}
