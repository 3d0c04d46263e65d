//! [`Report`]: every problem found, rendered like rustc, never with a secret.
//!
//! A report is built only from findings that went through a
//! [`Redactor`] (`Redacted<Vec<Diagnostic>>`), and the same redactor masks
//! every source line it shows: the masking step (`Redactor::mask_line`, once
//! per shown line, then `Redactor::mask_own_span`)
//! is separate from the layout (`flinks_config_core::render`), which only
//! ever sees masked text.

use flinks_config_core::redact::{LineSource, Redacted, Redactor};
use flinks_config_core::render::{self, Excerpt, Finding};
use flinks_config_core::{Diagnostic, Severity, Source, Span};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

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
    /// How the sources are found and placed (boxed: a report is an error
    /// type, returned by value).
    lookup: Box<Lookup>,
    /// Masks every line and file name shown (the findings went through it).
    /// Behind a lock: a `Redactor` builds its fragment index on first use,
    /// and a report must stay `Send + Sync` (an error type).
    redactor: Arc<Mutex<Redactor>>,
}

/// Masked lines by (source, line start, parsed).
type ShownLines = HashMap<(usize, usize, bool), Arc<str>>;

/// How a report finds its sources and places findings in them.
#[derive(Clone, Default)]
struct Lookup {
    /// Path → position in `sources`: a linter run holds thousands of files.
    by_path: HashMap<String, usize>,
    /// Beside each source: where its lines start, built on first need, so
    /// that placing a finding costs a binary search, not a scan of the file
    /// (a file of 100,000 findings was quadratic).
    indexes: Vec<Arc<OnceLock<LineIndex>>>,
    /// Lines already masked for showing, by (source, line start, parsed):
    /// a line of many findings is masked once, not once per finding.
    shown_lines: Arc<Mutex<ShownLines>>,
}

impl fmt::Debug for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lookup")
            .field("sources", &self.indexes.len())
            .finish_non_exhaustive()
    }
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
            lookup: Box::default(),
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
            lookup: self.lookup.clone(),
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

    #[doc(hidden)] // not API: the linter filters findings without copying them
    /// Takes the findings out, leaving the report's sources and redactor
    /// (to [`with_findings`](Self::with_findings) the ones kept).
    ///
    /// ```
    /// let mut report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// let taken = report.take_diagnostics();
    /// assert_eq!(taken.len(), 1);
    /// assert!(report.is_empty());
    /// ```
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::replace(&mut self.diagnostics, Redacted::empty()).into_inner()
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
    pub fn add_source(&mut self, mut source: SourceText) {
        self.lookup
            .by_path
            .entry(source.path.clone())
            .or_insert(self.sources.len());
        // In order, so a shown line finds its secrets by binary search.
        source.secrets.sort_unstable();
        self.sources.push(source);
        self.lookup.indexes.push(Arc::default());
    }

    #[doc(hidden)] // its type is not API
    /// The text of the source at `path`, if the report holds it.
    pub fn source(&self, path: &str) -> Option<&SourceText> {
        self.lookup.by_path.get(path).map(|&i| &self.sources[i])
    }

    /// The source at `path` and its line index.
    fn indexed(&self, path: &str) -> Option<(usize, &SourceText, &LineIndex)> {
        let &i = self.lookup.by_path.get(path)?;
        let source = &self.sources[i];
        let index =
            self.lookup.indexes[i].get_or_init(|| LineIndex::new(&source.text, &source.secrets));
        Some((i, source, index))
    }

    #[doc(hidden)] // not API: the linter's outputs
    /// Line and column (1-based, columns in characters) of a byte offset in
    /// the source at `path`: a binary search in its line index.
    ///
    /// ```
    /// # use flinks_config::{Report, __private::SourceText};
    /// let mut report = Report::default();
    /// report.add_source(SourceText { path: "a".into(), text: "é=1\nab".into(), secrets: vec![] });
    /// assert_eq!(report.position("a", 5), Some((2, 1)));
    /// ```
    pub fn position(&self, path: &str, offset: usize) -> Option<(usize, usize)> {
        let (_, source, index) = self.indexed(path)?;
        Some(index.line_col(&source.text, offset))
    }

    #[doc(hidden)] // not API: inline suppressions
    /// The text of line `number` (1-based, without its line break) of the
    /// source at `path`.
    ///
    /// ```
    /// # use flinks_config::{Report, __private::SourceText};
    /// let mut report = Report::default();
    /// report.add_source(SourceText { path: "a".into(), text: "x\r\ny\n".into(), secrets: vec![] });
    /// assert_eq!(report.line_text("a", 1), Some("x"));
    /// assert_eq!(report.line_text("a", 2), Some("y"));
    /// assert_eq!(report.line_text("a", 3), None);
    /// ```
    pub fn line_text(&self, path: &str, number: usize) -> Option<&str> {
        let (_, source, index) = self.indexed(path)?;
        let range = index.line(&source.text, number)?;
        let line = &source.text[range];
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// Line `line` of source `i` (`range` in its text), masked once for
    /// every finding that shows it.
    fn shown_line(&self, i: usize, range: Range<usize>, kind: LineSource) -> Arc<str> {
        let key = (i, range.start, kind == LineSource::Parsed);
        let cached = self
            .lookup
            .shown_lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        if let Some(line) = cached {
            return line;
        }
        let source = &self.sources[i];
        // Only the secrets that can touch the line (sorted by start).
        let secrets = &source.secrets;
        let upto = secrets.partition_point(|s| s.start < range.end);
        let reach = &self.lookup.indexes[i]
            .get()
            .expect("built by `indexed`")
            .reach;
        let from = reach.partition_point(|&end| end <= range.start).min(upto);
        let shown: Arc<str> = self
            .redactor()
            .mask_line(
                &source.text[range.clone()],
                range.start,
                &secrets[from..upto],
                kind,
            )
            .into();
        self.lookup
            .shown_lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, shown.clone());
        shown
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

/// Where each line of a text starts and where its multi-byte characters
/// are: the line and column of any offset in `O(log n)`.
#[derive(Debug, Default)]
struct LineIndex {
    /// The byte offset of each line's first byte.
    starts: Vec<usize>,
    /// The offsets of UTF-8 continuation bytes (columns count characters).
    continuations: Vec<usize>,
    /// For the source's secret spans (sorted by start), the furthest end of
    /// each and all before it: the secrets that can touch a line are found
    /// by binary search, even one of many lines.
    reach: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str, secrets: &[Span]) -> Self {
        let mut index = LineIndex {
            starts: vec![0],
            continuations: Vec::new(),
            reach: secrets
                .iter()
                .scan(0, |furthest, s| {
                    *furthest = s.end.max(*furthest);
                    Some(*furthest)
                })
                .collect(),
        };
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b == b'\n' {
                index.starts.push(i + 1);
            } else if b & 0xC0 == 0x80 {
                index.continuations.push(i);
            }
        }
        index
    }

    /// Like [`line_col`], by binary search.
    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let wide = self.continuations.partition_point(|&c| c < offset)
            - self.continuations.partition_point(|&c| c < start);
        (line, offset - start - wide + 1)
    }

    /// The byte range of line `number` (1-based), without its `\n`.
    fn line(&self, text: &str, number: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(number.checked_sub(1)?)?;
        if start == text.len() && number > 1 {
            return None; // after a final line break: no line
        }
        let end = self.starts.get(number).map_or(text.len(), |&s| s - 1);
        Some(start..end)
    }
}

/// The widest excerpt shown around a finding: a line of megabytes is cut
/// around the span (with `…`), so output grows with findings, not with
/// findings times line length.
const EXCERPT_CONTEXT: usize = 60;
/// The most of a long span shown.
const EXCERPT_SPAN: usize = 120;

/// The part of `line` to show for `span` (both within the line): a range
/// of `line` on character boundaries, whole when the line is short.
fn excerpt_window(line: &str, span: Range<usize>) -> Range<usize> {
    if line.len() <= 2 * EXCERPT_CONTEXT + EXCERPT_SPAN {
        return 0..line.len();
    }
    let start = floor_boundary(line, span.start.saturating_sub(EXCERPT_CONTEXT));
    let span_end = span.end.min(span.start + EXCERPT_SPAN);
    let mut end = (span_end + EXCERPT_CONTEXT).min(line.len());
    while !line.is_char_boundary(end) {
        end += 1;
    }
    start..end
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
        (Some(_), Some(span), Some(loc)) => {
            let path = match &loc.source {
                Source::File(path) => path.as_str(),
                _ => "",
            };
            let (i, src, index) = report.indexed(path).expect("the source is held");
            let text = &*src.text;
            let (line, col) = index.line_col(text, span.start);
            let range = index.line(text, line).unwrap_or(text.len()..text.len());
            let start = floor_boundary(text, span.start.min(text.len())).max(range.start);
            let kind = if d.rule.code == flinks_config_core::rules::config_malformed::RULE.code {
                // The file did not parse: nothing says which values are secrets.
                LineSource::Unparsed
            } else {
                LineSource::Parsed
            };
            let masked = report.shown_line(i, range.clone(), kind);
            let end = span.end.clamp(start, range.end);
            let caret = start - range.start..end - range.start;
            let window = excerpt_window(&masked, caret.clone());
            let redactor = report.redactor();
            let part =
                redactor.mask_own_span(d, &masked[window.clone()], range.start + window.start);
            let before = if window.start > 0 { "…" } else { "" };
            let after = if window.end < masked.len() { "…" } else { "" };
            shown = format!("{before}{part}{after}");
            let shift =
                |at: usize| (at.clamp(window.start, window.end) - window.start) + before.len();
            excerpt = Some(Excerpt {
                line: &shown,
                number: Some(line),
                span: Some(shift(caret.start)..shift(caret.end)),
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
    fn the_line_index_agrees_with_a_scan() {
        let text = "é=1\nab\r\n\n€x\u{1F600}y\nlast";
        let index = LineIndex::new(text, &[]);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(text, offset),
                line_col(text, offset),
                "{offset}"
            );
        }
        assert_eq!(&text[index.line(text, 2).unwrap()], "ab\r");
        assert_eq!(&text[index.line(text, 3).unwrap()], "");
        assert_eq!(&text[index.line(text, 5).unwrap()], "last");
        assert_eq!(index.line(text, 6), None);
        assert_eq!(index.line(text, 0), None);
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let line = format!("{}é{}", "a".repeat(5000), "b".repeat(5000));
        let window = excerpt_window(&line, 5000..5002);
        assert!(window.len() < 300 && window.contains(&5000), "{window:?}");
        assert!(line.is_char_boundary(window.start) && line.is_char_boundary(window.end));
        assert_eq!(excerpt_window("short", 1..2), 0..5);
        // A huge span is shown in part.
        assert!(excerpt_window(&line, 10..9000).len() < 300);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é=1\nab", 5), (2, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
