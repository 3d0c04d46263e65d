#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK008.md"))]

use crate::context::Sink;
use crate::{Diagnostic, Span};

rule!(
    "FLK008",
    "url-stray-characters",
    Error,
    "MRLQ",
    "leading/trailing whitespace, quotes, a trailing newline or `\\r` around a URL"
);

fn is_stray(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | '`')
}

fn describe(run: &str) -> &'static str {
    if run.contains('\r') {
        "a carriage return (`\\r`, left by a file saved with Windows line endings)"
    } else if run.contains('\n') {
        "a newline"
    } else if run.contains(['"', '\'', '`']) {
        "quotes that became part of the value"
    } else {
        "whitespace"
    }
}

/// Reports stray characters at either end; returns the range of the URL inside.
pub(crate) fn check(value: &str, sink: &mut Sink) -> (usize, usize) {
    let start = value.len() - value.trim_start_matches(is_stray).len();
    let end = start + value[start..].trim_end_matches(is_stray).len();
    if start > 0 {
        sink.push(
            Diagnostic::new(
                &RULE,
                format!("{} before the URL", describe(&value[..start])),
            )
            .with_span(Span::new(0, start))
            .with_help("remove the characters before `https://`"),
        );
    }
    if end < value.len() {
        sink.push(
            Diagnostic::new(&RULE, format!("{} after the URL", describe(&value[end..])))
                .with_span(Span::new(end, value.len()))
                .with_help("remove the characters after the URL (check the line endings and quoting of the file)"),
        );
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    const URL: &str = "https://toolbox-api.private.fin.ag/v3/";

    #[test]
    fn fires_on_carriage_return_and_quotes() {
        let found = check_api_url(&format!("{URL}\r"), &UrlContext::runtime());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code(), "FLK008");
        assert!(found[0].message.contains("carriage return"));
        let found = check_api_url(&format!("\"{URL}\""), &UrlContext::runtime());
        assert_eq!(found.iter().filter(|d| d.code() == "FLK008").count(), 2);
        let found = check_api_url(&format!("  {URL}"), &UrlContext::runtime());
        assert_eq!(found[0].span.unwrap(), crate::Span::new(0, 2));
    }

    #[test]
    fn does_not_fire_on_a_clean_url() {
        assert!(check_api_url(URL, &UrlContext::runtime()).is_empty());
    }
}
