//! FLK3xx, the credential family: one credential or id value (placeholder,
//! GUID shape, an instance name in its place), and the per-profile rules
//! about credentials (one value as two kinds, a stored authorize token, a
//! secret exposed to the browser).
//!
//! | code   | rule                           |
//! |--------|--------------------------------|
//! | FLK301 | [`credential_malformed`]         |
//! | FLK302 | [`credential_kinds_identical`]   |
//! | FLK303 | [`credential_placeholder`]       |
//! | FLK304 | [`token_in_config`]              |
//! | FLK305 | [`secret_in_frontend`]           |
//! | FLK306 | [`instance_looks_like_id`]       |
//! | FLK307 | [`secret_in_template`]           |
//!
//! The family's check shape is
//! `check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()>`.
//! FLK302 compares a profile's values and takes the profile family's
//! `ProfileCheck`; FLK305 is called by the linter for each variable name
//! (`check(name, field) -> Option<Diagnostic>`). FLK303 and FLK306 also
//! check an instance name (`check_instance`), in the instance pipeline of
//! [`profile`](super::profile).

pub mod credential_kinds_identical;
pub mod credential_malformed;
pub mod credential_placeholder;
pub mod instance_looks_like_id;
pub mod secret_in_frontend;
pub mod secret_in_template;
pub(crate) mod shared;
pub mod token_in_config;

use crate::context::Sink;
use crate::{Checker, CredentialKind, Diagnostic};
pub(crate) use shared::CredentialValue;
use std::ops::ControlFlow;

/// A credential or id value of a known kind: placeholder, then an instance
/// name in a customer id's place, then the GUID shape. Diagnostics of
/// secret kinds carry no snippet and never quote the value.
pub(crate) fn check_value(text: &str, kind: CredentialKind, checker: Checker) -> Vec<Diagnostic> {
    let mut sink = Sink::new(checker);
    let value = CredentialValue { text, kind };
    let _ = check(&value, &mut sink);
    if !kind.is_secret() {
        for d in &mut sink.out {
            d.snippet = Some(text.to_string());
        }
    }
    sink.out
}

/// A credential or id value in a template file (`.env.example`): a
/// placeholder is expected there and reported by nothing; a value that
/// looks real is checked as anywhere else, and a secret one is FLK307.
pub(crate) fn check_template_value(
    text: &str,
    kind: CredentialKind,
    checker: Checker,
) -> Vec<Diagnostic> {
    if !secret_in_template::looks_real(text) {
        return Vec::new();
    }
    let mut sink = Sink::new(checker);
    let value = CredentialValue { text, kind };
    if secret_in_template::check(&value, &mut sink).is_continue() {
        return check_value(text, kind, checker);
    }
    sink.out
}

fn check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    credential_placeholder::check(value, sink)?;
    instance_looks_like_id::check(value, sink)?;
    credential_malformed::check(value, sink)
}
