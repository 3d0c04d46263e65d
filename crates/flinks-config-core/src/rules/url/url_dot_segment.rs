#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK010.md"))]

use crate::context::{Sink, UrlCheck};
use crate::text::clip;
use crate::url::is_dot_segment;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK010",
    "url-dot-segment",
    Error,
    "MRLQ",
    "a `.` or `..` path segment (literal or percent-encoded) that the HTTP client resolves away"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let parts = &url.parts;
    let mut dots = parts.segments.iter().filter(|s| is_dot_segment(s.text));
    let Some(first) = dots.next() else {
        return ControlFlow::Continue(());
    };
    let last = dots.next_back().unwrap_or(first);
    // The path the client requests, from the masked text (same offsets).
    let masked = url.secrets().masked();
    let resolved: Vec<&str> = parts
        .resolved_segments()
        .iter()
        .map(|s| &masked[s.span.range()])
        .collect();
    let path = format!("/{}", resolved.join("/"));
    sink.push(
        Diagnostic::new(
            &RULE,
            format!(
                "the path has a `{}` segment: the HTTP client resolves it and requests `{}`",
                clip(&masked[first.span.range()], 10),
                clip(&path, 120)
            ),
        )
        .with_span(Span::new(first.span.start, last.span.end))
        .with_help(format!(
            "write the path the client requests: {}",
            url.fixed(parts.path.span, &path)
        )),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_iframe_url, UrlContext};

    const CUSTOMER: &str = "43387ca6-0391-4c82-857d-70d95f087ecb";

    fn codes(url: &str) -> Vec<&'static str> {
        check_api_url(url, &UrlContext::runtime())
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_literal_and_encoded_dots_with_the_resolved_path() {
        for dots in [".", "..", "%2e", "%2E", "%2e%2e", "%2E%2e", ".%2E", "%2e."] {
            let url = format!(
                "https://toolbox-api.private.fin.ag/v3/{CUSTOMER}/BankingServices/x/{dots}/Authorize"
            );
            let found = check_api_url(&url, &UrlContext::runtime());
            assert!(
                found.iter().any(|d| d.code() == "FLK010"),
                "{url}: {found:#?}"
            );
        }
        let url = format!(
            "https://toolbox-api.private.fin.ag/v3/x/../{CUSTOMER}/BankingServices/Authorize"
        );
        let found = check_api_url(&url, &UrlContext::runtime());
        // The resolved path is a valid Authorize URL: only the dots are reported.
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK010"]
        );
        let help = found[0].help.as_deref().unwrap();
        assert!(
            help.ends_with(&format!("/v3/{CUSTOMER}/BankingServices/Authorize")),
            "{help}"
        );
    }

    #[test]
    fn path_rules_judge_the_resolved_path() {
        // `..` eats the customer id: the client requests /v3/BankingServices/Authorize.
        let url = format!(
            "https://toolbox-api.private.fin.ag/v3/{CUSTOMER}/../BankingServices/Authorize"
        );
        let found = codes(&url);
        assert!(
            found.contains(&"FLK010") && found.contains(&"FLK102"),
            "{found:?}"
        );
        let iframe = "https://toolbox-iframe.private.fin.ag/v2/../v1/?demo=true";
        let found: Vec<_> = check_iframe_url(iframe, &UrlContext::runtime())
            .iter()
            .map(|d| d.code())
            .collect();
        assert!(
            found.contains(&"FLK010") && found.contains(&"FLK208"),
            "{found:?}"
        );
    }

    #[test]
    fn does_not_fire_on_dots_inside_a_segment() {
        for url in [
            format!("https://toolbox-api.private.fin.ag/v3/{CUSTOMER}/BankingServices/Authorize"),
            "https://toolbox-api.private.fin.ag/v3/.../".to_string(),
            "https://toolbox-iframe.private.fin.ag/v2/?demo=true&x=..".to_string(),
        ] {
            assert!(!codes(&url).contains(&"FLK010"), "{url}");
        }
    }
}
