//! The 10k Jeopardy questions with their 1536-dimension vectors (the
//! examples' dataset, `weaviate_orm_examples::jeopardy`) as a collection
//! with fixed ids.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use uuid::Uuid;
use weaviate_orm::WeaviateCollection;
use weaviate_orm_examples::jeopardy::{self, Clue};

/// One question of the dataset, with a fixed id derived from its position.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "JeopardyQuestion")]
pub struct JeopardyQuestion {
    /// `uuid5(namespace OID, "jeopardy-{position}")`.
    #[weaviate(id)]
    pub id: Uuid,
    /// The day the show aired (midnight UTC).
    pub air_date: DateTime<Utc>,
    /// `Jeopardy!`, `Double Jeopardy!` or `Final Jeopardy!`.
    pub round: String,
    /// The dollar value; none in the final round.
    pub value: Option<i64>,
    /// The category, upper case.
    pub category: String,
    /// The clue.
    pub question: String,
    /// The expected answer.
    pub answer: String,
    /// The clue's 1536-dimension embedding, as 32-bit floats.
    #[weaviate(vector)]
    pub vector: Vec<f32>,
}

/// The 10,000 questions, in the dataset's order.
///
/// # Panics
/// When the dataset cannot be fetched or read: tests need it.
pub fn questions() -> &'static [JeopardyQuestion] {
    static QUESTIONS_LOADED: OnceLock<Vec<JeopardyQuestion>> = OnceLock::new();
    QUESTIONS_LOADED.get_or_init(|| match jeopardy::clues() {
        Ok(clues) => clues.into_iter().enumerate().map(|(position, clue)| question(position, clue)).collect(),
        Err(error) => panic!("the Jeopardy dataset: {error}"),
    })
}

/// The id of the question at `position`.
pub fn question_id(position: usize) -> Uuid {
    jeopardy::clue_id(position)
}

fn question(position: usize, clue: Clue) -> JeopardyQuestion {
    let Clue { air_date, round, value, category, question, answer, vector } = clue;
    JeopardyQuestion { id: question_id(position), air_date, round, value, category, question, answer, vector }
}

/// The folder holding `jeopardy_10k.json` and `jeopardy_10k.json.npy`,
/// downloading them first if needed.
///
/// # Panics
/// When the dataset cannot be fetched.
pub fn dataset_folder() -> PathBuf {
    jeopardy::folder().unwrap_or_else(|error| panic!("the Jeopardy dataset: {error}"))
}
