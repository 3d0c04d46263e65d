//! The documented flow against the loopback stub of `examples/flow.rs`, and
//! each classic mistake getting the documented 401 body and diagnosis.

#[path = "../examples/flow.rs"]
mod flow;

use flinks_config::core::{endpoint, CredentialKind, KnownValue};
use flinks_config::request::{
    check_request, Authorize, DataRequest, FlinksCode, FlinksError, GenerateAuthorizeToken,
};
use flinks_config::{
    ApiKey, ApiUrl, AuthorizeToken, CustomerId, Instance, LoginId, RequestId, SecretKey,
};
use flow::{field, send, Stub, API_KEY, LOGIN, SECRET};
use std::time::{Duration, SystemTime};

fn base() -> ApiUrl {
    ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX)
}

fn token(stub: &Stub) -> AuthorizeToken {
    let secret = SecretKey::parse(SECRET).unwrap();
    let (status, body) = send(
        stub.addr,
        &GenerateAuthorizeToken::request(&base(), &secret).into_http_request(),
    )
    .unwrap();
    assert_eq!(status, 200);
    AuthorizeToken::parse(&field(&body, "Token").unwrap(), SystemTime::now()).unwrap()
}

fn error_of(status: u16, body: &str) -> FlinksError {
    assert_eq!(status, 401, "{body}");
    FlinksError::parse(body).unwrap()
}

#[test]
fn library_requests_complete_the_flow_and_pass_the_checks() {
    let stub = Stub::start().unwrap();
    assert_eq!(flow::run(&stub).unwrap(), 200);
    let key = ApiKey::parse(API_KEY).unwrap();
    let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
    let req = DataRequest::accounts_detail(&base(), &key, &id).into_http_request();
    assert!(check_request(&req, &[]).is_empty());
}

#[test]
fn secret_key_on_authorize_is_access_denied() {
    let stub = Stub::start().unwrap();
    let req = http::Request::post(base().endpoint("Authorize").unwrap().as_str())
        .header("flinks-auth-key", SECRET)
        .body(format!(r#"{{"LoginId":"{LOGIN}","MostRecentCached":true}}"#).into_bytes())
        .unwrap();
    let found = check_request(&req, &[KnownValue::new(CredentialKind::SecretKey, SECRET)]);
    assert_eq!(found[0].code(), "FLK403");
    assert!(!format!("{found:?}").contains(SECRET));
    let (status, body) = send(stub.addr, &req).unwrap();
    let e = error_of(status, &body);
    assert_eq!(e.code, FlinksCode::AccessDenied);
    assert!(e
        .diagnose(endpoint("Authorize"))
        .likely_cause
        .contains("authorize token, not the secret key"));
}

#[test]
fn reused_and_expired_tokens_are_refused() {
    let stub = Stub::start().unwrap();
    let t = token(&stub);
    let value = flinks_config::ExposeSecret::expose_secret(&t).to_owned();
    let login = LoginId::parse(LOGIN).unwrap();
    let first = Authorize::cached(&base(), t, login.clone())
        .build()
        .unwrap()
        .into_http_request();
    let mut ledger = flinks_config::request::TokenLedger::new();
    assert!(ledger.record(&value).is_none());
    assert_eq!(send(stub.addr, &first).unwrap().0, 200);
    // A second use does not compile with the typed API; other code can resend it:
    assert_eq!(ledger.record(&value).unwrap().code(), "FLK405");
    let (status, body) = send(stub.addr, &first).unwrap();
    assert!(error_of(status, &body)
        .diagnose(endpoint("Authorize"))
        .likely_cause
        .contains("already used"));
    let t = token(&stub);
    stub.advance(Duration::from_secs(31 * 60));
    let late = Authorize::cached(&base(), t, login)
        .allow_expired()
        .build()
        .unwrap()
        .into_http_request();
    let (status, body) = send(stub.addr, &late).unwrap();
    assert_eq!(error_of(status, &body).code, FlinksCode::AccessDenied);
}

#[test]
fn wrong_header_name_double_slash_and_missing_api_key() {
    let stub = Stub::start().unwrap();
    let t = token(&stub);
    let value = flinks_config::ExposeSecret::expose_secret(&t).to_owned();
    let wrong = http::Request::post(base().endpoint("Authorize").unwrap().as_str())
        .header("Authorization", format!("Bearer {value}"))
        .body(Vec::new())
        .unwrap();
    assert_eq!(check_request(&wrong, &[])[0].code(), "FLK401");
    let (status, body) = send(stub.addr, &wrong).unwrap();
    assert!(error_of(status, &body)
        .diagnose(endpoint("Authorize"))
        .likely_cause
        .contains("flinks-auth-key"));

    let url = base()
        .endpoint("GetAccountsDetail")
        .unwrap()
        .as_str()
        .replace("/v3/", "//v3/");
    let slash = http::Request::post(url.as_str())
        .header("x-api-key", API_KEY)
        .body(Vec::new())
        .unwrap();
    assert!(check_request(&slash, &[])
        .iter()
        .any(|d| d.code() == "FLK003"));
    let (status, body) = send(stub.addr, &slash).unwrap();
    let e = error_of(status, &body);
    assert_eq!(e.code, FlinksCode::InvalidRequest);
    assert!(e
        .diagnose(endpoint("GetAccountsDetail"))
        .likely_cause
        .contains("//v3"));

    let bare = http::Request::post(base().endpoint("GetAccountsDetail").unwrap().as_str())
        .body(Vec::new())
        .unwrap();
    assert_eq!(check_request(&bare, &[])[0].code(), "FLK402");
    let (status, body) = send(stub.addr, &bare).unwrap();
    assert_eq!(error_of(status, &body).code, FlinksCode::InvalidRequest);
}
