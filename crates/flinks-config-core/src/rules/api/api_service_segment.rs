#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK103.md"))]

use super::shared::{self, ApiPath};
use crate::context::Sink;
use crate::text::clip;
use crate::text::nearest;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK103",
    "api-service-segment",
    Error,
    "MRLQ",
    "`BankingServices` missing or misspelled (`bankingservices`, `BankingService`)"
);

/// Service roots after the customer id that are not `BankingServices`
/// (Enrich attributes and uploads); their paths are not checked further.
const OTHER_SERVICES: [&str; 2] = ["insight", "attributes"];

/// Returns `false` (stop) when the path continues under another service.
pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let (url, segments) = (path.url, path.segments);
    let Some(service) = segments.get(2) else {
        return ControlFlow::Continue(());
    };
    if service.text == "BankingServices" {
        return ControlFlow::Continue(());
    }
    if OTHER_SERVICES.contains(&service.text) || !url.clean(service) {
        return ControlFlow::Break(());
    }
    let message = if service.text.eq_ignore_ascii_case("BankingServices") {
        format!(
            "`{}` is miscased: paths are case-sensitive",
            clip(service.text, 40)
        )
    } else if nearest(service.text, ["BankingServices"]).is_some() {
        format!("`{}` is misspelled", clip(service.text, 40))
    } else {
        "the path has no `BankingServices` segment after the customer id".to_string()
    };
    let help = if crate::endpoint(service.text).is_some() {
        let at = crate::Span::new(service.span.start, service.span.start);
        format!("insert it: {}", url.fixed(at, "BankingServices/"))
    } else {
        format!(
            "write BankingServices: {}",
            url.fixed(service.span, "BankingServices")
        )
    };
    sink.push(
        Diagnostic::new(&RULE, message)
            .with_span(service.span)
            .with_help(help),
    );
    // An endpoint in the service's place: the rest would only repeat this.
    shared::go_on(crate::endpoint(service.text).is_none())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    const BASE: &str = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb";

    #[test]
    fn fires_on_miscased_misspelled_and_missing() {
        for (path, word) in [
            ("bankingservices/Authorize", "miscased"),
            ("BankingService/Authorize", "misspelled"),
            ("Authorize", "no `BankingServices`"),
        ] {
            let found = check_api_url(&format!("{BASE}/{path}"), &UrlContext::runtime());
            assert_eq!(found.len(), 1, "{path}: {found:#?}");
            assert_eq!(found[0].code(), "FLK103");
            assert!(
                found[0].message.contains(word),
                "{path}: {}",
                found[0].message
            );
        }
    }

    #[test]
    fn does_not_fire_on_the_service_or_enrich_paths() {
        assert!(check_api_url(
            &format!("{BASE}/BankingServices/Authorize"),
            &UrlContext::runtime()
        )
        .is_empty());
        assert!(check_api_url(
            &format!("{BASE}/insight/login/x/attributes/y/GetAllAttributes"),
            &UrlContext::runtime()
        )
        .is_empty());
    }
}
