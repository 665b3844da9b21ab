//! How the derive's attribute values become settings: `model = "x"` gives
//! `Some(String)`, `dimensions = 512` gives `Some(512u32)`, `image_fields =
//! ["image"]` a list. A value of the wrong kind is a compile error at it.

use super::HttpUrl;

/// A value the derive's attributes may give a setting of type `T`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a valid value for this setting",
    label = "this setting takes `{T}`",
    note = "text is quoted (`model = \"name\"`), numbers and `true`/`false` are not, lists are `[\"a\", \"b\"]`"
)]
pub trait SettingValue<T> {
    /// The setting.
    fn into_setting(self) -> T;
}

impl SettingValue<Option<String>> for &str {
    fn into_setting(self) -> Option<String> {
        Some(self.to_owned())
    }
}

/// Text settings with a default (`pooling_strategy = "cls"`).
impl SettingValue<String> for &str {
    fn into_setting(self) -> String {
        self.to_owned()
    }
}

/// URL settings (`base_url = "https://..."`), in their normal form.
impl SettingValue<Option<HttpUrl>> for &str {
    fn into_setting(self) -> Option<HttpUrl> {
        Some(HttpUrl::new(self))
    }
}

impl SettingValue<Option<u32>> for u32 {
    fn into_setting(self) -> Option<u32> {
        Some(self)
    }
}

impl SettingValue<Option<u64>> for u64 {
    fn into_setting(self) -> Option<u64> {
        Some(self)
    }
}

/// The quantizer options that take a name (`encoder_type = "tile"`, which
/// the derive checks and turns into the variant).
impl SettingValue<Option<crate::schema::PqEncoderType>> for crate::schema::PqEncoderType {
    fn into_setting(self) -> Option<Self> {
        Some(self)
    }
}

impl SettingValue<Option<crate::schema::PqEncoderDistribution>> for crate::schema::PqEncoderDistribution {
    fn into_setting(self) -> Option<Self> {
        Some(self)
    }
}

impl SettingValue<Option<f64>> for f64 {
    fn into_setting(self) -> Option<f64> {
        Some(self)
    }
}

/// Whole numbers for number settings (`temperature = 1`), as the Python client takes them.
impl SettingValue<Option<f64>> for i32 {
    fn into_setting(self) -> Option<f64> {
        Some(f64::from(self))
    }
}

impl SettingValue<Option<bool>> for bool {
    fn into_setting(self) -> Option<bool> {
        Some(self)
    }
}

impl SettingValue<bool> for bool {
    fn into_setting(self) -> bool {
        self
    }
}

/// Weights (`image_weights = [0.7, 0.3]`).
impl<const N: usize> SettingValue<Option<Vec<f64>>> for [f64; N] {
    fn into_setting(self) -> Option<Vec<f64>> {
        Some(self.to_vec())
    }
}

impl<const N: usize> SettingValue<Option<Vec<String>>> for [&str; N] {
    fn into_setting(self) -> Option<Vec<String>> {
        Some(self.iter().map(|s| (*s).to_owned()).collect())
    }
}

/// Sets `place` (a settings field, whose type decides) from a derive's attribute value.
pub fn set<T, V: SettingValue<T>>(place: &mut T, value: V) {
    *place = value.into_setting();
}

/// Fails the build (evaluated in a `const`) when a setting of `required`
/// (a module's [`REQUIRED`](super::ModuleSettings::REQUIRED)) is not among
/// the `given` keys of a derive's attribute, with the module's message.
pub const fn require(required: &[(&str, &str)], given: &[&str]) {
    let mut i = 0;
    while i < required.len() {
        let (key, message) = required[i];
        let mut found = false;
        let mut j = 0;
        while j < given.len() {
            found |= same(given[j], key);
            j += 1;
        }
        if !found {
            panic!("{}", message);
        }
        i += 1;
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
