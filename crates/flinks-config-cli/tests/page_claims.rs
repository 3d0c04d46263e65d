//! Every rule page's claims, in every input format the linter reads: each
//! "Bad" example of a rule the linter checks is written as TOML
//! (`[sandbox]`/`[production]`), `.env` (`FLINKS_*`), appsettings JSON
//! (`Flinks: {…}`) and a YAML ConfigMap, linted with the built binary, and
//! the rule must fire; on the "Good" example it must not.
//!
//! The claims that do not hold in some format are listed in [`GAPS`],
//! exactly: the test fails when one more fails, and when one of them starts
//! to hold (then take it off the list).

use flinks_config_core::{rules, Checker};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `(code, format, example)` claims known not to hold.
const GAPS: &[(&str, Format, Example)] = &[];

/// Rules whose page is about something no settings file holds, and why.
const NOT_SETTINGS: &[(&str, &str)] = &[(
    "FLK203",
    "a final iframe URL, about to be shown: the page says configured bases are not flagged",
)];

/// Rules about one format only, by what they catch.
const ONE_FORMAT: &[(&str, Format)] = &[("FLK511", Format::Dotenv)];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Format {
    Toml,
    Dotenv,
    Json,
    Yaml,
}

const FORMATS: [Format; 4] = [Format::Toml, Format::Dotenv, Format::Json, Format::Yaml];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Example {
    Bad,
    Good,
}

/// One value of a setting.
#[derive(Clone, Debug)]
enum Value {
    Text(String),
    /// Written as is (a number: FLK510).
    Bare(String),
}

/// One environment's settings, keys in snake case (`api_url`), or as the
/// variable they are when not `FLINKS_*` (`NEXT_PUBLIC_FLINKS_SECRET_KEY`).
#[derive(Clone, Debug, Default)]
struct Profile {
    environment: Option<String>,
    settings: Vec<(String, Value)>,
}

/// An example as settings, plus the text it was written in (kept for its
/// own format: a `.env` example's quoting and line endings are its claim).
struct Case {
    profiles: Vec<Profile>,
    own: Option<(Format, String)>,
    /// The example is a template (`# .env.example`): its files are named so.
    template: bool,
}

/// The fenced blocks under `### Bad` or `### Good`: `(language, text)`.
fn blocks(page: &str, heading: &str) -> Vec<(String, String)> {
    let Some(start) = page.find(heading) else {
        return Vec::new();
    };
    let rest = &page[start + heading.len()..];
    // The next heading (a `#` line inside a block is a comment).
    let end = [rest.find("\n## "), rest.find("\n### ")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    let mut out = Vec::new();
    let mut lines = rest[..end].lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("```"))
                .collect();
            out.push((lang.to_string(), body.join("\n") + "\n"));
        }
    }
    out
}

fn snake(pascal: &str) -> String {
    let mut out = String::new();
    for (i, c) in pascal.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `FLINKS_API_URL` → `api_url`; another name stays as it is.
fn from_variable(name: &str) -> String {
    match name.strip_prefix("FLINKS_") {
        Some(rest) => rest.to_ascii_lowercase(),
        None => name.to_string(),
    }
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].to_string();
        }
    }
    v.to_string()
}

/// `KEY=value` lines (and `KEY: value` under a YAML `environment:`) as one
/// profile, its environment from `FLINKS_ENVIRONMENT`.
fn from_variables(text: &str, separator: char) -> Profile {
    let mut profile = Profile::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(separator) else {
            continue;
        };
        let (key, value) = (key.trim(), unquote(value));
        if key == "FLINKS_ENVIRONMENT" {
            profile.environment = Some(value);
        } else if key.contains("FLINKS") {
            profile
                .settings
                .push((from_variable(key), Value::Text(value)));
        }
    }
    profile
}

/// A line of an HTTP exchange: `POST /v3/…`, `Header: value`, `10:00 …`.
fn is_exchange(line: &str) -> bool {
    let word = line.split_whitespace().next().unwrap_or("");
    ["GET", "POST", "PUT", "DELETE"].contains(&word)
        || word.ends_with(':') && !word.contains('/')
        || word.starts_with(|c: char| c.is_ascii_digit())
}

fn case(lang: &str, text: &str) -> Vec<Case> {
    match lang {
        // One URL a line, each its own case.
        // One URL a line, each its own case; an HTTP exchange (the header
        // rules' examples) is no setting.
        "text" if text.lines().any(is_exchange) => Vec::new(),
        "text" => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|url| {
                let key = if url.contains("iframe") {
                    "iframe_url"
                } else {
                    "api_url"
                };
                let environment = if url.contains("acme") {
                    "production"
                } else {
                    "sandbox"
                };
                Case {
                    profiles: vec![Profile {
                        environment: Some(environment.into()),
                        settings: vec![(key.into(), Value::Text(url.into()))],
                    }],
                    own: None,
                    template: false,
                }
            })
            .collect(),
        "toml" => {
            let table: toml::Table = text.parse().expect("the page's TOML parses");
            let profiles = table
                .into_iter()
                .filter_map(|(name, v)| {
                    let toml::Value::Table(t) = v else {
                        return None;
                    };
                    let settings = t
                        .into_iter()
                        .map(|(k, v)| {
                            let value = match v {
                                toml::Value::String(s) => Value::Text(s),
                                toml::Value::Integer(i) => Value::Bare(i.to_string()),
                                toml::Value::Float(f) => Value::Bare(f.to_string()),
                                toml::Value::Boolean(b) => Value::Bare(b.to_string()),
                                other => Value::Bare(format!("{other:?}")),
                            };
                            (k, value)
                        })
                        .collect();
                    Some(Profile {
                        environment: Some(name),
                        settings,
                    })
                })
                .collect();
            vec![Case {
                profiles,
                own: Some((Format::Toml, text.into())),
                template: text.contains(".example"),
            }]
        }
        "sh" => {
            // A page saying "CRLF" means the file's line endings.
            let own = if text.contains("CRLF") {
                text.replace('\n', "\r\n")
            } else {
                text.to_string()
            };
            vec![Case {
                profiles: vec![from_variables(text, '=')],
                template: text.contains(".example"),
                own: Some((Format::Dotenv, own)),
            }]
        }
        "json" => {
            let value: serde_json::Value = serde_json::from_str(text).expect("JSON parses");
            let mut profile = Profile::default();
            for (k, v) in value["Flinks"].as_object().into_iter().flatten() {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                if k == "Environment" {
                    profile.environment = Some(text);
                } else {
                    profile.settings.push((snake(k), Value::Text(text)));
                }
            }
            vec![Case {
                profiles: vec![profile],
                own: Some((Format::Json, text.into())),
                template: text.contains(".example"),
            }]
        }
        "yaml" => vec![Case {
            profiles: vec![from_variables(text, ':')],
            own: Some((Format::Yaml, text.into())),
            template: false,
        }],
        _ => Vec::new(),
    }
}

/// The files of one case in one format, or `None` when the format cannot
/// say it (a variable that is not `FLINKS_*` in TOML or JSON).
fn files(case: &Case, format: Format) -> Option<Vec<(String, String)>> {
    if let Some((own, text)) = &case.own {
        if *own == format {
            let name = match (format, case.template) {
                (Format::Toml, false) => "flinks.toml",
                (Format::Dotenv, false) => ".env",
                (Format::Json, false) => "appsettings.json",
                (Format::Yaml, false) => "docker-compose.yml",
                (Format::Toml, true) => "flinks.example.toml",
                (Format::Dotenv, true) => ".env.example",
                (Format::Json, true) => "appsettings.Example.json",
                (Format::Yaml, true) => "values.example.yaml",
            };
            return Some(vec![(name.into(), text.clone())]);
        }
    }
    let flat = matches!(format, Format::Toml | Format::Json);
    if flat
        && case
            .profiles
            .iter()
            .any(|p| p.settings.iter().any(|(k, _)| k.contains("FLINKS")))
    {
        return None;
    }
    // `.env` has no numbers.
    if format == Format::Dotenv
        && case
            .profiles
            .iter()
            .any(|p| p.settings.iter().any(|(_, v)| matches!(v, Value::Bare(_))))
    {
        return None;
    }
    let quoted = |v: &str| serde_json::Value::String(v.into()).to_string();
    let mut out = Vec::new();
    if format == Format::Toml {
        let mut text = String::new();
        for p in &case.profiles {
            text += &format!("[{}]\n", p.environment.as_deref().unwrap_or("sandbox"));
            for (k, v) in &p.settings {
                let v = match v {
                    // JSON's escapes are TOML's basic-string escapes.
                    Value::Text(t) => quoted(t),
                    Value::Bare(b) => b.clone(),
                };
                text += &format!("{k} = {v}\n");
            }
        }
        let name = if case.template {
            "flinks.example.toml"
        } else {
            "flinks.toml"
        };
        return Some(vec![(name.into(), text)]);
    }
    for (i, p) in case.profiles.iter().enumerate() {
        let env = p.environment.clone();
        let suffix = env.clone().unwrap_or_else(|| format!("p{i}"));
        let variable = |k: &str| {
            if k.contains("FLINKS") {
                k.to_string()
            } else {
                format!("FLINKS_{}", k.to_ascii_uppercase())
            }
        };
        match format {
            Format::Dotenv => {
                let mut text = String::new();
                if let Some(env) = &env {
                    text += &format!("FLINKS_ENVIRONMENT={env}\n");
                }
                for (k, v) in &p.settings {
                    let v = match v {
                        Value::Text(t) if t.contains([' ', '#', '"', '\'', '\\', '&', '?']) => {
                            quoted(t)
                        }
                        Value::Text(t) | Value::Bare(t) => t.clone(),
                    };
                    text += &format!("{}={v}\n", variable(k));
                }
                let name = if case.template {
                    ".env.example".to_string()
                } else {
                    format!(".env.{suffix}")
                };
                out.push((name, text));
            }
            Format::Json => {
                let mut flinks = serde_json::Map::new();
                if let Some(env) = &env {
                    flinks.insert("Environment".into(), env.clone().into());
                }
                for (k, v) in &p.settings {
                    let v = match v {
                        Value::Text(t) => serde_json::Value::String(t.clone()),
                        Value::Bare(b) => serde_json::from_str(b).unwrap_or(b.clone().into()),
                    };
                    flinks.insert(pascal(k), v);
                }
                let doc = serde_json::json!({ "Flinks": flinks });
                out.push((
                    if case.template {
                        "appsettings.Example.json".to_string()
                    } else {
                        format!("appsettings.{}.json", pascal(&suffix))
                    },
                    serde_json::to_string_pretty(&doc).unwrap(),
                ));
            }
            Format::Yaml => {
                let mut text = format!(
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flinks-{suffix}\ndata:\n"
                );
                if let Some(env) = &env {
                    text += &format!("  FLINKS_ENVIRONMENT: {env}\n");
                }
                for (k, v) in &p.settings {
                    let v = match v {
                        Value::Text(t) => quoted(t),
                        Value::Bare(b) => b.clone(),
                    };
                    text += &format!("  {}: {v}\n", variable(k));
                }
                out.push((
                    if case.template {
                        "values.example.yaml".to_string()
                    } else {
                        format!("configmap-{suffix}.yaml")
                    },
                    text,
                ));
            }
            Format::Toml => unreachable!(),
        }
    }
    Some(out)
}

/// The codes the linter reports on these files.
fn lint(files: &[(String, String)], tag: &str, extra: &[&str]) -> BTreeSet<String> {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("flinks-claims-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .args(["lint", "--format", "json", "--no-git"])
        .args(extra)
        .arg(".")
        .current_dir(&dir)
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let _ = std::fs::remove_dir_all(Path::new(&dir));
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_page_claim_holds_in_every_format() {
    let mut failed: Vec<(&str, Format, Example, String)> = Vec::new();
    let mut checked = 0;
    for rule in rules::ALL {
        if !rule.checked_by(Checker::Linter) || NOT_SETTINGS.iter().any(|(c, _)| *c == rule.code) {
            continue;
        }
        let only = ONE_FORMAT
            .iter()
            .find(|(c, _)| *c == rule.code)
            .map(|(_, f)| *f);
        for (example, heading) in [(Example::Bad, "### Bad"), (Example::Good, "### Good")] {
            for (lang, text) in blocks(rule.page, heading) {
                for case in case(&lang, &text) {
                    for format in FORMATS {
                        if only.is_some_and(|f| f != format) {
                            continue;
                        }
                        let Some(files) = files(&case, format) else {
                            continue;
                        };
                        checked += 1;
                        let tag = format!("{}-{checked}", rule.code);
                        // FLK508 is off unless asked for.
                        let extra: &[&str] = if rule.code == "FLK508" {
                            &["--require-complete"]
                        } else {
                            &[]
                        };
                        let codes = lint(&files, &tag, extra);
                        let fired = codes.contains(rule.code);
                        if fired != (example == Example::Bad) {
                            let shown: Vec<String> =
                                files.iter().map(|(n, t)| format!("{n}:\n{t}")).collect();
                            failed.push((rule.code, format, example, shown.join("\n")));
                        }
                    }
                }
            }
        }
    }
    eprintln!("{checked} claims checked");
    assert!(checked > 100, "{checked} claims checked");
    let got: BTreeSet<(&str, Format, Example)> =
        failed.iter().map(|(c, f, e, _)| (*c, *f, *e)).collect();
    let want: BTreeSet<(&str, Format, Example)> = GAPS.iter().copied().collect();
    let details: Vec<String> = failed
        .iter()
        .filter(|(c, f, e, _)| !want.contains(&(*c, *f, *e)))
        .map(|(c, f, e, files)| format!("{c} {f:?} {e:?}\n{files}"))
        .collect();
    assert_eq!(got, want, "\n{}", details.join("\n---\n"));
}
