//! Code generation for `#[derive(WeaviateProjection)]`: a struct holding
//! some of a collection's properties, each checked against the collection's
//! typed fields.

use darling::FromDeriveInput;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::attr::ProjectionAttrs;

/// The derive's entry point on `proc_macro2` tokens.
pub(crate) fn projection(input: TokenStream) -> TokenStream {
    let result = syn::parse2::<syn::DeriveInput>(input)
        .map_err(darling::Error::from)
        .and_then(|input| ProjectionAttrs::from_derive_input(&input));
    match result.and_then(impl_projection) {
        Ok(tokens) => tokens,
        Err(errors) => errors.write_errors(),
    }
}

fn impl_projection(attrs: ProjectionAttrs) -> darling::Result<TokenStream> {
    if let Some(param) = attrs.generics.params.first() {
        return Err(darling::Error::custom("a projection cannot have generic parameters").with_span(param));
    }
    let (ident, of) = (&attrs.ident, &attrs.of);
    let fields = attrs.data.take_struct().map(|f| f.fields).unwrap_or_default();
    let mut checks = Vec::new();
    let mut names = Vec::new();
    let mut reads = Vec::new();
    let mut id_fields = 0;
    for field in fields {
        let Some(name) = field.ident else { continue };
        let ty = &field.ty;
        if field.id.is_present() {
            id_fields += 1;
            if id_fields > 1 {
                return Err(
                    darling::Error::custom("only one field can receive the object's `id`").with_span(&field.id.span())
                );
            }
            reads.push(quote_spanned!(ty.span()=> #name: id));
            continue;
        }
        // The field must exist in the collection, with its type or as an option of it.
        checks.push(quote_spanned!(ty.span()=>
            __w::query::check_projection_field::<#of, _, #ty>(&<#of>::FIELDS.#name);
        ));
        // Read at its position in `PROPERTY_NAMES`, where the bag holds it.
        let index = names.len();
        names.push(quote!(<#of>::FIELDS.#name.name()));
        reads.push(quote_spanned!(ty.span()=> #name: properties.take_at(#index, <#of>::FIELDS.#name.name(), <#ty as __w::value::PropertyType>::from_value)?));
    }
    let unused_id = (id_fields == 0).then(|| quote!(let _ = id;));
    Ok(quote! {
        const _: () = {
            use ::weaviate_orm as __w;

            #[allow(dead_code)]
            fn __fields_exist_with_these_types() {
                #(#checks)*
            }

            #[automatically_derived]
            impl __w::query::Projection<#of> for #ident {
                fn property_names() -> &'static [&'static str] {
                    // Made once: the names come from the collection's field handles.
                    static NAMES: ::std::sync::OnceLock<::std::vec::Vec<&'static str>> = ::std::sync::OnceLock::new();
                    NAMES.get_or_init(|| ::std::vec![#(#names),*])
                }

                fn from_properties(
                    id: __w::__private::Uuid,
                    mut properties: __w::PropertyBag,
                ) -> ::core::result::Result<Self, __w::PropertyError> {
                    #unused_id
                    ::core::result::Result::Ok(Self { #(#reads,)* })
                }
            }
        };
    })
}
