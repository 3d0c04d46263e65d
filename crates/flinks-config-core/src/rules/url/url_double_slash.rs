#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK003.md"))]

use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK003",
    "url-double-slash",
    Error,
    "MRLQ",
    "an empty path segment: `fin.ag//v3`, `v3//BankingServices`"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let segments = &url.parts.segments;
    // The last segment may be empty: that is a trailing `/`, not a double one.
    let inner = segments.len().saturating_sub(1);
    let mut i = 0;
    while i < inner {
        if !segments[i].text.is_empty() {
            i += 1;
            continue;
        }
        let first = i;
        while i < inner && segments[i].text.is_empty() {
            i += 1;
        }
        // Each empty segment sits right after a `/` and ends at the next one.
        let span = Span::new(segments[first].span.start - 1, segments[i - 1].span.end + 1);
        sink.push(
            Diagnostic::new(&RULE, "double slash in the URL path")
                .with_span(span)
                .with_help(format!("remove the extra slash: {}", url.fixed(span, "/")))
                .with_fix(url.fix(span, "/", true)),
        );
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_iframe_url, UrlContext};

    const CID: &str = "43387ca6-0391-4c82-857d-70d95f087ecb";

    #[test]
    fn fires_on_the_documented_mistake() {
        let url = format!("https://toolbox-api.private.fin.ag//v3/{CID}/BankingServices/Authorize");
        let found = check_api_url(&url, &UrlContext::runtime());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code(), "FLK003");
        assert_eq!(&url[found[0].span.unwrap().range()], "//");
        assert_eq!(
            found[0].help.as_deref().unwrap(),
            format!("remove the extra slash: https://toolbox-api.private.fin.ag/v3/{CID}/BankingServices/Authorize")
        );
    }

    #[test]
    fn covers_a_run_of_slashes_once() {
        let url =
            format!("https://toolbox-api.private.fin.ag/v3/{CID}///BankingServices/Authorize");
        let found = check_api_url(&url, &UrlContext::runtime());
        assert_eq!(found.len(), 1);
        assert_eq!(&url[found[0].span.unwrap().range()], "///");
    }

    #[test]
    fn does_not_fire_on_a_trailing_slash() {
        let url = "https://toolbox-iframe.private.fin.ag/v2/?demo=true";
        assert!(check_iframe_url(url, &UrlContext::runtime()).is_empty());
    }
}
