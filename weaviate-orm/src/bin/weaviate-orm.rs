//! The `weaviate-orm` command: models written from a server's schema, its
//! collections and nodes. See [`weaviate_orm::cli`].

fn main() -> std::process::ExitCode {
    weaviate_orm::cli::main()
}
