//! The built binary on whole repository trees, as a new user runs it: which
//! files are read (tracked by git though ignored, build output skipped) and
//! exactly which findings come out, no others.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn trees() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trees")
}

fn lint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .arg("lint")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `(code, path, key path)` of every finding, in report order, and the
/// number of files read.
fn findings(out: &Output) -> (Vec<(String, String, String)>, u64) {
    let value: serde_json::Value = serde_json::from_str(&stdout(out)).expect("valid JSON");
    let found = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let field = |name: &str| d[name].as_str().unwrap_or("").to_string();
            (field("code"), field("path"), field("key"))
        })
        .collect();
    (found, value["summary"]["files"].as_u64().unwrap())
}

/// A scratch copy of a fixture tree; `dot-x` files are copied as `.x` (a
/// fixture's `.gitignore` or `.env` must not act on this repository).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flinks-trees-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_tree(&trees().join(name), &dir);
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let target = to.join(match name.strip_prefix("dot-") {
            Some(rest) => format!(".{rest}"),
            None => name,
        });
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs git in `dir`, isolated from the machine's and the user's settings.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Fixture",
            "-c",
            "user.email=fixture@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn codes(found: &[(String, String, String)]) -> Vec<(&str, &str, &str)> {
    found
        .iter()
        .map(|(c, p, k)| (c.as_str(), p.as_str(), k.as_str()))
        .collect()
}

/// A real repository whose `.gitignore` lists `.env`, committed anyway
/// (`git add -f`): the one file with live settings is read, the ignored
/// untracked `.env.local` is not, and `--no-git` walks as before.
#[test]
fn a_committed_but_ignored_env_is_linted() {
    let repo = scratch("committed-env");
    git(&repo, &["init", "-q", "."]);
    git(&repo, &["add", ".gitignore", "app/.env.sandbox"]);
    git(&repo, &["add", "-f", ".env"]);
    git(&repo, &["commit", "-q", "-m", "settings"]);

    let out = lint_in(&repo, &["--format", "json"]);
    let (found, files) = findings(&out);
    assert_eq!(
        codes(&found),
        [("FLK502", ".env", "FLINKS_INSTANCE")],
        "{}",
        stdout(&out)
    );
    assert_eq!(files, 2, "the tracked .env and app/.env.sandbox");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !stdout(&out).contains("8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b"),
        "the committed secret is never printed"
    );

    // A sub-folder of the repository as the root: paths stay relative to it.
    let out = lint_in(&repo.join("app"), &["--format", "json"]);
    assert_eq!(findings(&out), (Vec::new(), 1));

    // The repository given as a path from outside it.
    let out = lint_in(
        repo.parent().unwrap(),
        &["--format", "json", repo.to_str().unwrap()],
    );
    let (found, files) = findings(&out);
    assert_eq!(files, 2);
    assert_eq!(found.len(), 1);
    assert!(found[0].1.ends_with("/.env"), "{found:?}");

    let out = lint_in(&repo, &["--format", "json", "--no-git"]);
    assert_eq!(findings(&out), (Vec::new(), 1), "only app/.env.sandbox");
    assert_eq!(out.status.code(), Some(0));
    std::fs::remove_dir_all(&repo).unwrap();
}

/// Outside any repository the walk honours `.gitignore` as always.
#[test]
fn outside_git_ignored_files_stay_unread() {
    let dir = std::env::temp_dir().join(format!("flinks-trees-nogit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_tree(&trees().join("committed-env"), &dir);
    let out = Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .args(["lint", "--format", "json"])
        .current_dir(&dir)
        // No repository above the temp folder is found either.
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(findings(&out), (Vec::new(), 1));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Templates (`.env.example`, `.env.sample`, `.env.dist`,
/// `appsettings.Example.json`, `values.example.yaml`): placeholders are
/// what they are for, so only a real-looking secret is reported (FLK307),
/// and a URL's real mistake still is; the same placeholder in a `.env` is
/// still an error.
#[test]
fn templates_expect_placeholders_but_not_real_secrets() {
    let dir = scratch("templates");
    let out = lint_in(&dir, &["--format", "json", "--no-git"]);
    let (found, files) = findings(&out);
    assert_eq!(
        codes(&found),
        [
            ("FLK303", ".env", "FLINKS_SECRET_KEY"),
            ("FLK108", ".env.example", "FLINKS_API_URL"),
            ("FLK307", ".env.sample", "FLINKS_SECRET_KEY"),
        ],
        "{}",
        stdout(&out)
    );
    assert_eq!(files, 6);
    assert!(!stdout(&out).contains("8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A .NET solution merely named after Flinks, a Spring app, a Rust crate
/// depending on this one: build output (`bin/`, `obj/`) is skipped though
/// not ignored, launch profiles and the Cargo.toml hold nothing of Flinks,
/// app-specific `FLINKS_*` names are no unknown keys, `FLINKS_SANDBOX=true`
/// says the environment, Spring's `flinks.api:` is a group of settings (its
/// `base-url` checked), not an environment; and a likely misspelling is
/// still reported unless `flinks-config.toml` names it the app's own.
#[test]
fn a_project_named_flinks_gets_only_sure_findings() {
    let dir = scratch("named-flinks");
    let expected = [
        ("FLK503", ".env", "FLINKS_INSTANCE"),
        (
            "FLK509",
            "Flinks.Client/appsettings.json",
            "Flinks.SecretKee",
        ),
        (
            "FLK004",
            "spring/src/main/resources/application.yml",
            "flinks.api.base-url",
        ),
    ];
    let out = lint_in(&dir, &["--format", "json", "--no-git"]);
    let (found, files) = findings(&out);
    assert_eq!(codes(&found), expected, "{}", stdout(&out));
    // .env, launchSettings.json, appsettings.json, application.yml, Cargo.toml.
    assert_eq!(files, 5);

    let no_settings = dir.join("empty-settings.toml");
    std::fs::write(&no_settings, "").unwrap();
    let out = lint_in(
        &dir,
        &[
            "--format",
            "json",
            "--no-git",
            "--config",
            no_settings.to_str().unwrap(),
        ],
    );
    let (found, _) = findings(&out);
    let mut with_typo = expected.to_vec();
    with_typo.insert(1, ("FLK509", ".env", "FLINKS_INSTANCES"));
    assert_eq!(
        codes(&found),
        with_typo,
        "without app-keys the near-miss is reported"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A Helm chart's templates are not YAML until rendered: no FLK510 for
/// them, while a values file beside them is read and a broken one reported.
#[test]
fn helm_templates_are_not_malformed_yaml() {
    let dir = scratch("helm");
    let out = lint_in(&dir, &["--format", "json", "--no-git"]);
    let (found, files) = findings(&out);
    assert_eq!(
        codes(&found),
        [("FLK004", "chart/values.yaml", "flinks.apiUrl")],
        "{}",
        stdout(&out)
    );
    assert_eq!(files, 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Values judged by their shape, whatever their key: a Flinks URL under
/// `BaseFlinksUri`, `FLINKS_CONNECT_BASE_URL` (an iframe URL, as its key
/// says) or a Spring `integrations.banking.url`; a GUID under a key naming a
/// Flinks credential (`Payments.FlinksSecret`, the public sandbox key in a
/// production file), masked. Flinks' own web pages are not settings.
#[test]
fn values_shaped_like_flinks_settings_are_checked_whatever_their_key() {
    let dir = scratch("odd-keys");
    let out = lint_in(&dir, &["--format", "json", "--no-git"]);
    let (found, files) = findings(&out);
    assert_eq!(
        codes(&found),
        [
            ("FLK005", ".env", "FLINKS_CONNECT_BASE_URL"),
            (
                "FLK501",
                "appsettings.Production.json",
                "Payments.FlinksSecret"
            ),
            ("FLK004", "appsettings.json", "BaseFlinksUri"),
            (
                "FLK003",
                "src/main/resources/application.yml",
                "integrations.banking.url"
            ),
        ],
        "{}",
        stdout(&out)
    );
    assert_eq!(files, 4);
    for format in ["human", "json", "sarif", "github"] {
        let out = lint_in(&dir, &["--format", format, "--no-git"]);
        let mut shown = stdout(&out);
        if format == "sarif" {
            // Its rule pages quote the public sandbox key; its results must not.
            let sarif: serde_json::Value = serde_json::from_str(&shown).unwrap();
            shown = sarif["runs"][0]["results"].to_string();
        }
        assert!(
            !shown.contains("c4569c54-e167-4d34-8de6-f4113bc82414"),
            "{format}: a secret found by its shape is masked like any other"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Defaults of references are the values in use wherever the variable is
/// unset: Spring's `${X:default}` and the shell's `${X:-default}` and
/// `${X-default}` are checked as the value they stand for (under a known
/// key or by their shape), pointed at inside the reference; a secret
/// default is FLK512, masked; `${X}` and `${X:?message}` are left alone.
#[test]
fn defaults_are_checked_as_the_values_they_stand_for() {
    let dir = scratch("defaults");
    let out = lint_in(&dir, &["--format", "json", "--no-git"]);
    let (found, files) = findings(&out);
    assert_eq!(
        codes(&found),
        [
            (
                "FLK002",
                "docker-compose.yml",
                "services.app.environment.FLINKS_API_URL"
            ),
            (
                "FLK003",
                "docker-compose.yml",
                "services.app.environment.BANKING_BASE"
            ),
            (
                "FLK506",
                "docker-compose.yml",
                "services.worker.environment.FLINKS_INSTANCE"
            ),
            (
                "FLK004",
                "src/main/resources/application.yml",
                "flinks.iframe-url"
            ),
            (
                "FLK512",
                "src/main/resources/application.yml",
                "flinks.secret-key"
            ),
        ],
        "{}",
        stdout(&out)
    );
    assert_eq!(files, 2);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let column = |i: usize| value["diagnostics"][i]["column"].as_u64().unwrap();
    assert_eq!(
        column(0),
        41,
        "the `http` inside `${{FLINKS_API_URL:-http://…}}`"
    );
    for format in ["human", "json", "github"] {
        let out = lint_in(&dir, &["--format", format, "--no-git"]);
        assert!(
            !stdout(&out).contains("8e1f2a3b-4c5d-4e6f-9a7b-0c1d2e3f4a5b"),
            "{format}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An iframe base the application appends `?demo=true&authorizeToken=…`
/// to is judged as a base: a missing `demo=true` is a warning whose fix
/// makes no second `?`; on a URL with a query (final) it stays an error.
#[test]
fn an_iframe_base_is_judged_as_a_base() {
    let dir = trees().join("iframe-base");
    let out = lint_in(&dir, &["--format", "json", "--no-git"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found: Vec<(&str, &str, &str)> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["path"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("FLK201", ".env.sandbox", "warning"),
            ("FLK201", ".env.test", "error"),
        ]
    );
    let help = value["diagnostics"][0]["help"].as_str().unwrap();
    assert!(help.contains("adds `demo=true`"), "{help}");
    assert!(
        !help.contains("/v2/?demo=true"),
        "no fix written onto the base: {help}"
    );
}
