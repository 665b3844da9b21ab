use weaviate_orm::WeaviateCollection;

#[derive(WeaviateCollection)]
#[weaviate(vectorizer(multi2vec_clip(image_fields = "image")))]
struct Photo {
    image: String,
}

#[derive(WeaviateCollection)]
#[weaviate(vectorizer(multi2vec_clpi(image_fields = ["image"])))]
struct Picture {
    image: String,
}

fn main() {}
