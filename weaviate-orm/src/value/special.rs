//! Weaviate's special property types.

use std::fmt;

/// A point on Earth (`geoCoordinates`). Weaviate stores both as 32-bit floats.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoCoordinates {
    /// Degrees north, -90 to 90.
    pub latitude: f32,
    /// Degrees east, -180 to 180.
    pub longitude: f32,
}

impl GeoCoordinates {
    /// A point from latitude and longitude in degrees.
    pub fn new(latitude: f32, longitude: f32) -> Self {
        Self { latitude, longitude }
    }
}

/// A phone number (`phoneNumber`). Write `input` (and `default_country` for
/// national numbers); the server parses it and fills in the rest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PhoneNumber {
    /// The number as given, e.g. `"+31 20 1234567"` or `"020 1234567"`.
    pub input: String,
    /// ISO 3166-1 country code for numbers without one, e.g. `"NL"`.
    pub default_country: Option<String>,
    /// Filled in by the server: the country calling code.
    pub country_code: Option<u64>,
    /// Filled in by the server: the national number.
    pub national: Option<u64>,
    /// Filled in by the server: the international format.
    pub international_formatted: Option<String>,
    /// Filled in by the server: the national format.
    pub national_formatted: Option<String>,
    /// Filled in by the server: whether the number is valid.
    pub valid: Option<bool>,
}

impl PhoneNumber {
    /// A number to write, with a default country for national numbers.
    pub fn new(input: impl Into<String>, default_country: Option<&str>) -> Self {
        Self { input: input.into(), default_country: default_country.map(str::to_owned), ..Self::default() }
    }
}

/// Binary data (`blob`), sent base64-encoded. Blobs are not returned by
/// searches unless asked for by name.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Blob(pub Vec<u8>);

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}
