use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(inverted_index(stopword_presets(legal = ["hereby"])))]
struct Article {
    /// Exceptions to folding without folding, one of two characters.
    #[weaviate(text_analyzer(ascii_fold_ignore = ["é", "ñö"]))]
    title: String,
    /// Stop words with a tokenization that has none.
    #[weaviate(tokenization = "field", text_analyzer(stopword_preset = "en"))]
    code: String,
    /// A preset the collection does not declare.
    #[weaviate(text_analyzer(stopword_preset = "legl"))]
    body: String,
}

fn main() {}
