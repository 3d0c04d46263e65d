//! The entry points front ends call: one URL, one instance name, one
//! credential, one request's headers, profiles. Each runs a family's
//! pipeline (in [`rules`](crate::rules)) and passes its raw findings once
//! through the [`Redactor`](crate::redact::Redactor).

use crate::context::{UrlContext, UrlKind};
use crate::endpoint::Endpoint;
use crate::profile::{Field, Profile, ProfileOptions};
use crate::redact::Findings;
use crate::rules;
use crate::{Checker, CredentialKind, Diagnostic, KnownValue};

/// Checks an API URL (base or endpoint) through every URL and API URL rule.
///
/// ```
/// use flinks_config_core::{check_api_url, UrlContext};
/// let ok = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";
/// assert!(check_api_url(ok, &UrlContext::runtime()).is_empty());
/// let dot = "https://toolbox.api.private.fin.ag/v3/";
/// assert_eq!(check_api_url(dot, &UrlContext::runtime())[0].code(), "FLK004");
/// ```
pub fn check_api_url(value: &str, cx: &UrlContext<'_>) -> Vec<Diagnostic> {
    check_url(value, UrlKind::Api, cx)
}

/// Checks a Flinks Connect iframe URL through every URL and iframe rule.
///
/// ```
/// use flinks_config_core::{check_iframe_url, UrlContext};
/// let found = check_iframe_url("https://toolbox-iframe.private.fin.ag/v2/", &UrlContext::runtime());
/// assert_eq!(found[0].code(), "FLK201"); // demo=true missing in the sandbox
/// ```
pub fn check_iframe_url(value: &str, cx: &UrlContext<'_>) -> Vec<Diagnostic> {
    check_url(value, UrlKind::Iframe, cx)
}

/// Checks a URL of the given kind. Diagnostics come sorted by position.
///
/// ```
/// use flinks_config_core::{check_url, UrlContext, UrlKind};
/// let url = "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize";
/// let found = check_url(url, UrlKind::Api, &UrlContext::runtime());
/// assert_eq!(found[0].code(), "FLK003");
/// ```
pub fn check_url(value: &str, kind: UrlKind, cx: &UrlContext<'_>) -> Vec<Diagnostic> {
    rules::url::findings(value, kind, cx).redact().into_inner()
}

/// Checks an instance name (`toolbox`, `acme`, `acme-ca`).
///
/// ```
/// use flinks_config_core::{check_instance, Checker};
/// assert!(check_instance("acme-ca", Checker::Runtime).is_empty());
/// assert_eq!(check_instance("toolbox.api", Checker::Runtime)[0].code(), "FLK506");
/// assert_eq!(
///     check_instance("43387ca6-0391-4c82-857d-70d95f087ecb", Checker::Runtime)[0].code(),
///     "FLK306"
/// );
/// ```
pub fn check_instance(value: &str, checker: Checker) -> Vec<Diagnostic> {
    rules::profile::check_instance(value, checker)
}

/// Checks a credential or id value of a known kind: placeholders, GUID shape,
/// and (for a customer id) an instance name written in its place. Diagnostics
/// of secret kinds carry no snippet and never quote the value.
///
/// ```
/// use flinks_config_core::{check_credential, Checker, CredentialKind};
/// assert!(check_credential("43387ca6-0391-4c82-857d-70d95f087ecb", CredentialKind::CustomerId, Checker::Runtime).is_empty());
/// assert_eq!(check_credential("changeme", CredentialKind::SecretKey, Checker::Runtime)[0].code(), "FLK303");
/// assert_eq!(check_credential("acme", CredentialKind::CustomerId, Checker::Runtime)[0].code(), "FLK306");
/// ```
pub fn check_credential(value: &str, kind: CredentialKind, checker: Checker) -> Vec<Diagnostic> {
    let found = rules::credential::check_value(value, kind, checker);
    // The rules never quote a secret value; redacting it costs nothing
    // when there is no finding, and keeps that true if a rule changes.
    let secrets = if kind.is_secret() && !found.is_empty() {
        vec![value.trim().to_string()]
    } else {
        Vec::new()
    };
    Findings::new(found, secrets).redact().into_inner()
}

/// Checks the headers of one request to `endpoint` (FLK401–FLK404, FLK407).
/// Header names compare case-insensitively; every value of a name counts (a
/// header map may hold several), and an authentication header sent twice is
/// itself a finding (FLK407); `known` values let FLK403 recognise a
/// credential of the wrong kind in any of them. No value appears in any
/// message.
///
/// ```
/// use flinks_config_core::{check_headers, endpoint};
/// let e = endpoint("Authorize").unwrap();
/// let found = check_headers(e, &[("Authorization", "Bearer x")], &[]);
/// assert_eq!(found[0].code(), "FLK401");
/// assert!(check_headers(e, &[("flinks-auth-key", "t")], &[]).is_empty());
/// let twice = check_headers(e, &[("flinks-auth-key", "t"), ("Flinks-Auth-Key", "t")], &[]);
/// assert_eq!(twice[0].code(), "FLK407");
/// ```
pub fn check_headers(
    endpoint: &Endpoint,
    headers: &[(&str, &str)],
    known: &[KnownValue<'_>],
) -> Vec<Diagnostic> {
    rules::header::check_headers(endpoint, headers, known)
}

/// Checks each profile, then the rules that compare profiles (FLK504).
/// Values that are references (`${VAR}`) are left for when they are resolved.
///
/// ```
/// use flinks_config_core::{check_profiles, Checker, Location, Profile, ProfileOptions, Source};
/// let empty = Profile::new(Location::new(Source::Value, "sandbox"));
/// let found = check_profiles(&[empty], ProfileOptions::new(Checker::Runtime));
/// assert!(found.iter().any(|d| d.code() == "FLK508")); // required fields missing
/// ```
pub fn check_profiles(profiles: &[Profile<'_>], options: ProfileOptions) -> Vec<Diagnostic> {
    let mut found = Findings::default();
    for profile in profiles {
        found.merge(rules::profile::findings(profile, options));
    }
    let refs: Vec<&Profile<'_>> = profiles.iter().collect();
    found.merge(rules::profile::across_findings(&refs, options));
    // A secret of one profile may be pasted into another's settings: one
    // redaction with every profile's secrets (a profile without a finding
    // gives none of its own).
    if !found.diagnostics().is_empty() {
        found.add_secrets(profiles.iter().flat_map(crate::profile::secret_values));
    }
    found.redact().into_inner()
}

/// Checks one profile: every value, then the rules across its values.
///
/// ```
/// use flinks_config_core::{check_profile, Checker, Location, Profile, ProfileOptions, Source};
/// let empty = Profile::new(Location::new(Source::Value, "sandbox"));
/// assert!(check_profile(&empty, ProfileOptions::new(Checker::Runtime)).iter().any(|d| d.code() == "FLK508"));
/// assert!(check_profile(&empty, ProfileOptions::new(Checker::Linter)).iter().all(|d| d.code() != "FLK508"));
/// ```
pub fn check_profile(profile: &Profile<'_>, options: ProfileOptions) -> Vec<Diagnostic> {
    rules::profile::findings(profile, options)
        .redact()
        .into_inner()
}

/// The rules that compare profiles with each other (FLK504), without the
/// per-profile ones: for a caller that checks profiles in parallel.
///
/// ```
/// use flinks_config_core::{check_across_profiles, Checker, ProfileOptions};
/// assert!(check_across_profiles(&[], ProfileOptions::new(Checker::Linter)).is_empty());
/// ```
pub fn check_across_profiles(
    profiles: &[&Profile<'_>],
    options: ProfileOptions,
) -> Vec<Diagnostic> {
    rules::profile::across_findings(profiles, options)
        .redact()
        .into_inner()
}

/// The values [`check_across_profiles`] compares, each with its field: a
/// profile sharing none of these keys with another profile is never part of
/// a finding there, so a caller holding thousands of profiles (the linter)
/// can keep and pass only the profiles whose keys occur more than once.
///
/// ```
/// use flinks_config_core::{cross_profile_keys, Field, Location, Profile, Source, Value};
/// let mut p = Profile::new(Location::new(Source::Value, "production"));
/// p.set(Field::ApiKey, Value { text: "9B8A7C6D-5e4f-4a3b-8c2d-1e0f9a8b7c6d", location: Location::new(Source::Value, "api_key") });
/// p.set(Field::Instance, Value { text: "acme", location: Location::new(Source::Value, "instance") });
/// assert_eq!(cross_profile_keys(&p), [(Field::ApiKey, "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d".to_string())]);
/// ```
pub fn cross_profile_keys(profile: &Profile<'_>) -> Vec<(Field, String)> {
    rules::profile::cross_profile_keys(profile)
}
