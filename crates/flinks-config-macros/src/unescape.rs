//! Turns the source text of one Rust string literal token into its value.
//!
//! `proc_macro::Literal` has no stable accessor for the value, and pulling in
//! `syn` for one token would triple this crate's build time, so this is a
//! small reader for Rust's string literal syntax: `"…"` with escapes and
//! line continuations, and raw `r"…"` / `r#"…"#`.

/// Why a token is not a usable string literal.
#[derive(Debug, PartialEq, Eq)]
pub enum LiteralError {
    /// A literal of another kind (`b"…"`, `'c'`, `42`, `c"…"`).
    NotAString(&'static str),
    /// A string literal with a suffix, e.g. `"…"suffix`.
    Suffix,
    /// An escape this reader does not know (rustc rejects it first).
    BadEscape,
}

/// The value of the string literal whose source text is `token`.
pub fn unescape(token: &str) -> Result<String, LiteralError> {
    if let Some(rest) = token.strip_prefix('r') {
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        let body = rest[hashes..]
            .strip_prefix('"')
            .ok_or(LiteralError::NotAString("a raw identifier"))?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.rfind(&close).ok_or(LiteralError::BadEscape)?;
        if end + close.len() != body.len() {
            return Err(LiteralError::Suffix);
        }
        return Ok(body[..end].to_string());
    }
    let Some(body) = token.strip_prefix('"') else {
        return Err(LiteralError::NotAString(kind_of(token)));
    };
    let end = body.rfind('"').ok_or(LiteralError::BadEscape)?;
    if end + 1 != body.len() {
        return Err(LiteralError::Suffix);
    }
    cook(&body[..end])
}

fn kind_of(token: &str) -> &'static str {
    match token.as_bytes().first() {
        Some(b'b') => "a byte string or byte",
        Some(b'c') => "a C string",
        Some(b'\'') => "a character",
        Some(b'0'..=b'9') | Some(b'-') => "a number",
        _ => "a non-string literal",
    }
}

/// Applies escapes in the body of a non-raw string literal.
fn cook(body: &str) -> Result<String, LiteralError> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().ok_or(LiteralError::BadEscape)? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                let v = u8::from_str_radix(&hex, 16).map_err(|_| LiteralError::BadEscape)?;
                if hex.len() != 2 || v > 0x7f {
                    return Err(LiteralError::BadEscape);
                }
                out.push(char::from(v));
            }
            'u' => {
                if chars.next() != Some('{') {
                    return Err(LiteralError::BadEscape);
                }
                let mut hex = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    if c != '_' {
                        hex.push(c);
                    }
                }
                let v = u32::from_str_radix(&hex, 16).map_err(|_| LiteralError::BadEscape)?;
                out.push(char::from_u32(v).ok_or(LiteralError::BadEscape)?);
            }
            // Line continuation: the newline and the next line's leading
            // whitespace are not part of the value.
            '\n' | '\r' => {
                while chars
                    .next_if(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                    .is_some()
                {}
            }
            _ => return Err(LiteralError::BadEscape),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_raw() {
        assert_eq!(unescape(r#""abc""#).unwrap(), "abc");
        assert_eq!(unescape(r#"r"a\b""#).unwrap(), r"a\b");
        assert_eq!(unescape(r###"r##"a"#b"##"###).unwrap(), r##"a"#b"##);
        assert_eq!(unescape(r#""""#).unwrap(), "");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            unescape(r#""\n\r\t\0\\\'\"\x41\u{e9}\u{1_F600}""#).unwrap(),
            "\n\r\t\0\\'\"A\u{e9}\u{1F600}"
        );
    }

    #[test]
    fn line_continuation() {
        assert_eq!(unescape("\"ab\\\n    cd\"").unwrap(), "abcd");
        assert_eq!(unescape("\"ab\\\r\n \t cd\"").unwrap(), "abcd");
    }

    #[test]
    fn rejects_other_literals() {
        assert!(matches!(
            unescape("b\"x\""),
            Err(LiteralError::NotAString(_))
        ));
        assert!(matches!(unescape("'x'"), Err(LiteralError::NotAString(_))));
        assert!(matches!(unescape("42"), Err(LiteralError::NotAString(_))));
        assert!(matches!(
            unescape("c\"x\""),
            Err(LiteralError::NotAString(_))
        ));
        assert_eq!(unescape("\"x\"suf"), Err(LiteralError::Suffix));
        assert_eq!(unescape("r\"x\"suf"), Err(LiteralError::Suffix));
        assert_eq!(unescape(r#""\q""#), Err(LiteralError::BadEscape));
        assert_eq!(unescape(r#""\xff""#), Err(LiteralError::BadEscape));
    }

    proptest::proptest! {
        /// Any string, written as Rust would (`str`'s Debug is a valid
        /// literal with escapes), reads back unchanged.
        #[test]
        fn escaped_round_trip(value in "\\PC*|[\\x00-\\x7f]*") {
            proptest::prop_assert_eq!(unescape(&format!("{value:?}")).unwrap(), value);
        }

        /// Raw literals keep every character as written.
        #[test]
        fn raw_round_trip(value in "[^\"]*") {
            proptest::prop_assert_eq!(unescape(&format!("r#\"{value}\"#")).unwrap(), value);
        }
    }
}
