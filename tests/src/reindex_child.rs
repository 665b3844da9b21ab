//! The Jeopardy questions' second model and its migration, shared by the
//! reindex test and the `reindex_child` process it kills mid-copy.

use uuid::Uuid;
use weaviate_orm::migrate::{MigrationReport, Policy};
use weaviate_orm::value::PropertyValue;
use weaviate_orm::{WeaviateClient, WeaviateCollection};

use crate::jeopardy::JeopardyQuestion;

/// The questions with `value` a number and `category` a single token.
#[derive(WeaviateCollection, Debug, Clone, PartialEq)]
#[weaviate(name = "Test_JeopardyV2")]
pub struct JeopardyV2 {
    /// The question's id.
    #[weaviate(id)]
    pub id: Uuid,
    /// The day the show aired.
    pub air_date: chrono::DateTime<chrono::Utc>,
    /// The round.
    pub round: String,
    /// The dollar value, now a number.
    pub value: Option<f64>,
    /// The category, now one token.
    #[weaviate(tokenization = "field")]
    pub category: String,
    /// The clue.
    pub question: String,
    /// The expected answer.
    pub answer: String,
    /// The clue's embedding.
    #[weaviate(vector)]
    pub vector: Vec<f32>,
}

/// `model` under `name`.
pub fn named(mut model: weaviate_orm::schema::CollectionConfig, name: &str) -> weaviate_orm::schema::CollectionConfig {
    name.clone_into(&mut model.name);
    model
}

/// An int stored by the first version, as the number the second stores.
///
/// # Errors
/// Never: other values are kept as they are.
pub fn to_number(value: PropertyValue) -> Result<PropertyValue, String> {
    match value {
        PropertyValue::Int(number) => Ok(PropertyValue::Number(number as f64)),
        other => Ok(other),
    }
}

/// The first version of the questions, served by the alias `name`.
///
/// # Errors
/// When the server refuses the migration.
pub async fn migrate_to_v1(client: &WeaviateClient, name: &str) -> weaviate_orm::Result<MigrationReport> {
    client.migrator().config(named(JeopardyQuestion::config(), name)).policy(Policy::Reindex).run().await
}

/// Moves the questions behind the alias `name` to the second version.
///
/// # Errors
/// When the server refuses the migration or the copy.
pub async fn migrate_to_v2(client: &WeaviateClient, name: &str) -> weaviate_orm::Result<MigrationReport> {
    client
        .migrator()
        .config(named(JeopardyV2::config(), name))
        .policy(Policy::Reindex)
        .convert("value", to_number)
        // A killed run leaves its lock: taken over once its copy stalls this long.
        .lock_timeout(std::time::Duration::from_secs(2))
        .run()
        .await
}
