//! Vectorizers that embed text (`text2vec-*`).
//!
//! Every one but [`Text2VecBigram`] writes `vectorizeClassName` always (true
//! unless set otherwise), as the Python client does, whatever the server's
//! own default. The properties to embed are the named vector's
//! [`source_properties`](crate::schema::NamedVectorConfig::source_properties).

use super::settings::VectorizerModule;
use super::table::module_settings;
use super::url::HttpUrl;

module_settings! {
    role VectorizerModule;
    names text2vec_names;

    /// OpenAI embeddings (`text2vec-openai`).
    Text2VecOpenAi / text2vec_openai = "text2vec-openai" {
        /// Another OpenAI-compatible API, e.g. `https://api.openai.com`.
        base_url: HttpUrl => "baseURL",
        /// The size of the vectors (the v3 models only; `text-embedding-3-small`:
        /// 512 or 1536, `text-embedding-3-large`: 256, 1024 or 3072).
        dimensions: u32 => "dimensions",
        /// The API path appended to `base_url`, e.g. `/v1/embeddings`.
        endpoint: String => "endpoint",
        /// The model, e.g. `text-embedding-3-small`.
        model: String => "model",
        /// The model version of older models (`001`, `002`...).
        model_version: String => "modelVersion",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// `text` or `code` (older models).
        kind: String => "type",
    }
    fixed { "isAzure": false }

    /// Azure OpenAI embeddings (the `text2vec-openai` module with `isAzure`).
    Text2VecAzureOpenAi / text2vec_azure_openai = "text2vec-openai" {
        /// Another endpoint than the resource's.
        base_url: HttpUrl => "baseURL",
        /// The Azure resource (required, with `deployment_id`).
        resource_name: String => "resourceName",
        /// The deployment of the model in that resource (required, with `resource_name`).
        deployment_id: String => "deploymentId",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// The model deployed.
        model: String => "model",
    }
    fixed { "isAzure": true }
    required { resource_name, deployment_id }

    /// Cohere embeddings (`text2vec-cohere`).
    Text2VecCohere / text2vec_cohere = "text2vec-cohere" {
        /// Another Cohere-compatible API.
        base_url: HttpUrl => "baseURL",
        /// The model, e.g. `embed-multilingual-v3.0`.
        model: String => "model",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// How too long inputs are cut: `NONE`, `START`, `END`, `LEFT`, `RIGHT`.
        truncate: String => "truncate",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }

    /// Voyage AI embeddings (`text2vec-voyageai`).
    Text2VecVoyageAi / text2vec_voyageai = "text2vec-voyageai" {
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// The model, e.g. `voyage-3.5`.
        model: String => "model",
        /// Another Voyage-compatible API, e.g. `https://api.voyageai.com/v1`.
        base_url: String => "baseURL",
        /// Whether too long inputs are cut (the server's default: true).
        truncate: bool => "truncate",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }

    /// Jina AI embeddings (`text2vec-jinaai`).
    Text2VecJinaAi / text2vec_jinaai = "text2vec-jinaai" {
        /// Another Jina-compatible API, e.g. `https://api.jina.ai`.
        base_url: String => "baseURL",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// The model, e.g. `jina-embeddings-v3`.
        model: String => "model",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }

    /// Mistral embeddings (`text2vec-mistral`).
    Text2VecMistral / text2vec_mistral = "text2vec-mistral" {
        /// The model, e.g. `mistral-embed`.
        model: String => "model",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// Another Mistral-compatible API.
        base_url: HttpUrl => "baseURL",
    }

    /// NVIDIA NIM embeddings (`text2vec-nvidia`).
    Text2VecNvidia / text2vec_nvidia = "text2vec-nvidia" {
        /// The model, e.g. `nvidia/nv-embed-v1`.
        model: String => "model",
        /// Another NVIDIA-compatible API, e.g. `https://integrate.api.nvidia.com`.
        base_url: String => "baseURL",
        /// Whether too long inputs are cut. The Python client writes a bool,
        /// which the server (reading `NONE`, `START` or `END`) ignores.
        truncate: bool => "truncate",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }

    /// Google Vertex AI embeddings (`text2vec-palm`, the legacy name of
    /// `text2vec-google` the Python client writes).
    Text2VecGoogleVertex / text2vec_google_vertex = "text2vec-palm" {
        /// The Google Cloud project (required).
        project_id: String => "projectId",
        /// The API host, without scheme (a `*.googleapis.com` name; the
        /// server's default: `us-central1-aiplatform.googleapis.com`).
        api_endpoint: String => "apiEndpoint",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// The model, e.g. `gemini-embedding-001`.
        model: String => "modelId",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// The property holding each object's title.
        title_property: String => "titleProperty",
        /// What the vectors are for: `RETRIEVAL_QUERY`, `QUESTION_ANSWERING`,
        /// `FACT_VERIFICATION`, `CODE_RETRIEVAL_QUERY`, `CLASSIFICATION`,
        /// `CLUSTERING` or `SEMANTIC_SIMILARITY`.
        task_type: String => "taskType",
        /// The region, e.g. `us-central1`.
        location: String => "location",
    }
    unless { "apiEndpoint": "generativelanguage.googleapis.com" }
    required { project_id }

    /// Google Gemini API (AI Studio) embeddings: `text2vec-palm` with the
    /// `generativelanguage.googleapis.com` endpoint.
    Text2VecGoogleGemini / text2vec_google_gemini = "text2vec-palm" {
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// The model, e.g. `gemini-embedding-001`.
        model: String => "modelId",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// The property holding each object's title.
        title_property: String => "titleProperty",
        /// What the vectors are for: `RETRIEVAL_QUERY`, `QUESTION_ANSWERING`,
        /// `FACT_VERIFICATION`, `CODE_RETRIEVAL_QUERY`, `CLASSIFICATION`,
        /// `CLUSTERING` or `SEMANTIC_SIMILARITY`.
        task_type: String => "taskType",
    }
    fixed { "apiEndpoint": "generativelanguage.googleapis.com" }

    /// AWS Bedrock embeddings (`text2vec-aws` with `service: bedrock`).
    Text2VecAwsBedrock / text2vec_aws_bedrock = "text2vec-aws" {
        /// The model (required), e.g. `amazon.titan-embed-text-v1`.
        model: String => "model",
        /// The AWS region (required), e.g. `us-east-1`.
        region: String => "region",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }
    fixed { "service": "bedrock" }
    required { model, region }

    /// AWS SageMaker embeddings (`text2vec-aws` with `service: sagemaker`).
    Text2VecAwsSagemaker / text2vec_aws_sagemaker = "text2vec-aws" {
        /// The SageMaker endpoint (required).
        endpoint: String => "endpoint",
        /// The AWS region (required), e.g. `us-east-1`.
        region: String => "region",
        /// The model of a multi-model endpoint.
        target_model: String => "targetModel",
        /// The production variant of the endpoint.
        target_variant: String => "targetVariant",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }
    fixed { "service": "sagemaker" }
    required { endpoint, region }

    /// Hugging Face Inference API embeddings (`text2vec-huggingface`).
    Text2VecHuggingFace / text2vec_huggingface = "text2vec-huggingface" {
        /// The model, for both objects and queries (not with `passage_model`).
        model: String => "model",
        /// The model for objects (with `query_model`).
        passage_model: String => "passageModel",
        /// The model for queries (with `passage_model`).
        query_model: String => "queryModel",
        /// A dedicated inference endpoint (then the models are not read).
        endpoint_url: HttpUrl => "endpointURL",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// Whether to wait for a model not loaded yet (the server's default: false).
        wait_for_model: bool => "options.waitForModel",
        /// Whether to run on GPU (the server's default: false).
        use_gpu: bool => "options.useGPU",
        /// Whether to use the API's cache (the server's default: true).
        use_cache: bool => "options.useCache",
    }

    /// Ollama embeddings (`text2vec-ollama`).
    Text2VecOllama / text2vec_ollama = "text2vec-ollama" {
        /// The model, e.g. `nomic-embed-text`.
        model: String => "model",
        /// The Ollama server, e.g. `http://host.docker.internal:11434`.
        api_endpoint: String => "apiEndpoint",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }

    /// A local transformers inference container (`text2vec-transformers`).
    Text2VecTransformers / text2vec_transformers = "text2vec-transformers" {
        /// How token vectors are pooled: `masked_mean` or `cls`.
        pooling_strategy: String => "poolingStrategy" = "masked_mean",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// The inference container (not with the passage and query ones).
        inference_url: String => "inferenceUrl",
        /// The container for objects (with `query_inference_url`).
        passage_inference_url: String => "passageInferenceUrl",
        /// The container for queries (with `passage_inference_url`).
        query_inference_url: String => "queryInferenceUrl",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
    }

    /// Weaviate Embeddings, on Weaviate Cloud (`text2vec-weaviate`).
    Text2VecWeaviate / text2vec_weaviate = "text2vec-weaviate" {
        /// The model, e.g. `Snowflake/snowflake-arctic-embed-l-v2.0`.
        model: String => "model",
        /// Another endpoint than Weaviate Cloud's.
        base_url: String => "baseURL",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
    }

    /// A local Model2Vec inference container (`text2vec-model2vec`).
    Text2VecModel2Vec / text2vec_model2vec = "text2vec-model2vec" {
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
        /// The inference container.
        inference_url: String => "inferenceUrl",
    }

    /// The Contextionary word vectors (`text2vec-contextionary`; deprecated
    /// by Weaviate in favour of `text2vec-model2vec`).
    Text2VecContextionary / text2vec_contextionary = "text2vec-contextionary" {
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }

    /// Databricks model serving embeddings (`text2vec-databricks`).
    Text2VecDatabricks / text2vec_databricks = "text2vec-databricks" {
        /// The serving endpoint's URL (required).
        endpoint: String => "endpoint",
        /// An instruction prepended to each text, for models that take one.
        instruction: String => "instruction",
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName" = true,
    }
    required { endpoint }

    /// Bag-of-bigrams vectors computed by the server itself, for tests
    /// (`text2vec-bigram`; needs no network).
    Text2VecBigram / text2vec_bigram = "text2vec-bigram" {
        /// Whether the collection's name is part of each object's text.
        vectorize_collection_name: bool => "vectorizeClassName",
    }
}
