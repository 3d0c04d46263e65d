#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK001.md"))]

use crate::context::{Sink, UrlCheck};
use crate::url::SplitError;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK001",
    "url-unparseable",
    Error,
    "MRLQ",
    "not a URL: no scheme, spaces inside, invalid characters"
);

/// At most this many bad runs are reported for one URL.
const MAX_REPORTS: usize = 5;

pub(crate) fn report_split(error: &SplitError, sink: &mut Sink) {
    sink.push(
        Diagnostic::new(&RULE, error.message)
            .with_span(error.span)
            .with_help(error.help),
    );
}

/// Bytes allowed after the host, beyond ASCII letters and digits: RFC 3986
/// unreserved and sub-delims (without `'`), `:`, `@`, `/`, `?`, `%`, `=`, `&`.
/// `url::Url` keeps all of these as they are, so an accepted URL round-trips.
fn allowed_after_host(b: u8) -> bool {
    ALLOWED_AFTER_HOST[usize::from(b)]
}

/// Bytes that need no closer look: allowed after the host and not `%` (which
/// must start an escape). A table, because this runs for every byte of every URL.
static PLAIN: [bool; 256] = table(b"-._~!$&()*+,;=:@/?");
static ALLOWED_AFTER_HOST: [bool; 256] = table(b"-._~!$&()*+,;=:@/?%");
static PLAIN_HOST: [bool; 256] = table(b".-_");

const fn table(extra: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        t[extra[i] as usize] = true;
        i += 1;
    }
    t
}

fn problem(c: char, in_host: bool) -> Option<&'static str> {
    match c {
        c if c.is_whitespace() => Some("whitespace inside the URL"),
        c if c.is_control() => Some("a control character inside the URL"),
        c if !c.is_ascii() => Some("a non-ASCII character inside the URL"),
        '\\' => Some("a backslash inside the URL"),
        c if in_host && !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')) => {
            Some("a character that is not allowed in a host name")
        }
        c if !in_host && !allowed_after_host(c as u8) => {
            Some("a character that is not allowed in a URL")
        }
        _ => None,
    }
}

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let host = url.parts.host.span;
    let begin = url.parts.scheme.span.end + 3;
    let end = url.parts.fragment.map_or_else(
        || {
            url.parts
                .query
                .map_or(url.parts.path.span.end, |q| q.span.end)
        },
        |f| f.span.start - 1,
    );
    let mut reports = 0;
    let mut i = begin;
    let bytes = url.value.as_bytes();
    while i < end && reports < MAX_REPORTS {
        // Jump over plain bytes: the host and the rest have their own tables.
        let (limit, plain) = if i < host.end {
            (host.end, &PLAIN_HOST)
        } else {
            (end, &PLAIN)
        };
        let skip = bytes[i..limit].iter().position(|b| !plain[usize::from(*b)]);
        i += skip.unwrap_or(limit - i);
        if i >= end || (i == limit && skip.is_none()) {
            continue;
        }
        let in_host = host.start <= i && i < host.end;
        // Sorted and disjoint: a binary search, not a scan per byte.
        let next = url.placeholders.partition_point(|p| p.end <= i);
        if url.placeholders.get(next).is_some_and(|p| p.start <= i) {
            i += 1;
            continue;
        }
        let Some(c) = url.value[i..].chars().next() else {
            break;
        };
        if let Some(what) = problem(c, in_host) {
            let mut run_end = i + c.len_utf8();
            while let Some(next) = url.value[run_end..end].chars().next() {
                if problem(next, in_host) != Some(what) {
                    break;
                }
                run_end += next.len_utf8();
            }
            let span = Span::new(i, run_end);
            let help = if what.starts_with("whitespace") {
                "remove the whitespace, or percent-encode it as %20 inside a parameter value"
            } else {
                "remove the character, or percent-encode it inside a parameter value"
            };
            sink.push(Diagnostic::new(&RULE, what).with_span(span).with_help(help));
            url.broken.borrow_mut().push(span);
            reports += 1;
            i = run_end;
        } else if c == '%' && !is_escape(&url.value[i..]) {
            let span = Span::new(i, i + 1);
            sink.push(
                Diagnostic::new(&RULE, "`%` is not followed by two hex digits")
                    .with_span(span)
                    .with_help("write a literal `%` as %25"),
            );
            url.broken.borrow_mut().push(span);
            reports += 1;
            i += 1;
        } else {
            i += c.len_utf8();
        }
    }
    ControlFlow::Continue(())
}

fn is_escape(at: &str) -> bool {
    let b = at.as_bytes();
    b.len() >= 3 && b[1].is_ascii_hexdigit() && b[2].is_ascii_hexdigit()
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    fn codes(url: &str) -> Vec<&'static str> {
        check_api_url(url, &UrlContext::runtime())
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_shapes_that_are_not_urls() {
        assert_eq!(codes("toolbox-api.private.fin.ag/v3/"), ["FLK001"]);
        assert_eq!(codes("https:/toolbox-api.private.fin.ag/v3/"), ["FLK001"]);
        assert_eq!(codes("https://toolbox-api.private.fin.ag/v3 /"), ["FLK001"]);
        assert_eq!(
            codes("https://toolbox-api.private.fin.ag/v3/%zz/"),
            ["FLK001"]
        );
        assert_eq!(codes(""), ["FLK001"]);
        // Dot segments are FLK010's.
        assert!(!codes("https://toolbox-api.private.fin.ag/v3/../").contains(&"FLK001"));
        assert!(codes("https://toolbox-api.private.fin.ag\\v3").contains(&"FLK001"));
    }

    #[test]
    fn span_covers_the_space() {
        let url = "https://toolbox-api.private.fin.ag/v3 /";
        let found = check_api_url(url, &UrlContext::runtime());
        assert_eq!(&url[found[0].span.unwrap().range()], " ");
    }

    #[test]
    fn does_not_fire_on_percent_escapes() {
        assert!(!codes("https://toolbox-api.private.fin.ag/v3/?a=%20").contains(&"FLK001"));
    }
}
