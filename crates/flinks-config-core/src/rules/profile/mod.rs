//! FLK5xx, the profile family: one environment's settings as a whole (the
//! environment, required and unknown keys, sandbox values in production and
//! back, instance and URLs agreeing), profiles compared with each other,
//! and a document that did not parse.
//!
//! | code   | rule                                    |
//! |--------|-----------------------------------------|
//! | FLK501 | [`sandbox_credentials_in_production`]     |
//! | FLK502 | [`sandbox_instance_in_production`]        |
//! | FLK503 | [`production_instance_in_sandbox`]        |
//! | FLK504 | [`credentials_shared_across_environments`] |
//! | FLK505 | [`instance_mismatch`]                     |
//! | FLK506 | [`instance_invalid`]                      |
//! | FLK507 | [`environment_unknown`]                   |
//! | FLK508 | [`field_missing`]                         |
//! | FLK509 | [`field_unknown`]                         |
//! | FLK510 | [`config_malformed`]                      |
//! | FLK511 | [`dotenv_read_differently`]               |
//! | FLK512 | [`secret_in_default`]                     |
//!
//! The family's check shape is
//! `check(profile: &ProfileCheck<'_, '_>, sink: &mut Sink)`. FLK504
//! compares profiles (`check(profiles, sink)`); FLK510 is reported by the
//! loaders. FLK501–FLK503 and FLK506 also read a URL's host and export
//! `check_url` in the [`url`] family's shape. The instance
//! pipeline (`check_instance`, public as [`crate::check_instance`]) runs FLK303, FLK306, then FLK506.

pub mod config_malformed;
pub mod credentials_shared_across_environments;
pub mod dotenv_read_differently;
pub mod environment_unknown;
pub mod field_missing;
pub mod field_unknown;
pub mod instance_invalid;
pub mod instance_mismatch;
pub mod production_instance_in_sandbox;
pub mod sandbox_credentials_in_production;
pub mod sandbox_instance_in_production;
pub mod secret_in_default;
pub(crate) mod shared;

use super::credential::{
    self, credential_kinds_identical, credential_placeholder, instance_looks_like_id,
    token_in_config, CredentialValue,
};
use super::iframe::iframe_demo_missing;
use super::url;
use crate::context::{ProfileCheck, Sink, UrlContext, UrlKind};
use crate::profile::{
    is_reference, literal_text, located, secret_values, Field, Profile, ProfileOptions, Value,
};
use crate::redact::Findings;
use crate::{Checker, Diagnostic, KnownValue};
use std::ops::ControlFlow;

/// An instance name: a placeholder (FLK303), a GUID (FLK306), then its
/// shape (FLK506); each of the first two stops the rest.
pub(crate) fn check_instance(value: &str, checker: Checker) -> Vec<Diagnostic> {
    let mut sink = Sink::new(checker);
    let _ = instance(value, &mut sink);
    for d in &mut sink.out {
        d.snippet = Some(value.to_string());
    }
    sink.out
}

fn instance(value: &str, sink: &mut Sink) -> ControlFlow<()> {
    credential_placeholder::check_instance(value, sink)?;
    instance_looks_like_id::check_instance(value, sink)?;
    instance_invalid::check_instance(value, sink)
}

/// One profile's raw findings (every value, then the rules across its
/// values) and every secret they may quote (none when there is no finding).
pub(crate) fn findings(profile: &Profile<'_>, options: ProfileOptions) -> Findings {
    let checker = options.checker;
    let mut sink = Sink::new(checker);
    let check = ProfileCheck {
        profile,
        environment: shared::environment(profile),
    };
    environment_unknown::check(&check, &mut sink);
    // The value in effect of each credential (the last one set): every URL
    // is searched for these, so a file setting one key 100,000 times must
    // not make each URL's check cost 100,000 searches. Earlier values are
    // still masked: they are among the profile's secrets added below.
    let mut seen = Vec::new();
    let mut known: Vec<KnownValue<'_>> = profile
        .fields
        .iter()
        .rev()
        .filter(|(f, _)| {
            let first = !seen.contains(f);
            if first {
                seen.push(*f);
            }
            first
        })
        .filter_map(|(f, v)| Some(KnownValue::new(f.credential()?, literal_text(v.text)?)))
        .collect();
    known.reverse();
    let customer_id = profile
        .get(Field::CustomerId)
        .map(|v| crate::text::trim(v.text));
    let mut cx = UrlContext::runtime().with_known(&known, customer_id);
    cx.checker = checker;
    cx.environment = check.environment;
    let mut findings = Findings::default();
    for (field, value) in &profile.fields {
        // A reference is checked as the default it falls back to, if any.
        let Some((text, location)) = as_written(*field, value) else {
            continue;
        };
        if is_reference(value.text) {
            let mut own = Sink::new(checker);
            secret_in_default::check(*field, text, &mut own);
            sink.out.extend(
                own.out
                    .into_iter()
                    .map(|d| d.with_location(location.clone())),
            );
        }
        let value = &Value {
            text,
            location: value.location.clone(),
        };
        let found = match field {
            Field::Environment => Vec::new(),
            Field::Instance
                if options.template && credential_placeholder::is_placeholder(value.text) =>
            {
                Vec::new() // a template's placeholder: expected
            }
            Field::Instance => check_instance(value.text, checker),
            Field::ApiUrl | Field::IframeUrl => {
                let kind = if *field == Field::ApiUrl {
                    UrlKind::Api
                } else {
                    UrlKind::Iframe
                };
                let (mut found, secrets) =
                    url_findings(value.text, kind, &cx, options.template).into_parts();
                findings.add_secrets(secrets.iter().map(String::as_str));
                one_corrected_value(&mut found, value.text, |v| {
                    url_findings(v, kind, &cx, options.template).into_parts().0
                });
                found
            }
            Field::AuthorizeToken => {
                let mut s = Sink::new(checker);
                let value = CredentialValue {
                    text: value.text,
                    kind: crate::CredentialKind::AuthorizeToken,
                };
                let _ = token_in_config::check(&value, &mut s);
                s.out
            }
            Field::CustomerId | Field::SecretKey | Field::ApiKey if options.template => {
                credential::check_template_value(
                    value.text,
                    field.credential().expect("credential field"),
                    checker,
                )
            }
            Field::CustomerId | Field::SecretKey | Field::ApiKey => credential::check_value(
                value.text,
                field.credential().expect("credential field"),
                checker,
            ),
        };
        if found.is_empty() {
            continue; // the common case: no copy of the location
        }
        sink.out
            .extend(found.into_iter().map(|d| d.with_location(location.clone())));
    }
    // The rules across a profile's values judge a reference by the default
    // it falls back to (`FLINKS_INSTANCE=${INSTANCE:-toolbox}` in a
    // production file is FLK502), pointing inside the reference. Built only
    // when a value is a reference: most profiles have none.
    let resolved;
    let check = if profile.fields.iter().any(|(_, v)| is_reference(v.text)) {
        resolved = with_defaults(profile);
        ProfileCheck {
            profile: &resolved,
            environment: check.environment,
        }
    } else {
        check
    };
    credential_kinds_identical::check(&check, &mut sink);
    sandbox_credentials_in_production::check(&check, &mut sink);
    sandbox_instance_in_production::check(&check, &mut sink);
    production_instance_in_sandbox::check(&check, &mut sink);
    instance_mismatch::check(&check, &mut sink);
    if options.require_complete {
        field_missing::check(&check, &mut sink);
    }
    field_unknown::check(&check, &mut sink);
    findings.extend(sink.out);
    if !findings.diagnostics().is_empty() {
        // Nothing to mask without a finding; `check_profiles` adds every
        // profile's secrets when any profile has one.
        findings.add_secrets(secret_values(profile));
    }
    findings
}

/// A URL setting's raw findings: the URL rules, less what a template is
/// expected to say, with a base judged as a base.
fn url_findings(text: &str, kind: UrlKind, cx: &UrlContext<'_>, template: bool) -> Findings {
    let (mut found, secrets) = url::findings(text, kind, cx).into_parts();
    if template {
        // `https://{instance}-api…` is what a template says.
        found.retain(|d| d.rule.code != url::url_placeholder::RULE.code);
    }
    if kind == UrlKind::Iframe && is_base(text) {
        found = found.into_iter().map(judged_as_base).collect();
    }
    Findings::new(found, secrets)
}

/// The order machine-applicable fixes are applied in, one at a time.
const MACHINE_APPLICABLE: [&str; 8] = [
    "FLK008", // stray characters around the URL
    "FLK002", // the scheme
    "FLK004", // `.` for `-` in the host
    "FLK003", // a double slash
    "FLK207", // a miscased parameter name
    "FLK202", // `demo=true` in production
    "FLK201", // `demo=true` missing in the sandbox
    "FLK108", // the trailing slash of a base
];

/// When several machine-applicable rules fire on one URL, each proposes a
/// value that fixes only itself. Applies them all, one at a time in
/// [`MACHINE_APPLICABLE`] order, re-checking the value after each
/// (`recheck`), and makes the one value that fixes them all the fix (and
/// the value shown in the help) of every such finding.
fn one_corrected_value(
    found: &mut [Diagnostic],
    text: &str,
    recheck: impl Fn(&str) -> Vec<Diagnostic>,
) {
    let next_fix = |found: &[Diagnostic], value: &str| {
        MACHINE_APPLICABLE.iter().find_map(|code| {
            found
                .iter()
                .filter(|d| d.rule.code == *code)
                .find_map(Diagnostic::applicable_fix)
                .filter(|v| *v != value)
                .map(str::to_string)
        })
    };
    let Some(mut value) = next_fix(found, text) else {
        return;
    };
    // Each round removes one finding; a few rounds fix any real URL.
    for _ in 0..MACHINE_APPLICABLE.len() {
        match next_fix(&recheck(&value), &value) {
            Some(next) => value = next,
            None => break,
        }
    }
    for d in found.iter_mut() {
        let Some(old) = d.applicable_fix() else {
            continue;
        };
        // The help ends with the value it proposed: show the one value.
        let shown = crate::text::clip(old, 300);
        if let Some(instruction) = d.help.as_deref().and_then(|h| h.strip_suffix(&shown)) {
            d.help = Some(format!("{instruction}{}", crate::text::clip(&value, 300)));
        }
        d.fix = Some(crate::Fix::machine_applicable(value.clone()));
    }
}

/// Whether a configured URL is a base the application appends to (no
/// query, ends in `/`: `https://toolbox-iframe.private.fin.ag/v2/`), not
/// the final URL a user is sent to.
fn is_base(text: &str) -> bool {
    let text = text.trim();
    !text.contains(['?', '#']) && text.ends_with('/')
}

/// A finding about the final URL on a base: where the final URL is built
/// is not known here, so a missing `demo=true` (FLK201) is a warning whose
/// fix is right for a base (appended where the URL is built; written here,
/// an appended `?…` would make a second `?`).
fn judged_as_base(d: Diagnostic) -> Diagnostic {
    if d.rule.code != iframe_demo_missing::RULE.code {
        return d;
    }
    let message = "the sandbox iframe base URL has no `demo=true`: the final URL built from it needs it, or the Flinks Capital test institution will not appear";
    let mut d = d
        .with_fix(None)
        .with_severity(crate::Severity::Warning)
        .with_help("make sure the code that builds the final URL adds `demo=true` (`?demo=true&authorizeToken=…` after this base); add it here only if that code appends with `&`");
    d.message = message.to_string();
    d
}

/// The profile with each reference that has a literal default replaced by
/// that default (located inside the reference); a reference without one
/// stays as written (it is set at deploy time: not missing).
fn with_defaults<'a>(profile: &Profile<'a>) -> Profile<'a> {
    let mut out = profile.clone();
    for (field, value) in &mut out.fields {
        if !is_reference(value.text) {
            continue;
        }
        if let Some((text, location)) = as_written(*field, value) {
            *value = Value { text, location };
        }
    }
    out
}

/// The text a setting is checked as, and where that text stands: the value
/// itself, or the literal default of a reference (`${X:-default}`, Spring's
/// `${x:default}`), its span narrowed to the default when the value is
/// written verbatim. `None` for a reference without a default.
fn as_written<'v>(field: Field, value: &Value<'v>) -> Option<(&'v str, crate::Location)> {
    let mut location = located(field, value);
    if !is_reference(value.text) {
        return Some((value.text, location));
    }
    let default = literal_text(value.text)?;
    // A subslice of the value: its offset maps the span onto the file.
    let offset = default.as_ptr() as usize - value.text.as_ptr() as usize;
    location.span = location
        .span
        .map(|s| crate::Span::new(s.start + offset, s.start + offset + default.len()));
    Some((default, location))
}

/// The rules that compare profiles (FLK504, and FLK009 for a URL carrying
/// another profile's secret): raw findings, with every
/// profile's secrets when there is one.
pub(crate) fn across_findings(profiles: &[&Profile<'_>], options: ProfileOptions) -> Findings {
    let mut sink = Sink::new(options.checker);
    credentials_shared_across_environments::check(profiles, &mut sink);
    url::url_credential::check_across(profiles, &mut sink);
    let mut found = Findings::new(sink.out, Vec::new());
    if !found.diagnostics().is_empty() {
        found.add_secrets(profiles.iter().flat_map(|p| secret_values(p)));
    }
    found
}

/// The values FLK504 compares, each with its field.
pub(crate) fn cross_profile_keys(profile: &Profile<'_>) -> Vec<(Field, String)> {
    let mut keys = credentials_shared_across_environments::keys(profile);
    keys.extend(url::url_credential::url_keys(profile));
    keys
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Field, Location, Profile, ProfileOptions, Severity};
    use crate::{Source, Value};

    /// A production profile with these settings, checked by the linter.
    fn production(settings: &[(Field, &'static str)]) -> Vec<&'static str> {
        let at = |k: &str| Location::new(Source::Value, k);
        let mut p = Profile::new(at("production"));
        p.name = Some(Value {
            text: "production",
            location: at("production"),
        });
        for (field, text) in settings {
            p.set(
                *field,
                Value {
                    text,
                    location: at(field.key()),
                },
            );
        }
        check_profile(&p, ProfileOptions::new(Checker::Linter))
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn rules_across_values_judge_a_reference_by_its_default() {
        assert!(
            production(&[(Field::Instance, "${FLINKS_INSTANCE:-toolbox}")]).contains(&"FLK502")
        );
        assert!(production(&[(
            Field::ApiKey,
            "${KEY:-3d5266a8-b697-48d4-8de6-52e2e2662acc}"
        )])
        .contains(&"FLK501"));
        let mismatch = production(&[
            (Field::Instance, "${FLINKS_INSTANCE:-acme}"),
            (Field::ApiUrl, "https://acme-ca-api.private.fin.ag/v3/"),
        ]);
        assert!(mismatch.contains(&"FLK505"), "{mismatch:?}");
        // No default: set at deploy time, neither compared nor missing.
        assert!(!production(&[(Field::Instance, "${FLINKS_INSTANCE}")]).contains(&"FLK502"));
        assert!(production(&[(Field::Instance, "${FLINKS_INSTANCE:-acme}")]).is_empty());
    }

    fn sandbox_iframe(url: &str) -> Vec<(&'static str, Severity)> {
        let at = |k: &str| Location::new(Source::Value, k);
        let mut p = Profile::new(at("sandbox"));
        p.name = Some(Value {
            text: "sandbox",
            location: at("sandbox"),
        });
        p.set(
            Field::IframeUrl,
            Value {
                text: url,
                location: at("sandbox.iframe_url"),
            },
        );
        check_profile(&p, ProfileOptions::new(Checker::Linter))
            .iter()
            .map(|d| (d.code(), d.severity))
            .collect()
    }

    #[test]
    fn a_base_is_judged_as_a_base() {
        let base = "https://toolbox-iframe.private.fin.ag/v2/";
        assert_eq!(sandbox_iframe(base), [("FLK201", Severity::Warning)]);
        // A final URL (a query) without demo=true is still an error.
        let final_url = "https://toolbox-iframe.private.fin.ag/v2/?language=fr";
        assert_eq!(sandbox_iframe(final_url), [("FLK201", Severity::Error)]);
        let no_slash = "https://toolbox-iframe.private.fin.ag/v2";
        assert!(sandbox_iframe(no_slash).contains(&("FLK201", Severity::Error)));
    }

    #[test]
    fn one_value_fixes_every_finding_of_a_group() {
        let at = |k: &str| Location::new(Source::Value, k);
        let url = "http://toolbox.api.private.fin.ag//v3";
        let mut p = Profile::new(at("sandbox"));
        p.set(
            Field::ApiUrl,
            Value {
                text: url,
                location: at("api_url"),
            },
        );
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        let codes: Vec<_> = found.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["FLK002", "FLK004", "FLK003", "FLK108"]);
        let fixed = "https://toolbox-api.private.fin.ag/v3/";
        for d in &found {
            let help = d.help.as_deref().unwrap();
            assert!(help.ends_with(&format!(": {fixed}")), "{help}");
        }
        // And that value is clean.
        p.fields[0].1.text = fixed;
        assert!(check_profile(&p, ProfileOptions::new(Checker::Linter)).is_empty());
        // A lone finding keeps its own help.
        p.fields[0].1.text = "http://toolbox-api.private.fin.ag/v3/";
        let found = check_profile(&p, ProfileOptions::new(Checker::Linter));
        assert_eq!(
            found[0].help.as_deref(),
            Some("use https: https://toolbox-api.private.fin.ag/v3/")
        );
    }

    fn fixes(section: &str, key: Field, url: &str) -> Vec<(&'static str, Option<String>)> {
        let at = |k: &str| Location::new(Source::Value, k);
        let mut p = Profile::new(at(section));
        p.name = Some(Value {
            text: if section == "guessed" { "" } else { section },
            location: at(section),
        });
        if section == "guessed" {
            p.name = None;
        }
        p.set(
            key,
            Value {
                text: url,
                location: at("url"),
            },
        );
        check_profile(&p, ProfileOptions::new(Checker::Linter))
            .iter()
            .map(|d| (d.code(), d.applicable_fix().map(str::to_string)))
            .collect()
    }

    #[test]
    fn every_machine_applicable_rule_carries_its_fix() {
        let api = |url: &str| fixes("sandbox", Field::ApiUrl, url);
        let iframe = |env: &str, url: &str| fixes(env, Field::IframeUrl, url);
        let good = "https://toolbox-api.private.fin.ag/v3/";
        let fixed = |code: &'static str, value: &str| vec![(code, Some(value.to_string()))];
        assert_eq!(
            api("http://toolbox-api.private.fin.ag/v3/"),
            fixed("FLK002", good)
        );
        assert_eq!(
            api("https://toolbox-api.private.fin.ag//v3/"),
            fixed("FLK003", good)
        );
        assert_eq!(
            api("https://toolbox.api.private.fin.ag/v3/"),
            fixed("FLK004", good)
        );
        assert_eq!(
            api(" https://toolbox-api.private.fin.ag/v3/\r"),
            vec![("FLK008", Some(good.to_string())); 2]
        );
        assert_eq!(
            api("https://toolbox-api.private.fin.ag/v3"),
            fixed("FLK108", good)
        );
        let sandbox = "https://toolbox-iframe.private.fin.ag/v2/?language=fr";
        assert_eq!(
            iframe("sandbox", sandbox),
            fixed("FLK201", &format!("{sandbox}&demo=true"))
        );
        assert_eq!(
            iframe(
                "sandbox",
                "https://toolbox-iframe.private.fin.ag/v2/?demo=true&Language=fr"
            ),
            fixed(
                "FLK207",
                "https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=fr"
            )
        );
        assert_eq!(
            iframe(
                "production",
                "https://acme-iframe.private.fin.ag/v2/?demo=true&language=fr"
            ),
            fixed(
                "FLK202",
                "https://acme-iframe.private.fin.ag/v2/?language=fr"
            )
        );
    }

    #[test]
    fn an_uncertain_fix_is_only_suggested() {
        let codes = |found: Vec<(&'static str, Option<String>)>| -> Vec<_> {
            found.into_iter().filter(|(_, f)| f.is_some()).collect()
        };
        // Another scheme, a guessed name, `demo` set on purpose, a base,
        // demo=true where the environment is guessed from the instance.
        let api = fixes(
            "sandbox",
            Field::ApiUrl,
            "ftp://toolbox-api.private.fin.ag/v3/",
        );
        assert_eq!(codes(api), []);
        let iframe = |env: &str, url: &str| codes(fixes(env, Field::IframeUrl, url));
        assert_eq!(
            iframe(
                "sandbox",
                "https://toolbox-iframe.private.fin.ag/v2/?demo=true&langage=fr"
            ),
            []
        );
        assert_eq!(
            iframe(
                "sandbox",
                "https://toolbox-iframe.private.fin.ag/v2/?demo=false"
            ),
            []
        );
        assert_eq!(
            iframe("sandbox", "https://toolbox-iframe.private.fin.ag/v2/"),
            []
        );
        assert_eq!(
            iframe(
                "guessed",
                "https://acme-iframe.private.fin.ag/v2/?demo=true"
            ),
            []
        );
    }

    #[test]
    fn a_url_holding_a_secret_gets_no_fix() {
        let url = "http://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken=ca0a21e5-f00d-4bad-8c0d-5ec2e7000001";
        let found = fixes("sandbox", Field::IframeUrl, url);
        assert!(found.iter().any(|(code, _)| *code == "FLK002"), "{found:?}");
        assert!(found.iter().all(|(_, fix)| fix.is_none()), "{found:?}");
    }

    #[test]
    fn every_machine_applicable_rule_says_so_on_its_page() {
        for code in super::MACHINE_APPLICABLE {
            let rule = crate::rule_by_code(code).unwrap();
            assert!(rule.page.contains("Fixable: yes (`--fix`)"), "{code}");
        }
    }
}
