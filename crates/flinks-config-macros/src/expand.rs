//! The pure part of every macro: literal text in, expansion text or coded
//! diagnostics out. No `proc_macro` types here, so it is unit-tested and
//! snapshot-tested like any other function.
//!
//! Every check is a call into `flinks-config-core` with `Checker::Macro`: the
//! same rules, code and message as the runtime validator.

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

/// A successful expansion.
#[derive(Debug)]
pub struct Expanded {
    /// The constructor call, see [`constructor`].
    pub code: String,
    /// Warnings and notes: they do not fail compilation.
    pub warnings: Vec<Diagnostic>,
}

/// The expansion for `value`, or the errors that stop compilation. Only
/// `Error` diagnostics fail.
pub fn expand(
    kind: Kind,
    environment: Option<Environment>,
    value: &str,
) -> Result<Expanded, Vec<Diagnostic>> {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = check(kind, environment, value)
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if errors.is_empty() {
        Ok(Expanded {
            code: constructor(kind, value),
            warnings,
        })
    } else {
        Err(errors)
    }
}

/// `::Type::__from_checked_literal("value")`, to follow the crate path
/// tokens (which may be `$crate` and so cannot be rendered as text).
pub fn constructor(kind: Kind, value: &str) -> String {
    // `str`'s Debug output is a valid Rust string literal.
    format!("::{}::__from_checked_literal({value:?})", kind.type_name())
}

/// The compile error text: `FLKnnn: message`, the literal with the bad
/// characters marked by carets (a span cannot point inside a literal on
/// stable Rust), then the help.
pub fn message(d: &Diagnostic, value: &str) -> String {
    // The snippet is the value with secrets masked, byte for byte.
    let shown = match &d.snippet {
        Some(s) if s.len() == value.len() => s.as_str(),
        _ => value,
    };
    let mut out = format!("{}: {}", d.code(), d.message);
    if let Some(span) = d.span {
        let (line, carets) = marked(shown, span.start, span.end);
        out.push_str(&format!("\n  {line}\n  {carets}"));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("\nhelp: {help}"));
    }
    out
}

/// The value as a quoted, escaped literal, and a caret line under the bytes
/// `start..end` (one caret at `start` when the span is empty).
fn marked(value: &str, start: usize, end: usize) -> (String, String) {
    let mut line = String::from("\"");
    let mut carets = String::from(" ");
    for (at, c) in value.char_indices().chain([(value.len(), '"')]) {
        let text = if at == value.len() {
            "\"".to_string()
        } else if c == '\'' {
            "'".to_string()
        } else {
            c.escape_debug().to_string()
        };
        let width = text.chars().count();
        let inside = (at >= start && at < end) || (start == end && at == start);
        line.push_str(&text);
        carets.push_str(&if inside { "^" } else { " " }.repeat(width));
    }
    (line, carets.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";

    #[test]
    fn valid_literals_expand() {
        assert!(expand(Kind::ApiUrl, None, GOOD).is_ok());
        assert!(expand(Kind::ApiUrl, Some(Environment::Sandbox), GOOD).is_ok());
        assert!(expand(Kind::Instance, None, "acme-ca").is_ok());
        assert!(expand(
            Kind::CustomerId,
            None,
            "43387ca6-0391-4c82-857d-70d95f087ecb"
        )
        .is_ok());
    }

    #[test]
    fn double_slash_is_marked() {
        let bad = GOOD.replacen("/v3", "//v3", 1);
        let errors = expand(Kind::ApiUrl, None, &bad).unwrap_err();
        assert_eq!(errors[0].code(), "FLK003");
        let text = message(&errors[0], &bad);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("FLK003: "), "{text}");
        let col = lines[2].find('^').unwrap();
        assert_eq!(&lines[1][col..col + 2], "//", "{text}");
        assert!(lines[3].starts_with("help: "), "{text}");
    }

    #[test]
    fn carets_follow_escapes() {
        let (line, carets) = marked("a\nb", 2, 3);
        assert_eq!(line, "\"a\\nb\"");
        assert_eq!(carets.find('^'), Some(4));
        let (_, carets) = marked("ab", 2, 2);
        assert_eq!(carets.find('^'), Some(3));
    }

    #[test]
    fn production_environment_is_checked() {
        let errors = expand(Kind::ApiUrl, Some(Environment::Production), GOOD).unwrap_err();
        assert!(errors.iter().any(|d| d.code() == "FLK502"));
    }

    #[test]
    fn warnings_do_not_fail() {
        let url = format!("{GOOD}?x=1");
        assert!(check(Kind::ApiUrl, None, &url)
            .iter()
            .any(|d| d.code() == "FLK106"));
        let expanded = expand(Kind::ApiUrl, None, &url).unwrap();
        assert_eq!(expanded.warnings[0].code(), "FLK106");
    }

    #[test]
    fn a_hard_coded_token_is_not_repeated_in_the_message() {
        const TOKEN: &str = "d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        let url =
            format!("https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken={TOKEN}");
        let errors = expand(Kind::IframeUrl, None, &url).unwrap_err();
        assert_eq!(errors[0].code(), "FLK204");
        for d in &errors {
            assert!(!message(d, &url).contains(TOKEN), "{}", message(d, &url));
        }
    }

    #[test]
    fn message_without_span_or_help() {
        let mut d = check(Kind::Instance, None, "Acme.ca").remove(0);
        d.span = None;
        d.help = None;
        assert_eq!(message(&d, "Acme.ca"), format!("FLK506: {}", d.message));
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;

    const CID: &str = "43387ca6-0391-4c82-857d-70d95f087ecb";

    /// What the proc macro emits after the crate path tokens (`$crate`).
    fn expansion(kind: Kind, env: Option<Environment>, value: &str) -> String {
        format!("$crate{}", expand(kind, env, value).expect(value).code)
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
        let errors = expand(Kind::ApiUrl, None, &bad).unwrap_err();
        let text: Vec<String> = errors.iter().map(|d| message(d, &bad)).collect();
        insta::assert_snapshot!(text.join("\n---\n"));
    }
}
