//! Retrieval-augmented generation: find the passages that answer a
//! question, then have the collection's generative module write from them,
//! one text per passage (a prompt) and one for all of them (a task).
//!
//! The embedded server runs Weaviate's `generative-dummy` module, which
//! needs no API key and echoes what it was asked. A real model is one
//! attribute away: `#[weaviate(generative(openai(model = "gpt-4o-mini")))]`
//! or `generative(anthropic(model = "claude-haiku-4-5"))` (the provider's
//! key goes in a header: `ClientBuilder::header("X-OpenAI-Api-Key", ..)`),
//! or per query with `Generate::provider`.
//!
//! Run with `cargo run --example rag`.

use std::process::ExitCode;

use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::query::{Bm25, Generate};
use weaviate_orm::{WeaviateCollection, WeaviateProjection};

/// A passage of the handbook.
#[derive(WeaviateCollection, Debug, Clone)]
#[weaviate(generative(dummy), reranker(dummy))]
struct Passage {
    #[weaviate(key)]
    title: String,
    body: String,
}

/// What the answer needs of a passage.
#[derive(WeaviateProjection, Debug)]
#[weaviate(of = Passage)]
struct Source {
    title: String,
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
    client.migrate::<Passage>().await?;
    let passages = client.collection::<Passage>();
    let handbook = [
        ("Ownership", "Every value in Rust has one owner; when the owner goes out of scope, the value is dropped."),
        (
            "Borrowing",
            "References borrow a value without owning it; the borrow checker makes sure they never outlive it.",
        ),
        ("Lifetimes", "Lifetimes name how long references are valid, so the compiler can check every borrow."),
        ("Traits", "Traits describe shared behaviour; generic code names the traits its types must implement."),
        ("Async", "Async functions return futures; an executor such as Tokio polls them to completion."),
    ];
    let batch = passages.batch().start();
    for (title, body) in handbook {
        batch.add(Passage { title: title.into(), body: body.into() }).await?;
    }
    batch.finish().await?;

    // 1. Retrieve: keyword search (naming fields limits the search to them;
    //    the title counts double), reordered by the reranker against the
    //    question itself.
    let question = "How does the borrow checker know a reference is valid?";
    let f = Passage::FIELDS;
    let keywords = Bm25::new("borrow reference valid").boosted(&f.title, 2.0).field(&f.body);
    let retrieval = passages.query().bm25(keywords).limit(3).rerank(&f.body, Some(question));

    // 2. Generate: a sentence per passage, and one answer from all three.
    let generate = Generate::new()
        .prompt("Explain in one sentence for a beginner: {body}")
        .task(format!("Answer from these passages only: {question}"));
    let answer = retrieval.project::<Source>().generate(generate).fetch_generated().await?;

    println!("Question: {question}\n");
    for hit in &answer.hits {
        println!("[{}] {}", hit.object.properties.title, hit.generated.as_deref().unwrap_or("(nothing generated)"));
    }
    println!("\nAnswer: {}", answer.grouped.as_deref().unwrap_or("(nothing generated)"));
    client.close().await;
    Ok(())
}
