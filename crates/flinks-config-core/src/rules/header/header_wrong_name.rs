#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK401.md"))]

rule!(
    "FLK401",
    "header-wrong-name",
    Error,
    "LQ",
    "a wrong header name (`Authorization`, `Bearer`, `x-api-key`…) where `flinks-auth-key` is required, and the reverse"
);

use super::shared::Request;
use crate::endpoint::{header, Auth};
use crate::{Diagnostic, API_KEY_HEADER, AUTH_KEY_HEADER};

/// Names people send instead of `flinks-auth-key`.
const AUTH_KEY_LOOKALIKES: &[&str] = &[
    "authorization",
    "bearer",
    "x-api-key",
    "flinks_auth_key",
    "flinksauthkey",
    "flinks-auth-token",
    "auth-key",
];
/// Names people send instead of `x-api-key`.
const API_KEY_LOOKALIKES: &[&str] = &[
    "flinks-auth-key",
    "authorization",
    "x_api_key",
    "api-key",
    "apikey",
];

/// FLK401: the required header is absent but a lookalike is present.
pub(crate) fn check(request: &Request<'_>) -> Option<Diagnostic> {
    let (endpoint, headers) = (request.endpoint, request.headers);
    let (required, lookalikes) = match endpoint.auth {
        Auth::SecretKey | Auth::AuthorizeToken => (AUTH_KEY_HEADER, AUTH_KEY_LOOKALIKES),
        Auth::ApiKey => (API_KEY_HEADER, API_KEY_LOOKALIKES),
        Auth::Unknown => return None,
    };
    if header(headers, required).is_some() {
        return None;
    }
    let wrong = lookalikes.iter().find(|l| header(headers, l).is_some())?;
    let carried = endpoint
        .auth
        .credential()
        .map_or("credential", |c| c.noun());
    Some(
        Diagnostic::new(
            &RULE,
            format!(
                "/{} needs header `{required}`, not `{wrong}`",
                endpoint.name
            ),
        )
        .with_help(format!("send the {carried} in the `{required}` header")),
    )
}

#[cfg(test)]
mod tests {
    use crate::endpoint;

    #[test]
    fn fires_on_authorization_for_authorize() {
        let d = super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &[("Authorization", "Bearer t")],
            &[],
        ))
        .unwrap();
        assert_eq!(d.code(), "FLK401");
        assert!(d.message.contains("`flinks-auth-key`"));
    }

    #[test]
    fn fires_on_auth_key_for_data_endpoint() {
        let d = super::check(&super::Request::new(
            endpoint("GetAccountsDetail").unwrap(),
            &[("flinks-auth-key", "k")],
            &[],
        ));
        assert!(d.unwrap().message.contains("`x-api-key`"));
    }

    #[test]
    fn fires_on_underscore_spelling() {
        assert!(super::check(&super::Request::new(
            endpoint("GenerateAuthorizeToken").unwrap(),
            &[("flinks_auth_key", "k")],
            &[]
        ))
        .is_some());
    }

    #[test]
    fn does_not_fire_on_right_name_any_case() {
        assert!(super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &[("Flinks-Auth-Key", "t")],
            &[]
        ))
        .is_none());
        assert!(super::check(&super::Request::new(
            endpoint("GetAccountsDetail").unwrap(),
            &[("X-API-Key", "k")],
            &[]
        ))
        .is_none());
    }
}
