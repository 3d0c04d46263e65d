//! The macro's arguments, parsed with `syn`:
//! `<crate path> ; [environment ,] "literal" [,]`.
//!
//! [`Call`] accepts any tokens after the `;` that look roughly right, and
//! [`Call::literal`] then says, for the macro at hand, what is wrong with
//! them: the messages name the macro and its accepted forms.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{Error, Ident, Lit, Token};

use crate::expand::Kind;
use flinks_config_core::Environment;

/// One macro call as the `macro_rules!` wrapper passes it.
pub struct Call {
    /// The path to `flinks_config` (the wrapper's `$crate`).
    pub krate: TokenStream,
    /// An identifier followed by a comma: the environment, if the macro takes one.
    environment: Option<Ident>,
    /// The first token after the environment, for the messages.
    first: Option<TokenTree>,
    /// The literal, when the first argument is one (any kind).
    literal: Option<Lit>,
    /// Whatever follows the literal and an optional trailing comma (nothing,
    /// when the call is well formed), or every argument when there is no literal.
    rest: TokenStream,
}

impl Parse for Call {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut krate = TokenStream::new();
        while !input.peek(Token![;]) {
            krate.extend([input.parse::<TokenTree>()?]);
        }
        input.parse::<Token![;]>()?;
        let environment = if input.peek(Ident) && input.peek2(Token![,]) {
            let name = input.parse()?;
            input.parse::<Token![,]>()?;
            Some(name)
        } else {
            None
        };
        let first = input.fork().parse::<TokenTree>().ok();
        // `Lit` also reads a literal forwarded through a `macro_rules!`
        // `$x:expr`, which arrives wrapped in an invisible group.
        let literal: Option<Lit> = if input.peek(Lit) {
            let literal = input.parse()?;
            // A trailing comma is allowed, as in std's macros.
            input.parse::<Option<Token![,]>>()?;
            Some(literal)
        } else {
            None
        };
        Ok(Call {
            krate,
            environment,
            first,
            literal,
            rest: input.parse()?,
        })
    }
}

/// A well-formed call's literal.
pub struct Literal {
    /// `production` or `sandbox`, when given.
    pub environment: Option<Environment>,
    /// The string's value, escapes applied.
    pub value: String,
    /// Where the literal is, for every diagnostic about it.
    pub span: Span,
}

impl Call {
    /// The string literal of a call to `kind`, or why the call is malformed.
    pub fn literal(&self, kind: Kind) -> syn::Result<Literal> {
        let usage = usage(kind);
        let found = |what: &dyn std::fmt::Display, span: Span| {
            Error::new(span, format!("{usage}; found {what}"))
        };
        let environment = match &self.environment {
            None => None,
            Some(name) if !kind.takes_environment() => {
                return Err(found(&format_args!("`{name}`"), name.span()))
            }
            Some(name) => Some(match name.to_string().as_str() {
                "production" => Environment::Production,
                "sandbox" => Environment::Sandbox,
                other => {
                    return Err(Error::new(
                        name.span(),
                        format!(
                            "unknown environment `{other}`: expected `sandbox` or `production`"
                        ),
                    ))
                }
            }),
        };
        let literal = match (&self.literal, &self.first) {
            (Some(literal), _) if self.rest.is_empty() => literal,
            (_, Some(first)) => return Err(found(&format_args!("`{first}`"), first.span())),
            (_, None) => return Err(found(&"nothing", Span::call_site())),
        };
        let kind_found = match literal {
            Lit::Str(text) if text.suffix().is_empty() => {
                return Ok(Literal {
                    environment,
                    value: text.value(),
                    span: text.span(),
                })
            }
            Lit::Str(text) => {
                return Err(Error::new(
                    text.span(),
                    format!("{usage}; remove the suffix after the closing quote"),
                ))
            }
            Lit::ByteStr(_) | Lit::Byte(_) => "a byte string or byte",
            Lit::CStr(_) => "a C string",
            Lit::Char(_) => "a character",
            Lit::Int(_) | Lit::Float(_) => "a number",
            Lit::Bool(value) => return Err(found(&format_args!("`{}`", value.value), value.span)),
            _ => "a non-string literal",
        };
        Err(found(&kind_found, literal.span()))
    }
}

/// The accepted forms of `kind`'s macro, for every argument error.
fn usage(kind: Kind) -> String {
    let name = kind.macro_name();
    if kind.takes_environment() {
        format!(
            "{name} takes one string literal, optionally after an environment: \
             {name}(\"…\") or {name}(production, \"…\")"
        )
    } else {
        format!("{name} takes one string literal: {name}(\"…\")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn literal(kind: Kind, args: TokenStream) -> syn::Result<Literal> {
        syn::parse2::<Call>(quote!(krate; #args))?.literal(kind)
    }

    fn error(kind: Kind, args: TokenStream) -> String {
        literal(kind, args).err().expect("an error").to_string()
    }

    #[test]
    fn reads_every_string_form() {
        for (args, value) in [
            (quote!("acme"), "acme"),
            (quote!(r"acme"), "acme"),
            (quote!(r#"ac"me"#), "ac\"me"),
            (quote!("\x61\u{63}me"), "acme"),
            (quote!("acme",), "acme"),
        ] {
            assert_eq!(literal(Kind::Instance, args).unwrap().value, value);
        }
        let with_env = literal(Kind::ApiUrl, quote!(production, "x")).unwrap();
        assert_eq!(with_env.environment, Some(Environment::Production));
    }

    #[test]
    fn names_what_it_found() {
        assert!(error(Kind::Instance, quote!()).ends_with("found nothing"));
        assert!(error(Kind::Instance, quote!(b"x")).ends_with("a byte string or byte"));
        assert!(error(Kind::Instance, quote!('x')).ends_with("a character"));
        assert!(error(Kind::Instance, quote!(1.5)).ends_with("a number"));
        assert!(error(Kind::Instance, quote!(true)).ends_with("found `true`"));
        assert!(error(Kind::Instance, quote!(URL)).ends_with("found `URL`"));
        assert!(error(Kind::Instance, quote!("a" "b")).ends_with("found `\"a\"`"));
        assert!(error(Kind::Instance, quote!(sandbox, "a")).ends_with("found `sandbox`"));
        assert!(error(Kind::ApiUrl, quote!(staging, "a")).starts_with("unknown environment"));
    }

    /// The call written as source text, as rustc would hand it over.
    fn from_source(args: &str) -> syn::Result<Literal> {
        let tokens: TokenStream = format!("krate; {args}").parse().expect("lexes");
        syn::parse2::<Call>(tokens)?.literal(Kind::Instance)
    }

    #[test]
    fn line_continuations_and_suffixes() {
        assert_eq!(from_source("\"ab\\\n    cd\"").unwrap().value, "abcd");
        assert!(from_source("\"x\"suf")
            .err()
            .unwrap()
            .to_string()
            .ends_with("remove the suffix after the closing quote"));
        assert!(from_source("c\"x\"")
            .err()
            .unwrap()
            .to_string()
            .ends_with("a C string"));
    }

    proptest::proptest! {
        /// Any string, written as Rust would (`str`'s Debug is a valid
        /// literal with escapes), reads back unchanged.
        #[test]
        fn escaped_round_trip(value in "\\PC*|[\\x00-\\x7f]*") {
            proptest::prop_assert_eq!(from_source(&format!("{value:?}")).unwrap().value, value);
        }

        /// Raw literals keep every character as written (a lone carriage
        /// return is not allowed in one: rustc rejects it too).
        #[test]
        fn raw_round_trip(value in "[^\"\r]*") {
            proptest::prop_assert_eq!(from_source(&format!("r#\"{value}\"#")).unwrap().value, value);
        }
    }
}
