//! Generative modules (`generative-*`): retrieval-augmented generation.

use super::settings::GenerativeModule;
use super::table::module_settings;
use super::url::HttpUrl;

module_settings! {
    role GenerativeModule;
    names generative_names;

    /// OpenAI chat models (`generative-openai`), and Azure OpenAI ones.
    ///
    /// The module is Azure's when `resource_name` and `deployment_id` are
    /// given (together); the Python client's `azure_openai` writes those,
    /// `api_version` and the sampling settings, but no `model`,
    /// `verbosity` or `reasoning_effort`, and no `isAzure` key.
    GenerativeOpenAi / openai = "generative-openai" {
        /// Another OpenAI-compatible API.
        base_url: HttpUrl => "baseURL",
        /// Penalizes repeated tokens (0 to 1).
        frequency_penalty: f64 => "frequencyPenalty",
        /// Penalizes tokens already present (0 to 1).
        presence_penalty: f64 => "presencePenalty",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Randomness (0 to 1).
        temperature: f64 => "temperature",
        /// Nucleus sampling (0 to 5).
        top_p: f64 => "topP",
        /// Azure: the resource (with `deployment_id`).
        resource_name: String => "resourceName",
        /// Azure: the deployment of the model in that resource (with `resource_name`).
        deployment_id: String => "deploymentId",
        /// Azure: the API version, e.g. `2024-06-01` (the server's default)
        /// or `2024-02-01`.
        api_version: String => "apiVersion",
        /// The model, e.g. `gpt-4o-mini`.
        model: String => "model",
        /// `low`, `medium` or `high`.
        verbosity: String => "verbosity",
        /// `minimal`, `low`, `medium` or `high`.
        reasoning_effort: String => "reasoningEffort",
    }

    /// Anthropic Claude models (`generative-anthropic`).
    GenerativeAnthropic / anthropic = "generative-anthropic" {
        /// The model, e.g. `claude-haiku-4-5`.
        model: String => "model",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Texts that end the answer.
        stop_sequences: Vec<String> => "stopSequences",
        /// Randomness (0 to 1).
        temperature: f64 => "temperature",
        /// Sampling among the `top_k` likeliest tokens.
        top_k: u32 => "topK",
        /// Nucleus sampling.
        top_p: f64 => "topP",
        /// Another Anthropic-compatible API.
        base_url: String => "baseURL",
    }

    /// Cohere chat models (`generative-cohere`).
    GenerativeCohere / cohere = "generative-cohere" {
        /// Another Cohere-compatible API.
        base_url: HttpUrl => "baseURL",
        /// Sampling among the `k` likeliest tokens.
        k: u32 => "k",
        /// The model, e.g. `command-a-03-2025`.
        model: String => "model",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Texts that end the answer.
        stop_sequences: Vec<String> => "stopSequences",
        /// Randomness.
        temperature: f64 => "temperature",
    }

    /// Mistral chat models (`generative-mistral`).
    GenerativeMistral / mistral = "generative-mistral" {
        /// Randomness.
        temperature: f64 => "temperature",
        /// The model, e.g. `open-mistral-7b`.
        model: String => "model",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Another Mistral-compatible API.
        base_url: String => "baseURL",
    }

    /// Models served by Ollama (`generative-ollama`).
    GenerativeOllama / ollama = "generative-ollama" {
        /// The model, e.g. `llama3`.
        model: String => "model",
        /// The Ollama server, e.g. `http://host.docker.internal:11434`.
        api_endpoint: String => "apiEndpoint",
    }

    /// AWS Bedrock models (`generative-aws` with `service: bedrock`).
    GenerativeAwsBedrock / aws_bedrock = "generative-aws" {
        /// The AWS region (required), e.g. `us-east-1`.
        region: String => "region",
        /// The model (required).
        model: String => "model",
        /// Randomness (0 to 1).
        temperature: f64 => "temperature",
        /// Sampling among the `top_k` likeliest tokens.
        top_k: u32 => "topK",
        /// Nucleus sampling (0 to 1).
        top_p: f64 => "topP",
        /// Texts that end the answer.
        stop_sequences: Vec<String> => "stopSequences",
        /// The longest answer, in tokens (1 to 8192).
        max_tokens: u32 => "maxTokens",
    }
    fixed { "service": "bedrock" }
    required { model, region }

    /// AWS SageMaker endpoints (`generative-aws` with `service: sagemaker`).
    GenerativeAwsSagemaker / aws_sagemaker = "generative-aws" {
        /// The AWS region (required), e.g. `us-east-1`.
        region: String => "region",
        /// The SageMaker endpoint (required).
        endpoint: String => "endpoint",
        /// Randomness.
        temperature: f64 => "temperature",
        /// The model of a multi-model endpoint.
        target_model: String => "targetModel",
        /// The production variant of the endpoint.
        target_variant: String => "targetVariant",
        /// Sampling among the `top_k` likeliest tokens.
        top_k: u32 => "topK",
        /// Nucleus sampling.
        top_p: f64 => "topP",
        /// Texts that end the answer.
        stop_sequences: Vec<String> => "stopSequences",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
    }
    fixed { "service": "sagemaker" }
    required { region, endpoint }

    /// Google Vertex AI models (`generative-palm`, the legacy name of
    /// `generative-google` the Python client writes).
    GenerativeGoogleVertex / google_vertex = "generative-palm" {
        /// The API host, without scheme (a `*.googleapis.com` name).
        api_endpoint: String => "apiEndpoint",
        /// A Vertex AI endpoint serving the model.
        endpoint_id: String => "endpointId",
        /// The region of `endpoint_id`, e.g. `us-central1`.
        region: String => "region",
        /// The region, e.g. `us-central1`.
        location: String => "location",
        /// The longest answer, in tokens (written `maxOutputTokens`, as the
        /// Python client writes it; the server reads `tokenLimit`).
        max_output_tokens: u32 => "maxOutputTokens",
        /// The model, e.g. `gemini-2.0-flash`.
        model: String => "modelId",
        /// The Google Cloud project (required).
        project_id: String => "projectId",
        /// Randomness (0 to 1).
        temperature: f64 => "temperature",
        /// Sampling among the `top_k` likeliest tokens (at least 1).
        top_k: u32 => "topK",
        /// Nucleus sampling (0 to 1).
        top_p: f64 => "topP",
    }
    unless { "projectId": "" }
    required { project_id }

    /// Google Gemini API (AI Studio) models: `generative-palm` with an
    /// empty `projectId`, as the Python client writes it.
    GenerativeGoogleGemini / google_gemini = "generative-palm" {
        /// The longest answer, in tokens (written `maxOutputTokens`, as the
        /// Python client writes it; the server reads `tokenLimit`).
        max_output_tokens: u32 => "maxOutputTokens",
        /// The model, e.g. `gemini-2.0-flash`.
        model: String => "modelId",
        /// Randomness (0 to 1).
        temperature: f64 => "temperature",
        /// Sampling among the `top_k` likeliest tokens (at least 1).
        top_k: u32 => "topK",
        /// Nucleus sampling (0 to 1).
        top_p: f64 => "topP",
    }
    fixed { "projectId": "" }

    /// Databricks model serving (`generative-databricks`).
    GenerativeDatabricks / databricks = "generative-databricks" {
        /// The serving endpoint's URL (required).
        endpoint: String => "endpoint",
        /// The longest answer, in tokens (more than 0).
        max_tokens: u32 => "maxTokens",
        /// Randomness (0 to 1).
        temperature: f64 => "temperature",
        /// Sampling among the `top_k` likeliest tokens (more than 0).
        top_k: u32 => "topK",
        /// Nucleus sampling (0 to 5).
        top_p: f64 => "topP",
    }
    required { endpoint }

    /// FriendliAI models (`generative-friendliai`).
    GenerativeFriendliAi / friendliai = "generative-friendliai" {
        /// Randomness.
        temperature: f64 => "temperature",
        /// The model, e.g. `meta-llama-3.1-70b-instruct`.
        model: String => "model",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Another endpoint, e.g. a dedicated one.
        base_url: String => "baseURL",
    }

    /// NVIDIA NIM models (`generative-nvidia`).
    GenerativeNvidia / nvidia = "generative-nvidia" {
        /// Randomness.
        temperature: f64 => "temperature",
        /// The model, e.g. `nvidia/llama-3.1-nemotron-51b-instruct`.
        model: String => "model",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Another NVIDIA-compatible API.
        base_url: String => "baseURL",
        /// Nucleus sampling.
        top_p: f64 => "topP",
    }

    /// xAI Grok models (`generative-xai`).
    GenerativeXai / xai = "generative-xai" {
        /// Randomness.
        temperature: f64 => "temperature",
        /// The model, e.g. `grok-2-latest`.
        model: String => "model",
        /// The longest answer, in tokens.
        max_tokens: u32 => "maxTokens",
        /// Another xAI-compatible API.
        base_url: String => "baseURL",
        /// Nucleus sampling.
        top_p: f64 => "topP",
    }

    /// A module that echoes its prompt, for tests (`generative-dummy`).
    GenerativeDummy / dummy = "generative-dummy" {}
}
