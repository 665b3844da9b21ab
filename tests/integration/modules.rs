//! The typed module settings (`weaviate_orm::schema::modules`) on a real
//! server, against the official Python client.
//!
//! One server of its own, with every module a collection can name loaded,
//! API-based ones included (`API_BASED_MODULES_DISABLED=false`): creating a
//! collection calls no provider, so no network and no API key is needed. For
//! each typed module, one case with realistic settings the server accepts is
//! created twice: `Rs<Case>` by us from the typed struct (a named vector `v`,
//! which reads `title` for the text vectorizers, or the collection's
//! generative or reranker module), and `Py<Case>` by Python
//! (`tests/python/modules.py`, one run for every case) with the same
//! settings. Then, for each case:
//!
//! - the module settings the server stores for both are equal
//!   (`vectorConfig.v.vectorizer`, and the `moduleConfig` entries of the
//!   generative and reranker modules; not the properties, where Python
//!   writes snake_case keys);
//! - ours reads back typed: `ModuleConfig::settings::<TheType>()` gives every
//!   setting the case set (the server may fill in others), and the other
//!   typed forms of the same server module (Bedrock and SageMaker, OpenAI
//!   and Azure, Vertex AI and Gemini) do not take it;
//! - the migration plan of the same config is up to date.
//!
//! Every mismatch of every case is reported at once.
//!
//! A generative or reranker case has, as Python writes it, a named vector
//! `default` without a vectorizer: the server checks those modules' settings
//! only in collections with named vectors, not in one with the legacy
//! `vectorizer: none`.
//!
//! The local inference modules whose container the server can do without at
//! start-up (`*_WAIT_FOR_STARTUP=false`: text2vec-transformers,
//! text2vec-model2vec, multi2vec-clip, reranker-transformers) are loaded
//! with an address that refuses connections, which creating a collection
//! never uses. The ones that need theirs at start-up (text2vec-contextionary,
//! multi2vec-bind, img2vec-neural) are not loaded: their JSON is checked
//! offline against Python's by `weaviate-orm/src/schema/modules/golden.rs`.
//!
//! URLs the Python client normalizes (`AnyHttpUrl`: a trailing `/` on an
//! empty path) are given here with a path, which it keeps as it is; the
//! typed settings write URLs as given.

use std::any::type_name;

use serde_json::{Map, Value, json};
use tokio::sync::OnceCell;
use weaviate_orm::WeaviateClient;
use weaviate_orm::embedded::{EmbeddedOptions, EmbeddedServer};
use weaviate_orm::schema::modules::*;
use weaviate_orm::schema::{CollectionConfig, DataType, ModuleConfig, NamedVectorConfig, PropertyConfig, Vectorizer};
use weaviate_orm_tests::python;

/// Every module a case uses. The Google modules go by their current names
/// (`ENABLE_MODULES` takes the legacy `*-palm` ones too).
const MODULES: &[&str] = &[
    "text2vec-openai",
    "text2vec-cohere",
    "text2vec-voyageai",
    "text2vec-jinaai",
    "text2vec-mistral",
    "text2vec-nvidia",
    "text2vec-google",
    "text2vec-aws",
    "text2vec-huggingface",
    "text2vec-ollama",
    "text2vec-weaviate",
    "text2vec-databricks",
    "text2vec-bigram",
    "text2vec-transformers",
    "text2vec-model2vec",
    "multi2vec-cohere",
    "multi2vec-voyageai",
    "multi2vec-jinaai",
    "multi2vec-google",
    "multi2vec-nvidia",
    "multi2vec-clip",
    "ref2vec-centroid",
    "generative-openai",
    "generative-anthropic",
    "generative-cohere",
    "generative-mistral",
    "generative-ollama",
    "generative-aws",
    "generative-google",
    "generative-databricks",
    "generative-friendliai",
    "generative-nvidia",
    "generative-xai",
    "generative-dummy",
    "reranker-cohere",
    "reranker-voyageai",
    "reranker-jinaai",
    "reranker-nvidia",
    "reranker-transformers",
    "reranker-dummy",
];

/// Where the local inference modules would find their containers: a port
/// that refuses connections, since creating a collection calls none.
const NO_CONTAINER: &str = "http://127.0.0.1:1";

/// The collection the `ref2vec-centroid` cases reference.
const TARGET: &str = "ModulesPaper";

/// This test's own server, with [`MODULES`].
async fn server() -> &'static EmbeddedServer {
    static SERVER: OnceCell<EmbeddedServer> = OnceCell::const_new();
    SERVER
        .get_or_init(|| async {
            let mut options =
                EmbeddedOptions::default().modules(MODULES.iter().copied()).env("API_BASED_MODULES_DISABLED", "false");
            for prefix in ["TRANSFORMERS", "MODEL2VEC", "CLIP", "RERANKER"] {
                options = options
                    .env(format!("{prefix}_INFERENCE_API"), NO_CONTAINER)
                    .env(format!("{prefix}_WAIT_FOR_STARTUP"), "false");
            }
            EmbeddedServer::start(options)
                .await
                .unwrap_or_else(|error| panic!("the modules server did not start: {error}"))
        })
        .await
}

/// Checks the typed settings a module of the server's schema reads back as.
type Check = Box<dyn Fn(&ModuleConfig) -> Result<(), String>>;

/// One module of a case: its settings in Rust and in Python.
struct Module {
    config: ModuleConfig,
    /// `{"fn": ..., "kwargs": {...}}` for `tests/python/modules.py`.
    python: Value,
    check: Check,
    /// The other typed forms of the same server module, which must not read it.
    unlike: Vec<Check>,
}

impl Module {
    /// Read back, the module is not `S`'s typed form (another of the same server module).
    fn unlike<S: ModuleSettings>(mut self) -> Self {
        self.unlike.push(Box::new(|read| match read.settings::<S>() {
            None => Ok(()),
            Some(_) => Err(format!("{} {} reads as {} too", read.name, read.config, short_name::<S>())),
        }));
        self
    }
}

fn module<S: ModuleSettings + 'static>(settings: S, function: &str, kwargs: Value) -> Module {
    Module {
        config: ModuleConfig::from(settings.clone()),
        python: json!({"fn": function, "kwargs": kwargs}),
        check: Box::new(move |read| typed(&settings, read)),
        unlike: Vec::new(),
    }
}

/// The named vector `v` of a case.
struct Vector {
    vectorizer: Vectorizer,
    source_properties: Vec<String>,
    module: Module,
}

impl Vector {
    fn unlike<S: ModuleSettings>(mut self) -> Self {
        self.module = self.module.unlike::<S>();
        self
    }
}

/// A text vectorizer reading `title`.
fn text2vec<S: VectorizerModule + 'static>(settings: S, function: &str, mut kwargs: Value) -> Vector {
    kwargs["source_properties"] = json!(["title"]);
    Vector {
        vectorizer: Vectorizer::from(settings.clone()),
        source_properties: vec!["title".into()],
        module: module(settings, function, kwargs),
    }
}

/// A vectorizer naming its properties in its own settings.
fn multi2vec<S: VectorizerModule + 'static>(settings: S, function: &str, kwargs: Value) -> Vector {
    Vector {
        vectorizer: Vectorizer::from(settings.clone()),
        source_properties: Vec::new(),
        module: module(settings, function, kwargs),
    }
}

fn generative<S: GenerativeModule + 'static>(settings: S, function: &str, kwargs: Value) -> Module {
    module(settings, function, kwargs)
}

fn reranker<S: RerankerModule + 'static>(settings: S, function: &str, kwargs: Value) -> Module {
    module(settings, function, kwargs)
}

/// One collection's modules, created as `Rs<name>` and `Py<name>`.
struct Case {
    name: &'static str,
    /// Name and type: a data type's name, or `ref:<collection>`.
    properties: &'static [(&'static str, &'static str)],
    vector: Option<Vector>,
    generative: Option<Module>,
    reranker: Option<Module>,
}

const TEXT: &[(&str, &str)] = &[("title", "text"), ("body", "text")];
const MEDIA: &[(&str, &str)] = &[("title", "text"), ("image", "blob")];
const VIDEO: &[(&str, &str)] = &[("title", "text"), ("image", "blob"), ("clip", "blob")];
const AV: &[(&str, &str)] = &[("title", "text"), ("image", "blob"), ("clip", "blob"), ("sound", "blob")];

impl Case {
    fn vector(name: &'static str, properties: &'static [(&'static str, &'static str)], vector: Vector) -> Self {
        Self { name, properties, vector: Some(vector), generative: None, reranker: None }
    }

    fn generative(name: &'static str, module: Module) -> Self {
        Self { name, properties: &[("title", "text")], vector: None, generative: Some(module), reranker: None }
    }

    fn reranker(name: &'static str, module: Module) -> Self {
        Self { name, properties: &[("title", "text")], vector: None, generative: None, reranker: Some(module) }
    }

    fn rust(&self) -> String {
        format!("Rs{}", self.name)
    }

    fn py(&self) -> String {
        format!("Py{}", self.name)
    }

    fn config(&self) -> CollectionConfig {
        let mut config = CollectionConfig::new(self.rust());
        config.properties =
            self.properties.iter().map(|(name, kind)| PropertyConfig::new(*name, data_type(kind))).collect();
        match &self.vector {
            Some(vector) => {
                let mut v = NamedVectorConfig::new("v");
                v.vectorizer = vector.vectorizer.clone();
                v.source_properties = vector.source_properties.clone();
                config.named_vectors.push(v);
            }
            // What Python writes without a vector: the server validates the
            // generative and reranker modules of named-vector collections
            // only, not of those with a legacy `vectorizer: none`.
            None => config.named_vectors.push(NamedVectorConfig::new("default")),
        }
        config.generative = self.generative.as_ref().map(|m| m.config.clone());
        config.reranker = self.reranker.as_ref().map(|m| m.config.clone());
        config
    }

    fn python(&self) -> Value {
        let spec = |m: &Option<Module>| m.as_ref().map_or(Value::Null, |m| m.python.clone());
        json!({
            "collection": self.py(),
            "properties": self.properties,
            "vectors": self.vector.as_ref().map_or(Value::Null, |v| v.module.python.clone()),
            "generative": spec(&self.generative),
            "reranker": spec(&self.reranker),
        })
    }
}

fn data_type(kind: &str) -> DataType {
    match kind.strip_prefix("ref:") {
        Some(target) => DataType::Reference(vec![target.to_owned()]),
        None => DataType::from_name(kind).unwrap_or_else(|| panic!("no data type {kind}")),
    }
}

fn s(value: &str) -> Option<String> {
    Some(value.to_owned())
}

fn u(value: &str) -> Option<HttpUrl> {
    Some(HttpUrl::new(value))
}

fn list(values: &[&str]) -> Option<Vec<String>> {
    Some(values.iter().map(|v| (*v).to_owned()).collect())
}

/// `json` with `over`'s keys set to `over`'s values (objects merged key by key).
fn overlay(json: Value, over: &Value) -> Value {
    match (json, over) {
        (Value::Object(mut base), Value::Object(over)) => {
            for (key, value) in over {
                let merged = overlay(base.remove(key).unwrap_or(Value::Null), value);
                base.insert(key.clone(), merged);
            }
            Value::Object(base)
        }
        (_, over) => over.clone(),
    }
}

/// The keys of `set` (nested ones dotted) whose value `read` does not have.
fn differences(set: &Value, read: &Value, path: &str, out: &mut Vec<String>) {
    match set {
        Value::Object(keys) if !keys.is_empty() => {
            for (key, value) in keys {
                let at = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                differences(value, read.get(key).unwrap_or(&Value::Null), &at, out);
            }
        }
        _ if set != read => out.push(format!("{path}: set {set}, read {read}")),
        _ => {}
    }
}

/// `S`'s name without its path, e.g. `Text2VecOpenAi`.
fn short_name<S>() -> &'static str {
    type_name::<S>().rsplit("::").next().unwrap_or_default()
}

/// `read` is `S`'s module, and its typed settings have every setting of `set`.
fn typed<S: ModuleSettings>(set: &S, read: &ModuleConfig) -> Result<(), String> {
    let kind = short_name::<S>();
    let read_settings = match read.settings::<S>() {
        None => return Err(format!("{} {} does not read as {kind}", read.name, read.config)),
        Some(Err(error)) => return Err(format!("{kind}: {error}")),
        Some(Ok(settings)) => settings,
    };
    // The settings read, with those the case set put back: equal when the
    // server kept every one.
    let expected =
        S::from_json(&overlay(read_settings.to_json(), &set.to_json())).map_err(|e| format!("{kind}: {e}"))?;
    if read_settings == expected {
        return Ok(());
    }
    let mut found = Vec::new();
    differences(&set.to_json(), &read_settings.to_json(), "", &mut found);
    Err(format!("{kind} read back as {read_settings:?}, not as set: {}", found.join("; ")))
}

/// The entries of a schema's `moduleConfig` whose name starts with `prefix`.
fn modules_of(schema: &Value, prefix: &str) -> Value {
    let entries = schema["moduleConfig"].as_object().into_iter().flatten();
    Value::Object(
        entries
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Map<_, _>>(),
    )
}

/// Every mismatch of one case: raw settings against Python's, typed settings against the case's.
async fn compare(client: &WeaviateClient, case: &Case, out: &mut Vec<String>) {
    let collections = client.collections();
    let (ours, theirs) = match (collections.config_json(&case.rust()).await, collections.config_json(&case.py()).await)
    {
        (Ok(ours), Ok(theirs)) => (ours, theirs),
        (ours, theirs) => {
            for (name, read) in [(case.rust(), ours), (case.py(), theirs)] {
                if let Err(error) = read {
                    out.push(format!("{}: reading {name}: {error}", case.name));
                }
            }
            return;
        }
    };
    let mut raw = vec![];
    if case.vector.is_some() {
        raw.push((
            "vectorConfig.v.vectorizer",
            ours["vectorConfig"]["v"]["vectorizer"].clone(),
            theirs["vectorConfig"]["v"]["vectorizer"].clone(),
        ));
    }
    if case.generative.is_some() {
        raw.push(("generative moduleConfig", modules_of(&ours, "generative-"), modules_of(&theirs, "generative-")));
    }
    if case.reranker.is_some() {
        raw.push(("reranker moduleConfig", modules_of(&ours, "reranker-"), modules_of(&theirs, "reranker-")));
    }
    for (what, ours, theirs) in raw {
        if ours != theirs {
            out.push(format!("{}: {what} differs from Python's:\n    ours:   {ours}\n    Python: {theirs}", case.name));
        }
    }

    let config = match collections.config(&case.rust()).await {
        Ok(config) => config,
        Err(error) => return out.push(format!("{}: reading {} typed: {error}", case.name, case.rust())),
    };
    let mut typed = Vec::new();
    if let Some(vector) = &case.vector {
        match config.named_vectors.iter().find(|v| v.name == "v") {
            Some(v) => {
                match &v.vectorizer {
                    Vectorizer::Module(read) => typed.push((&vector.module, read.clone())),
                    other => out.push(format!("{}: vector v has vectorizer {other:?}", case.name)),
                }
                if v.source_properties != vector.source_properties {
                    out.push(format!(
                        "{}: vector v reads {:?}, not {:?}",
                        case.name, v.source_properties, vector.source_properties
                    ));
                }
            }
            None => out.push(format!("{}: no named vector v in {:?}", case.name, config.named_vectors)),
        }
    }
    for (module, read, role) in
        [(&case.generative, &config.generative, "generative"), (&case.reranker, &config.reranker, "reranker")]
    {
        if let Some(module) = module {
            match read {
                Some(read) => typed.push((module, read.clone())),
                None => out.push(format!("{}: no {role} module read back", case.name)),
            }
        }
    }
    for (module, read) in typed {
        for check in std::iter::once(&module.check).chain(&module.unlike) {
            if let Err(mismatch) = check(&read) {
                out.push(format!("{}: {mismatch}", case.name));
            }
        }
    }
}

fn cases() -> Vec<Case> {
    vec![
        // Text vectorizers.
        Case::vector(
            "Text2VecOpenAi",
            TEXT,
            text2vec(
                Text2VecOpenAi {
                    // Without a path, and not lower-case: both clients write its normal form.
                    base_url: u("https://LLM-Gateway.example.com:443"),
                    dimensions: Some(1024),
                    endpoint: s("/v1/embeddings"),
                    model: s("text-embedding-3-large"),
                    kind: s("text"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_openai",
                json!({"base_url": "https://LLM-Gateway.example.com:443", "dimensions": 1024, "endpoint": "/v1/embeddings",
                       "model": "text-embedding-3-large", "type_": "text", "vectorize_collection_name": false}),
            )
            .unlike::<Text2VecAzureOpenAi>(),
        ),
        Case::vector(
            "Text2VecAzureOpenAi",
            TEXT,
            text2vec(
                Text2VecAzureOpenAi {
                    base_url: u("https://acme-search.openai.azure.com/openai"),
                    resource_name: s("acme-search"),
                    deployment_id: s("embeddings-3-small"),
                    dimensions: Some(1536),
                    model: s("text-embedding-3-small"),
                    ..Default::default()
                },
                "text2vec_azure_openai",
                json!({"base_url": "https://acme-search.openai.azure.com/openai", "resource_name": "acme-search",
                       "deployment_id": "embeddings-3-small", "dimensions": 1536, "model": "text-embedding-3-small"}),
            )
            .unlike::<Text2VecOpenAi>(),
        ),
        Case::vector(
            "Text2VecCohere",
            TEXT,
            text2vec(
                Text2VecCohere {
                    base_url: u("https://llm-gateway.example.com/cohere"),
                    model: s("embed-v4.0"),
                    dimensions: Some(1024),
                    truncate: s("END"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_cohere",
                json!({"base_url": "https://llm-gateway.example.com/cohere", "model": "embed-v4.0", "dimensions": 1024,
                       "truncate": "END", "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecVoyageAi",
            TEXT,
            text2vec(
                Text2VecVoyageAi {
                    dimensions: Some(1024),
                    model: s("voyage-3.5"),
                    base_url: s("https://api.voyageai.com/v1"),
                    truncate: Some(false),
                    ..Default::default()
                },
                "text2vec_voyageai",
                json!({"dimensions": 1024, "model": "voyage-3.5", "base_url": "https://api.voyageai.com/v1", "truncate": false}),
            ),
        ),
        Case::vector(
            "Text2VecJinaAi",
            TEXT,
            text2vec(
                Text2VecJinaAi {
                    base_url: s("https://api.jina.ai"),
                    dimensions: Some(512),
                    model: s("jina-embeddings-v3"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_jinaai",
                json!({"base_url": "https://api.jina.ai", "dimensions": 512, "model": "jina-embeddings-v3",
                       "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecMistral",
            TEXT,
            text2vec(
                Text2VecMistral {
                    model: s("mistral-embed"),
                    base_url: u("https://api.mistral.ai/v1"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_mistral",
                json!({"model": "mistral-embed", "base_url": "https://api.mistral.ai/v1", "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecNvidia",
            TEXT,
            text2vec(
                Text2VecNvidia {
                    model: s("nvidia/nv-embedqa-e5-v5"),
                    base_url: s("https://integrate.api.nvidia.com"),
                    truncate: Some(true),
                    ..Default::default()
                },
                "text2vec_nvidia",
                json!({"model": "nvidia/nv-embedqa-e5-v5", "base_url": "https://integrate.api.nvidia.com", "truncate": true}),
            ),
        ),
        Case::vector(
            "Text2VecGoogleVertex",
            TEXT,
            text2vec(
                Text2VecGoogleVertex {
                    project_id: s("acme-search"),
                    api_endpoint: s("europe-west4-aiplatform.googleapis.com"),
                    dimensions: Some(768),
                    model: s("gemini-embedding-001"),
                    title_property: s("title"),
                    task_type: s("QUESTION_ANSWERING"),
                    location: s("europe-west4"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_google_vertex",
                json!({"project_id": "acme-search", "api_endpoint": "europe-west4-aiplatform.googleapis.com", "dimensions": 768,
                       "model": "gemini-embedding-001", "title_property": "title", "task_type": "QUESTION_ANSWERING",
                       "location": "europe-west4", "vectorize_collection_name": false}),
            )
            .unlike::<Text2VecGoogleGemini>(),
        ),
        Case::vector(
            "Text2VecGoogleGemini",
            TEXT,
            text2vec(
                Text2VecGoogleGemini {
                    dimensions: Some(1536),
                    model: s("gemini-embedding-001"),
                    title_property: s("title"),
                    task_type: s("SEMANTIC_SIMILARITY"),
                    ..Default::default()
                },
                "text2vec_google_gemini",
                json!({"dimensions": 1536, "model": "gemini-embedding-001", "title_property": "title",
                       "task_type": "SEMANTIC_SIMILARITY"}),
            ),
        ),
        Case::vector(
            "Text2VecAwsBedrock",
            TEXT,
            text2vec(
                Text2VecAwsBedrock {
                    model: s("amazon.titan-embed-text-v2:0"),
                    region: s("eu-west-1"),
                    dimensions: Some(512),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_aws_bedrock",
                json!({"model": "amazon.titan-embed-text-v2:0", "region": "eu-west-1", "dimensions": 512,
                       "vectorize_collection_name": false}),
            )
            .unlike::<Text2VecAwsSagemaker>(),
        ),
        Case::vector(
            "Text2VecAwsSagemaker",
            TEXT,
            text2vec(
                Text2VecAwsSagemaker {
                    endpoint: s("acme-embeddings"),
                    region: s("us-east-1"),
                    target_model: s("bge-large-en-v1.5.tar.gz"),
                    target_variant: s("AllTraffic"),
                    dimensions: Some(1024),
                    ..Default::default()
                },
                "text2vec_aws_sagemaker",
                json!({"endpoint": "acme-embeddings", "region": "us-east-1", "target_model": "bge-large-en-v1.5.tar.gz",
                       "target_variant": "AllTraffic", "dimensions": 1024}),
            )
            .unlike::<Text2VecAwsBedrock>(),
        ),
        // Not `passage_model` and `query_model`: the server fills in its default
        // `model` first, then refuses `model` with `passageModel` (unless
        // `endpointURL` is set), from Python as from us.
        Case::vector(
            "Text2VecHuggingFace",
            TEXT,
            text2vec(
                Text2VecHuggingFace {
                    model: s("sentence-transformers/all-MiniLM-L6-v2"),
                    wait_for_model: Some(true),
                    use_gpu: Some(false),
                    use_cache: Some(true),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_huggingface",
                json!({"model": "sentence-transformers/all-MiniLM-L6-v2", "wait_for_model": true, "use_gpu": false,
                       "use_cache": true, "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecOllama",
            TEXT,
            text2vec(
                Text2VecOllama {
                    model: s("nomic-embed-text"),
                    api_endpoint: s("http://ollama.internal:11434"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_ollama",
                json!({"model": "nomic-embed-text", "api_endpoint": "http://ollama.internal:11434",
                       "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecWeaviate",
            TEXT,
            text2vec(
                Text2VecWeaviate {
                    model: s("Snowflake/snowflake-arctic-embed-m-v1.5"),
                    base_url: s("https://embeddings.example.weaviate.cloud"),
                    dimensions: Some(256),
                    ..Default::default()
                },
                "text2vec_weaviate",
                json!({"model": "Snowflake/snowflake-arctic-embed-m-v1.5", "base_url": "https://embeddings.example.weaviate.cloud",
                       "dimensions": 256}),
            ),
        ),
        Case::vector(
            "Text2VecDatabricks",
            TEXT,
            text2vec(
                Text2VecDatabricks {
                    endpoint: s(
                        "https://adb-1234567890123456.7.azuredatabricks.net/serving-endpoints/bge-large-en/invocations",
                    ),
                    instruction: s("Represent this sentence for searching relevant passages:"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_databricks",
                json!({"endpoint": "https://adb-1234567890123456.7.azuredatabricks.net/serving-endpoints/bge-large-en/invocations",
                       "instruction": "Represent this sentence for searching relevant passages:",
                       "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecTransformers",
            TEXT,
            text2vec(
                Text2VecTransformers {
                    pooling_strategy: "cls".into(),
                    passage_inference_url: s("http://t2v-passage:8080"),
                    query_inference_url: s("http://t2v-query:8080"),
                    dimensions: Some(384),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_transformers",
                json!({"pooling_strategy": "cls", "passage_inference_url": "http://t2v-passage:8080",
                       "query_inference_url": "http://t2v-query:8080", "dimensions": 384, "vectorize_collection_name": false}),
            ),
        ),
        Case::vector(
            "Text2VecModel2Vec",
            TEXT,
            text2vec(
                Text2VecModel2Vec {
                    inference_url: s("http://model2vec:8080"),
                    vectorize_collection_name: false,
                    ..Default::default()
                },
                "text2vec_model2vec",
                json!({"inference_url": "http://model2vec:8080", "vectorize_collection_name": false}),
            ),
        ),
        // Python has no helper for the bigram test module: `custom` writes its settings as given.
        Case::vector(
            "Text2VecBigram",
            TEXT,
            text2vec(
                Text2VecBigram { vectorize_collection_name: Some(false), ..Default::default() },
                "custom",
                json!({"module_name": "text2vec-bigram", "module_config": {"vectorizeClassName": false}}),
            ),
        ),
        // Media vectorizers, with weights.
        Case::vector(
            "Multi2VecCohere",
            MEDIA,
            multi2vec(
                Multi2VecCohere {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    base_url: u("https://llm-gateway.example.com/cohere"),
                    model: s("embed-v4.0"),
                    dimensions: Some(1024),
                    truncate: s("START"),
                    image_weights: Some(vec![0.7]),
                    text_weights: Some(vec![0.3]),
                    ..Default::default()
                },
                "multi2vec_cohere",
                json!({"image_fields": [{"name": "image", "weight": 0.7}], "text_fields": [{"name": "title", "weight": 0.3}],
                       "base_url": "https://llm-gateway.example.com/cohere", "model": "embed-v4.0", "dimensions": 1024,
                       "truncate": "START"}),
            ),
        ),
        Case::vector(
            "Multi2VecVoyageAi",
            VIDEO,
            multi2vec(
                Multi2VecVoyageAi {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    video_fields: list(&["clip"]),
                    base_url: u("https://api.voyageai.com/v1"),
                    model: s("voyage-multimodal-3.5"),
                    truncation: Some(true),
                    dimensions: Some(1024),
                    image_weights: Some(vec![0.5]),
                    text_weights: Some(vec![0.25]),
                    video_weights: Some(vec![0.25]),
                    ..Default::default()
                },
                "multi2vec_voyageai",
                json!({"image_fields": [{"name": "image", "weight": 0.5}], "text_fields": [{"name": "title", "weight": 0.25}],
                       "video_fields": [{"name": "clip", "weight": 0.25}], "base_url": "https://api.voyageai.com/v1",
                       "model": "voyage-multimodal-3.5", "truncation": true, "dimensions": 1024}),
            ),
        ),
        Case::vector(
            "Multi2VecJinaAi",
            MEDIA,
            multi2vec(
                Multi2VecJinaAi {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    base_url: u("https://api.jina.ai/v1"),
                    model: s("jina-clip-v2"),
                    dimensions: Some(512),
                    image_weights: Some(vec![0.6]),
                    text_weights: Some(vec![0.4]),
                    ..Default::default()
                },
                "multi2vec_jinaai",
                json!({"image_fields": [{"name": "image", "weight": 0.6}], "text_fields": [{"name": "title", "weight": 0.4}],
                       "base_url": "https://api.jina.ai/v1", "model": "jina-clip-v2", "dimensions": 512}),
            ),
        ),
        Case::vector(
            "Multi2VecGoogleVertex",
            VIDEO,
            multi2vec(
                Multi2VecGoogleVertex {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    video_fields: list(&["clip"]),
                    project_id: s("acme-search"),
                    location: s("us-central1"),
                    model: s("multimodalembedding@001"),
                    dimensions: Some(1408),
                    video_interval_seconds: Some(15),
                    image_weights: Some(vec![0.5]),
                    text_weights: Some(vec![0.3]),
                    video_weights: Some(vec![0.2]),
                    ..Default::default()
                },
                "multi2vec_google",
                json!({"image_fields": [{"name": "image", "weight": 0.5}], "text_fields": [{"name": "title", "weight": 0.3}],
                       "video_fields": [{"name": "clip", "weight": 0.2}], "project_id": "acme-search", "location": "us-central1",
                       "model": "multimodalembedding@001", "dimensions": 1408, "video_interval_seconds": 15}),
            )
            .unlike::<Multi2VecGoogleGemini>(),
        ),
        Case::vector(
            "Multi2VecGoogleGemini",
            AV,
            multi2vec(
                Multi2VecGoogleGemini {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    audio_fields: list(&["sound"]),
                    video_fields: list(&["clip"]),
                    model: s("gemini-embedding-2"),
                    dimensions: Some(768),
                    video_interval_seconds: Some(8),
                    image_weights: Some(vec![0.4]),
                    text_weights: Some(vec![0.3]),
                    audio_weights: Some(vec![0.1]),
                    video_weights: Some(vec![0.2]),
                    ..Default::default()
                },
                "multi2vec_google_gemini",
                json!({"image_fields": [{"name": "image", "weight": 0.4}], "text_fields": [{"name": "title", "weight": 0.3}],
                       "audio_fields": [{"name": "sound", "weight": 0.1}], "video_fields": [{"name": "clip", "weight": 0.2}],
                       "model": "gemini-embedding-2", "dimensions": 768, "video_interval_seconds": 8}),
            ),
        ),
        Case::vector(
            "Multi2VecNvidia",
            MEDIA,
            multi2vec(
                Multi2VecNvidia {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    base_url: u("https://integrate.api.nvidia.com/v1"),
                    model: s("nvidia/nvclip"),
                    truncation: Some(true),
                    image_weights: Some(vec![0.8]),
                    text_weights: Some(vec![0.2]),
                    ..Default::default()
                },
                "multi2vec_nvidia",
                json!({"image_fields": [{"name": "image", "weight": 0.8}], "text_fields": [{"name": "title", "weight": 0.2}],
                       "base_url": "https://integrate.api.nvidia.com/v1", "model": "nvidia/nvclip", "truncation": true}),
            ),
        ),
        Case::vector(
            "Multi2VecClip",
            MEDIA,
            multi2vec(
                Multi2VecClip {
                    image_fields: list(&["image"]),
                    text_fields: list(&["title"]),
                    inference_url: s("http://multi2vec-clip:8080"),
                    image_weights: Some(vec![0.9]),
                    text_weights: Some(vec![0.1]),
                    ..Default::default()
                },
                "multi2vec_clip",
                json!({"image_fields": [{"name": "image", "weight": 0.9}], "text_fields": [{"name": "title", "weight": 0.1}],
                       "inference_url": "http://multi2vec-clip:8080"}),
            ),
        ),
        Case::vector(
            "Ref2VecCentroid",
            &[("title", "text"), ("cites", "ref:ModulesPaper")],
            multi2vec(
                Ref2VecCentroid { reference_properties: list(&["cites"]), method: "mean".into(), ..Default::default() },
                "ref2vec_centroid",
                json!({"reference_properties": ["cites"], "method": "mean"}),
            ),
        ),
        // Generative modules. The server (v1.39.3) reads a number of a named-vector
        // collection's module settings as an integer (`json.Number.Int64`), so it
        // refuses every float setting it checks (temperature, topP, penalties)
        // of generative-openai, -google and -databricks, from Python as from us:
        // those cases leave them out.
        Case::generative(
            "GenerativeOpenAi",
            generative(
                GenerativeOpenAi {
                    base_url: u("https://llm-gateway.example.com/openai"),
                    max_tokens: Some(4096),
                    model: s("gpt-5-mini"),
                    verbosity: s("low"),
                    reasoning_effort: s("medium"),
                    ..Default::default()
                },
                "openai",
                json!({"base_url": "https://llm-gateway.example.com/openai", "max_tokens": 4096, "model": "gpt-5-mini",
                       "verbosity": "low", "reasoning_effort": "medium"}),
            ),
        ),
        Case::generative(
            "GenerativeAzureOpenAi",
            generative(
                GenerativeOpenAi {
                    base_url: u("https://acme-search.openai.azure.com/openai"),
                    resource_name: s("acme-search"),
                    deployment_id: s("gpt-4o-mini"),
                    api_version: s("2024-06-01"),
                    max_tokens: Some(2048),
                    ..Default::default()
                },
                "azure_openai",
                json!({"base_url": "https://acme-search.openai.azure.com/openai", "resource_name": "acme-search",
                       "deployment_id": "gpt-4o-mini", "api_version": "2024-06-01", "max_tokens": 2048}),
            ),
        ),
        Case::generative(
            "GenerativeAnthropic",
            generative(
                GenerativeAnthropic {
                    model: s("claude-haiku-4-5"),
                    max_tokens: Some(2048),
                    stop_sequences: list(&["\n\nHuman:", "END"]),
                    temperature: Some(0.4),
                    top_k: Some(40),
                    top_p: Some(0.9),
                    base_url: s("https://api.anthropic.com"),
                    ..Default::default()
                },
                "anthropic",
                json!({"model": "claude-haiku-4-5", "max_tokens": 2048, "stop_sequences": ["\n\nHuman:", "END"],
                       "temperature": 0.4, "top_k": 40, "top_p": 0.9, "base_url": "https://api.anthropic.com"}),
            ),
        ),
        Case::generative(
            "GenerativeCohere",
            generative(
                GenerativeCohere {
                    base_url: u("https://llm-gateway.example.com/cohere"),
                    k: Some(5),
                    model: s("command-a-03-2025"),
                    max_tokens: Some(800),
                    stop_sequences: list(&["END"]),
                    temperature: Some(0.5),
                    ..Default::default()
                },
                "cohere",
                json!({"base_url": "https://llm-gateway.example.com/cohere", "k": 5, "model": "command-a-03-2025",
                       "max_tokens": 800, "stop_sequences": ["END"], "temperature": 0.5}),
            ),
        ),
        Case::generative(
            "GenerativeMistral",
            generative(
                GenerativeMistral {
                    temperature: Some(0.7),
                    model: s("mistral-large-latest"),
                    max_tokens: Some(1000),
                    base_url: s("https://api.mistral.ai"),
                    ..Default::default()
                },
                "mistral",
                json!({"temperature": 0.7, "model": "mistral-large-latest", "max_tokens": 1000,
                       "base_url": "https://api.mistral.ai"}),
            ),
        ),
        Case::generative(
            "GenerativeOllama",
            generative(
                GenerativeOllama {
                    model: s("llama3.2"),
                    api_endpoint: s("http://ollama.internal:11434"),
                    ..Default::default()
                },
                "ollama",
                json!({"model": "llama3.2", "api_endpoint": "http://ollama.internal:11434"}),
            ),
        ),
        Case::generative(
            "GenerativeAwsBedrock",
            generative(
                GenerativeAwsBedrock {
                    region: s("us-east-1"),
                    model: s("anthropic.claude-3-5-haiku-20241022-v1:0"),
                    temperature: Some(0.5),
                    top_k: Some(50),
                    top_p: Some(0.9),
                    stop_sequences: list(&["END"]),
                    max_tokens: Some(2048),
                    ..Default::default()
                },
                "aws_bedrock",
                json!({"region": "us-east-1", "model": "anthropic.claude-3-5-haiku-20241022-v1:0", "temperature": 0.5,
                       "top_k": 50, "top_p": 0.9, "stop_sequences": ["END"], "max_tokens": 2048}),
            )
            .unlike::<GenerativeAwsSagemaker>(),
        ),
        Case::generative(
            "GenerativeAwsSagemaker",
            generative(
                GenerativeAwsSagemaker {
                    region: s("eu-central-1"),
                    endpoint: s("acme-llm"),
                    temperature: Some(0.6),
                    target_model: s("llama-3-8b.tar.gz"),
                    target_variant: s("AllTraffic"),
                    top_k: Some(20),
                    top_p: Some(0.8),
                    stop_sequences: list(&["</s>"]),
                    max_tokens: Some(512),
                    ..Default::default()
                },
                "aws_sagemaker",
                json!({"region": "eu-central-1", "endpoint": "acme-llm", "temperature": 0.6, "target_model": "llama-3-8b.tar.gz",
                       "target_variant": "AllTraffic", "top_k": 20, "top_p": 0.8, "stop_sequences": ["</s>"],
                       "max_tokens": 512}),
            )
            .unlike::<GenerativeAwsBedrock>(),
        ),
        Case::generative(
            "GenerativeGoogleVertex",
            generative(
                GenerativeGoogleVertex {
                    api_endpoint: s("europe-west4-aiplatform.googleapis.com"),
                    region: s("europe-west4"),
                    location: s("europe-west4"),
                    max_output_tokens: Some(2048),
                    model: s("gemini-2.0-flash"),
                    project_id: s("acme-rag"),
                    top_k: Some(40),
                    ..Default::default()
                },
                "google_vertex",
                json!({"api_endpoint": "europe-west4-aiplatform.googleapis.com", "region": "europe-west4",
                       "location": "europe-west4", "max_output_tokens": 2048, "model_id": "gemini-2.0-flash",
                       "project_id": "acme-rag", "top_k": 40}),
            )
            .unlike::<GenerativeGoogleGemini>(),
        ),
        Case::generative(
            "GenerativeGoogleGemini",
            generative(
                GenerativeGoogleGemini {
                    max_output_tokens: Some(1024),
                    model: s("gemini-2.5-flash"),
                    top_k: Some(32),
                    ..Default::default()
                },
                "google_gemini",
                json!({"max_output_tokens": 1024, "model": "gemini-2.5-flash", "top_k": 32}),
            ),
        ),
        Case::generative(
            "GenerativeDatabricks",
            generative(
                GenerativeDatabricks {
                    endpoint: s(
                        "https://adb-1234567890123456.7.azuredatabricks.net/serving-endpoints/llama-3-3-70b/invocations",
                    ),
                    max_tokens: Some(512),
                    top_k: Some(20),
                    ..Default::default()
                },
                "databricks",
                json!({"endpoint": "https://adb-1234567890123456.7.azuredatabricks.net/serving-endpoints/llama-3-3-70b/invocations",
                       "max_tokens": 512, "top_k": 20}),
            ),
        ),
        Case::generative(
            "GenerativeFriendliAi",
            generative(
                GenerativeFriendliAi {
                    temperature: Some(0.5),
                    model: s("meta-llama-3.1-8b-instruct"),
                    max_tokens: Some(1024),
                    base_url: s("https://inference.friendli.ai"),
                    ..Default::default()
                },
                "friendliai",
                json!({"temperature": 0.5, "model": "meta-llama-3.1-8b-instruct", "max_tokens": 1024,
                       "base_url": "https://inference.friendli.ai"}),
            ),
        ),
        Case::generative(
            "GenerativeNvidia",
            generative(
                GenerativeNvidia {
                    temperature: Some(0.3),
                    model: s("meta/llama-3.3-70b-instruct"),
                    max_tokens: Some(1024),
                    base_url: s("https://integrate.api.nvidia.com"),
                    top_p: Some(0.7),
                    ..Default::default()
                },
                "nvidia",
                json!({"temperature": 0.3, "model": "meta/llama-3.3-70b-instruct", "max_tokens": 1024,
                       "base_url": "https://integrate.api.nvidia.com", "top_p": 0.7}),
            ),
        ),
        Case::generative(
            "GenerativeXai",
            generative(
                GenerativeXai {
                    temperature: Some(0.6),
                    model: s("grok-3-mini"),
                    max_tokens: Some(2000),
                    base_url: s("https://api.x.ai"),
                    top_p: Some(0.85),
                    ..Default::default()
                },
                "xai",
                json!({"temperature": 0.6, "model": "grok-3-mini", "max_tokens": 2000, "base_url": "https://api.x.ai",
                       "top_p": 0.85}),
            ),
        ),
        // Python has no helper for the dummy modules: `custom` writes them.
        Case::generative(
            "GenerativeDummy",
            generative(GenerativeDummy::default(), "custom", json!({"module_name": "generative-dummy"})),
        ),
        // Rerankers.
        Case::reranker(
            "RerankerCohere",
            reranker(
                RerankerCohere {
                    model: s("rerank-v3.5"),
                    base_url: u("https://llm-gateway.example.com/cohere"),
                    ..Default::default()
                },
                "cohere",
                json!({"model": "rerank-v3.5", "base_url": "https://llm-gateway.example.com/cohere"}),
            ),
        ),
        Case::reranker(
            "RerankerVoyageAi",
            reranker(
                RerankerVoyageAi { model: s("rerank-2"), ..Default::default() },
                "voyageai",
                json!({"model": "rerank-2"}),
            ),
        ),
        Case::reranker(
            "RerankerJinaAi",
            reranker(
                RerankerJinaAi { model: s("jina-reranker-v2-base-multilingual"), ..Default::default() },
                "jinaai",
                json!({"model": "jina-reranker-v2-base-multilingual"}),
            ),
        ),
        Case::reranker(
            "RerankerNvidia",
            reranker(
                RerankerNvidia {
                    model: s("nvidia/llama-3.2-nv-rerankqa-1b-v2"),
                    base_url: u("https://ai.api.nvidia.com/v1"),
                    ..Default::default()
                },
                "nvidia",
                json!({"model": "nvidia/llama-3.2-nv-rerankqa-1b-v2", "base_url": "https://ai.api.nvidia.com/v1"}),
            ),
        ),
        Case::reranker("RerankerTransformers", reranker(RerankerTransformers::default(), "transformers", json!({}))),
        Case::reranker(
            "RerankerDummy",
            reranker(RerankerDummy::default(), "custom", json!({"module_name": "reranker-dummy"})),
        ),
    ]
}

#[tokio::test]
async fn typed_module_settings_are_what_python_writes_and_the_server_keeps() {
    let server = server().await;
    let client = server.client_builder().connect().await.expect("connect");
    let cases = cases();
    let mut mismatches = Vec::new();

    let mut target = CollectionConfig::new(TARGET);
    target.properties.push(PropertyConfig::new("title", DataType::Text));
    client.collections().create_from_config(&target).await.expect("the referenced collection");

    // Python creates its collections while we create ours.
    let input = Value::Array(cases.iter().map(Case::python).collect()).to_string();
    let args = [server.http_port().to_string(), server.grpc_port().to_string()];
    let python = tokio::task::spawn_blocking(move || python::run_script("modules.py", &args, &input));

    let configs: Vec<CollectionConfig> = cases.iter().map(Case::config).collect();
    for config in &configs {
        if let Err(error) = client.collections().create_from_config(config).await {
            mismatches.push(format!("{}: the server refuses ours: {error}\n    {}", config.name, config.to_json()));
        }
    }
    if let Err(error) = python.await.expect("the Python task") {
        mismatches.push(error);
    }

    for case in &cases {
        compare(&client, case, &mut mismatches).await;
    }

    let migrator = configs.iter().fold(client.migrator(), |migrator, config| migrator.config(config.clone()));
    match migrator.plan().await {
        Ok(plans) => mismatches
            .extend(plans.iter().filter(|plan| !plan.is_up_to_date()).map(|plan| format!("not up to date: {plan}"))),
        Err(error) => mismatches.push(format!("planning: {error}")),
    }

    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn the_typed_check_finds_changed_settings_and_allows_filled_in_ones() {
    let set = Text2VecHuggingFace { model: s("all-MiniLM-L6-v2"), wait_for_model: Some(true), ..Default::default() };
    let mut filled = ModuleConfig::from(set.clone());
    filled.config["useCache"] = json!(true);
    filled.config["options"]["useGPU"] = json!(false);
    assert_eq!(typed(&set, &filled), Ok(()));

    let mut changed = filled.clone();
    changed.config["options"]["waitForModel"] = json!(false);
    changed.config["model"] = json!("other");
    let error = typed(&set, &changed).expect_err("two settings changed");
    assert!(error.contains("options.waitForModel: set true, read false") && error.contains("model: set"), "{error}");
    assert!(typed(&set, &ModuleConfig::new("text2vec-openai")).is_err(), "another module");

    let bedrock = ModuleConfig::from(Text2VecAwsBedrock { region: s("eu-west-1"), ..Default::default() });
    let check = multi2vec(Text2VecAwsBedrock::default(), "", json!({})).unlike::<Text2VecAwsSagemaker>();
    assert!(check.module.unlike.iter().all(|unlike| unlike(&bedrock).is_ok()));
    let sagemaker = ModuleConfig::from(Text2VecAwsSagemaker::default());
    assert!(check.module.unlike.iter().all(|unlike| unlike(&sagemaker).is_err()));
}
