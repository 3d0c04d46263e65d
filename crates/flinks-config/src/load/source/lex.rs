//! A small lexer per language family: just enough structure to tell string
//! literals (with their interpolation holes), comments, identifiers and
//! punctuation apart. It never fails: text it cannot place is punctuation,
//! an unterminated string ends at the end of its line (or of the file).

use flinks_config_core::Span;

/// How a family writes strings and comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// JS/TS, Java, Kotlin, C#, Go, PHP, and the script parts of HTML, Vue, Svelte.
    CLike,
    /// Python.
    Python,
    /// Ruby.
    Ruby,
    /// POSIX shell, Dockerfile, Markdown `sh`/`env` blocks.
    Shell,
}

/// How a string's holes are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holes {
    /// No interpolation: every character is literal.
    None,
    /// `${expr}` (JS templates, Kotlin `"${x}"`, shell `"${x}"`).
    DollarBrace,
    /// `{expr}` with `{{` as a literal brace (Python f-strings, C# `$"…"`,
    /// Python `"…".format()`).
    Brace,
    /// `#{expr}` (Ruby double quotes).
    HashBrace,
    /// `$name`, `${expr}`, `$(cmd)` (shell, PHP, Kotlin double quotes).
    Dollar,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A name (`BASE`, `fetch`, `process`).
    Ident(Span),
    /// A string literal; `span` includes quotes and prefixes.
    Str(Str),
    /// Any other character (`=`, `+`, `(`…).
    Punct(u8, usize),
}

/// A string literal: where its content is and how to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Str {
    /// The whole literal, quotes included.
    pub span: Span,
    /// Between the quotes.
    pub content: Span,
    /// Whether backslash escapes apply.
    pub escapes: bool,
    /// How holes are written.
    pub holes: Holes,
    /// An unquoted shell word rather than a quoted string.
    pub bare: bool,
}

/// A piece of a string: literal text, or a hole whose value is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text; `at` is the source offset of each of its bytes.
    Text { value: String, at: Vec<usize> },
    /// `${expr}`: the expression's text and span.
    Hole { expr: Span, span: Span },
}

/// The tokens of a file (comments are skipped: suppression markers are
/// read from the lines by the linter).
pub struct Lexed {
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

/// Lexes `text` (from `start` to `end`) as `family`.
pub fn lex(text: &str, family: Family, start: usize, end: usize) -> Lexed {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut tokens = Vec::new();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if family == Family::CLike && bytes.get(i + 1) == Some(&b'/') => {
                i = line_end(bytes, i, end);
            }
            b'/' if family == Family::CLike && bytes.get(i + 1) == Some(&b'*') => {
                i = find(bytes, i + 2, end, b"*/").map_or(end, |e| e + 2);
            }
            b'<' if family == Family::CLike && bytes[i..end].starts_with(b"<!--") => {
                i = find(bytes, i + 4, end, b"-->").map_or(end, |e| e + 3);
            }
            b'#' if family != Family::CLike
                && !(family == Family::Ruby && next_is(bytes, i, b'{')) =>
            {
                if family == Family::Shell && i > start && !is_space(bytes[i - 1]) {
                    // `a#b` is one word in shell.
                    i = shell_word(bytes, i, end, &mut tokens);
                } else {
                    i = line_end(bytes, i, end);
                }
            }
            b'"' | b'\'' | b'`' => {
                let (tok, next) = string_at(text, family, i, i, end);
                tokens.push(Token::Str(tok));
                i = next;
            }
            _ if is_ident_start(b) => {
                let s = i;
                while i < end && is_ident(bytes[i]) {
                    i += 1;
                }
                // String prefixes: f"…", r"…", b"…", rb"…", @"…", $"…", $@"…".
                if i < end && (bytes[i] == b'"' || bytes[i] == b'\'') && i - s <= 3 {
                    let prefix = text[s..i].to_ascii_lowercase();
                    if prefix.bytes().all(|c| b"frbu".contains(&c)) && family == Family::Python {
                        let (tok, next) = string_at(text, family, s, i, end);
                        tokens.push(Token::Str(tok));
                        i = next;
                        continue;
                    }
                }
                if family == Family::Shell
                    && i < end
                    && !is_space(bytes[i])
                    && !b";|&()<>`".contains(&bytes[i])
                {
                    i = shell_word(bytes, s, end, &mut tokens);
                    continue;
                }
                tokens.push(Token::Ident(Span::new(s, i)));
            }
            b'@' | b'$'
                if family == Family::CLike
                    && matches!(bytes.get(i + 1), Some(b'"' | b'@' | b'$')) =>
            {
                let mut q = i;
                while q < end && (bytes[q] == b'@' || bytes[q] == b'$') {
                    q += 1;
                }
                if q < end && bytes[q] == b'"' {
                    let (tok, next) = string_at(text, family, i, q, end);
                    tokens.push(Token::Str(tok));
                    i = next;
                } else {
                    tokens.push(Token::Punct(b, i));
                    i += 1;
                }
            }
            b'<' if family != Family::CLike && bytes[i..end].starts_with(b"<<") => {
                // Heredoc (shell `<<EOF`, `<<-'EOF'`; Ruby `<<~EOS`).
                match heredoc(text, i, end) {
                    Some((tok, next)) => {
                        tokens.push(Token::Str(tok));
                        i = next;
                    }
                    None => {
                        tokens.push(Token::Punct(b, i));
                        i += 1;
                    }
                }
            }
            _ if family == Family::Shell && !b";|&()<>=".contains(&b) && b.is_ascii_graphic() => {
                i = shell_word(bytes, i, end, &mut tokens);
            }
            _ if b >= 0x80 => {
                // Skip the whole UTF-8 character.
                i += 1;
                while i < end && (bytes[i] & 0xC0) == 0x80 {
                    i += 1;
                }
            }
            _ => {
                tokens.push(Token::Punct(b, i));
                i += 1;
            }
        }
    }
    Lexed { tokens }
}

fn next_is(bytes: &[u8], i: usize, b: u8) -> bool {
    bytes.get(i + 1) == Some(&b)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

fn line_end(bytes: &[u8], i: usize, end: usize) -> usize {
    memchr_in(bytes, i, end, b'\n').unwrap_or(end)
}

fn memchr_in(bytes: &[u8], from: usize, end: usize, b: u8) -> Option<usize> {
    bytes[from.min(end)..end]
        .iter()
        .position(|&c| c == b)
        .map(|p| p + from)
}

fn find(bytes: &[u8], from: usize, end: usize, needle: &[u8]) -> Option<usize> {
    if from >= end {
        return None;
    }
    bytes[from..end]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// An unquoted shell word: `FLINKS_API_URL=https://…` or `https://…`.
/// Quoted parts inside a word (`--url="…"`) end the bare part.
fn shell_word(bytes: &[u8], start: usize, end: usize, tokens: &mut Vec<Token>) -> usize {
    let mut i = start;
    while i < end && !is_space(bytes[i]) && !b";|&()<>\"'`".contains(&bytes[i]) {
        if bytes[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    let i = i.min(end);
    let word = Span::new(start, i);
    // `NAME=value`: the name is an identifier, `=` punctuation, the value a word.
    let text = &bytes[start..i];
    if let Some(eq) = text.iter().position(|&c| c == b'=') {
        if eq > 0 && text[..eq].iter().all(|&c| is_ident(c)) && text[0] != b'$' {
            tokens.push(Token::Ident(Span::new(start, start + eq)));
            tokens.push(Token::Punct(b'=', start + eq));
            if start + eq + 1 < i {
                tokens.push(bare(Span::new(start + eq + 1, i)));
            }
            return i;
        }
    }
    tokens.push(bare(word));
    i
}

fn bare(span: Span) -> Token {
    Token::Str(Str {
        span,
        content: span,
        escapes: true,
        holes: Holes::Dollar,
        bare: true,
    })
}

/// A quoted string whose prefix starts at `start` and quote at `q`.
fn string_at(text: &str, family: Family, start: usize, q: usize, end: usize) -> (Str, usize) {
    let bytes = text.as_bytes();
    let prefix = text[start..q].to_ascii_lowercase();
    let quote = bytes[q];
    let triple = bytes[q..end].starts_with(&[quote; 3]) && family == Family::Python
        || (family == Family::CLike && quote == b'"' && bytes[q..end].starts_with(b"\"\"\""));
    let open = if triple { 3 } else { 1 };
    let raw = prefix.contains('r') || prefix.contains('@');
    let escapes = match family {
        Family::Shell | Family::Ruby | Family::CLike if quote == b'\'' => family == Family::CLike,
        _ => !raw,
    };
    let multiline = triple || quote == b'`' || raw || family != Family::CLike;
    let holes = match family {
        Family::Python if prefix.contains('f') => Holes::Brace,
        Family::CLike if prefix.contains('$') => Holes::Brace,
        Family::CLike if quote == b'`' => Holes::DollarBrace,
        Family::CLike if quote == b'"' => Holes::Dollar, // Kotlin, PHP; harmless elsewhere
        Family::Ruby if quote == b'"' || quote == b'`' => Holes::HashBrace,
        Family::Shell if quote == b'"' => Holes::Dollar,
        _ => Holes::None,
    };
    let content_start = q + open;
    let mut i = content_start;
    let mut depth = 0usize;
    let close_at = loop {
        if i >= end {
            break end;
        }
        let b = bytes[i];
        if b == b'\\' && escapes {
            i += 2;
            continue;
        }
        if b == b'\n' && !multiline {
            break i;
        }
        // Holes may hold quotes: `${a["b"]}`.
        if depth == 0 && b == quote && bytes[i..end].starts_with(&vec![quote; open]) {
            if raw && quote == b'"' && family == Family::CLike && bytes.get(i + 1) == Some(&b'"') {
                i += 2; // `""` inside a verbatim string
                continue;
            }
            break i;
        }
        match (holes, b) {
            (Holes::DollarBrace | Holes::Dollar, b'$') if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 2;
                continue;
            }
            (Holes::HashBrace, b'#') if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 2;
                continue;
            }
            (Holes::Brace, b'{') if bytes.get(i + 1) != Some(&b'{') || depth > 0 => depth += 1,
            (Holes::Brace, b'{') => {
                i += 2;
                continue;
            }
            (_, b'{') if depth > 0 => depth += 1,
            (_, b'}') if depth > 0 => depth -= 1,
            _ => {}
        }
        i += 1;
    };
    let close_at = close_at.min(end);
    let next = if close_at < end && bytes[close_at] == quote {
        close_at + open
    } else {
        close_at
    };
    (
        Str {
            span: Span::new(start, next.min(end)),
            content: Span::new(content_start.min(close_at), close_at),
            escapes,
            holes,
            bare: false,
        },
        next.min(end),
    )
}

/// `<<EOF … EOF`, `<<-"EOF"`, `<<~EOS`: the body is one string.
fn heredoc(text: &str, at: usize, end: usize) -> Option<(Str, usize)> {
    let bytes = text.as_bytes();
    let mut i = at + 2;
    while i < end && matches!(bytes[i], b'-' | b'~') {
        i += 1;
    }
    let quoted = i < end && matches!(bytes[i], b'\'' | b'"');
    if quoted {
        i += 1;
    }
    let s = i;
    while i < end && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    if i == s {
        return None;
    }
    let tag = &text[s..i];
    let body_start = memchr_in(bytes, i, end, b'\n')? + 1;
    let mut line = body_start;
    while line < end {
        let le = line_end(bytes, line, end);
        if text[line..le].trim() == tag {
            let content = Span::new(body_start, line);
            return Some((
                Str {
                    span: Span::new(at, le),
                    content,
                    escapes: !quoted,
                    holes: if quoted { Holes::None } else { Holes::Dollar },
                    bare: false,
                },
                le,
            ));
        }
        line = le + 1;
    }
    None
}

/// The pieces of a string: text with each byte's source offset, and holes.
pub fn pieces(text: &str, s: &Str, holes: Holes) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut value = Vec::new();
    let mut at = Vec::new();
    let flush = |value: &mut Vec<u8>, at: &mut Vec<usize>, out: &mut Vec<Piece>| {
        if !value.is_empty() {
            out.push(Piece::Text {
                value: String::from_utf8_lossy(value).into_owned(),
                at: std::mem::take(at),
            });
            value.clear();
        }
    };
    let end = s.content.end.min(bytes.len());
    let mut i = s.content.start;
    while i < end {
        let b = bytes[i];
        if b == b'\\' && s.escapes && i + 1 < end {
            let (c, len) = match bytes[i + 1] {
                b'n' => (b'\n', 2),
                b't' => (b'\t', 2),
                b'r' => (b'\r', 2),
                b'\n' if s.bare || holes == Holes::Dollar => (b' ', 2),
                c => (c, 2),
            };
            value.push(c);
            at.push(i);
            i += len;
            continue;
        }
        let hole_open = match holes {
            Holes::DollarBrace | Holes::Dollar if b == b'$' && bytes.get(i + 1) == Some(&b'{') => {
                Some(2)
            }
            Holes::HashBrace if b == b'#' && bytes.get(i + 1) == Some(&b'{') => Some(2),
            Holes::Brace if b == b'{' && bytes.get(i + 1) == Some(&b'{') => {
                value.push(b'{');
                at.push(i);
                i += 2;
                continue;
            }
            Holes::Brace if b == b'}' && bytes.get(i + 1) == Some(&b'}') => {
                value.push(b'}');
                at.push(i);
                i += 2;
                continue;
            }
            Holes::Brace if b == b'{' => Some(1),
            _ => None,
        };
        if let Some(open) = hole_open {
            let mut depth = 1;
            let mut j = i + open;
            while j < end && depth > 0 {
                match bytes[j] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            flush(&mut value, &mut at, &mut out);
            let expr_end = if depth == 0 { j - 1 } else { j };
            out.push(Piece::Hole {
                expr: Span::new(i + open, expr_end),
                span: Span::new(i, j),
            });
            i = j;
            continue;
        }
        if holes == Holes::Dollar && b == b'$' {
            let j = match bytes.get(i + 1) {
                Some(b'(') => {
                    let mut depth = 0;
                    let mut j = i + 1;
                    while j < end {
                        match bytes[j] {
                            b'(' => depth += 1,
                            b')' => {
                                depth -= 1;
                                if depth == 0 {
                                    j += 1;
                                    break;
                                }
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    j
                }
                Some(c) if is_ident_start(*c) || c.is_ascii_digit() => {
                    let mut j = i + 1;
                    while j < end && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                        j += 1;
                    }
                    j
                }
                _ => i,
            };
            if j > i {
                flush(&mut value, &mut at, &mut out);
                out.push(Piece::Hole {
                    expr: Span::new(i + 1, j),
                    span: Span::new(i, j),
                });
                i = j;
                continue;
            }
        }
        // A bare shell word may hold quoted parts; their quotes are not text.
        value.push(b);
        at.push(i);
        i += 1;
    }
    flush(&mut value, &mut at, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(text: &str, family: Family) -> Vec<String> {
        lex(text, family, 0, text.len())
            .tokens
            .iter()
            .filter_map(|t| match t {
                Token::Str(s) => Some(text[s.content.range()].to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reads_every_string_form() {
        assert_eq!(
            strings("const a = `x${\"}\"}y`; // 'no'", Family::CLike),
            ["x${\"}\"}y"]
        );
        assert_eq!(
            strings("var a = @\"C:\\x\"\"q\"; $\"{b}\"", Family::CLike),
            ["C:\\x\"\"q", "{b}"]
        );
        assert_eq!(
            strings("a = f'{x}' # 'c'\nb = '''m\nn'''", Family::Python),
            ["{x}", "m\nn"]
        );
        assert_eq!(
            strings("curl -H 'k: v' https://x/y # c", Family::Shell),
            ["-H", "k: v", "https://x/y"]
        );
        assert_eq!(
            strings("cat <<EOF\nhi $X\nEOF\n", Family::Shell),
            ["hi $X\n"]
        );
        assert_eq!(strings("a = \"#{b}\" # c", Family::Ruby), ["#{b}"]);
    }

    #[test]
    fn holes_are_pieces() {
        let text = "`https://${instance}-api.x/`";
        let Token::Str(s) = &lex(text, Family::CLike, 0, text.len()).tokens[0] else {
            panic!()
        };
        let p = pieces(text, s, s.holes);
        assert_eq!(p.len(), 3);
        assert!(matches!(&p[1], Piece::Hole { expr, .. } if &text[expr.range()] == "instance"));
    }
}
