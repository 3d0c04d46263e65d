//! Startup validation end to end: valid configs load clean, every documented
//! mistake gets its code, and every problem is reported at once.

use flinks_config::{Environment, FlinksConfig};

const SANDBOX: &str = r#"
[sandbox]
instance    = "toolbox"
customer_id = "43387ca6-0391-4c82-857d-70d95f087ecb"
secret_key  = "c4569c54-e167-4d34-8de6-f4113bc82414"
api_key     = "3d5266a8-b697-48d4-8de6-52e2e2662acc"
"#;

fn production(instance: &str) -> String {
    format!(
        r#"
[production]
instance    = "{instance}"
customer_id = "7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b"
secret_key  = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
api_key     = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
api_url     = "https://{instance}-api.private.fin.ag/v3/7f3c2a10-5b6d-4e8f-9a1b-2c3d4e5f6a7b/BankingServices/"
iframe_url  = "https://{instance}-iframe.private.fin.ag/v2/?language=fr"
"#
    )
}

fn codes(text: &str) -> Vec<&'static str> {
    match FlinksConfig::from_toml_str(text, "flinks.toml") {
        Ok(config) => config.warnings().codes(),
        Err(report) => report.codes(),
    }
}

#[test]
fn the_public_sandbox_profile_is_clean() {
    let config = FlinksConfig::from_toml_str(SANDBOX, "flinks.toml").unwrap();
    assert!(config.warnings().is_empty(), "{}", config.warnings());
    let sandbox = config.profile(Environment::Sandbox).unwrap();
    assert_eq!(
        sandbox.iframe_url.as_str(),
        "https://toolbox-iframe.private.fin.ag/v2/?demo=true"
    );
    assert_eq!(
        sandbox.api_url.as_str(),
        "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/"
    );
}

#[test]
fn realistic_production_profiles_are_clean() {
    for instance in ["acme", "acme-ca", "acme-us", "bank2"] {
        let text = format!("{SANDBOX}{}", production(instance));
        let config = FlinksConfig::from_toml_str(&text, "flinks.toml")
            .unwrap_or_else(|r| panic!("{instance}: {r}"));
        assert!(
            config.warnings().is_empty(),
            "{instance}: {}",
            config.warnings()
        );
        assert_eq!(config.profiles().len(), 2);
    }
}

#[test]
fn environment_variables_load_and_every_problem_is_reported() {
    let vars = [
        ("FLINKS_ENVIRONMENT", "sandbox"),
        ("FLINKS_INSTANCE", "toolbox"),
        ("FLINKS_CUSTOMER_ID", "43387ca6-0391-4c82-857d-70d95f087ecb"),
        ("FLINKS_SECRET_KEY", "c4569c54-e167-4d34-8de6-f4113bc82414"),
        ("FLINKS_API_KEY", "3d5266a8-b697-48d4-8de6-52e2e2662acc"),
        ("PATH", "/usr/bin"),
    ];
    let config = FlinksConfig::from_env_vars(vars).unwrap();
    assert_eq!(config.profiles()[0].environment, Environment::Sandbox);

    let broken = [
        ("FLINKS_ENVIRONMENT", "production"),
        ("FLINKS_INSTANCE", "toolbox.api"),
        ("FLINKS_CUSTOMER_ID", "acme"),
        ("FLINKS_SECRET_KEY", "changeme"),
        ("FLINKS_API_URL", "https://toolbox-api.private.fin.ag//v3/"),
    ];
    let report = FlinksConfig::from_env_vars(broken).unwrap_err();
    let mut codes = report.codes();
    codes.sort();
    assert_eq!(
        codes,
        ["FLK003", "FLK303", "FLK306", "FLK502", "FLK506", "FLK508"],
        "{report}"
    );
    assert!(report
        .to_string()
        .contains("--> environment variable FLINKS_API_URL"));
}

#[test]
fn a_missing_environment_is_reported() {
    let report = FlinksConfig::from_env_vars([("FLINKS_INSTANCE", "toolbox")]).unwrap_err();
    assert!(
        report
            .diagnostics()
            .iter()
            .any(|d| d.code() == "FLK508" && d.message.contains("environment")),
        "{report}"
    );
    let report = FlinksConfig::from_env_vars(Vec::<(String, String)>::new()).unwrap_err();
    assert!(report.codes().contains(&"FLK508"));
}

#[test]
fn every_documented_mistake_has_its_code() {
    let sandbox_with = |key: &str, value: &str| {
        let mut text = SANDBOX.to_string();
        text.push_str(&format!("{key} = \"{value}\"\n"));
        codes(&text)
    };
    let cid = "43387ca6-0391-4c82-857d-70d95f087ecb";
    // The troubleshooting guide's URL mistakes.
    assert_eq!(
        sandbox_with(
            "api_url",
            &format!("https://toolbox-api.private.fin.ag//v3/{cid}/BankingServices/")
        ),
        ["FLK003"]
    );
    assert_eq!(
        sandbox_with(
            "api_url",
            &format!("https://toolbox.api.private.fin.ag/v3/{cid}/BankingServices/")
        ),
        ["FLK004"]
    );
    assert_eq!(
        sandbox_with(
            "api_url",
            &format!("http://toolbox-api.private.fin.ag/v3/{cid}/BankingServices/")
        ),
        ["FLK002"]
    );
    // demo=true missing in the sandbox, present in production.
    assert_eq!(
        sandbox_with("iframe_url", "https://toolbox-iframe.private.fin.ag/v2/"),
        ["FLK201"]
    );
    let prod = production("acme").replace("?language=fr", "?demo=true");
    assert_eq!(codes(&prod), ["FLK202"]);
    // The secret key where a token belongs, a token in config.
    assert_eq!(
        sandbox_with("iframe_url", "https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken=c4569c54-e167-4d34-8de6-f4113bc82414"),
        ["FLK205"]
    );
    assert_eq!(
        sandbox_with("authorize_token", "d65f1adb-8ebc-48dc-be8b-20c773ba1565"),
        ["FLK304"]
    );
    // Sandbox credentials in production, mixed-up credentials.
    let prod = production("acme").replace(
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "c4569c54-e167-4d34-8de6-f4113bc82414",
    );
    assert_eq!(codes(&prod), ["FLK501"]);
    let prod = production("acme").replace(
        "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    );
    assert_eq!(codes(&prod), ["FLK302"]);
}

#[test]
fn cross_profile_rules_run_when_profiles_load_together() {
    // A company may get its own sandbox keys; they must differ from production's.
    let sandbox = SANDBOX.replace(
        "c4569c54-e167-4d34-8de6-f4113bc82414",
        "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    );
    let both = format!("{sandbox}{}", production("acme"));
    assert!(FlinksConfig::from_toml_str(&both, "flinks.toml").is_ok());
    let shared = both.replace(
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    );
    assert_eq!(codes(&shared), ["FLK504"]);
}

#[test]
fn an_application_config_with_a_flinks_section_loads_and_keeps_spans() {
    // The Flinks settings of an app's own config file, among its other sections.
    let nested = format!("{SANDBOX}{}", production("acme-ca"))
        .replace("[sandbox]", "[flinks.sandbox]")
        .replace("[production]", "[flinks.production]");
    let app = format!("[server]\nport = 8080\n\n[database]\nurl = \"postgres://db/app\"\n{nested}");
    let config =
        FlinksConfig::from_toml_str(&app, "config/app.toml").unwrap_or_else(|r| panic!("{r}"));
    assert!(config.warnings().is_empty(), "{}", config.warnings());
    assert_eq!(config.profiles().len(), 2);

    // A mistake there points at its key inside the section.
    let broken = app.replace("/v3/", "//v3/");
    let report = FlinksConfig::from_toml_str(&broken, "config/app.toml").unwrap_err();
    assert_eq!(report.codes(), ["FLK003"]);
    let shown = report.to_string();
    assert!(shown.contains("flinks.production.api_url"), "{shown}");
    assert!(shown.contains("config/app.toml:"), "{shown}");
}

#[test]
fn json_appsettings_load() {
    let json = r#"{
      // .NET allows comments
      "Logging": { "LogLevel": { "Default": "Information" } },
      "Flinks": {
        "Instance": "toolbox",
        "CustomerId": "43387ca6-0391-4c82-857d-70d95f087ecb",
        "SecretKey": "c4569c54-e167-4d34-8de6-f4113bc82414",
        "ApiKey": "3d5266a8-b697-48d4-8de6-52e2e2662acc",
      }
    }"#;
    let config = FlinksConfig::from_json_str(json, "appsettings.Sandbox.json").unwrap();
    assert_eq!(config.profiles()[0].environment, Environment::Sandbox);
    let report = FlinksConfig::from_json_str(
        &json.replace("toolbox\"", "toolbox.api\""),
        "appsettings.Sandbox.json",
    )
    .unwrap_err();
    assert_eq!(report.codes(), ["FLK506"]);
    assert!(
        report.to_string().contains("appsettings.Sandbox.json:5:29"),
        "{report}"
    );
}

#[test]
fn references_resolve_from_the_environment() {
    let text = SANDBOX.replace(
        "\"c4569c54-e167-4d34-8de6-f4113bc82414\"",
        "\"${FLINKS_TEST_UNSET_SECRET_7}\"",
    );
    let report = FlinksConfig::from_toml_str(&text, "flinks.toml").unwrap_err();
    assert_eq!(report.codes(), ["FLK508"]);
    assert!(report.to_string().contains("FLINKS_TEST_UNSET_SECRET_7"));
}

#[test]
fn an_unreadable_file_names_its_path() {
    let report = FlinksConfig::from_file("/nonexistent/dir/flinks.toml").unwrap_err();
    assert_eq!(report.codes(), ["FLK510"]);
    assert!(report.to_string().contains("/nonexistent/dir/flinks.toml"));
}
