//! Code generation for `#[derive(WeaviateCollection)]`, reading only the model.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::check;
use crate::model::{Collection, Property};

/// The derive's entry point on `proc_macro2` tokens, so tests can call it.
pub(crate) fn collection(input: TokenStream) -> TokenStream {
    let result = syn::parse2::<syn::DeriveInput>(input)
        .map_err(darling::Error::from)
        .and_then(|input| Collection::from_input(&input))
        .and_then(|model| check::collection(&model).map(|()| model));
    match result {
        Ok(model) => impl_collection(&model),
        Err(errors) => errors.write_errors(),
    }
}

fn impl_collection(c: &Collection) -> TokenStream {
    let ident = &c.ident;
    let (impl_generics, ty_generics, where_clause) = c.generics.split_for_impl();
    let name = &c.name;
    let description = option_string(c.description.as_deref());
    let vectorizer = match &c.vectorizer {
        Some(module) => quote!(__w::schema::Vectorizer::module(#module)),
        None => quote!(__w::schema::Vectorizer::None),
    };
    let properties = c.properties.iter().map(property_config);
    let writes = c.properties.iter().map(|p| {
        let (field, prop) = (&p.ident, &p.name);
        quote_spanned!(p.ty.span()=> (#prop, __w::value::PropertyType::to_value(&self.#field)))
    });
    let reads = c.properties.iter().map(|p| {
        let (field, prop, ty) = (&p.ident, &p.name, &p.ty);
        quote_spanned!(p.ty.span()=> #field: properties.take::<#ty>(#prop)?)
    });
    let skipped = c.skipped.iter().map(|field| quote!(#field: ::core::default::Default::default()));
    let (object_id, id_read) = match &c.id {
        Some(id) => {
            let (field, ty) = (&id.ident, &id.ty);
            (
                quote_spanned!(ty.span()=> {
                    let id: __w::__private::Uuid = self.#field;
                    ::core::option::Option::Some(id)
                }),
                quote_spanned!(ty.span()=> #field: id,),
            )
        }
        None => (quote!(::core::option::Option::None), quote!()),
    };
    let unused_id = c.id.is_none().then(|| quote!(let _ = id;));

    quote! {
        const _: () = {
            use ::weaviate_orm as __w;

            #[automatically_derived]
            impl #impl_generics __w::WeaviateCollection for #ident #ty_generics #where_clause {
                const NAME: &'static str = #name;

                fn config() -> __w::schema::CollectionConfig {
                    let mut config = __w::schema::CollectionConfig::new(#name);
                    config.description = #description;
                    config.vectorizer = #vectorizer;
                    config.properties = ::std::vec![#(#properties),*];
                    config
                }

                fn object_id(&self) -> ::core::option::Option<__w::__private::Uuid> {
                    #object_id
                }

                fn to_properties(&self) -> ::std::vec::Vec<(&'static str, __w::value::PropertyValue)> {
                    ::std::vec![#(#writes),*]
                }

                fn from_properties(
                    id: __w::__private::Uuid,
                    mut properties: __w::PropertyBag,
                ) -> ::core::result::Result<Self, __w::PropertyError> {
                    #unused_id
                    ::core::result::Result::Ok(Self {
                        #id_read
                        #(#reads,)*
                        #(#skipped,)*
                    })
                }
            }
        };
    }
}

fn property_config(p: &Property) -> TokenStream {
    let (name, ty) = (&p.name, &p.ty);
    let description = option_string(p.description.as_deref());
    let tokenization = match &p.tokenization {
        Some(t) => quote!(__w::schema::Tokenization::from_name(#t)),
        None => quote!(::core::option::Option::None),
    };
    let flag = |value: Option<bool>| match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    let (filterable, searchable, range) =
        (flag(p.index_filterable), flag(p.index_searchable), flag(p.index_range_filters));
    let (skip, vectorize_name) = (p.skip_vectorization, p.vectorize_property_name);
    let data_type = quote_spanned!(ty.span()=> <#ty as __w::value::PropertyType>::data_type());
    quote! {{
        let mut property = __w::schema::PropertyConfig::new(#name, #data_type);
        property.description = #description;
        property.tokenization = #tokenization;
        property.index_filterable = #filterable;
        property.index_searchable = #searchable;
        property.index_range_filters = #range;
        property.skip_vectorization = #skip;
        property.vectorize_property_name = #vectorize_name;
        property
    }}
}

fn option_string(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(::std::string::String::from(#text))),
        None => quote!(::core::option::Option::None),
    }
}
