#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK108.md"))]

use super::shared::ApiPath;
use crate::context::Sink;
use crate::{Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK108",
    "api-base-join-trap",
    Warning,
    "RL",
    "a base URL ending in `/v3` without `/`: a relative join drops `v3`"
);

/// Called for base URLs (no endpoint segment).
pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let url = path.url;
    let path = url.parts.path;
    // The path the client requests: `/v3/x/..` ends with a slash once resolved.
    let resolved = url.parts.resolved_segments();
    let Some(last) = resolved.last() else {
        return ControlFlow::Continue(());
    };
    if last.text.is_empty() {
        return ControlFlow::Continue(());
    }
    let at = Span::new(path.span.end, path.span.end);
    sink.push(
        Diagnostic::new(
            &RULE,
            format!("the base URL ends in `/{}` without a slash: joining a relative path replaces that segment", last.text),
        )
        .with_span(last.span)
        .with_help(format!("end the base URL with a slash: {}", url.fixed(at, "/")))
        .with_fix(url.fix(at, "/", true)),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    #[test]
    fn fires_on_bases_without_a_trailing_slash() {
        let found = check_api_url(
            "https://toolbox-api.private.fin.ag/v3",
            &UrlContext::runtime(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK108");
        let base = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices";
        assert_eq!(
            check_api_url(base, &UrlContext::runtime())[0].code(),
            "FLK108"
        );
    }

    #[test]
    fn does_not_fire_with_a_slash_or_in_macros() {
        assert!(check_api_url(
            "https://toolbox-api.private.fin.ag/v3/",
            &UrlContext::runtime()
        )
        .is_empty());
        assert!(check_api_url(
            "https://toolbox-api.private.fin.ag/v3",
            &UrlContext::macro_literal()
        )
        .is_empty());
    }
}
