//! The text of a compile error or warning: `FLKnnn: message`, the literal
//! with the bad characters marked by carets (a span cannot point inside a
//! literal on stable Rust), then the help.

use flinks_config_core::Diagnostic;

/// The message for diagnostic `d` of the literal whose value is `value`.
pub fn message(d: &Diagnostic, value: &str) -> String {
    // The snippet is the value with secrets masked, byte for byte.
    let shown = match &d.snippet {
        Some(s) if s.len() == value.len() => s.as_str(),
        _ => value,
    };
    let mut out = format!("{}: {}", d.code(), d.message);
    if let Some(span) = d.span {
        out.push('\n');
        out.push_str(&underline(shown, span.start, span.end));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("\nhelp: {help}"));
    }
    out
}

/// Two indented lines: `value` as a quoted, escaped literal, and carets
/// under the bytes `start..end` (one caret at `start` when the span is empty).
fn underline(value: &str, start: usize, end: usize) -> String {
    let mut line = String::from("  \"");
    let mut carets = String::from("   ");
    for (at, c) in value.char_indices().chain([(value.len(), '"')]) {
        let text = match c {
            _ if at == value.len() => "\"".to_string(),
            '\'' => "'".to_string(),
            _ => c.escape_debug().to_string(),
        };
        let inside = (at >= start && at < end) || (start == end && at == start);
        line.push_str(&text);
        carets.push_str(&if inside { "^" } else { " " }.repeat(text.chars().count()));
    }
    format!("{line}\n{}", carets.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expand::{check, Kind};

    #[test]
    fn carets_follow_escapes() {
        let drawn = underline("a\nb", 2, 3);
        let (line, carets) = drawn.split_once('\n').unwrap();
        assert_eq!(line, "  \"a\\nb\"");
        assert_eq!(carets.find('^'), Some(6));
        assert_eq!(
            underline("ab", 2, 2).lines().nth(1).unwrap().find('^'),
            Some(5)
        );
    }

    #[test]
    fn message_without_span_or_help() {
        let mut d = check(Kind::Instance, None, "Acme.ca").remove(0);
        d.span = None;
        d.help = None;
        assert_eq!(message(&d, "Acme.ca"), format!("FLK506: {}", d.message));
    }
}
