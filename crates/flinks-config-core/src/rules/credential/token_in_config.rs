#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK304.md"))]

use super::shared::CredentialValue;
use crate::context::Sink;
use crate::Diagnostic;
use std::ops::ControlFlow;

rule!(
    "FLK304",
    "token-in-config",
    Error,
    "RL",
    "an authorize token stored in configuration"
);

/// Called for every authorize-token setting (the value itself is not looked at).
pub(crate) fn check(_value: &CredentialValue<'_>, sink: &mut Sink) -> ControlFlow<()> {
    sink.push(
        Diagnostic::new(
            &RULE,
            "an authorize token is stored in configuration: tokens are single-use and expire 30 minutes after issue",
        )
        .with_help("remove it; configure the secret key and call /GenerateAuthorizeToken for each session"),
    );
    ControlFlow::Break(())
}

#[cfg(test)]
mod tests {
    use crate::{check_profile, Checker, Field, Location, Profile, ProfileOptions, Source, Value};

    #[test]
    fn fires_on_a_token_setting() {
        let mut p = Profile::new(Location::new(Source::Value, "sandbox"));
        let at = Location::new(Source::Value, "sandbox.authorize_token");
        p.set(
            Field::AuthorizeToken,
            Value {
                text: "d65f1adb-8ebc-48dc-be8b-20c773ba1565",
                location: at,
            },
        );
        let found = check_profile(
            &p,
            ProfileOptions::new(Checker::Runtime).require_complete(false),
        );
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK304"]
        );
        assert!(found[0].location.as_ref().unwrap().secret);
    }

    #[test]
    fn does_not_fire_without_one() {
        let p = Profile::new(Location::new(Source::Value, "sandbox"));
        assert!(check_profile(
            &p,
            ProfileOptions::new(Checker::Runtime).require_complete(false)
        )
        .is_empty());
    }
}
