#[doc = "Typed handles on the properties of [`Article`], for filters and sorting."]
#[allow(dead_code)]
struct ArticleFields {
    #[doc = "The property `title`."]
    title: ::weaviate_orm::query::Field<Article, String>,
}
#[automatically_derived]
impl Article {
    #[doc = "Typed handles on the properties of `Article`, for filters and sorting."]
    #[allow(dead_code)]
    const FIELDS: ArticleFields = ArticleFields { title: ::weaviate_orm::query::Field::new("title") };
}
#[doc = "Typed handles on the named vectors of [`Article`], for vector searches."]
#[allow(dead_code, non_snake_case)]
struct ArticleVectors {}
#[automatically_derived]
impl Article {
    #[doc = "Typed handles on the named vectors of `Article`, for vector searches."]
    #[allow(dead_code)]
    const VECTORS: ArticleVectors = ArticleVectors {};
}
const _: () = {
    use :: weaviate_orm as __w;
    #[automatically_derived]
    impl __w::WeaviateCollection for Article {
        const NAME: &'static str = "Article";
        const PROPERTY_NAMES: &'static [&'static str] = &["title"];
        const VECTOR_NAMES: &'static [&'static str] = &[];
        fn config() -> __w::schema::CollectionConfig {
            let mut config = __w::schema::CollectionConfig::new("Article");
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
            config.vectorizer = __w::schema::Vectorizer::Module({
                use __w::__private::modules::vectorizer;
                const _: () = __w::__private::modules::require(
                    <vectorizer::text2vec_openai as __w::__private::modules::ModuleSettings>::REQUIRED,
                    &["model", "dimensions"],
                );
                __w::schema::ModuleConfig::from({
                    #[allow(unused_mut)]
                    let mut settings = <vectorizer::text2vec_openai as ::core::default::Default>::default();
                    __w::__private::modules::set(&mut settings.model, "text-embedding-3-small");
                    __w::__private::modules::set(&mut settings.dimensions, 512);
                    settings
                })
            });
            config.generative = ::core::option::Option::Some({
                use __w::__private::modules::generative;
                const _: () = __w::__private::modules::require(
                    <generative::openai as __w::__private::modules::ModuleSettings>::REQUIRED,
                    &["model", "temperature"],
                );
                __w::schema::ModuleConfig::from({
                    #[allow(unused_mut)]
                    let mut settings = <generative::openai as ::core::default::Default>::default();
                    __w::__private::modules::set(&mut settings.model, "gpt-4o-mini");
                    __w::__private::modules::set(&mut settings.temperature, 0.2);
                    settings
                })
            });
            config.reranker = ::core::option::Option::Some({
                use __w::__private::modules::reranker;
                const _: () = __w::__private::modules::require(
                    <reranker::dummy as __w::__private::modules::ModuleSettings>::REQUIRED,
                    &[],
                );
                __w::schema::ModuleConfig::from({
                    #[allow(unused_mut)]
                    let mut settings = <reranker::dummy as ::core::default::Default>::default();
                    settings
                })
            });
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
            vectors
        }
        fn from_properties(
            id: __w::__private::Uuid,
            mut properties: __w::PropertyBag,
        ) -> ::core::result::Result<Self, __w::PropertyError> {
            let _ = id;
            ::core::result::Result::Ok(Self {
                title: properties.take_at(0usize, "title", <String as __w::value::PropertyType>::from_value)?,
            })
        }
    }
    __w::__private::inventory::submit! { __w :: RegisteredCollection :: new (< Article as __w :: WeaviateCollection > :: NAME , < Article as __w :: WeaviateCollection > :: config ,) }
};
