//! Reads the macro input tokens and writes the output tokens. The checking
//! itself is in [`crate::expand`].

use proc_macro::{Delimiter, Group, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

use crate::expand::{self, Kind};
use crate::unescape::{unescape, LiteralError};
use flinks_config_core::Environment;

/// Expands one macro call: `<crate path> ; [environment ,] "literal"`.
pub fn run(kind: Kind, input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    let krate: TokenStream = tokens
        .by_ref()
        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ';'))
        .collect();
    let args: Vec<TokenTree> = tokens.collect();
    match parse_args(kind, &args) {
        Err((message, span)) => failure(kind, &krate, &[message], span),
        Ok((environment, value, span)) => match expand::expand(kind, environment, &value) {
            Ok(expanded) if expanded.warnings.is_empty() => with_crate(&krate, &expanded.code),
            Ok(expanded) => {
                let mut body = TokenStream::new();
                for d in &expanded.warnings {
                    body.extend(warning(&expand::message(d, &value), span));
                }
                body.extend(with_crate(&krate, &expanded.code));
                TokenTree::Group(Group::new(Delimiter::Brace, body)).into()
            }
            Err(found) => {
                let messages: Vec<String> =
                    found.iter().map(|d| expand::message(d, &value)).collect();
                failure(kind, &krate, &messages, span)
            }
        },
    }
}

type Args = (Option<Environment>, String, Span);

fn parse_args(kind: Kind, args: &[TokenTree]) -> Result<Args, (String, Span)> {
    let name = kind.macro_name();
    let usage = if kind.takes_environment() {
        format!("{name} takes one string literal, optionally after an environment: {name}(\"…\") or {name}(production, \"…\")")
    } else {
        format!("{name} takes one string literal: {name}(\"…\")")
    };
    let (environment, rest) = match args {
        [TokenTree::Ident(env), TokenTree::Punct(comma), rest @ ..]
            if comma.as_char() == ',' && kind.takes_environment() =>
        {
            let environment = match env.to_string().as_str() {
                "production" => Environment::Production,
                "sandbox" => Environment::Sandbox,
                other => {
                    return Err((
                        format!(
                            "unknown environment `{other}`: expected `sandbox` or `production`"
                        ),
                        env.span(),
                    ))
                }
            };
            (Some(environment), rest)
        }
        _ => (None, args),
    };
    // A trailing comma is allowed, as in std's macros.
    let rest = match rest {
        [head @ .., TokenTree::Punct(p)] if p.as_char() == ',' && !head.is_empty() => head,
        _ => rest,
    };
    let literal = match rest {
        [TokenTree::Literal(lit)] => lit,
        // A literal forwarded through a `macro_rules!` `$x:expr` arrives wrapped.
        [TokenTree::Group(g)] if g.delimiter() == Delimiter::None => {
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            return match inner.as_slice() {
                [TokenTree::Literal(_)] => {
                    parse_args(kind, &inner).map(|(_, value, span)| (environment, value, span))
                }
                _ => Err((usage, g.span())),
            };
        }
        [] => return Err((format!("{usage}; found nothing"), Span::call_site())),
        [first, ..] => return Err((format!("{usage}; found `{first}`"), first.span())),
    };
    match unescape(&literal.to_string()) {
        Ok(value) => Ok((environment, value, literal.span())),
        Err(LiteralError::NotAString(what)) => {
            Err((format!("{usage}; found {what}"), literal.span()))
        }
        Err(LiteralError::Suffix) => Err((
            format!("{usage}; remove the suffix after the closing quote"),
            literal.span(),
        )),
        Err(LiteralError::BadEscape) => Err((
            format!("{name}: this string literal has an escape it cannot read"),
            literal.span(),
        )),
    }
}

/// `<crate>` followed by the parsed `rest` (e.g. `::ApiUrl::…`).
fn with_crate(krate: &TokenStream, rest: &str) -> TokenStream {
    let mut out = krate.clone();
    // `rest` is built by `expand::constructor` from a Debug-escaped string: it
    // always parses.
    out.extend(rest.parse::<TokenStream>().unwrap_or_default());
    out
}

/// `{ ::core::compile_error!{"…"}; <crate>::Type::__from_checked_literal("") }`:
/// the errors at the literal's span, then a value of the right type so the
/// caller's code type-checks and the user sees only these errors.
fn failure(kind: Kind, krate: &TokenStream, messages: &[String], span: Span) -> TokenStream {
    let mut body = TokenStream::new();
    for message in messages {
        let mut call: TokenStream = "::core::compile_error!"
            .parse::<TokenStream>()
            .unwrap_or_default()
            .into_iter()
            .map(|mut t| {
                t.set_span(span);
                t
            })
            .collect();
        let mut text = Literal::string(message);
        text.set_span(span);
        let mut args = Group::new(Delimiter::Brace, TokenTree::Literal(text).into());
        args.set_span(span);
        call.extend([TokenTree::Group(args)]);
        let mut semi = Punct::new(';', Spacing::Alone);
        semi.set_span(span);
        call.extend([TokenTree::Punct(semi)]);
        body.extend(call);
    }
    body.extend(with_crate(krate, &expand::constructor(kind, "")));
    TokenTree::Group(Group::new(Delimiter::Brace, body)).into()
}

/// A warning on stable Rust: using a `#[deprecated]` constant whose note is
/// the diagnostic. It is reported at the literal, shows in `cargo build`
/// output, and fails the build only under `deny(warnings)`/`deny(deprecated)`.
fn warning(message: &str, span: Span) -> TokenStream {
    let code = format!(
        "#[deprecated(note = {message:?})] #[allow(non_upper_case_globals)] \
         const flinks_config_warning: u8 = 0; let _ = flinks_config_warning;"
    );
    respan(code.parse().unwrap_or_default(), span)
}

/// `tokens` with every span set to `span`, recursively.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                TokenTree::Group(group)
            }
            mut other => {
                other.set_span(span);
                other
            }
        })
        .collect()
}
