//! Vectorizers of several media (`multi2vec-*`), and the image
//! (`img2vec-neural`) and reference (`ref2vec-centroid`) vectorizers.
//!
//! A multi2vec module embeds the properties named in its `*_fields`
//! settings and combines their vectors; the `*_weights` lists, when given,
//! weigh them, one number per field of that kind, in the same order (the
//! server rejects lists of another length). They are written under
//! `weights`, e.g. `{"weights": {"imageFields": [0.7]}}`, as the Python
//! client writes them. None of these modules writes `vectorizeClassName`.

use super::settings::VectorizerModule;
use super::table::module_settings;
use super::url::HttpUrl;

module_settings! {
    role VectorizerModule;
    names multi2vec_names;

    /// A local CLIP inference container (`multi2vec-clip`).
    Multi2VecClip / multi2vec_clip = "multi2vec-clip" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// The inference container.
        inference_url: String => "inferenceUrl",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
    }

    /// A local ImageBind inference container (`multi2vec-bind`).
    ///
    /// `imu_fields` is written `IMUFields`, as the Python client writes it;
    /// the server reads `imuFields`, so it ignores them (set `imuFields` in
    /// `other` to reach the server).
    Multi2VecBind / multi2vec_bind = "multi2vec-bind" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// The audio (blob) properties embedded.
        audio_fields: Vec<String> => "audioFields",
        /// The depth image (blob) properties embedded.
        depth_fields: Vec<String> => "depthFields",
        /// The inertial measurement (blob) properties embedded (written
        /// `IMUFields`, which the server does not read).
        imu_fields: Vec<String> => "IMUFields",
        /// The thermal image (blob) properties embedded.
        thermal_fields: Vec<String> => "thermalFields",
        /// The video (blob) properties embedded.
        video_fields: Vec<String> => "videoFields",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
        /// The weights of `audio_fields`, one per field.
        audio_weights: Vec<f64> => "weights.audioFields",
        /// The weights of `depth_fields`, one per field.
        depth_weights: Vec<f64> => "weights.depthFields",
        /// The weights of `imu_fields`, one per field (written
        /// `weights.IMUFields`, which the server does not read).
        imu_weights: Vec<f64> => "weights.IMUFields",
        /// The weights of `thermal_fields`, one per field.
        thermal_weights: Vec<f64> => "weights.thermalFields",
        /// The weights of `video_fields`, one per field.
        video_weights: Vec<f64> => "weights.videoFields",
    }

    /// Cohere multimodal embeddings (`multi2vec-cohere`).
    Multi2VecCohere / multi2vec_cohere = "multi2vec-cohere" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// Another Cohere-compatible API.
        base_url: HttpUrl => "baseURL",
        /// The model, e.g. `embed-multilingual-v3.0`.
        model: String => "model",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// How too long inputs are cut: `NONE`, `START`, `END`, `LEFT`, `RIGHT`.
        truncate: String => "truncate",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
    }

    /// Voyage AI multimodal embeddings (`multi2vec-voyageai`).
    Multi2VecVoyageAi / multi2vec_voyageai = "multi2vec-voyageai" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// Another Voyage-compatible API.
        base_url: HttpUrl => "baseURL",
        /// The model, e.g. `voyage-multimodal-3`.
        model: String => "model",
        /// Whether too long inputs are cut. Written `truncation`, as the
        /// Python client writes it; the server reads `truncate`, so it ignores it.
        truncation: bool => "truncation",
        /// The size of the vectors (not read by the server).
        dimensions: u32 => "dimensions",
        /// The video (blob) properties embedded.
        video_fields: Vec<String> => "videoFields",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
        /// The weights of `video_fields`, one per field.
        video_weights: Vec<f64> => "weights.videoFields",
    }

    /// Jina AI multimodal embeddings (`multi2vec-jinaai`).
    Multi2VecJinaAi / multi2vec_jinaai = "multi2vec-jinaai" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// Another Jina-compatible API.
        base_url: HttpUrl => "baseURL",
        /// The model, e.g. `jina-clip-v2`.
        model: String => "model",
        /// The size of the vectors (`jina-clip-v2`: 64 to 1024; `jina-clip-v1`: 768).
        dimensions: u32 => "dimensions",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
    }

    /// Google Vertex AI multimodal embeddings (`multi2vec-palm`, the legacy
    /// name of `multi2vec-google` the Python client writes).
    Multi2VecGoogleVertex / multi2vec_google_vertex = "multi2vec-palm" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// The audio (blob) properties embedded.
        audio_fields: Vec<String> => "audioFields",
        /// The video (blob) properties embedded (`multimodalembedding@001`:
        /// only with 1408 dimensions).
        video_fields: Vec<String> => "videoFields",
        /// The Google Cloud project (required).
        project_id: String => "projectId",
        /// The region (required), e.g. `us-central1`.
        location: String => "location",
        /// The model, e.g. `multimodalembedding@001`.
        model: String => "modelId",
        /// The size of the vectors (`multimodalembedding@001`: 128, 256, 512 or 1408).
        dimensions: u32 => "dimensions",
        /// The length of the video segments embedded, in seconds
        /// (`multimodalembedding@001`: 4, 8, 15 or 120).
        video_interval_seconds: u32 => "videoIntervalSeconds",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
        /// The weights of `audio_fields`, one per field.
        audio_weights: Vec<f64> => "weights.audioFields",
        /// The weights of `video_fields`, one per field.
        video_weights: Vec<f64> => "weights.videoFields",
    }
    unless { "apiEndpoint": "generativelanguage.googleapis.com" }
    required { project_id, location }

    /// Google Gemini API (AI Studio) multimodal embeddings: `multi2vec-palm`
    /// with the `generativelanguage.googleapis.com` endpoint.
    Multi2VecGoogleGemini / multi2vec_google_gemini = "multi2vec-palm" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// The audio (blob) properties embedded.
        audio_fields: Vec<String> => "audioFields",
        /// The video (blob) properties embedded.
        video_fields: Vec<String> => "videoFields",
        /// The model.
        model: String => "modelId",
        /// The size of the vectors.
        dimensions: u32 => "dimensions",
        /// The length of the video segments embedded, in seconds.
        video_interval_seconds: u32 => "videoIntervalSeconds",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
        /// The weights of `audio_fields`, one per field.
        audio_weights: Vec<f64> => "weights.audioFields",
        /// The weights of `video_fields`, one per field.
        video_weights: Vec<f64> => "weights.videoFields",
    }
    fixed { "apiEndpoint": "generativelanguage.googleapis.com" }

    /// NVIDIA NIM multimodal embeddings (`multi2vec-nvidia`).
    Multi2VecNvidia / multi2vec_nvidia = "multi2vec-nvidia" {
        /// The image (blob) properties embedded.
        image_fields: Vec<String> => "imageFields",
        /// The text properties embedded.
        text_fields: Vec<String> => "textFields",
        /// Another NVIDIA-compatible API, e.g. `https://integrate.api.nvidia.com`.
        base_url: HttpUrl => "baseURL",
        /// The model, e.g. `nvidia/nvclip`.
        model: String => "model",
        /// Whether too long inputs are cut (written as the Python client
        /// does; the server does not read it).
        truncation: bool => "truncation",
        /// The weights of `image_fields`, one per field.
        image_weights: Vec<f64> => "weights.imageFields",
        /// The weights of `text_fields`, one per field.
        text_weights: Vec<f64> => "weights.textFields",
    }

    /// A local ResNet image inference container (`img2vec-neural`).
    Img2VecNeural / img2vec_neural = "img2vec-neural" {
        /// The image (blob) properties embedded (required, not empty).
        image_fields: Vec<String> => "imageFields",
    }
    required { image_fields }

    /// The mean of the vectors of the objects referenced (`ref2vec-centroid`).
    Ref2VecCentroid / ref2vec_centroid = "ref2vec-centroid" {
        /// The reference properties followed (required, not empty).
        reference_properties: Vec<String> => "referenceProperties",
        /// How the vectors are combined: only `mean`.
        method: String => "method" = "mean",
    }
    required { reference_properties }
}
