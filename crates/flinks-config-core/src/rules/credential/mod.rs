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
    if is_issued_guid(text) {
        return Vec::new(); // the common case, told in one pass
    }
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

/// A GUID as Flinks issues them (not the all-zero one): none of the
/// family's value rules fires on it. FLK303 finds no placeholder in a GUID
/// but the nil one (no placeholder word, `x`, bracket or `your` fits in hex
/// digits and dashes), FLK306 wants a text that is not a GUID and FLK301 a
/// text that breaks the GUID shape. The pipeline's answer for every other
/// value is unchanged; `fast_path_agrees_with_the_rules` holds them to it.
fn is_issued_guid(text: &str) -> bool {
    // Not the nil GUID: the zero test stops at the first other digit.
    crate::is_guid(text) && !text.bytes().all(|b| b == b'0' || b == b'-')
}

fn check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    credential_placeholder::check(value, sink)?;
    instance_looks_like_id::check(value, sink)?;
    credential_malformed::check(value, sink)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CredentialKind;

    /// The one-pass answer for a GUID is the full pipeline's, for every
    /// kind and checker, on GUIDs that look issued, made up or repeated.
    #[test]
    fn fast_path_agrees_with_the_rules() {
        let guids = [
            "43387ca6-0391-4c82-857d-70d95f087ecb",
            "C4569C54-E167-4D34-8DE6-F4113BC82414",
            "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-000000000001",
            "11111111-1111-1111-1111-111111111111",
            "12345678-1234-1234-1234-123456789abc",
            "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
            "deadbeef-dead-beef-dead-beefdeadbeef",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ];
        let kinds = [
            CredentialKind::CustomerId,
            CredentialKind::SecretKey,
            CredentialKind::ApiKey,
            CredentialKind::AuthorizeToken,
        ];
        for text in guids {
            let nil = text == "00000000-0000-0000-0000-000000000000";
            assert_eq!(is_issued_guid(text), !nil, "{text}");
            for kind in kinds {
                for checker in [
                    Checker::Macro,
                    Checker::Runtime,
                    Checker::Linter,
                    Checker::Request,
                ] {
                    let mut sink = Sink::new(checker);
                    let _ = check(&CredentialValue { text, kind }, &mut sink);
                    if !nil {
                        assert!(sink.out.is_empty(), "{text} {kind:?} {checker:?}");
                    }
                }
            }
        }
        for text in [
            " 43387ca6-0391-4c82-857d-70d95f087ecb",
            "43387ca6-0391-4c82-857d-70d95f087ecb\n",
            "43387ca60391-4c82-857d-70d95f087ecb0",
            "43387ca6-0391-4c82-857d-70d95f087ecg",
            "43387ca6-0391-4c82-857d-70d95f087ecbb",
        ] {
            assert!(!is_issued_guid(text), "{text:?}");
        }
    }
}
