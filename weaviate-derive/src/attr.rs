//! Attribute receivers: what `#[weaviate(...)]` may say, parsed by darling.
//! No logic here; `model.rs` validates.

use darling::util::{Flag, Override, SpannedValue};
use darling::{FromDeriveInput, FromField, FromMeta};

/// `#[weaviate(...)]` on the struct.
#[derive(Debug, FromDeriveInput)]
#[darling(attributes(weaviate), supports(struct_named), forward_attrs(doc))]
pub(crate) struct CollectionAttrs {
    pub(crate) ident: syn::Ident,
    pub(crate) vis: syn::Visibility,
    pub(crate) generics: syn::Generics,
    pub(crate) data: darling::ast::Data<(), FieldAttrs>,
    pub(crate) attrs: Vec<syn::Attribute>,
    /// The collection name; defaults to the struct's name.
    #[darling(default)]
    pub(crate) name: Option<SpannedValue<String>>,
    /// The description, exactly; instead of the doc comment.
    #[darling(default)]
    pub(crate) description: Option<SpannedValue<String>>,
    /// Everything about vectors, indexes, modules and distribution.
    #[darling(flatten)]
    pub(crate) settings: SettingsAttrs,
}

/// The collection-level settings of `#[weaviate(...)]` on the struct.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct SettingsAttrs {
    /// A vectorizer module: typed, `text2vec_openai(model = "...")`, or by
    /// its server name, `"text2vec-bigram"`.
    #[darling(default)]
    pub(crate) vectorizer: Option<SpannedValue<ModuleAttr>>,
    /// The settings of a module given by name, as JSON.
    #[darling(default)]
    pub(crate) vectorizer_config: Option<SpannedValue<String>>,
    /// The default vector's index.
    #[darling(default)]
    pub(crate) vector_index: Option<SpannedValue<VectorIndexAttrs>>,
    /// Named vectors, one `named_vector(...)` each.
    #[darling(multiple, rename = "named_vector")]
    pub(crate) named_vectors: Vec<NamedVectorAttrs>,
    /// Keyword index settings.
    #[darling(default)]
    pub(crate) inverted_index: Option<InvertedIndexAttrs>,
    /// Multi-tenancy: `multi_tenancy` or `multi_tenancy(auto_tenant_creation, ...)`.
    #[darling(default)]
    pub(crate) multi_tenancy: Option<SpannedValue<Override<MultiTenancyAttrs>>>,
    #[darling(default)]
    pub(crate) replication: Option<ReplicationAttrs>,
    #[darling(default)]
    pub(crate) sharding: Option<SpannedValue<ShardingAttrs>>,
    /// A generative module: typed, `openai(model = "...")`, or by name with
    /// its settings as JSON.
    #[darling(default)]
    pub(crate) generative: Option<SpannedValue<ModuleAttr>>,
    #[darling(default)]
    pub(crate) generative_config: Option<SpannedValue<String>>,
    /// A reranker module: typed, `cohere(model = "...")`, or by name with
    /// its settings as JSON.
    #[darling(default)]
    pub(crate) reranker: Option<SpannedValue<ModuleAttr>>,
    #[darling(default)]
    pub(crate) reranker_config: Option<SpannedValue<String>>,
    /// Object time-to-live.
    #[darling(default)]
    pub(crate) object_ttl: Option<SpannedValue<ObjectTtlAttrs>>,
}

impl SettingsAttrs {
    /// The first setting given, for errors where none may be.
    pub(crate) fn first_given(&self) -> Option<&'static str> {
        [
            ("vectorizer", self.vectorizer.is_some() || self.vectorizer_config.is_some()),
            ("vector_index", self.vector_index.is_some()),
            ("named_vector", !self.named_vectors.is_empty()),
            ("inverted_index", self.inverted_index.is_some()),
            ("multi_tenancy", self.multi_tenancy.is_some()),
            ("replication", self.replication.is_some()),
            ("sharding", self.sharding.is_some()),
            ("generative", self.generative.is_some() || self.generative_config.is_some()),
            ("reranker", self.reranker.is_some() || self.reranker_config.is_some()),
            ("object_ttl", self.object_ttl.is_some()),
        ]
        .into_iter()
        .find_map(|(key, given)| given.then_some(key))
    }
}

/// A module setting: by the module's server name (`vectorizer =
/// "text2vec-bigram"`, settings as JSON in `*_config`), or typed
/// (`vectorizer(text2vec_openai(model = "..."))`), whose names, keys and
/// value types the compiler checks against the runtime's structs.
#[derive(Debug, Clone)]
pub(crate) enum ModuleAttr {
    Named(String),
    Typed(TypedModule),
}

/// `text2vec_openai(model = "...", dimensions = 512)`.
#[derive(Debug, Clone)]
pub(crate) struct TypedModule {
    /// The module as the attributes name it.
    pub(crate) module: syn::Ident,
    /// Its settings, key by key, each value as written.
    pub(crate) settings: Vec<(syn::Ident, syn::Expr)>,
}

impl FromMeta for ModuleAttr {
    fn from_string(value: &str) -> darling::Result<Self> {
        Ok(Self::Named(value.to_owned()))
    }

    fn from_list(items: &[darling::ast::NestedMeta]) -> darling::Result<Self> {
        let hint = "name one module, e.g. `vectorizer(text2vec_openai(model = \"text-embedding-3-small\"))`";
        let [darling::ast::NestedMeta::Meta(meta)] = items else {
            return Err(darling::Error::custom(hint));
        };
        let module = meta.path().get_ident().cloned().ok_or_else(|| darling::Error::custom(hint).with_span(meta))?;
        let settings = match meta {
            syn::Meta::Path(_) => Vec::new(),
            syn::Meta::List(list) => {
                let items = darling::ast::NestedMeta::parse_meta_list(list.tokens.clone())
                    .map_err(|e| darling::Error::custom(format!("{SETTINGS_HINT}: {e}")).with_span(list))?;
                SettingsList::from_list(&items)?.0
            }
            syn::Meta::NameValue(_) => {
                return Err(darling::Error::custom(format!("{hint}; the module takes its settings in parentheses"))
                    .with_span(meta));
            }
        };
        Ok(Self::Typed(TypedModule { module, settings }))
    }
}

const SETTINGS_HINT: &str = "settings are `key = value` pairs";

/// `key = value, ...`: settings the generated code assigns to the runtime
/// struct's fields of the same names, so that the compiler checks each key
/// and the type of each value, at them.
#[derive(Debug, Clone, Default)]
pub(crate) struct SettingsList(pub(crate) Vec<(syn::Ident, syn::Expr)>);

impl FromMeta for SettingsList {
    fn from_list(items: &[darling::ast::NestedMeta]) -> darling::Result<Self> {
        let mut errors = darling::Error::accumulator();
        let mut settings = Vec::new();
        for item in items {
            match item {
                darling::ast::NestedMeta::Meta(syn::Meta::NameValue(pair)) => match pair.path.get_ident() {
                    Some(key) => settings.push((key.clone(), pair.value.clone())),
                    None => errors.push(darling::Error::custom("a setting's name is one word").with_span(&pair.path)),
                },
                other => {
                    errors.push(darling::Error::custom(format!("{SETTINGS_HINT}, e.g. `ksim = 4`")).with_span(other))
                }
            }
        }
        errors.finish_with(Self(settings))
    }
}

/// `vector_index(...)`, on the struct or in `named_vector(...)`.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct VectorIndexAttrs {
    /// `"hnsw"`, `"flat"` or `"dynamic"`.
    pub(crate) kind: Option<SpannedValue<String>>,
    pub(crate) distance: Option<SpannedValue<String>>,
    /// `-1` (the server's default: dynamic) or a fixed size.
    pub(crate) ef: Option<Num<i32>>,
    pub(crate) ef_construction: Option<Num<u32>>,
    pub(crate) max_connections: Option<Num<u32>>,
    pub(crate) dynamic_ef_min: Option<Num<u32>>,
    pub(crate) dynamic_ef_max: Option<Num<u32>>,
    pub(crate) dynamic_ef_factor: Option<Num<u32>>,
    pub(crate) flat_search_cutoff: Option<Num<u32>>,
    pub(crate) vector_cache_max_objects: Option<Num<u64>>,
    pub(crate) dynamic_threshold: Option<Num<u64>>,
    /// `"pq"`, `"bq"`, `"sq"` or `"rq"`, or with options: `quantizer(rq(bits = 8))`.
    pub(crate) quantizer: Option<SpannedValue<ModuleAttr>>,
    /// A dynamic index's flat part.
    pub(crate) flat: Option<SpannedValue<FlatPartAttrs>>,
    /// MUVERA encoding of a multi-vector: `muvera(ksim = 4, dprojections = 16, repetitions = 10)`.
    pub(crate) muvera: Option<SpannedValue<SettingsList>>,
    /// `"maxSim"`.
    pub(crate) multi_vector_aggregation: Option<SpannedValue<String>>,
    pub(crate) cleanup_interval_seconds: Option<Num<u32>>,
    /// `"sweeping"` or `"acorn"`.
    pub(crate) filter_strategy: Option<SpannedValue<String>>,
    /// Store the vectors without building an index.
    pub(crate) skip: Option<Switch>,
}

/// `flat(...)` in a dynamic index's `vector_index(...)`.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct FlatPartAttrs {
    pub(crate) vector_cache_max_objects: Option<Num<u64>>,
    pub(crate) quantizer: Option<SpannedValue<ModuleAttr>>,
}

/// `named_vector(name = "...", ...)` on the struct.
#[derive(Debug, Clone, FromMeta)]
pub(crate) struct NamedVectorAttrs {
    pub(crate) name: SpannedValue<String>,
    #[darling(default)]
    pub(crate) vectorizer: Option<SpannedValue<ModuleAttr>>,
    #[darling(default)]
    pub(crate) vectorizer_config: Option<SpannedValue<String>>,
    /// The properties the vectorizer reads.
    #[darling(default)]
    pub(crate) source_properties: Option<Vec<syn::LitStr>>,
    #[darling(default)]
    pub(crate) index: Option<VectorIndexAttrs>,
}

/// `inverted_index(...)` on the struct.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct InvertedIndexAttrs {
    pub(crate) bm25_b: Option<Num<f32>>,
    pub(crate) bm25_k1: Option<Num<f32>>,
    /// `"en"` or `"none"`.
    pub(crate) stopwords_preset: Option<SpannedValue<String>>,
    #[darling(default)]
    pub(crate) stopwords_additions: Vec<syn::LitStr>,
    #[darling(default)]
    pub(crate) stopwords_removals: Vec<syn::LitStr>,
    pub(crate) index_null_state: Flag,
    pub(crate) index_property_length: Flag,
    pub(crate) index_timestamps: Flag,
    pub(crate) cleanup_interval_seconds: Option<Num<u32>>,
    /// Stop word lists by name: `stopword_presets(legal = ["hereby", "whereas"])`.
    #[darling(default)]
    pub(crate) stopword_presets: Option<SpannedValue<SettingsList>>,
}

/// `multi_tenancy(...)` on the struct.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct MultiTenancyAttrs {
    pub(crate) auto_tenant_creation: Flag,
    pub(crate) auto_tenant_activation: Flag,
}

/// `replication(...)` on the struct.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct ReplicationAttrs {
    pub(crate) factor: Option<Num<u32>>,
    pub(crate) async_enabled: Option<Switch>,
    /// `"NoAutomatedResolution"`, `"DeleteOnConflict"` or `"TimeBasedResolution"`.
    pub(crate) deletion_strategy: Option<SpannedValue<String>>,
    /// Tuning of async replication: `async_config(hashtree_height = 16, ...)`.
    #[darling(default)]
    pub(crate) async_config: Option<SpannedValue<SettingsList>>,
}

/// `object_ttl(...)` on the struct: one of `after_creation`, `after_update`
/// (seconds) or `date_property` (with an optional `offset` in seconds).
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct ObjectTtlAttrs {
    pub(crate) after_creation: Option<SpannedValue<Num<i64>>>,
    pub(crate) after_update: Option<SpannedValue<Num<i64>>>,
    pub(crate) date_property: Option<SpannedValue<String>>,
    pub(crate) offset: Option<SpannedValue<Num<i64>>>,
    pub(crate) filter_expired_objects: Option<Switch>,
}

/// `text_analyzer(...)` on a text field.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct TextAnalyzerAttrs {
    pub(crate) ascii_fold: Flag,
    #[darling(default)]
    pub(crate) ascii_fold_ignore: Option<SpannedValue<Vec<syn::LitStr>>>,
    pub(crate) stopword_preset: Option<SpannedValue<String>>,
}

/// `sharding(...)` on the struct.
#[derive(Debug, Clone, Default, FromMeta)]
pub(crate) struct ShardingAttrs {
    pub(crate) desired_count: Option<Num<u32>>,
    pub(crate) virtual_per_physical: Option<Num<u32>>,
    pub(crate) desired_virtual_count: Option<Num<u32>>,
}

/// `#[weaviate(...)]` on a field.
#[derive(Debug, FromField)]
#[darling(attributes(weaviate), forward_attrs(doc))]
pub(crate) struct FieldAttrs {
    pub(crate) ident: Option<syn::Ident>,
    pub(crate) vis: syn::Visibility,
    pub(crate) ty: syn::Type,
    pub(crate) attrs: Vec<syn::Attribute>,
    /// This `Uuid` field is the object's id, not a property.
    pub(crate) id: Flag,
    /// Not stored in Weaviate; filled with `Default::default()` on reads.
    pub(crate) skip: Flag,
    /// The property's name on the server.
    #[darling(default)]
    pub(crate) rename: Option<SpannedValue<String>>,
    /// The property's description, exactly; instead of the doc comment.
    #[darling(default)]
    pub(crate) description: Option<String>,
    /// Text tokenization.
    #[darling(default)]
    pub(crate) tokenization: Option<SpannedValue<String>>,
    #[darling(default)]
    pub(crate) index_filterable: Option<Switch>,
    #[darling(default)]
    pub(crate) index_searchable: Option<SpannedValue<Switch>>,
    #[darling(default)]
    pub(crate) index_range_filters: Option<SpannedValue<Switch>>,
    /// Leave this property out of the vectorizer's input.
    pub(crate) skip_vectorization: Flag,
    /// Put the property's name into the vectorizer's input.
    pub(crate) vectorize_property_name: Flag,
    /// How the text is analysed before it is indexed.
    #[darling(default)]
    pub(crate) text_analyzer: Option<SpannedValue<TextAnalyzerAttrs>>,
    /// This field holds a vector: `vector` (the default one) or `vector = "name"`.
    #[darling(default)]
    pub(crate) vector: Option<SpannedValue<Override<String>>>,
    /// This field is part of the object's deterministic id.
    pub(crate) key: Flag,
}

/// `#[weaviate(of = Collection)]` on a projection struct.
#[derive(Debug, FromDeriveInput)]
#[darling(attributes(weaviate), supports(struct_named))]
pub(crate) struct ProjectionAttrs {
    pub(crate) ident: syn::Ident,
    pub(crate) generics: syn::Generics,
    pub(crate) data: darling::ast::Data<(), ProjectionFieldAttrs>,
    /// The collection type this projects.
    pub(crate) of: syn::Path,
}

/// `#[weaviate(...)]` on a projection's field.
#[derive(Debug, FromField)]
#[darling(attributes(weaviate))]
pub(crate) struct ProjectionFieldAttrs {
    pub(crate) ident: Option<syn::Ident>,
    pub(crate) ty: syn::Type,
    /// This `Uuid` field receives the object's id.
    pub(crate) id: Flag,
}

/// A number written as a number (`= 8`, `= -1`, `= 1.2`), never quoted:
/// darling would also take `= "8"`, and take no negative literal at all.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num<T>(pub(crate) T);

impl<T: std::str::FromStr> FromMeta for Num<T> {
    fn from_expr(expr: &syn::Expr) -> darling::Result<Self> {
        let (negative, literal) = match expr {
            syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. }) => (true, expr.as_ref()),
            other => (false, other),
        };
        let digits = match literal {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) => int.base10_digits().to_owned(),
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Float(float), .. }) => float.base10_digits().to_owned(),
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => {
                let hint = text.value();
                return Err(darling::Error::custom(format!("expected a number without quotes, e.g. `= {hint}`"))
                    .with_span(expr));
            }
            _ => return Err(darling::Error::custom("expected a number, e.g. `= 8`").with_span(expr)),
        };
        let text = if negative { format!("-{digits}") } else { digits };
        text.parse().map(Self).map_err(|_| {
            darling::Error::custom(format!("`{text}` is out of range or of the wrong kind here")).with_span(expr)
        })
    }
}

impl<T: quote::ToTokens> quote::ToTokens for Num<T> {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        self.0.to_tokens(tokens);
    }
}

/// An on/off setting written `key = true` or `key = false`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Switch(pub(crate) bool);

impl FromMeta for Switch {
    fn from_bool(value: bool) -> darling::Result<Self> {
        Ok(Self(value))
    }

    fn from_string(value: &str) -> darling::Result<Self> {
        let hint = match value {
            "true" | "yes" | "on" => "true",
            _ => "false",
        };
        Err(darling::Error::custom(format!("expected `true` or `false` without quotes, e.g. `= {hint}`")))
    }
}
