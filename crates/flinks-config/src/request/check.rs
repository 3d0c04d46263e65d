//! Checks a request built by other code: its URL and its headers.

use flinks_config_core::url::UrlParts;
use flinks_config_core::{
    check_api_url, check_headers, endpoint, Diagnostic, KnownValue, UrlContext,
};

/// Runs `check_api_url` (request context, with the `known` values: a key
/// anywhere in the URL is FLK009) and, when the path the client requests
/// (dot segments resolved, as FLK010 shows) names a table endpoint, the
/// header checks FLK401–FLK404 and FLK407 over every value of each header
/// (a `HeaderMap` holds all values appended under a name; a value that is
/// not text is checked as read lossily). No value is ever reported.
///
/// ```
/// use flinks_config::request::check_request;
/// let req = http::Request::post("https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize")
///     .header("Authorization", "Bearer d65f1adb-8ebc-48dc-be8b-20c773ba1565")
///     .body(())
///     .unwrap();
/// let found = check_request(&req, &[]);
/// assert!(found.iter().any(|d| d.code() == "FLK401"));
/// ```
pub fn check_request<B>(request: &http::Request<B>, known: &[KnownValue]) -> Vec<Diagnostic> {
    let url = request.uri().to_string();
    let mut out = check_api_url(&url, &UrlContext::request().with_known(known, None));
    if let Some(e) = requested_endpoint(&url) {
        let values: Vec<(&str, std::borrow::Cow<'_, str>)> = request
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str(), String::from_utf8_lossy(v.as_bytes())))
            .collect();
        let headers: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        out.extend(check_headers(e, &headers, known));
    }
    out
}

/// The endpoint named after `BankingServices` in the path the client
/// requests (dot segments resolved, as core's path rules read it).
fn requested_endpoint(url: &str) -> Option<&'static flinks_config_core::Endpoint> {
    let parts = UrlParts::split(url, 0).ok()?;
    let segments = parts.resolved_segments();
    let name = segments
        .iter()
        .map(|s| s.text)
        .filter(|s| !s.is_empty())
        .skip_while(|s| *s != "BankingServices")
        .nth(1)?;
    endpoint(name)
}

#[cfg(test)]
mod tests {
    use super::check_request;
    use flinks_config_core::{CredentialKind, KnownValue};

    const BASE: &str = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/";
    const SECRET: &str = "c4569c54-e167-4d34-8de6-f4113bc82414";

    #[test]
    fn secret_key_on_authorize_is_flk403_without_leaking() {
        let req = http::Request::post(format!("{BASE}Authorize"))
            .header("flinks-auth-key", SECRET)
            .body(())
            .unwrap();
        let found = check_request(&req, &[KnownValue::new(CredentialKind::SecretKey, SECRET)]);
        assert_eq!(
            found.iter().map(|d| d.code()).collect::<Vec<_>>(),
            ["FLK403"]
        );
        assert!(!format!("{found:?}").contains(SECRET));
    }

    #[test]
    fn every_value_of_a_header_map_counts() {
        let token = "d65f1adb-8ebc-48dc-be8b-20c773ba1565";
        let known = [
            KnownValue::new(CredentialKind::SecretKey, SECRET),
            KnownValue::new(CredentialKind::AuthorizeToken, token),
        ];
        let mut req = http::Request::post(format!("{BASE}Authorize"))
            .body(())
            .unwrap();
        let headers = req.headers_mut();
        headers.append("flinks-auth-key", token.parse().unwrap());
        headers.append("flinks-auth-key", SECRET.parse().unwrap());
        let found = check_request(&req, &known);
        let mut codes: Vec<_> = found.iter().map(|d| d.code()).collect();
        codes.sort();
        assert_eq!(codes, ["FLK403", "FLK407"]);
        assert!(!format!("{found:?}").contains(SECRET));
        // The same value twice is a duplicate too.
        let mut twice = http::Request::post(format!("{BASE}Authorize"))
            .body(())
            .unwrap();
        twice
            .headers_mut()
            .append("flinks-auth-key", token.parse().unwrap());
        twice
            .headers_mut()
            .append("flinks-auth-key", token.parse().unwrap());
        let codes: Vec<_> = check_request(&twice, &known)
            .iter()
            .map(|d| d.code())
            .collect();
        assert_eq!(codes, ["FLK407"]);
    }

    #[test]
    fn a_value_that_is_not_text_still_counts_as_sent() {
        let mut req = http::Request::post(format!("{BASE}Authorize"))
            .body(())
            .unwrap();
        req.headers_mut().append(
            "flinks-auth-key",
            http::HeaderValue::from_bytes(b"t\xffoken").unwrap(),
        );
        assert!(check_request(&req, &[]).is_empty());
    }

    #[test]
    fn the_endpoint_is_the_one_the_client_requests_and_a_key_in_the_url_is_flk009() {
        // `..` resolved: the request goes to /GetAccountsDetail, which needs x-api-key.
        let req = http::Request::get(format!("{BASE}Authorize/../GetAccountsDetail"))
            .header("flinks-auth-key", "t")
            .body(())
            .unwrap();
        let codes: Vec<_> = check_request(&req, &[]).iter().map(|d| d.code()).collect();
        assert!(
            codes.contains(&"FLK010") && codes.contains(&"FLK401"),
            "{codes:?}"
        );
        let api_key = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
        let req = http::Request::get(format!("{BASE}GetAccountsDetail?k={api_key}"))
            .header("x-api-key", api_key)
            .body(())
            .unwrap();
        let found = check_request(&req, &[KnownValue::new(CredentialKind::ApiKey, api_key)]);
        assert!(found.iter().any(|d| d.code() == "FLK009"), "{found:#?}");
        assert!(!format!("{found:?}").contains("1e0f9a8b7c6d"));
    }

    #[test]
    fn missing_api_key_is_flk402_and_library_requests_pass() {
        let req = http::Request::get(format!(
            "{BASE}GetAccountsDetailAsync/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
        ))
        .body(())
        .unwrap();
        assert!(check_request(&req, &[])
            .iter()
            .any(|d| d.code() == "FLK402"));
        let base = crate::ApiUrl::base(&crate::Instance::TOOLBOX, &crate::CustomerId::TOOLBOX);
        let secret = crate::SecretKey::parse(SECRET).unwrap();
        let built =
            super::super::GenerateAuthorizeToken::request(&base, &secret).into_http_request();
        assert!(check_request(&built, &[]).is_empty());
    }
}
