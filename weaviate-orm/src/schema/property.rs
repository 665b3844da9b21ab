//! One property of a collection and its data type (the two nest in each
//! other: an `object` property holds properties).

use serde_json::{Map, Value, json};

use super::json::server_names;

/// How text is split into tokens for keyword search and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tokenization {
    /// Alphanumeric words, lower-cased (the default).
    Word,
    /// Split on white space, lower-cased.
    Lowercase,
    /// Split on white space, case kept.
    Whitespace,
    /// The whole value is one token.
    Field,
    /// Overlapping three-character sequences.
    Trigram,
    /// Japanese and Chinese (GSE).
    Gse,
    /// Chinese (GSE).
    GseCh,
    /// Japanese (Kagome).
    KagomeJa,
    /// Korean (Kagome).
    KagomeKr,
}

server_names!(Tokenization {
    Word => "word",
    Lowercase => "lowercase",
    Whitespace => "whitespace",
    Field => "field",
    Trigram => "trigram",
    Gse => "gse",
    GseCh => "gse_ch",
    KagomeJa => "kagome_ja",
    KagomeKr => "kagome_kr",
});

/// One property as the schema describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyConfig {
    /// The property name on the server.
    pub name: String,
    /// Its data type.
    pub data_type: DataType,
    /// A description (from the field's doc comment).
    pub description: Option<String>,
    /// Text tokenization; the server's default (`word`) when `None`.
    pub tokenization: Option<Tokenization>,
    /// Build the filterable (roaring bitmap) index; server default `true`.
    pub index_filterable: Option<bool>,
    /// Build the searchable (BM25) index for text; server default `true`.
    pub index_searchable: Option<bool>,
    /// Build the range index for numbers and dates; server default `false`.
    pub index_range_filters: Option<bool>,
    /// Leave this property out of the vectorizer's input.
    pub skip_vectorization: bool,
    /// Put the property's name into the vectorizer's input.
    pub vectorize_property_name: bool,
    /// How text is analysed before it is indexed (text and text[] only).
    pub text_analyzer: Option<TextAnalyzer>,
}

/// How a text property's values are analysed before they are indexed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct TextAnalyzer {
    /// Fold accented letters to ASCII (`é` matches `e`).
    pub ascii_fold: bool,
    /// Characters kept as they are when folding (each one character).
    pub ascii_fold_ignore: Vec<String>,
    /// The stop word preset of this property (`word` tokenization only):
    /// `en`, `none`, or a preset of the collection's
    /// [`stopword_presets`](super::InvertedIndexConfig::stopword_presets).
    pub stopword_preset: Option<String>,
}

impl TextAnalyzer {
    /// The analyzer as `textAnalyzer` JSON.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        if self.ascii_fold {
            out.insert("asciiFold".into(), json!(true));
        }
        if !self.ascii_fold_ignore.is_empty() {
            out.insert("asciiFoldIgnore".into(), json!(self.ascii_fold_ignore));
        }
        if let Some(preset) = &self.stopword_preset {
            out.insert("stopwordPreset".into(), json!(preset));
        }
        Value::Object(out)
    }
}

impl PropertyConfig {
    /// A property with the server's defaults for every setting.
    pub fn new(name: impl Into<String>, data_type: DataType) -> Self {
        Self {
            name: name.into(),
            data_type,
            description: None,
            tokenization: None,
            index_filterable: None,
            index_searchable: None,
            index_range_filters: None,
            skip_vectorization: false,
            vectorize_property_name: false,
            text_analyzer: None,
        }
    }

    /// The property as schema JSON. `vectorizers` are the collection's
    /// vectorizer modules, which hold the per-property vectorization switches.
    pub fn to_json(&self, vectorizers: &[&str]) -> Value {
        let mut out = Map::new();
        out.insert("name".into(), json!(self.name));
        out.insert("dataType".into(), json!(self.data_type.schema_names()));
        if let Some(description) = &self.description {
            out.insert("description".into(), json!(description));
        }
        if let Some(tokenization) = self.tokenization {
            out.insert("tokenization".into(), json!(tokenization.name()));
        }
        for (key, value) in [
            ("indexFilterable", self.index_filterable),
            ("indexSearchable", self.index_searchable),
            ("indexRangeFilters", self.index_range_filters),
        ] {
            if let Some(value) = value {
                out.insert(key.into(), json!(value));
            }
        }
        if let Some(analyzer) = &self.text_analyzer {
            out.insert("textAnalyzer".into(), analyzer.to_json());
        }
        if let Some(nested) = self.data_type.nested_properties() {
            // Nested properties take no module configuration.
            out.insert("nestedProperties".into(), nested.iter().map(|p| p.to_json(&[])).collect());
        }
        if !vectorizers.is_empty() && !matches!(self.data_type, DataType::Reference(_)) {
            let switches = json!({
                "skip": self.skip_vectorization,
                "vectorizePropertyName": self.vectorize_property_name,
            });
            let modules: Map<String, Value> = vectorizers.iter().map(|m| ((*m).to_owned(), switches.clone())).collect();
            out.insert("moduleConfig".into(), Value::Object(modules));
        }
        Value::Object(out)
    }
}

/// The data type of a property.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DataType {
    /// `text`.
    Text,
    /// `text[]`.
    TextArray,
    /// `int` (64-bit).
    Int,
    /// `int[]`.
    IntArray,
    /// `number` (64-bit float).
    Number,
    /// `number[]`.
    NumberArray,
    /// `boolean`.
    Boolean,
    /// `boolean[]`.
    BooleanArray,
    /// `date` (RFC 3339).
    Date,
    /// `date[]`.
    DateArray,
    /// `uuid`.
    Uuid,
    /// `uuid[]`.
    UuidArray,
    /// `geoCoordinates`.
    GeoCoordinates,
    /// `phoneNumber`.
    PhoneNumber,
    /// `blob` (base64).
    Blob,
    /// `blobHash`: a blob (base64) that vectorizers see whole and the server
    /// stores as its SHA-256 digest (hex) instead of the data.
    BlobHash,
    /// `object`, with its nested properties.
    Object(Vec<PropertyConfig>),
    /// `object[]`, with the nested properties of each element.
    ObjectArray(Vec<PropertyConfig>),
    /// A cross-reference to objects of the named collections.
    Reference(Vec<String>),
}

impl DataType {
    /// The name Weaviate uses, e.g. `"text[]"`; `"reference"` for references.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::TextArray => "text[]",
            Self::Int => "int",
            Self::IntArray => "int[]",
            Self::Number => "number",
            Self::NumberArray => "number[]",
            Self::Boolean => "boolean",
            Self::BooleanArray => "boolean[]",
            Self::Date => "date",
            Self::DateArray => "date[]",
            Self::Uuid => "uuid",
            Self::UuidArray => "uuid[]",
            Self::GeoCoordinates => "geoCoordinates",
            Self::PhoneNumber => "phoneNumber",
            Self::Blob => "blob",
            Self::BlobHash => "blobHash",
            Self::Object(_) => "object",
            Self::ObjectArray(_) => "object[]",
            Self::Reference(_) => "reference",
        }
    }

    /// The type called `name`, for every type without nested parts (so not
    /// `object`, `object[]` or references).
    pub fn from_name(name: &str) -> Option<Self> {
        let flat = [
            Self::Text,
            Self::TextArray,
            Self::Int,
            Self::IntArray,
            Self::Number,
            Self::NumberArray,
            Self::Boolean,
            Self::BooleanArray,
            Self::Date,
            Self::DateArray,
            Self::Uuid,
            Self::UuidArray,
            Self::GeoCoordinates,
            Self::PhoneNumber,
            Self::Blob,
            Self::BlobHash,
        ];
        flat.into_iter().find(|t| t.name() == name)
    }

    /// The `dataType` array of the schema JSON: the type name, or the target
    /// collections of a reference.
    pub fn schema_names(&self) -> Vec<String> {
        match self {
            Self::Reference(targets) => targets.clone(),
            other => vec![other.name().to_owned()],
        }
    }

    /// The nested properties of `object` and `object[]`.
    pub fn nested_properties(&self) -> Option<&[PropertyConfig]> {
        match self {
            Self::Object(nested) | Self::ObjectArray(nested) => Some(nested),
            _ => None,
        }
    }

    /// Whether values of this type are text that can be tokenized.
    pub fn is_text(&self) -> bool {
        matches!(self, Self::Text | Self::TextArray)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_serialize_as_weaviate_expects() {
        let mut p = PropertyConfig::new("title", DataType::Text);
        p.tokenization = Some(Tokenization::Field);
        p.index_searchable = Some(false);
        p.description = Some("The title.".into());
        p.skip_vectorization = true;
        assert_eq!(
            p.to_json(&["text2vec-bigram"]),
            json!({
                "name": "title", "dataType": ["text"], "description": "The title.",
                "tokenization": "field", "indexSearchable": false,
                "moduleConfig": {"text2vec-bigram": {"skip": true, "vectorizePropertyName": false}}
            })
        );
    }

    #[test]
    fn nested_and_reference_types() {
        let nested =
            PropertyConfig::new("address", DataType::Object(vec![PropertyConfig::new("city", DataType::Text)]));
        assert_eq!(
            nested.to_json(&[]),
            json!({"name": "address", "dataType": ["object"],
                   "nestedProperties": [{"name": "city", "dataType": ["text"]}]})
        );
        let reference = PropertyConfig::new("author", DataType::Reference(vec!["Author".into()]));
        assert_eq!(reference.to_json(&[])["dataType"], json!(["Author"]));
    }

    #[test]
    fn tokenization_names_round_trip() {
        for t in Tokenization::ALL {
            assert_eq!(Tokenization::from_name(t.name()), Some(t));
        }
    }
}
