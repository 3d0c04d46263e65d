//! Masking a line of a source file before it is shown: the spans of known
//! secrets, the value after every secret-like name, and (in a file that did
//! not parse) every GUID. Byte offsets are kept, so carets still point right.

use super::masked::MaskedText;
use super::names::names_a_secret;
use crate::Span;

/// Where a shown line comes from.
///
/// ```
/// use flinks_config_core::redact::LineSource;
/// assert_ne!(LineSource::Parsed, LineSource::Unparsed);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineSource {
    /// A file that parsed: its secret values are known by their spans.
    Parsed,
    /// A file that did not parse, so nothing says which values are
    /// secrets: every Flinks credential is a GUID, so every GUID is masked.
    Unparsed,
}

/// Masks the spans of `secrets` (offsets into the whole text) that fall in
/// the line starting at `line_start`, widened to character boundaries.
pub(super) fn mask_spans(text: &mut MaskedText, line_start: usize, secrets: &[Span]) {
    let line_end = line_start + text.len();
    for secret in secrets {
        let (s, e) = (secret.start.max(line_start), secret.end.min(line_end));
        if s < e {
            text.mask(s - line_start, e - line_start);
        }
    }
}

/// Masks, in one line of any format, the value after every secret-like name:
/// `secret_key = "…"`, `FLINKS_API_KEY=…`, `"SecretKey": "…"`, `apiKey: …`,
/// `authorizeToken=…` in a URL. This runs on every line shown, so a secret
/// is masked even in a file that failed to parse.
pub(super) fn mask_inline_secrets(text: &mut MaskedText, line: &str) {
    for (from, to) in inline_secrets(line) {
        text.mask(from, to);
    }
}

/// The byte ranges of the values after secret-like names in `line` (see
/// [`mask_inline_secrets`]).
pub(super) fn inline_secrets(line: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
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
        if !names_a_secret(&line[start..end]) {
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
        // `:` in `https://` is not an assignment.
        if from < to && !line[i..].starts_with("://") {
            found.push((from, to));
        }
        i += 1;
    }
    found
}

/// Masks every run of hex digits and dashes that holds eight or more hex
/// digits: whole GUIDs, and fragments or concatenations of them.
pub(super) fn mask_guids(text: &mut MaskedText, line: &str) {
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
            text.mask(start, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::redact::{LineSource, Redactor};
    use crate::Span;

    fn inline(line: &str) -> String {
        Redactor::new(&[]).mask_line(line, 0, &[], LineSource::Parsed)
    }

    #[test]
    fn masks_token_parameters_keeping_offsets() {
        let line = "iframe_url = \"https://x/?demo=true&authorizeToken=abc-123\"";
        let masked = inline(line);
        assert_eq!(masked.len(), line.len());
        assert!(masked.contains("authorizeToken=*******\""));
        assert!(masked.contains("demo=true"));
    }

    #[test]
    fn masks_the_value_after_each_secret_like_name() {
        let line = r#"{"SecretKey":"abc","Instance":"toolbox"} ?authorizeToken=xyz&demo=true"#;
        assert_eq!(
            inline(line),
            r#"{"SecretKey":"***","Instance":"toolbox"} ?authorizeToken=***&demo=true"#
        );
        assert_eq!(
            inline("?authorizeToken[]=abc&x=1"),
            "?authorizeToken[]=***&x=1"
        );
        assert_eq!(inline("url = https://h/x"), "url = https://h/x");
    }

    #[test]
    fn masks_every_guid_of_an_unparsed_line() {
        let r = Redactor::new(&[]);
        let unparsed = |l: &str| r.mask_line(l, 0, &[], LineSource::Unparsed);
        assert_eq!(
            unparsed("x=ca0a21e5-f00d-4bad-8c0d-5ec2e7000001!"),
            format!("x={}!", "*".repeat(36))
        );
        assert_eq!(
            unparsed("id: a0a21e5-f00d"),
            format!("id: {}", "*".repeat(12))
        );
        assert_eq!(unparsed("v3/BankingServices"), "v3/BankingServices");
        // A parsed line keeps a GUID that is not a secret (a customer id).
        assert_eq!(
            inline("id = 43387ca6-0391-4c82-857d-70d95f087ecb"),
            "id = 43387ca6-0391-4c82-857d-70d95f087ecb"
        );
    }

    #[test]
    fn masks_secret_spans_falling_in_the_line_only() {
        let text = "a = \"x\"\nkey_b = \"hunter22\"\n";
        let line_start = 8;
        let line = &text[line_start..text.len() - 1];
        let secrets = [Span::new(17, 25), Span::new(4, 7)];
        let masked = Redactor::new(&[]).mask_line(line, line_start, &secrets, LineSource::Parsed);
        assert_eq!(masked, "key_b = \"********\"");
    }

    #[test]
    fn masks_known_values_and_their_fragments_in_a_line() {
        let secret = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let r = Redactor::new(&[secret, "hunter22"]);
        let line = format!("note: {} and HUNTER22", &secret[3..]);
        let masked = r.mask_line(&line, 0, &[], LineSource::Parsed);
        assert_eq!(masked.len(), line.len());
        assert!(
            !masked.contains("5ec2e7") && !masked.contains("HUNTER22"),
            "{masked}"
        );
    }

    #[test]
    fn multi_byte_characters_stay_valid_and_offsets_kept() {
        let line = "token: \"é€x\" é";
        let masked = inline(line);
        assert_eq!(masked.len(), line.len());
        assert!(masked.starts_with("token: \"") && masked.ends_with("\" é"));
        // A span cutting a character in two is widened, never split.
        let cut = Redactor::new(&[]).mask_line("aé", 0, &[Span::new(2, 3)], LineSource::Parsed);
        assert_eq!(cut, "a**");
    }
}
