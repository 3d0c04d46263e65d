//! Property tests of the URL checks against the `url` crate: no panic, every
//! accepted URL parses and round-trips, a one-byte change is either still
//! valid or reported with a span covering the change.

use flinks_config::{ApiUrl, IframeUrl};
use flinks_config_core::{check_api_url, check_iframe_url, Severity, UrlContext};
use proptest::prelude::*;

fn api_url() -> impl Strategy<Value = String> {
    let instance = prop_oneof![
        Just("toolbox".to_string()),
        "[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,4})?"
    ];
    let endpoint = prop_oneof![
        Just(String::new()),
        Just("Authorize".to_string()),
        Just("GenerateAuthorizeToken".to_string()),
        Just("GetAccountsDetail".to_string()),
        Just("GetAccountsDetailAsync/5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f".to_string()),
    ];
    (
        instance,
        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
        endpoint,
    )
        .prop_map(|(i, c, e)| format!("https://{i}-api.private.fin.ag/v3/{c}/BankingServices/{e}"))
}

fn errors(found: &[flinks_config_core::Diagnostic]) -> Vec<&flinks_config_core::Diagnostic> {
    found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,120}") {
        let _ = check_api_url(&text, &UrlContext::runtime());
        let _ = check_iframe_url(&text, &UrlContext::request());
    }

    #[test]
    fn url_shaped_text_never_panics(text in "(https?|HTTPS|ftp)?:?/{0,3}[a-zA-Z0-9.:@_%{}<>$ -]{0,30}(/[a-zA-Z0-9.%{}_ -]{0,12}){0,6}(\\?[a-zA-Z0-9=&?%#._-]{0,30})?") {
        let _ = check_api_url(&text, &UrlContext::runtime());
        let _ = check_iframe_url(&text, &UrlContext::linter());
    }

    #[test]
    fn accepted_urls_parse_and_round_trip(text in "\\PC{0,100}|https://[a-zA-Z0-9.-]{1,30}(:[0-9]{0,4})?(/[ -~]{0,12}){0,5}(\\?[ -~]{0,20})?") {
        if let Ok(ours) = ApiUrl::parse(&text) {
            let theirs = url::Url::parse(&text).expect("url accepts what we accept");
            prop_assert_eq!(theirs.as_str(), ours.as_str());
            let again = url::Url::parse(ours.as_str()).unwrap();
            prop_assert_eq!(again.as_str(), ours.as_str());
        }
        if let Ok(ours) = IframeUrl::parse(&text) {
            let theirs = url::Url::parse(&text).expect("url accepts what we accept");
            prop_assert_eq!(theirs.as_str(), ours.as_str());
        }
    }

    #[test]
    fn generated_valid_urls_are_accepted_and_round_trip(text in api_url()) {
        let ours = ApiUrl::parse(&text).map_err(|r| TestCaseError::fail(r.to_string()))?;
        let theirs = url::Url::parse(&text).unwrap();
        prop_assert_eq!(theirs.as_str(), ours.as_str());
    }

    #[test]
    fn a_mutated_byte_is_valid_or_covered(text in api_url(), at in any::<prop::sample::Index>(), byte in prop_oneof![Just(b'/'), Just(b'.'), Just(b' '), Just(b'{'), Just(b'A'), Just(b'?'), Just(b'-'), Just(b'x')]) {
        let i = at.index(text.len());
        let mut bytes = text.clone().into_bytes();
        bytes[i] = byte;
        let mutated = String::from_utf8(bytes).unwrap();
        let found = check_api_url(&mutated, &UrlContext::runtime());
        let errors = errors(&found);
        if !errors.is_empty() {
            // The change is explained at (or right around) the changed byte, or
            // by a rule about the whole URL (no span).
            let covered = errors.iter().any(|d| match d.span {
                None => true,
                Some(s) => s.start <= i + 1 && i <= s.end,
            });
            prop_assert!(covered, "{mutated}: byte {i} not covered by {:?}", errors.iter().map(|d| (d.code(), d.span)).collect::<Vec<_>>());
        }
    }

    #[test]
    fn macro_and_runtime_agree_on_macro_rules(text in prop_oneof![api_url(), "\\PC{0,80}", "https://[a-z.-]{1,25}/v[0-9]/[ -~]{0,40}"]) {
        // Same core rules: the macro reports exactly the runtime's findings of
        // the rules marked M (the others are not macro rules).
        let macro_codes: Vec<&str> = check_api_url(&text, &UrlContext::macro_literal()).iter().map(|d| d.code()).collect();
        let runtime_codes: Vec<&str> = check_api_url(&text, &UrlContext::runtime())
            .iter()
            .filter(|d| d.rule.checked_by(flinks_config_core::Checker::Macro))
            .map(|d| d.code())
            .collect();
        prop_assert_eq!(&macro_codes, &runtime_codes, "{}", text);
        let macro_iframe: Vec<&str> = check_iframe_url(&text, &UrlContext::macro_literal()).iter().map(|d| d.code()).collect();
        let runtime_iframe: Vec<&str> = check_iframe_url(&text, &UrlContext::runtime())
            .iter()
            .filter(|d| d.rule.checked_by(flinks_config_core::Checker::Macro))
            .map(|d| d.code())
            .collect();
        prop_assert_eq!(macro_iframe, runtime_iframe);
    }
}

/// A path segment: a word, empty, or a dot segment in any of the forms an
/// HTTP client resolves (literal or percent-encoded, any case), or a
/// near miss that is not one (`...`, `%2e%2e%2e`, `a.`).
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{1,3}",
        Just(String::new()),
        Just(".".to_string()),
        Just("..".to_string()),
        Just("%2e".to_string()),
        Just("%2E".to_string()),
        Just("%2e%2E".to_string()),
        Just(".%2e".to_string()),
        Just("%2E.".to_string()),
        Just("...".to_string()),
        Just("%2e%2e%2e".to_string()),
        Just("a.".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// The path core's rules judge is the path `url::Url` requests: dot
    /// segments resolved the same way (RFC 3986 §5.2.4, percent-encoded
    /// dots included), and FLK010 reported exactly when they are present.
    #[test]
    fn resolved_paths_match_the_url_crate(segments in proptest::collection::vec(segment(), 0..8)) {
        let text = format!("https://toolbox-api.private.fin.ag/{}", segments.join("/"));
        let parts = flinks_config_core::url::UrlParts::split(&text, 0).unwrap();
        let ours: Vec<&str> = parts.resolved_segments().iter().map(|p| p.text).collect();
        let theirs = url::Url::parse(&text).unwrap();
        prop_assert_eq!(format!("/{}", ours.join("/")), theirs.path(), "{}", text);
        let dots = segments.iter().any(|s| flinks_config_core::url::is_dot_segment(s));
        let reported = check_api_url(&text, &UrlContext::runtime())
            .iter()
            .any(|d| d.code() == "FLK010");
        prop_assert_eq!(dots, reported, "{}", text);
    }
}
