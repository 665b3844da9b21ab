//! Integration tests against a real Weaviate server, started by the tests.
//! All live in one test binary so they share one server.

mod aggregate;
mod aliases;
mod backup;
mod batch;
mod blocking;
mod cluster;
mod connection;
mod cross_client;
mod data_ops;
mod data_types;
mod faults;
mod filters;
mod generate;
mod grouping;
mod hardening;
mod migrate;
mod model_generator;
mod modules;
mod multi_node;
mod objects;
mod oidc;
mod oldest_server;
mod rbac;
mod reindex;
mod resolve;
mod roundtrip;
mod search;
mod settings;
mod tracing_spans;
