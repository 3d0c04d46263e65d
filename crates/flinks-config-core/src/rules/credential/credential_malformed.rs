#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK301.md"))]

use super::shared::CredentialValue;
use crate::context::Sink;
use crate::{first_guid_error, Diagnostic, Span};
use std::ops::ControlFlow;

rule!(
    "FLK301",
    "credential-malformed",
    Error,
    "MRLQ",
    "a secret key, API key, customer id, login id, request id or token that is not a GUID"
);

pub(crate) fn check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let (value, kind) = (value.text, value.kind);
    let Some(at) = first_guid_error(value) else {
        return ControlFlow::Continue(());
    };
    let mut d = Diagnostic::new(
        &RULE,
        format!("the {kind} is not a GUID (8-4-4-4-12 hex digits)"),
    )
    .with_help(format!("copy the {kind} exactly as Flinks issued it"));
    if !kind.is_secret() {
        // Only a non-secret value may be pointed into.
        let start = at.min(value.len());
        let end = if at < value.len() { value.len() } else { start };
        d = d.with_span(Span::new(start, end));
    }
    sink.push(d);
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use crate::{check_credential, Checker, CredentialKind};

    #[test]
    fn fires_without_quoting_secrets() {
        let found = check_credential("sk_live_abcdef", CredentialKind::ApiKey, Checker::Runtime);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code(), "FLK301");
        assert!(found[0].span.is_none() && found[0].snippet.is_none());
        assert!(!format!("{found:?}").contains("sk_live"));
        let found = check_credential(
            "43387ca6-0391-4c82-857d-70d95f087ec",
            CredentialKind::CustomerId,
            Checker::Runtime,
        );
        assert_eq!(found[0].code(), "FLK301");
        assert!(found[0].span.is_some());
    }

    #[test]
    fn does_not_fire_on_guids() {
        assert!(check_credential(
            "3d5266a8-b697-48d4-8de6-52e2e2662acc",
            CredentialKind::ApiKey,
            Checker::Runtime
        )
        .is_empty());
    }
}
