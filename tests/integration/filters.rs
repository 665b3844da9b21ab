//! Every filter operator, sorting and pagination on a small fixed dataset
//! in the real server: each query must return exactly the expected objects.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use weaviate_orm::query::Filter;
use weaviate_orm::value::GeoCoordinates;
use weaviate_orm::{Collection, Ref, WeaviateCollection, WeaviateProjection};
use weaviate_orm_tests::{client, fresh};

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_FilterAuthor")]
struct Author {
    #[weaviate(id)]
    id: Uuid,
    name: String,
}

#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_FilterBook", inverted_index(index_null_state, index_property_length, index_timestamps))]
struct Book {
    #[weaviate(id)]
    id: Uuid,
    #[weaviate(tokenization = "field")]
    title: String,
    pages: i64,
    #[weaviate(index_range_filters = true)]
    price: f64,
    in_print: bool,
    published: DateTime<Utc>,
    isbn: Uuid,
    tags: Vec<String>,
    ratings: Vec<i64>,
    shop: GeoCoordinates,
    subtitle: Option<String>,
    author: Ref<Author>,
}

const FRANK: u128 = 100;
const JANE: u128 = 200;
const AMSTERDAM: GeoCoordinates = GeoCoordinates { latitude: 52.37, longitude: 4.9 };

fn date(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("valid date").with_timezone(&Utc)
}

#[allow(clippy::too_many_arguments)]
fn book(n: u128, title: &str, pages: i64, price: f64, in_print: bool, published: &str, tags: &[&str]) -> Book {
    Book {
        id: Uuid::from_u128(n),
        title: title.into(),
        pages,
        price,
        in_print,
        published: date(published),
        isbn: Uuid::from_u128(1000 + n),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ratings: Vec::new(),
        shop: AMSTERDAM,
        subtitle: None,
        author: Ref::new(),
    }
}

fn all_books() -> Vec<Book> {
    vec![
        Book {
            ratings: vec![5, 4],
            author: Ref::to(Uuid::from_u128(FRANK)),
            ..book(1, "Dune", 412, 9.99, true, "1965-08-01T00:00:00Z", &["scifi", "classic"])
        },
        Book {
            ratings: vec![3],
            shop: GeoCoordinates::new(51.51, -0.13),
            subtitle: Some("A Novel".into()),
            author: Ref::to(Uuid::from_u128(JANE)),
            ..book(2, "Emma", 474, 5.5, false, "1815-12-23T00:00:00Z", &["classic", "romance"])
        },
        Book {
            shop: GeoCoordinates::new(52.36, 4.88),
            ..book(3, "Neuromancer", 271, 12.0, true, "1984-07-01T00:00:00Z", &["scifi", "cyberpunk"])
        },
        Book {
            ratings: vec![4, 4, 5],
            shop: GeoCoordinates::new(48.86, 2.35),
            subtitle: Some("-".into()),
            author: Ref::to(Uuid::from_u128(JANE)),
            ..book(4, "Persuasion", 249, 7.25, true, "1817-12-20T00:00:00Z", &[])
        },
        Book {
            ratings: vec![2],
            subtitle: Some("Book 2".into()),
            author: Ref::to_many([Uuid::from_u128(FRANK), Uuid::from_u128(JANE)]),
            ..book(5, "Dune Messiah", 256, 8.0, false, "1969-10-15T12:30:00.25Z", &["scifi"])
        },
    ]
}

/// Creates both collections under fresh names and loads the dataset.
async fn dataset() -> (Collection<Book>, DateTime<Utc>) {
    let client = client().await.expect("connect");
    // Book's reference names Author's collection, so it keeps its own name,
    // created once for every test of this file.
    static AUTHORS: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    AUTHORS
        .get_or_init(|| async {
            client.collections().delete(Author::NAME).await.expect("delete");
            client.collections().create::<Author>().await.expect("create authors");
            let authors = [
                Author { id: Uuid::from_u128(FRANK), name: "Frank".into() },
                Author { id: Uuid::from_u128(JANE), name: "Jane".into() },
            ];
            let report = client.collection::<Author>().insert_many(&authors).await.expect("insert authors");
            assert_eq!(report.errors, vec![]);
        })
        .await;

    let collection = fresh::<Book>(&client).await;
    let before = Utc::now() - chrono::Duration::seconds(1);
    let report = collection.insert_many(&all_books()).await.expect("insert books");
    assert_eq!(report.errors, vec![]);
    (collection, before)
}

async fn matching(books: &Collection<Book>, filter: Filter<Book>) -> Vec<u128> {
    let found = books.query().filter(filter.clone()).fetch().await.unwrap_or_else(|e| panic!("{filter:?}: {e}"));
    let mut ids: Vec<u128> = found.into_iter().map(|o| o.id.as_u128()).collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn every_operator_returns_exactly_the_expected_objects() {
    let (books, before) = dataset().await;
    let f = Book::FIELDS;
    let cases: Vec<(&str, Filter<Book>, Vec<u128>)> = vec![
        ("text equal", f.title.equal("Dune"), vec![1]),
        ("text not equal", f.title.not_equal("Dune"), vec![2, 3, 4, 5]),
        ("like", f.title.like("Dune*"), vec![1, 5]),
        ("like ?", f.title.like("Emm?"), vec![2]),
        ("int >", f.pages.greater_than(300), vec![1, 2]),
        ("int >=", f.pages.greater_or_equal(271), vec![1, 2, 3]),
        ("int <", f.pages.less_than(256), vec![4]),
        ("int <=", f.pages.less_or_equal(256), vec![4, 5]),
        ("int equal", f.pages.equal(271i32), vec![3]),
        ("number >", f.price.greater_than(8.0), vec![1, 3]),
        ("number equal", f.price.equal(5.5), vec![2]),
        ("number <=", f.price.less_or_equal(7.25f32), vec![2, 4]),
        ("bool", f.in_print.equal(true), vec![1, 3, 4]),
        ("bool not equal", f.in_print.not_equal(true), vec![2, 5]),
        ("date <", f.published.less_than(date("1900-01-01T00:00:00Z")), vec![2, 4]),
        ("date >=", f.published.greater_or_equal(date("1969-10-15T12:30:00.25Z")), vec![3, 5]),
        ("date equal, sub-second", f.published.equal(date("1969-10-15T13:30:00.25+01:00")), vec![5]),
        ("uuid equal", f.isbn.equal(Uuid::from_u128(1003)), vec![3]),
        ("array holds", f.tags.equal("classic"), vec![1, 2]),
        ("contains any", f.tags.contains_any(["cyberpunk", "romance"]), vec![2, 3]),
        ("contains all", f.tags.contains_all(["scifi", "classic"]), vec![1]),
        ("contains none", f.tags.contains_none(["scifi"]), vec![2, 4]),
        ("int array contains any", f.ratings.contains_any([5]), vec![1, 4]),
        ("int array contains all", f.ratings.contains_all([4, 5]), vec![1, 4]),
        ("is null", f.subtitle.is_null(true), vec![1, 3]),
        ("is not null", f.subtitle.is_null(false), vec![2, 4, 5]),
        ("array length", f.tags.length().equal(0), vec![4]),
        ("int array length", f.ratings.length().greater_than(1), vec![1, 4]),
        ("text length", f.title.length().less_than(5), vec![1, 2]),
        ("geo range", f.shop.within_geo_range(AMSTERDAM, 5_000.0), vec![1, 3, 5]),
        ("by id", Filter::by_id().equal(Uuid::from_u128(2)), vec![2]),
        ("by ids", Filter::by_id().contains_any([Uuid::from_u128(1), Uuid::from_u128(3)]), vec![1, 3]),
        ("created after", Filter::by_creation_time().greater_than(before), vec![1, 2, 3, 4, 5]),
        ("created before", Filter::by_creation_time().less_than(before), vec![]),
        ("updated after", Filter::by_update_time().greater_or_equal(before), vec![1, 2, 3, 4, 5]),
        ("and", f.pages.greater_than(300) & f.in_print.equal(true), vec![1]),
        ("or", f.pages.greater_than(300) | f.tags.contains_any(["scifi"]), vec![1, 2, 3, 5]),
        ("not", !f.in_print.equal(true), vec![2, 5]),
        ("nested", !(f.title.like("Dune*") | f.pages.less_than(260)), vec![2, 3]),
        ("all", Filter::all([f.in_print.equal(true), f.price.greater_than(8.0), f.pages.less_than(300)]), vec![3]),
        ("any", Filter::any([f.title.equal("Emma"), f.title.equal("Persuasion")]), vec![2, 4]),
        ("reference path", f.author.path(Author::FIELDS.name).equal("Jane"), vec![2, 4, 5]),
        ("reference path by id", f.author.path(Author::FIELDS.id).equal(Uuid::from_u128(FRANK)), vec![1, 5]),
        ("reference count", f.author.count().greater_or_equal(2), vec![5]),
        ("no reference", f.author.count().equal(0), vec![3]),
    ];
    let mut failures = Vec::new();
    for (what, filter, expected) in cases {
        let found = matching(&books, filter).await;
        if found != expected {
            failures.push(format!("{what}: expected {expected:?}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn sorting_and_pagination_follow_typed_fields() {
    let (books, _) = dataset().await;
    let f = Book::FIELDS;
    let ids =
        |objects: Vec<weaviate_orm::Object<Book>>| objects.into_iter().map(|o| o.id.as_u128()).collect::<Vec<_>>();

    let by_pages = books.query().sort(f.pages.ascending()).fetch().await.expect("sort");
    assert_eq!(ids(by_pages), vec![4, 5, 3, 1, 2]);
    let newest = books.query().sort(f.published.descending()).limit(2).fetch().await.expect("sort");
    assert_eq!(ids(newest), vec![3, 5]);
    let page = books.query().sort(f.pages.ascending()).offset(1).limit(2).fetch().await.expect("page");
    assert_eq!(ids(page), vec![5, 3]);
    let tie_break = books.query().sort(f.in_print.ascending()).sort(f.title.descending()).fetch().await.expect("sort");
    assert_eq!(ids(tie_break), vec![2, 5, 4, 3, 1]);
    // Every sortable kind sorts on the server: number, text, optional text, arrays, timestamps.
    let by_price = books.query().sort(f.price.ascending()).fetch().await.expect("sort by number");
    assert_eq!(ids(by_price), vec![2, 4, 5, 1, 3]);
    let by_title = books.query().sort(f.title.ascending()).fetch().await.expect("sort by text");
    assert_eq!(ids(by_title), vec![1, 5, 2, 3, 4]);
    for sort in
        [f.subtitle.ascending(), f.tags.descending(), f.ratings.ascending(), Filter::by_creation_time().ascending()]
    {
        let sorted = books.query().sort(sort.clone()).fetch().await;
        assert_eq!(sorted.map(|objects| objects.len()).ok(), Some(5), "{sort:?}");
    }
    let filtered = books.query().filter(f.in_print.equal(true)).filter(f.pages.less_than(300)).fetch().await;
    let mut filtered = ids(filtered.expect("two filters"));
    filtered.sort_unstable(); // unsorted results come in no promised order
    assert_eq!(filtered, vec![3, 4]);

    let mut cursor = Vec::new();
    let mut after = None;
    loop {
        let mut query = books.query().limit(2);
        if let Some(id) = after {
            query = query.after(id);
        }
        let page = query.fetch().await.expect("cursor page");
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        cursor.extend(ids(page));
    }
    assert_eq!(cursor, vec![1, 2, 3, 4, 5], "the cursor walks every object once, in id order");
}

#[tokio::test]
async fn references_round_trip_with_the_objects() {
    let (books, _) = dataset().await;
    let mut read: Vec<Book> = books.query().fetch().await.expect("fetch").into_iter().map(|o| o.properties).collect();
    read.sort_by_key(|b| b.id);
    assert_eq!(read, all_books());
}

/// Two properties and the id of a book.
#[derive(WeaviateProjection, Debug, PartialEq)]
#[weaviate(of = Book)]
struct Summary {
    #[weaviate(id)]
    id: Uuid,
    title: String,
    subtitle: Option<String>,
}

#[tokio::test]
async fn projections_read_only_their_properties() {
    let (books, _) = dataset().await;
    let found = books
        .query()
        .filter(Book::FIELDS.pages.less_than(260))
        .sort(Book::FIELDS.pages.ascending())
        .project::<Summary>()
        .fetch()
        .await
        .expect("projected query");
    let summaries: Vec<Summary> = found.into_iter().map(|o| o.properties).collect();
    assert_eq!(
        summaries,
        vec![
            Summary { id: Uuid::from_u128(4), title: "Persuasion".into(), subtitle: Some("-".into()) },
            Summary { id: Uuid::from_u128(5), title: "Dune Messiah".into(), subtitle: Some("Book 2".into()) },
        ]
    );
}
