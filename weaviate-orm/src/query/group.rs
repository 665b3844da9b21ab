//! Grouping a vector search's results by the value of a field.

use weaviate_orm_proto::v1 as pb;

use super::results::{Hit, decode_hits, generated_text};
use super::state::GroupBy;
use super::{Field, Groupable, Projection, Query};
use crate::model::WeaviateCollection;
use crate::vocabulary::search::Search;
use crate::{Error, Result, reply};

/// One group of a grouped query: the objects sharing a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<P> {
    /// The shared value, as text (a number, a date or a boolean as the
    /// server writes it; a reference's beacon).
    pub value: String,
    /// The smallest distance in the group.
    pub min_distance: f32,
    /// The largest distance in the group.
    pub max_distance: f32,
    /// How many objects the group holds (at most `per_group` are returned).
    pub count: u64,
    /// The group's objects, closest first.
    pub hits: Vec<Hit<P>>,
    /// The group's reranker score, when the query reranks.
    pub rerank_score: Option<f64>,
    /// The text generated for the group, when the query has a task.
    pub generated: Option<String>,
}

impl<T: WeaviateCollection, P: Projection<T>> Query<T, P> {
    /// Groups a vector search's results by the value of `field`: at most
    /// `groups` groups of at most `per_group` objects; read them with
    /// [`fetch_groups`](Self::fetch_groups).
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # #[weaviate(generative = "generative-openai", reranker = "reranker-cohere")]
    /// # struct Article { title: String, body: String, category: String, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// // The two closest articles of each of the five closest categories.
    /// let query = articles.query().near_vector(vec![0.1, 0.9]).group_by(&Article::FIELDS.category, 5, 2);
    /// for group in query.fetch_groups().await? {
    ///     let titles: Vec<&str> = group.hits.iter().map(|hit| hit.object.properties.title.as_str()).collect();
    ///     println!("{} ({} articles): {titles:?}", group.value, group.count);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn group_by<V: Groupable>(mut self, field: &Field<T, V>, groups: u32, per_group: u32) -> Self {
        self.state.group_by = Some(GroupBy { property: field.name(), groups, per_group });
        self
    }

    /// Runs a grouped query. Without [`group_by`](Self::group_by), fails
    /// with [`Error::InvalidConfig`].
    ///
    /// ```no_run
    /// # use weaviate_orm::{Collection, WeaviateCollection};
    /// # #[derive(WeaviateCollection)]
    /// # struct Article { title: String, category: String, #[weaviate(vector)] vector: Vec<f32> }
    /// # async fn demo(articles: Collection<Article>) -> weaviate_orm::Result<()> {
    /// let query = articles.query().near_vector(vec![0.1, 0.9]).group_by(&Article::FIELDS.category, 3, 1);
    /// for group in query.fetch_groups().await? {
    ///     println!("{}: {} objects, closest at {}", group.value, group.count, group.min_distance);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn fetch_groups(self) -> Result<Vec<Group<P>>> {
        if self.state.group_by.is_none() {
            return Err(Error::InvalidConfig("`fetch_groups` needs `group_by` first".into()));
        }
        let reply = self.run_reply(true).await?;
        reply.group_by_results.into_iter().map(|group| self.group(group)).collect()
    }

    fn group(&self, group: pb::GroupByResult) -> Result<Group<P>> {
        // A vector search's groups are named by the stored JSON text of the
        // value (`R\u0026D` for `R&D`: each shard groups the stored bytes);
        // other searches' (hybrid, keywords, none) by the value itself.
        let stored_text = self.state.ranking.search().is_some_and(Search::ranks_by_distance);
        Ok(Group {
            value: if stored_text { json_unescaped(group.name) } else { group.name },
            min_distance: group.min_distance,
            max_distance: group.max_distance,
            count: reply::count("Search", "group's object count", Some(group.number_of_objects))?,
            hits: decode_hits::<T, P>(self.collection_name(), group.objects)?,
            rerank_score: group.rerank.map(|r| r.score),
            generated: generated_text(group.generative_result.as_ref()),
        })
    }
}

/// The text of a JSON string's content (without its quotes); unchanged
/// when it has no escapes or is not valid JSON string content.
fn json_unescaped(raw: String) -> String {
    if !raw.contains('\\') {
        return raw;
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or(raw)
}

#[cfg(test)]
mod tests {
    use super::json_unescaped;

    #[test]
    fn stored_json_text_is_unescaped() {
        assert_eq!(json_unescaped(r#"SCIENCE \u0026 NATURE"#.into()), "SCIENCE & NATURE");
        assert_eq!(json_unescaped(r#"say \"hi\" \\ bye"#.into()), r#"say "hi" \ bye"#);
        assert_eq!(json_unescaped("plain".into()), "plain");
        // Not JSON string content: kept as it came.
        assert_eq!(json_unescaped(r"bad \x escape".into()), r"bad \x escape");
    }
}
