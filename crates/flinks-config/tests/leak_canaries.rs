//! A canary secret planted in every field never appears in any output:
//! `Debug`, `Display`, reports, typed values.

use flinks_config::{ApiKey, AuthorizeToken, FlinksConfig, IframeUrl, Instance, SecretKey};

/// A valid GUID, so it passes shape checks and reaches every rule.
const CANARY: &str = "ca0a21e5-0000-4000-8000-00000000c0de";
/// The distinctive part searched for in outputs.
const NEEDLE: &str = "ca0a21e5";

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(NEEDLE), "{what} leaked the canary:\n{text}");
}

fn fields() -> [&'static str; 4] {
    ["secret_key", "api_key", "authorize_token", "token"]
}

#[test]
fn typed_secrets_never_show_their_value() {
    assert_clean(
        "SecretKey Debug",
        &format!("{:?}", SecretKey::parse(CANARY).unwrap()),
    );
    assert_clean(
        "ApiKey Debug",
        &format!("{:?}", ApiKey::parse(CANARY).unwrap()),
    );
    let token = AuthorizeToken::parse(CANARY, std::time::SystemTime::now()).unwrap();
    assert_clean("AuthorizeToken Debug", &format!("{token:?}"));
    let url = IframeUrl::for_instance(&Instance::TOOLBOX).authorize(token);
    assert_clean("AuthorizedIframeUrl Debug", &format!("{url:?}"));
    for bad in [
        format!("{CANARY}x"),
        format!(" {CANARY}"),
        CANARY.replace('-', ""),
    ] {
        let report = SecretKey::parse(&bad).unwrap_err();
        assert_clean("SecretKey error Display", &report.to_string());
        assert_clean("SecretKey error Debug", &format!("{report:?}"));
    }
}

#[test]
fn reports_never_show_a_secret_in_any_field() {
    for field in fields() {
        for value in [
            CANARY.to_string(),
            format!("{CANARY}!"),
            format!("{CANARY}\r"),
        ] {
            let text = format!(
                "[production]\ninstance = \"acme\"\ncustomer_id = \"7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b\"\n\
                 secret_key = \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"\napi_key = \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"\n{field} = \"{value}\"\n"
            );
            let text = text.replace(
                &format!("{field} = \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"\n"),
                "",
            );
            let outcome = FlinksConfig::from_toml_str(&text, "flinks.toml");
            match outcome {
                Ok(config) => {
                    assert_clean("config Debug", &format!("{config:?}"));
                    assert_clean("warnings", &config.warnings().to_string());
                }
                Err(report) => {
                    assert_clean(&format!("report Display ({field})"), &report.to_string());
                    assert_clean("report Debug", &format!("{:?}", report.diagnostics()));
                    for d in report.diagnostics() {
                        assert_clean("diagnostic", &format!("{d} {:?} {:?}", d.help, d.snippet));
                    }
                }
            }
        }
    }
}

#[test]
fn a_secret_in_an_iframe_url_is_masked() {
    let text = format!(
        "[production]\ninstance = \"acme\"\ncustomer_id = \"7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b\"\n\
         secret_key = \"{CANARY}\"\napi_key = \"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\"\n\
         iframe_url = \"https://acme-iframe.private.fin.ag/v2/?authorizeToken={CANARY}&demo=true\"\n"
    );
    let report = FlinksConfig::from_toml_str(&text, "flinks.toml").unwrap_err();
    assert!(report.codes().contains(&"FLK205"), "{report}");
    assert_clean("report", &report.to_string());
    let env = [
        ("FLINKS_ENVIRONMENT", "production".to_string()),
        ("FLINKS_INSTANCE", "acme".to_string()),
        ("FLINKS_SECRET_KEY", CANARY.to_string()),
        ("FLINKS_API_KEY", CANARY.to_string()),
        ("FLINKS_CUSTOMER_ID", CANARY.to_string()),
        (
            "FLINKS_IFRAME_URL",
            format!("https://acme-iframe.private.fin.ag//v2/?authorizeToken={CANARY}"),
        ),
        (
            "FLINKS_API_URL",
            format!("https://acme-api.private.fin.ag/v3/{CANARY}/BankingServices/?key={CANARY}"),
        ),
    ];
    let report = FlinksConfig::from_env_vars(env).unwrap_err();
    assert!(report.codes().contains(&"FLK302"), "{report}");
    assert_clean("env report", &report.to_string());
    assert_clean("env report Debug", &format!("{report:?}"));
}

#[test]
fn json_and_env_reports_mask_secrets_on_shown_lines() {
    // Minified JSON puts every value on the one line a diagnostic shows.
    let json = format!(
        r#"{{"Flinks":{{"Instance":"toolbox.api","SecretKey":"{CANARY}","ApiKey":"{CANARY}x","CustomerId":"43387ca6-0391-4c82-857d-70d95f087ecb"}}}}"#
    );
    let report = FlinksConfig::from_json_str(&json, "appsettings.Sandbox.json").unwrap_err();
    assert!(report.codes().contains(&"FLK506"), "{report}");
    assert_clean("json report", &report.to_string());
}

/// Whether `text` shows a run of 12 characters of the canary, in any case,
/// once the escapes of `-` are read back.
fn shows_the_canary(text: &str) -> bool {
    let read = text
        .to_ascii_lowercase()
        .replace("%252d", "-")
        .replace("%2d", "-");
    CANARY
        .as_bytes()
        .windows(12)
        .any(|w| read.contains(std::str::from_utf8(w).unwrap()))
}

/// The canary as it may be pasted: whole, in capitals, percent-encoded
/// (once, twice), or a piece of it.
fn copies() -> Vec<String> {
    vec![
        CANARY.to_string(),
        CANARY.to_ascii_uppercase(),
        CANARY.replace('-', "%2D"),
        CANARY.replace('-', "%252d"),
        CANARY[6..30].to_string(),
    ]
}

/// Every position of an API or iframe URL, holding `x`.
fn urls_holding(x: &str) -> Vec<(&'static str, String)> {
    const CID: &str = "7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b";
    vec![
        ("api_url", format!("https://acme-api.private.fin.ag/v3/{CID}/BankingServices/GetAccountsDetailAsync/{x}")),
        ("api_url", format!("https://acme-api.private.fin.ag/v3/{CID}/BankingServices/?k={x}")),
        ("api_url", format!("https://acme-api.private.fin.ag/v3/{CID}/BankingServices/?{x}=1")),
        ("api_url", format!("https://acme-api.private.fin.ag/v3/{CID}/BankingServices/#{x}")),
        ("api_url", format!("https://u:{x}@acme-api.private.fin.ag/v3/")),
        ("iframe_url", format!("https://acme-iframe.private.fin.ag/v2/?language={x}")),
        ("iframe_url", format!("https://acme-iframe.private.fin.ag/v2/{x}/")),
        ("iframe_url", format!("https://acme-iframe.private.fin.ag/v2/#{x}")),
    ]
}

fn assert_reported_and_masked(what: &str, report: &flinks_config::Report) {
    assert!(report.codes().contains(&"FLK009"), "{what}: {report}");
    assert!(
        !shows_the_canary(&report.to_string()),
        "{what} leaked:\n{report}"
    );
    assert!(
        !shows_the_canary(&format!("{report:?}")),
        "{what} Debug leaked"
    );
    for d in report.diagnostics() {
        let all = format!("{d} {:?} {:?} {:?}", d.help, d.snippet, d.location);
        assert!(!shows_the_canary(&all), "{what}: {all}");
    }
}

#[test]
fn a_credential_anywhere_in_a_url_is_an_error_and_never_shown() {
    for x in copies() {
        for (field, url) in urls_holding(&x) {
            for key in ["secret_key", "api_key"] {
                let other = if key == "secret_key" {
                    "api_key"
                } else {
                    "secret_key"
                };
                let text = format!(
                    "[production]\ninstance = \"acme\"\ncustomer_id = \"7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b\"\n\
                     {key} = \"{CANARY}\"\n{other} = \"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\"\n{field} = \"{url}\"\n"
                );
                let report = FlinksConfig::from_toml_str(&text, "flinks.toml").unwrap_err();
                assert_reported_and_masked(&format!("toml {key} in {url}"), &report);
            }
            let env = [
                ("FLINKS_ENVIRONMENT", "production".to_string()),
                ("FLINKS_INSTANCE", "acme".to_string()),
                ("FLINKS_SECRET_KEY", CANARY.to_string()),
                (
                    "FLINKS_API_KEY",
                    "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d".to_string(),
                ),
                (
                    "FLINKS_CUSTOMER_ID",
                    "7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b".to_string(),
                ),
                (
                    if field == "api_url" {
                        "FLINKS_API_URL"
                    } else {
                        "FLINKS_IFRAME_URL"
                    },
                    url.clone(),
                ),
            ];
            let report = FlinksConfig::from_env_vars(env).unwrap_err();
            assert_reported_and_masked(&format!("env {url}"), &report);
        }
    }
}

#[test]
fn a_url_carrying_another_profiles_secret_is_an_error_and_never_shown() {
    for x in copies() {
        let url = format!(
            "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/?k={x}"
        );
        let text = format!(
            "[sandbox]\ninstance = \"toolbox\"\ncustomer_id = \"43387ca6-0391-4c82-857d-70d95f087ecb\"\n\
             secret_key = \"c4569c54-e167-4d34-8de6-f4113bc82414\"\napi_key = \"3d5266a8-b697-48d4-8de6-52e2e2662acc\"\n\
             api_url = \"{url}\"\n\n\
             [production]\ninstance = \"acme\"\ncustomer_id = \"7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b\"\n\
             secret_key = \"{CANARY}\"\napi_key = \"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\"\n"
        );
        let report = FlinksConfig::from_toml_str(&text, "flinks.toml").unwrap_err();
        assert_reported_and_masked(&format!("across profiles {url}"), &report);
    }
}

#[test]
fn url_types_refuse_the_public_keys_anywhere_and_mask_a_token() {
    let public = "c4569c54-e167-4d34-8de6-f4113bc82414";
    for x in [
        public.to_string(),
        public.to_ascii_uppercase(),
        public.replace('-', "%2d"),
        public[4..28].to_string(),
    ] {
        let api = format!("https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/DeleteCard/{x}");
        let iframe = format!("https://toolbox-iframe.private.fin.ag/v2/?demo=true#{x}");
        for report in [
            flinks_config::ApiUrl::parse(&api).unwrap_err(),
            IframeUrl::parse(&iframe).unwrap_err(),
        ] {
            assert!(report.codes().contains(&"FLK009"), "{report}");
            let shown = format!("{report} {report:?}")
                .to_ascii_lowercase()
                .replace("%2d", "-");
            assert!(!shown.contains("e167-4d34-8de6"), "{shown}");
        }
    }
    let token = AuthorizeToken::parse(CANARY, std::time::SystemTime::now()).unwrap();
    let url = IframeUrl::for_instance(&Instance::parse("acme").unwrap()).authorize(token);
    assert_clean("AuthorizedIframeUrl Display", &url.to_string());
    assert_clean("AuthorizedIframeUrl Debug", &format!("{url:?}"));
    assert!(
        url.to_string().ends_with("/v2/?authorizeToken=[redacted]"),
        "{url}"
    );
    use flinks_config::ExposeSecret;
    assert!(url.expose_secret().ends_with(CANARY));
}
