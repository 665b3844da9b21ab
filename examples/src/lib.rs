//! Runnable examples of `weaviate-orm`; see the `[[example]]` entries of this
//! package (`cargo run --example quickstart`).
