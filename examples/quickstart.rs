//! The quickstart: start a real Weaviate server on this machine, declare a
//! collection as a Rust struct, import a few objects and query them with
//! compiler-checked filters.
//!
//! Run with `cargo run --example quickstart`. The first run builds the
//! pinned server with `go install` (a few minutes); later runs start in seconds.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::{WeaviateCollection, WeaviateObject, WeaviateProjection};

/// Where a clue aired.
#[derive(WeaviateObject, Debug, Clone)]
struct Broadcast {
    show: String,
    aired: DateTime<Utc>,
}

/// A Jeopardy! clue.
#[derive(WeaviateCollection, Debug, Clone)]
#[weaviate(
    name = "JeopardyQuestion",
    vectorizer = "text2vec-bigram",
    inverted_index(index_null_state, index_property_length)
)]
struct Question {
    /// The same question always gets the same id: importing twice never duplicates.
    #[weaviate(key)]
    question: String,
    #[weaviate(skip_vectorization)]
    answer: String,
    #[weaviate(index_range_filters = true)]
    value: i64,
    category: Option<String>,
    broadcast: Broadcast,
}

/// Just what a quiz card shows.
#[derive(WeaviateProjection, Debug)]
#[weaviate(of = Question)]
struct Card {
    question: String,
    value: i64,
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    println!("Starting an embedded Weaviate server...");
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
    let meta = client.meta().await?;
    println!("Connected to Weaviate {} (modules: {})", meta.version, meta.modules.len());

    // Create the collection from the struct (or bring it up to date); print the plan.
    let migration = client.migrate::<Question>().await?;
    for plan in &migration.plans {
        println!("{plan}");
    }
    let questions = client.collection::<Question>();

    let aired = |s: &str| DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).unwrap_or_default();
    let clue = |question: &str, answer: &str, value: i64, category: Option<&str>| Question {
        question: question.into(),
        answer: answer.into(),
        value,
        category: category.map(str::to_owned),
        broadcast: Broadcast { show: "Jeopardy!".into(), aired: aired("1999-05-04T19:30:00-04:00") },
    };
    // A batch import: every object comes back confirmed or in `failed`, typed.
    let batch = questions.batch().start();
    for question in [
        clue("This organ removes excess glucose from the blood", "Liver", 100, Some("SCIENCE")),
        clue("It's the only even prime number", "Two", 400, Some("MATH")),
        clue("Its capital is Canberra", "Australia", 800, None),
    ] {
        batch.add(question).await?;
    }
    let report = batch.finish().await?;
    println!("Imported {} objects, {} failed", report.confirmed, report.failed.len());

    // A partial update through a typed field; the compiler checks the value's type.
    let two = questions.query().filter(Question::FIELDS.answer.equal("Two")).fetch().await?;
    if let Some(two) = two.first() {
        questions.update(two.id).set(&Question::FIELDS.value, 500).apply().await?;
    }

    // Field names, value types and operators are checked by the compiler.
    let f = Question::FIELDS;
    let cards = questions
        .query()
        .filter(f.value.greater_or_equal(200) | f.category.is_null(true))
        .sort(f.value.descending())
        .project::<Card>()
        .fetch()
        .await?;
    for card in cards {
        println!("  ${:>4}  {}", card.properties.value, card.properties.question);
    }

    client.close().await;
    println!("Server stopped.");
    Ok(())
}
