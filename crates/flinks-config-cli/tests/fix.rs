//! `lint --fix` and `--diff` with the built binary, on scratch copies of
//! `tests/fixtures/fix/`: every machine-applicable rule in TOML, `.env`,
//! appsettings JSON and compose YAML; the expected files are in
//! `tests/fixtures/fix-expected/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXABLE: [&str; 8] = [
    "FLK002", "FLK003", "FLK004", "FLK008", "FLK108", "FLK201", "FLK202", "FLK207",
];

/// Each format's files.
const FORMATS: [&[&str]; 4] = [
    &["flinks.toml"],
    &[".env.sandbox", ".env.production"],
    &["appsettings.json", "appsettings.Production.json"],
    &["docker-compose.yml"],
];

fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flinks-fix-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(fixtures("fix")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

fn lint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .arg("lint")
        .args(args)
        .arg(".")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The codes of the findings `--fix` may write, per file.
fn fixable(dir: &Path) -> Vec<(String, String)> {
    let out = lint(dir, &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["fix"]["applicable"] == true)
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap().to_string();
            (s("path"), s("code"))
        })
        .collect()
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_fixable_rule_fires_in_every_format() {
    let dir = scratch("fires");
    let found = fixable(&dir);
    for format in FORMATS {
        let codes: BTreeSet<&str> = found
            .iter()
            .filter(|(path, _)| format.contains(&path.as_str()))
            .map(|(_, code)| code.as_str())
            .collect();
        assert_eq!(codes, BTreeSet::from(FIXABLE), "{format:?}");
    }
}

#[test]
fn diff_prints_the_fixes_and_changes_nothing() {
    let dir = scratch("diff");
    let before = files(&dir);
    let out = lint(&dir, &["--diff"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(files(&dir), before);
    let diff = text(&out.stdout);
    assert!(
        diff.contains("--- a/flinks.toml\n+++ b/flinks.toml\n"),
        "{diff}"
    );
    for line in [
        "-api_url = \"http://toolbox.api.private.fin.ag//v3\"  # FLK002 FLK004 FLK003 FLK108\n",
        "+api_url = \"https://toolbox-api.private.fin.ag/v3/\"  # FLK002 FLK004 FLK003 FLK108\n",
        " instance = \"toolbox\"\n",
    ] {
        assert!(diff.contains(line), "{line}: {diff}");
    }
    for name in ["appsettings.json", ".env.sandbox", "docker-compose.yml"] {
        assert!(diff.contains(&format!("+++ b/{name}\n")), "{name}: {diff}");
    }
}

#[test]
fn fix_writes_only_the_values_and_a_second_run_changes_nothing() {
    let dir = scratch("fix");
    let out = lint(&dir, &["--fix"]);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains(" fixed, ") && said.contains(" left"),
        "{said}"
    );
    for format in FORMATS {
        for name in format {
            let got = std::fs::read(dir.join(name)).unwrap();
            let want = std::fs::read(fixtures("fix-expected").join(name)).unwrap();
            assert_eq!(text(&got), text(&want), "{name}");
        }
    }
    assert_eq!(fixable(&dir), Vec::new());
    let once = files(&dir);
    let again = lint(&dir, &["--fix"]);
    assert!(
        text(&again.stderr).contains("0 fixed"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(files(&dir), once);
    let diff = lint(&dir, &["--diff"]);
    assert_eq!(diff.status.code(), Some(0));
    assert_eq!(text(&diff.stdout), "");
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("mode");
    let path = dir.join("flinks.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    lint(&dir, &["--fix"]);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert_ne!(
        std::fs::read(&path).unwrap(),
        std::fs::read(fixtures("fix/flinks.toml")).unwrap()
    );
}

#[test]
fn no_secret_in_a_diff_or_what_fix_says() {
    let secret = "c4569c54-e167-4d34-8de6-f4113bc82414";
    let token = "a1b2c3d4-0000-4000-8000-feedfacecafe";
    let dir = std::env::temp_dir().join(format!("flinks-fix-secret-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let toml = format!(
        "[sandbox]\ninstance = \"toolbox\"\nsecret_key = \"{secret}\"\n\
         api_url = \"http://toolbox-api.private.fin.ag/v3/\"\n\
         iframe_url = \"http://toolbox-iframe.private.fin.ag/v2/?Language=fr&authorizeToken={token}\"\n"
    );
    std::fs::write(dir.join("flinks.toml"), &toml).unwrap();
    let diff = lint(&dir, &["--diff"]);
    let fixed = lint(&dir, &["--fix", "--format", "json"]);
    for out in [&diff, &fixed] {
        let all = text(&out.stdout) + &text(&out.stderr);
        for value in [secret, token] {
            assert!(!all.contains(&value[..12]), "{all}");
        }
    }
    let after = std::fs::read_to_string(dir.join("flinks.toml")).unwrap();
    // The API URL is fixed; the iframe URL holds a token: left as it was.
    assert_eq!(
        after,
        toml.replace("\"http://toolbox-api", "\"https://toolbox-api")
    );
}
