#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK303.md"))]

use super::shared::CredentialValue;
use crate::context::Sink;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK303",
    "credential-placeholder",
    Error,
    "RL",
    "an empty or placeholder credential: `changeme`, `YOUR_SECRET_KEY`, `xxx…`, the all-zero GUID"
);

/// Whether `value` is a placeholder rather than a real value.
///
/// ```
/// use flinks_config_core::rules::credential_placeholder::is_placeholder;
/// assert!(is_placeholder("xxxx") && is_placeholder(" null "));
/// assert!(!is_placeholder("c4569c54-e167-4d34-8de6-f4113bc82414"));
/// ```
pub fn is_placeholder(value: &str) -> bool {
    super::shared::is_placeholder(value)
}

/// A placeholder credential: breaks when it fired (the GUID check would
/// only repeat it).
pub(crate) fn check(value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    let kind = value.kind;
    if !is_placeholder(value.text) {
        return ControlFlow::Continue(());
    }
    let message = if value.text.trim().is_empty() {
        format!("the {kind} is empty")
    } else {
        format!("the {kind} is a placeholder, not a real value")
    };
    sink.push(Diagnostic::new(&RULE, message).with_help(format!(
        "set the {kind} Flinks issued for this instance (inject secrets at deploy time)"
    )));
    ControlFlow::Break(())
}

/// An empty or placeholder instance name (the instance pipeline's entry):
/// breaks when it fired.
pub(crate) fn check_instance(value: &str, sink: &mut Sink) -> ControlFlow<()> {
    if !is_placeholder(value) {
        return ControlFlow::Continue(());
    }
    sink.push(
        Diagnostic::new(&RULE, "the instance is empty or a placeholder").with_help(
            "set the instance: `toolbox` in the sandbox, your company's instance in production",
        ),
    );
    ControlFlow::Break(())
}

#[cfg(test)]
mod tests {
    use crate::{check_credential, Checker, CredentialKind};

    #[test]
    fn fires_on_placeholders() {
        for v in [
            "",
            "  ",
            "changeme",
            "YOUR_SECRET_KEY",
            "xxxxxxxx",
            "00000000-0000-0000-0000-000000000000",
            "<secret>",
            "your-api-key",
        ] {
            let found = check_credential(v, CredentialKind::SecretKey, Checker::Runtime);
            assert_eq!(
                found.iter().map(|d| d.code()).collect::<Vec<_>>(),
                ["FLK303"],
                "{v:?}"
            );
        }
    }

    #[test]
    fn does_not_fire_on_a_guid() {
        assert!(check_credential(
            "c4569c54-e167-4d34-8de6-f4113bc82414",
            CredentialKind::SecretKey,
            Checker::Runtime
        )
        .is_empty());
    }
}
