//! An evolving model: version 1 of a struct, then version 2 with changes
//! Weaviate cannot make in place (a tokenization, a data type). With
//! `Policy::Reindex` the collection's name is an alias, and the migration
//! copies the objects into the next version and moves the alias, while the
//! data stays readable.
//!
//! Run with `cargo run --example evolving_model`.

use std::process::ExitCode;

use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::migrate::Policy;
use weaviate_orm::value::PropertyValue;

mod v1 {
    use weaviate_orm::WeaviateCollection;

    /// A book, as the first release of the service stored it.
    #[derive(WeaviateCollection, Debug, Clone)]
    #[weaviate(name = "Book")]
    pub(crate) struct Book {
        #[weaviate(key)]
        pub(crate) title: String,
        /// Whole numbers only, at first.
        pub(crate) rating: i64,
        pub(crate) isbn: String,
    }
}

mod v2 {
    use weaviate_orm::WeaviateCollection;

    /// The second release: ratings with decimals, ISBNs matched whole.
    #[derive(WeaviateCollection, Debug, Clone)]
    #[weaviate(name = "Book")]
    pub(crate) struct Book {
        #[weaviate(key)]
        pub(crate) title: String,
        pub(crate) rating: f64,
        #[weaviate(tokenization = "field")]
        pub(crate) isbn: String,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;

    // Release 1: the collection is created as Book_v1, behind the alias Book.
    client.migrator().collection::<v1::Book>().policy(Policy::Reindex).run().await?;
    let books = client.collection::<v1::Book>();
    let shelf = [("Dune", 5, "978-0441172719"), ("Solaris", 4, "978-0156027601"), ("Ubik", 4, "978-0547572291")];
    let drafts: Vec<v1::Book> =
        shelf.iter().map(|(t, r, i)| v1::Book { title: (*t).into(), rating: *r, isbn: (*i).into() }).collect();
    books.insert_many(&drafts).await?;
    println!(
        "release 1: {} books in {:?}",
        books.count().await?,
        client.aliases().get("Book").await?.map(|a| a.collection)
    );

    // Release 2: the dry run shows what changes, and that it means a reindex.
    let migrator =
        client.migrator().collection::<v2::Book>().policy(Policy::Reindex).convert("rating", |value| match value {
            PropertyValue::Int(rating) => Ok(PropertyValue::Number(rating as f64)),
            other => Ok(other),
        });
    for plan in migrator.plan().await? {
        println!("{plan}");
    }
    let report = migrator.run().await?;
    for moved in &report.reindexed {
        println!(
            "moved {} objects: {} now serves {} ({} is kept for a rollback)",
            moved.objects, moved.alias, moved.to, moved.from
        );
    }

    // The same name now reads the new version, with the new types.
    let books = client.collection::<v2::Book>();
    let mut all = books.iterate();
    while let Some(book) = all.next().await {
        let book = book?.properties;
        println!("{} rated {:.1} (ISBN {})", book.title, book.rating, book.isbn);
    }
    let exact = books.query().filter(v2::Book::FIELDS.isbn.equal("978-0441172719")).fetch().await?;
    println!("the ISBN matches exactly: {:?}", exact.iter().map(|b| &b.properties.title).collect::<Vec<_>>());
    Ok(())
}
