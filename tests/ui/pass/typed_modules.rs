//! Modules written as typed attributes: the settings land in the config as
//! the runtime's typed structs write them, and read back typed.
use weaviate_orm::WeaviateCollection;
use weaviate_orm::schema::Vectorizer;
use weaviate_orm::schema::modules::{GenerativeOpenAi, RerankerCohere, Text2VecCohere, Text2VecOpenAi};

#[derive(WeaviateCollection)]
#[weaviate(
    vectorizer(text2vec_openai(model = "text-embedding-3-small", dimensions = 512, vectorize_collection_name = false)),
    generative(openai(model = "gpt-4o-mini", temperature = 1)),
    reranker(cohere(model = "rerank-v3.5"))
)]
struct Article {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(named_vector(name = "title", vectorizer(text2vec_cohere(truncate = "END")), source_properties = ["title"]))]
struct Note {
    title: String,
}

#[derive(WeaviateCollection)]
#[weaviate(
    named_vector(
        name = "photo",
        vectorizer(multi2vec_clip(image_fields = ["image"], text_fields = ["caption"], image_weights = [0.7], text_weights = [0.3]))
    ),
    named_vector(name = "caption", vectorizer(text2vec_transformers(pooling_strategy = "cls")), source_properties = ["caption"])
)]
struct Photo {
    image: String,
    caption: String,
}

fn main() {
    let photo = Photo::config();
    let Vectorizer::Module(clip) = &photo.named_vectors[0].vectorizer else { panic!("a vectorizer module") };
    assert_eq!(clip.config["weights"], serde_json::json!({"imageFields": [0.7], "textFields": [0.3]}));
    let Vectorizer::Module(transformers) = &photo.named_vectors[1].vectorizer else { panic!("a vectorizer module") };
    assert_eq!(transformers.config["poolingStrategy"], "cls");

    let config = Article::config();
    let Vectorizer::Module(module) = &config.vectorizer else { panic!("a vectorizer module") };
    let openai = module.settings::<Text2VecOpenAi>().expect("text2vec-openai").expect("valid");
    assert_eq!(openai.model.as_deref(), Some("text-embedding-3-small"));
    assert_eq!((openai.dimensions, openai.vectorize_collection_name), (Some(512), false));
    assert_eq!(module.config["isAzure"], false);
    let generative = config.generative.as_ref().expect("generative").settings::<GenerativeOpenAi>();
    assert_eq!(generative.expect("generative-openai").expect("valid").temperature, Some(1.0));
    let reranker = config.reranker.as_ref().expect("reranker").settings::<RerankerCohere>();
    assert_eq!(reranker.expect("reranker-cohere").expect("valid").model.as_deref(), Some("rerank-v3.5"));

    let note = Note::config();
    let Vectorizer::Module(module) = &note.named_vectors[0].vectorizer else { panic!("a vectorizer module") };
    let cohere = module.settings::<Text2VecCohere>().expect("text2vec-cohere").expect("valid");
    assert_eq!((cohere.truncate.as_deref(), cohere.vectorize_collection_name), (Some("END"), true));
}
