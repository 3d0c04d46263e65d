#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK006.md"))]

use crate::context::{Sink, UrlCheck};
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK006",
    "url-placeholder",
    Error,
    "MRLQ",
    "an unsubstituted placeholder (`{instance}`, `{customerId}`, `YOUR_…`, `<…>`, `${…}`) left in a URL"
);

/// Reports each placeholder, except `skip` (a path parameter that its own
/// rule reports).
pub(crate) fn report(found: &[Span], skip: Option<Span>, sink: &mut Sink) {
    for &span in found {
        if Some(span) == skip {
            continue;
        }
        sink.push(
            Diagnostic::new(&RULE, "a placeholder was left in the URL")
                .with_span(span)
                .with_help("substitute the real value: build the URL from your configured instance and customer id"),
        );
    }
}

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    // `…Async/{requestId}` is the path parameter rule's to report.
    let segments = url.words();
    let skip = segments.get(4).filter(|_| {
        matches!(url.kind, crate::UrlKind::Api)
            && segments
                .get(3)
                .and_then(|s| crate::endpoint(s.text))
                .is_some_and(|e| e.path_param.is_some())
    });
    let skip = skip.and_then(|s| url.placeholders.iter().copied().find(|p| *p == s.span));
    report(&url.placeholders, skip, sink);
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_iframe_url, UrlContext};

    #[test]
    fn fires_on_template_text() {
        let url = "https://toolbox-api.private.fin.ag/v3/{customerId}/BankingServices/Authorize";
        let found = check_api_url(url, &UrlContext::runtime());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code(), "FLK006");
        assert_eq!(&url[found[0].span.unwrap().range()], "{customerId}");
        let found = check_iframe_url(
            "https://yourinstance-iframe.private.fin.ag/v2/",
            &UrlContext::runtime(),
        );
        assert_eq!(found[0].code(), "FLK006");
        let found = check_api_url("https://${FLINKS_HOST}/v3/", &UrlContext::runtime());
        assert_eq!(found[0].code(), "FLK006");
    }

    #[test]
    fn does_not_fire_on_real_values() {
        let url = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/";
        assert!(check_api_url(url, &UrlContext::runtime()).is_empty());
    }
}
