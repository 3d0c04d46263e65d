#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK404.md"))]

rule!(
    "FLK404",
    "header-needless-secret",
    Warning,
    "LQ",
    "`flinks-auth-key` sent to a data endpoint"
);

use super::shared::Request;
use crate::endpoint::header;
use crate::{Diagnostic, API_KEY_HEADER, AUTH_KEY_HEADER};

/// FLK404: `flinks-auth-key` next to `x-api-key` on a data endpoint.
pub(crate) fn check(request: &Request<'_>) -> Option<Diagnostic> {
    let (endpoint, headers) = (request.endpoint, request.headers);
    if !endpoint.is_data()
        || header(headers, AUTH_KEY_HEADER).is_none()
        || header(headers, API_KEY_HEADER).is_none()
    {
        return None;
    }
    Some(
        Diagnostic::new(
            &RULE,
            format!("/{} does not need `{AUTH_KEY_HEADER}`", endpoint.name),
        )
        .with_help("drop the header: data endpoints authenticate with `x-api-key` only"),
    )
}

#[cfg(test)]
mod tests {
    use crate::endpoint;

    #[test]
    fn fires_on_auth_key_beside_api_key() {
        let h = [("x-api-key", "k"), ("flinks-auth-key", "s")];
        assert_eq!(
            super::check(&super::Request::new(
                endpoint("GetAccountsDetail").unwrap(),
                &h,
                &[]
            ))
            .unwrap()
            .code(),
            "FLK404"
        );
    }

    #[test]
    fn does_not_fire_on_authorize() {
        assert!(super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &[("flinks-auth-key", "t")],
            &[]
        ))
        .is_none());
    }
}
