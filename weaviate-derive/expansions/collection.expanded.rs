#[doc = "Typed handles on the properties of [`Clue`], for filters and sorting."]
#[allow(dead_code)]
struct ClueFields {
    #[doc = "The object's id."]
    id: ::weaviate_orm::query::Field<Clue, ::weaviate_orm::query::ObjectId>,
    #[doc = "The property `question`."]
    question: ::weaviate_orm::query::Field<Clue, String>,
    #[doc = "The property `solution`."]
    answer: ::weaviate_orm::query::Field<Clue, Option<String>>,
    #[doc = "The property `value`."]
    value: ::weaviate_orm::query::Field<Clue, i64>,
    #[doc = "The property `aired`."]
    aired: ::weaviate_orm::query::Field<Clue, Vec<DateTime<Utc>>>,
    #[doc = "The property `category`."]
    category: ::weaviate_orm::query::Field<Clue, Ref<Category>>,
    #[doc = "The property `place`."]
    place: ::weaviate_orm::query::Field<Clue, Place>,
}
#[automatically_derived]
impl Clue {
    #[doc = "Typed handles on the properties of `Clue`, for filters and sorting."]
    #[allow(dead_code)]
    const FIELDS: ClueFields = ClueFields {
        id: ::weaviate_orm::query::Field::new("_id"),
        question: ::weaviate_orm::query::Field::new("question"),
        answer: ::weaviate_orm::query::Field::new("solution"),
        value: ::weaviate_orm::query::Field::new("value"),
        aired: ::weaviate_orm::query::Field::new("aired"),
        category: ::weaviate_orm::query::Field::new("category"),
        place: ::weaviate_orm::query::Field::new("place"),
    };
}
#[doc = "Typed handles on the named vectors of [`Clue`], for vector searches."]
#[allow(dead_code, non_snake_case)]
struct ClueVectors {}
#[automatically_derived]
impl Clue {
    #[doc = "Typed handles on the named vectors of `Clue`, for vector searches."]
    #[allow(dead_code)]
    const VECTORS: ClueVectors = ClueVectors {};
}
const _: () = {
    use :: weaviate_orm as __w;
    #[automatically_derived]
    impl __w::WeaviateCollection for Clue {
        const NAME: &'static str = "Clue";
        const PROPERTY_NAMES: &'static [&'static str] =
            &["question", "solution", "value", "aired", "category", "place"];
        const VECTOR_NAMES: &'static [&'static str] = &[];
        fn config() -> __w::schema::CollectionConfig {
            let mut config = __w::schema::CollectionConfig::new("Clue");
            config.description = ::core::option::Option::Some(::std::string::String::from("A trivia clue."));
            config.properties = ::std::vec![
                {
                    let () = <String as __w::__private::TextAttribute>::FITS;
                    let mut property =
                        __w::schema::PropertyConfig::new("question", <String as __w::value::PropertyType>::data_type());
                    property.description =
                        ::core::option::Option::Some(::std::string::String::from("The question as read on air."));
                    property.tokenization = ::core::option::Option::Some(__w::schema::Tokenization::Lowercase);
                    property.index_filterable = ::core::option::Option::None;
                    property.index_searchable = ::core::option::Option::None;
                    property.index_range_filters = ::core::option::Option::None;
                    property.skip_vectorization = false;
                    property.vectorize_property_name = false;
                    property.text_analyzer = ::core::option::Option::None;
                    property
                },
                {
                    let mut property = __w::schema::PropertyConfig::new(
                        "solution",
                        <Option<String> as __w::value::PropertyType>::data_type(),
                    );
                    property.description = ::core::option::Option::None;
                    property.tokenization = ::core::option::Option::None;
                    property.index_filterable = ::core::option::Option::None;
                    property.index_searchable = ::core::option::Option::None;
                    property.index_range_filters = ::core::option::Option::None;
                    property.skip_vectorization = true;
                    property.vectorize_property_name = false;
                    property.text_analyzer = ::core::option::Option::None;
                    property
                },
                {
                    let () = <i64 as __w::__private::RangeAttribute>::FITS;
                    let mut property =
                        __w::schema::PropertyConfig::new("value", <i64 as __w::value::PropertyType>::data_type());
                    property.description = ::core::option::Option::None;
                    property.tokenization = ::core::option::Option::None;
                    property.index_filterable = ::core::option::Option::None;
                    property.index_searchable = ::core::option::Option::None;
                    property.index_range_filters = ::core::option::Option::Some(true);
                    property.skip_vectorization = false;
                    property.vectorize_property_name = false;
                    property.text_analyzer = ::core::option::Option::None;
                    property
                },
                {
                    let mut property = __w::schema::PropertyConfig::new(
                        "aired",
                        <Vec<DateTime<Utc>> as __w::value::PropertyType>::data_type(),
                    );
                    property.description = ::core::option::Option::None;
                    property.tokenization = ::core::option::Option::None;
                    property.index_filterable = ::core::option::Option::None;
                    property.index_searchable = ::core::option::Option::None;
                    property.index_range_filters = ::core::option::Option::None;
                    property.skip_vectorization = false;
                    property.vectorize_property_name = false;
                    property.text_analyzer = ::core::option::Option::None;
                    property
                },
                {
                    let mut property = __w::schema::PropertyConfig::new(
                        "category",
                        <Ref<Category> as __w::value::PropertyType>::data_type(),
                    );
                    property.description = ::core::option::Option::None;
                    property.tokenization = ::core::option::Option::None;
                    property.index_filterable = ::core::option::Option::None;
                    property.index_searchable = ::core::option::Option::None;
                    property.index_range_filters = ::core::option::Option::None;
                    property.skip_vectorization = false;
                    property.vectorize_property_name = false;
                    property.text_analyzer = ::core::option::Option::None;
                    property
                },
                {
                    let mut property =
                        __w::schema::PropertyConfig::new("place", <Place as __w::value::PropertyType>::data_type());
                    property.description = ::core::option::Option::None;
                    property.tokenization = ::core::option::Option::None;
                    property.index_filterable = ::core::option::Option::None;
                    property.index_searchable = ::core::option::Option::None;
                    property.index_range_filters = ::core::option::Option::None;
                    property.skip_vectorization = false;
                    property.vectorize_property_name = false;
                    property.text_analyzer = ::core::option::Option::None;
                    property
                }
            ];
            config.vectorizer = __w::schema::Vectorizer::Module(__w::schema::ModuleConfig::with_config(
                "text2vec-bigram",
                __w::__private::json("{}"),
            ));
            config.vector_index.distance = ::core::option::Option::Some(__w::schema::Distance::Dot);
            config.vector_index.quantizer = ::core::option::Option::None;
            config.vector_index.muvera = ::core::option::Option::None;
            config.vector_index.multi_vector_aggregation = ::core::option::Option::None;
            config.vector_index.ef = ::core::option::Option::Some(64i32);
            config.vector_index.ef_construction = ::core::option::Option::None;
            config.vector_index.max_connections = ::core::option::Option::None;
            config.vector_index.dynamic_ef_min = ::core::option::Option::None;
            config.vector_index.dynamic_ef_max = ::core::option::Option::None;
            config.vector_index.dynamic_ef_factor = ::core::option::Option::None;
            config.vector_index.flat_search_cutoff = ::core::option::Option::None;
            config.vector_index.vector_cache_max_objects = ::core::option::Option::None;
            config.vector_index.dynamic_threshold = ::core::option::Option::None;
            config.vector_index.cleanup_interval_seconds = ::core::option::Option::Some(600u32);
            config.vector_index.skip = ::core::option::Option::None;
            config.vector_index.filter_strategy = ::core::option::Option::Some(__w::schema::FilterStrategy::Acorn);
            let mut replication = __w::schema::ReplicationConfig::default();
            replication.factor = ::core::option::Option::Some(1u32);
            replication.async_enabled = ::core::option::Option::None;
            replication.deletion_strategy =
                ::core::option::Option::Some(__w::schema::DeletionStrategy::TimeBasedResolution);
            replication.async_config = ::core::option::Option::None;
            config.replication = ::core::option::Option::Some(replication);
            config.generative = ::core::option::Option::Some(__w::schema::ModuleConfig::with_config(
                "generative-dummy",
                __w::__private::json("{}"),
            ));
            config
        }
        fn object_id(&self) -> ::core::option::Option<__w::__private::Uuid> {
            ::core::option::Option::Some(<Uuid as __w::IdType>::to_uuid(&self.id))
        }
        fn to_properties(&self) -> ::std::vec::Vec<(&'static str, __w::value::PropertyValue)> {
            ::std::vec![
                ("question", <String as __w::value::PropertyType>::to_value(&self.question)),
                ("solution", <Option<String> as __w::value::PropertyType>::to_value(&self.answer)),
                ("value", <i64 as __w::value::PropertyType>::to_value(&self.value)),
                ("aired", <Vec<DateTime<Utc>> as __w::value::PropertyType>::to_value(&self.aired)),
                ("category", <Ref<Category> as __w::value::PropertyType>::to_value(&self.category)),
                ("place", <Place as __w::value::PropertyType>::to_value(&self.place))
            ]
        }
        #[allow(unused_variables)]
        fn write_properties(
            &self,
            out: &mut __w::value::PropertyWriter,
        ) -> ::core::result::Result<(), __w::PropertyError> {
            <String as __w::value::PropertyType>::write(&self.question, "question", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("question"), source })?;
            <Option<String> as __w::value::PropertyType>::write(&self.answer, "solution", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("solution"), source })?;
            <i64 as __w::value::PropertyType>::write(&self.value, "value", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("value"), source })?;
            <Vec<DateTime<Utc>> as __w::value::PropertyType>::write(&self.aired, "aired", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("aired"), source })?;
            <Ref<Category> as __w::value::PropertyType>::write(&self.category, "category", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("category"), source })?;
            <Place as __w::value::PropertyType>::write(&self.place, "place", out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from("place"), source })?;
            ::core::result::Result::Ok(())
        }
        fn vectors(&self) -> ::std::vec::Vec<(&'static str, __w::vector::Vector)> {
            #[allow(unused_mut)]
            let mut vectors = ::std::vec::Vec::new();
            vectors
        }
        fn from_properties(
            id: __w::__private::Uuid,
            mut properties: __w::PropertyBag,
        ) -> ::core::result::Result<Self, __w::PropertyError> {
            ::core::result::Result::Ok(Self {
                id: <Uuid as __w::IdType>::from_uuid(id),
                question: properties.take_at(0usize, "question", <String as __w::value::PropertyType>::from_value)?,
                answer: properties.take_at(
                    1usize,
                    "solution",
                    <Option<String> as __w::value::PropertyType>::from_value,
                )?,
                value: properties.take_at(2usize, "value", <i64 as __w::value::PropertyType>::from_value)?,
                aired: properties.take_at(
                    3usize,
                    "aired",
                    <Vec<DateTime<Utc>> as __w::value::PropertyType>::from_value,
                )?,
                category: properties.take_at(
                    4usize,
                    "category",
                    <Ref<Category> as __w::value::PropertyType>::from_value,
                )?,
                place: properties.take_at(5usize, "place", <Place as __w::value::PropertyType>::from_value)?,
                cached: ::core::default::Default::default(),
            })
        }
    }
    __w::__private::inventory::submit! { __w :: RegisteredCollection :: new (< Clue as __w :: WeaviateCollection > :: NAME , < Clue as __w :: WeaviateCollection > :: config ,) }
};
