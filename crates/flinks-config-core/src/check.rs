//! The entry points front ends call: one URL, one instance name, one
//! credential. Profiles are checked in [`profile`](crate::profile).

use crate::host::{classify_host, FlinksHost};
use crate::redact::{Findings, UrlSecrets};
use crate::rules;
use crate::text::placeholders;
use crate::url::{Part, UrlParts};
use crate::{Checker, Diagnostic, Environment, KnownValue, Span};

/// Which kind of Flinks URL a value should be.
///
/// ```
/// use flinks_config_core::{check_url, UrlContext, UrlKind};
/// let url = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";
/// assert!(check_url(url, UrlKind::Api, &UrlContext::runtime()).is_empty());
/// assert!(!check_url(url, UrlKind::Iframe, &UrlContext::runtime()).is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UrlKind {
    /// An API base or endpoint URL.
    Api,
    /// A Flinks Connect iframe URL.
    Iframe,
}

/// What the caller knows about the URL being checked.
///
/// ```
/// use flinks_config_core::{Environment, UrlContext};
/// let cx = UrlContext::linter().in_environment(Environment::Production);
/// assert_eq!(cx.environment, Some(Environment::Production));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct UrlContext<'k> {
    /// The front end: only its rules report.
    pub checker: Checker,
    /// The environment the URL is configured for, if known.
    pub environment: Option<Environment>,
    /// An iframe URL about to be shown to a user: it must carry a token.
    pub final_url: bool,
    /// Values whose kind is known (configured secrets), to recognise them.
    pub known: &'k [KnownValue<'k>],
    /// The configured customer id, to compare with the URL's.
    pub customer_id: Option<&'k str>,
}

impl UrlContext<'static> {
    /// Checking a literal at compile time.
    ///
    /// ```
    /// use flinks_config_core::{Checker, UrlContext};
    /// assert_eq!(UrlContext::macro_literal().checker, Checker::Macro);
    /// ```
    pub const fn macro_literal() -> Self {
        Self::with_checker(Checker::Macro)
    }
    /// Checking a loaded configuration at startup.
    ///
    /// ```
    /// use flinks_config_core::{Checker, UrlContext};
    /// let cx = UrlContext::runtime();
    /// assert_eq!((cx.checker, cx.environment, cx.final_url), (Checker::Runtime, None, false));
    /// ```
    pub const fn runtime() -> Self {
        Self::with_checker(Checker::Runtime)
    }
    /// Checking a configuration file before deploy.
    ///
    /// ```
    /// use flinks_config_core::{Checker, UrlContext};
    /// assert_eq!(UrlContext::linter().checker, Checker::Linter);
    /// ```
    pub const fn linter() -> Self {
        Self::with_checker(Checker::Linter)
    }
    /// Checking a URL a request is about to be sent to (or shown, for an iframe).
    ///
    /// ```
    /// use flinks_config_core::{Checker, UrlContext};
    /// let cx = UrlContext::request();
    /// assert!(cx.checker == Checker::Request && cx.final_url);
    /// ```
    pub const fn request() -> Self {
        UrlContext {
            final_url: true,
            ..Self::with_checker(Checker::Request)
        }
    }
    const fn with_checker(checker: Checker) -> Self {
        UrlContext {
            checker,
            environment: None,
            final_url: false,
            known: &[],
            customer_id: None,
        }
    }
}

impl<'k> UrlContext<'k> {
    /// The same context for a declared environment.
    ///
    /// ```
    /// use flinks_config_core::{Environment, UrlContext};
    /// let cx = UrlContext::runtime().in_environment(Environment::Sandbox);
    /// assert_eq!(cx.environment, Some(Environment::Sandbox));
    /// ```
    pub const fn in_environment(mut self, environment: Environment) -> Self {
        self.environment = Some(environment);
        self
    }

    /// The same context with known credential values and customer id.
    ///
    /// ```
    /// use flinks_config_core::{KnownValue, UrlContext};
    /// let cx = UrlContext::runtime().with_known(KnownValue::toolbox(), Some("43387ca6-0391-4c82-857d-70d95f087ecb"));
    /// assert_eq!(cx.known.len(), 3);
    /// assert_eq!(cx.customer_id, Some("43387ca6-0391-4c82-857d-70d95f087ecb"));
    /// ```
    pub fn with_known<'n>(
        self,
        known: &'n [KnownValue<'n>],
        customer_id: Option<&'n str>,
    ) -> UrlContext<'n>
    where
        'k: 'n,
    {
        UrlContext {
            known,
            customer_id,
            ..self
        }
    }
}

/// Collects diagnostics, keeping only the rules the checker runs.
pub(crate) struct Sink {
    checker: Checker,
    pub(crate) out: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn new(checker: Checker) -> Self {
        Sink {
            checker,
            out: Vec::new(),
        }
    }

    pub(crate) fn checker(&self) -> Checker {
        self.checker
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.rule.checked_by(self.checker) {
            self.out.push(diagnostic);
        }
    }

    pub(crate) fn has(&self, code: &str) -> bool {
        self.out.iter().any(|d| d.code() == code)
    }
}

/// A URL under check: its parts, the safe-to-show text, what is known.
pub(crate) struct UrlCheck<'a> {
    pub(crate) value: &'a str,
    pub(crate) kind: UrlKind,
    pub(crate) parts: UrlParts<'a>,
    pub(crate) host: Option<FlinksHost>,
    pub(crate) cx: &'a UrlContext<'a>,
    /// The URL's secrets and its text with them masked (same byte offsets),
    /// found on first use from the parts: a valid URL never needs them.
    secrets: std::cell::OnceCell<UrlSecrets>,
    pub(crate) placeholders: Vec<Span>,
    /// Spans already reported as unparseable: other rules leave them alone.
    pub(crate) broken: Vec<Span>,
}

impl<'a> UrlCheck<'a> {
    /// The non-empty path segments (the path as the API reads it). Borrowed
    /// when the path has no empty segment, as a valid URL's never has: no
    /// allocation on the common path.
    pub(crate) fn words(&self) -> std::borrow::Cow<'_, [Part<'a>]> {
        let named = self.parts.named_segments();
        if named.iter().all(|s| !s.text.is_empty()) {
            std::borrow::Cow::Borrowed(named)
        } else {
            std::borrow::Cow::Owned(self.parts.words())
        }
    }

    /// The URL's secrets, found from its parts on first use.
    pub(crate) fn secrets(&self) -> &UrlSecrets {
        self.secrets
            .get_or_init(|| UrlSecrets::of_parts(self.value, &self.parts, self.cx.known))
    }

    /// The masked URL with `span` replaced: the fix, safe to show.
    pub(crate) fn fixed(&self, span: Span, replacement: &str) -> String {
        self.secrets().fixed(span, replacement)
    }

    /// Whether no earlier rule found the part broken or a placeholder.
    pub(crate) fn clean(&self, part: &Part<'_>) -> bool {
        let overlaps =
            |s: &Span| s.start < part.span.end.max(part.span.start + 1) && part.span.start < s.end;
        !self.broken.iter().any(overlaps) && !self.placeholders.iter().any(overlaps)
    }

    /// The environment, declared or told by the host's instance.
    pub(crate) fn environment(&self) -> Option<Environment> {
        self.cx.environment.or_else(|| {
            let host = self.host.as_ref()?;
            Some(if host.instance == crate::toolbox::INSTANCE {
                Environment::Sandbox
            } else {
                Environment::Production
            })
        })
    }
}

/// Checks an API URL (base or endpoint) through every URL and API URL rule.
///
/// ```
/// use flinks_config_core::{check_api_url, UrlContext};
/// let ok = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";
/// assert!(check_api_url(ok, &UrlContext::runtime()).is_empty());
/// let dot = "https://toolbox.api.private.fin.ag/v3/";
/// assert_eq!(check_api_url(dot, &UrlContext::runtime())[0].code(), "FLK004");
/// ```
pub fn check_api_url(value: &str, cx: &UrlContext<'_>) -> Vec<Diagnostic> {
    check_url(value, UrlKind::Api, cx)
}

/// Checks a Flinks Connect iframe URL through every URL and iframe rule.
///
/// ```
/// use flinks_config_core::{check_iframe_url, UrlContext};
/// let found = check_iframe_url("https://toolbox-iframe.private.fin.ag/v2/", &UrlContext::runtime());
/// assert_eq!(found[0].code(), "FLK201"); // demo=true missing in the sandbox
/// ```
pub fn check_iframe_url(value: &str, cx: &UrlContext<'_>) -> Vec<Diagnostic> {
    check_url(value, UrlKind::Iframe, cx)
}

/// Checks a URL of the given kind. Diagnostics come sorted by position.
///
/// ```
/// use flinks_config_core::{check_url, UrlContext, UrlKind};
/// let url = "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";
/// let found = check_url(url, UrlKind::Api, &UrlContext::runtime());
/// assert_eq!(found[0].code(), "FLK003");
/// ```
pub fn check_url(value: &str, kind: UrlKind, cx: &UrlContext<'_>) -> Vec<Diagnostic> {
    url_findings(value, kind, cx).redact().into_inner()
}

/// [`check_url`]'s raw findings and the URL's secrets, before redaction.
pub(crate) fn url_findings(value: &str, kind: UrlKind, cx: &UrlContext<'_>) -> Findings {
    let mut sink = Sink::new(cx.checker);
    let (start, end) = rules::url_stray_characters::check(value, &mut sink);
    let inner = &value[start..end];
    let found: Vec<Span> = placeholders(inner)
        .into_iter()
        .map(|(s, e)| Span::new(s + start, e + start))
        .collect();
    let secrets = match UrlParts::split(inner, start) {
        Err(error) => {
            rules::url_unparseable::report_split(&error, &mut sink);
            rules::url_placeholder::report(&found, None, &mut sink);
            if sink.out.is_empty() {
                return Findings::default();
            }
            UrlSecrets::of_unsplit(value, cx.known)
        }
        Ok(parts) => {
            let mut check = UrlCheck {
                value,
                kind,
                host: classify_host(parts.host.text),
                parts,
                cx,
                secrets: std::cell::OnceCell::new(),
                placeholders: found,
                broken: Vec::new(),
            };
            rules::url_unparseable::check(&mut check, &mut sink);
            rules::url_placeholder::check(&check, &mut sink);
            rules::url_not_https::check(&check, &mut sink);
            rules::url_extra_parts::check(&check, &mut sink);
            rules::url_subdomain_dot::check(&check, &mut sink);
            rules::url_foreign_host::check(&check, &mut sink);
            rules::url_double_slash::check(&check, &mut sink);
            rules::instance_invalid::check_host(&check, &mut sink);
            rules::sandbox_instance_in_production::check_url(&check, &mut sink);
            rules::production_instance_in_sandbox::check_url(&check, &mut sink);
            rules::sandbox_credentials_in_production::check_url(&check, &mut sink);
            match kind {
                UrlKind::Api => rules::check_api_path(&check, &mut sink),
                UrlKind::Iframe => rules::check_iframe(&check, &mut sink),
            }
            if sink.out.is_empty() {
                return Findings::default();
            }
            check.secrets();
            check.secrets.into_inner().expect("found above")
        }
    };
    let mut out = sink.out;
    for d in &mut out {
        d.snippet = Some(secrets.masked().to_string());
    }
    out.sort_by_key(|d| d.span.map_or(0, |s| s.start));
    Findings::new(out, secrets.into_values())
}

/// Checks an instance name (`toolbox`, `acme`, `acme-ca`).
///
/// ```
/// use flinks_config_core::{check_instance, Checker};
/// assert!(check_instance("acme-ca", Checker::Runtime).is_empty());
/// assert_eq!(check_instance("toolbox.api", Checker::Runtime)[0].code(), "FLK506");
/// assert_eq!(
///     check_instance("43387ca6-0391-4c82-857d-70d95f087ecb", Checker::Runtime)[0].code(),
///     "FLK306"
/// );
/// ```
pub fn check_instance(value: &str, checker: Checker) -> Vec<Diagnostic> {
    let mut sink = Sink::new(checker);
    rules::instance_invalid::check_value(value, &mut sink);
    for d in &mut sink.out {
        d.snippet = Some(value.to_string());
    }
    sink.out
}

/// Checks a credential or id value of a known kind: placeholders, GUID shape,
/// and (for a customer id) an instance name written in its place. Diagnostics
/// of secret kinds carry no snippet and never quote the value.
///
/// ```
/// use flinks_config_core::{check_credential, Checker, CredentialKind};
/// assert!(check_credential("43387ca6-0391-4c82-857d-70d95f087ecb", CredentialKind::CustomerId, Checker::Runtime).is_empty());
/// assert_eq!(check_credential("changeme", CredentialKind::SecretKey, Checker::Runtime)[0].code(), "FLK303");
/// assert_eq!(check_credential("acme", CredentialKind::CustomerId, Checker::Runtime)[0].code(), "FLK306");
/// ```
pub fn check_credential(
    value: &str,
    kind: crate::CredentialKind,
    checker: Checker,
) -> Vec<Diagnostic> {
    let mut sink = Sink::new(checker);
    let placeholder = rules::credential_placeholder::check(value, kind, &mut sink);
    if !placeholder && !rules::instance_looks_like_id::check_customer_id(value, kind, &mut sink) {
        rules::credential_malformed::check(value, kind, &mut sink);
    }
    if !kind.is_secret() {
        for d in &mut sink.out {
            d.snippet = Some(value.to_string());
        }
    }
    sink.out
}
