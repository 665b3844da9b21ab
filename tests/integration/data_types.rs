//! Every data type through the real server: the derived schema as the server
//! stores it, and objects written and read back exactly.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;
use uuid::Uuid;
use weaviate_orm::WeaviateCollection;
use weaviate_orm::schema::CollectionConfig;
use weaviate_orm::value::{Blob, GeoCoordinates, PhoneNumber};
use weaviate_orm_tests::{client, fresh};

/// Every scalar and array type, required and optional.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_AllTypes")]
struct AllTypes {
    #[weaviate(id)]
    id: Uuid,
    /// A title.
    #[weaviate(tokenization = "field", index_searchable = false)]
    text: String,
    int: i64,
    small: i32,
    #[weaviate(index_range_filters = true)]
    number: f64,
    single: f32,
    boolean: bool,
    date: DateTime<Utc>,
    uuid: Uuid,
    geo: GeoCoordinates,
    blob: Blob,
    texts: Vec<String>,
    ints: Vec<i64>,
    numbers: Vec<f64>,
    booleans: Vec<bool>,
    dates: Vec<DateTime<Utc>>,
    uuids: Vec<Uuid>,
    maybe_text: Option<String>,
    maybe_int: Option<i64>,
    maybe_ints: Option<Vec<i64>>,
    #[weaviate(rename = "renamedField")]
    renamed: String,
    #[weaviate(skip)]
    not_stored: u8,
}

fn date(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("valid date").with_timezone(&Utc)
}

fn full(n: u128) -> AllTypes {
    AllTypes {
        id: Uuid::from_u128(n),
        text: "Grüße, 世界 🌍 \"quoted\" \\ new\nline".into(),
        int: (1 << 53) - 1,
        small: i32::MIN,
        number: f64::MAX,
        single: f32::MIN_POSITIVE,
        boolean: true,
        date: date("2024-02-29T23:59:59.123456789+05:30"),
        uuid: Uuid::from_u128(u128::MAX),
        geo: GeoCoordinates::new(52.366_67, 4.9),
        blob: Blob(vec![0, 1, 2, 254, 255]),
        texts: vec!["a".into(), String::new(), "ü".into()],
        ints: vec![-(1 << 53), 0, 1 << 53],
        numbers: vec![-0.5, 1e-300, f64::MIN],
        booleans: vec![false, true],
        dates: vec![Utc.timestamp_opt(0, 0).single().expect("epoch"), date("1969-07-20T20:17:40.5Z")],
        uuids: vec![Uuid::nil(), Uuid::from_u128(42)],
        maybe_text: Some("present".into()),
        maybe_int: Some(-7),
        maybe_ints: Some(vec![1, 2]),
        renamed: "renamed".into(),
        not_stored: 0,
    }
}

fn sparse(n: u128) -> AllTypes {
    AllTypes {
        text: String::new(),
        texts: vec![],
        ints: vec![],
        numbers: vec![],
        booleans: vec![],
        dates: vec![],
        uuids: vec![],
        maybe_text: None,
        maybe_int: None,
        maybe_ints: None,
        ..full(n)
    }
}

/// `AllTypes` written the generic way: through `to_properties`, the
/// trait's default `write_properties`.
struct ThroughValues(AllTypes);

impl WeaviateCollection for ThroughValues {
    const NAME: &'static str = AllTypes::NAME;

    fn config() -> CollectionConfig {
        AllTypes::config()
    }

    fn object_id(&self) -> Option<Uuid> {
        self.0.object_id()
    }

    fn to_properties(&self) -> Vec<(&'static str, weaviate_orm::value::PropertyValue)> {
        self.0.to_properties()
    }

    fn from_properties(id: Uuid, properties: weaviate_orm::PropertyBag) -> Result<Self, weaviate_orm::PropertyError> {
        AllTypes::from_properties(id, properties).map(Self)
    }
}

#[test]
fn the_derive_writes_each_field_as_its_value_would_be_written() {
    for object in [full(1), sparse(2)] {
        let id = object.id;
        let direct = weaviate_orm::__private::encode_batch_object(&object, id).expect("encodable");
        let generic = weaviate_orm::__private::encode_batch_object(&ThroughValues(object), id).expect("encodable");
        assert_eq!(direct.as_ref(), generic.as_ref());
    }
    let refused = AllTypes { number: f64::NAN, ..full(3) };
    let error = weaviate_orm::__private::encode_batch_object(&refused, refused.id).err().expect("NaN is refused");
    assert!(error.to_string().contains("`number`"), "{error}");
}

#[tokio::test]
async fn the_derived_schema_is_what_the_server_stores() {
    let client = client().await.expect("connect");
    let collection = fresh::<AllTypes>(&client).await;
    let server = client.collections().config_json(collection.name()).await.expect("config");
    let by_name = |name: &str| {
        server["properties"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == name))
            .cloned()
            .unwrap_or_default()
    };
    let config: CollectionConfig = AllTypes::config();
    for property in &config.properties {
        let stored = by_name(&property.name);
        assert_eq!(stored["dataType"], json!(property.data_type.schema_names()), "{}", property.name);
    }
    assert_eq!(config.properties.len(), 20, "the id and the skipped field are not properties");
    assert_eq!(by_name("text")["tokenization"], "field");
    assert_eq!(by_name("text")["indexSearchable"], false);
    assert_eq!(by_name("text")["description"], "A title.");
    assert_eq!(by_name("number")["indexRangeFilters"], true);
    assert_eq!(by_name("renamedField")["dataType"], json!(["text"]));
    assert_eq!(server["vectorizer"], "none");
}

#[tokio::test]
async fn every_type_round_trips_exactly() {
    let client = client().await.expect("connect");
    let collection = fresh::<AllTypes>(&client).await;
    let objects = vec![full(1), sparse(2)];
    let report = collection.insert_many(&objects).await.expect("insert");
    assert_eq!(report.errors, vec![], "every object is accepted");
    assert_eq!(report.ids, vec![Uuid::from_u128(1), Uuid::from_u128(2)]);

    let mut read = collection.query().limit(10).fetch().await.expect("fetch");
    read.sort_by_key(|o| o.id);
    let read: Vec<AllTypes> = read.into_iter().map(|o| o.properties).collect();
    assert_eq!(read, objects);
}

#[tokio::test]
async fn values_grpc_cannot_carry_exactly_are_refused_not_rounded() {
    let client = client().await.expect("connect");
    let collection = fresh::<AllTypes>(&client).await;
    // The server would store i64::MAX in an int[] as i64::MIN: refuse instead.
    let too_big = AllTypes { int: i64::MAX, ..full(3) };
    let too_big_in_array = AllTypes { ints: vec![1, i64::MIN], ..full(5) };
    let report = collection.insert_many(&[full(4), too_big, too_big_in_array]).await.expect("insert");
    assert_eq!(report.errors.iter().map(|(index, _)| *index).collect::<Vec<_>>(), vec![1, 2]);
    assert!(report.errors[0].1.contains("9223372036854775807"), "{}", report.errors[0].1);
    assert!(report.errors[1].1.contains("-9223372036854775808"), "{}", report.errors[1].1);
    let stored = collection.query().limit(10).fetch().await.expect("fetch");
    assert_eq!(stored.iter().map(|o| o.id).collect::<Vec<_>>(), vec![Uuid::from_u128(4)]);
}

#[tokio::test]
async fn phone_numbers_are_parsed_by_the_server() {
    #[derive(WeaviateCollection, Debug)]
    #[weaviate(name = "Test_Phones")]
    struct Contact {
        phone: PhoneNumber,
    }
    let client = client().await.expect("connect");
    client.collections().delete(Contact::NAME).await.expect("delete");
    client.collections().create::<Contact>().await.expect("create");
    assert!(client.collections().exists(Contact::NAME).await.expect("exists"));
    let contact = Contact { phone: PhoneNumber::new("020 1234567", Some("NL")) };
    let report = client.collection::<Contact>().insert_many(&[contact]).await.expect("insert");
    assert_eq!(report.errors, vec![]);
    let read = client.collection::<Contact>().query().limit(1).fetch().await.expect("fetch");
    let phone = &read[0].properties.phone;
    assert_eq!(phone.input, "020 1234567");
    assert_eq!(phone.country_code, Some(31));
    assert_eq!(phone.valid, Some(true));
}
