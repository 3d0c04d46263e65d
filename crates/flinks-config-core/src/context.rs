//! What a check knows while it runs: the caller's [`UrlContext`], the URL
//! under check ([`UrlCheck`]), a profile under check ([`ProfileCheck`]) and
//! the [`Sink`] that keeps only the rules a front end runs. A leaf: it
//! imports no rule, so every rule and every pipeline can use it.

use crate::host::FlinksHost;
use crate::profile::Profile;
use crate::redact::UrlSecrets;
use crate::rule::Checker;
use crate::url::{Part, UrlParts};
use crate::{Diagnostic, Environment, Fix, KnownValue, Span};
use std::cell::{OnceCell, RefCell};

/// Which kind of Flinks URL a value should be.
///
/// ```
/// use flinks_config_core::{check_url, UrlContext, UrlKind};
/// let url = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";
/// assert!(check_url(url, UrlKind::Api, &UrlContext::runtime()).is_empty());
/// assert!(!check_url(url, UrlKind::Iframe, &UrlContext::runtime()).is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
    /// For one value: the most findings kept per rule (see [`Sink::per_value`]).
    limit: Option<usize>,
    /// Findings past the limit, counted per rule, in the order first met.
    pub(crate) dropped: Vec<(&'static crate::Rule, usize)>,
}

/// The most findings of one rule listed for one value; the rest are
/// counted ("… and N more of FLK206"): a hostile value of 400,000 stray
/// `?` runs would otherwise be 400,000 findings, each quoting the value.
pub(crate) const PER_VALUE_LIMIT: usize = 10;

impl Sink {
    pub(crate) fn new(checker: Checker) -> Self {
        Sink {
            checker,
            out: Vec::new(),
            limit: None,
            dropped: Vec::new(),
        }
    }

    /// A sink for one value's findings: at most [`PER_VALUE_LIMIT`] of each
    /// rule are kept, the rest counted in `dropped`.
    pub(crate) fn per_value(checker: Checker) -> Self {
        Sink {
            limit: Some(PER_VALUE_LIMIT),
            ..Sink::new(checker)
        }
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        let rule = diagnostic.rule;
        self.push_with(rule, || diagnostic);
    }

    /// Pushes the diagnostic `make` builds, building it only when it is
    /// kept: a rule whose message or help costs a pass over the value (the
    /// corrected URL) stays linear however many times it fires.
    pub(crate) fn push_with(
        &mut self,
        rule: &'static crate::Rule,
        make: impl FnOnce() -> Diagnostic,
    ) {
        if !rule.checked_by(self.checker) {
            return;
        }
        if let Some(limit) = self.limit {
            if self
                .out
                .iter()
                .filter(|d| std::ptr::eq(d.rule, rule))
                .count()
                >= limit
            {
                match self
                    .dropped
                    .iter_mut()
                    .find(|(r, _)| std::ptr::eq(*r, rule))
                {
                    Some((_, n)) => *n += 1,
                    None => self.dropped.push((rule, 1)),
                }
                return;
            }
        }
        self.out.push(make());
    }

    /// One finding per rule that fired past the limit: "… and N more".
    pub(crate) fn summaries(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.dropped.iter().map(|&(rule, n)| {
            let plural = if n == 1 { "" } else { "s" };
            Diagnostic::new(
                rule,
                format!(
                    "… and {n} more finding{plural} of {} in this value",
                    rule.code
                ),
            )
            .with_help("fix the ones listed; the others are of the same kind")
        })
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
    pub(crate) secrets: OnceCell<UrlSecrets>,
    pub(crate) placeholders: Vec<Span>,
    /// Spans already reported as unparseable (FLK001 records them as it
    /// reports): the rules after it leave them alone.
    pub(crate) broken: RefCell<Vec<Span>>,
}

impl<'a> UrlCheck<'a> {
    /// The non-empty path segments of the path the HTTP client requests
    /// (dot segments resolved: FLK010 reports them, and every path rule
    /// judges what is actually sent). Borrowed when the path has no empty
    /// and no dot segment, as a valid URL's never has: no allocation on the
    /// common path.
    pub(crate) fn words(&self) -> std::borrow::Cow<'_, [Part<'a>]> {
        let named = self.parts.named_segments();
        if named.iter().all(|s| !s.text.is_empty()) && !self.parts.has_dot_segments() {
            std::borrow::Cow::Borrowed(named)
        } else {
            std::borrow::Cow::Owned(
                self.parts
                    .resolved_segments()
                    .into_iter()
                    .filter(|s| !s.text.is_empty())
                    .collect(),
            )
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

    /// The value with `span` replaced, as a structured fix: machine-applicable
    /// when `certain`. Built from the value itself, never from masked text:
    /// a URL holding a secret gets no fix (its help still shows the masked
    /// correction).
    pub(crate) fn fix(&self, span: Span, replacement: &str, certain: bool) -> Option<Fix> {
        if self.secrets().masked() != self.value {
            return None;
        }
        let mut value = self.value.to_string();
        value.replace_range(span.range(), replacement);
        Some(if certain {
            Fix::machine_applicable(value)
        } else {
            Fix::suggestion(value)
        })
    }

    /// Whether no earlier rule found the part broken or a placeholder.
    ///
    /// Placeholders come from `text::placeholders`, sorted and disjoint.
    pub(crate) fn clean(&self, part: &Part<'_>) -> bool {
        let overlaps =
            |s: &Span| s.start < part.span.end.max(part.span.start + 1) && part.span.start < s.end;
        // Placeholders are sorted and disjoint: the only one that can overlap
        // is the first ending after the part starts (a binary search; a
        // scan per part was quadratic in a URL of many placeholders).
        let first = self
            .placeholders
            .partition_point(|p| p.end <= part.span.start);
        !self.broken.borrow().iter().any(overlaps)
            && !self.placeholders.get(first).is_some_and(overlaps)
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

/// A profile under check: the profile and its environment (declared, or
/// `None` when unknown), as every profile rule sees it.
pub(crate) struct ProfileCheck<'p, 'a> {
    pub(crate) profile: &'p Profile<'a>,
    pub(crate) environment: Option<Environment>,
}
