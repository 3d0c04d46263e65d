#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK104.md"))]

use crate::check::{Sink, UrlCheck};
use crate::endpoint::{Endpoint, ENDPOINTS};
use crate::text::clip;
use crate::text::nearest;
use crate::url::Part;
use crate::Diagnostic;

rule!(
    "FLK104",
    "api-unknown-endpoint",
    Error,
    "MRLQ",
    "an endpoint Flinks does not have; suggests the nearest (`authorize` → `Authorize`)"
);

/// The endpoint named by the fourth segment, if there is one and it is known.
pub(crate) fn check(
    url: &UrlCheck<'_>,
    segments: &[Part<'_>],
    sink: &mut Sink,
) -> Option<&'static Endpoint> {
    let name = segments.get(3)?;
    if let Some(endpoint) = crate::endpoint(name.text) {
        return Some(endpoint);
    }
    if !url.clean(name) {
        return None;
    }
    let names = ENDPOINTS.iter().map(|e| e.name);
    let same_but_case = ENDPOINTS
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case(name.text));
    let guess = same_but_case
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
    // A miscased endpoint still tells what parameter it takes.
    same_but_case
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
