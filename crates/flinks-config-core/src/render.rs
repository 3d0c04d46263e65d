//! rustc-style text for one finding, drawn by `annotate-snippets` (feature
//! `render`): the one caret drawer of the workspace, for the library's
//! `Report`, the linter and (later) the macros.
//!
//! It only lays out: the line it is given must **already be masked** (see
//! [`crate::redact`]); nothing here knows about secrets. Columns are
//! measured in display width, so a tab or a wide character (CJK, emoji)
//! before the underlined span keeps the carets under it.
//!
//! ```
//! use flinks_config_core::render::{render, Excerpt, Finding};
//! use flinks_config_core::Severity;
//! let line = "api_url = \"https://x.fin.ag//v3/\"";
//! let at = line.find("//v3").unwrap();
//! let text = render(&Finding {
//!     severity: Severity::Error,
//!     code: "FLK003",
//!     message: "double slash in the URL path",
//!     origin: Some("flinks.toml:2:28 (sandbox.api_url)"),
//!     excerpt: Some(Excerpt { line, number: Some(2), span: Some(at..at + 2) }),
//!     help: Some("remove the extra slash"),
//! }, false);
//! assert_eq!(text, "\
//! error[FLK003]: double slash in the URL path
//!  --> flinks.toml:2:28 (sandbox.api_url)
//!   |
//! 2 | api_url = \"https://x.fin.ag//v3/\"
//!   |                            ^^
//!   = help: remove the extra slash
//! ");
//! ```

use crate::Severity;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::borrow::Cow;
use std::ops::Range;

/// One finding, ready to draw.
///
/// ```
/// use flinks_config_core::render::{render, Finding};
/// use flinks_config_core::Severity;
/// let finding = Finding { severity: Severity::Warning, code: "FLK509", message: "unknown setting",
///     origin: Some("environment variable FLINKS_X"), excerpt: None, help: None };
/// assert_eq!(render(&finding, false), "warning[FLK509]: unknown setting\n --> environment variable FLINKS_X\n");
/// ```
#[derive(Clone, Debug)]
pub struct Finding<'a> {
    /// Error, warning or note.
    pub severity: Severity,
    /// The rule code (`FLK003`).
    pub code: &'a str,
    /// What is wrong.
    pub message: &'a str,
    /// Where, shown after `-->` (`flinks.toml:2:30 (sandbox.api_url)`).
    pub origin: Option<&'a str>,
    /// The line to show, already masked.
    pub excerpt: Option<Excerpt<'a>>,
    /// How to fix it.
    pub help: Option<&'a str>,
}

/// A shown source line (already masked) and the bytes to underline.
///
/// ```
/// use flinks_config_core::render::Excerpt;
/// let excerpt = Excerpt { line: "instance = \"toolbox.api\"", number: Some(3), span: Some(12..23) };
/// assert_eq!(&excerpt.line[excerpt.span.clone().unwrap()], "toolbox.api");
/// ```
#[derive(Clone, Debug)]
pub struct Excerpt<'a> {
    /// The line, without its line break, secrets already masked.
    pub line: &'a str,
    /// Its 1-based line number, if it has one (a value handed in as a
    /// string does not: no number is shown).
    pub number: Option<usize>,
    /// The byte range to underline, within `line` (clamped to it; an empty
    /// range gets one caret), if any.
    pub span: Option<Range<usize>>,
}

/// Renders a finding like rustc; `color` adds ANSI styles.
///
/// ```
/// use flinks_config_core::render::{render, Excerpt, Finding};
/// use flinks_config_core::Severity;
/// // A tab and a wide character before the span: the carets stay under it.
/// let line = "\tname = \"東京\" url = \"http://x\"";
/// let at = line.find("http").unwrap();
/// let text = render(&Finding { severity: Severity::Error, code: "FLK002", message: "not https",
///     origin: None, excerpt: Some(Excerpt { line, number: Some(1), span: Some(at..at + 4) }), help: None }, false);
/// let lines: Vec<&str> = text.lines().collect();
/// let column = |s: &str, needle: &str| unicode_width_of(&s[..s.find(needle).unwrap()]);
/// # fn unicode_width_of(s: &str) -> usize { s.chars().map(|c| if c == '東' || c == '京' { 2 } else { 1 }).sum() }
/// assert_eq!(column(lines[2], "http"), column(lines[3], "^^^^"));
/// ```
pub fn render(finding: &Finding<'_>, color: bool) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let (line, span) = match &finding.excerpt {
        Some(excerpt) => {
            let (line, span) = printable(excerpt.line, excerpt.span.clone().unwrap_or(0..0));
            (Some(line), excerpt.span.as_ref().map(|_| span))
        }
        None => (None, None),
    };
    // Nothing a file holds may drive the terminal: every text is escaped.
    let message = escape_controls(finding.message);
    let origin = finding.origin.map(escape_controls);
    let help = finding.help.map(escape_controls);
    let mut group = Group::with_title(level.primary_title(&*message).id(finding.code));
    if let (Some(line), Some(excerpt)) = (&line, &finding.excerpt) {
        let snippet = Snippet::source(line.as_str())
            .line_start(excerpt.number.unwrap_or(1))
            .line_numbering(excerpt.number.is_some())
            .annotations(span.map(|span| AnnotationKind::Primary.span(span)));
        group = group.element(snippet);
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let drawn = renderer.render(&[group]);
    // The width of the line-number column the `|` follows.
    let gutter = match &finding.excerpt {
        Some(Excerpt {
            number: Some(n), ..
        }) => n.to_string().len(),
        Some(_) => 0,
        None => 1,
    };
    let mut out = with_origin(&drawn, origin.as_deref(), gutter.max(1), color);
    // Written here rather than as an annotate-snippets message, which would
    // add an empty `|` line above it.
    if let Some(help) = help {
        let label = if color { "\x1b[1mhelp\x1b[0m" } else { "help" };
        out.push_str(&format!("{:gutter$} = {label}: {help}\n", ""));
    }
    out
}

/// The `-->` line, with the key path after the position (annotate-snippets
/// draws `path:line:col` only), put where rustc puts it: after the title,
/// indented to the gutter.
fn with_origin(drawn: &str, origin: Option<&str>, gutter: usize, color: bool) -> String {
    let mut out = String::with_capacity(drawn.len() + 80);
    let mut lines = drawn.split_inclusive('\n');
    if let Some(title) = lines.next() {
        out.push_str(title);
        if !title.ends_with('\n') {
            out.push('\n');
        }
    }
    if let Some(origin) = origin {
        let arrow = if color {
            "\x1b[1m\x1b[94m-->\x1b[0m"
        } else {
            "-->"
        };
        out.push_str(&format!("{:gutter$}{arrow} {origin}\n", ""));
    }
    for line in lines {
        out.push_str(line);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Whether `c` can drive a terminal or reorder what it shows: C0 and C1
/// controls, DEL, and the Unicode bidirectional overrides, isolates and
/// marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F).
///
/// ```
/// use flinks_config_core::render::is_hostile;
/// assert!(is_hostile('\x1b') && is_hostile('\u{202e}') && is_hostile('\u{9b}'));
/// assert!(!is_hostile('a') && !is_hostile('é') && !is_hostile('\t'));
/// ```
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// `text` with every [hostile](is_hostile) character written as its
/// escape (`\u{1b}`), so no escape sequence, carriage return or bidi
/// override of a file reaches a terminal or a log viewer. Tabs are kept.
///
/// ```
/// use flinks_config_core::render::escape_controls;
/// assert_eq!(escape_controls("a\x1b[31mb\u{202e}c\td"), "a\\u{1b}[31mb\\u{202e}c\td");
/// assert!(matches!(escape_controls("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The line with [hostile](is_hostile) characters escaped (see
/// [`escape_controls`]), so no escape sequence of a file reaches a terminal
/// (and a stray `\r` the finding points at stays visible); the span moves
/// with the bytes, so carets stay under the escaped text.
fn printable(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    let clamp = |i: usize| {
        let mut i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (clamp(span.start), clamp(span.end.max(span.start)));
    if !line.chars().any(is_hostile) {
        return (line.to_string(), start..end);
    }
    let mut out = String::with_capacity(line.len() + 16);
    let (mut new_start, mut new_end) = (0, 0);
    for (at, c) in line.char_indices() {
        if at == start {
            new_start = out.len();
        }
        if at == end {
            new_end = out.len();
        }
        if is_hostile(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    if start == line.len() {
        new_start = out.len();
    }
    if end == line.len() {
        new_end = out.len();
    }
    (out, new_start..new_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: &str, span: Range<usize>) -> String {
        render(
            &Finding {
                severity: Severity::Error,
                code: "FLK001",
                message: "m",
                origin: Some("f:1:1 (k)"),
                excerpt: Some(Excerpt {
                    line,
                    number: Some(1),
                    span: Some(span),
                }),
                help: None,
            },
            false,
        )
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let line = "a = \"\x1b[31mred\" b";
        let at = line.find('b').unwrap();
        let text = finding(line, at..at + 1);
        assert!(!text.contains('\x1b'), "{text}");
        assert!(text.contains("\\u{1b}[31mred"), "{text}");
    }

    #[test]
    fn hostile_text_everywhere_is_escaped_and_carets_stay_under_the_span() {
        let line = "k\u{202e}ey = \"\x1b]0;x\x07\r\" url = \"http://x\"";
        let at = line.find("http").unwrap();
        let text = render(
            &Finding {
                severity: Severity::Error,
                code: "FLK002",
                message: "m \x1b[2J",
                origin: Some("a\u{2066}b.env:1:1 (k\u{9b}ey)"),
                excerpt: Some(Excerpt {
                    line,
                    number: Some(1),
                    span: Some(at..at + 4),
                }),
                help: Some("h \u{7f}"),
            },
            false,
        );
        assert!(
            !text.chars().any(|c| c != '\n' && is_hostile(c)),
            "{text:?}"
        );
        for escaped in [
            "\\u{202e}",
            "\\u{1b}",
            "\\u{7}",
            "\\u{d}",
            "\\u{2066}",
            "\\u{9b}",
            "\\u{7f}",
        ] {
            assert!(text.contains(escaped), "{escaped} in {text}");
        }
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines.iter().find(|l| l.contains("url = ")).unwrap();
        let carets = lines.iter().find(|l| l.contains('^')).unwrap();
        assert_eq!(
            shown.find("http").unwrap(),
            carets.find('^').unwrap(),
            "{text}"
        );
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_are_clamped() {
        let _ = finding("é", 1..99);
        let (start, end) = (5, 2); // reversed, as a bad caller might pass
        let _ = finding("abc", start..end);
        let _ = finding("", 0..0);
        let _ = finding("a\r", 0..2);
    }
}
