const _: () = {
    use :: weaviate_orm as __w;
    #[automatically_derived]
    impl __w::value::PropertyType for Place {
        fn data_type() -> __w::schema::DataType {
            __w::schema::DataType::Object(::std::vec![
                {
                    let mut property =
                        __w::schema::PropertyConfig::new("city", <String as __w::value::PropertyType>::data_type());
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
                        "zipCode",
                        <Option<String> as __w::value::PropertyType>::data_type(),
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
                }
            ])
        }
        fn to_value(&self) -> __w::value::PropertyValue {
            __w::value::PropertyValue::Object(::std::vec![
                (::std::string::String::from("city"), <String as __w::value::PropertyType>::to_value(&self.city)),
                (
                    ::std::string::String::from("zipCode"),
                    <Option<String> as __w::value::PropertyType>::to_value(&self.zip)
                )
            ])
        }
        fn from_value(value: __w::value::PropertyValue) -> ::core::result::Result<Self, __w::value::ValueError> {
            let mut bag = <Self as __w::value::ObjectArray>::object_bag(value)?;
            ::core::result::Result::Ok(Self {
                city: bag
                    .take_with("city", <String as __w::value::PropertyType>::from_value)
                    .map_err(__w::value::ValueError::nested)?,
                zip: bag
                    .take_with("zipCode", <Option<String> as __w::value::PropertyType>::from_value)
                    .map_err(__w::value::ValueError::nested)?,
            })
        }
    }
    #[automatically_derived]
    impl __w::value::ObjectArray for Place {}
};
const _: () = {
    use :: weaviate_orm as __w;
    #[allow(dead_code)]
    fn __fields_exist_with_these_types() {
        __w::query::check_projection_field::<Clue, _, String>(&<Clue>::FIELDS.question);
    }
    #[automatically_derived]
    impl __w::query::Projection<Clue> for Question {
        fn property_names() -> &'static [&'static str] {
            static NAMES: ::std::sync::OnceLock<::std::vec::Vec<&'static str>> = ::std::sync::OnceLock::new();
            NAMES.get_or_init(|| ::std::vec![<Clue>::FIELDS.question.name()])
        }
        fn from_properties(
            id: __w::__private::Uuid,
            mut properties: __w::PropertyBag,
        ) -> ::core::result::Result<Self, __w::PropertyError> {
            ::core::result::Result::Ok(Self {
                id: id,
                question: properties.take_at(
                    0usize,
                    <Clue>::FIELDS.question.name(),
                    <String as __w::value::PropertyType>::from_value,
                )?,
            })
        }
    }
};
