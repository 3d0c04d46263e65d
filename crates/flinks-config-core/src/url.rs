//! A tolerant URL splitter that keeps byte spans, so every rule can point at
//! the exact bad characters. It does not validate: the rules do.

use crate::Span;

/// A piece of a URL and where it sits in the checked value.
///
/// ```
/// use flinks_config_core::url::UrlParts;
/// let url = UrlParts::split("https://toolbox-api.private.fin.ag/v3", 10).unwrap();
/// assert_eq!(url.scheme.text, "https");
/// assert_eq!((url.scheme.span.start, url.scheme.span.end), (10, 15));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    /// The text of the piece.
    pub text: &'a str,
    /// Its bytes in the checked value.
    pub span: Span,
}

/// A URL split into its parts. Spans are relative to the checked value.
///
/// ```
/// use flinks_config_core::url::UrlParts;
/// let url = UrlParts::split("https://toolbox-api.private.fin.ag/v3/x?a=b", 0).unwrap();
/// assert_eq!(url.host.text, "toolbox-api.private.fin.ag");
/// assert_eq!(url.segments.len(), 2);
/// assert_eq!(url.params().next().unwrap().name.text, "a");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Scheme, without `://`.
    pub scheme: Part<'a>,
    /// User-info before `@`, if any.
    pub userinfo: Option<Part<'a>>,
    /// Host name.
    pub host: Part<'a>,
    /// Port after `:`, if any.
    pub port: Option<Part<'a>>,
    /// The path, with its leading `/` (may be empty).
    pub path: Part<'a>,
    /// The path split on `/`, after the leading one; the last is empty when
    /// the path ends with `/`.
    pub segments: Vec<Part<'a>>,
    /// The query after `?`, if any.
    pub query: Option<Part<'a>>,
    /// The fragment after `#`, if any.
    pub fragment: Option<Part<'a>>,
}

/// One `name=value` pair of a query.
///
/// ```
/// use flinks_config_core::url::UrlParts;
/// let url = UrlParts::split("https://toolbox-iframe.private.fin.ag/v2/?demo=true", 0).unwrap();
/// let param = url.params().next().unwrap();
/// assert_eq!((param.name.text, param.value.unwrap().text), ("demo", "true"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param<'a> {
    /// The whole pair.
    pub whole: Part<'a>,
    /// The name (may be empty).
    pub name: Part<'a>,
    /// The value after `=`, if there is a `=`.
    pub value: Option<Part<'a>>,
}

/// Why a text could not be split into URL parts.
///
/// ```
/// use flinks_config_core::url::UrlParts;
/// let error = UrlParts::split("toolbox-api.private.fin.ag/v3", 0).unwrap_err();
/// assert!(!error.message.is_empty() && !error.help.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitError {
    /// What is missing or wrong.
    pub message: &'static str,
    /// How to fix it.
    pub help: &'static str,
    /// Where.
    pub span: Span,
}

fn part(text: &str, start: usize, end: usize, offset: usize) -> Part<'_> {
    Part {
        text: &text[start..end],
        span: Span::new(start + offset, end + offset),
    }
}

/// The scheme and authority of a URL, and where the authority ends: the
/// part of [`UrlParts::split`] a caller that wants only the host needs.
struct Authority<'a> {
    scheme: Part<'a>,
    userinfo: Option<Part<'a>>,
    host: Part<'a>,
    port: Option<Part<'a>>,
    end: usize,
}

fn authority(text: &str, offset: usize) -> Result<Authority<'_>, SplitError> {
    let first_colon = text.as_bytes().iter().position(|&b| b == b':');
    let scheme_end = match first_colon {
        Some(i) if text.as_bytes().get(i + 1..i + 3) == Some(b"//") => Some(i),
        _ => text.as_bytes().windows(3).position(|w| w == b"://"),
    };
    let Some(scheme_end) = scheme_end else {
        // `https:/x`, `https///x`, `https:x`: point at the broken separator.
        let word = text.bytes().take_while(u8::is_ascii_alphabetic).count();
        let seps = text[word..]
            .bytes()
            .take_while(|b| b.is_ascii_punctuation() || *b == b' ')
            .count();
        // `httpsX//`: the scheme is what an `http`/`https` prefix says.
        let lower = text[..word].to_ascii_lowercase();
        let scheme_len = ["https", "http"]
            .iter()
            .find(|w| lower.starts_with(*w))
            .map(|w| w.len());
        let scheme_like = text[word..word + seps].contains(':') || scheme_len.is_some();
        let (message, help, span) = if word > 0 && seps > 0 && scheme_like {
            (
                "expected `://` after the scheme",
                "write the URL as https://…",
                Span::new(
                    offset + scheme_len.unwrap_or(word).min(word),
                    offset + word + seps,
                ),
            )
        } else {
            (
                "no scheme: the URL does not start with `https://`",
                "start the URL with https://",
                Span::new(offset, offset + usize::from(!text.is_empty())),
            )
        };
        return Err(SplitError {
            message,
            help,
            span,
        });
    };
    let scheme = part(text, 0, scheme_end, offset);
    let valid_scheme = scheme.text.bytes().enumerate().all(|(i, b)| {
        b.is_ascii_alphabetic() || (i > 0 && (b.is_ascii_digit() || b"+-.".contains(&b)))
    });
    if scheme.text.is_empty() || !valid_scheme {
        return Err(SplitError {
            message: "the scheme before `://` is not a scheme",
            help: "start the URL with https://",
            span: Span::new(offset, offset + scheme_end.max(1)),
        });
    }
    let auth_start = scheme_end + 3;
    let bytes = text.as_bytes();
    // One pass to the end of the authority, keeping the last `@` and
    // `:` (every delimiter is ASCII, so each hit is a boundary).
    let (mut auth_end, mut last_at, mut last_colon) = (auth_start, None, None);
    while auth_end < bytes.len() {
        match bytes[auth_end] {
            b'/' | b'?' | b'#' => break,
            b'@' => last_at = Some(auth_end),
            b':' => last_colon = Some(auth_end),
            _ => {}
        }
        auth_end += 1;
    }
    let (userinfo, host_start) = match last_at {
        Some(at) => (Some(part(text, auth_start, at, offset)), at + 1),
        None => (None, auth_start),
    };
    let (host_end, port) = match last_colon.filter(|&colon| colon >= host_start) {
        Some(colon) => (colon, Some(part(text, colon + 1, auth_end, offset))),
        None => (auth_end, None),
    };
    let host = part(text, host_start, host_end, offset);
    if host.text.is_empty() {
        return Err(SplitError {
            message: "no host after `://`",
            help: "write the host, e.g. https://toolbox-api.private.fin.ag",
            span: Span::new(offset + host_start, offset + host_start.max(auth_end)),
        });
    }
    Ok(Authority {
        scheme,
        userinfo,
        host,
        port,
        end: auth_end,
    })
}

/// The host of a URL, as [`UrlParts::split`] finds it (spans from 0), or
/// `None` when the text does not split; without splitting the path and query.
pub(crate) fn host_part(text: &str) -> Option<Part<'_>> {
    authority(text, 0).ok().map(|a| a.host)
}

impl<'a> UrlParts<'a> {
    /// Splits `text`; spans are shifted by `offset` (where `text` starts in
    /// the checked value).
    ///
    /// ```
    /// use flinks_config_core::url::UrlParts;
    /// assert!(UrlParts::split("toolbox-api.private.fin.ag/v3", 0).is_err());
    /// ```
    pub fn split(text: &'a str, offset: usize) -> Result<Self, SplitError> {
        let Authority {
            scheme,
            userinfo,
            host,
            port,
            end: auth_end,
        } = authority(text, offset)?;
        let bytes = text.as_bytes();
        // Byte searches: every delimiter is ASCII, so each hit is a boundary.
        // Plain index loops: this runs for every URL checked, and iterator
        // adaptors here cost more than the rules that follow.
        // The path and its segments in one pass, to the query or fragment.
        let mut segments = Vec::new();
        let mut path_end = auth_end;
        if bytes.get(auth_end) == Some(&b'/') {
            segments.reserve_exact(8);
            let mut start = auth_end + 1;
            path_end = start;
            while path_end < bytes.len() {
                match bytes[path_end] {
                    b'?' | b'#' => break,
                    b'/' => {
                        segments.push(part(text, start, path_end, offset));
                        start = path_end + 1;
                    }
                    _ => {}
                }
                path_end += 1;
            }
            segments.push(part(text, start, path_end, offset));
        }
        let path = part(text, auth_end, path_end, offset);
        let (query, fragment_start) = if bytes.get(path_end) == Some(&b'?') {
            let mut end = path_end + 1;
            while end < bytes.len() && bytes[end] != b'#' {
                end += 1;
            }
            (Some(part(text, path_end + 1, end, offset)), end)
        } else {
            (None, path_end)
        };
        let fragment = text[fragment_start..]
            .starts_with('#')
            .then(|| part(text, fragment_start + 1, text.len(), offset));
        Ok(UrlParts {
            scheme,
            userinfo,
            host,
            port,
            path,
            segments,
            query,
            fragment,
        })
    }

    /// The path segments without the empty one a trailing `/` leaves.
    ///
    /// ```
    /// use flinks_config_core::url::UrlParts;
    /// let url = UrlParts::split("https://h/v2/", 0).unwrap();
    /// assert_eq!(url.segments.len(), 2);
    /// assert_eq!(url.named_segments().len(), 1);
    /// ```
    pub fn named_segments(&self) -> &[Part<'a>] {
        match self.segments.split_last() {
            Some((last, rest)) if last.text.is_empty() => rest,
            _ => &self.segments,
        }
    }

    /// The non-empty path segments: the path as the API reads it, with
    /// empty segments (FLK003's to report) left out.
    ///
    /// ```
    /// use flinks_config_core::url::UrlParts;
    /// let url = UrlParts::split("https://h//v3/x/", 0).unwrap();
    /// let words: Vec<_> = url.words().iter().map(|p| p.text).collect();
    /// assert_eq!(words, ["v3", "x"]);
    /// ```
    pub fn words(&self) -> Vec<Part<'a>> {
        self.segments
            .iter()
            .filter(|s| !s.text.is_empty())
            .copied()
            .collect()
    }

    /// Whether a path segment is `.` or `..` as an HTTP client reads it
    /// (literal, or with its dots percent-encoded as `%2e`, any case).
    ///
    /// ```
    /// use flinks_config_core::url::UrlParts;
    /// assert!(!UrlParts::split("https://h/v3/x", 0).unwrap().has_dot_segments());
    /// assert!(UrlParts::split("https://h/v3/%2E%2e/x", 0).unwrap().has_dot_segments());
    /// ```
    pub fn has_dot_segments(&self) -> bool {
        self.segments.iter().any(|s| dot_segment(s.text).is_some())
    }

    /// The path segments the HTTP client requests: `.` and `..` segments
    /// (literal or percent-encoded) resolved as RFC 3986 §5.2.4 removes
    /// them and as `url::Url` does (its WHATWG parser also reads `%2e` as a
    /// dot). Empty segments stay (FLK003 reports them); a path ending in a
    /// dot segment ends with an empty one (`/v3/x/..` is `/v3/`). A segment
    /// the resolution adds is empty, at the end of the segment it replaces.
    ///
    /// ```
    /// use flinks_config_core::url::UrlParts;
    /// let url = UrlParts::split("https://h/v3/x/%2e%2E/y/./", 0).unwrap();
    /// let path: Vec<_> = url.resolved_segments().iter().map(|p| p.text).collect();
    /// assert_eq!(path, ["v3", "y", ""]);
    /// ```
    pub fn resolved_segments(&self) -> Vec<Part<'a>> {
        let mut out: Vec<Part<'a>> = Vec::with_capacity(self.segments.len());
        let last = self.segments.len().saturating_sub(1);
        for (i, segment) in self.segments.iter().enumerate() {
            let empty = Part {
                text: "",
                span: Span::new(segment.span.end, segment.span.end),
            };
            match dot_segment(segment.text) {
                Some(Dots::Two) => {
                    out.pop();
                    if i == last {
                        out.push(empty);
                    }
                }
                Some(Dots::One) => {
                    if i == last {
                        out.push(empty);
                    }
                }
                None => out.push(*segment),
            }
        }
        out
    }

    /// The query's `name=value` pairs, split on `&` and on any stray `?`.
    ///
    /// ```
    /// use flinks_config_core::url::UrlParts;
    /// let url = UrlParts::split("https://h/?demo=true?x=1", 0).unwrap();
    /// let names: Vec<_> = url.params().map(|p| p.name.text).collect();
    /// assert_eq!(names, ["demo", "x"]);
    /// ```
    pub fn params(&self) -> impl Iterator<Item = Param<'a>> + '_ {
        let query = self.query;
        let mut rest_start = 0;
        let mut done = query.is_none();
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            let q = query?;
            // One byte loop to the pair's end, noting its first `=` (every
            // rule of an iframe URL walks the pairs, some more than once).
            let bytes = q.text.as_bytes();
            let start = rest_start;
            let (mut end, mut eq) = (start, None);
            while end < bytes.len() && bytes[end] != b'&' && bytes[end] != b'?' {
                if bytes[end] == b'=' && eq.is_none() {
                    eq = Some(end - start);
                }
                end += 1;
            }
            let len = end - start;
            rest_start = end + 1;
            done = rest_start > q.text.len();
            let whole_text = &q.text[start..end];
            let base = q.span.start + start;
            let (name, value) = match eq {
                Some(eq) => (
                    Part {
                        text: &whole_text[..eq],
                        span: Span::new(base, base + eq),
                    },
                    Some(Part {
                        text: &whole_text[eq + 1..],
                        span: Span::new(base + eq + 1, base + len),
                    }),
                ),
                None => (
                    Part {
                        text: whole_text,
                        span: Span::new(base, base + len),
                    },
                    None,
                ),
            };
            Some(Param {
                whole: Part {
                    text: whole_text,
                    span: Span::new(base, base + len),
                },
                name,
                value,
            })
        })
    }
}

/// A dot segment: `.` or `..`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dots {
    One,
    Two,
}

/// Whether `segment` is a dot segment as the WHATWG URL parser reads it:
/// `.`, `%2e`; `..`, `.%2e`, `%2e.`, `%2e%2e` (hex digits in any case).
fn dot_segment(segment: &str) -> Option<Dots> {
    if segment.len() > 6 {
        return None;
    }
    let lower = segment.to_ascii_lowercase();
    match lower.as_str() {
        "." | "%2e" => Some(Dots::One),
        ".." | ".%2e" | "%2e." | "%2e%2e" => Some(Dots::Two),
        _ => None,
    }
}

/// Whether a path segment is a dot segment (`.`, `..`, or their
/// percent-encoded forms), as an HTTP client resolves it away.
///
/// ```
/// use flinks_config_core::url::is_dot_segment;
/// assert!(is_dot_segment("%2E%2e") && is_dot_segment(".") && is_dot_segment(".%2e"));
/// assert!(!is_dot_segment("...") && !is_dot_segment("v3") && !is_dot_segment("%2e%2e%2e"));
/// ```
pub fn is_dot_segment(segment: &str) -> bool {
    dot_segment(segment).is_some()
}

/// The form `url::Url` serializes a URL to, for the URLs the rules accept:
/// scheme and host lowercased, the default port `:443` dropped, an empty path
/// written `/`. `None` when the text cannot be split.
///
/// ```
/// use flinks_config_core::url::canonical;
/// assert_eq!(
///     canonical("HTTPS://Toolbox-API.private.fin.ag:443").as_deref(),
///     Some("https://toolbox-api.private.fin.ag/")
/// );
/// ```
pub fn canonical(text: &str) -> Option<String> {
    if is_canonical(text) {
        return Some(text.to_string()); // most configured URLs: no split
    }
    canonical_by_parts(text)
}

/// [`canonical`] the long way: split, then join the parts.
fn canonical_by_parts(text: &str) -> Option<String> {
    let parts = UrlParts::split(text, 0).ok()?;
    let mut out = String::with_capacity(text.len() + 1);
    out.push_str(&parts.scheme.text.to_ascii_lowercase());
    out.push_str("://");
    if let Some(info) = parts.userinfo {
        out.push_str(info.text);
        out.push('@');
    }
    out.push_str(&parts.host.text.to_ascii_lowercase());
    if let Some(port) = parts.port.filter(|p| p.text != "443" && !p.text.is_empty()) {
        out.push(':');
        out.push_str(port.text);
    }
    out.push_str(if parts.path.text.is_empty() {
        "/"
    } else {
        parts.path.text
    });
    if let Some(query) = parts.query {
        out.push('?');
        out.push_str(query.text);
    }
    if let Some(fragment) = parts.fragment {
        out.push('#');
        out.push_str(fragment.text);
    }
    Some(out)
}

/// Whether [`canonical`] would give `text` back unchanged, told in one
/// pass: `https://`, a lowercase host without user-info or port, and a
/// path that starts with `/` (then the split's parts join back into `text`).
fn is_canonical(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://") else {
        return false;
    };
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' => return i > 0,
            b'?' | b'#' | b'@' | b':' | b'A'..=b'Z' => return false,
            _ => i += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_part_with_spans() {
        let text = "https://user@toolbox-api.private.fin.ag:8443/v3//x?a=1&b#frag";
        let url = UrlParts::split(text, 0).unwrap();
        assert_eq!(url.userinfo.unwrap().text, "user");
        assert_eq!(url.port.unwrap().text, "8443");
        assert_eq!(url.path.text, "/v3//x");
        let segs: Vec<_> = url.segments.iter().map(|s| s.text).collect();
        assert_eq!(segs, ["v3", "", "x"]);
        assert_eq!(&text[url.segments[2].span.range()], "x");
        assert_eq!(url.fragment.unwrap().text, "frag");
        let params: Vec<_> = url
            .params()
            .map(|p| (p.name.text, p.value.map(|v| v.text)))
            .collect();
        assert_eq!(params, [("a", Some("1")), ("b", None)]);
    }

    #[test]
    fn offset_shifts_spans() {
        let url = UrlParts::split("https://h/x", 2).unwrap();
        assert_eq!(url.host.span, Span::new(10, 11));
    }

    #[test]
    fn trailing_ampersand_gives_an_empty_pair() {
        let url = UrlParts::split("https://h/?a=1&", 0).unwrap();
        assert_eq!(url.params().count(), 2);
    }

    /// URLs of every shape around the fast paths' conditions.
    const SHAPES: [&str; 24] = [
        "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/",
        "https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=en",
        "https://h/",
        "https://h/x?a#f",
        "https://h/#f",
        "https://h?x",
        "https://h#f",
        "https://h",
        "https:///x",
        "https://H/x",
        "HTTPS://h/x",
        "https://u@h/x",
        "https://u:p@h:8443/x",
        "https://h:443/x",
        "https://h:/x",
        "https://a@b@h/x",
        "https://h:1:2/x",
        "http://h/x",
        "https:/h/x",
        "https//h/x",
        "x https://h/x",
        "https://hé/ü",
        "https:// h/x ",
        "",
    ];

    #[test]
    fn canonical_fast_path_agrees_with_the_split() {
        for text in SHAPES {
            assert_eq!(canonical(text), canonical_by_parts(text), "{text:?}");
            if is_canonical(text) {
                assert_eq!(canonical_by_parts(text).as_deref(), Some(text), "{text:?}");
            }
        }
        assert!(is_canonical(SHAPES[0]) && is_canonical(SHAPES[1]));
    }

    #[test]
    fn host_part_is_the_split_host() {
        for text in SHAPES {
            assert_eq!(
                host_part(text),
                UrlParts::split(text, 0).ok().map(|p| p.host),
                "{text:?}"
            );
        }
    }

    #[test]
    fn no_scheme_is_an_error() {
        let e = UrlParts::split("toolbox-api.private.fin.ag", 0).unwrap_err();
        assert!(e.message.contains("no scheme"));
        assert!(UrlParts::split("https://", 0).is_err());
        assert!(UrlParts::split("", 0).is_err());
        assert!(UrlParts::split("1x://h", 0).is_err());
    }
}
