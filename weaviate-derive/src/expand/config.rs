//! The body of `WeaviateCollection::config()`: properties and settings.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Collection, Property, TypeRule};
use crate::names::{TOKENIZATIONS, variant};

/// The body of `config()`.
pub(crate) fn collection_config(c: &Collection) -> TokenStream {
    let name = &c.name;
    let description = option_string(c.description.as_deref());
    let properties = c.properties.iter().map(property_config);
    let settings = super::settings::settings(&c.settings, &c.vectors);
    quote! {
        let mut config = __w::schema::CollectionConfig::new(#name);
        config.description = #description;
        config.properties = ::std::vec![#(#properties),*];
        #settings
        config
    }
}

pub(crate) fn property_config(p: &Property) -> TokenStream {
    let (name, ty) = (&p.name, &p.ty);
    let description = option_string(p.description.as_deref());
    let tokenization = match p.tokenization.as_deref().and_then(|t| variant(TOKENIZATIONS, t)) {
        Some(t) => {
            let t = format_ident!("{t}");
            quote!(::core::option::Option::Some(__w::schema::Tokenization::#t))
        }
        None => quote!(::core::option::Option::None),
    };
    let flag = |value: Option<bool>| match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    };
    let (filterable, searchable, range) =
        (flag(p.index_filterable), flag(p.index_searchable), flag(p.index_range_filters));
    let (skip, vectorize_name) = (p.skip_vectorization, p.vectorize_property_name);
    // The same span as the type's other uses, so that an unsupported type is one error.
    let spanned_ty = respan(ty, ty.span());
    let data_type = quote_spanned!(ty.span()=> <#spanned_ty as __w::value::PropertyType>::data_type());
    let type_checks = p.type_rules.iter().map(|(rule, span)| {
        let ty = respan(ty, *span);
        let rule = match rule {
            TypeRule::Text => quote_spanned!(*span=> TextAttribute),
            TypeRule::RangeFilterable => quote_spanned!(*span=> RangeAttribute),
            TypeRule::Date => quote_spanned!(*span=> DateAttribute),
        };
        quote_spanned!(*span=> let () = <#ty as __w::__private::#rule>::FITS;)
    });
    let analyzer = super::settings::option(p.text_analyzer.as_ref().map(|a| {
        let fold = a.ascii_fold.is_present();
        let ignore = a.ascii_fold_ignore.iter().flat_map(|i| i.iter());
        let preset = option_string(a.stopword_preset.as_ref().map(|p| p.as_str()));
        quote! {{
            let mut analyzer = __w::schema::TextAnalyzer::default();
            analyzer.ascii_fold = #fold;
            analyzer.ascii_fold_ignore = ::std::vec![#(::std::string::String::from(#ignore)),*];
            analyzer.stopword_preset = #preset;
            analyzer
        }}
    }));
    quote! {{
        #(#type_checks)*
        let mut property = __w::schema::PropertyConfig::new(#name, #data_type);
        property.description = #description;
        property.tokenization = #tokenization;
        property.index_filterable = #filterable;
        property.index_searchable = #searchable;
        property.index_range_filters = #range;
        property.skip_vectorization = #skip;
        property.vectorize_property_name = #vectorize_name;
        property.text_analyzer = #analyzer;
        property
    }}
}

/// The type's tokens with every span set to `span`, so that an error about
/// the type points at the attribute that needs it.
pub(crate) fn respan(ty: &syn::Type, span: proc_macro2::Span) -> TokenStream {
    fn walk(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
        tokens
            .into_iter()
            .map(|mut token| {
                if let proc_macro2::TokenTree::Group(group) = &token {
                    let mut inner = proc_macro2::Group::new(group.delimiter(), walk(group.stream(), span));
                    inner.set_span(span);
                    token = proc_macro2::TokenTree::Group(inner);
                }
                token.set_span(span);
                token
            })
            .collect()
    }
    walk(quote!(#ty), span)
}

pub(crate) fn option_string(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(::std::string::String::from(#text))),
        None => quote!(::core::option::Option::None),
    }
}
