//! Bad input of any shape yields coded diagnostics, never a panic.

use flinks_config::__private::{check_text, Format};
use flinks_config::FlinksConfig;
use flinks_config_core::Checker;
use proptest::prelude::*;

#[test]
fn malformed_files_are_coded_with_a_location() {
    let report = FlinksConfig::from_toml_str("", "flinks.toml").unwrap_err();
    assert_eq!(report.codes(), ["FLK508"], "an empty file has no profile");
    let cases: [(&str, Format); 7] = [
        ("[sandbox\ninstance = \"toolbox\"", Format::Toml),
        ("[sandbox]\ninstance = \"toolbox", Format::Toml),
        ("[sandbox]\ncustomer_id = 43387\n", Format::Toml),
        ("{\"Flinks\": {\"Instance\": ", Format::Json),
        ("{\"Flinks\": {\"Instance\": [1, 2]}}", Format::Json),
        ("FLINKS_INSTANCE\n", Format::Dotenv),
        (
            "FLINKS_API_URL=\"https://toolbox-api.private.fin.ag/v3/\n",
            Format::Dotenv,
        ),
    ];
    for (text, format) in cases {
        let path = match format {
            Format::Toml => "flinks.toml",
            Format::Json => "appsettings.Sandbox.json",
            _ => ".env.sandbox",
        };
        let report = check_text(text, path, format, Checker::Runtime);
        assert!(!report.is_empty(), "{text:?} gave nothing");
        for d in report.diagnostics() {
            assert!(d.location.is_some(), "{text:?}: {d:?} has no location");
            assert!(d.help.is_some(), "{text:?}: {d:?} has no fix");
        }
        let _ = report.to_string();
    }
}

#[test]
fn non_utf8_files_are_an_error_with_the_path() {
    let dir = std::env::temp_dir().join(format!("flinks-config-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("flinks.toml");
    std::fs::write(&path, b"[sandbox]\ninstance = \"tool\xffbox\"\n").unwrap();
    let report = FlinksConfig::from_file(&path).unwrap_err();
    assert_eq!(report.codes(), ["FLK510"]);
    assert!(report.to_string().contains("not UTF-8"), "{report}");
    assert!(report.to_string().contains(&path.display().to_string()));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn huge_values_do_not_blow_up() {
    let big = "a".repeat(1 << 20);
    let text = format!(
        "[sandbox]\ninstance = \"{big}\"\napi_url = \"https://toolbox-api.private.fin.ag/{big}\"\n"
    );
    let report = FlinksConfig::from_toml_str(&text, "flinks.toml").unwrap_err();
    assert!(report.codes().contains(&"FLK506"));
    // Shown lines are clipped, not a megabyte each.
    assert!(report.to_string().len() < 64 * 1024);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_any_format_never_panics(text in "\\PC{0,300}") {
        for (format, path) in [(Format::Toml, "flinks.toml"), (Format::Json, "flinks.json"), (Format::Dotenv, ".env")] {
            let report = check_text(&text, path, format, Checker::Linter);
            let _ = report.to_string();
        }
    }

    #[test]
    fn near_valid_toml_never_panics(value in "[ -~\\t\\r\\n\\u{e9}\\u{1F600}]{0,80}", key in "(instance|customer_id|secret_key|api_key|api_url|iframe_url|x)") {
        let text = format!("[sandbox]\n{key} = \"{}\"\n", value.replace('\\', "\\\\").replace('"', "\\\""));
        let _ = FlinksConfig::from_toml_str(&text, "flinks.toml").map_err(|r| r.to_string());
    }

    #[test]
    fn any_env_values_never_panic(values in proptest::collection::vec("\\PC{0,60}", 7)) {
        let names = ["FLINKS_ENVIRONMENT", "FLINKS_INSTANCE", "FLINKS_CUSTOMER_ID", "FLINKS_SECRET_KEY", "FLINKS_API_KEY", "FLINKS_API_URL", "FLINKS_IFRAME_URL"];
        let vars: Vec<(&str, &str)> = names.iter().copied().zip(values.iter().map(String::as_str)).collect();
        let _ = FlinksConfig::from_env_vars(vars).map_err(|r| r.to_string());
    }
}

#[test]
fn json_escapes_are_decoded_or_reported_with_a_span() {
    // `\ud83d\ude00` is one character (😀), so the instance is read whole and
    // reported as one bad value, not two replacement characters.
    let pair = r#"{"Flinks": {"Environment": "sandbox", "Instance": "\ud83d\ude00"}}"#;
    let report = check_text(pair, "appsettings.json", Format::Json, Checker::Linter);
    assert!(!report.codes().contains(&"FLK510"), "{report}");
    // An invalid escape is a syntax error (FLK510) at the escape.
    for bad in [
        r#"{"Flinks": {"Instance": "tool\qbox"}}"#,
        r#"{"Flinks": {"Instance": "tool\ud83dbox"}}"#,
    ] {
        let report = check_text(bad, "appsettings.json", Format::Json, Checker::Runtime);
        assert_eq!(report.codes(), ["FLK510"], "{report}");
        let span = report.diagnostics()[0].source_span().expect("a span");
        assert_eq!(span.start, bad.find('\\').unwrap(), "{report}");
        assert!(
            report.to_string().contains("--> appsettings.json:1:30"),
            "{report}"
        );
    }
}
