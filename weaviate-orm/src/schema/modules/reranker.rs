//! Reranker modules (`reranker-*`): reordering search results.

use super::settings::RerankerModule;
use super::table::module_settings;
use super::url::HttpUrl;

module_settings! {
    role RerankerModule;
    names reranker_names;

    /// Cohere rerankers (`reranker-cohere`).
    RerankerCohere / cohere = "reranker-cohere" {
        /// The model, e.g. `rerank-v3.5`.
        model: String => "model",
        /// Another Cohere-compatible API.
        base_url: HttpUrl => "baseURL",
    }

    /// Voyage AI rerankers (`reranker-voyageai`).
    RerankerVoyageAi / voyageai = "reranker-voyageai" {
        /// The model, e.g. `rerank-2`.
        model: String => "model",
    }

    /// Jina AI rerankers (`reranker-jinaai`).
    RerankerJinaAi / jinaai = "reranker-jinaai" {
        /// The model, e.g. `jina-reranker-v2-base-multilingual`.
        model: String => "model",
    }

    /// NVIDIA NIM rerankers (`reranker-nvidia`).
    RerankerNvidia / nvidia = "reranker-nvidia" {
        /// The model, e.g. `nvidia/rerank-qa-mistral-4b`.
        model: String => "model",
        /// Another NVIDIA-compatible API, e.g. `https://ai.api.nvidia.com`.
        base_url: HttpUrl => "baseURL",
    }

    /// A local cross-encoder inference container (`reranker-transformers`;
    /// its settings are the container's).
    RerankerTransformers / transformers = "reranker-transformers" {}

    /// A reranker that scores by text length, for tests (`reranker-dummy`).
    RerankerDummy / dummy = "reranker-dummy" {}
}
