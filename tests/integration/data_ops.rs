//! Single data operations, reference operations, filtered deletes and
//! tenants, each checked by reading the server's state back.

use uuid::Uuid;
use weaviate_orm::{Error, Ref, WeaviateCollection};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_DataNote")]
struct Note {
    title: String,
    words: i64,
    summary: Option<String>,
    tags: Vec<String>,
    #[weaviate(vector)]
    vector: Option<Vec<f32>>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_DataAuthor")]
struct DataAuthor {
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_DataBook")]
struct DataBook {
    title: String,
    authors: Ref<DataAuthor>,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_DataTenanted", multi_tenancy(auto_tenant_creation))]
struct Tenanted {
    title: String,
}

fn note(title: &str, words: i64) -> Note {
    Note {
        title: title.into(),
        words,
        summary: Some("s".into()),
        tags: vec!["a".into()],
        vector: Some(vec![0.1, 0.2, 0.3]),
    }
}

#[tokio::test]
async fn single_operations_round_trip() {
    let client = client().await.expect("connect");
    let notes = fresh::<Note>(&client).await;
    let id = notes.insert(&note("first", 10)).await.expect("insert");
    let read = notes.fetch_by_id(id).await.expect("fetch").expect("present");
    assert_eq!((read.id, &read.properties), (id, &note("first", 10)));
    assert!(notes.exists(id).await.expect("exists"));

    // Replace: every property and the vector.
    let replacement = Note { summary: None, tags: vec![], vector: Some(vec![1.0, 0.0, 0.0]), ..note("second", 20) };
    notes.replace(id, &replacement).await.expect("replace");
    assert_eq!(notes.fetch_by_id(id).await.expect("fetch").expect("present").properties, replacement);

    // Update: only the fields given; `None` clears.
    let f = Note::FIELDS;
    notes.update(id).set(&f.words, 21).set(&f.summary, Some("new".into())).apply().await.expect("update");
    let updated = notes.fetch_by_id(id).await.expect("fetch").expect("present").properties;
    assert_eq!(updated, Note { words: 21, summary: Some("new".into()), ..replacement.clone() });
    notes.update(id).set(&f.summary, None).apply().await.expect("clear");
    assert_eq!(notes.fetch_by_id(id).await.expect("fetch").expect("present").properties.summary, None);

    // Missing objects.
    let missing = Uuid::new_v4();
    assert!(notes.fetch_by_id(missing).await.expect("fetch").is_none());
    assert!(!notes.exists(missing).await.expect("exists"));
    let error = notes.update(missing).set(&f.words, 1).apply().await.expect_err("no such object");
    assert!(matches!(error, Error::ObjectNotFound { id, .. } if id == missing), "{error}");
    let error = notes.replace(missing, &note("x", 1)).await.expect_err("no such object");
    assert!(matches!(error, Error::ObjectNotFound { id, .. } if id == missing), "{error}");

    // A rejected object is a typed error naming it.
    let bad = Note { vector: Some(vec![1.0]), ..note("bad", 1) };
    let error = notes.insert(&bad).await.expect_err("wrong vector length");
    assert!(matches!(&error, Error::ObjectRejected { reason, .. } if reason.contains("vector")), "{error}");

    let other = notes.insert(&note("third", 30)).await.expect("insert");
    let mut both: Vec<Uuid> =
        notes.fetch_by_ids([id, other, missing]).await.expect("ids").iter().map(|o| o.id).collect();
    both.sort();
    let mut expected = vec![id, other];
    expected.sort();
    assert_eq!(both, expected);

    assert!(notes.delete(id).await.expect("delete"));
    assert!(!notes.delete(id).await.expect("delete again"));
    assert!(!notes.exists(id).await.expect("exists"));
}

#[tokio::test]
async fn references_are_added_replaced_and_deleted() {
    let client = client().await.expect("connect");
    client.migrate::<DataAuthor>().await.expect("authors");
    let authors = client.collection::<DataAuthor>();
    let ann = authors.insert(&DataAuthor { name: "Ann".into() }).await.expect("ann");
    let bob = authors.insert(&DataAuthor { name: "Bob".into() }).await.expect("bob");
    let books = fresh::<DataBook>(&client).await;
    let book = books.insert(&DataBook { title: "B".into(), authors: Ref::new() }).await.expect("book");
    let f = DataBook::FIELDS;
    let ids = |books: Vec<weaviate_orm::Object<DataBook>>| -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = books[0].properties.authors.ids().collect();
        ids.sort();
        ids
    };
    let sorted = |mut v: Vec<Uuid>| {
        v.sort();
        v
    };

    books.add_reference(book, &f.authors, &Ref::to(ann)).await.expect("add");
    assert_eq!(ids(books.query().fetch().await.expect("read")), vec![ann]);
    let report = books.add_references(&f.authors, &[(book, Ref::to(bob)), (book, Ref::to(Uuid::new_v4()))]).await;
    assert_eq!(report.expect("add many").sent, 2);
    let read = ids(books.query().fetch().await.expect("read"));
    assert!(read.contains(&ann) && read.contains(&bob), "{read:?}");

    books.replace_references(book, &f.authors, &Ref::to(bob)).await.expect("replace");
    assert_eq!(ids(books.query().fetch().await.expect("read")), vec![bob]);
    books.replace_references(book, &f.authors, &Ref::to_many([ann, bob])).await.expect("replace");
    assert_eq!(ids(books.query().fetch().await.expect("read")), sorted(vec![ann, bob]));
    books.delete_reference(book, &f.authors, &Ref::to(ann)).await.expect("delete");
    assert_eq!(ids(books.query().fetch().await.expect("read")), vec![bob]);
}

#[tokio::test]
async fn delete_many_has_a_dry_run_and_reports_each_object() {
    let client = client().await.expect("connect");
    let notes = fresh::<Note>(&client).await;
    let report = notes.insert_many(&[note("a", 1), note("b", 2), note("c", 3)]).await.expect("insert");
    let f = Note::FIELDS;
    let dry = notes.delete_many(f.words.greater_than(1)).dry_run().verbose().run().await.expect("dry run");
    assert_eq!((dry.matches, dry.failed), (2, 0));
    let mut listed: Vec<Uuid> = dry.objects.iter().map(|o| o.id).collect();
    listed.sort();
    let mut expected = report.ids[1..].to_vec();
    expected.sort();
    assert_eq!(listed, expected);
    assert_eq!(notes.query().fetch().await.expect("read").len(), 3, "a dry run deletes nothing");

    let done = notes.delete_many(f.words.greater_than(1)).run().await.expect("delete");
    assert_eq!((done.matches, done.successful, done.failed), (2, 2, 0));
    let left: Vec<Uuid> = notes.query().fetch().await.expect("read").iter().map(|o| o.id).collect();
    assert_eq!(left, vec![report.ids[0]]);
}

#[tokio::test]
async fn tenants_see_only_their_own_objects() {
    let client = client().await.expect("connect");
    let all = fresh::<Tenanted>(&client).await;
    let (a, b) = (all.with_tenant("a"), all.with_tenant("b"));
    let in_a = a.insert(&Tenanted { title: "in a".into() }).await.expect("insert a");
    let in_b = b.insert(&Tenanted { title: "in b".into() }).await.expect("insert b");
    assert!(a.exists(in_a).await.expect("a") && !a.exists(in_b).await.expect("a"));
    assert!(b.fetch_by_id(in_a).await.expect("b").is_none());
    let titles: Vec<String> = b.query().fetch().await.expect("b").into_iter().map(|o| o.properties.title).collect();
    assert_eq!(titles, ["in b"]);
    b.update(in_b).set(&Tenanted::FIELDS.title, "changed").apply().await.expect("update in b");
    assert!(a.delete(in_b).await.is_ok_and(|deleted| !deleted), "tenant a cannot delete b's object");
    assert_eq!(b.fetch_by_id(in_b).await.expect("b").expect("kept").properties.title, "changed");
    let missing_tenant = all.query().fetch().await;
    assert!(missing_tenant.is_err(), "a multi-tenant collection needs a tenant");
}
