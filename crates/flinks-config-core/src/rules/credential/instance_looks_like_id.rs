#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK306.md"))]

use super::shared::CredentialValue;
use crate::context::Sink;
use crate::{is_guid, CredentialKind, Diagnostic};
use std::ops::ControlFlow;

rule!(
    "FLK306",
    "instance-looks-like-id",
    Error,
    "MRL",
    "a GUID used as the instance name, or an instance name where the customer id belongs"
);

/// An instance name that is a GUID (the instance pipeline's entry): breaks when it fired.
pub(crate) fn check_instance(value: &str, sink: &mut Sink) -> ControlFlow<()> {
    if !is_guid(crate::text::trim(value)) {
        return ControlFlow::Continue(());
    }
    sink.push(
        Diagnostic::new(&RULE, "the instance is a GUID: that looks like the customer id")
            .with_help("the instance is the host prefix Flinks gave you (`toolbox` in the sandbox, your company name in production)"),
    );
    ControlFlow::Break(())
}

/// A customer id that looks like an instance name: breaks when it fired.
pub(crate) fn check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let (v, kind) = (crate::text::trim(value.text), value.kind);
    let instance_like = !v.is_empty()
        && v.len() <= 50
        && v.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && v.bytes().any(|b| b.is_ascii_lowercase())
        && !v.starts_with('-')
        // A truncated or mistyped GUID is FLK301's, not an instance name.
        && !(v.len() > 20 && v.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'));
    if kind != CredentialKind::CustomerId || !instance_like || is_guid(v) {
        return ControlFlow::Continue(());
    }
    sink.push(
        Diagnostic::new(
            &RULE,
            format!("the customer id `{v}` looks like an instance name"),
        )
        .with_help("the customer id is a GUID from Flinks; the instance name goes in `instance`"),
    );
    ControlFlow::Break(())
}

#[cfg(test)]
mod tests {
    use crate::{check_credential, check_instance, Checker, CredentialKind};

    #[test]
    fn fires_both_ways() {
        let found = check_instance("43387ca6-0391-4c82-857d-70d95f087ecb", Checker::Macro);
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK306"]
        );
        let found = check_credential("toolbox", CredentialKind::CustomerId, Checker::Runtime);
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK306"]
        );
    }

    #[test]
    fn does_not_fire_on_the_right_shapes() {
        assert!(check_instance("toolbox", Checker::Runtime).is_empty());
        assert!(check_credential(
            "43387ca6-0391-4c82-857d-70d95f087ecb",
            CredentialKind::CustomerId,
            Checker::Runtime
        )
        .is_empty());
    }
}
