//! Source files in a lint run: every language's literals, templates,
//! joins, environment defaults, calls and listeners, each finding at its
//! exact line and column; correct code stays clean; no secret from code
//! reaches any output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/source")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `(path, code, line, column)` of every finding, in report order.
fn located(out: &Output) -> Vec<(String, String, u64, u64)> {
    let value: serde_json::Value = serde_json::from_str(&stdout(out)).expect("valid JSON");
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flinks-source-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn each_mistake_in_code_is_found_at_its_line_and_column() {
    let out = run_in(&fixtures().join("bad"), &["lint", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let expected: &[(&str, &str, u64, u64)] = &[
        // JSX client component: a real API key, a production iframe with
        // demo=true on the old path, a listener that trusts any window.
        ("Connect.jsx", "FLK305", 2, 7),
        ("Connect.jsx", "FLK208", 3, 51),
        ("Connect.jsx", "FLK202", 3, 53),
        ("Connect.jsx", "FLK601", 6, 10),
        // Dockerfile ENV: a base ending in `/v3`.
        ("Dockerfile", "FLK108", 2, 55),
        // Spring `@Value("${…:default}")`, an iframe without demo=true.
        ("Flinks.java", "FLK103", 2, 105),
        ("Flinks.java", "FLK201", 4, 72),
        // Kotlin: `getenv(…) ?: base`, then `"${base}GetAccountDetail"`,
        // reported on the relative route.
        ("Flinks.kt", "FLK104", 2, 22),
        // C#: const, verbatim string, `?? default`, interpolated `$"…{id}…"`.
        ("FlinksClient.cs", "FLK004", 5, 52),
        ("FlinksClient.cs", "FLK005", 6, 55),
        ("FlinksClient.cs", "FLK101", 7, 128),
        ("FlinksClient.cs", "FLK104", 11, 84),
        // Markdown: only the `sh` block is read.
        ("README.md", "FLK201", 4, 63),
        // TypeScript: `|| default`, `BASE + "Authorize"` with Bearer,
        // `${BASE}GetAccountsDetail ` (a trailing space), a dotted host.
        ("client.ts", "FLK005", 3, 55),
        ("client.ts", "FLK401", 8, 17),
        ("client.ts", "FLK008", 14, 41),
        ("client.ts", "FLK004", 17, 55),
        // HTML: attribute value and an `onmessage` handler.
        ("connect.html", "FLK201", 2, 51),
        ("connect.html", "FLK204", 2, 71),
        ("connect.html", "FLK601", 4, 10),
        // Go raw string with a host that is not Flinks'.
        ("flinks.go", "FLK005", 9, 20),
        // PHP `getenv(…) ?: default`, `demo=yes`.
        ("flinks.php", "FLK103", 2, 113),
        ("flinks.php", "FLK201", 3, 54),
        ("flinks.php", "FLK206", 3, 59),
        // Ruby `ENV.fetch(…, default)`, `"#{instance}.iframe…"`.
        ("flinks.rb", "FLK005", 1, 45),
        ("flinks.rb", "FLK004", 2, 30),
        // Python `os.getenv(…, default)`, f-string endpoint with the wrong
        // header in `requests.post`, a miscased iframe parameter.
        ("flinks_client.py", "FLK002", 4, 36),
        ("flinks_client.py", "FLK401", 10, 41),
        ("flinks_client.py", "FLK207", 14, 55),
        ("flinks_client.py", "FLK204", 14, 70),
        // Shell: `NAME="…"`, and `curl --header` with the wrong name.
        ("get-token.sh", "FLK003", 3, 51),
        ("get-token.sh", "FLK108", 3, 93),
        ("get-token.sh", "FLK401", 7, 13),
    ];
    let found = located(&out);
    let expected: Vec<(String, String, u64, u64)> = expected
        .iter()
        .map(|(p, c, l, col)| (p.to_string(), c.to_string(), *l, *col))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn correct_code_stays_clean() {
    // An API base from instance and customer id with a trailing slash and
    // routes joined onto it, a production iframe on /v2/ without demo, the
    // public sandbox values in sandbox-only tests, a project merely named
    // flinks, a curl with the right header, an origin-checking listener.
    let out = run_in(
        &fixtures().join("clean"),
        &["lint", ".", "--format", "json"],
    );
    assert_eq!(located(&out), Vec::new(), "{}", stdout(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn sarif_and_github_point_at_the_literal() {
    let dir = fixtures().join("bad");
    let out = run_in(&dir, &["lint", "client.ts", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let dotted = results
        .iter()
        .find(|r| r["ruleId"] == "FLK004")
        .expect("FLK004 reported");
    let region = &dotted["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(17), Some(55))
    );
    let out = run_in(&dir, &["lint", "get-token.sh", "--format", "github"]);
    assert!(
        stdout(&out).contains("title=FLK401 header-wrong-name,file=get-token.sh,line=7,col=13,"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn human_output_of_a_js_a_csharp_and_a_shell_finding() {
    let dir = fixtures().join("bad");
    for (file, name) in [
        ("client.ts", "source_js"),
        ("FlinksClient.cs", "source_csharp"),
        ("get-token.sh", "source_shell"),
    ] {
        let out = run_in(&dir, &["lint", file]);
        insta::assert_snapshot!(name, stdout(&out));
    }
}

#[test]
fn files_that_never_mention_flinks_are_not_read() {
    let dir = scratch("prefilter");
    // A template hole that would be a finding if this file were read.
    std::fs::write(
        dir.join("other.js"),
        "const u = `https://${x}.api.example.com/`;\n",
    )
    .unwrap();
    let out = run_in(&dir, &["lint", ".", "--format", "json"]);
    assert_eq!(located(&out), Vec::new());
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["summary"]["files"], 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inline_suppression_in_each_comment_syntax() {
    let dir = scratch("suppress");
    let url = "https://toolbox.api.private.fin.ag/v3/";
    for (name, text) in [
        (
            "a.js",
            format!("// flinks-config: allow FLK004\nconst u = \"{url}\";\n"),
        ),
        (
            "b.py",
            format!("u = \"{url}\"  # flinks-config: allow FLK004\n"),
        ),
        (
            "c.html",
            format!("<!-- flinks-config: allow FLK004 -->\n<a href=\"{url}\"></a>\n"),
        ),
        (
            "d.cs",
            format!("/* flinks-config: allow FLK004 */\nvar u = \"{url}\";\n"),
        ),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = run_in(&dir, &["lint", ".", "--format", "json"]);
    assert_eq!(located(&out), Vec::new(), "{}", stdout(&out));
    std::fs::write(dir.join("e.rb"), format!("U = \"{url}\"\n")).unwrap();
    let out = run_in(&dir, &["lint", ".", "--format", "json"]);
    assert_eq!(
        located(&out),
        [("e.rb".to_string(), "FLK004".to_string(), 1, 21)]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

const CANARY: &str = "ca0a21e5-f00d-4bad-8c0d-5ec2e7000002";
const NEEDLE: &str = "5ec2e7000002";

#[test]
fn no_secret_from_source_reaches_any_output() {
    let dir = scratch("canary");
    let c = CANARY;
    let iframe = format!("https://acme-iframe.private.fin.ag/?demo=true&authorizeToken={c}");
    let files = [
        (
            "src/components/Pay.jsx",
            format!("const secretKey = \"{c}\";\nconst u = \"{iframe}\";\n"),
        ),
        (
            "server.ts",
            format!(
                "const apiKey = process.env.FLINKS_API_KEY || \"{c}\";\nconst u = `{iframe}`;\n"
            ),
        ),
        (
            "client.py",
            format!("SECRET_KEY = '{c}'\nu = f\"{iframe}\"\n"),
        ),
        (
            "Client.cs",
            format!("const string ApiKey = @\"{c}\";\nvar u = $\"{iframe}\";\n"),
        ),
        (
            "Client.java",
            format!("String secretKey = \"{c}\";\nString u = \"{iframe}\";\n"),
        ),
        (
            "client.kt",
            format!("val authorizeToken = \"{c}\"\nval u = \"{iframe}\"\n"),
        ),
        (
            "client.rb",
            format!("SECRET_KEY = '{c}'\nU = \"{iframe}\"\n"),
        ),
        (
            "client.php",
            format!("<?php $secretKey = '{c}';\n$u = \"{iframe}\";\n"),
        ),
        (
            "client.go",
            format!("const apiKey = \"{c}\"\nvar u = `{iframe}`\n"),
        ),
        (
            "token.sh",
            format!("FLINKS_SECRET_KEY={c}\ncurl \"{iframe}\" -H \"flinks-auth-key: {c}\"\n"),
        ),
        (
            "index.html",
            format!(
                "<script>const secretKey = \"{c}\";</script>\n<iframe src=\"{iframe}\"></iframe>\n"
            ),
        ),
        (
            "README.md",
            format!("```sh\nexport FLINKS_SECRET_KEY={c}\ncurl '{iframe}'\n```\n"),
        ),
        (
            "Dockerfile",
            format!("ENV FLINKS_SECRET_KEY={c}\nENV FLINKS_IFRAME_URL={iframe}\n"),
        ),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    for format in ["human", "json", "sarif", "github"] {
        let out = run_in(&dir, &["lint", ".", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: findings expected");
        let text = stdout(&out) + &String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("FLK"), "{format}: no findings shown");
        assert!(
            !text.contains(NEEDLE),
            "{format} output leaked the canary:\n{text}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_baseline_covers_source_findings() {
    let dir = scratch("baseline");
    let baseline = dir.join("baseline.json");
    let bad = fixtures().join("bad");
    let written = run_in(
        &bad,
        &["lint", ".", "--write-baseline", baseline.to_str().unwrap()],
    );
    assert_eq!(written.status.code(), Some(0));
    let out = run_in(
        &bad,
        &[
            "lint",
            ".",
            "--baseline",
            baseline.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(located(&out), Vec::new());
    assert_eq!(out.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}
