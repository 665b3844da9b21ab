//! [`GenerativeProvider`]: the provider that generates for one query, with
//! its settings, instead of the collection's generative module (as the
//! Python client's `generative_provider=`).

use weaviate_orm_proto::v1 as pb;
use weaviate_orm_proto::v1::generative_provider::Kind;

/// Declares the query-time settings of each provider: a struct whose fields
/// are the protobuf message's, each `None` leaving the provider's (or the
/// collection's) setting, and its variant of [`GenerativeProvider`].
macro_rules! providers {
    ($(
        $(#[$meta:meta])+
        $variant:ident($ty:ident => $message:ident, $kind:ident) {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)?
        }
    )*) => {
        /// The provider that generates for one query, and its settings.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum GenerativeProvider {
            $( $(#[$meta])+ $variant($ty), )*
        }

        $(
            $(#[$meta])+
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct $ty {
                $( $(#[$fmeta])* pub $field: Option<$fty>, )*
            }

            impl From<$ty> for GenerativeProvider {
                fn from(settings: $ty) -> Self {
                    Self::$variant(settings)
                }
            }
        )*

        impl GenerativeProvider {
            /// The provider as the request's `queries` entry.
            #[allow(clippy::needless_update)] // some messages have no other fields
            pub(crate) fn to_proto(&self) -> pb::GenerativeProvider {
                let kind = match self {
                    $( Self::$variant(settings) => {
                        let _ = settings; // the dummy provider has no settings
                        Kind::$kind(pb::$message {
                            $( $field: ProtoField::proto(&settings.$field), )*
                            ..Default::default()
                        })
                    } )*
                };
                pb::GenerativeProvider { return_metadata: false, kind: Some(kind) }
            }
        }
    };
}

/// A setting as its protobuf field.
trait ProtoField<T> {
    fn proto(&self) -> T;
}

impl<T: Clone> ProtoField<Option<T>> for Option<T> {
    fn proto(&self) -> Option<T> {
        self.clone()
    }
}

impl ProtoField<Option<pb::TextArray>> for Option<Vec<String>> {
    fn proto(&self) -> Option<pb::TextArray> {
        self.as_ref().map(|values| pb::TextArray { values: values.clone() })
    }
}

providers! {
    /// The server's dummy module, which echoes the prompt.
    Dummy(DummyProvider => GenerativeDummy, Dummy) {}

    /// OpenAI, or Azure OpenAI with `is_azure`, `resource_name` and `deployment_id`.
    OpenAi(OpenAiProvider => GenerativeOpenAi, Openai) {
        /// The model, e.g. `gpt-4o-mini`.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Nucleus sampling.
        top_p: f64,
        /// Penalizes repeated tokens.
        frequency_penalty: f64,
        /// Penalizes tokens already present.
        presence_penalty: f64,
        /// Answers per prompt.
        n: i64,
        /// Where the answer stops.
        stop: Vec<String>,
        /// Another OpenAI-compatible API.
        base_url: String,
        /// Azure: the API version.
        api_version: String,
        /// Azure: the resource.
        resource_name: String,
        /// Azure: the deployment.
        deployment_id: String,
        /// Whether this is Azure OpenAI.
        is_azure: bool,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }

    /// Anthropic's Claude models.
    Anthropic(AnthropicProvider => GenerativeAnthropic, Anthropic) {
        /// The model, e.g. `claude-haiku-4-5`.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Sampling from the `top_k` likeliest tokens.
        top_k: i64,
        /// Nucleus sampling.
        top_p: f64,
        /// Where the answer stops.
        stop_sequences: Vec<String>,
        /// Another Anthropic-compatible API.
        base_url: String,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }

    /// Cohere's models.
    Cohere(CohereProvider => GenerativeCohere, Cohere) {
        /// The model, e.g. `command-a-03-2025`.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Sampling from the `k` likeliest tokens.
        k: i64,
        /// Nucleus sampling.
        p: f64,
        /// Penalizes repeated tokens.
        frequency_penalty: f64,
        /// Penalizes tokens already present.
        presence_penalty: f64,
        /// Where the answer stops.
        stop_sequences: Vec<String>,
        /// Another Cohere-compatible API.
        base_url: String,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }

    /// Mistral's models.
    Mistral(MistralProvider => GenerativeMistral, Mistral) {
        /// The model, e.g. `mistral-large-latest`.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Nucleus sampling.
        top_p: f64,
        /// Another Mistral-compatible API.
        base_url: String,
    }

    /// A model served by Ollama.
    Ollama(OllamaProvider => GenerativeOllama, Ollama) {
        /// The model, e.g. `llama3`.
        model: String,
        /// Randomness.
        temperature: f64,
        /// The Ollama server, e.g. `http://localhost:11434`.
        api_endpoint: String,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }

    /// AWS Bedrock (`service = "bedrock"`) or SageMaker (`"sagemaker"`).
    Aws(AwsProvider => GenerativeAws, Aws) {
        /// `bedrock` or `sagemaker`.
        service: String,
        /// The AWS region.
        region: String,
        /// Bedrock: the model.
        model: String,
        /// SageMaker: the endpoint.
        endpoint: String,
        /// SageMaker: the target model.
        target_model: String,
        /// SageMaker: the target variant.
        target_variant: String,
        /// Randomness.
        temperature: f64,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Where the answer stops.
        stop_sequences: Vec<String>,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }

    /// Google: Vertex AI (`project_id`...) or the Gemini API.
    Google(GoogleProvider => GenerativeGoogle, Google) {
        /// The model, e.g. `gemini-2.5-flash`.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Sampling from the `top_k` likeliest tokens.
        top_k: i64,
        /// Nucleus sampling.
        top_p: f64,
        /// Penalizes repeated tokens.
        frequency_penalty: f64,
        /// Penalizes tokens already present.
        presence_penalty: f64,
        /// Where the answer stops.
        stop_sequences: Vec<String>,
        /// The API host, e.g. `generativelanguage.googleapis.com`.
        api_endpoint: String,
        /// Vertex AI: the project.
        project_id: String,
        /// Vertex AI: the endpoint.
        endpoint_id: String,
        /// Vertex AI: the region.
        region: String,
        /// Vertex AI: the location.
        location: String,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }

    /// A Databricks serving endpoint.
    Databricks(DatabricksProvider => GenerativeDatabricks, Databricks) {
        /// The serving endpoint's URL.
        endpoint: String,
        /// The model.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Nucleus sampling.
        top_p: f64,
        /// Penalizes repeated tokens.
        frequency_penalty: f64,
        /// Penalizes tokens already present.
        presence_penalty: f64,
        /// Answers per prompt.
        n: i64,
        /// Where the answer stops.
        stop: Vec<String>,
        /// Whether to return token log-probabilities.
        log_probs: bool,
        /// How many of the likeliest tokens' log-probabilities.
        top_log_probs: i64,
    }

    /// FriendliAI.
    FriendliAi(FriendliAiProvider => GenerativeFriendliAi, Friendliai) {
        /// The model.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Nucleus sampling.
        top_p: f64,
        /// Answers per prompt.
        n: i64,
        /// Another FriendliAI-compatible API.
        base_url: String,
    }

    /// NVIDIA NIM.
    Nvidia(NvidiaProvider => GenerativeNvidia, Nvidia) {
        /// The model.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Nucleus sampling.
        top_p: f64,
        /// Another NVIDIA-compatible API.
        base_url: String,
    }

    /// xAI's Grok models.
    Xai(XaiProvider => GenerativeXai, Xai) {
        /// The model, e.g. `grok-2-latest`.
        model: String,
        /// The longest answer, in tokens.
        max_tokens: i64,
        /// Randomness.
        temperature: f64,
        /// Nucleus sampling.
        top_p: f64,
        /// Another xAI-compatible API.
        base_url: String,
        /// Images sent with the prompt, base64-encoded.
        images: Vec<String>,
        /// Blob properties of each result whose images are sent with the prompt.
        image_properties: Vec<String>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_become_the_providers_message() {
        let provider: GenerativeProvider = OpenAiProvider {
            model: Some("gpt-4o-mini".into()),
            temperature: Some(0.2),
            stop: Some(vec!["END".into()]),
            ..Default::default()
        }
        .into();
        let Some(Kind::Openai(openai)) = provider.to_proto().kind else { panic!("an OpenAI message") };
        assert_eq!((openai.model.as_deref(), openai.temperature), (Some("gpt-4o-mini"), Some(0.2)));
        assert_eq!(openai.stop.map(|s| s.values), Some(vec!["END".to_owned()]));
        assert_eq!((openai.max_tokens, openai.is_azure), (None, None));
        let anthropic: GenerativeProvider = AnthropicProvider {
            images: Some(vec!["iVBORw0KGgo=".into()]),
            image_properties: Some(vec!["cover".into()]),
            ..Default::default()
        }
        .into();
        let Some(Kind::Anthropic(anthropic)) = anthropic.to_proto().kind else { panic!("an Anthropic message") };
        assert_eq!(anthropic.images.map(|i| i.values), Some(vec!["iVBORw0KGgo=".to_owned()]));
        assert_eq!(anthropic.image_properties.map(|i| i.values), Some(vec!["cover".to_owned()]));
        let dummy = GenerativeProvider::from(DummyProvider::default()).to_proto();
        assert!(matches!(dummy.kind, Some(Kind::Dummy(_))));
    }
}
