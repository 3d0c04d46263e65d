#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK104.md"))]

use super::shared::{self, ApiPath};
use crate::context::Sink;
use crate::endpoint::ENDPOINTS;
use crate::text::clip;
use crate::text::nearest;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK104",
    "api-unknown-endpoint",
    Error,
    "MRLQ",
    "an endpoint Flinks does not have; suggests the nearest (`authorize` → `Authorize`)"
);

/// Reports a fourth segment that names no endpoint (the pipeline looks up
/// the endpoint itself, in [`shared::endpoint_at`]).
pub(crate) fn check(path: &ApiPath<'_, '_>, sink: &mut Sink) -> ControlFlow<()> {
    let (url, segments) = (path.url, path.segments);
    let Some(name) = segments.get(3) else {
        return ControlFlow::Continue(());
    };
    let exact = path.endpoint.is_some_and(|e| e.name == name.text);
    if exact || !url.clean(name) {
        return ControlFlow::Continue(());
    }
    let names = ENDPOINTS.iter().map(|e| e.name);
    let guess = shared::same_but_case(name.text)
        .map(|e| e.name)
        .or_else(|| nearest(name.text, names));
    let (message, help) = match guess {
        Some(better) => (
            format!("unknown endpoint `{}`", clip(name.text, 60)),
            format!("did you mean {better}? {}", url.fixed(name.span, better)),
        ),
        None => (
            format!("unknown endpoint `{}`", clip(name.text, 60)),
            "use one of the BankingServices endpoints (see docs/requests.md)".to_string(),
        ),
    };
    sink.push(
        Diagnostic::new(&RULE, message)
            .with_span(name.span)
            .with_help(help),
    );
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, UrlContext};

    const BASE: &str = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices";

    #[test]
    fn fires_with_the_nearest_endpoint() {
        for (typo, want) in [
            ("authorize", "Authorize"),
            ("GetAccountDetail", "GetAccountsDetail"),
        ] {
            let found = check_api_url(&format!("{BASE}/{typo}"), &UrlContext::runtime());
            assert_eq!(found.len(), 1, "{found:#?}");
            assert_eq!(found[0].code(), "FLK104");
            assert!(found[0]
                .help
                .as_deref()
                .unwrap()
                .starts_with(&format!("did you mean {want}?")));
        }
        let found = check_api_url(&format!("{BASE}/Frobnicate"), &UrlContext::runtime());
        assert_eq!(found[0].code(), "FLK104");
    }

    #[test]
    fn does_not_fire_on_known_endpoints() {
        for e in crate::ENDPOINTS.iter().filter(|e| e.path_param.is_none()) {
            assert!(
                check_api_url(&format!("{BASE}/{}", e.name), &UrlContext::runtime()).is_empty(),
                "{}",
                e.name
            );
        }
    }
}
