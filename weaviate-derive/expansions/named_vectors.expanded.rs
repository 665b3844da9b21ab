#[doc = "Typed handles on the properties of [`Passage`], for filters and sorting."]
#[allow(dead_code)]
struct PassageFields {
    #[doc = "The property `title`."]
    title: ::weaviate_orm::query::Field<Passage, String>,
}
#[automatically_derived]
impl Passage {
    #[doc = "Typed handles on the properties of `Passage`, for filters and sorting."]
    #[allow(dead_code)]
    const FIELDS: PassageFields = PassageFields { title: ::weaviate_orm::query::Field::new("title") };
}
#[doc = "Typed handles on the named vectors of [`Passage`], for vector searches."]
#[allow(dead_code, non_snake_case)]
struct PassageVectors {
    #[doc = "The named vector `title`."]
    pub title: ::weaviate_orm::query::VectorName<Passage, ::weaviate_orm::vector::SingleVector>,
    #[doc = "The named vector `tokens`."]
    pub tokens:
        ::weaviate_orm::query::VectorName<Passage, <Option<Vec<Vec<f32>>> as ::weaviate_orm::vector::VectorType>::Kind>,
    #[doc = "The named vector `embedding`."]
    pub embedding: ::weaviate_orm::query::VectorName<Passage, <Vec<f32> as ::weaviate_orm::vector::VectorType>::Kind>,
}
#[automatically_derived]
impl Passage {
    #[doc = "Typed handles on the named vectors of `Passage`, for vector searches."]
    #[allow(dead_code)]
    const VECTORS: PassageVectors = PassageVectors {
        title: ::weaviate_orm::query::VectorName::new("title"),
        tokens: ::weaviate_orm::query::VectorName::new("tokens"),
        embedding: ::weaviate_orm::query::VectorName::new("embedding"),
    };
}
const _: () = {
    use :: weaviate_orm as __w;
    #[automatically_derived]
    impl __w::WeaviateCollection for Passage {
        const NAME: &'static str = "Passage";
        const PROPERTY_NAMES: &'static [&'static str] = &["title"];
        const VECTOR_NAMES: &'static [&'static str] = &["embedding", "tokens"];
        fn config() -> __w::schema::CollectionConfig {
            let mut config = __w::schema::CollectionConfig::new("Passage");
            config.description = ::core::option::Option::None;
            config.properties = ::std::vec![{
                let mut property =
                    __w::schema::PropertyConfig::new("title", <String as __w::value::PropertyType>::data_type());
                property.description = ::core::option::Option::None;
                property.tokenization = ::core::option::Option::None;
                property.index_filterable = ::core::option::Option::None;
                property.index_searchable = ::core::option::Option::None;
                property.index_range_filters = ::core::option::Option::None;
                property.skip_vectorization = false;
                property.vectorize_property_name = false;
                property.text_analyzer = ::core::option::Option::None;
                property
            }];
            config.vectorizer = __w::schema::Vectorizer::None;
            {
                let mut vector = __w::schema::NamedVectorConfig::new("title");
                vector.vectorizer = __w::schema::Vectorizer::Module(__w::schema::ModuleConfig::with_config(
                    "text2vec-bigram",
                    __w::__private::json("{}"),
                ));
                vector.source_properties = ::std::vec![::std::string::String::from("title")];
                vector.index.distance = ::core::option::Option::None;
                vector.index.quantizer = ::core::option::Option::Some({
                    use __w::__private::quantizers;
                    __w::schema::Quantizer::from({
                        #[allow(unused_mut)]
                        let mut settings = <quantizers::pq as ::core::default::Default>::default();
                        __w::__private::modules::set(&mut settings.segments, 8);
                        __w::__private::modules::set(&mut settings.encoder_type, __w::schema::PqEncoderType::Tile);
                        settings
                    })
                });
                vector.index.muvera = ::core::option::Option::None;
                vector.index.multi_vector_aggregation = ::core::option::Option::None;
                vector.index.ef = ::core::option::Option::None;
                vector.index.ef_construction = ::core::option::Option::None;
                vector.index.max_connections = ::core::option::Option::None;
                vector.index.dynamic_ef_min = ::core::option::Option::None;
                vector.index.dynamic_ef_max = ::core::option::Option::None;
                vector.index.dynamic_ef_factor = ::core::option::Option::None;
                vector.index.flat_search_cutoff = ::core::option::Option::None;
                vector.index.vector_cache_max_objects = ::core::option::Option::None;
                vector.index.dynamic_threshold = ::core::option::Option::None;
                vector.index.cleanup_interval_seconds = ::core::option::Option::None;
                vector.index.skip = ::core::option::Option::None;
                vector.index.filter_strategy = ::core::option::Option::None;
                config.named_vectors.push(vector);
            }
            {
                let mut vector = __w::schema::NamedVectorConfig::new("tokens");
                vector.vectorizer = __w::schema::Vectorizer::None;
                vector.source_properties = ::std::vec![];
                vector.index.distance = ::core::option::Option::Some(__w::schema::Distance::Cosine);
                vector.index.quantizer = ::core::option::Option::None;
                vector.index.muvera = ::core::option::Option::Some({
                    #[allow(unused_mut)]
                    let mut settings = <__w::schema::MuveraConfig as ::core::default::Default>::default();
                    __w::__private::modules::set(&mut settings.ksim, 4);
                    settings
                });
                vector.index.multi_vector_aggregation = ::core::option::Option::None;
                vector.index.ef = ::core::option::Option::None;
                vector.index.ef_construction = ::core::option::Option::None;
                vector.index.max_connections = ::core::option::Option::None;
                vector.index.dynamic_ef_min = ::core::option::Option::None;
                vector.index.dynamic_ef_max = ::core::option::Option::None;
                vector.index.dynamic_ef_factor = ::core::option::Option::None;
                vector.index.flat_search_cutoff = ::core::option::Option::None;
                vector.index.vector_cache_max_objects = ::core::option::Option::None;
                vector.index.dynamic_threshold = ::core::option::Option::None;
                vector.index.cleanup_interval_seconds = ::core::option::Option::None;
                vector.index.skip = ::core::option::Option::None;
                vector.index.filter_strategy = ::core::option::Option::None;
                let () = <Option<Vec<Vec<f32>>> as __w::__private::MultiVectorAttribute>::FITS;
                vector.index.multi_vector = <Option<Vec<Vec<f32>>> as __w::vector::VectorType>::MULTI;
                config.named_vectors.push(vector);
            }
            {
                let mut vector = __w::schema::NamedVectorConfig::new("embedding");
                vector.index.multi_vector = <Vec<f32> as __w::vector::VectorType>::MULTI;
                config.named_vectors.push(vector);
            }
            let mut multi_tenancy = __w::schema::MultiTenancyConfig::default();
            multi_tenancy.auto_tenant_creation = true;
            multi_tenancy.auto_tenant_activation = false;
            config.multi_tenancy = ::core::option::Option::Some(multi_tenancy);
            config
        }
        fn object_id(&self) -> ::core::option::Option<__w::__private::Uuid> {
            ::core::option::Option::None
        }
        fn to_properties(&self) -> ::std::vec::Vec<(&'static str, __w::value::PropertyValue)> {
            ::std::vec![("title", <String as __w::value::PropertyType>::to_value(&self.title))]
        }
        #[allow(unused_variables)]
        fn write_properties(
            &self,
            out: &mut __w::value::PropertyWriter,
        ) -> ::core::result::Result<(), __w::PropertyError> {
            <String as __w::value::PropertyType>::write(&self.title, "title", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("title"), source })?;
            ::core::result::Result::Ok(())
        }
        fn vectors(&self) -> ::std::vec::Vec<(&'static str, __w::vector::Vector)> {
            #[allow(unused_mut)]
            let mut vectors = ::std::vec::Vec::new();
            if let ::core::option::Option::Some(vector) =
                <Vec<f32> as __w::vector::VectorType>::to_vector(&self.embedding)
            {
                vectors.push(("embedding", vector));
            }
            if let ::core::option::Option::Some(vector) =
                <Option<Vec<Vec<f32>>> as __w::vector::VectorType>::to_vector(&self.tokens)
            {
                vectors.push(("tokens", vector));
            }
            vectors
        }
        fn from_properties(
            id: __w::__private::Uuid,
            mut properties: __w::PropertyBag,
        ) -> ::core::result::Result<Self, __w::PropertyError> {
            let _ = id;
            ::core::result::Result::Ok(Self {
                title: properties.take_at(0usize, "title", <String as __w::value::PropertyType>::from_value)?,
                embedding: properties
                    .take_vector_with("embedding", <Vec<f32> as __w::vector::VectorType>::from_vector)?,
                tokens: properties
                    .take_vector_with("tokens", <Option<Vec<Vec<f32>>> as __w::vector::VectorType>::from_vector)?,
            })
        }
    }
    __w::__private::inventory::submit! { __w :: RegisteredCollection :: new (< Passage as __w :: WeaviateCollection > :: NAME , < Passage as __w :: WeaviateCollection > :: config ,) }
};
