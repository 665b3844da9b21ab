//! Collection configuration: what the derive builds from a struct and what is
//! sent to `POST /v1/schema`.

mod collection;
mod data_type;
mod property;

pub use collection::{CollectionConfig, Vectorizer};
pub use data_type::DataType;
pub use property::{PropertyConfig, Tokenization};
