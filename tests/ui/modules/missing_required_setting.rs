use weaviate_orm::WeaviateCollection;

/// Azure OpenAI without its deployment; AWS Bedrock without its region.
#[derive(WeaviateCollection)]
#[weaviate(
    named_vector(name = "azure", vectorizer(text2vec_azure_openai(resource_name = "acme"))),
    named_vector(name = "bedrock", vectorizer(text2vec_aws_bedrock(model = "amazon.titan-embed-text-v2:0")))
)]
struct Article {
    title: String,
}

fn main() {}
