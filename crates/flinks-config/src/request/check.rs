//! Checks a request built by other code: its URL and its headers.

use flinks_config_core::{
    check_api_url, check_headers, endpoint, Diagnostic, KnownValue, UrlContext,
};

/// Runs `check_api_url` (request context) and, when the URL names a table
/// endpoint, the header checks FLK401–FLK404. No value is ever reported.
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
    let mut out = check_api_url(&url, &UrlContext::request());
    let path = request.uri().path();
    let name = path
        .split('/')
        .skip_while(|s| *s != "BankingServices")
        .nth(1)
        .unwrap_or("");
    if let Some(e) = endpoint(name) {
        let headers: Vec<(&str, &str)> = request
            .headers()
            .iter()
            .filter_map(|(n, v)| Some((n.as_str(), v.to_str().ok()?)))
            .collect();
        out.extend(check_headers(e, &headers, known));
    }
    out
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
