//! What a rule reports: [`Diagnostic`], with where the checked value came from.

use crate::rule::{Rule, Severity};
use std::fmt;

/// A byte range `start..end` into a text.
///
/// ```
/// use flinks_config_core::Span;
/// let span = Span::new(3, 5);
/// assert_eq!(&"abcdefg"[span.range()], "de");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    ///
    /// ```
    /// # use flinks_config_core::Span;
    /// assert!(Span::new(2, 2).is_empty());
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, to slice the text it points into.
    ///
    /// ```
    /// # use flinks_config_core::Span;
    /// assert_eq!(Span::new(0, 2).range(), 0..2);
    /// ```
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// # use flinks_config_core::Span;
    /// assert!(!Span::new(0, 1).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span moved right by `offset` bytes.
    ///
    /// ```
    /// # use flinks_config_core::Span;
    /// assert_eq!(Span::new(1, 2).shift(10), Span::new(11, 12));
    /// ```
    pub const fn shift(self, offset: usize) -> Self {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// Where a checked value came from.
///
/// ```
/// use flinks_config_core::Source;
/// let source = Source::EnvVar("FLINKS_API_URL".into());
/// assert_eq!(source.to_string(), "environment variable FLINKS_API_URL");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// An environment variable, by name.
    EnvVar(String),
    /// A file, by path.
    File(String),
    /// A string literal in Rust code, checked by a macro.
    Literal,
    /// A value handed to the library directly (a string in memory).
    Value,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::EnvVar(name) => write!(f, "environment variable {name}"),
            Source::File(path) => f.write_str(path),
            Source::Literal => f.write_str("string literal"),
            Source::Value => f.write_str("value"),
        }
    }
}

/// Where a value sits: its source, its key path inside that source, and its
/// byte span in the source text when the value appears there verbatim.
///
/// ```
/// use flinks_config_core::{Location, Source, Span};
/// let at = Location::new(Source::File("flinks.toml".into()), "production.api_url")
///     .with_span(Span::new(40, 90));
/// assert_eq!(at.key_path, "production.api_url");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Location {
    /// The file, variable or literal the value came from.
    pub source: Source,
    /// Dotted key path, e.g. `production.secret_key`, or the variable name.
    pub key_path: String,
    /// The value's bytes in the source text, when the value is written there
    /// verbatim (no escapes), so a diagnostic span can be mapped onto the file.
    pub span: Option<Span>,
    /// The value is a secret: a renderer must never show its text.
    pub secret: bool,
}

impl Location {
    /// A location with no span, not secret.
    ///
    /// ```
    /// # use flinks_config_core::{Location, Source};
    /// let at = Location::new(Source::EnvVar("FLINKS_INSTANCE".into()), "FLINKS_INSTANCE");
    /// assert!(at.span.is_none());
    /// ```
    pub fn new(source: Source, key_path: impl Into<String>) -> Self {
        Location {
            source,
            key_path: key_path.into(),
            span: None,
            secret: false,
        }
    }

    /// The same location with the value's span in the source text.
    ///
    /// ```
    /// # use flinks_config_core::{Location, Source, Span};
    /// let at = Location::new(Source::Value, "x").with_span(Span::new(1, 4));
    /// assert_eq!(at.span, Some(Span::new(1, 4)));
    /// ```
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// The same location, marked as holding a secret.
    ///
    /// ```
    /// # use flinks_config_core::{Location, Source};
    /// assert!(Location::new(Source::Value, "secret_key").secret().secret);
    /// ```
    pub fn secret(mut self) -> Self {
        self.secret = true;
        self
    }
}

/// The value a finding proposes instead of the checked one: the whole
/// corrected value, never built from masked text (a value holding a secret
/// gets none), and whether it may be written without asking
/// (`flinks-config lint --fix`).
///
/// ```
/// use flinks_config_core::Fix;
/// let fix = Fix::machine_applicable("https://toolbox-api.private.fin.ag/v3/");
/// assert!(fix.machine_applicable);
/// assert!(!Fix::suggestion("https://x/").machine_applicable);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Fix {
    /// The corrected whole value.
    pub value: String,
    /// Certain to be right: `--fix` writes it.
    pub machine_applicable: bool,
}

impl Fix {
    /// A fix certain to be right.
    ///
    /// ```
    /// # use flinks_config_core::Fix;
    /// assert_eq!(Fix::machine_applicable("v").value, "v");
    /// ```
    pub fn machine_applicable(value: impl Into<String>) -> Self {
        Fix {
            value: value.into(),
            machine_applicable: true,
        }
    }

    /// A likely fix, shown but never written without asking.
    ///
    /// ```
    /// # use flinks_config_core::Fix;
    /// assert!(!Fix::suggestion("v").machine_applicable);
    /// ```
    pub fn suggestion(value: impl Into<String>) -> Self {
        Fix {
            value: value.into(),
            machine_applicable: false,
        }
    }
}

/// One finding of one rule.
///
/// Messages and help are written from the shape of the input, and `snippet`
/// is only set for non-secret values. A rule's raw diagnostic may still quote
/// a secret pasted where it does not belong; every diagnostic a `check_*`
/// function returns has been through the [`Redactor`](crate::redact::Redactor).
///
/// ```
/// use flinks_config_core::{check_api_url, UrlContext};
/// let found = check_api_url(
///     "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
///     &UrlContext::runtime(),
/// );
/// assert_eq!(found[0].code(), "FLK003");
/// assert_eq!(found[0].span.unwrap().start, 34);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule that fired.
    pub rule: &'static Rule,
    /// Severity of this finding (usually the rule's default).
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The bad bytes, relative to the checked value.
    pub span: Option<Span>,
    /// The checked value, safe to show (secrets masked), when it may be shown.
    pub snippet: Option<String>,
    /// Where the checked value came from.
    pub location: Option<Location>,
    /// The corrected value, when the rule knows it.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of `rule` with its default severity.
    ///
    /// ```
    /// use flinks_config_core::{rules, Diagnostic};
    /// let d = Diagnostic::new(&rules::url_not_https::RULE, "scheme is http");
    /// assert_eq!(d.code(), "FLK002");
    /// ```
    pub fn new(rule: &'static Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            span: None,
            snippet: None,
            location: None,
            fix: None,
        }
    }

    /// The rule code, e.g. `FLK003`.
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic};
    /// assert_eq!(Diagnostic::new(&rules::field_missing::RULE, "m").code(), "FLK508");
    /// ```
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// Sets the help text.
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic};
    /// let d = Diagnostic::new(&rules::field_missing::RULE, "m").with_help("add it");
    /// assert_eq!(d.help.as_deref(), Some("add it"));
    /// ```
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the corrected value.
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic, Fix};
    /// let d = Diagnostic::new(&rules::url_not_https::RULE, "m").with_fix(Fix::suggestion("https://x/"));
    /// assert_eq!(d.fix.unwrap().value, "https://x/");
    /// ```
    pub fn with_fix(mut self, fix: impl Into<Option<Fix>>) -> Self {
        self.fix = fix.into();
        self
    }

    /// The corrected value `--fix` may write, if any.
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic, Fix};
    /// let d = Diagnostic::new(&rules::url_not_https::RULE, "m").with_fix(Fix::suggestion("https://x/"));
    /// assert!(d.applicable_fix().is_none());
    /// ```
    pub fn applicable_fix(&self) -> Option<&str> {
        self.fix
            .as_ref()
            .filter(|f| f.machine_applicable)
            .map(|f| f.value.as_str())
    }

    /// Sets the span (relative to the checked value).
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic, Span};
    /// let d = Diagnostic::new(&rules::field_missing::RULE, "m").with_span(Span::new(0, 1));
    /// assert_eq!(d.span, Some(Span::new(0, 1)));
    /// ```
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Sets the severity (e.g. a rule that reports an alias as a note).
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic, Severity};
    /// let d = Diagnostic::new(&rules::environment_unknown::RULE, "m").with_severity(Severity::Note);
    /// assert_eq!(d.severity, Severity::Note);
    /// ```
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets where the value came from. A secret location drops the snippet.
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic, Location, Source};
    /// let d = Diagnostic::new(&rules::field_missing::RULE, "m")
    ///     .with_location(Location::new(Source::Value, "production"));
    /// assert_eq!(d.location.unwrap().key_path, "production");
    /// ```
    pub fn with_location(mut self, location: Location) -> Self {
        if location.secret {
            self.snippet = None;
        }
        self.location = Some(location);
        self
    }

    /// The span in the source text: the value's own span shifted by the
    /// value's position, or the whole value when no finer span is known.
    ///
    /// ```
    /// # use flinks_config_core::{rules, Diagnostic, Location, Source, Span};
    /// let d = Diagnostic::new(&rules::url_not_https::RULE, "m")
    ///     .with_span(Span::new(0, 4))
    ///     .with_location(Location::new(Source::Value, "k").with_span(Span::new(10, 40)));
    /// assert_eq!(d.source_span(), Some(Span::new(10, 14)));
    /// ```
    pub fn source_span(&self) -> Option<Span> {
        let value = self.location.as_ref()?.span?;
        Some(match self.span {
            Some(inner) => inner.shift(value.start),
            None => value,
        })
    }
}

impl fmt::Display for Diagnostic {
    /// `error[FLK003]: message`, then ` (at key path)` when known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.rule.code, self.message)?;
        if let Some(location) = &self.location {
            write!(f, " (at {})", location.key_path)?;
        }
        Ok(())
    }
}
