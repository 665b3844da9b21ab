//! References read with their targets' properties, decoded into the
//! targets' own types, two levels deep and across target collections.

use weaviate_orm::{Ref, WeaviateCollection};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ResolvePublisher")]
struct Publisher {
    name: String,
    founded: i64,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ResolveAuthor")]
struct Author {
    name: String,
    publisher: Ref<Publisher>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ResolveEditor")]
struct Editor {
    name: String,
    languages: Vec<String>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_ResolveBook")]
struct Book {
    title: String,
    authors: Ref<Author>,
    contributors: Ref<(Author, Editor)>,
}

#[tokio::test]
async fn references_resolve_into_their_targets_types_at_depth() {
    let client = client().await.expect("connect");
    let migrator = client.migrator().collection::<Publisher>().collection::<Author>().collection::<Editor>();
    migrator.run().await.expect("migrate");
    let publisher = client.collection::<Publisher>();
    let acme = publisher.insert(&Publisher { name: "Acme".into(), founded: 1901 }).await.expect("publisher");
    let authors = client.collection::<Author>();
    let ann = authors.insert(&Author { name: "Ann".into(), publisher: Ref::to(acme) }).await.expect("author");
    let bob = authors.insert(&Author { name: "Bob".into(), publisher: Ref::new() }).await.expect("author");
    let editors = client.collection::<Editor>();
    let eve = Editor { name: "Eve".into(), languages: vec!["fr".into(), "de".into()] };
    let eve_id = editors.insert(&eve).await.expect("editor");
    let books = fresh::<Book>(&client).await;
    let contributors = Ref::<(Author, Editor)>::new().with::<Author, _>(bob).with::<Editor, _>(eve_id);
    let book = Book { title: "Tides".into(), authors: Ref::to_many([ann, bob]), contributors };
    books.insert(&book).await.expect("book");

    let plain = books.query().fetch().await.expect("plain read");
    assert!(!plain[0].properties.authors.is_resolved(), "ids only unless asked");
    assert!(plain[0].properties.authors.objects::<Author, _>().expect("decode").is_empty());

    let read = books.query().resolve_references(2).fetch().await.expect("resolved read");
    let book = &read[0].properties;
    let mut names: Vec<(String, Vec<String>)> = book
        .authors
        .objects::<Author, _>()
        .expect("authors")
        .into_iter()
        .map(|author| {
            let publishers = author.properties.publisher.objects::<Publisher, _>().expect("publishers");
            (
                author.properties.name,
                publishers.into_iter().map(|p| format!("{} {}", p.properties.name, p.properties.founded)).collect(),
            )
        })
        .collect();
    names.sort();
    assert_eq!(names, [("Ann".to_owned(), vec!["Acme 1901".to_owned()]), ("Bob".to_owned(), vec![])]);

    let contributing_authors = book.contributors.objects::<Author, _>().expect("authors");
    assert_eq!(contributing_authors.iter().map(|a| a.id).collect::<Vec<_>>(), [bob]);
    let contributing_editors = book.contributors.objects::<Editor, _>().expect("editors");
    assert_eq!(contributing_editors.len(), 1);
    assert_eq!((contributing_editors[0].id, &contributing_editors[0].properties), (eve_id, &eve));

    let shallow = books.query().resolve_references(1).fetch().await.expect("depth 1");
    let first_level = shallow[0].properties.authors.objects::<Author, _>().expect("authors");
    assert!(first_level.iter().all(|a| !a.properties.publisher.is_resolved()), "depth 1 stops at the authors");
    assert_eq!(
        first_level.iter().find(|a| a.id == ann).expect("ann").properties.publisher.ids().collect::<Vec<_>>(),
        [acme]
    );
}
