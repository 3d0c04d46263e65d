//! A canary secret planted in every secret setting of every format never
//! appears in any output format, nor in a written baseline.

use std::path::Path;
use std::process::Command;

const CANARY: &str = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000002";
const NEEDLE: &str = "5ec2e7000002";

fn plant(dir: &Path) {
    let c = CANARY;
    let files = [
        ("flinks.toml", format!("[production]\ninstance = \"toolbox\"\nsecret_key = \"{c}\"\napi_key = \"{c}\"\niframe_url = \"https://acme-iframe.private.fin.ag/v2/?authorizeToken={c}\"\napi_url = \"https://acme-api.private.fin.ag/v3/{c}/BankingServices/\"\n")),
        (".env.production", format!("FLINKS_INSTANCE=toolbox\nFLINKS_SECRET_KEY={c}\nNEXT_PUBLIC_FLINKS_API_KEY={c}\nFLINKS_AUTHORIZE_TOKEN={c}\n")),
        ("appsettings.Production.json", format!("{{\"Flinks\": {{\"Instance\": \"toolbox\", \"SecretKey\": \"{c}\", \"ApiKey\": \"{c}x\", \"IframeUrl\": \"https://toolbox-iframe.private.fin.ag/?authorizeToken={c}\"}}}}\n")),
        ("configmap-prod.yaml", format!("kind: ConfigMap\ndata:\n  FLINKS_INSTANCE: toolbox\n  FLINKS_SECRET_KEY: \"{c}\"\n  FLINKS_API_KEY: {c}\n")),
        ("compose.yaml", format!("services:\n  a:\n    environment:\n      - FLINKS_ENVIRONMENT=production\n      - FLINKS_SECRET_KEY={c}\n      - FLINKS_INSTANCE=toolbox\n")),
        ("broken.flinks.toml", format!("[sandbox\nsecret_key = \"{c}\"\n")),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn no_output_format_shows_a_secret() {
    let dir = std::env::temp_dir().join(format!("flinks-config-canary-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    plant(&dir);
    let bin = env!("CARGO_BIN_EXE_flinks-config");
    for format in ["human", "json", "sarif", "github"] {
        for color in ["never", "always"] {
            let out = Command::new(bin)
                .args([
                    "lint",
                    ".",
                    "--format",
                    format,
                    "--color",
                    color,
                    "--require-complete",
                ])
                .current_dir(&dir)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{format}: findings expected");
            let text = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(text.contains("FLK"), "{format}: no findings shown");
            assert!(
                !text.contains(NEEDLE),
                "{format} output leaked the canary:\n{text}"
            );
        }
    }
    let baseline = dir.join("baseline.json");
    let out = Command::new(bin)
        .args(["lint", ".", "--write-baseline", baseline.to_str().unwrap()])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&baseline).unwrap();
    assert!(!written.contains(NEEDLE), "the baseline leaked the canary");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Secrets that reach an output by a side road, each planted alone in its
/// own tree (found by an adversarial review): a copy in another file of the
/// same run, a `.env` whose byte-order mark hid the first key, a
/// `${VAR:-default}` default, a misspelt or encoded `authorizeToken`, an
/// escaped value alone on its line.
#[test]
fn side_roads_show_no_secret() {
    let guid = "5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f";
    // (tree, text that must not show, files)
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, String)>);
    let cases: [Case; 5] = [
        ("other-file", "2a3b4c5d6e7f", vec![
            (".env.production", format!("FLINKS_INSTANCE=acme\nFLINKS_SECRET_KEY={guid}\n")),
            (".env.sandbox", format!("FLINKS_INSTANCE=toolbox\nFLINKS_API_URL=http://toolbox-api.private.fin.ag/v3/{guid}/\n")),
        ]),
        ("bom", "2a3b4c5d6e7f", vec![
            (".env", format!("\u{feff}FLINKS_SECRET_KEY={guid}\nFLINKS_API_URL=http://acme-api.private.fin.ag/v3/{guid}/\n")),
        ]),
        ("compose-default", "2a3b4c5d6e7f", vec![
            ("docker-compose.yml", format!("services:\n  api:\n    environment:\n      FLINKS_ENVIRONMENT: production\n      FLINKS_INSTANCE: acme\n      FLINKS_SECRET_KEY: ${{FLINKS_SECRET_KEY:-{guid}}}\n      FLINKS_API_URL: http://acme-api.private.fin.ag/v3/{guid}/BankingServices/\n")),
        ]),
        ("token-names", "2a3b4c5d6e7f", vec![
            ("flinks.toml", format!("[production]\ninstance = \"acme\"\niframe_url = \"http://acme-iframe.private.fin.ag/v2/?demo=true&authorizeTokn={guid}&authorize%54oken={guid}&authToken[]={guid}\"\n")),
        ]),
        ("escaped-value", "NoPqRsTuVwXyZ", vec![
            ("appsettings.Production.json", "{\"Flinks\": {\"Instance\": \"acme\", \"SecretKey\":\n  \"Zq7L\\u006dNoPqRsTuVwXyZ-prodSecret\", \"ApiUrl\": \"http://acme-api.private.fin.ag/v3/\"}}\n".to_string()),
        ]),
    ];
    let bin = env!("CARGO_BIN_EXE_flinks-config");
    for (name, needle, files) in cases {
        let dir =
            std::env::temp_dir().join(format!("flinks-config-side-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in &files {
            std::fs::write(dir.join(file), text).unwrap();
        }
        for format in ["human", "json", "sarif", "github"] {
            let out = Command::new(bin)
                .args(["lint", ".", "--format", format, "--color", "never"])
                .current_dir(&dir)
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name} {format}:\n{text}");
            assert!(
                !text.to_lowercase().contains(&needle.to_lowercase()),
                "{name}: {format} output leaked the secret:\n{text}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// Text after an inline suppression marker is anything the user wrote: a
/// six-byte word with a multi-byte character across byte 3 used to panic.
#[test]
fn a_non_ascii_word_after_an_inline_marker_is_no_panic() {
    let dir = std::env::temp_dir().join(format!("flinks-config-marker-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("flinks.toml"),
        "[production]\ninstance = \"acme\"\n# flinks-config: allow FLK202 naïve\niframe_url = \"https://acme-iframe.private.fin.ag/v2/?demo=true\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .args(["lint", ".", "--format", "json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    // FLK202 allowed, nothing else wrong: clean.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
