#![doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules/FLK407.md"))]

rule!(
    "FLK407",
    "header-duplicated",
    Error,
    "LQ",
    "`flinks-auth-key` or `x-api-key` sent more than once in one request"
);

use super::shared::Request;
use crate::endpoint::all_headers;
use crate::text::clip;
use crate::{Diagnostic, API_KEY_HEADER, AUTH_KEY_HEADER};

/// FLK407: an authentication header sent more than once (same value or
/// not, same casing or not), one finding per header name.
pub(crate) fn check(request: &Request<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for name in [AUTH_KEY_HEADER, API_KEY_HEADER] {
        let count = all_headers(request.headers, name).count();
        if count < 2 {
            continue;
        }
        // The names as written (never the values): a list of pairs may
        // spell one header several ways.
        let mut spellings: Vec<&str> = request
            .headers
            .iter()
            .map(|(n, _)| n.trim())
            .filter(|n| n.eq_ignore_ascii_case(name))
            .collect();
        spellings.dedup();
        let spelled = if spellings.iter().all(|s| *s == name) {
            String::new()
        } else {
            let shown: Vec<String> = spellings
                .iter()
                .take(4)
                .map(|s| format!("`{}`", clip(s, 40)))
                .collect();
            format!(" (as {})", shown.join(", "))
        };
        out.push(
            Diagnostic::new(
                &RULE,
                format!(
                    "`{name}` is sent {count} times to /{}{spelled}: servers and proxies keep the first, the last, or join them",
                    request.endpoint.name
                ),
            )
            .with_help(format!("send `{name}` exactly once, with the one credential the endpoint needs")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::endpoint;

    fn codes(name: &str, headers: &[(&str, &str)]) -> Vec<&'static str> {
        super::check(&super::Request::new(endpoint(name).unwrap(), headers, &[]))
            .iter()
            .map(|d| d.code())
            .collect()
    }

    #[test]
    fn fires_on_a_repeated_auth_header_even_with_one_value() {
        assert_eq!(
            codes(
                "Authorize",
                &[("flinks-auth-key", "t"), ("flinks-auth-key", "t")]
            ),
            ["FLK407"]
        );
        assert_eq!(
            codes(
                "GetAccountsDetail",
                &[("x-api-key", "a"), ("X-Api-Key", "b")]
            ),
            ["FLK407"]
        );
        let d = super::check(&super::Request::new(
            endpoint("Authorize").unwrap(),
            &[
                ("Flinks-Auth-Key", "secret-1"),
                ("flinks-auth-key", "secret-2"),
            ],
            &[],
        ));
        assert!(
            d[0].message.contains("`Flinks-Auth-Key`"),
            "{}",
            d[0].message
        );
        assert!(!format!("{d:?}").contains("secret-"));
    }

    #[test]
    fn does_not_fire_on_one_of_each() {
        assert!(codes(
            "GetAccountsDetail",
            &[("x-api-key", "a"), ("flinks-auth-key", "b")]
        )
        .is_empty());
        assert!(codes(
            "Authorize",
            &[("flinks-auth-key", "t"), ("accept", "a"), ("accept", "b")]
        )
        .is_empty());
    }
}
