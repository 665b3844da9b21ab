//! Calls a user would reasonably write, which must compile.
use weaviate_orm::{Collection, WeaviateCollection};

#[derive(WeaviateCollection)]
struct Article {
    title: String,
    words: i64,
    score: f64,
    tags: Vec<String>,
    summary: Option<String>,
}

async fn calls(articles: Collection<Article>, id: uuid::Uuid) -> weaviate_orm::Result<()> {
    let f = Article::FIELDS;
    let n: i64 = 3;
    let limit = 2.5;
    articles
        .update(id)
        .set(&f.title, "a &str for a String")
        .set(&f.words, 1200)
        .set(&f.score, 2)
        .set(&f.summary, None)
        .apply()
        .await?;
    let filter = f.words.equal(&n)
        & f.tags.contains_any(&["a", "b"])
        & f.score.greater_than(1)
        & f.score.less_than(&limit)
        & f.title.not_equal(&String::from("x"));
    articles.query().filter(filter).fetch().await?;
    Ok(())
}

fn main() {
    let _ = calls;
}

/// A projection may read a required property as an option.
#[derive(weaviate_orm::WeaviateProjection)]
#[weaviate(of = Article)]
struct Headline {
    title: Option<String>,
    words: i64,
}
