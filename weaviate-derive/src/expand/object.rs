//! Code generation for `#[derive(WeaviateObject)]`: a struct that is the
//! value of an `object` property (and, in a `Vec`, of an `object[]` one).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::check;
use crate::model::Collection;

use super::config::property_config;

/// The derive's entry point on `proc_macro2` tokens.
pub(crate) fn object(input: TokenStream) -> TokenStream {
    let result = syn::parse2::<syn::DeriveInput>(input)
        .map_err(darling::Error::from)
        .and_then(|input| Collection::from_input(&input))
        .and_then(|model| only_properties(&model).map(|()| model))
        .and_then(|model| check::properties(&model).map(|()| model));
    match result {
        Ok(model) => impl_object(&model),
        Err(errors) => errors.write_errors(),
    }
}

/// A nested object has properties only: no id, vectors or collection settings.
fn only_properties(c: &Collection) -> darling::Result<()> {
    let mut errors = darling::Error::accumulator();
    let not_here = |what: &str| {
        darling::Error::custom(format!(
            "`{what}` belongs on a collection (#[derive(WeaviateCollection)]); a nested object only has properties"
        ))
    };
    if c.name_given {
        errors.push(not_here("name").with_span(&c.name_span));
    }
    if let Some(span) = c.description_span {
        let error = darling::Error::custom(
            "`description` describes a collection; a nested object's description is that of the field holding it",
        );
        errors.push(error.with_span(&span));
    }
    if let Some(setting) = c.settings.first_given() {
        errors.push(not_here(setting).with_span(&c.ident));
    }
    if let Some(id) = &c.id {
        errors.push(not_here("id").with_span(&id.span));
    }
    for vector in &c.vectors {
        errors.push(not_here("vector").with_span(&vector.span));
    }
    for key in c.properties.iter().filter_map(|p| p.key) {
        errors.push(not_here("key").with_span(&key));
    }
    errors.finish()
}

fn impl_object(c: &Collection) -> TokenStream {
    let ident = &c.ident;
    let properties = c.properties.iter().map(property_config);
    let writes = c.properties.iter().map(|p| {
        let (field, prop, ty) = (&p.ident, &p.name, super::config::respan(&p.ty, p.ty.span()));
        quote_spanned!(p.ty.span()=>
            (::std::string::String::from(#prop), <#ty as __w::value::PropertyType>::to_value(&self.#field)))
    });
    let reads = c.properties.iter().map(|p| {
        let (field, prop, ty) = (&p.ident, &p.name, super::config::respan(&p.ty, p.ty.span()));
        quote_spanned!(p.ty.span()=> #field: bag.take_with(#prop, <#ty as __w::value::PropertyType>::from_value).map_err(__w::value::ValueError::nested)?)
    });
    let skipped = c.skipped.iter().map(|field| quote!(#field: ::core::default::Default::default()));

    quote! {
        const _: () = {
            use ::weaviate_orm as __w;

            #[automatically_derived]
            impl __w::value::PropertyType for #ident {
                fn data_type() -> __w::schema::DataType {
                    __w::schema::DataType::Object(::std::vec![#(#properties),*])
                }

                fn to_value(&self) -> __w::value::PropertyValue {
                    __w::value::PropertyValue::Object(::std::vec![#(#writes),*])
                }

                fn from_value(
                    value: __w::value::PropertyValue,
                ) -> ::core::result::Result<Self, __w::value::ValueError> {
                    let mut bag = <Self as __w::value::ObjectArray>::object_bag(value)?;
                    ::core::result::Result::Ok(Self {
                        #(#reads,)*
                        #(#skipped,)*
                    })
                }
            }

            #[automatically_derived]
            impl __w::value::ObjectArray for #ident {}
        };
    }
}
