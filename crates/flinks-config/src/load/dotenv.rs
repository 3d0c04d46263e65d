//! `.env` → [`Node`]: `KEY=value` lines, `export`, quotes, comments.
//! Values keep their stray characters (a space after `=`, quotes inside
//! quotes) so the rules can report them.

use super::tree::{Entry, Kind, Node};
use super::ParseError;
use flinks_config_core::Span;
use std::borrow::Cow;

/// Parses `.env` text. A line that is not `KEY=value` is an error.
pub fn parse(text: &str) -> Result<Node<'_>, ParseError> {
    let mut entries = Vec::new();
    let mut offset = super::bom_len(text);
    for raw_line in text[offset..].split_inclusive('\n') {
        let start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let lead = line.len() - content.len();
        let content_start = start + lead;
        let body = content
            .strip_prefix("export ")
            .map(str::trim_start)
            .unwrap_or(content);
        let body_start = content_start + (content.len() - body.len());
        let Some(eq) = body.find('=') else {
            return Err(ParseError {
                message: "a line that is not KEY=value".into(),
                span: Some(Span::new(content_start, start + line.len())),
            });
        };
        let key = body[..eq].trim_end();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(ParseError {
                message: "a line whose key is empty or has spaces".into(),
                span: Some(Span::new(body_start, body_start + eq)),
            });
        }
        let value_start = body_start + eq + 1;
        let (value, verbatim) = value(&body[eq + 1..], value_start);
        entries.push(Entry {
            key: Cow::Borrowed(key),
            key_span: Some(Span::new(body_start, body_start + key.len())),
            value: Node {
                span: Some(Span::new(value_start, start + line.len())),
                kind: Kind::Text { value, verbatim },
            },
        });
    }
    Ok(Node {
        span: Some(Span::new(0, text.len())),
        kind: Kind::Map(entries),
    })
}

/// Unquotes a value. Unquoted values end at ` #` (a comment); double quotes
/// take `\n`, `\"`, `\\` escapes.
fn value(raw: &str, start: usize) -> (Cow<'_, str>, Option<Span>) {
    let quote = raw.chars().next().filter(|c| *c == '"' || *c == '\'');
    if let Some(q) = quote {
        if let Some(close) = raw[1..].rfind(q).map(|i| i + 1) {
            let inner = &raw[1..close];
            if q == '"' && inner.contains('\\') {
                let mut out = String::with_capacity(inner.len());
                let mut chars = inner.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        match chars.next() {
                            Some('n') => out.push('\n'),
                            Some('r') => out.push('\r'),
                            Some('t') => out.push('\t'),
                            Some(other) => out.push(other),
                            None => out.push('\\'),
                        }
                    } else {
                        out.push(c);
                    }
                }
                return (Cow::Owned(out), None);
            }
            return (
                Cow::Borrowed(inner),
                Some(Span::new(start + 1, start + close)),
            );
        }
    }
    let end = raw.find(" #").unwrap_or(raw.len());
    let value = raw[..end].trim_end_matches([' ', '\t']);
    (
        Cow::Borrowed(value),
        Some(Span::new(start, start + value.len())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_key() {
        let text = "\u{feff}FLINKS_SECRET_KEY=x\n";
        let Kind::Map(entries) = parse(text).unwrap().kind else {
            panic!()
        };
        assert_eq!(entries[0].key, "FLINKS_SECRET_KEY");
        let span = entries[0].key_span.unwrap();
        assert_eq!(&text[span.start..span.end], "FLINKS_SECRET_KEY");
    }

    fn values(text: &str) -> Vec<(String, String, Option<String>)> {
        let Kind::Map(entries) = parse(text).unwrap().kind else {
            panic!()
        };
        entries
            .into_iter()
            .map(|e| match e.value.kind {
                Kind::Text { value, verbatim } => (
                    e.key.into_owned(),
                    value.into_owned(),
                    verbatim.map(|s| text[s.range()].to_string()),
                ),
                _ => panic!(),
            })
            .collect()
    }

    #[test]
    fn reads_every_form() {
        let got = values("A=1\nexport B=\"two\"\nC='three' # c\nD=\"a\\nb\"\nE= spaced\r\n");
        assert_eq!(got[0], ("A".into(), "1".into(), Some("1".into())));
        assert_eq!(got[1], ("B".into(), "two".into(), Some("two".into())));
        assert_eq!(got[2], ("C".into(), "three".into(), Some("three".into())));
        assert_eq!(got[3], ("D".into(), "a\nb".into(), None));
        assert_eq!(
            got[4],
            ("E".into(), " spaced".into(), Some(" spaced".into()))
        );
    }

    #[test]
    fn unbalanced_quotes_stay_in_the_value() {
        let got = values("A=\"https://x\n");
        assert_eq!(got[0].1, "\"https://x");
    }
}
