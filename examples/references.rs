//! References between collections: authors and their books. A book points
//! at its author with a `Ref<Author>`; one batch writes both (the
//! references wait until their objects are stored); queries filter through
//! the reference and read the authors back typed.
//!
//! Run with `cargo run --example references`.

use std::process::ExitCode;

use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::{Ref, WeaviateCollection};

/// A writer.
#[derive(WeaviateCollection, Debug, Clone)]
struct Author {
    #[weaviate(key)]
    name: String,
    born: i64,
}

/// A book, and who wrote it.
#[derive(WeaviateCollection, Debug, Clone)]
struct Book {
    #[weaviate(key)]
    title: String,
    year: i64,
    /// A cross-reference: stored as a link to the author's object.
    author: Ref<Author>,
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
    // Book references Author: the migration creates Author first.
    client.migrator().collection::<Book>().collection::<Author>().run().await?;
    let (authors, books) = (client.collection::<Author>(), client.collection::<Book>());
    let f = Book::FIELDS;

    // One batch across both collections. Each reference is sent once both
    // of its objects are confirmed, so none points at a missing object.
    let batch = client.batch().start();
    let library = [
        ("Ursula K. Le Guin", 1929, &[("A Wizard of Earthsea", 1968), ("The Dispossessed", 1974)][..]),
        ("Italo Calvino", 1923, &[("Invisible Cities", 1972)][..]),
        ("Octavia E. Butler", 1947, &[("Kindred", 1979), ("Parable of the Sower", 1993)][..]),
    ];
    for (name, born, titles) in library {
        let author = batch.add(&authors, Author { name: name.into(), born }).await?;
        for (title, year) in titles {
            let book = batch.add(&books, Book { title: (*title).into(), year: *year, author: Ref::new() }).await?;
            batch.add_reference(&books, book, &f.author, Ref::to(author)).await?;
        }
    }
    let report = batch.finish().await?;
    println!(
        "Stored {} objects and {} references ({} failed).",
        report.confirmed,
        report.references_confirmed,
        report.failed.len() + report.failed_references.len()
    );

    // A filter through the reference: books by authors born before 1940.
    // `path` takes the target's own typed field, so a field Author does not
    // have, or a value of the wrong type, does not compile.
    let older = books.query().filter(f.author.path(Author::FIELDS.born).less_than(1940)).sort(f.year.ascending());
    println!("\nBooks by authors born before 1940:");
    for book in older.fetch().await? {
        println!("  {} ({})", book.properties.title, book.properties.year);
    }

    // Resolved references: the authors come back as `Author` values.
    println!("\nEvery book with its author:");
    for book in books.query().sort(f.title.ascending()).resolve_references(1).fetch().await? {
        for author in book.properties.author.objects::<Author, _>()? {
            println!("  {:<22} by {} (born {})", book.properties.title, author.properties.name, author.properties.born);
        }
    }

    // Counting references: authors of several books, seen from the books.
    let prolific = books.query().filter(f.author.count().greater_or_equal(1)).fetch().await?.len();
    println!("\n{prolific} books have an author; {} authors in all.", authors.count().await?);
    client.close().await;
    Ok(())
}
