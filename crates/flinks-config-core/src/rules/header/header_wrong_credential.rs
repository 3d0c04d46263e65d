#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK403.md"))]

rule!(
    "FLK403",
    "header-wrong-credential",
    Error,
    "LQ",
    "a known value of the wrong kind in a header (secret key on `/Authorize`, token on `/GenerateAuthorizeToken`)"
);

use super::shared::Request;
use crate::endpoint::all_headers;
use crate::{Diagnostic, API_KEY_HEADER, AUTH_KEY_HEADER};

/// FLK403: a known value of another kind in an auth header.
pub(crate) fn check(request: &Request<'_>) -> Option<Diagnostic> {
    let (endpoint, headers, known) = (request.endpoint, request.headers, request.known);
    let want = endpoint.auth.credential()?;
    let name = endpoint.auth.header()?;
    // Every value of the name: a map may hold several, and the wrong one
    // may be the one the server reads.
    let found = all_headers(headers, name).find_map(|value| {
        known
            .iter()
            .find(|k| k.kind != want && k.kind.is_secret() && k.matches(value))
    })?;
    Some(
        Diagnostic::new(
            &RULE,
            format!(
                "the `{name}` header of /{} carries the {}, not the {want}",
                endpoint.name, found.kind
            ),
        )
        .with_help(match endpoint.auth {
            crate::Auth::AuthorizeToken => format!(
                "call /GenerateAuthorizeToken with the secret key, then send the token it returns in `{AUTH_KEY_HEADER}`"
            ),
            crate::Auth::ApiKey => format!("send the API key in `{API_KEY_HEADER}`"),
            _ => format!("send the {want} in `{name}`"),
        }),
    )
}

#[cfg(test)]
mod tests {
    use crate::{endpoint, CredentialKind, KnownValue};

    const SECRET: &str = "c4569c54-e167-4d34-8de6-f4113bc82414";

    #[test]
    fn fires_on_secret_key_on_authorize_without_leaking() {
        let known = [KnownValue::new(CredentialKind::SecretKey, SECRET)];
        let d = super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &[("flinks-auth-key", SECRET)],
            &known,
        ))
        .unwrap();
        assert_eq!(d.code(), "FLK403");
        assert!(!format!("{d} {:?}", d).contains(SECRET));
    }

    #[test]
    fn fires_on_a_wrong_value_behind_a_right_one() {
        let token = "d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        let known = [
            KnownValue::new(CredentialKind::SecretKey, SECRET),
            KnownValue::new(CredentialKind::AuthorizeToken, token),
        ];
        let headers = [("flinks-auth-key", token), ("Flinks-Auth-Key", SECRET)];
        let d = super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &headers,
            &known,
        ))
        .unwrap();
        assert_eq!(d.code(), "FLK403");
        assert!(!format!("{d} {d:?}").contains(SECRET));
    }

    #[test]
    fn does_not_fire_on_right_credential() {
        let known = [KnownValue::new(CredentialKind::SecretKey, SECRET)];
        let e = endpoint("GenerateAuthorizeToken").unwrap();
        assert!(super::check(&super::Request::new(
            e,
            &[("flinks-auth-key", SECRET)],
            &known
        ))
        .is_none());
    }
}
