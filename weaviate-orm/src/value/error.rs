//! Why a value could not be converted: [`ValueError`], and
//! [`PropertyError`] naming the property it belongs to.

/// Why a value could not become the Rust type asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}, found {found}")]
pub struct ValueError {
    /// What the Rust type needs.
    pub expected: String,
    /// What the value was.
    pub found: String,
}

/// A property whose value could not be decoded into its field, or sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("property `{property}`: {source}")]
pub struct PropertyError {
    /// The property's server name.
    pub property: String,
    /// What was wrong with its value.
    pub source: ValueError,
}

/// `number`, unless it is NaN or infinite: Weaviate stores those as null
/// (and JSON has no form for them), so they are refused before sending.
pub(crate) fn finite(number: f64) -> Result<f64, ValueError> {
    if number.is_finite() {
        Ok(number)
    } else {
        Err(ValueError { expected: "a finite number".into(), found: number.to_string() })
    }
}
