//! The typed vocabulary that queries and writes are made of: [`Field`]
//! handles with the operators their type allows ([`operand`]'s traits),
//! the [`Filter`]s and [`Sort`]s built from them, their syntax tree
//! ([`ast`]), the kinds of search ([`NearText`], [`Hybrid`]...), vector
//! names and projections. Nothing here talks to a server;
//! the public names are re-exported by [`crate::query`].

pub(crate) mod ast;
mod field;
mod filter;
mod generate;
mod operand;
mod projection;
mod provider;
pub(crate) mod ranking;
pub(crate) mod search;
mod sort;
mod vector_name;

pub use ast::Value;
pub use field::{AddressesProperty, Field, FilterOnly, Property};
pub use filter::{Filter, MAX_FILTER_DEPTH};
pub use generate::Generate;
pub use operand::{
    Array, Equatable, Filterable, Geo, Groupable, HasLength, ObjectId, Operand, Ordered, Sortable, TextLike, Timestamp,
};
pub(crate) use projection::projected_config;
pub use projection::{Projection, ReadableAs, check_projection_field};
pub use provider::{
    AnthropicProvider, AwsProvider, CohereProvider, DatabricksProvider, DummyProvider, FriendliAiProvider,
    GenerativeProvider, GoogleProvider, MistralProvider, NvidiaProvider, OllamaProvider, OpenAiProvider, XaiProvider,
};
pub use search::{Bm25, Combination, Fusion, Hybrid, KeywordOperator, Move, NearText, TargetVectors};
pub use sort::Sort;
pub use vector_name::VectorName;
