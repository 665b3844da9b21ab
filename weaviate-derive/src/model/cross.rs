//! Checks of settings that name other parts of the struct: a time-to-live's
//! date property, a text analyzer's stop word preset, and the multi-vector
//! field that MUVERA encoding needs.

use darling::util::SpannedValue;

use super::{Collection, TypeRule};
use crate::attr::VectorIndexAttrs;

/// The stop word presets every collection has.
const BUILT_IN_PRESETS: &[&str] = &["en", "none"];

impl Collection {
    /// Every check that reads settings and fields together.
    pub(super) fn check_cross_references(&mut self, errors: &mut darling::error::Accumulator) {
        self.check_ttl_property(errors);
        self.check_stopword_presets(errors);
        let indexes = std::iter::once(("", self.settings.vector_index.as_deref()))
            .chain(self.settings.named_vectors.iter().map(|v| (v.name.as_str(), v.index.as_ref())));
        for (name, index) in indexes {
            if let Some(index) = index {
                self.check_multi_vector_field(name, index, errors);
            }
        }
    }

    /// `object_ttl`: one start; a date property that exists (its type is
    /// the compiler's to check) and is indexed; an offset only for it.
    fn check_ttl_property(&mut self, errors: &mut darling::error::Accumulator) {
        let Some(ttl) = &self.settings.object_ttl else { return };
        let starts = [ttl.after_creation.is_some(), ttl.after_update.is_some(), ttl.date_property.is_some()];
        if starts.iter().filter(|given| **given).count() != 1 {
            errors.push(
                darling::Error::custom(
                    "`object_ttl` takes one of `after_creation = <seconds>`, `after_update = <seconds>` \
                     or `date_property = \"<property>\"`",
                )
                .with_span(&ttl.span()),
            );
        }
        if let (Some(offset), None) = (&ttl.offset, &ttl.date_property) {
            errors.push(
                darling::Error::custom("`offset` shifts the expiry from a `date_property`; it needs one")
                    .with_span(&offset.span()),
            );
        }
        let Some(name) = &ttl.date_property else { return };
        let Some(property) = self.properties.iter_mut().find(|p| p.name == name.as_str()) else {
            let names: Vec<&str> = self.properties.iter().map(|p| p.name.as_str()).collect();
            errors.push(
                darling::Error::custom(format!(
                    "`{}` is not a property of this collection; its properties are: {}",
                    name.as_str(),
                    names.join(", ")
                ))
                .with_span(&name.span()),
            );
            return;
        };
        if property.index_filterable == Some(false) && property.index_range_filters != Some(true) {
            errors.push(
                darling::Error::custom(format!(
                    "the server finds expired objects by `{}`'s filterable or range index, and it has neither; \
                     remove `index_filterable = false` or add `index_range_filters = true`",
                    name.as_str()
                ))
                .with_span(&name.span()),
            );
        }
        property.type_rules.push((TypeRule::Date, name.span()));
    }

    /// A text analyzer's stop word preset is built in or one of the collection's.
    fn check_stopword_presets(&self, errors: &mut darling::error::Accumulator) {
        let declared: Vec<String> = self
            .settings
            .inverted_index
            .iter()
            .flat_map(|i| i.stopword_presets.iter().flat_map(|p| &p.0))
            .map(|(name, _)| name.to_string())
            .collect();
        let mut known: Vec<&str> = BUILT_IN_PRESETS.to_vec();
        known.extend(declared.iter().map(String::as_str));
        for property in &self.properties {
            let Some(preset) = property.text_analyzer.as_ref().and_then(|a| a.stopword_preset.as_ref()) else {
                continue;
            };
            if !known.contains(&preset.as_str()) {
                let unknown = super::unknown_name(preset, &known, "stop word preset");
                errors.push(
                    darling::Error::custom(format!(
                        "{unknown} (declare a preset with `inverted_index(stopword_presets(name = [\"...\"]))`)"
                    ))
                    .with_span(&preset.span()),
                );
            }
        }
    }

    /// MUVERA and a multi-vector aggregation need a field holding the vector
    /// (whose type the generated code requires to be a multi-vector).
    fn check_multi_vector_field(&self, name: &str, index: &VectorIndexAttrs, errors: &mut darling::error::Accumulator) {
        let setting = match (&index.muvera, &index.multi_vector_aggregation) {
            (Some(muvera), _) => ("muvera", muvera.span()),
            (None, Some(aggregation)) => ("multi_vector_aggregation", aggregation.span()),
            (None, None) => return,
        };
        let message = if name.is_empty() {
            format!(
                "`{}` configures a multi-vector, and a multi-vector is a named vector; move this into \
                 `named_vector(name = \"...\", index(...))` with a `#[weaviate(vector = \"...\")]` field \
                 of type `Vec<Vec<f32>>`",
                setting.0
            )
        } else if self.vectors.iter().any(|v| v.name == name) {
            return;
        } else {
            format!(
                "`{}` configures a multi-vector, and no field holds the vector `{name}`; add a \
                 `#[weaviate(vector = \"{name}\")]` field of a multi-vector type, e.g. `Vec<Vec<f32>>`",
                setting.0
            )
        };
        errors.push(darling::Error::custom(message).with_span(&setting.1));
    }
}

/// A text analyzer on its own: folding exceptions need folding, each one
/// character; a stop word preset needs `word` tokenization.
pub(super) fn text_analyzer(
    analyzer: &SpannedValue<crate::attr::TextAnalyzerAttrs>,
    tokenization: Option<&str>,
    errors: &mut darling::error::Accumulator,
) {
    if let Some(ignore) = &analyzer.ascii_fold_ignore {
        if !analyzer.ascii_fold.is_present() {
            errors.push(
                darling::Error::custom("`ascii_fold_ignore` lists exceptions to folding; add `ascii_fold`")
                    .with_span(&ignore.span()),
            );
        }
        for entry in ignore.iter().filter(|e| e.value().chars().count() != 1) {
            errors.push(
                darling::Error::custom(format!(
                    "`{}` is not one character; list each character on its own",
                    entry.value()
                ))
                .with_span(entry),
            );
        }
    }
    if let Some(preset) = &analyzer.stopword_preset
        && tokenization.is_some_and(|t| t != "word")
    {
        errors.push(
            darling::Error::custom(format!(
                "stop words apply to `word` tokenization only, and this property's is `{}`",
                tokenization.unwrap_or_default()
            ))
            .with_span(&preset.span()),
        );
    }
}
