//! The quickstart: a real Weaviate server on this machine, the 10k Jeopardy
//! questions imported with their real 1536-dimension vectors, then a tour
//! of the typed API on that data.
//!
//! Run with `cargo run --example quickstart`. The first run builds the
//! pinned server with `go install` (a few minutes, once) and downloads the
//! dataset (once); later runs start in seconds. The server keeps its data
//! between runs, and every question has a fixed id, so importing again
//! replaces the questions instead of adding copies.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use uuid::Uuid;
use weaviate_orm::aggregate::GroupValue;
use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::query::Hybrid;
use weaviate_orm::{Collection, WeaviateClient, WeaviateCollection, WeaviateProjection};
use weaviate_orm_examples::{cache, jeopardy};

/// A clue of the Jeopardy! quiz show (the struct is the collection's schema;
/// its doc comment, the collection's description).
#[derive(WeaviateCollection, Debug, Clone)]
#[weaviate(name = "JeopardyQuestion")]
struct Question {
    /// Fixed per clue: a second import replaces, never duplicates.
    #[weaviate(id)]
    id: Uuid,
    #[weaviate(index_range_filters = true)]
    air_date: DateTime<Utc>,
    /// `Jeopardy!`, `Double Jeopardy!` or `Final Jeopardy!`: one token.
    #[weaviate(tokenization = "field")]
    round: String,
    /// Dollars; none in the final round.
    #[weaviate(index_range_filters = true)]
    value: Option<i64>,
    #[weaviate(tokenization = "field")]
    category: String,
    question: String,
    answer: String,
    /// The clue's embedding, stored as the object's vector.
    #[weaviate(vector)]
    vector: Vec<f32>,
}

/// Just what a quiz card shows: a projection reads only these properties.
#[derive(WeaviateProjection, Debug)]
#[weaviate(of = Question)]
struct Card {
    category: String,
    question: String,
    answer: String,
    value: Option<i64>,
}

/// The next release of the model: a new property, and the category
/// tokenized into words (Weaviate cannot change that in place).
mod next {
    use chrono::{DateTime, Utc};
    use uuid::Uuid;
    use weaviate_orm::WeaviateCollection;

    /// A clue of the Jeopardy! quiz show (the struct is the collection's schema;
    /// its doc comment, the collection's description).
    #[derive(WeaviateCollection, Debug, Clone)]
    #[weaviate(name = "JeopardyQuestion")]
    pub(crate) struct Question {
        #[weaviate(id)]
        id: Uuid,
        #[weaviate(index_range_filters = true)]
        air_date: DateTime<Utc>,
        #[weaviate(tokenization = "field")]
        round: String,
        #[weaviate(index_range_filters = true)]
        value: Option<i64>,
        #[weaviate(tokenization = "word")]
        category: String,
        question: String,
        answer: String,
        /// New: who wrote the clue.
        author: Option<String>,
        #[weaviate(vector)]
        vector: Vec<f32>,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    let started = Instant::now();
    let data = cache::folder("quickstart-data");
    println!("Starting an embedded Weaviate server (data in {})...", data.display());
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default().data_path(&data)).await?;
    let meta = client.meta().await?;
    println!("Connected to Weaviate {}.\n", meta.version);

    // Create the collection from the struct, or bring it up to date.
    for plan in client.migrate::<Question>().await?.plans {
        println!("{plan}");
    }
    let questions = client.collection::<Question>();

    import(&questions).await?;
    tour(&client, &questions).await?;

    client.close().await;
    println!(
        "\nDone in {:.1} s; the server stopped, its data stays for the next run.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The 10k questions through a batch in the default mode, with a live progress bar.
async fn import(questions: &Collection<Question>) -> weaviate_orm::Result<()> {
    println!("Reading the 10k Jeopardy questions (downloaded once into {})...", cache::folder("datasets").display());
    let clues = tokio::task::spawn_blocking(jeopardy::clues)
        .await
        .map_err(|e| weaviate_orm::Error::InvalidConfig(format!("reading the dataset: {e}")))?
        .map_err(weaviate_orm::Error::InvalidConfig)?;
    let before = questions.count().await?;

    let bar = ProgressBar::new(clues.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} questions, {per_sec}, ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let shown = bar.clone();
    // The default mode (dynamic batching) sizes its requests from the server's load.
    let batch = questions.batch().on_progress(move |p| shown.set_position((p.confirmed + p.failed) as u64)).start();
    let importing = Instant::now();
    for (position, clue) in clues.into_iter().enumerate() {
        let jeopardy::Clue { air_date, round, value, category, question, answer, vector } = clue;
        let id = jeopardy::clue_id(position);
        batch.add(Question { id, air_date, round, value, category, question, answer, vector }).await?;
    }
    // Every object comes back confirmed or in `failed`, with the server's reason.
    let report = batch.finish().await?;
    bar.finish_and_clear();
    let seconds = importing.elapsed().as_secs_f64();
    println!(
        "Imported {} questions in {seconds:.1} s ({:.0}/s), {} failed.",
        report.confirmed,
        report.confirmed as f64 / seconds,
        report.failed.len()
    );
    for failed in report.failed.iter().take(3) {
        println!("  failed: {} ({})", failed.error, failed.id);
    }
    println!("The collection held {before} before and holds {} now.\n", questions.count().await?);
    Ok(())
}

/// The typed API at work on the imported questions.
async fn tour(client: &WeaviateClient, questions: &Collection<Question>) -> weaviate_orm::Result<()> {
    let f = Question::FIELDS;

    // 1. A filter and a sort, checked by the compiler, into a projection.
    println!("The five most valuable Double Jeopardy! clues on science, newest first:");
    let cards = questions
        .query()
        .filter(f.round.equal("Double Jeopardy!") & f.category.equal("SCIENCE") & f.value.greater_or_equal(800))
        .sort(f.value.descending())
        .sort(f.air_date.descending())
        .limit(5)
        .project::<Card>()
        .fetch()
        .await?;
    for card in &cards {
        let Card { category, question, answer, value } = &card.properties;
        println!("  ${:>5}  {category}: {question} ({answer})", value.unwrap_or_default());
    }

    // 2. Semantic neighbours of a real clue, through its vector.
    let Some(seed) = questions.query().filter(f.answer.equal("DNA")).limit(1).fetch().await?.into_iter().next() else {
        println!("(no clue answered \"DNA\" to search from)");
        return Ok(());
    };
    let seed = seed.properties;
    println!("\nClues closest in meaning to \"{}\":", seed.question);
    let neighbours =
        questions.query().near_vector(seed.vector.clone()).limit(4).project::<Card>().fetch_with_metadata().await?;
    for hit in neighbours.iter().skip(1) {
        let distance = hit.metadata.distance.unwrap_or_default();
        println!("  {distance:.3}  {}: {}", hit.object.properties.category, hit.object.properties.question);
    }

    // 3. Hybrid: keywords (BM25) and the vector, fused.
    println!("\nHybrid search for \"heredity\" near that clue:");
    let hybrid = Hybrid::new("heredity").alpha(0.5).vector(seed.vector.clone());
    for hit in questions.query().hybrid(hybrid).limit(3).project::<Card>().fetch_with_metadata().await? {
        let score = hit.metadata.score.unwrap_or_default();
        println!("  {score:.3}  {}", hit.object.properties.question);
    }

    // 4. An aggregate per category: counts and the mean value, typed by the field.
    println!("\nThe biggest categories:");
    let mut groups = questions.aggregate().metrics(&f.value).fetch_groups(&f.category, Some(200)).await?;
    groups.sort_by_key(|g| std::cmp::Reverse(g.aggregation.total.unwrap_or_default()));
    for group in groups.iter().take(5) {
        let GroupValue::Text(category) = &group.value else { continue };
        let mean = group.aggregation.get(&f.value).and_then(|m| m.mean).unwrap_or_default();
        println!("  {category:<20} {:>3} clues, ${mean:.0} on average", group.aggregation.total.unwrap_or(0));
    }

    // 5. A grouped search: the nearest clues, two per category.
    println!("\nNearest clues, grouped by category:");
    let found = questions.query().near_vector(seed.vector.clone()).group_by(&f.category, 3, 2).project::<Card>();
    for group in found.fetch_groups().await? {
        let titles: Vec<&str> = group.hits.iter().map(|h| h.object.properties.question.as_str()).collect();
        println!("  {}: {}", group.value, titles.join(" | "));
    }

    // 6. A partial update: one property, its value type checked by the compiler.
    questions.update(seed.id).set(&f.value, 2000).apply().await?;
    let updated = questions.fetch_by_id(seed.id).await?.map(|q| q.properties.value);
    println!("\nThe DNA clue is now worth {:?} (the next run's import puts it back).", updated.flatten());

    // 7. The next release of the model: the plan, before anything is written.
    println!("\nWhat migrating to the next model would do:");
    let plan = client.plan_migration::<next::Question>().await?;
    println!("{plan}");
    println!("(Not applied: the breaking step needs `Policy::Reindex`; see `cargo run --example evolving_model`.)");
    Ok(())
}
