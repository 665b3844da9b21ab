//! Derive macros for `weaviate-orm`. Use them through the `weaviate-orm`
//! crate, which re-exports them with their runtime traits.
