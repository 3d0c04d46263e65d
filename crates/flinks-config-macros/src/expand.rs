//! Checks a macro's literal and builds its expansion. Only `proc_macro2`
//! types here, so it is unit-tested and snapshot-tested like any other
//! function.
//!
//! Every check is a call into `flinks-config-core` with `Checker::Macro`: the
//! same rules, code and message as the runtime validator.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::args::Call;
use crate::render;
use flinks_config_core::{
    check_api_url, check_credential, check_iframe_url, check_instance, Checker, CredentialKind,
    Diagnostic, Environment, Severity, UrlContext,
};

/// What a macro builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `api_url!` → `ApiUrl`.
    ApiUrl,
    /// `iframe_url!` → `IframeUrl`.
    IframeUrl,
    /// `instance!` → `Instance`.
    Instance,
    /// `customer_id!` → `CustomerId`.
    CustomerId,
}

impl Kind {
    /// The `flinks_config` type the macro evaluates to.
    pub fn type_name(self) -> &'static str {
        match self {
            Kind::ApiUrl => "ApiUrl",
            Kind::IframeUrl => "IframeUrl",
            Kind::Instance => "Instance",
            Kind::CustomerId => "CustomerId",
        }
    }

    /// The macro's user-facing name.
    pub fn macro_name(self) -> &'static str {
        match self {
            Kind::ApiUrl => "api_url!",
            Kind::IframeUrl => "iframe_url!",
            Kind::Instance => "instance!",
            Kind::CustomerId => "customer_id!",
        }
    }

    /// Whether the `(environment, "…")` form applies.
    pub fn takes_environment(self) -> bool {
        matches!(self, Kind::ApiUrl | Kind::IframeUrl)
    }
}

/// Every diagnostic the macro checker reports for `value`, any severity.
pub fn check(kind: Kind, environment: Option<Environment>, value: &str) -> Vec<Diagnostic> {
    let cx = match environment {
        Some(env) => UrlContext::macro_literal().in_environment(env),
        None => UrlContext::macro_literal(),
    };
    match kind {
        Kind::ApiUrl => check_api_url(value, &cx),
        Kind::IframeUrl => check_iframe_url(value, &cx),
        Kind::Instance => check_instance(value, Checker::Macro),
        Kind::CustomerId => check_credential(value, CredentialKind::CustomerId, Checker::Macro),
    }
}

/// Every diagnostic of one literal, by whether it fails compilation.
#[derive(Debug)]
pub struct Findings {
    /// `Error` diagnostics: each is a compile error.
    pub errors: Vec<Diagnostic>,
    /// Warnings and notes: each is a compile warning.
    pub warnings: Vec<Diagnostic>,
}

/// [`check`], sorted into errors and the rest.
pub fn diagnose(kind: Kind, environment: Option<Environment>, value: &str) -> Findings {
    let (errors, warnings) = check(kind, environment, value)
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    Findings { errors, warnings }
}

/// Expands one macro call: the checked constructor, preceded by every
/// diagnostic of the literal (all errors, all warnings).
pub fn run(kind: Kind, input: TokenStream) -> TokenStream {
    let call = match syn::parse2::<Call>(input) {
        Ok(call) => call,
        Err(error) => return error.into_compile_error(),
    };
    let literal = match call.literal(kind) {
        Ok(literal) => literal,
        Err(error) => return expression(kind, &call.krate, Some(error), &[], ""),
    };
    let found = diagnose(kind, literal.environment, &literal.value);
    let at_literal = |d: &Diagnostic| render::message(d, &literal.value);
    let errors = found
        .errors
        .iter()
        .map(|d| syn::Error::new(literal.span, at_literal(d)))
        .reduce(|mut all, next| {
            all.combine(next);
            all
        });
    let warnings: Vec<TokenStream> = found
        .warnings
        .iter()
        .map(|d| warning(&at_literal(d), literal.span))
        .collect();
    // After an error the value is never used: an empty one keeps the
    // caller's code type-checking, so the user sees only the diagnostics.
    let value = if errors.is_some() { "" } else { &literal.value };
    expression(kind, &call.krate, errors, &warnings, value)
}

/// `<crate>::Type::__from_checked_literal("value")`, inside a block after
/// the errors and warnings when there are any.
fn expression(
    kind: Kind,
    krate: &TokenStream,
    errors: Option<syn::Error>,
    warnings: &[TokenStream],
    value: &str,
) -> TokenStream {
    let ty = Ident::new(kind.type_name(), Span::call_site());
    let value = Literal::string(value);
    let constructor = quote!(#krate::#ty::__from_checked_literal(#value));
    if errors.is_none() && warnings.is_empty() {
        return constructor;
    }
    let errors = errors.map(syn::Error::into_compile_error);
    quote!({ #errors #(#warnings)* #constructor })
}

/// A warning on stable Rust: using a `#[deprecated]` constant whose note is
/// the diagnostic. It is reported at the literal, shows in `cargo build`
/// output, and fails the build only under `deny(warnings)`/`deny(deprecated)`.
/// Each sits in its own block, so several warnings do not clash.
fn warning(message: &str, span: Span) -> TokenStream {
    let mut note = Literal::string(message);
    note.set_span(span);
    quote_spanned! {span=>
        {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const flinks_config_warning: u8 = 0;
            let _ = flinks_config_warning;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";

    fn expand(kind: Kind, args: TokenStream) -> String {
        run(kind, quote!(krate; #args)).to_string()
    }

    #[test]
    fn valid_literals_expand() {
        assert!(diagnose(Kind::ApiUrl, None, GOOD).errors.is_empty());
        assert!(diagnose(Kind::ApiUrl, Some(Environment::Sandbox), GOOD)
            .errors
            .is_empty());
        assert!(diagnose(Kind::Instance, None, "acme-ca").errors.is_empty());
        let id = "43387ca6-0391-4c82-857d-70d95f087ecb";
        assert!(diagnose(Kind::CustomerId, None, id).errors.is_empty());
        let out = expand(Kind::ApiUrl, quote!(sandbox, #GOOD));
        assert!(!out.contains("compile_error") && !out.contains("deprecated"));
        assert!(out.contains(GOOD), "{out}");
    }

    #[test]
    fn double_slash_is_marked() {
        let bad = GOOD.replacen("/v3", "//v3", 1);
        let errors = diagnose(Kind::ApiUrl, None, &bad).errors;
        assert_eq!(errors[0].code(), "FLK003");
        let text = render::message(&errors[0], &bad);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("FLK003: "), "{text}");
        let col = lines[2].find('^').unwrap();
        assert_eq!(&lines[1][col..col + 2], "//", "{text}");
        assert!(lines[3].starts_with("help: "), "{text}");
    }

    #[test]
    fn production_environment_is_checked() {
        let errors = diagnose(Kind::ApiUrl, Some(Environment::Production), GOOD).errors;
        assert!(errors.iter().any(|d| d.code() == "FLK502"));
    }

    #[test]
    fn warnings_do_not_fail() {
        let url = format!("{GOOD}?x=1");
        let found = diagnose(Kind::ApiUrl, None, &url);
        assert!(found.errors.is_empty());
        assert_eq!(found.warnings[0].code(), "FLK106");
        let out = expand(Kind::ApiUrl, quote!(#url));
        assert!(
            out.contains("deprecated") && out.contains("FLK106"),
            "{out}"
        );
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn every_error_and_warning_of_a_literal_is_emitted() {
        let url = format!("{}?x=1", GOOD.replacen("/v3", "//v3", 1));
        let found = diagnose(Kind::ApiUrl, None, &url);
        assert!(!found.errors.is_empty() && !found.warnings.is_empty());
        let out = expand(Kind::ApiUrl, quote!(#url));
        for d in found.errors.iter() {
            assert!(
                out.contains(&format!("compile_error ! {{ \"{}", d.code())),
                "{out}"
            );
        }
        for d in found.warnings.iter() {
            assert!(out.contains(&format!("note = \"{}", d.code())), "{out}");
        }
        // The value after an error is never used: it is not repeated.
        assert!(out.contains("__from_checked_literal (\"\")"), "{out}");
    }

    #[test]
    fn an_argument_error_still_yields_a_value() {
        let out = expand(Kind::Instance, quote!(42));
        assert!(out.contains("compile_error"), "{out}");
        assert!(
            out.contains("krate :: Instance :: __from_checked_literal"),
            "{out}"
        );
    }

    #[test]
    fn a_hard_coded_token_is_not_repeated_in_the_message() {
        const TOKEN: &str = "d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        let url =
            format!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken={TOKEN}");
        let found = diagnose(Kind::IframeUrl, None, &url);
        assert_eq!(found.errors[0].code(), "FLK204");
        for d in found.errors.iter().chain(&found.warnings) {
            let text = render::message(d, &url);
            assert!(!text.contains(TOKEN), "{text}");
        }
        // Nor in the expansion, whose value is empty after an error.
        assert!(!expand(Kind::IframeUrl, quote!(#url)).contains(TOKEN));
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;

    const CID: &str = "43387ca6-0391-4c82-857d-70d95f087ecb";

    /// What the proc macro emits for a call from a wrapper passing `$crate`.
    /// Token spacing is not meaningful and the values hold no spaces, so the
    /// spaces are dropped to read as source.
    fn expansion(kind: Kind, env: Option<Environment>, value: &str) -> String {
        let env = env.map(|e| match e {
            Environment::Production => quote!(production,),
            Environment::Sandbox => quote!(sandbox,),
            other => panic!("no macro argument names {other:?}"),
        });
        run(kind, quote!($crate; #env #value))
            .to_string()
            .replace(' ', "")
    }

    #[test]
    fn api_url() {
        insta::assert_snapshot!(expansion(
            Kind::ApiUrl,
            None,
            &format!("https://toolbox-api.private.fin.ag/v3/{CID}/BankingServices/Authorize")
        ));
    }

    #[test]
    fn api_url_production() {
        insta::assert_snapshot!(expansion(
            Kind::ApiUrl,
            Some(Environment::Production),
            &format!("https://acme-api.private.fin.ag/v3/{CID}/BankingServices/GetAccountsDetail")
        ));
    }

    #[test]
    fn iframe_url() {
        insta::assert_snapshot!(expansion(
            Kind::IframeUrl,
            Some(Environment::Sandbox),
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true&redirectUrl=https://example.com/done"
        ));
    }

    #[test]
    fn instance() {
        insta::assert_snapshot!(expansion(Kind::Instance, None, "acme-ca"));
    }

    #[test]
    fn customer_id() {
        insta::assert_snapshot!(expansion(Kind::CustomerId, None, CID));
    }

    #[test]
    fn error_message() {
        let bad = format!("https://toolbox-api.private.fin.ag//v3/{CID}/BankingServices/Authorize");
        let errors = diagnose(Kind::ApiUrl, None, &bad).errors;
        let text: Vec<String> = errors.iter().map(|d| render::message(d, &bad)).collect();
        insta::assert_snapshot!(text.join("\n---\n"));
    }
}

#[cfg(test)]
mod several_warnings {
    use super::*;

    #[test]
    fn each_warning_is_its_own_block() {
        let url = "https://toolbox-iframe.private.fin.ag/v2/?demo=true&colour=red&size=big";
        let found = diagnose(Kind::IframeUrl, None, url);
        assert!(found.errors.is_empty());
        assert!(found.warnings.len() >= 2, "{:?}", found.warnings);
        let out = run(Kind::IframeUrl, quote!(krate; #url)).to_string();
        assert_eq!(
            out.matches("{ # [deprecated").count(),
            found.warnings.len(),
            "{out}"
        );
    }
}
