//! [`Report`]: every problem found, rendered like rustc, never with a secret.

use flinks_config_core::{Diagnostic, Severity, Source, Span, MASK};
use std::fmt;
use std::sync::Arc;

/// The text of a source file, kept to show the lines diagnostics point at,
/// with the byte ranges of every secret value so they are never shown.
///
/// ```
/// use flinks_config::{core::Span, report::SourceText};
/// let text = "api_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"";
/// let source = SourceText { path: "flinks.toml".into(), text: text.into(), secrets: vec![Span::new(11, 47)] };
/// assert_eq!(&source.text[source.secrets[0].range()], "3d5266a8-b697-48d4-8de6-52e2e2662acc");
/// ```
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
/// line); no secret value is ever part of it.
///
/// ```
/// use flinks_config::FlinksConfig;
/// let report = FlinksConfig::from_toml_str("[sandbox]\ninstance = \"toolbox.api\"\n", "flinks.toml").unwrap_err();
/// let text = report.to_string();
/// assert!(text.contains("error[FLK506]"));
/// assert!(text.contains("--> flinks.toml:2:20"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    sources: Vec<SourceText>,
    /// Path → position in `sources`: a linter run holds thousands of files.
    by_path: std::collections::HashMap<String, usize>,
}

impl Report {
    /// A report of these diagnostics.
    ///
    /// ```
    /// # use flinks_config::Report;
    /// assert!(Report::new(Vec::new()).is_empty());
    /// ```
    pub fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Report {
            diagnostics,
            ..Report::default()
        }
    }

    /// Orders diagnostics by source, then position (a stable sort).
    ///
    /// ```
    /// use flinks_config::{core::{rule_by_code, Diagnostic, Location, Source}, Report};
    /// let at = |file: &str| Diagnostic::new(rule_by_code("FLK510").unwrap(), "bad")
    ///     .with_location(Location::new(Source::File(file.into()), "(file)"));
    /// let mut report = Report::new(vec![at("b.toml"), at("a.toml")]);
    /// report.sort();
    /// assert_eq!(report.diagnostics()[0].location.as_ref().unwrap().source, Source::File("a.toml".into()));
    /// ```
    pub fn sort(&mut self) {
        // Keys made once per diagnostic, not once per comparison.
        self.diagnostics.sort_by_cached_key(|d| {
            let at = d.location.as_ref();
            (
                at.map(|l| l.source.to_string()),
                at.map(|l| l.key_path.clone())
                    .filter(|_| d.source_span().is_none()),
                d.source_span().map(|s| s.start),
            )
        });
    }

    /// Adds diagnostics.
    ///
    /// ```
    /// let report = flinks_config::Instance::parse("toolbox.api").unwrap_err(); // FLK506
    /// let mut all = flinks_config::Report::default();
    /// all.extend(report.diagnostics().iter().cloned());
    /// assert_eq!(all.codes(), ["FLK506"]);
    /// ```
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// Adds the text of a source, to show lines from it.
    ///
    /// ```
    /// use flinks_config::report::{Report, SourceText};
    /// let mut report = Report::default();
    /// report.add_source(SourceText { path: "flinks.toml".into(), text: "[sandbox]".into(), secrets: vec![] });
    /// assert_eq!(report.sources()[0].path, "flinks.toml");
    /// ```
    pub fn add_source(&mut self, source: SourceText) {
        self.by_path
            .entry(source.path.clone())
            .or_insert(self.sources.len());
        self.sources.push(source);
    }

    /// The text of the source at `path`, if the report holds it.
    ///
    /// ```
    /// use flinks_config::report::{Report, SourceText};
    /// let mut report = Report::default();
    /// report.add_source(SourceText { path: "a.toml".into(), text: "x".into(), secrets: vec![] });
    /// assert!(report.source("a.toml").is_some() && report.source("b.toml").is_none());
    /// ```
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
        self.diagnostics.extend(other.diagnostics);
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

    /// The sources whose lines can be shown.
    ///
    /// ```
    /// let report = flinks_config::FlinksConfig::from_toml_str("[sandbox]\ninstance = 1\n", "flinks.toml").unwrap_err();
    /// assert!(report.sources().iter().any(|s| s.path == "flinks.toml"));
    /// ```
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
        for d in &self.diagnostics {
            f.write_str(&render(d, self, false))?;
            f.write_str("\n")?;
        }
        write!(f, "{}", self.summary())
    }
}

impl std::error::Error for Report {}

/// Line and column (1-based, columns in characters) of a byte offset.
///
/// ```
/// assert_eq!(flinks_config::report::line_col("a\nbcd", 3), (2, 2));
/// ```
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

/// Masks, in one line of any format, the value after every secret-like name:
/// `secret_key = "…"`, `FLINKS_API_KEY=…`, `"SecretKey": "…"`, `apiKey: …`,
/// `authorizeToken=…` in a URL. Byte offsets are kept. This runs on every
/// line shown, so a secret is masked even in a file that failed to parse.
///
/// ```
/// use flinks_config::report::mask_inline_secrets;
/// let line = r#"{"SecretKey":"abc","Instance":"toolbox"} ?authorizeToken=xyz&demo=true"#;
/// assert_eq!(mask_inline_secrets(line), r#"{"SecretKey":"***","Instance":"toolbox"} ?authorizeToken=***&demo=true"#);
/// assert_eq!(mask_inline_secrets("?authorizeToken[]=abc&x=1"), "?authorizeToken[]=***&x=1");
/// ```
pub fn mask_inline_secrets(line: &str) -> String {
    let mut bytes = line.as_bytes().to_vec();
    // `[`, `]`, `%`: `authorizeToken[]=…` and `authorize%54oken=…` still name a token.
    let is_name =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'[' | b']' | b'%');
    let mut i = 0;
    while i < bytes.len() {
        let sep = bytes[i];
        if sep != b'=' && sep != b':' {
            i += 1;
            continue;
        }
        // The name before the separator, maybe quoted, maybe with spaces.
        let mut end = i;
        while end > 0 && bytes[end - 1] == b' ' {
            end -= 1;
        }
        if end > 0 && matches!(bytes[end - 1], b'"' | b'\'') {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && is_name(bytes[start - 1]) {
            start -= 1;
        }
        let secret = flinks_config_core::names_a_secret(&line[start..end]);
        if !secret {
            // Only a secret's value needs finding: skipping the others keeps
            // a line of many separators (`a=b=c=…`) linear.
            i += 1;
            continue;
        }
        // The value after it: a quoted string, or up to a delimiter.
        let mut v = i + 1;
        while v < bytes.len() && bytes[v] == b' ' {
            v += 1;
        }
        let (from, to) = match bytes.get(v) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let close = bytes[v + 1..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(bytes.len(), |p| v + 1 + p);
                (v + 1, close)
            }
            _ => {
                let stop = bytes[v..]
                    .iter()
                    .position(|&b| {
                        matches!(b, b'&' | b'"' | b'\'' | b'#' | b'`' | b',' | b'}' | b']')
                            || b.is_ascii_whitespace()
                    })
                    .map_or(bytes.len(), |p| v + p);
                (v, stop)
            }
        };
        if from < to && sep_is_assignment(line, i) {
            for b in &mut bytes[from..to] {
                *b = b'*';
            }
        }
        i += 1;
    }
    // Only whole multi-byte characters were replaced byte for byte by `*`,
    // which keeps valid UTF-8 only where they were ASCII: repair the rest.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `line` with every run of hex digits and dashes that holds eight or more
/// hex digits masked: whole GUIDs, and fragments or concatenations of them.
///
/// ```
/// use flinks_config::report::mask_guids;
/// assert_eq!(mask_guids("x=ca0a21e5-f00d-4bad-8c0d-5ec2e7000001!"), format!("x={}!", "*".repeat(36)));
/// assert_eq!(mask_guids("id: a0a21e5-f00d"), format!("id: {}", "*".repeat(12)));
/// assert_eq!(mask_guids("v3/BankingServices"), "v3/BankingServices");
/// ```
pub fn mask_guids(line: &str) -> String {
    let mut out = line.as_bytes().to_vec();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_hexdigit() || bytes[i] == b'-') {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_hexdigit() || bytes[i] == b'-') {
            i += 1;
        }
        if bytes[start..i]
            .iter()
            .filter(|b| b.is_ascii_hexdigit())
            .count()
            >= 8
        {
            out[start..i].fill(b'*');
        }
    }
    // Only ASCII bytes were replaced: the text stays valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `:` in `https://` is not an assignment.
fn sep_is_assignment(line: &str, at: usize) -> bool {
    !line[at..].starts_with("://")
}

const MAX_LINE: usize = 160;

fn render(d: &Diagnostic, report: &Report, color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let sev_color = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Note => "1;36",
        _ => "1",
    };
    let mut out = format!(
        "{}{}",
        paint(sev_color, &format!("{}[{}]", d.severity, d.rule.code)),
        paint("1", &format!(": {}", d.message))
    );
    out.push('\n');
    let location = d.location.as_ref();
    let file = location.and_then(|l| match &l.source {
        Source::File(path) => report.source(path),
        _ => None,
    });
    let gutter_arrow = paint("1;34", "-->");
    let mut gutter = 1;
    let pipe = paint("1;34", "|");
    match (file, d.source_span(), location) {
        (Some(src), Some(span), Some(loc)) => {
            let (line, col) = line_col(&src.text, span.start);
            let (shown, start, width) = source_line(src, d, span);
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            out.push_str(&format!(
                "{pad}{gutter_arrow} {}:{line}:{col} ({})\n",
                src.path, loc.key_path
            ));
            out.push_str(&format!(
                "{pad} {pipe}\n{} {pipe} {shown}\n",
                paint("1;34", &number)
            ));
            out.push_str(&format!(
                "{pad} {pipe} {}{}\n",
                " ".repeat(start),
                paint(sev_color, &"^".repeat(width.max(1)))
            ));
            gutter = pad.len();
        }
        (_, _, Some(loc)) => {
            let place = match &loc.source {
                Source::EnvVar(name) => format!("environment variable {name}"),
                Source::File(path) => format!("{path} ({})", loc.key_path),
                Source::Literal => "string literal".to_string(),
                Source::Value => loc.key_path.clone(),
                _ => loc.key_path.clone(),
            };
            out.push_str(&format!(" {gutter_arrow} {place}\n"));
            if let (Some(snippet), false) = (&d.snippet, loc.secret) {
                push_snippet(&mut out, snippet, d.span, &pipe, &paint(sev_color, "^"));
            }
        }
        (_, _, None) => {
            if let Some(snippet) = &d.snippet {
                push_snippet(&mut out, snippet, d.span, &pipe, &paint(sev_color, "^"));
            }
        }
    }
    if let Some(help) = &d.help {
        out.push_str(&format!(
            "{} = {}: {help}\n",
            " ".repeat(gutter),
            paint("1", "help")
        ));
    }
    out
}

fn push_snippet(out: &mut String, snippet: &str, span: Option<Span>, pipe: &str, caret: &str) {
    let shown = visible(snippet);
    out.push_str(&format!("  {pipe}\n  {pipe} {}\n", clip(&shown, 0).0));
    if let Some(span) = span {
        let start =
            display_width(&snippet[..floor_boundary(snippet, span.start.min(snippet.len()))]);
        let end = display_width(&snippet[..floor_boundary(snippet, span.end.min(snippet.len()))]);
        if start < MAX_LINE {
            let width = (end.max(start + 1) - start).min(MAX_LINE);
            out.push_str(&format!(
                "  {pipe} {}{}\n",
                " ".repeat(start),
                caret.repeat(width)
            ));
        }
    }
}

/// Control characters and whitespace other than spaces shown as escapes of
/// the same width would shift the caret; show them as `␣`-like placeholders.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || (c.is_whitespace() && c != ' ') {
                '�'
            } else {
                c
            }
        })
        .collect()
}

fn display_width(text: &str) -> usize {
    text.chars().count()
}

fn clip(line: &str, around: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_LINE {
        return (line.to_string(), 0);
    }
    let start = around
        .saturating_sub(MAX_LINE / 2)
        .min(chars.len() - MAX_LINE);
    let text: String = chars[start..start + MAX_LINE].iter().collect();
    (format!("…{text}…"), start)
}

/// The line holding `span`, with secrets masked; the caret column and width.
fn source_line(src: &SourceText, d: &Diagnostic, span: Span) -> (String, usize, usize) {
    let text = &*src.text;
    let start = floor_boundary(text, span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| i + start);
    let mut line = text[line_start..line_end].to_string();
    for secret in &src.secrets {
        let (s, e) = (secret.start.max(line_start), secret.end.min(line_end));
        if s < e {
            line.replace_range(s - line_start..e - line_start, &"*".repeat(e - s));
        }
    }
    if d.location.as_ref().is_some_and(|l| l.secret) {
        let (s, e) = (span.start.max(line_start), span.end.min(line_end));
        if s < e {
            line.replace_range(s - line_start..e - line_start, &"*".repeat(e - s));
        }
    }
    let mut line = mask_inline_secrets(&line);
    if d.rule.code == flinks_config_core::rules::config_malformed::RULE.code {
        // The file did not parse, so nothing says which values are secrets:
        // every Flinks credential is a GUID, so mask every GUID shown.
        line = mask_guids(&line);
    }
    let col = display_width(&line[..floor_boundary(&line, start - line_start)]);
    let end = floor_boundary(&line, span.end.min(line_end).max(start) - line_start);
    let width = display_width(&line[floor_boundary(&line, start - line_start)..end]);
    let (shown, offset) = clip(&visible(&line), col);
    let shift = usize::from(offset > 0);
    (shown, (col - offset) + shift, width.min(MAX_LINE))
}

/// The fixed mask shown in place of a secret.
///
/// ```
/// assert_eq!(flinks_config::report::SECRET_MASK, "[redacted]");
/// ```
pub const SECRET_MASK: &str = MASK;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_token_parameters_keeping_offsets() {
        let line = "iframe_url = \"https://x/?demo=true&authorizeToken=abc-123\"";
        let masked = mask_inline_secrets(line);
        assert_eq!(masked.len(), line.len());
        assert!(masked.contains("authorizeToken=*******\""));
        assert!(masked.contains("demo=true"));
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é=1\nab", 5), (2, 1));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
