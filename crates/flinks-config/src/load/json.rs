//! JSON → [`Node`], keeping spans. Accepts what .NET `appsettings.json` and
//! Node configs contain in practice: `//` and `/* */` comments and trailing
//! commas. Nesting is limited, so hostile input errors instead of overflowing.

use super::tree::{Entry, Kind, Node};
use super::ParseError;
use flinks_config_core::Span;
use std::borrow::Cow;

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 128;

/// Parses JSON (with comments and trailing commas).
pub fn parse(text: &str) -> Result<Node<'_>, ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: super::bom_len(text),
    };
    p.skip();
    let node = p.value(0)?;
    p.skip();
    if p.at < p.bytes.len() {
        return Err(p.error("unexpected text after the JSON value"));
    }
    Ok(node)
}

struct Parser<'s> {
    text: &'s str,
    bytes: &'s [u8],
    at: usize,
}

impl<'s> Parser<'s> {
    fn error(&self, message: &str) -> ParseError {
        let end = (self.at + 1).min(self.bytes.len());
        ParseError {
            message: format!("invalid JSON: {message}"),
            span: Some(Span::new(self.at.min(self.bytes.len()), end)),
        }
    }

    fn skip(&mut self) {
        loop {
            while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
            let rest = &self.bytes[self.at..];
            if rest.starts_with(b"//") {
                self.at += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            } else if rest.starts_with(b"/*") {
                self.at += rest[2..]
                    .windows(2)
                    .position(|w| w == b"*/")
                    .map_or(rest.len(), |i| i + 4);
            } else {
                return;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'s>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(super::TOO_DEEP));
        }
        let start = self.at;
        let kind = match self.bytes.get(self.at) {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => {
                let (value, verbatim) = self.string()?;
                Kind::Text { value, verbatim }
            }
            Some(b't') => self.word("true", "a boolean")?,
            Some(b'f') => self.word("false", "a boolean")?,
            Some(b'n') => self.word("null", "null")?,
            Some(b'-' | b'0'..=b'9') => {
                while self.at < self.bytes.len()
                    && matches!(
                        self.bytes[self.at],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.at += 1;
                }
                Kind::Other("a number")
            }
            Some(_) => return Err(self.error("expected a value")),
            None => return Err(self.error("unexpected end of input")),
        };
        Ok(Node {
            span: Some(Span::new(start, self.at)),
            kind,
        })
    }

    fn word(&mut self, word: &str, what: &'static str) -> Result<Kind<'s>, ParseError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(Kind::Other(what))
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), ParseError> {
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Kind<'s>, ParseError> {
        self.at += 1;
        let mut entries = Vec::new();
        loop {
            self.skip();
            if self.bytes.get(self.at) == Some(&b'}') {
                self.at += 1;
                return Ok(Kind::Map(entries));
            }
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error("expected a quoted key or `}`"));
            }
            let key_start = self.at;
            let (key, _) = self.string()?;
            let key_span = Some(Span::new(key_start + 1, self.at - 1));
            self.skip();
            self.expect(b':', "expected `:` after the key")?;
            self.skip();
            let value = self.value(depth + 1)?;
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            self.skip();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {}
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind<'s>, ParseError> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip();
            if self.bytes.get(self.at) == Some(&b']') {
                self.at += 1;
                return Ok(Kind::List(items));
            }
            items.push(self.value(depth + 1)?);
            self.skip();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {}
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// A string at `self.at` (on its opening quote).
    fn string(&mut self) -> Result<(Cow<'s, str>, Option<Span>), ParseError> {
        let start = self.at + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            match self.bytes.get(i) {
                None => {
                    self.at = start - 1;
                    return Err(self.error("unterminated string"));
                }
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    i += 2;
                }
                Some(_) => i += 1,
            }
        }
        let raw = &self.text[start..i.min(self.text.len())];
        self.at = i + 1;
        if !escaped {
            return Ok((Cow::Borrowed(raw), Some(Span::new(start, i))));
        }
        self.unescape(raw, start)
            .map(|value| (Cow::Owned(value), None))
    }

    /// The value of a string's inside `raw` (starting at byte `start`) that
    /// holds escapes. Only JSON's escapes are accepted; `\uXXXX` pairs of
    /// UTF-16 surrogates make one character.
    fn unescape(&self, raw: &str, start: usize) -> Result<String, ParseError> {
        let bad = |at: usize, len: usize, message: &str| ParseError {
            message: format!("invalid JSON: {message}"),
            span: Some(Span::new(
                start + at,
                (start + at + len).min(start + raw.len()),
            )),
        };
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(backslash) = rest.find('\\') {
            out.push_str(&rest[..backslash]);
            let at = raw.len() - rest.len() + backslash;
            let escape = &raw[at..];
            let (c, len) = match escape.as_bytes().get(1) {
                Some(b'"') => ('"', 2),
                Some(b'\\') => ('\\', 2),
                Some(b'/') => ('/', 2),
                Some(b'n') => ('\n', 2),
                Some(b'r') => ('\r', 2),
                Some(b't') => ('\t', 2),
                Some(b'b') => ('\u{8}', 2),
                Some(b'f') => ('\u{c}', 2),
                Some(b'u') => {
                    let unit = |from: usize| {
                        escape
                            .get(from..from + 4)
                            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                    };
                    let high = unit(2).ok_or_else(|| bad(at, 2, "`\\u` needs four hex digits"))?;
                    if (0xD800..0xDC00).contains(&high) {
                        // A UTF-16 pair: `\ud83d\ude00` is one emoji.
                        let low = escape
                            .get(6..8)
                            .filter(|u| *u == "\\u")
                            .and_then(|_| unit(8))
                            .filter(|low| (0xDC00..0xE000).contains(low))
                            .ok_or_else(|| bad(at, 6, "a lone UTF-16 surrogate escape"))?;
                        let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        (
                            char::from_u32(c).expect("a surrogate pair is a character"),
                            12,
                        )
                    } else {
                        let c = char::from_u32(high)
                            .ok_or_else(|| bad(at, 6, "a lone UTF-16 surrogate escape"))?;
                        (c, 6)
                    }
                }
                _ => {
                    let len = escape[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
                    return Err(bad(
                        at,
                        len,
                        "an unknown escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                    ));
                }
            };
            out.push(c);
            rest = &raw[at + len..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_skipped() {
        // Visual Studio saves appsettings.json with one.
        let text = "\u{feff}{\"Flinks\": {\"Instance\": \"toolbox\"}}";
        let Kind::Map(entries) = parse(text).unwrap().kind else {
            panic!()
        };
        assert_eq!(entries[0].key, "Flinks");
        assert!(parse("{}\u{feff}").is_err(), "only at the start");
    }

    #[test]
    fn keeps_spans_of_plain_strings() {
        let text = r#"{"Flinks": {"Instance": "toolbox"}}"#;
        let doc = parse(text).unwrap();
        let Kind::Map(top) = doc.kind else { panic!() };
        let Kind::Map(inner) = &top[0].value.kind else {
            panic!()
        };
        let Kind::Text { verbatim, .. } = &inner[0].value.kind else {
            panic!()
        };
        assert_eq!(&text[verbatim.unwrap().range()], "toolbox");
        assert_eq!(&text[inner[0].key_span.unwrap().range()], "Instance");
    }

    #[test]
    fn rejects_broken_input_without_panicking() {
        for bad in [
            "",
            "{",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"abc",
            "{\"a\" 1}",
            "tru",
            "{\"a\":\"\\u12\"}x",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn a_surrogate_pair_is_one_character() {
        let doc = parse(r#""a\ud83d\ude00b\u00e9""#).unwrap();
        assert!(
            matches!(&doc.kind, Kind::Text { value, verbatim: None } if value == "a\u{1F600}b\u{e9}"),
            "{doc:?}"
        );
        let doc = parse(r#""\uD83D\uDE00""#).unwrap();
        assert!(matches!(&doc.kind, Kind::Text { value, .. } if value == "\u{1F600}"));
    }

    #[test]
    fn invalid_escapes_are_errors_at_their_place() {
        for (text, at) in [
            (r#"{"a": "x\qy"}"#, 8),          // no such escape
            (r#"{"a": "x\ud83dy"}"#, 8),      // a high surrogate alone
            (r#"{"a": "x\ude00"}"#, 8),       // a low surrogate alone
            (r#"{"a": "x\ud83d\u0041"}"#, 8), // a high surrogate, then no low one
            (r#"{"a": "x\u12g4"}"#, 8),       // not four hex digits
            (r#"{"a": "x\u12"}"#, 8),         // cut short
            (r#"{"a": "\é"}"#, 7),            // a multi-byte character escaped
        ] {
            let error = parse(text).unwrap_err();
            let span = error.span.unwrap_or_else(|| panic!("{text}: no span"));
            assert_eq!(span.start, at, "{text}: {error:?}");
            assert!(text.is_char_boundary(span.end), "{text}: {error:?}");
            assert!(
                error.message.starts_with("invalid JSON"),
                "{text}: {error:?}"
            );
        }
    }

    #[test]
    fn decodes_escapes() {
        let doc = parse(r#""a\u0041\n""#).unwrap();
        assert!(matches!(doc.kind, Kind::Text { value, verbatim: None } if value == "aA\n"));
    }
}
