//! `module_settings!`: one declaration per module, from which come its
//! typed settings struct, its JSON in both directions, and the name the
//! derive's attributes use for it.

/// Declares module settings structs of one role (a marker trait: which
/// setting of a collection the module can fill). Each field is `name: Type => "jsonKey"`
/// (an `Option`, left out of the JSON when `None`) or `name: Type =>
/// "jsonKey" = default` (always written, as the official Python client
/// does); a dotted key (`"options.useGPU"`) nests. `fixed { "key": value }`
/// are written always and tell apart modules that share a server name;
/// `unless { "key": value }` marks another form of it; `required { field,
/// ... }` are the settings the server refuses the module without, which the
/// derive requires at compile time.
/// Each module needs its doc comment (`+`: an ident there would be
/// ambiguous with the `fixed` of the module before).
macro_rules! module_settings {
    (role $role:path; names $names:ident; $(
        $(#[$meta:meta])+
        $ty:ident / $attr:ident = $module:literal {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty => $key:literal $(= $default:expr)? ),* $(,)?
        }
        $(fixed { $($fkey:literal : $fval:expr),* $(,)? })?
        $(unless { $($ukey:literal : $uval:expr),* $(,)? })?
        $(required { $($req:ident),* $(,)? })?
    )*) => {
        $(
            $(#[$meta])*
            #[derive(Debug, Clone, PartialEq)]
            pub struct $ty {
                $( $(#[$fmeta])* pub $field: $crate::schema::modules::table::setting_type!($fty $(, $default)?), )*
                /// Settings this crate does not know, kept as the server has them.
                pub other: ::serde_json::Map<String, ::serde_json::Value>,
            }

            impl Default for $ty {
                fn default() -> Self {
                    Self {
                        $( $field: $crate::schema::modules::table::setting_default!($($default)?), )*
                        other: ::serde_json::Map::new(),
                    }
                }
            }

            impl $role for $ty {}

            $($(const _: fn(&$ty) = |settings| { let _ = &settings.$req; };)*)?

            impl $crate::schema::modules::ModuleSettings for $ty {
                const MODULE: &'static str = $module;
                const ATTRIBUTE: &'static str = stringify!($attr);
                const REQUIRED: &'static [(&'static str, &'static str)] = &[$($((
                    stringify!($req),
                    concat!("`", stringify!($attr), "` needs `", stringify!($req), " = ...`: the server refuses the module without it"),
                )),*)?];

                fn fixed() -> Vec<(&'static str, ::serde_json::Value)> {
                    vec![$($(($fkey, ::serde_json::json!($fval))),*)?]
                }

                fn excluded() -> Vec<(&'static str, ::serde_json::Value)> {
                    vec![$($(($ukey, ::serde_json::json!($uval))),*)?]
                }

                fn to_json(&self) -> ::serde_json::Value {
                    let mut out = self.other.clone();
                    $( $crate::schema::modules::json::put(&mut out, $key, &self.$field); )*
                    for (key, value) in <Self as $crate::schema::modules::ModuleSettings>::fixed() {
                        out.insert(key.to_owned(), value);
                    }
                    ::serde_json::Value::Object(out)
                }

                fn from_json(json: &::serde_json::Value) -> ::core::result::Result<Self, $crate::schema::ConfigParseError> {
                    let mut rest = json.as_object().cloned().unwrap_or_default();
                    $( let $field = $crate::schema::modules::table::setting_read!(
                        $crate::schema::modules::json::take(&mut rest, $module, $key)? $(, $default)?
                    ); )*
                    for (key, _) in <Self as $crate::schema::modules::ModuleSettings>::fixed() {
                        rest.remove(key);
                    }
                    Ok(Self { $($field,)* other: rest })
                }
            }
        )*

        /// The names the derive's attributes use, e.g. `vectorizer(text2vec_openai(..))`.
        #[doc(hidden)]
        pub mod $names {
            $(
                #[allow(non_camel_case_types)]
                pub type $attr = super::$ty;
            )*
        }
    };
}

/// A field's type: `Option<T>`, or `T` for a field with a default.
macro_rules! setting_type {
    ($t:ty) => { Option<$t> };
    ($t:ty, $default:expr) => { $t };
}

/// A field's default: `None`, or the declared one.
macro_rules! setting_default {
    () => {
        None
    };
    ($default:expr) => {
        ::core::convert::Into::into($default)
    };
}

/// A field read from JSON: as it is, or its default when absent.
macro_rules! setting_read {
    ($value:expr) => {
        $value
    };
    ($value:expr, $default:expr) => {
        ::core::option::Option::unwrap_or_else($value, || ::core::convert::Into::into($default))
    };
}

pub(crate) use {module_settings, setting_default, setting_read, setting_type};
