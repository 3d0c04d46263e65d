#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK009.md"))]

use crate::context::{Sink, UrlCheck, UrlKind};
use crate::profile::{is_reference, literal_text, located, Field, Profile};
use crate::redact::{may_carry, Credentials, Place, UrlSecrets};
use crate::url::UrlParts;
use crate::{CredentialKind, Diagnostic, KnownValue, Span};
use std::ops::ControlFlow;

rule!(
    "FLK009",
    "url-credential",
    Error,
    "MRLQ",
    "a secret key, API key or authorize token (or a piece of one) anywhere in a URL"
);

pub(crate) fn check(url: &UrlCheck<'_>, sink: &mut Sink) -> ControlFlow<()> {
    if !may_carry(url.value, url.cx.known, url.cx.customer_id) {
        return ControlFlow::Continue(());
    }
    let credentials = Credentials::with_customer_id(url.cx.known, url.cx.customer_id);
    for found in credentials.in_url(&url.parts) {
        let token_param = found
            .param
            .is_some_and(|name| name.eq_ignore_ascii_case("authorizeToken"));
        if url.kind == UrlKind::Iframe && token_param {
            // The iframe's token parameter: a token is what belongs there,
            // and a key there is FLK205's.
            continue;
        }
        let what = if found.whole {
            format!("the {}", found.kind)
        } else {
            format!("part of the {}", found.kind)
        };
        sink.push(
            Diagnostic::new(
                &RULE,
                format!(
                    "the {} carries {what}: URLs are logged, cached and shown",
                    found.place.noun()
                ),
            )
            .with_span(found.part.span)
            .with_help(help(found.kind, found.place)),
        );
    }
    ControlFlow::Continue(())
}

/// The secret values a profile configures, as known values.
fn secrets_of<'p, 'a>(profile: &'p Profile<'a>) -> impl Iterator<Item = KnownValue<'a>> + 'p {
    profile.fields.iter().filter_map(|(field, value)| {
        let kind = field.credential().filter(|k| k.is_secret())?;
        Some(KnownValue::new(kind, literal_text(value.text)?))
    })
}

/// Across profiles: each profile's URLs checked against the secrets of the
/// *other* profiles (its own are checked with the profile). A key of the
/// production profile pasted into the sandbox URL is as exposed as any.
pub(crate) fn check_across(profiles: &[&Profile<'_>], sink: &mut Sink) {
    if profiles.len() < 2 {
        return;
    }
    // The common case first, cheaply: no URL has a GUID-like run but its
    // customer id, and every secret is a GUID.
    let some_url_may_carry = profiles.iter().any(|p| {
        let customer_id = p.get(Field::CustomerId).map(|v| v.text.trim());
        [Field::ApiUrl, Field::IframeUrl]
            .into_iter()
            .filter_map(|field| p.get(field))
            .any(|v| !is_reference(v.text) && may_carry(v.text, &[], customer_id))
    });
    let all: Vec<KnownValue<'_>> = profiles.iter().flat_map(|p| secrets_of(p)).collect();
    if !some_url_may_carry && !may_carry("", &all, None) {
        return;
    }
    for (i, profile) in profiles.iter().enumerate() {
        let own: Vec<KnownValue<'_>> = secrets_of(profile).collect();
        let others: Vec<KnownValue<'_>> = profiles
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .flat_map(|(_, p)| secrets_of(p))
            .filter(|k| !own.iter().any(|o| o.matches(k.value())))
            .collect();
        if others.is_empty() {
            continue;
        }
        let customer_id = profile.get(Field::CustomerId).map(|v| v.text.trim());
        let urls: Vec<&str> = [Field::ApiUrl, Field::IframeUrl]
            .into_iter()
            .filter_map(|field| profile.get(field))
            .map(|value| value.text)
            .filter(|text| !is_reference(text) && may_carry(text, &others, customer_id))
            .collect();
        if urls.is_empty() {
            continue;
        }
        let credentials = Credentials::with_customer_id(&others, customer_id);
        for field in [Field::ApiUrl, Field::IframeUrl] {
            let Some(value) = profile.get(field) else {
                continue;
            };
            if !urls.contains(&value.text) {
                continue;
            }
            let text = value.text.trim();
            let offset = value.text.len() - value.text.trim_start().len();
            let Ok(parts) = UrlParts::split(text, 0) else {
                continue; // FLK001's, with the value masked
            };
            for found in credentials.in_url(&parts) {
                let what = if found.whole { "the" } else { "part of the" };
                let secrets = UrlSecrets::of_parts(text, &parts, &others);
                let mut d = Diagnostic::new(
                    &RULE,
                    format!(
                        "the {} carries {what} {} of another profile: URLs are logged, cached and shown",
                        found.place.noun(),
                        found.kind
                    ),
                )
                .with_span(Span::new(
                    found.part.span.start + offset,
                    found.part.span.end + offset,
                ))
                .with_help(help(found.kind, found.place))
                .with_location(located(field, value));
                d.snippet = Some(secrets.masked().to_string());
                sink.push(d);
            }
        }
    }
}

/// Tokens of a profile's URLs shaped like a credential (a GUID, once
/// percent-decoded), each as the keys it would pair with in
/// [`check_across`]: a caller that pre-pairs profiles by shared keys
/// (the linter) then pairs a URL with the profile whose key it carries.
/// The profile's own customer id is left out.
pub(crate) fn url_keys(profile: &Profile<'_>) -> Vec<(Field, String)> {
    let customer_id = profile.get(Field::CustomerId).map(|v| v.text.trim());
    let mut out = Vec::new();
    for field in [Field::ApiUrl, Field::IframeUrl] {
        let Some(value) = profile.get(field) else {
            continue;
        };
        if is_reference(value.text) {
            continue;
        }
        let decoded = crate::text::percent_decode(value.text);
        for run in decoded
            .split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
            .filter(|run| crate::is_guid(run))
        {
            if customer_id.is_some_and(|id| id.eq_ignore_ascii_case(run)) {
                continue;
            }
            let key = run.to_ascii_lowercase();
            out.push((Field::SecretKey, key.clone()));
            out.push((Field::ApiKey, key));
        }
    }
    out
}

fn help(kind: CredentialKind, place: Place) -> String {
    let home = match kind {
        CredentialKind::ApiKey => {
            "the API key goes only in the `x-api-key` header of data requests, sent by the backend"
        }
        CredentialKind::AuthorizeToken => {
            "an authorize token goes in the `flinks-auth-key` header of /Authorize, or in `authorizeToken=` of the iframe URL built at runtime"
        }
        _ => {
            "the secret key goes only in the `flinks-auth-key` header of /GenerateAuthorizeToken, sent by the backend"
        }
    };
    format!(
        "remove it from the {}: {home}; rotate the key if this URL was ever used",
        place.noun()
    )
}

#[cfg(test)]
mod tests {
    use crate::{check_api_url, check_iframe_url, CredentialKind, KnownValue, UrlContext};

    const SECRET: &str = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
    const API_KEY: &str = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    const CUSTOMER: &str = "5f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
    const BASE: &str =
        "https://acme-api.private.fin.ag/v3/5f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f/BankingServices/";

    fn known() -> [KnownValue<'static>; 3] {
        [
            KnownValue::new(CredentialKind::SecretKey, SECRET),
            KnownValue::new(CredentialKind::ApiKey, API_KEY),
            KnownValue::new(CredentialKind::CustomerId, CUSTOMER),
        ]
    }

    fn codes_and_leaks(url: &str) -> (Vec<&'static str>, bool) {
        let known = known();
        let cx = UrlContext::runtime().with_known(&known, Some(CUSTOMER));
        let found = check_api_url(url, &cx);
        let shown = format!("{found:?}").to_ascii_lowercase();
        let leaks = [SECRET, API_KEY].iter().any(|s| {
            s.as_bytes()
                .windows(12)
                .any(|w| shown.contains(std::str::from_utf8(w).unwrap()))
        }) || shown.contains("%2d5ec2e7");
        (found.iter().map(|d| d.code()).collect(), leaks)
    }

    #[test]
    fn fires_in_every_position_and_never_shows_the_value() {
        let upper = SECRET.to_ascii_uppercase();
        let encoded = SECRET.replace('-', "%2D");
        let twice = SECRET.replace('-', "%252d");
        let piece = &SECRET[9..30];
        for url in [
            format!("{BASE}GetAccountsDetailAsync/{SECRET}"),
            format!("{BASE}GetAccountsDetail?key={SECRET}"),
            format!("{BASE}GetAccountsDetail?{API_KEY}=1"),
            format!("{BASE}GetAccountsDetail#{SECRET}"),
            format!("https://me:{SECRET}@acme-api.private.fin.ag/v3/"),
            format!("{BASE}GetAccountsDetailAsync/{upper}"),
            format!("{BASE}GetAccountsDetailAsync/{encoded}"),
            format!("{BASE}GetAccountsDetailAsync/{twice}"),
            format!("{BASE}GetAccountsDetail?k=x{piece}"),
            format!("{BASE}GetAccountsDetail?k={}", API_KEY.to_ascii_lowercase()),
        ] {
            let (codes, leaks) = codes_and_leaks(&url);
            assert!(codes.contains(&"FLK009"), "{url}: {codes:?}");
            assert!(!leaks, "{url}");
        }
    }

    #[test]
    fn the_public_sandbox_keys_are_known_without_context() {
        let url = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/DeleteCard/3d5266a8-b697-48d4-8de6-52e2e2662acc";
        let found = check_api_url(url, &UrlContext::macro_literal());
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK009"]
        );
        assert!(!format!("{found:?}").contains("52e2e2662acc"));
    }

    #[test]
    fn the_customer_id_and_request_ids_are_not_credentials() {
        for url in [
            format!("{BASE}Authorize"),
            format!("{BASE}GetAccountsDetailAsync/5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f"),
            format!("{BASE}DeleteCard/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"),
        ] {
            assert_eq!(codes_and_leaks(&url).0, Vec::<&str>::new(), "{url}");
        }
        // A customer id configured as the secret key too (FLK302's) is
        // still the customer id at its place.
        let same = [KnownValue::new(CredentialKind::SecretKey, CUSTOMER)];
        let cx = UrlContext::runtime().with_known(&same, Some(CUSTOMER));
        assert!(check_api_url(&format!("{BASE}Authorize"), &cx).is_empty());
    }

    #[test]
    fn a_url_carrying_another_profiles_secret_fires_across_profiles() {
        use crate::{
            check_profiles, cross_profile_keys, Checker, Field, Location, Profile, ProfileOptions,
            Source, Value,
        };
        fn profile<'a>(name: &str, fields: &[(Field, &'a str)]) -> Profile<'a> {
            let mut p = Profile::new(Location::new(Source::Value, name));
            for (field, text) in fields {
                p.set(
                    *field,
                    Value {
                        text,
                        location: Location::new(Source::Value, field.key()),
                    },
                );
            }
            p
        }
        let production_secret = "7e3f1c2a-9b8d-4e6f-a1b2-c3d4e5f60718";
        let url = format!(
            "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/GetAccountsDetail?k={}",
            production_secret.replace('-', "%2D")
        );
        let sandbox = profile("sandbox", &[(Field::ApiUrl, url.as_str())]);
        let production = profile("production", &[(Field::SecretKey, production_secret)]);
        let found = check_profiles(
            &[sandbox.clone(), production.clone()],
            ProfileOptions::new(Checker::Linter),
        );
        let codes: Vec<_> = found.iter().map(|d| d.code()).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == "FLK009").count(),
            1,
            "{found:#?}"
        );
        let shown = format!("{found:?}").to_ascii_lowercase();
        assert!(
            !shown.contains("d4e5f60718") && !shown.contains("1c2a%2d9b8d"),
            "{shown}"
        );
        // The linter pre-pairs profiles by keys: the URL pairs with the key's owner.
        let keys = cross_profile_keys(&sandbox);
        assert!(cross_profile_keys(&production)
            .iter()
            .any(|k| keys.contains(k)));
    }

    #[test]
    fn an_iframe_token_parameter_is_left_to_the_iframe_rules() {
        let token = "d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        let known = [KnownValue::new(CredentialKind::AuthorizeToken, token)];
        let cx = UrlContext::request().with_known(&known, None);
        let url = format!("https://acme-iframe.private.fin.ag/v2/?authorizeToken={token}");
        assert!(check_iframe_url(&url, &cx).is_empty());
        let leaked = format!("https://acme-iframe.private.fin.ag/v2/?language=en#{token}");
        let codes: Vec<_> = check_iframe_url(&leaked, &cx)
            .iter()
            .map(|d| d.code())
            .collect();
        assert!(codes.contains(&"FLK009"), "{codes:?}");
    }
}
