//! Reference targets behind aliases. Weaviate refuses an alias as a
//! reference's target collection, so a reference to a model served by an
//! alias ([`Policy::Reindex`](crate::migrate::Policy::Reindex)) is created
//! to the collection behind it; when that model moves to a new version,
//! the referencing collection's target changes with it (a breaking change,
//! reindexed under the same policy).

use std::collections::HashMap;

use serde_json::Value;

use crate::schema::{CollectionConfig, DataType};

/// `config` with each reference target that is an alias in `behind`
/// (alias → collection) replaced by its collection.
pub(super) fn resolved(config: &CollectionConfig, behind: &HashMap<String, String>) -> CollectionConfig {
    let mut config = config.clone();
    for property in &mut config.properties {
        if let DataType::Reference(targets) = &mut property.data_type {
            for target in targets.iter_mut() {
                if let Some(collection) = behind.get(target) {
                    collection.clone_into(target);
                }
            }
        }
    }
    config
}

/// A multi-target reference of `config` into a collection served by an
/// alias of `behind`, as `(property, alias)`: its beacons and filter paths
/// name their collection, and the server resolves no alias there.
pub(super) fn multi_target_into_alias<'a>(
    config: &'a CollectionConfig,
    behind: &HashMap<String, String>,
) -> Option<(&'a str, &'a str)> {
    config.properties.iter().find_map(|property| match &property.data_type {
        DataType::Reference(targets) if targets.len() > 1 => {
            targets.iter().find(|t| behind.contains_key(*t)).map(|t| (property.name.as_str(), t.as_str()))
        }
        _ => None,
    })
}

/// Whether the server's class JSON has a reference to `collection`.
pub(super) fn references_to(class: &Value, collection: &str) -> bool {
    let properties = class.get("properties").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    properties.iter().any(|p| {
        let types = p.get("dataType").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        types.iter().any(|t| t.as_str() == Some(collection))
    })
}

/// The positions of `configs` in an order where a model comes after the
/// models it references (in the given order otherwise, and for circles).
pub(super) fn referenced_first(configs: &[CollectionConfig]) -> Vec<usize> {
    let references = |config: &CollectionConfig| -> Vec<usize> {
        let targets = config.referenced_collections();
        (0..configs.len())
            .filter(|&i| configs[i].name != config.name && targets.contains(&configs[i].name.as_str()))
            .collect()
    };
    let mut placed = vec![false; configs.len()];
    let mut order = Vec::with_capacity(configs.len());
    while order.len() < configs.len() {
        let ready = (0..configs.len()).find(|&i| !placed[i] && references(&configs[i]).iter().all(|&t| placed[t]));
        // A circle: the first model not placed yet goes next.
        let next = ready.or_else(|| (0..configs.len()).find(|&i| !placed[i])).unwrap_or_default();
        placed[next] = true;
        order.push(next);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::PropertyConfig;

    fn model(name: &str, targets: &[&str]) -> CollectionConfig {
        let mut config = CollectionConfig::new(name);
        for (i, target) in targets.iter().enumerate() {
            let to = DataType::Reference(vec![(*target).to_owned()]);
            config.properties.push(PropertyConfig::new(format!("r{i}"), to));
        }
        config
    }

    #[test]
    fn aliased_targets_become_their_collections() {
        let behind = HashMap::from([("Author".to_owned(), "Author_v2".to_owned())]);
        let book = resolved(&model("Book", &["Author", "Editor"]), &behind);
        let targets: Vec<_> = book.properties.iter().map(|p| p.data_type.clone()).collect();
        assert_eq!(
            targets,
            vec![DataType::Reference(vec!["Author_v2".into()]), DataType::Reference(vec!["Editor".into()])]
        );
    }

    #[test]
    fn multi_target_references_into_an_alias_are_found() {
        let behind = HashMap::from([("Author".to_owned(), "Author_v2".to_owned())]);
        let mut book = model("Book", &[]);
        let both = DataType::Reference(vec!["Editor".into(), "Author".into()]);
        book.properties.push(PropertyConfig::new("credits", both));
        assert_eq!(multi_target_into_alias(&book, &behind), Some(("credits", "Author")));
        assert_eq!(multi_target_into_alias(&model("Book", &["Author"]), &behind), None);
    }

    #[test]
    fn referenced_models_come_first() {
        let configs = [model("Book", &["Author"]), model("Author", &["Agency"]), model("Agency", &[])];
        assert_eq!(referenced_first(&configs), vec![2, 1, 0]);
        let circle = [model("A", &["B"]), model("B", &["A"]), model("C", &[])];
        assert_eq!(referenced_first(&circle), vec![2, 0, 1]);
        let own = [model("Node", &["Node"])];
        assert_eq!(referenced_first(&own), vec![0]);
    }
}
