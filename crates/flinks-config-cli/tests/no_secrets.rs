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
