//! Every typed module against the official Python client: the golden
//! outputs are those of weaviate-client 4.23.1 (`Configure.Vectors.*`,
//! `Configure.Generative.*`, `Configure.Reranker.*`, with "min" (only the
//! required arguments) and "full" (every argument) values), copied as they
//! are. JSON is compared as `serde_json::Value`, so key order does not count.
//!
//! Python normalizes some URLs (`https://hf.example.com` becomes
//! `https://hf.example.com/`); the typed settings write theirs as given, so
//! the values here are the normalized ones.

use serde_json::{Value, json};

use super::*;
use crate::schema::{ModuleConfig, NamedVectorConfig};

fn s(value: &str) -> Option<String> {
    Some(value.to_owned())
}

fn u(value: &str) -> Option<HttpUrl> {
    Some(HttpUrl::new(value))
}

fn list(values: &[&str]) -> Option<Vec<String>> {
    Some(values.iter().map(|v| (*v).to_owned()).collect())
}

/// The golden `{module: settings}` object `json` is `settings`: written,
/// read back, read from Python's JSON, and recognized as this typed form.
fn check<S: ModuleSettings>(settings: &S, golden: &Value) {
    let object = golden.as_object().expect("a {module: settings} object");
    assert_eq!(object.len(), 1, "{golden}");
    let (module, expected) = object.iter().next().expect("one module");
    assert_eq!(module, S::MODULE);
    assert_eq!(&settings.to_json(), expected, "{} writes Python's JSON", S::MODULE);
    assert_eq!(&S::from_json(&settings.to_json()).expect("its own JSON reads"), settings, "{} round trip", S::MODULE);
    assert_eq!(&S::from_json(expected).expect("Python's JSON reads"), settings, "{} reads Python's JSON", S::MODULE);
    assert!(S::describes(expected), "{} describes {expected}", S::MODULE);
    let config = ModuleConfig::from(settings.clone());
    assert_eq!(config.name, S::MODULE);
    assert_eq!(&config.settings::<S>().expect("this module").expect("valid settings"), settings);
}

/// The golden `{"vectorizer": {module: settings}}` entry of `vectorConfig`
/// is `settings` on a named vector of `source_properties` (which the named
/// vector writes as the module's `properties`).
fn check_vector<S: VectorizerModule>(settings: &S, source_properties: &[&str], golden: &Value) {
    let mut vector = NamedVectorConfig::new("v");
    vector.vectorizer = settings.clone().into();
    vector.source_properties = source_properties.iter().map(|p| (*p).to_owned()).collect();
    assert_eq!(json!({"vectorizer": vector.to_json()["vectorizer"]}), *golden, "{} as a named vector", S::MODULE);

    let mut module = golden["vectorizer"].clone();
    for inner in module.as_object_mut().expect("{module: settings}").values_mut() {
        inner.as_object_mut().expect("an object").remove("properties");
    }
    check(settings, &module);
}

const PROPERTIES: [&str; 2] = ["title", "body"];

#[test]
fn text2vec() {
    check_vector(
        &Text2VecOpenAi::default(),
        &[],
        &json!({"vectorizer": {"text2vec-openai": {"vectorizeClassName": true, "isAzure": false}}}),
    );
    check_vector(
        &Text2VecOpenAi {
            base_url: u("https://example.com/api"),
            dimensions: Some(256),
            endpoint: s("my-endpoint"),
            model: s("my-model"),
            model_version: s("002"),
            kind: s("text"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-openai": {"baseURL": "https://example.com/api", "dimensions": 256, "endpoint": "my-endpoint", "model": "my-model", "modelVersion": "002", "vectorizeClassName": false, "type": "text", "isAzure": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecAzureOpenAi { resource_name: s("res"), deployment_id: s("dep"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"text2vec-openai": {"resourceName": "res", "deploymentId": "dep", "vectorizeClassName": true, "isAzure": true}}}),
    );
    check_vector(
        &Text2VecAzureOpenAi {
            base_url: u("https://example.com/api"),
            resource_name: s("res"),
            deployment_id: s("dep"),
            dimensions: Some(256),
            model: s("my-model"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-openai": {"baseURL": "https://example.com/api", "resourceName": "res", "deploymentId": "dep", "vectorizeClassName": false, "dimensions": 256, "model": "my-model", "isAzure": true, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecCohere::default(),
        &[],
        &json!({"vectorizer": {"text2vec-cohere": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecCohere {
            base_url: u("https://example.com/api"),
            model: s("my-model"),
            dimensions: Some(256),
            truncate: s("END"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-cohere": {"baseURL": "https://example.com/api", "model": "my-model", "dimensions": 256, "truncate": "END", "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecVoyageAi::default(),
        &[],
        &json!({"vectorizer": {"text2vec-voyageai": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecVoyageAi {
            base_url: s("https://example.com/api"),
            dimensions: Some(256),
            model: s("my-model"),
            truncate: Some(true),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-voyageai": {"dimensions": 256, "model": "my-model", "baseURL": "https://example.com/api", "truncate": true, "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecJinaAi::default(),
        &[],
        &json!({"vectorizer": {"text2vec-jinaai": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecJinaAi {
            base_url: s("https://example.com/api"),
            dimensions: Some(256),
            model: s("my-model"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-jinaai": {"baseURL": "https://example.com/api", "dimensions": 256, "model": "my-model", "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecMistral::default(),
        &[],
        &json!({"vectorizer": {"text2vec-mistral": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecMistral {
            base_url: u("https://example.com/api"),
            model: s("my-model"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-mistral": {"model": "my-model", "vectorizeClassName": false, "baseURL": "https://example.com/api", "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecNvidia::default(),
        &[],
        &json!({"vectorizer": {"text2vec-nvidia": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecNvidia {
            base_url: s("https://example.com/api"),
            model: s("my-model"),
            truncate: Some(true),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-nvidia": {"model": "my-model", "baseURL": "https://example.com/api", "truncate": true, "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecGoogleVertex { project_id: s("proj"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"text2vec-palm": {"projectId": "proj", "vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecGoogleVertex {
            api_endpoint: s("api.example.com"),
            dimensions: Some(256),
            model: s("my-model"),
            project_id: s("proj"),
            title_property: s("title"),
            task_type: s("RETRIEVAL_DOCUMENT"),
            vectorize_collection_name: false,
            location: s("us-central1"),
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-palm": {"projectId": "proj", "apiEndpoint": "api.example.com", "dimensions": 256, "modelId": "my-model", "vectorizeClassName": false, "titleProperty": "title", "taskType": "RETRIEVAL_DOCUMENT", "location": "us-central1", "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecGoogleGemini::default(),
        &[],
        &json!({"vectorizer": {"text2vec-palm": {"apiEndpoint": "generativelanguage.googleapis.com", "vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecGoogleGemini {
            dimensions: Some(256),
            model: s("my-model"),
            title_property: s("title"),
            task_type: s("RETRIEVAL_DOCUMENT"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-palm": {"apiEndpoint": "generativelanguage.googleapis.com", "dimensions": 256, "modelId": "my-model", "vectorizeClassName": false, "titleProperty": "title", "taskType": "RETRIEVAL_DOCUMENT", "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecAwsBedrock { model: s("my-model"), region: s("us-east-1"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"text2vec-aws": {"model": "my-model", "region": "us-east-1", "service": "bedrock", "vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecAwsBedrock {
            model: s("my-model"),
            region: s("us-east-1"),
            dimensions: Some(256),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-aws": {"model": "my-model", "region": "us-east-1", "service": "bedrock", "dimensions": 256, "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecAwsSagemaker { endpoint: s("my-endpoint"), region: s("us-east-1"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"text2vec-aws": {"endpoint": "my-endpoint", "region": "us-east-1", "service": "sagemaker", "vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecAwsSagemaker {
            endpoint: s("my-endpoint"),
            region: s("us-east-1"),
            target_model: s("tm"),
            target_variant: s("tv"),
            dimensions: Some(256),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-aws": {"endpoint": "my-endpoint", "region": "us-east-1", "service": "sagemaker", "targetModel": "tm", "targetVariant": "tv", "dimensions": 256, "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecHuggingFace::default(),
        &[],
        &json!({"vectorizer": {"text2vec-huggingface": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecHuggingFace {
            // Python's `https://hf.example.com`, normalized.
            endpoint_url: u("https://hf.example.com/"),
            model: s("my-model"),
            passage_model: s("pm"),
            query_model: s("qm"),
            wait_for_model: Some(true),
            use_gpu: Some(false),
            use_cache: Some(true),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-huggingface": {"model": "my-model", "passageModel": "pm", "queryModel": "qm", "endpointURL": "https://hf.example.com/", "vectorizeClassName": false, "options": {"waitForModel": true, "useGPU": false, "useCache": true}, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecOllama::default(),
        &[],
        &json!({"vectorizer": {"text2vec-ollama": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecOllama {
            api_endpoint: s("api.example.com"),
            model: s("my-model"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-ollama": {"model": "my-model", "apiEndpoint": "api.example.com", "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecTransformers::default(),
        &[],
        &json!({"vectorizer": {"text2vec-transformers": {"poolingStrategy": "masked_mean", "vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecTransformers {
            dimensions: Some(256),
            inference_url: s("http://t2v:8080"),
            passage_inference_url: s("http://p:8080"),
            pooling_strategy: "cls".into(),
            query_inference_url: s("http://q:8080"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-transformers": {"poolingStrategy": "cls", "vectorizeClassName": false, "inferenceUrl": "http://t2v:8080", "passageInferenceUrl": "http://p:8080", "queryInferenceUrl": "http://q:8080", "dimensions": 256, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecWeaviate::default(),
        &[],
        &json!({"vectorizer": {"text2vec-weaviate": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecWeaviate {
            base_url: s("https://example.com/api"),
            dimensions: Some(256),
            model: s("my-model"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-weaviate": {"model": "my-model", "baseURL": "https://example.com/api", "vectorizeClassName": false, "dimensions": 256, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecModel2Vec::default(),
        &[],
        &json!({"vectorizer": {"text2vec-model2vec": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecModel2Vec {
            inference_url: s("http://t2v:8080"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-model2vec": {"vectorizeClassName": false, "inferenceUrl": "http://t2v:8080", "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecContextionary::default(),
        &[],
        &json!({"vectorizer": {"text2vec-contextionary": {"vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecContextionary { vectorize_collection_name: false, ..Default::default() },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-contextionary": {"vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    check_vector(
        &Text2VecDatabricks { endpoint: s("my-endpoint"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"text2vec-databricks": {"endpoint": "my-endpoint", "vectorizeClassName": true}}}),
    );
    check_vector(
        &Text2VecDatabricks {
            endpoint: s("my-endpoint"),
            instruction: s("instr"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &PROPERTIES,
        &json!({"vectorizer": {"text2vec-databricks": {"endpoint": "my-endpoint", "instruction": "instr", "vectorizeClassName": false, "properties": ["title", "body"]}}}),
    );

    // No Python helper: `Configure.Vectors.custom(module_name="text2vec-bigram")`.
    check_vector(&Text2VecBigram::default(), &[], &json!({"vectorizer": {"text2vec-bigram": {}}}));
    check_vector(
        &Text2VecBigram { vectorize_collection_name: Some(true), ..Default::default() },
        &["title"],
        &json!({"vectorizer": {"text2vec-bigram": {"vectorizeClassName": true, "properties": ["title"]}}}),
    );
}

/// `NamedVectors` and `Vectorizer` (legacy) forms that write what the
/// `Vectors` ones cannot: no `dimensions`, the older model key values.
#[test]
fn text2vec_other_python_families() {
    // named.text2vec_aws [min] (the deprecated generic function, bedrock by default).
    check_vector(
        &Text2VecAwsBedrock { region: s("us-east-1"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"text2vec-aws": {"region": "us-east-1", "service": "bedrock", "vectorizeClassName": true}}}),
    );
    // legacy.text2vec_google_aistudio [full].
    check(
        &Text2VecGoogleGemini {
            model: s("my-model-id"),
            title_property: s("title"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &json!({"text2vec-palm": {"apiEndpoint": "generativelanguage.googleapis.com", "modelId": "my-model-id", "vectorizeClassName": false, "titleProperty": "title"}}),
    );
    // legacy.text2vec_palm [full].
    check(
        &Text2VecGoogleVertex {
            project_id: s("proj"),
            api_endpoint: s("api.example.com"),
            model: s("my-model-id"),
            title_property: s("title"),
            vectorize_collection_name: false,
            ..Default::default()
        },
        &json!({"text2vec-palm": {"projectId": "proj", "apiEndpoint": "api.example.com", "modelId": "my-model-id", "vectorizeClassName": false, "titleProperty": "title"}}),
    );
}

/// A setting the typed form has no field for (here the deprecated
/// `text2vec_aws`'s `endpoint` with bedrock) is kept in `other` and written back.
#[test]
fn unknown_settings_are_kept() {
    let python = json!({"model": "my-model", "endpoint": "my-endpoint", "region": "us-east-1", "service": "bedrock", "dimensions": 256, "vectorizeClassName": false});
    let read = Text2VecAwsBedrock::from_json(&python).expect("valid settings");
    assert_eq!(read.model.as_deref(), Some("my-model"));
    assert_eq!(read.other, json!({"endpoint": "my-endpoint"}).as_object().cloned().expect("an object"));
    assert_eq!(read.to_json(), python);
}

#[test]
fn multi2vec() {
    let weights = json!({"imageFields": [0.7], "textFields": [0.3]});

    check_vector(&Multi2VecClip::default(), &[], &json!({"vectorizer": {"multi2vec-clip": {}}}));
    check_vector(
        &Multi2VecClip {
            inference_url: s("http://t2v:8080"),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-clip": {"imageFields": ["img"], "textFields": ["txt"], "inferenceUrl": "http://t2v:8080", "weights": weights}}}),
    );

    check_vector(&Multi2VecBind::default(), &[], &json!({"vectorizer": {"multi2vec-bind": {}}}));
    check_vector(
        &Multi2VecBind {
            audio_fields: list(&["aud"]),
            depth_fields: list(&["dep"]),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            imu_fields: list(&["imu"]),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            thermal_fields: list(&["th"]),
            video_fields: list(&["vid"]),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-bind": {"imageFields": ["img"], "textFields": ["txt"], "audioFields": ["aud"], "depthFields": ["dep"], "IMUFields": ["imu"], "thermalFields": ["th"], "videoFields": ["vid"], "weights": weights}}}),
    );

    check_vector(&Multi2VecCohere::default(), &[], &json!({"vectorizer": {"multi2vec-cohere": {}}}));
    check_vector(
        &Multi2VecCohere {
            base_url: u("https://example.com/api"),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            model: s("my-model"),
            dimensions: Some(256),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            truncate: s("END"),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-cohere": {"imageFields": ["img"], "textFields": ["txt"], "baseURL": "https://example.com/api", "model": "my-model", "dimensions": 256, "truncate": "END", "weights": weights}}}),
    );

    check_vector(
        &Multi2VecGoogleVertex { location: s("us-central1"), project_id: s("proj"), ..Default::default() },
        &[],
        &json!({"vectorizer": {"multi2vec-palm": {"projectId": "proj", "location": "us-central1"}}}),
    );
    check_vector(
        &Multi2VecGoogleVertex {
            dimensions: Some(256),
            audio_fields: list(&["aud"]),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            location: s("us-central1"),
            model: s("my-model"),
            project_id: s("proj"),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            video_fields: list(&["vid"]),
            video_interval_seconds: Some(5),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-palm": {"imageFields": ["img"], "textFields": ["txt"], "audioFields": ["aud"], "videoFields": ["vid"], "projectId": "proj", "location": "us-central1", "modelId": "my-model", "dimensions": 256, "videoIntervalSeconds": 5, "weights": weights}}}),
    );

    check_vector(
        &Multi2VecGoogleGemini::default(),
        &[],
        &json!({"vectorizer": {"multi2vec-palm": {"apiEndpoint": "generativelanguage.googleapis.com"}}}),
    );
    check_vector(
        &Multi2VecGoogleGemini {
            dimensions: Some(256),
            audio_fields: list(&["aud"]),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            model: s("my-model"),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            video_fields: list(&["vid"]),
            video_interval_seconds: Some(5),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-palm": {"imageFields": ["img"], "textFields": ["txt"], "audioFields": ["aud"], "videoFields": ["vid"], "apiEndpoint": "generativelanguage.googleapis.com", "modelId": "my-model", "dimensions": 256, "videoIntervalSeconds": 5, "weights": weights}}}),
    );

    check_vector(&Multi2VecJinaAi::default(), &[], &json!({"vectorizer": {"multi2vec-jinaai": {}}}));
    check_vector(
        &Multi2VecJinaAi {
            base_url: u("https://example.com/api"),
            dimensions: Some(256),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            model: s("my-model"),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-jinaai": {"imageFields": ["img"], "textFields": ["txt"], "baseURL": "https://example.com/api", "model": "my-model", "dimensions": 256, "weights": weights}}}),
    );

    check_vector(&Multi2VecNvidia::default(), &[], &json!({"vectorizer": {"multi2vec-nvidia": {}}}));
    check_vector(
        &Multi2VecNvidia {
            base_url: u("https://example.com/api"),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            model: s("my-model"),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            truncation: Some(true),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-nvidia": {"imageFields": ["img"], "textFields": ["txt"], "baseURL": "https://example.com/api", "model": "my-model", "truncation": true, "weights": weights}}}),
    );

    check_vector(&Multi2VecVoyageAi::default(), &[], &json!({"vectorizer": {"multi2vec-voyageai": {}}}));
    check_vector(
        &Multi2VecVoyageAi {
            base_url: u("https://example.com/api"),
            image_fields: list(&["img"]),
            image_weights: Some(vec![0.7]),
            model: s("my-model"),
            text_fields: list(&["txt"]),
            text_weights: Some(vec![0.3]),
            video_fields: list(&["vid"]),
            dimensions: Some(256),
            truncation: Some(true),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-voyageai": {"imageFields": ["img"], "textFields": ["txt"], "baseURL": "https://example.com/api", "model": "my-model", "truncation": true, "dimensions": 256, "videoFields": ["vid"], "weights": weights}}}),
    );

    // min and full are the same.
    check_vector(
        &Img2VecNeural { image_fields: list(&["img"]), ..Default::default() },
        &[],
        &json!({"vectorizer": {"img2vec-neural": {"imageFields": ["img"]}}}),
    );
    check_vector(
        &Ref2VecCentroid { reference_properties: list(&["ref"]), ..Default::default() },
        &[],
        &json!({"vectorizer": {"ref2vec-centroid": {"referenceProperties": ["ref"], "method": "mean"}}}),
    );
    check_vector(
        &Ref2VecCentroid { reference_properties: list(&["ref"]), method: "mean".into(), ..Default::default() },
        &[],
        &json!({"vectorizer": {"ref2vec-centroid": {"referenceProperties": ["ref"], "method": "mean"}}}),
    );
}

/// Python's edge cases: weights only for some fields, and an empty list.
#[test]
fn multi2vec_edge_cases() {
    // image_fields=[F("a", 0.5), F("b")], text_fields=["c", F("d", 0.25)]
    check_vector(
        &Multi2VecClip {
            image_fields: list(&["a", "b"]),
            image_weights: Some(vec![0.5]),
            text_fields: list(&["c", "d"]),
            text_weights: Some(vec![0.25]),
            ..Default::default()
        },
        &[],
        &json!({"vectorizer": {"multi2vec-clip": {"imageFields": ["a", "b"], "textFields": ["c", "d"], "weights": {"imageFields": [0.5], "textFields": [0.25]}}}}),
    );
    check_vector(
        &Multi2VecClip { image_fields: Some(Vec::new()), ..Default::default() },
        &[],
        &json!({"vectorizer": {"multi2vec-clip": {"imageFields": []}}}),
    );
}

#[test]
fn generative() {
    check(&GenerativeOpenAi::default(), &json!({"generative-openai": {}}));
    check(
        &GenerativeOpenAi {
            model: s("my-model"),
            frequency_penalty: Some(0.1),
            max_tokens: Some(100),
            presence_penalty: Some(0.2),
            temperature: Some(0.5),
            top_p: Some(0.9),
            base_url: u("https://example.com/api"),
            verbosity: s("low"),
            reasoning_effort: s("high"),
            ..Default::default()
        },
        &json!({"generative-openai": {"baseURL": "https://example.com/api", "frequencyPenalty": 0.1, "presencePenalty": 0.2, "maxTokens": 100, "temperature": 0.5, "topP": 0.9, "model": "my-model", "verbosity": "low", "reasoningEffort": "high"}}),
    );
    // Generative.openai(temperature=1): an int becomes a float.
    check(
        &GenerativeOpenAi { temperature: Some(1.0), ..Default::default() },
        &json!({"generative-openai": {"temperature": 1.0}}),
    );

    // azure_openai: the same module and type.
    check(
        &GenerativeOpenAi { resource_name: s("res"), deployment_id: s("dep"), ..Default::default() },
        &json!({"generative-openai": {"resourceName": "res", "deploymentId": "dep"}}),
    );
    check(
        &GenerativeOpenAi {
            resource_name: s("res"),
            deployment_id: s("dep"),
            frequency_penalty: Some(0.1),
            max_tokens: Some(100),
            presence_penalty: Some(0.2),
            temperature: Some(0.5),
            top_p: Some(0.9),
            base_url: u("https://example.com/api"),
            api_version: s("2024-02-01"),
            ..Default::default()
        },
        &json!({"generative-openai": {"baseURL": "https://example.com/api", "frequencyPenalty": 0.1, "presencePenalty": 0.2, "maxTokens": 100, "temperature": 0.5, "topP": 0.9, "resourceName": "res", "deploymentId": "dep", "apiVersion": "2024-02-01"}}),
    );

    check(&GenerativeAnthropic::default(), &json!({"generative-anthropic": {}}));
    check(
        &GenerativeAnthropic {
            model: s("my-model"),
            max_tokens: Some(100),
            stop_sequences: list(&["END"]),
            temperature: Some(0.5),
            top_k: Some(5),
            top_p: Some(0.9),
            base_url: s("https://example.com/api"),
            ..Default::default()
        },
        &json!({"generative-anthropic": {"model": "my-model", "maxTokens": 100, "stopSequences": ["END"], "temperature": 0.5, "topK": 5, "topP": 0.9, "baseURL": "https://example.com/api"}}),
    );

    check(&GenerativeCohere::default(), &json!({"generative-cohere": {}}));
    check(
        // Python's return_likelihoods="NONE" is dropped by Python itself.
        &GenerativeCohere {
            model: s("my-model"),
            k: Some(3),
            max_tokens: Some(100),
            stop_sequences: list(&["END"]),
            temperature: Some(0.5),
            base_url: u("https://example.com/api"),
            ..Default::default()
        },
        &json!({"generative-cohere": {"baseURL": "https://example.com/api", "k": 3, "model": "my-model", "maxTokens": 100, "stopSequences": ["END"], "temperature": 0.5}}),
    );

    check(&GenerativeMistral::default(), &json!({"generative-mistral": {}}));
    check(
        &GenerativeMistral {
            model: s("my-model"),
            temperature: Some(0.5),
            max_tokens: Some(100),
            base_url: s("https://example.com/api"),
            ..Default::default()
        },
        &json!({"generative-mistral": {"temperature": 0.5, "model": "my-model", "maxTokens": 100, "baseURL": "https://example.com/api"}}),
    );

    check(&GenerativeOllama::default(), &json!({"generative-ollama": {}}));
    check(
        &GenerativeOllama { api_endpoint: s("api.example.com"), model: s("my-model"), ..Default::default() },
        &json!({"generative-ollama": {"model": "my-model", "apiEndpoint": "api.example.com"}}),
    );

    check(
        &GenerativeAwsBedrock { model: s("my-model"), region: s("us-east-1"), ..Default::default() },
        &json!({"generative-aws": {"region": "us-east-1", "service": "bedrock", "model": "my-model"}}),
    );
    check(
        &GenerativeAwsBedrock {
            model: s("my-model"),
            region: s("us-east-1"),
            temperature: Some(0.5),
            max_tokens: Some(100),
            top_k: Some(5),
            top_p: Some(0.9),
            stop_sequences: list(&["END"]),
            ..Default::default()
        },
        &json!({"generative-aws": {"region": "us-east-1", "service": "bedrock", "model": "my-model", "temperature": 0.5, "topK": 5, "topP": 0.9, "stopSequences": ["END"], "maxTokens": 100}}),
    );
    // The deprecated Generative.aws() [min] writes its default region "".
    check(
        &GenerativeAwsBedrock { region: s(""), ..Default::default() },
        &json!({"generative-aws": {"region": "", "service": "bedrock"}}),
    );

    check(
        &GenerativeAwsSagemaker { region: s("us-east-1"), endpoint: s("my-endpoint"), ..Default::default() },
        &json!({"generative-aws": {"region": "us-east-1", "service": "sagemaker", "endpoint": "my-endpoint"}}),
    );
    check(
        &GenerativeAwsSagemaker {
            region: s("us-east-1"),
            endpoint: s("my-endpoint"),
            max_tokens: Some(100),
            target_model: s("tm"),
            target_variant: s("tv"),
            temperature: Some(0.5),
            top_k: Some(5),
            top_p: Some(0.9),
            stop_sequences: list(&["END"]),
            ..Default::default()
        },
        &json!({"generative-aws": {"region": "us-east-1", "service": "sagemaker", "endpoint": "my-endpoint", "temperature": 0.5, "targetModel": "tm", "targetVariant": "tv", "topK": 5, "topP": 0.9, "stopSequences": ["END"], "maxTokens": 100}}),
    );

    check(
        &GenerativeGoogleVertex { project_id: s("proj"), ..Default::default() },
        &json!({"generative-palm": {"projectId": "proj"}}),
    );
    check(
        &GenerativeGoogleVertex {
            project_id: s("proj"),
            api_endpoint: s("api.example.com"),
            region: s("us-east-1"),
            max_output_tokens: Some(123),
            model: s("my-model-id"),
            endpoint_id: s("eid"),
            temperature: Some(0.5),
            top_k: Some(5),
            top_p: Some(0.9),
            location: s("us-central1"),
            ..Default::default()
        },
        &json!({"generative-palm": {"apiEndpoint": "api.example.com", "endpointId": "eid", "region": "us-east-1", "location": "us-central1", "maxOutputTokens": 123, "modelId": "my-model-id", "projectId": "proj", "temperature": 0.5, "topK": 5, "topP": 0.9}}),
    );
    // The deprecated Generative.google(...) [full]: vertex without region, endpoint or location.
    check(
        &GenerativeGoogleVertex {
            project_id: s("proj"),
            api_endpoint: s("api.example.com"),
            max_output_tokens: Some(123),
            model: s("my-model-id"),
            temperature: Some(0.5),
            top_k: Some(5),
            top_p: Some(0.9),
            ..Default::default()
        },
        &json!({"generative-palm": {"apiEndpoint": "api.example.com", "maxOutputTokens": 123, "modelId": "my-model-id", "projectId": "proj", "temperature": 0.5, "topK": 5, "topP": 0.9}}),
    );

    check(&GenerativeGoogleGemini::default(), &json!({"generative-palm": {"projectId": ""}}));
    check(
        &GenerativeGoogleGemini {
            max_output_tokens: Some(123),
            model: s("my-model"),
            temperature: Some(0.5),
            top_k: Some(5),
            top_p: Some(0.9),
            ..Default::default()
        },
        &json!({"generative-palm": {"maxOutputTokens": 123, "modelId": "my-model", "projectId": "", "temperature": 0.5, "topK": 5, "topP": 0.9}}),
    );

    check(
        &GenerativeDatabricks { endpoint: s("https://db.example.com"), ..Default::default() },
        &json!({"generative-databricks": {"endpoint": "https://db.example.com"}}),
    );
    check(
        &GenerativeDatabricks {
            endpoint: s("https://db.example.com"),
            max_tokens: Some(100),
            temperature: Some(0.5),
            top_k: Some(5),
            top_p: Some(0.9),
            ..Default::default()
        },
        &json!({"generative-databricks": {"endpoint": "https://db.example.com", "maxTokens": 100, "temperature": 0.5, "topK": 5, "topP": 0.9}}),
    );

    check(&GenerativeFriendliAi::default(), &json!({"generative-friendliai": {}}));
    check(
        &GenerativeFriendliAi {
            base_url: s("https://example.com/api"),
            model: s("my-model"),
            temperature: Some(0.5),
            max_tokens: Some(100),
            ..Default::default()
        },
        &json!({"generative-friendliai": {"temperature": 0.5, "model": "my-model", "maxTokens": 100, "baseURL": "https://example.com/api"}}),
    );

    check(&GenerativeNvidia::default(), &json!({"generative-nvidia": {}}));
    check(
        &GenerativeNvidia {
            base_url: s("https://example.com/api"),
            model: s("my-model"),
            temperature: Some(0.5),
            max_tokens: Some(100),
            top_p: Some(0.9),
            ..Default::default()
        },
        &json!({"generative-nvidia": {"temperature": 0.5, "model": "my-model", "maxTokens": 100, "baseURL": "https://example.com/api", "topP": 0.9}}),
    );

    check(&GenerativeXai::default(), &json!({"generative-xai": {}}));
    check(
        &GenerativeXai {
            base_url: s("https://example.com/api"),
            model: s("my-model"),
            temperature: Some(0.5),
            max_tokens: Some(100),
            top_p: Some(0.9),
            ..Default::default()
        },
        &json!({"generative-xai": {"temperature": 0.5, "model": "my-model", "maxTokens": 100, "baseURL": "https://example.com/api", "topP": 0.9}}),
    );

    // No Python helper: `Configure.Generative.custom("generative-dummy")`.
    check(&GenerativeDummy::default(), &json!({"generative-dummy": {}}));
}

#[test]
fn reranker() {
    check(&RerankerCohere::default(), &json!({"reranker-cohere": {}}));
    check(
        &RerankerCohere { model: s("my-model"), base_url: u("https://example.com/api"), ..Default::default() },
        &json!({"reranker-cohere": {"model": "my-model", "baseURL": "https://example.com/api"}}),
    );
    check(&RerankerVoyageAi::default(), &json!({"reranker-voyageai": {}}));
    check(
        &RerankerVoyageAi { model: s("my-model"), ..Default::default() },
        &json!({"reranker-voyageai": {"model": "my-model"}}),
    );
    check(&RerankerJinaAi::default(), &json!({"reranker-jinaai": {}}));
    check(
        &RerankerJinaAi { model: s("my-model"), ..Default::default() },
        &json!({"reranker-jinaai": {"model": "my-model"}}),
    );
    check(&RerankerNvidia::default(), &json!({"reranker-nvidia": {}}));
    check(
        &RerankerNvidia { model: s("my-model"), base_url: u("https://example.com/api"), ..Default::default() },
        &json!({"reranker-nvidia": {"model": "my-model", "baseURL": "https://example.com/api"}}),
    );
    // Reranker.nvidia(base_url="http://x"), normalized by Python.
    check(
        &RerankerNvidia { base_url: u("http://x"), ..Default::default() },
        &json!({"reranker-nvidia": {"baseURL": "http://x/"}}),
    );
    check(&RerankerTransformers::default(), &json!({"reranker-transformers": {}}));
    // No Python helper: `Configure.Reranker.custom("reranker-dummy")`.
    check(&RerankerDummy::default(), &json!({"reranker-dummy": {}}));
}

/// The typed forms of one server module tell each other apart by their
/// fixed keys.
#[test]
fn forms_of_one_module() {
    // text2vec-openai: isAzure.
    let openai = Text2VecOpenAi::default().to_json();
    let azure =
        Text2VecAzureOpenAi { resource_name: s("res"), deployment_id: s("dep"), ..Default::default() }.to_json();
    assert!(Text2VecOpenAi::describes(&openai) && !Text2VecOpenAi::describes(&azure));
    assert!(Text2VecAzureOpenAi::describes(&azure) && !Text2VecAzureOpenAi::describes(&openai));
    // A server's settings without isAzure are OpenAI's.
    assert!(Text2VecOpenAi::describes(&json!({"model": "text-embedding-3-small"})));
    let module = ModuleConfig::with_config("text2vec-openai", azure);
    assert!(module.settings::<Text2VecOpenAi>().is_none());
    assert_eq!(
        module.settings::<Text2VecAzureOpenAi>().expect("Azure").expect("valid").resource_name.as_deref(),
        Some("res")
    );

    // text2vec-aws and generative-aws: service.
    let bedrock = Text2VecAwsBedrock { model: s("m"), region: s("r"), ..Default::default() }.to_json();
    let sagemaker = Text2VecAwsSagemaker { endpoint: s("e"), region: s("r"), ..Default::default() }.to_json();
    assert!(Text2VecAwsBedrock::describes(&bedrock) && !Text2VecAwsBedrock::describes(&sagemaker));
    assert!(Text2VecAwsSagemaker::describes(&sagemaker) && !Text2VecAwsSagemaker::describes(&bedrock));
    let bedrock = GenerativeAwsBedrock { model: s("m"), region: s("r"), ..Default::default() }.to_json();
    let sagemaker = GenerativeAwsSagemaker { endpoint: s("e"), region: s("r"), ..Default::default() }.to_json();
    assert!(GenerativeAwsBedrock::describes(&bedrock) && !GenerativeAwsBedrock::describes(&sagemaker));
    assert!(GenerativeAwsSagemaker::describes(&sagemaker) && !GenerativeAwsSagemaker::describes(&bedrock));
    // Settings without a service are neither (the server requires one).
    assert!(!GenerativeAwsBedrock::describes(&json!({"region": "r"})));

    // Google: Gemini has the fixed endpoint (or empty project), which Vertex
    // excludes, so each JSON is of exactly one form, read in either order.
    fn forms<V: ModuleSettings, G: ModuleSettings>(json: &Value) -> (bool, bool) {
        (V::describes(json), G::describes(json))
    }
    let (vertex, gemini) =
        (Text2VecGoogleVertex { project_id: s("p"), ..Default::default() }, Text2VecGoogleGemini::default());
    assert_eq!(forms::<Text2VecGoogleVertex, Text2VecGoogleGemini>(&vertex.to_json()), (true, false));
    assert_eq!(forms::<Text2VecGoogleVertex, Text2VecGoogleGemini>(&gemini.to_json()), (false, true));
    let vertex = Multi2VecGoogleVertex { project_id: s("p"), location: s("us-central1"), ..Default::default() };
    assert_eq!(forms::<Multi2VecGoogleVertex, Multi2VecGoogleGemini>(&vertex.to_json()), (true, false));
    let gemini = Multi2VecGoogleGemini::default().to_json();
    assert_eq!(forms::<Multi2VecGoogleVertex, Multi2VecGoogleGemini>(&gemini), (false, true));
    let vertex = GenerativeGoogleVertex { project_id: s("p"), ..Default::default() }.to_json();
    assert_eq!(forms::<GenerativeGoogleVertex, GenerativeGoogleGemini>(&vertex), (true, false));
    let gemini = GenerativeGoogleGemini::default().to_json();
    assert_eq!(forms::<GenerativeGoogleVertex, GenerativeGoogleGemini>(&gemini), (false, true));
    // Vertex settings without a project are not Gemini's ("" is not absent).
    assert_eq!(forms::<GenerativeGoogleVertex, GenerativeGoogleGemini>(&json!({"modelId": "m"})), (true, false));

    // Another module's settings are not these.
    assert!(ModuleConfig::new("text2vec-cohere").settings::<Text2VecOpenAi>().is_none());
}

/// The names the derive's attributes use.
#[test]
fn attribute_names() {
    assert_eq!(<text2vec_names::text2vec_google_vertex as ModuleSettings>::MODULE, "text2vec-palm");
    assert_eq!(Text2VecAwsSagemaker::ATTRIBUTE, "text2vec_aws_sagemaker");
    assert_eq!(<multi2vec_names::ref2vec_centroid as ModuleSettings>::MODULE, "ref2vec-centroid");
    assert_eq!(Img2VecNeural::ATTRIBUTE, "img2vec_neural");
    assert_eq!(<generative_names::google_gemini as ModuleSettings>::MODULE, "generative-palm");
    assert_eq!(GenerativeAwsBedrock::ATTRIBUTE, "aws_bedrock");
    assert_eq!(<reranker_names::voyageai as ModuleSettings>::MODULE, "reranker-voyageai");
}
