//! The traits of every module's settings, and how they become and come
//! back from a [`ModuleConfig`].

use serde_json::Value;

use crate::schema::{ConfigParseError, ModuleConfig, Vectorizer};

/// The settings of one module.
pub trait ModuleSettings: Sized + Clone + std::fmt::Debug + Default + PartialEq {
    /// The module's name on the server, e.g. `text2vec-openai`.
    const MODULE: &'static str;
    /// Its name in the derive's attributes, e.g. `text2vec_openai`.
    const ATTRIBUTE: &'static str;
    /// The settings the server refuses the module without (as the Python
    /// client's required arguments), each with the derive's message when
    /// it is missing.
    const REQUIRED: &'static [(&'static str, &'static str)];

    /// Keys written with a fixed value (e.g. `isAzure`), which also tell
    /// apart the typed forms of one server module.
    fn fixed() -> Vec<(&'static str, Value)>;

    /// Key values that mark another typed form of the same server module
    /// (a Vertex form is not one whose endpoint is the Gemini API's).
    fn excluded() -> Vec<(&'static str, Value)>;

    /// The `moduleConfig` object of the module.
    fn to_json(&self) -> Value;

    /// Reads the module's `moduleConfig` object.
    fn from_json(json: &Value) -> Result<Self, ConfigParseError>;

    /// Whether `json`, the settings of a module named [`MODULE`](Self::MODULE),
    /// is of this typed form: every fixed key has its value (an absent key
    /// counts as `false`), and no excluded value is there.
    fn describes(json: &Value) -> bool {
        let fixed = Self::fixed().iter().all(|(key, value)| match json.get(*key) {
            Some(found) => found == value,
            None => value == &Value::Bool(false),
        });
        fixed && !Self::excluded().iter().any(|(key, value)| json.get(*key) == Some(value))
    }
}

impl ModuleConfig {
    /// The typed settings, when this is the module `S` describes.
    ///
    /// ```
    /// use weaviate_orm::schema::ModuleConfig;
    /// use weaviate_orm::schema::modules::GenerativeOpenAi;
    ///
    /// let module = ModuleConfig::from(GenerativeOpenAi { model: Some("gpt-4o".into()), ..Default::default() });
    /// let typed = module.settings::<GenerativeOpenAi>().expect("an OpenAI module").expect("valid settings");
    /// assert_eq!(typed.model.as_deref(), Some("gpt-4o"));
    /// ```
    pub fn settings<S: ModuleSettings>(&self) -> Option<Result<S, ConfigParseError>> {
        (self.name == S::MODULE && S::describes(&self.config)).then(|| S::from_json(&self.config))
    }
}

impl<S: ModuleSettings> From<S> for ModuleConfig {
    fn from(settings: S) -> Self {
        ModuleConfig::with_config(S::MODULE, settings.to_json())
    }
}

/// Settings of a vectorizer module: the collection's `vectorizer`, or a named vector's.
pub trait VectorizerModule: ModuleSettings {}

/// Settings of a generative module: the collection's `generative`.
pub trait GenerativeModule: ModuleSettings {}

/// Settings of a reranker module: the collection's `reranker`.
pub trait RerankerModule: ModuleSettings {}

impl<S: VectorizerModule> From<S> for Vectorizer {
    fn from(settings: S) -> Self {
        Vectorizer::Module(settings.into())
    }
}
