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
//!
//! The family's check shape is
//! `check(profile: &ProfileCheck<'_, '_>, sink: &mut Sink)`. FLK504
//! compares profiles (`check(profiles, sink)`); FLK510 is reported by the
//! loaders. FLK501–FLK503 and FLK506 also read a URL's host and export
//! `check_url` in the [`url`] family's shape. The instance
//! pipeline (`check_instance`, public as [`crate::check_instance`]) runs FLK303, FLK306, then FLK506.

pub mod config_malformed;
pub mod credentials_shared_across_environments;
pub mod environment_unknown;
pub mod field_missing;
pub mod field_unknown;
pub mod instance_invalid;
pub mod instance_mismatch;
pub mod production_instance_in_sandbox;
pub mod sandbox_credentials_in_production;
pub mod sandbox_instance_in_production;
pub(crate) mod shared;

use super::credential::{
    self, credential_kinds_identical, credential_placeholder, instance_looks_like_id,
    token_in_config, CredentialValue,
};
use super::url;
use crate::context::{ProfileCheck, Sink, UrlContext, UrlKind};
use crate::profile::{
    is_reference, literal_text, located, secret_values, Field, Profile, ProfileOptions,
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
/// values) and every secret they may quote.
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
    let customer_id = profile.get(Field::CustomerId).map(|v| v.text.trim());
    let mut cx = UrlContext::runtime().with_known(&known, customer_id);
    cx.checker = checker;
    cx.environment = check.environment;
    let mut findings = Findings::default();
    for (field, value) in &profile.fields {
        if is_reference(value.text) {
            continue;
        }
        let found = match field {
            Field::Environment => Vec::new(),
            Field::Instance => check_instance(value.text, checker),
            Field::ApiUrl | Field::IframeUrl => {
                let kind = if *field == Field::ApiUrl {
                    UrlKind::Api
                } else {
                    UrlKind::Iframe
                };
                let (found, secrets) = url::findings(value.text, kind, &cx).into_parts();
                findings.add_secrets(secrets.iter().map(String::as_str));
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
            Field::CustomerId | Field::SecretKey | Field::ApiKey => credential::check_value(
                value.text,
                field.credential().expect("credential field"),
                checker,
            ),
        };
        let location = located(*field, value);
        sink.out
            .extend(found.into_iter().map(|d| d.with_location(location.clone())));
    }
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
    findings.add_secrets(secret_values(profile));
    findings
}

/// The rules that compare profiles (FLK504): raw findings, with every
/// profile's secrets when there is one.
pub(crate) fn across_findings(profiles: &[&Profile<'_>], options: ProfileOptions) -> Findings {
    let mut sink = Sink::new(options.checker);
    credentials_shared_across_environments::check(profiles, &mut sink);
    let mut found = Findings::new(sink.out, Vec::new());
    if !found.diagnostics().is_empty() {
        found.add_secrets(profiles.iter().flat_map(|p| secret_values(p)));
    }
    found
}

/// The values FLK504 compares, each with its field.
pub(crate) fn cross_profile_keys(profile: &Profile<'_>) -> Vec<(Field, String)> {
    credentials_shared_across_environments::keys(profile)
}
