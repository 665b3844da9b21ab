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
    let vectors = vectors_struct(c);
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

        #vectors
    }
}

/// `ArticleVectors` and `Article::VECTORS`: one typed handle per named
/// vector, declared with `named_vector(...)` or held by a `vector = "..."`
/// field (whose type says whether it is a multi-vector).
fn vectors_struct(c: &Collection) -> TokenStream {
    let (ident, vis) = (&c.ident, &c.vis);
    let vectors_ident = quote::format_ident!("{}Vectors", ident);
    let struct_doc = format!("Typed handles on the named vectors of [`{ident}`], for vector searches.");
    let const_doc = format!("Typed handles on the named vectors of `{}`, for vector searches.", c.name);
    let declared = c.settings.named_vectors.iter().map(|v| v.name.as_str().to_owned());
    let held = c.vectors.iter().map(|v| v.name.clone()).filter(|name| !name.is_empty());
    let mut names: Vec<String> = Vec::new();
    for name in declared.chain(held) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let mut declarations = Vec::new();
    let mut values = Vec::new();
    for name in &names {
        let Some(field) = rust_ident(name) else { continue };
        let kind = match c.vectors.iter().find(|v| &v.name == name) {
            Some(holder) => {
                let ty = &holder.ty;
                quote!(<#ty as ::weaviate_orm::vector::VectorType>::Kind)
            }
            None => quote!(::weaviate_orm::vector::SingleVector),
        };
        let doc = format!("The named vector `{name}`.");
        declarations.push(quote! {
            #[doc = #doc]
            pub #field: ::weaviate_orm::query::VectorName<#ident, #kind>
        });
        values.push(quote!(#field: ::weaviate_orm::query::VectorName::new(#name)));
    }
    quote! {
        #[doc = #struct_doc]
        #[allow(dead_code, non_snake_case)]
        #vis struct #vectors_ident {
            #(#declarations,)*
        }

        #[automatically_derived]
        impl #ident {
            #[doc = #const_doc]
            #[allow(dead_code)]
            #vis const VECTORS: #vectors_ident = #vectors_ident { #(#values,)* };
        }
    }
}

/// The Rust field for a vector name: the name itself, raw for a keyword;
/// `None` for a name that is no identifier (which the server refuses anyway).
fn rust_ident(name: &str) -> Option<syn::Ident> {
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && !matches!(name, "_" | "self" | "Self" | "super" | "crate");
    if !valid {
        return None;
    }
    Some(
        syn::parse_str::<syn::Ident>(name)
            .unwrap_or_else(|_| syn::Ident::new_raw(name, proc_macro2::Span::call_site())),
    )
}
