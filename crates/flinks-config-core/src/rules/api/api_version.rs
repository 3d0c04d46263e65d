#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK101.md"))]

use super::shared::{self, ApiPath};
use crate::context::Sink;
use crate::text::clip;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK101",
    "api-version",
    Error,
    "MRLQ",
    "an API path version other than `v3` (`v2`, `V3`, missing)"
);

/// Returns `false` (stop) when the rest of the path cannot be read.
pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let (url, segments) = (path.url, path.segments);
    let Some(first) = segments.first() else {
        return ControlFlow::Continue(()); // the host alone: a base URL
    };
    if first.text == "v3" || !url.clean(first) {
        return shared::go_on(url.clean(first));
    }
    let bytes = first.text.as_bytes();
    let is_version = bytes.len() > 1
        && bytes[0].eq_ignore_ascii_case(&b'v')
        && bytes[1..].iter().all(u8::is_ascii_digit);
    let diagnostic = if first.text.eq_ignore_ascii_case("v3") {
        Diagnostic::new(
            &RULE,
            "the version is written `V3`: paths are case-sensitive",
        )
        .with_span(first.span)
        .with_help(format!("write v3: {}", url.fixed(first.span, "v3")))
    } else if is_version {
        Diagnostic::new(
            &RULE,
            format!(
                "API version `{}`: the Flinks API is v3",
                clip(first.text, 20)
            ),
        )
        .with_span(first.span)
        .with_help(format!("use v3: {}", url.fixed(first.span, "v3")))
    } else {
        let at = Span::new(first.span.start, first.span.start);
        Diagnostic::new(&RULE, "the path does not start with the API version `/v3`")
            .with_span(first.span)
            .with_help(format!("insert v3: {}", url.fixed(at, "v3/")))
    };
    sink.push(diagnostic);
    ControlFlow::Break(())
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
    fn fires_on_other_or_missing_versions() {
        assert_eq!(codes("https://toolbox-api.private.fin.ag/v2/"), ["FLK101"]);
        assert_eq!(codes("https://toolbox-api.private.fin.ag/V3/"), ["FLK101"]);
        let found = check_api_url(
            "https://toolbox-api.private.fin.ag/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].help.as_deref().unwrap().contains("/v3/43387ca6"));
    }

    #[test]
    fn does_not_fire_on_v3_or_a_bare_host() {
        assert!(codes("https://toolbox-api.private.fin.ag/v3/").is_empty());
        assert!(codes("https://toolbox-api.private.fin.ag").is_empty());
    }
}
