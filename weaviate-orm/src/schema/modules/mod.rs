//! Typed settings of Weaviate's modules: vectorizers, generative modules and
//! rerankers, as the derive's attributes write them
//! (`vectorizer(text2vec_openai(model = "text-embedding-3-small"))`) and as
//! they read back from the server ([`ModuleConfig::settings`](super::ModuleConfig::settings)).
//!
//! Each struct's fields are the module's settings, `None` leaving the
//! server's default; settings this crate does not know are kept in `other`.
//! The JSON each writes is the one the official Python client writes for the
//! same settings. Modules the crate does not know are configured with a
//! [`ModuleConfig`](super::ModuleConfig) and JSON.

#[doc(hidden)]
pub mod attribute;
mod generative;
#[cfg(test)]
mod golden;
mod json;
mod multi2vec;
mod reranker;
mod settings;
pub(crate) mod table;
mod text2vec;
mod url;

pub use generative::*;
pub use multi2vec::*;
pub use reranker::*;
pub use settings::{GenerativeModule, ModuleSettings, RerankerModule, VectorizerModule};
pub use text2vec::*;
pub use url::HttpUrl;
