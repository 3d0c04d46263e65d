//! The macro and the runtime validator report the same codes for the same
//! text. Runtime here is exactly what `ApiUrl::parse` / `IframeUrl::parse`
//! run (core with `Checker::Runtime`, errors only); a dev-dependency on
//! `flinks-config` itself would be a cycle. The trybuild `.stderr` files in
//! `flinks-config/tests/ui` are checked against `ApiUrl::parse` there.

use crate::expand::{self, Kind};
use flinks_config_core::{
    check_api_url, check_credential, check_iframe_url, check_instance, Checker, CredentialKind,
    Environment, Severity, UrlContext,
};

const CID: &str = "43387ca6-0391-4c82-857d-70d95f087ecb";

/// (kind, environment, text, the error code the macro must give).
pub(crate) fn table() -> Vec<(Kind, Option<Environment>, String, &'static str)> {
    let api = |path: &str| format!("https://toolbox-api.private.fin.ag{path}");
    let ok_api = api(&format!("/v3/{CID}/BankingServices/Authorize"));
    let iframe = |q: &str| format!("https://toolbox-iframe.private.fin.ag/v2/{q}");
    use Kind::*;
    vec![
        (
            ApiUrl,
            None,
            "toolbox-api.private.fin.ag/v3/".into(),
            "FLK001",
        ),
        (ApiUrl, None, ok_api.replace("https", "http"), "FLK002"),
        (ApiUrl, None, ok_api.replace("/v3", "//v3"), "FLK003"),
        (
            ApiUrl,
            None,
            ok_api.replace("toolbox-api", "toolbox.api"),
            "FLK004",
        ),
        (
            ApiUrl,
            None,
            ok_api.replace("private.fin.ag", "flinks.io"),
            "FLK005",
        ),
        (ApiUrl, None, ok_api.replace(CID, "{customerId}"), "FLK006"),
        (
            ApiUrl,
            None,
            ok_api.replace(".fin.ag", ".fin.ag:8443"),
            "FLK007",
        ),
        (ApiUrl, None, format!("{ok_api}\n"), "FLK008"),
        (
            ApiUrl,
            None,
            api(&format!(
                "/v3/{CID}/BankingServices/DeleteCard/c4569c54%2De167%2D4d34%2D8de6%2Df4113bc82414"
            )),
            "FLK009",
        ),
        (
            IframeUrl,
            None,
            iframe("?demo=true#3D5266A8-B697-48D4-8DE6-52E2E2662ACC"),
            "FLK009",
        ),
        (
            ApiUrl,
            None,
            ok_api.replace("/v3/", "/v3/x/%2e%2E/"),
            "FLK010",
        ),
        (IframeUrl, None, iframe("./?demo=true"), "FLK010"),
        (ApiUrl, None, ok_api.replace("v3", "v2"), "FLK101"),
        (ApiUrl, None, ok_api.replace(CID, "acme"), "FLK102"),
        (
            ApiUrl,
            None,
            ok_api.replace("BankingServices", "bankingservices"),
            "FLK103",
        ),
        (
            ApiUrl,
            None,
            ok_api.replace("Authorize", "Authorise"),
            "FLK104",
        ),
        (
            ApiUrl,
            None,
            ok_api.replace("toolbox-api", "toolbox-iframe"),
            "FLK105",
        ),
        (
            ApiUrl,
            None,
            ok_api.replace("Authorize", "GetAccountsDetailAsync/"),
            "FLK107",
        ),
        (IframeUrl, None, iframe(""), "FLK201"),
        (
            IframeUrl,
            None,
            iframe("?demo=true").replace("toolbox", "acme"),
            "FLK202",
        ),
        (
            IframeUrl,
            None,
            iframe(&format!("?demo=true&authorizeToken={CID}")),
            "FLK204",
        ),
        (IframeUrl, None, iframe("?demo=yes"), "FLK206"),
        (
            IframeUrl,
            None,
            iframe("?demo=true&redirectUrl=http://example.com"),
            "FLK209",
        ),
        (
            IframeUrl,
            None,
            iframe("?demo=true").replace("-iframe", "-api"),
            "FLK210",
        ),
        (CustomerId, None, "43387ca6-0391-4c82-857d".into(), "FLK301"),
        (CustomerId, None, "acme".into(), "FLK306"),
        (Instance, None, CID.into(), "FLK306"),
        (
            ApiUrl,
            Some(Environment::Production),
            ok_api.clone(),
            "FLK502",
        ),
        (Instance, None, "Acme.ca".into(), "FLK506"),
    ]
}

fn runtime_errors(kind: Kind, env: Option<Environment>, text: &str) -> Vec<&'static str> {
    let cx = match env {
        Some(e) => UrlContext::runtime().in_environment(e),
        None => UrlContext::runtime(),
    };
    let found = match kind {
        Kind::ApiUrl => check_api_url(text, &cx),
        Kind::IframeUrl => check_iframe_url(text, &cx),
        Kind::Instance => check_instance(text, Checker::Runtime),
        Kind::CustomerId => check_credential(text, CredentialKind::CustomerId, Checker::Runtime),
    };
    found
        .iter()
        // Rules without M in their "where" column (FLK501 needs the whole
        // profile) are runtime-only by design.
        .filter(|d| d.severity == Severity::Error && d.rule.checked_by(Checker::Macro))
        .map(|d| d.code())
        .collect()
}

#[test]
fn macro_and_runtime_agree() {
    for (kind, env, text, code) in table() {
        let macro_codes: Vec<&str> = expand::diagnose(kind, env, &text)
            .errors
            .iter()
            .map(|d| d.code())
            .collect();
        assert!(macro_codes.contains(&code), "{text:?}: {macro_codes:?}");
        assert_eq!(macro_codes, runtime_errors(kind, env, &text), "{text:?}");
    }
}

#[test]
fn table_covers_every_macro_error_rule() {
    let covered: Vec<&str> = table().iter().map(|row| row.3).collect();
    for rule in flinks_config_core::rules::ALL {
        if rule.checked_by(Checker::Macro) && rule.severity == Severity::Error {
            assert!(covered.contains(&rule.code), "{} has no row", rule.code);
        }
    }
}
