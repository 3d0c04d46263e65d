//! [`Report`]: every problem found, rendered like rustc, never with a secret.
//!
//! A report is built only from findings that went through a
//! [`Redactor`] (`Redacted<Vec<Diagnostic>>`), and the same redactor masks
//! every source line it shows: the masking step (`Redactor::mask_line_for`)
//! is separate from the layout (`flinks_config_core::render`), which only
//! ever sees masked text.

use flinks_config_core::redact::{LineSource, Redacted, Redactor};
use flinks_config_core::render::{self, Excerpt, Finding};
use flinks_config_core::{Diagnostic, Severity, Source, Span};
use std::fmt;
use std::sync::{Arc, Mutex};

/// The text of a source file, kept to show the lines diagnostics point at,
/// with the byte ranges of every secret value so they are never shown.
#[derive(Clone)]
pub struct SourceText {
    /// The path, as the diagnostics name it.
    pub path: String,
    /// The whole text.
    pub text: Arc<str>,
    /// Secret values in the text: masked whenever a line is shown.
    pub secrets: Vec<Span>,
}

impl fmt::Debug for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceText")
            .field("path", &self.path)
            .field("len", &self.text.len())
            .finish_non_exhaustive()
    }
}

/// Every problem found while loading and checking configuration.
///
/// `Display` renders it like rustc (one block per diagnostic, then a summary
/// line); no secret value is ever part of it. It is built only from findings
/// that went through a [`Redactor`]:
///
/// ```compile_fail
/// // Raw findings do not make a report.
/// let raw: Vec<flinks_config::Diagnostic> = Vec::new();
/// let report = flinks_config::Report::new(raw);
/// ```
///
/// ```
/// use flinks_config::FlinksConfig;
/// let report = FlinksConfig::from_toml_str("[sandbox]\ninstance = \"toolbox.api\"\n", "flinks.toml").unwrap_err();
/// let text = report.to_string();
/// assert!(text.contains("error[FLK506]"));
/// assert!(text.contains("--> flinks.toml:2:20"));
/// ```
#[derive(Clone, Debug)]
pub struct Report {
    diagnostics: Redacted<Vec<Diagnostic>>,
    sources: Vec<SourceText>,
    /// Path → position in `sources`: a linter run holds thousands of files.
    by_path: std::collections::HashMap<String, usize>,
    /// Masks every line and file name shown (the findings went through it).
    /// Behind a lock: a `Redactor` builds its fragment index on first use,
    /// and a report must stay `Send + Sync` (an error type).
    redactor: Arc<Mutex<Redactor>>,
}

impl Default for Report {
    fn default() -> Self {
        Report::new(Redacted::empty())
    }
}

impl Report {
    /// A report of findings that went through a [`Redactor`].
    ///
    /// ```
    /// use flinks_config::{core::redact::Redactor, Report};
    /// assert!(Report::new(Redactor::new(&[]).redact(Vec::new())).is_empty());
    /// ```
    pub fn new(diagnostics: Redacted<Vec<Diagnostic>>) -> Self {
        Report {
            diagnostics,
            sources: Vec::new(),
            by_path: std::collections::HashMap::new(),
            redactor: Arc::new(Mutex::new(Redactor::new(&[]))),
        }
    }

    /// Findings masked by `redactor`, which also masks every source line and
    /// file name the report shows (a secret of one file pasted into another
    /// is masked in both).
    ///
    /// ```
    /// use flinks_config::{core::{redact::Redactor, rule_by_code, Diagnostic}, Report};
    /// let d = Diagnostic::new(rule_by_code("FLK002").unwrap(), "`http://x/hunter22`");
    /// let report = Report::redacted(Redactor::new(&["hunter22"]), vec![d]);
    /// assert!(!report.to_string().contains("hunter22"));
    /// ```
    pub fn redacted(redactor: Redactor, diagnostics: Vec<Diagnostic>) -> Self {
        let mut report = Report::new(redactor.redact(diagnostics));
        report.redactor = Arc::new(Mutex::new(redactor));
        report
    }

    /// These findings through this report's redactor, to [`extend`](Self::extend) it.
    ///
    /// ```
    /// use flinks_config::{core::{redact::Redactor, rule_by_code, Diagnostic}, Report};
    /// let mut report = Report::redacted(Redactor::new(&["hunter22"]), Vec::new());
    /// let found = report.redact(vec![Diagnostic::new(rule_by_code("FLK002").unwrap(), "hunter22")]);
    /// report.extend(found);
    /// assert_eq!(report.diagnostics()[0].message, "[redacted]");
    /// ```
    pub fn redact(&self, diagnostics: Vec<Diagnostic>) -> Redacted<Vec<Diagnostic>> {
        self.redactor().redact(diagnostics)
    }

    /// The same sources and redactor with other findings (the linter's,
    /// after its settings dropped some and raised others): they go through
    /// the redactor again.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// let none = report.with_findings(Vec::new());
    /// assert!(none.is_empty());
    /// ```
    pub fn with_findings(&self, diagnostics: Vec<Diagnostic>) -> Report {
        Report {
            diagnostics: self.redact(diagnostics),
            sources: self.sources.clone(),
            by_path: self.by_path.clone(),
            redactor: self.redactor.clone(),
        }
    }

    fn redactor(&self) -> std::sync::MutexGuard<'_, Redactor> {
        // A panic while masking leaves nothing half-masked worth refusing.
        self.redactor.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Findings masked with a redactor of these secret values (none, for
    /// findings that can hold none: a path that cannot be read).
    pub(crate) fn from_findings(secrets: &[&str], diagnostics: Vec<Diagnostic>) -> Self {
        Report::redacted(Redactor::new(secrets), diagnostics)
    }

    /// Orders diagnostics by source, then position (a stable sort).
    ///
    /// ```
    /// use flinks_config::{core::{rule_by_code, Diagnostic, Location, Source}, Report};
    /// let at = |file: &str| Diagnostic::new(rule_by_code("FLK510").unwrap(), "bad")
    ///     .with_location(Location::new(Source::File(file.into()), "(file)"));
    /// let mut report = Report::redacted(flinks_config::core::redact::Redactor::new(&[]), vec![at("b.toml"), at("a.toml")]);
    /// report.sort();
    /// assert_eq!(report.diagnostics()[0].location.as_ref().unwrap().source, Source::File("a.toml".into()));
    /// ```
    pub fn sort(&mut self) {
        self.diagnostics.sort_by_key(|d| {
            let at = d.location.as_ref();
            (
                at.map(|l| l.source.to_string()),
                at.map(|l| l.key_path.clone())
                    .filter(|_| d.source_span().is_none()),
                d.source_span().map(|s| s.start),
            )
        });
    }

    /// Adds findings that went through a [`Redactor`].
    ///
    /// ```
    /// use flinks_config::core::redact::Redactor;
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// let mut all = flinks_config::Report::default();
    /// all.extend(Redactor::new(&[]).redact(report.diagnostics().to_vec()));
    /// assert_eq!(all.codes(), ["FLK506"]);
    /// ```
    pub fn extend(&mut self, diagnostics: Redacted<Vec<Diagnostic>>) {
        self.diagnostics.merge(diagnostics);
    }

    #[doc(hidden)] // its type is not API
    /// Adds the text of a source, to show lines from it.
    pub fn add_source(&mut self, source: SourceText) {
        self.by_path
            .entry(source.path.clone())
            .or_insert(self.sources.len());
        self.sources.push(source);
    }

    #[doc(hidden)] // its type is not API
    /// The text of the source at `path`, if the report holds it.
    pub fn source(&self, path: &str) -> Option<&SourceText> {
        self.by_path.get(path).map(|&i| &self.sources[i])
    }

    /// Merges another report into this one.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// let mut all = flinks_config::Report::default();
    /// all.merge(report.clone());
    /// all.merge(report);
    /// assert_eq!(all.codes(), ["FLK506", "FLK506"]);
    /// ```
    pub fn merge(&mut self, other: Report) {
        self.diagnostics.merge(other.diagnostics);
        for source in other.sources {
            self.add_source(source);
        }
    }

    /// The diagnostics, in the order found.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// assert_eq!(report.diagnostics().len(), 1);
    /// assert_eq!(report.diagnostics()[0].code(), "FLK506");
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    #[doc(hidden)] // its type is not API
    /// The sources whose lines can be shown.
    pub fn sources(&self) -> &[SourceText] {
        &self.sources
    }

    /// Whether nothing was found.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// assert!(!report.is_empty());
    /// assert!(flinks_config::Report::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Whether any diagnostic is an error.
    ///
    /// ```
    /// # use flinks_config::Report;
    /// assert!(!Report::default().has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many diagnostics have this severity.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// assert_eq!(report.count(flinks_config::Severity::Error), 1);
    /// assert_eq!(report.count(flinks_config::Severity::Warning), 0);
    /// ```
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The codes, in order (handy in tests).
    ///
    /// ```
    /// # use flinks_config::Report;
    /// assert!(Report::default().codes().is_empty());
    /// ```
    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code()).collect()
    }

    /// Renders one diagnostic like rustc, with source lines when known.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// let text = report.render_diagnostic(&report.diagnostics()[0], false);
    /// assert!(text.starts_with("error[FLK506]"));
    /// ```
    pub fn render_diagnostic(&self, d: &Diagnostic, color: bool) -> String {
        render(d, self, color)
    }

    /// The summary line, e.g. `2 errors, 1 warning`.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// assert_eq!(report.summary(), "1 error, 0 warnings, 0 notes");
    /// ```
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
            plural(self.count(Severity::Note), "note")
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.diagnostics.iter() {
            f.write_str(&render(d, self, false))?;
            f.write_str("\n")?;
        }
        write!(f, "{}", self.summary())
    }
}

impl std::error::Error for Report {}

/// Line and column (1-based, columns in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One diagnostic like rustc: the masking step (the report's redactor on
/// the shown line), then the layout (`flinks_config_core::render`).
fn render(d: &Diagnostic, report: &Report, color: bool) -> String {
    let location = d.location.as_ref();
    let file = location.and_then(|l| match &l.source {
        Source::File(path) => report.source(path),
        _ => None,
    });
    let shown: String;
    let origin: String;
    let mut excerpt = None;
    match (file, d.source_span(), location) {
        (Some(src), Some(span), Some(loc)) => {
            let (line, col) = line_col(&src.text, span.start);
            let text = &*src.text;
            let start = floor_boundary(text, span.start.min(text.len()));
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| i + start);
            let kind = if d.rule.code == flinks_config_core::rules::config_malformed::RULE.code {
                // The file did not parse: nothing says which values are secrets.
                LineSource::Unparsed
            } else {
                LineSource::Parsed
            };
            let redactor = report.redactor();
            shown = redactor.mask_line_for(
                d,
                &text[line_start..line_end],
                line_start,
                &src.secrets,
                kind,
            );
            let end = span.end.clamp(start, line_end);
            excerpt = Some(Excerpt {
                line: &shown,
                number: Some(line),
                span: Some(start - line_start..end - line_start),
            });
            let path = redactor.mask_text(&src.path);
            origin = format!("{path}:{line}:{col} ({})", loc.key_path);
        }
        (_, _, Some(loc)) => {
            origin = match &loc.source {
                Source::EnvVar(name) => format!("environment variable {name}"),
                Source::File(path) => format!("{path} ({})", loc.key_path),
                Source::Literal => "string literal".to_string(),
                Source::Value => loc.key_path.clone(),
                // A source kind added later: named by its own `Display`.
                other => format!("{other} ({})", loc.key_path),
            };
            if let (Some(snippet), false) = (&d.snippet, loc.secret) {
                excerpt = Some(snippet_excerpt(snippet, d.span));
            }
        }
        (_, _, None) => {
            origin = String::new();
            if let Some(snippet) = &d.snippet {
                excerpt = Some(snippet_excerpt(snippet, d.span));
            }
        }
    }
    let finding = Finding {
        severity: d.severity,
        code: d.rule.code,
        message: &d.message,
        origin: (!origin.is_empty()).then_some(origin.as_str()),
        excerpt,
        help: d.help.as_deref(),
    };
    render::render(&finding, color)
}

/// A diagnostic's own snippet (a value handed in, already redacted).
fn snippet_excerpt(snippet: &str, span: Option<Span>) -> Excerpt<'_> {
    Excerpt {
        line: snippet,
        number: None,
        span: span.map(|s| s.range()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_an_error_type_threads_can_share() {
        // `Box<dyn Error + Send + Sync>` (anyhow, `?` in `main`) needs both.
        fn send_sync<T: Send + Sync + std::error::Error + 'static>() {}
        send_sync::<Report>();
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é=1\nab", 5), (2, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
