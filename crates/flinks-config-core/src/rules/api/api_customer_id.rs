#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK102.md"))]

use super::shared::ApiPath;
use crate::context::Sink;
use crate::{first_guid_error, Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK102",
    "api-customer-id",
    Error,
    "MRLQ",
    "the customer id segment of an API URL missing, not a GUID, or not the configured one"
);

/// Returns `false` (stop) when the segment is missing.
pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let (url, segments) = (path.url, path.segments);
    let Some(id) = segments.get(1) else {
        return ControlFlow::Continue(()); // `/v3`: a base URL
    };
    if !url.clean(id) {
        return ControlFlow::Continue(());
    }
    if id.text.eq_ignore_ascii_case("BankingServices") {
        let at = Span::new(id.span.start, id.span.start);
        sink.push(
            Diagnostic::new(
                &RULE,
                "the customer id is missing between `/v3/` and `BankingServices`",
            )
            .with_span(id.span)
            .with_help(format!(
                "insert your customer id: {}",
                url.fixed(at, "{customerId}/")
            )),
        );
        return ControlFlow::Break(());
    }
    if let Some(bad) = first_guid_error(id.text) {
        let start = id.span.start + bad.min(id.text.len());
        let span = if bad < id.text.len() {
            Span::new(start, id.span.end)
        } else {
            id.span
        };
        sink.push(
            Diagnostic::new(
                &RULE,
                "the customer id in the path is not a GUID (8-4-4-4-12 hex digits)",
            )
            .with_span(span)
            .with_help("use the customer id Flinks gave you for this instance"),
        );
        return ControlFlow::Continue(());
    }
    if let Some(configured) = url.cx.customer_id {
        if crate::is_guid(configured)
            && !crate::text::constant_time_eq_ignore_case(configured, id.text)
        {
            sink.push(
                Diagnostic::new(
                    &RULE,
                    "the customer id in the URL is not the configured customer id",
                )
                .with_span(id.span)
                .with_help("build the URL from the configured customer id, or fix one of the two"),
            );
        }
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    #[test]
    fn fires_on_missing_or_malformed_ids() {
        let found = check_api_url(
            "https://toolbox-api.private.fin.ag/v3/BankingServices/Authorize",
            &UrlContext::runtime(),
        );
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK102"]
        );
        let url = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecX/BankingServices/";
        let found = check_api_url(url, &UrlContext::runtime());
        assert_eq!(found.len(), 1);
        assert_eq!(&url[found[0].span.unwrap().range()], "X");
    }

    #[test]
    fn fires_when_the_configured_id_differs() {
        let url = "https://acme-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/";
        let configured = "11111111-2222-4333-8444-555555555555";
        let cx = UrlContext::runtime().with_known(&[], Some(configured));
        let found = check_api_url(url, &cx);
        assert!(found.iter().any(|d| d.code() == "FLK102"), "{found:#?}");
    }

    #[test]
    fn does_not_fire_on_a_guid() {
        let url = "https://toolbox-api.private.fin.ag/v3/43387CA6-0391-4C82-857D-70D95F087ECB/BankingServices/";
        assert!(check_api_url(url, &UrlContext::runtime()).is_empty());
    }
}
