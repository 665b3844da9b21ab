//! `ArticleFields` and `Article::FIELDS`: the typed field handles.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Collection;

/// `ArticleFields` and `Article::FIELDS`: one typed handle per property,
/// and `id` for the id field.
pub(crate) fn fields_struct(c: &Collection) -> TokenStream {
    let (ident, vis) = (&c.ident, &c.vis);
    let fields_ident = quote::format_ident!("{}Fields", ident);
    let struct_doc = format!("Typed handles on the properties of [`{ident}`], for filters and sorting.");
    let const_doc = format!("Typed handles on the properties of `{}`, for filters and sorting.", c.name);
    let mut declarations = Vec::new();
    let mut values = Vec::new();
    if let Some(id) = &c.id {
        let (field, field_vis) = (&id.ident, &id.vis);
        declarations.push(quote! {
            #[doc = "The object's id."]
            #field_vis #field: ::weaviate_orm::query::Field<#ident, ::weaviate_orm::query::ObjectId>
        });
        values.push(quote!(#field: ::weaviate_orm::query::Field::new("_id")));
    }
    for p in &c.properties {
        let (field, field_vis, ty, name) = (&p.ident, &p.vis, &p.ty, &p.name);
        let doc = format!("The property `{name}`.");
        declarations.push(quote! {
            #[doc = #doc]
            #field_vis #field: ::weaviate_orm::query::Field<#ident, #ty>
        });
        values.push(quote!(#field: ::weaviate_orm::query::Field::new(#name)));
    }
    quote! {
        #[doc = #struct_doc]
        #[allow(dead_code)]
        #vis struct #fields_ident {
            #(#declarations,)*
        }

        #[automatically_derived]
        impl #ident {
            #[doc = #const_doc]
            #[allow(dead_code)]
            #vis const FIELDS: #fields_ident = #fields_ident { #(#values,)* };
        }
    }
}
