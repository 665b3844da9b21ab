//! Comparing a model's configuration with the server's collection: the
//! JSON walk ([`walk`](self::walk)) finds every difference, and the table of
//! [`rules`](self::rules) says which ones need a new collection.
//!
//! The model's schema JSON is walked leaf by leaf against the server's:
//! settings the model does not declare are the server's business and are not
//! compared, except the few whose absence means something (a property's
//! tokenization and index switches, multi-tenancy, multi-vector), which are
//! compared against the server's defaults.

mod outcome;
mod rules;
mod walk;

use serde_json::Value;

use super::CollectionConfig;
use super::plan::{Change, MigrationPlan};
pub(crate) use outcome::{Diff, Edit, Key};
use walk::Walk;

/// Compares `model` with the server's class (`None` when it does not exist).
pub(crate) fn diff(model: &CollectionConfig, server: Option<&Value>) -> Diff {
    let plan = MigrationPlan { collection: model.name.clone(), changes: Vec::new() };
    let mut diff = Diff { plan, new_properties: Vec::new(), edits: Vec::new() };
    match server {
        None => diff.plan.changes.push(Change::CreateCollection),
        Some(server) => Walk::new(&mut diff, &model.vectorizer_modules()).collection(&model.to_json(), server),
    }
    diff
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::schema::json::equivalent;
    use crate::schema::{DataType, PropertyConfig, Tokenization, Vectorizer};

    fn server_class() -> Value {
        json!({
            "class": "Article",
            "vectorizer": "none",
            "vectorIndexType": "hnsw",
            "vectorIndexConfig": {"distance": "cosine", "ef": -1, "efConstruction": 128, "multivector": {"enabled": false}},
            "invertedIndexConfig": {"bm25": {"b": 0.75, "k1": 1.2}, "indexTimestamps": false,
                                    "stopwords": {"preset": "en", "additions": null}},
            "multiTenancyConfig": {"enabled": false, "autoTenantCreation": false},
            "moduleConfig": {"generative-dummy": {}},
            "properties": [
                {"name": "title", "dataType": ["text"], "tokenization": "word", "indexFilterable": true,
                 "indexSearchable": true, "indexRangeFilters": false},
                {"name": "legacy", "dataType": ["int"], "indexFilterable": true, "indexSearchable": false,
                 "indexRangeFilters": false},
                {"name": "place", "dataType": ["object"], "indexFilterable": true, "indexSearchable": false,
                 "indexRangeFilters": false, "nestedProperties": [
                    {"name": "city", "dataType": ["text"], "tokenization": "word", "indexFilterable": true,
                     "indexSearchable": true, "indexRangeFilters": false}]}
            ]
        })
    }

    fn model() -> CollectionConfig {
        let mut config = CollectionConfig::new("Article");
        config.properties.push(PropertyConfig::new("title", DataType::Text));
        let city = PropertyConfig::new("city", DataType::Text);
        config.properties.push(PropertyConfig::new("place", DataType::Object(vec![city])));
        config
    }

    fn changes(model: &CollectionConfig) -> Vec<String> {
        diff(model, Some(&server_class())).plan.changes.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_missing_collection_is_created() {
        let plan = diff(&model(), None).plan;
        assert_eq!(plan.changes, vec![Change::CreateCollection]);
        assert_eq!(plan.to_string(), "Article:\n  + create collection");
    }

    #[test]
    fn an_unchanged_model_needs_nothing_but_notes_server_only_properties() {
        let diff = diff(&model(), Some(&server_class()));
        assert!(diff.plan.is_up_to_date(), "{}", diff.plan);
        assert_eq!(diff.plan.changes, vec![Change::ServerOnlyProperty { property: "legacy".into() }]);
        assert!(diff.edits.is_empty() && diff.new_properties.is_empty());
    }

    #[test]
    fn new_properties_and_mutable_settings_are_safe_steps() {
        let mut model = model();
        model.description = Some("News.".into());
        model.properties.push(PropertyConfig::new("author", DataType::Reference(vec!["Author".into()])));
        model.inverted_index.bm25_b = Some(0.8);
        model.multi_tenancy = None;
        model.generative = Some(crate::schema::ModuleConfig::new("generative-other"));
        let diff = diff(&model, Some(&server_class()));
        assert_eq!(
            diff.plan.changes.iter().filter(|c| c.writes()).map(ToString::to_string).collect::<Vec<_>>(),
            [
                "~ description: null -> \"News.\"",
                "~ invertedIndexConfig.bm25.b: 0.75 -> 0.8",
                "~ moduleConfig.generative-other: null -> {}",
                "+ add property `author` (Author)",
            ]
        );
        assert!(
            diff.edits.contains(&Edit::Remove(vec![
                Key::Field("moduleConfig".into()),
                Key::Field("generative-dummy".into())
            ]))
        );
        assert_eq!(diff.new_properties[0]["name"], "author");
    }

    #[test]
    fn fixed_settings_are_breaking_with_old_and_new_values() {
        let mut model = model();
        model.properties[0].tokenization = Some(Tokenization::Field);
        model.properties[1] = PropertyConfig::new(
            "place",
            DataType::Object(vec![
                PropertyConfig::new("city", DataType::Int),
                PropertyConfig::new("zip", DataType::Text),
            ]),
        );
        model.vectorizer = Vectorizer::module("text2vec-bigram");
        model.vector_index.distance = Some(crate::schema::Distance::Dot);
        model.inverted_index.index_timestamps = Some(true);
        model.multi_tenancy = Some(crate::schema::MultiTenancyConfig::default());
        let breaking: Vec<String> = diff(&model, Some(&server_class()))
            .plan
            .breaking()
            .map(|b| format!("{:?} {}: {} -> {}", b.kind, b.setting, b.from, b.to))
            .collect();
        assert_eq!(
            breaking,
            [
                "InvertedIndexSetting invertedIndexConfig.indexTimestamps: false -> true",
                "MultiTenancy multiTenancyConfig.enabled: false -> true",
                "Vectorizer vectorizer: \"none\" -> \"text2vec-bigram\"",
                "Distance vectorIndexConfig.distance: \"cosine\" -> \"dot\"",
                "Tokenization properties.title.tokenization: \"word\" -> \"field\"",
                "DataType properties.place.city.dataType: [\"text\"] -> [\"int\"]",
                "NestedPropertyAdded properties.place.zip: null -> [\"text\"]",
            ]
        );
        let shown = changes(&model).join("\n");
        assert!(shown.contains("! properties.title.tokenization: \"word\" -> \"field\" (breaking: Weaviate fixes"));
    }

    #[test]
    fn floats_compare_through_f32_rounding_and_null_equals_empty() {
        assert!(equivalent(&json!(0.8), &json!(0.800000011920929)));
        assert!(!equivalent(&json!(0.8), &json!(0.81)));
        assert!(equivalent(&Value::Null, &json!([])));
        assert!(!equivalent(&Value::Null, &json!(["a"])));
    }
}
