//! Code generation for `#[derive(WeaviateCollection)]`, reading only the model.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::check;
use crate::model::Collection;

mod config;
mod fields;
mod object;
mod projection;
mod settings;

pub(crate) use object::object;
pub(crate) use projection::projection;

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
    let name = &c.name;
    let config = config::collection_config(c);
    // Every use of a property's type carries the same span, so that an
    // unsupported type is one error, at the field's type.
    let writes = c.properties.iter().map(|p| {
        let (field, prop, ty) = (&p.ident, &p.name, config::respan(&p.ty, p.ty.span()));
        quote_spanned!(p.ty.span()=> (#prop, <#ty as __w::value::PropertyType>::to_value(&self.#field)))
    });
    // Each property at its position in `PROPERTY_NAMES`, where the bag holds it.
    let reads = c.properties.iter().enumerate().map(|(index, p)| {
        let (field, prop, ty) = (&p.ident, &p.name, config::respan(&p.ty, p.ty.span()));
        quote_spanned!(p.ty.span()=> #field: properties.take_at(#index, #prop, <#ty as __w::value::PropertyType>::from_value)?)
    });
    let property_names = c.properties.iter().map(|p| &p.name);
    // Each field written straight from the struct, under its server name.
    let direct_writes = c.properties.iter().map(|p| {
        let (field, prop, ty) = (&p.ident, &p.name, config::respan(&p.ty, p.ty.span()));
        quote_spanned!(p.ty.span()=>
            <#ty as __w::value::PropertyType>::write(&self.#field, #prop, out)
                .map_err(|source| __w::PropertyError { property: ::std::string::String::from(#prop), source })?;)
    });
    let vector_names = c.vectors.iter().map(|v| &v.name);
    // The default vector's field goes through `DefaultVectorType` (one
    // embedding), named ones through `VectorType`: one error for a wrong type.
    let vector_writes = c.vectors.iter().map(|v| {
        let (field, name, ty) = (&v.ident, &v.name, config::respan(&v.ty, v.ty.span()));
        let to_vector = if name.is_empty() {
            quote_spanned!(v.ty.span()=> <#ty as __w::vector::DefaultVectorType>::default_vector)
        } else {
            quote_spanned!(v.ty.span()=> <#ty as __w::vector::VectorType>::to_vector)
        };
        quote_spanned!(v.ty.span()=> if let ::core::option::Option::Some(vector) = #to_vector(&self.#field) {
            vectors.push((#name, vector));
        })
    });
    let vector_reads = c.vectors.iter().map(|v| {
        let (field, name, ty) = (&v.ident, &v.name, config::respan(&v.ty, v.ty.span()));
        let from_vector = if name.is_empty() {
            quote_spanned!(v.ty.span()=> <#ty as __w::vector::DefaultVectorType>::from_default_vector)
        } else {
            quote_spanned!(v.ty.span()=> <#ty as __w::vector::VectorType>::from_vector)
        };
        quote_spanned!(v.ty.span()=> #field: properties.take_vector_with(#name, #from_vector)?)
    });
    let skipped = c.skipped.iter().map(|field| quote!(#field: ::core::default::Default::default()));
    let (object_id, id_read) = object_id(c);
    let unused_id = c.id.is_none().then(|| quote!(let _ = id;));
    let fields = fields::fields_struct(c);

    quote! {
        #fields

        const _: () = {
            use ::weaviate_orm as __w;

            #[automatically_derived]
            impl __w::WeaviateCollection for #ident {
                const NAME: &'static str = #name;

                const PROPERTY_NAMES: &'static [&'static str] = &[#(#property_names),*];

                const VECTOR_NAMES: &'static [&'static str] = &[#(#vector_names),*];

                fn config() -> __w::schema::CollectionConfig {
                    #config
                }

                fn object_id(&self) -> ::core::option::Option<__w::__private::Uuid> {
                    #object_id
                }

                fn to_properties(&self) -> ::std::vec::Vec<(&'static str, __w::value::PropertyValue)> {
                    ::std::vec![#(#writes),*]
                }

                #[allow(unused_variables)] // `out`, when there is no property
                fn write_properties(
                    &self,
                    out: &mut __w::value::PropertyWriter,
                ) -> ::core::result::Result<(), __w::PropertyError> {
                    #(#direct_writes)*
                    ::core::result::Result::Ok(())
                }

                fn vectors(&self) -> ::std::vec::Vec<(&'static str, __w::vector::Vector)> {
                    #[allow(unused_mut)]
                    let mut vectors = ::std::vec::Vec::new();
                    #(#vector_writes)*
                    vectors
                }

                fn from_properties(
                    id: __w::__private::Uuid,
                    mut properties: __w::PropertyBag,
                ) -> ::core::result::Result<Self, __w::PropertyError> {
                    #unused_id
                    ::core::result::Result::Ok(Self {
                        #id_read
                        #(#reads,)*
                        #(#vector_reads,)*
                        #(#skipped,)*
                    })
                }
            }

            __w::__private::inventory::submit! {
                __w::RegisteredCollection::new(
                    <#ident as __w::WeaviateCollection>::NAME,
                    <#ident as __w::WeaviateCollection>::config,
                )
            }
        };
    }
}

/// How the object's id is made: the id field, a UUID v5 of the key fields,
/// or none (the client makes a random one). And how the id field is read.
fn object_id(c: &Collection) -> (TokenStream, TokenStream) {
    if let Some(id) = &c.id {
        let (field, ty) = (&id.ident, &id.ty);
        return (
            quote_spanned!(ty.span()=> ::core::option::Option::Some(<#ty as __w::IdType>::to_uuid(&self.#field))),
            quote_spanned!(ty.span()=> #field: <#ty as __w::IdType>::from_uuid(id),),
        );
    }
    let keys: Vec<_> = c.properties.iter().filter(|p| p.key.is_some()).collect();
    if keys.is_empty() {
        return (quote!(::core::option::Option::None), quote!());
    }
    let values = keys.iter().map(|p| {
        let (field, name, ty) = (&p.ident, &p.name, config::respan(&p.ty, p.ty.span()));
        quote_spanned!(p.ty.span()=> (#name, <#ty as __w::value::PropertyType>::to_value(&self.#field)))
    });
    (quote!(::core::option::Option::Some(__w::deterministic_id(Self::NAME, &[#(#values),*]))), quote!())
}
