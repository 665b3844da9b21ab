//! Collection-level settings as runtime values: vectorizer, vector indexes,
//! named vectors, inverted index, multi-tenancy, replication, sharding,
//! generative and reranker modules.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use crate::attr::{ModuleAttr, SettingsAttrs, TypedModule, VectorIndexAttrs};
use crate::model::VectorField;
use crate::names::{
    DELETION_STRATEGIES, DISTANCES, FILTER_STRATEGIES, INDEX_KINDS, MULTI_VECTOR_AGGREGATIONS, Names,
    QUANTIZER_CHOICES, QUANTIZERS, variant,
};

/// Statements that fill `config` from the struct-level attributes.
pub(crate) fn settings(s: &SettingsAttrs, vector_fields: &[VectorField]) -> TokenStream {
    let vectorizer = vectorizer(s.vectorizer.as_deref(), s.vectorizer_config.as_ref().map(|v| v.as_str()));
    let vector_index = s.vector_index.as_ref().map(|i| vector_index(i, quote!(config.vector_index)));
    let named = named_vectors(s, vector_fields);
    let inverted = s.inverted_index.as_ref().map(|i| {
        let (b, k1) = (option(i.bm25_b), option(i.bm25_k1));
        let preset = match &i.stopwords_preset {
            Some(p) => {
                let p = p.as_str();
                quote!(::core::option::Option::Some(::std::string::String::from(#p)))
            }
            None => quote!(::core::option::Option::None),
        };
        let additions = i.stopwords_additions.iter();
        let removals = i.stopwords_removals.iter();
        let flag = |f: &darling::util::Flag| {
            if f.is_present() {
                quote!(::core::option::Option::Some(true))
            } else {
                quote!(::core::option::Option::None)
            }
        };
        let (null, length, timestamps) =
            (flag(&i.index_null_state), flag(&i.index_property_length), flag(&i.index_timestamps));
        let cleanup = option(i.cleanup_interval_seconds);
        let presets = i.stopword_presets.iter().flat_map(|p| &p.0).map(|(name, words)| {
            let name = name.to_string();
            let words = string_list(words);
            quote!(config.inverted_index.stopword_presets.insert(::std::string::String::from(#name), ::std::vec![#(::std::string::String::from(#words)),*]);)
        });
        quote! {
            config.inverted_index.bm25_b = #b;
            config.inverted_index.bm25_k1 = #k1;
            config.inverted_index.stopwords_preset = #preset;
            config.inverted_index.stopwords_additions = ::std::vec![#(::std::string::String::from(#additions)),*];
            config.inverted_index.stopwords_removals = ::std::vec![#(::std::string::String::from(#removals)),*];
            config.inverted_index.index_null_state = #null;
            config.inverted_index.index_property_length = #length;
            config.inverted_index.index_timestamps = #timestamps;
            config.inverted_index.cleanup_interval_seconds = #cleanup;
            #(#presets)*
        }
    });
    let multi_tenancy = s.multi_tenancy.as_ref().map(|mt| {
        let attrs = mt.as_ref().clone().unwrap_or_default();
        let (creation, activation) =
            (attrs.auto_tenant_creation.is_present(), attrs.auto_tenant_activation.is_present());
        quote! {
            let mut multi_tenancy = __w::schema::MultiTenancyConfig::default();
            multi_tenancy.auto_tenant_creation = #creation;
            multi_tenancy.auto_tenant_activation = #activation;
            config.multi_tenancy = ::core::option::Option::Some(multi_tenancy);
        }
    });
    let replication = s.replication.as_ref().map(|r| {
        let (factor, async_enabled) = (option(r.factor), option(r.async_enabled.map(|s| s.0)));
        let deletion = enum_value(DELETION_STRATEGIES, quote!(DeletionStrategy), r.deletion_strategy.as_deref());
        let async_config =
            option(r.async_config.as_ref().map(|c| assigned(quote!(__w::schema::AsyncReplicationConfig), &c.0)));
        quote! {
            let mut replication = __w::schema::ReplicationConfig::default();
            replication.factor = #factor;
            replication.async_enabled = #async_enabled;
            replication.deletion_strategy = #deletion;
            replication.async_config = #async_config;
            config.replication = ::core::option::Option::Some(replication);
        }
    });
    let sharding = s.sharding.as_ref().map(|sh| {
        let (count, virtual_per_physical) = (option(sh.desired_count), option(sh.virtual_per_physical));
        let virtual_count = option(sh.desired_virtual_count);
        quote! {
            let mut sharding = __w::schema::ShardingConfig::default();
            sharding.desired_count = #count;
            sharding.virtual_per_physical = #virtual_per_physical;
            sharding.desired_virtual_count = #virtual_count;
            config.sharding = ::core::option::Option::Some(sharding);
        }
    });
    let generative = s.generative.as_ref().map(|g| {
        let module = module(g, s.generative_config.as_ref().map(|v| v.as_str()), Role::Generative);
        quote!(config.generative = ::core::option::Option::Some(#module);)
    });
    let reranker = s.reranker.as_ref().map(|r| {
        let module = module(r, s.reranker_config.as_ref().map(|v| v.as_str()), Role::Reranker);
        quote!(config.reranker = ::core::option::Option::Some(#module);)
    });
    let object_ttl = s.object_ttl.as_ref().map(|ttl| {
        let (start, seconds) = match (&ttl.after_creation, &ttl.after_update, &ttl.date_property) {
            (Some(seconds), ..) => (quote!(Creation), seconds.0),
            (_, Some(seconds), _) => (quote!(LastUpdate), seconds.0),
            (.., Some(property)) => {
                let property = property.as_str();
                (quote!(DateProperty(::std::string::String::from(#property))), ttl.offset.as_ref().map_or(0, |o| o.0))
            }
            _ => (quote!(Creation), 0),
        };
        let filter = option(ttl.filter_expired_objects.map(|f| f.0));
        quote! {
            let mut object_ttl = __w::schema::ObjectTtlConfig::new(__w::schema::TtlStart::#start, #seconds);
            object_ttl.filter_expired_objects = #filter;
            config.object_ttl = ::core::option::Option::Some(object_ttl);
        }
    });
    quote! {
        config.vectorizer = #vectorizer;
        #vector_index
        #named
        #inverted
        #multi_tenancy
        #replication
        #sharding
        #generative
        #reranker
        #object_ttl
    }
}

/// The text literals of a checked `["a", "b"]` list.
pub(crate) fn string_list(list: &syn::Expr) -> Vec<syn::LitStr> {
    let syn::Expr::Array(array) = list else { return Vec::new() };
    array
        .elems
        .iter()
        .filter_map(|e| match e {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The named vectors: those declared with `named_vector(...)`, then those
/// only held by a `#[weaviate(vector = "...")]` field (client-provided).
fn named_vectors(s: &SettingsAttrs, vector_fields: &[VectorField]) -> TokenStream {
    let mut out = Vec::new();
    for v in &s.named_vectors {
        let name = v.name.as_str();
        let vectorizer = vectorizer(v.vectorizer.as_deref(), v.vectorizer_config.as_ref().map(|v| v.as_str()));
        let sources = v.source_properties.iter().flatten();
        let index = v.index.as_ref().map(|i| vector_index(i, quote!(vector.index)));
        let multi = multi_vector(vector_fields, name, v.index.as_ref());
        out.push(quote! {{
            let mut vector = __w::schema::NamedVectorConfig::new(#name);
            vector.vectorizer = #vectorizer;
            vector.source_properties = ::std::vec![#(::std::string::String::from(#sources)),*];
            #index
            #multi
            config.named_vectors.push(vector);
        }});
    }
    for field in vector_fields {
        let name = &field.name;
        if name.is_empty() || s.named_vectors.iter().any(|v| v.name.as_str() == name) {
            continue;
        }
        let multi = multi_vector(vector_fields, name, None);
        out.push(quote! {{
            let mut vector = __w::schema::NamedVectorConfig::new(#name);
            #multi
            config.named_vectors.push(vector);
        }});
    }
    quote!(#(#out)*)
}

/// Turns on multi-vector indexing when the field holding `name` is a
/// multi-vector, and requires one where the index configures a multi-vector.
fn multi_vector(vector_fields: &[VectorField], name: &str, index: Option<&VectorIndexAttrs>) -> Option<TokenStream> {
    let field = vector_fields.iter().find(|f| f.name == name)?;
    let ty = &field.ty;
    let span = index.and_then(|i| {
        i.muvera.as_ref().map(|m| m.span()).or_else(|| i.multi_vector_aggregation.as_ref().map(|a| a.span()))
    });
    let check = span.map(|span| {
        let ty = super::config::respan(ty, span);
        quote_spanned!(span=> let () = <#ty as __w::__private::MultiVectorAttribute>::FITS;)
    });
    Some(quote! {
        #check
        vector.index.multi_vector = <#ty as __w::vector::VectorType>::MULTI;
    })
}

fn vector_index(i: &VectorIndexAttrs, place: TokenStream) -> TokenStream {
    let kind = i.kind.as_ref().and_then(|k| variant(INDEX_KINDS, k)).map(|k| {
        let k = format_ident!("{k}");
        quote!(#place.kind = __w::schema::VectorIndexKind::#k;)
    });
    let distance = match i.distance.as_ref().and_then(|d| variant(DISTANCES, d)) {
        Some(d) => {
            let d = format_ident!("{d}");
            quote!(::core::option::Option::Some(__w::schema::Distance::#d))
        }
        None => quote!(::core::option::Option::None),
    };
    let quantizer = option(i.quantizer.as_deref().map(quantizer));
    let flat = i.flat.as_ref().map(|flat| {
        let cache = option(flat.vector_cache_max_objects);
        let flat_quantizer = option(flat.quantizer.as_deref().map(self::quantizer));
        quote! {
            #place.dynamic_flat.vector_cache_max_objects = #cache;
            #place.dynamic_flat.quantizer = #flat_quantizer;
        }
    });
    let muvera = option(i.muvera.as_ref().map(|m| assigned(quote!(__w::schema::MuveraConfig), &m.0)));
    let aggregation =
        enum_value(MULTI_VECTOR_AGGREGATIONS, quote!(MultiVectorAggregation), i.multi_vector_aggregation.as_deref());
    let knobs = [
        ("ef", option(i.ef)),
        ("ef_construction", option(i.ef_construction)),
        ("max_connections", option(i.max_connections)),
        ("dynamic_ef_min", option(i.dynamic_ef_min)),
        ("dynamic_ef_max", option(i.dynamic_ef_max)),
        ("dynamic_ef_factor", option(i.dynamic_ef_factor)),
        ("flat_search_cutoff", option(i.flat_search_cutoff)),
        ("vector_cache_max_objects", option(i.vector_cache_max_objects)),
        ("dynamic_threshold", option(i.dynamic_threshold)),
        ("cleanup_interval_seconds", option(i.cleanup_interval_seconds)),
        ("skip", option(i.skip.map(|s| s.0))),
        ("filter_strategy", enum_value(FILTER_STRATEGIES, quote!(FilterStrategy), i.filter_strategy.as_deref())),
    ]
    .into_iter()
    .map(|(knob, value)| {
        let knob = quote::format_ident!("{knob}");
        quote!(#place.#knob = #value;)
    });
    quote! {
        #kind
        #place.distance = #distance;
        #place.quantizer = #quantizer;
        #flat
        #place.muvera = #muvera;
        #place.multi_vector_aggregation = #aggregation;
        #(#knobs)*
    }
}

/// A quantizer: by name with the server's defaults, or its options struct
/// with each option set (a name-valued option as its enum's variant).
fn quantizer(attr: &ModuleAttr) -> TokenStream {
    match attr {
        ModuleAttr::Named(name) => {
            let v = format_ident!("{}", variant(QUANTIZERS, name).unwrap_or("Pq"));
            quote!(__w::schema::Quantizer::#v(::core::default::Default::default()))
        }
        ModuleAttr::Typed(TypedModule { module, settings }) => {
            let settings: Vec<(syn::Ident, syn::Expr)> = settings
                .iter()
                .map(|(key, value)| {
                    let choice = QUANTIZER_CHOICES.iter().find(|(k, ..)| key == k);
                    let named = match (choice, value) {
                        (Some((_, names, ty)), syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. })) => {
                            variant(names, &text.value()).map(|v| {
                                let (ty, v) = (format_ident!("{ty}"), format_ident!("{v}"));
                                syn::parse_quote_spanned!(text.span()=> __w::schema::#ty::#v)
                            })
                        }
                        _ => None,
                    };
                    (key.clone(), named.unwrap_or_else(|| value.clone()))
                })
                .collect();
            let options = assigned(quote!(quantizers::#module), &settings);
            quote! {{
                use __w::__private::quantizers;
                __w::schema::Quantizer::from(#options)
            }}
        }
    }
}

/// A value of the settings struct `ty` with each of `settings` set by the
/// field of its name: the compiler checks the keys and the values' types, at them.
fn assigned(ty: TokenStream, settings: &[(syn::Ident, syn::Expr)]) -> TokenStream {
    let keys = settings.iter().map(|(key, _)| key);
    let values = settings.iter().map(|(_, value)| value);
    quote! {{
        #[allow(unused_mut)]
        let mut settings = <#ty as ::core::default::Default>::default();
        #(__w::__private::modules::set(&mut settings.#keys, #values);)*
        settings
    }}
}

/// What a module setting fills, and the name of the runtime module that
/// holds its typed modules by their attribute names.
#[derive(Clone, Copy)]
enum Role {
    Vectorizer,
    Generative,
    Reranker,
}

/// A vectorizer setting as a `Vectorizer`.
fn vectorizer(module_attr: Option<&ModuleAttr>, config: Option<&str>) -> TokenStream {
    match module_attr {
        None => quote!(__w::schema::Vectorizer::None),
        Some(attr) => {
            let module = module(attr, config, Role::Vectorizer);
            quote!(__w::schema::Vectorizer::Module(#module))
        }
    }
}

/// A module setting as a `ModuleConfig`. A typed module becomes the
/// runtime's settings struct with each key set from its value, both carrying
/// the user's tokens: an unknown module or key, or a value of the wrong type,
/// is a compile error at it (the field's type decides what a value must be).
fn module(attr: &ModuleAttr, config: Option<&str>, role: Role) -> TokenStream {
    match attr {
        ModuleAttr::Named(name) => {
            let config = config.unwrap_or("{}");
            quote!(__w::schema::ModuleConfig::with_config(#name, __w::__private::json(#config)))
        }
        ModuleAttr::Typed(TypedModule { module, settings }) => {
            let scope = match role {
                Role::Vectorizer => quote!(vectorizer),
                Role::Generative => quote!(generative),
                Role::Reranker => quote!(reranker),
            };
            // Named from a `use`, so that an unknown module is "not found in `vectorizer`".
            let given = settings.iter().map(|(key, _)| key.to_string());
            let required = quote_spanned! {module.span()=>
                const _: () = __w::__private::modules::require(
                    <#scope::#module as __w::__private::modules::ModuleSettings>::REQUIRED,
                    &[#(#given),*],
                );
            };
            let settings = assigned(quote!(#scope::#module), settings);
            quote! {{
                use __w::__private::modules::#scope;
                #required
                __w::schema::ModuleConfig::from(#settings)
            }}
        }
    }
}

/// `Some(schema::#ty::Variant)` for a checked name of `names`, else `None`.
fn enum_value(names: Names, ty: TokenStream, name: Option<&String>) -> TokenStream {
    match name.and_then(|n| variant(names, n)) {
        Some(v) => {
            let v = format_ident!("{v}");
            quote!(::core::option::Option::Some(__w::schema::#ty::#v))
        }
        None => quote!(::core::option::Option::None),
    }
}

pub(crate) fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}
