#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK402.md"))]

rule!(
    "FLK402",
    "header-missing",
    Error,
    "LQ",
    "the header an endpoint requires is absent"
);

use super::shared::Request;
use crate::endpoint::header;
use crate::Diagnostic;

/// FLK402: the header the endpoint authenticates with is absent.
pub(crate) fn check(request: &Request<'_>) -> Option<Diagnostic> {
    let (endpoint, headers) = (request.endpoint, request.headers);
    let required = endpoint.auth.header()?;
    if header(headers, required).is_some() {
        return None;
    }
    let carried = endpoint
        .auth
        .credential()
        .map_or("credential", |c| c.noun());
    Some(
        Diagnostic::new(
            &RULE,
            format!("/{} is sent without the `{required}` header", endpoint.name),
        )
        .with_help(format!("add `{required}: <{carried}>`")),
    )
}

#[cfg(test)]
mod tests {
    use crate::endpoint;

    #[test]
    fn fires_without_api_key() {
        let d = super::check(&super::Request::new(
            endpoint("GetAccountsSummary").unwrap(),
            &[("Content-Type", "application/json")],
            &[],
        ));
        assert_eq!(d.unwrap().code(), "FLK402");
    }

    #[test]
    fn does_not_fire_when_present_or_unknown_auth() {
        assert!(super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &[("flinks-auth-key", "t")],
            &[]
        ))
        .is_none());
        assert!(super::check(&super::Request::new(
            endpoint("Institutions").unwrap(),
            &[],
            &[]
        ))
        .is_none());
    }
}
