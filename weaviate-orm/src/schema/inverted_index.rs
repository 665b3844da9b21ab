//! Inverted index settings: BM25, stop words, and the optional indexes that
//! null, length and timestamp filters need.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::json::insert_some;

/// The inverted index's settings; `None` leaves the server's default.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct InvertedIndexConfig {
    /// BM25 `b` (length normalisation), default 0.75.
    pub bm25_b: Option<f32>,
    /// BM25 `k1` (term frequency saturation), default 1.2.
    pub bm25_k1: Option<f32>,
    /// Stop word preset: `"en"` (default) or `"none"`.
    pub stopwords_preset: Option<String>,
    /// Extra stop words.
    pub stopwords_additions: Vec<String>,
    /// Words taken off the preset's list.
    pub stopwords_removals: Vec<String>,
    /// Index null values, for `is_null` filters.
    pub index_null_state: Option<bool>,
    /// Index text and array lengths, for `length` filters.
    pub index_property_length: Option<bool>,
    /// Index creation and update times, for timestamp filters.
    pub index_timestamps: Option<bool>,
    /// Seconds between cleanups of deleted entries.
    pub cleanup_interval_seconds: Option<u32>,
    /// Stop word lists by name, for properties' text analyzers
    /// ([`TextAnalyzer::stopword_preset`](super::TextAnalyzer::stopword_preset));
    /// a name of a built-in preset (`en`, `none`) replaces it.
    pub stopword_presets: BTreeMap<String, Vec<String>>,
}

impl InvertedIndexConfig {
    /// Whether every setting is the server's default.
    pub fn is_default(&self) -> bool {
        self == &Self::default()
    }

    /// The settings as `invertedIndexConfig` JSON.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        if self.bm25_b.is_some() || self.bm25_k1.is_some() {
            let mut bm25 = Map::new();
            insert_some(&mut bm25, "b", self.bm25_b.map(decimal));
            insert_some(&mut bm25, "k1", self.bm25_k1.map(decimal));
            out.insert("bm25".into(), Value::Object(bm25));
        }
        if self.stopwords_preset.is_some()
            || !self.stopwords_additions.is_empty()
            || !self.stopwords_removals.is_empty()
        {
            let mut stopwords = Map::new();
            insert_some(&mut stopwords, "preset", self.stopwords_preset.as_deref());
            stopwords.insert("additions".into(), json!(self.stopwords_additions));
            stopwords.insert("removals".into(), json!(self.stopwords_removals));
            out.insert("stopwords".into(), Value::Object(stopwords));
        }
        insert_some(&mut out, "indexNullState", self.index_null_state);
        insert_some(&mut out, "indexPropertyLength", self.index_property_length);
        insert_some(&mut out, "indexTimestamps", self.index_timestamps);
        insert_some(&mut out, "cleanupIntervalSeconds", self.cleanup_interval_seconds);
        if !self.stopword_presets.is_empty() {
            out.insert("stopwordPresets".into(), json!(self.stopword_presets));
        }
        Value::Object(out)
    }
}

/// `value` as the decimal it was written as (`0.8`, not `0.800000011920929`).
fn decimal(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_sent_only_when_set() {
        assert_eq!(InvertedIndexConfig::default().to_json(), json!({}));
        let config = InvertedIndexConfig {
            bm25_k1: Some(1.5),
            bm25_b: Some(0.8),
            stopwords_additions: vec!["foo".into()],
            index_null_state: Some(true),
            ..Default::default()
        };
        assert_eq!(
            config.to_json(),
            json!({"bm25": {"b": 0.8, "k1": 1.5}, "stopwords": {"additions": ["foo"], "removals": []}, "indexNullState": true})
        );
    }
}
