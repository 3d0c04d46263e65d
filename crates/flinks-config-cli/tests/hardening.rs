//! Hostile and unlucky inputs seen as a whole run (issue 12): secrets of
//! files that did not parse or decode, secrets in paths, settings files
//! too large or not UTF-8, names that are not UTF-8, and text that would
//! drive a terminal.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flinks-hardening-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flinks-config"))
        .arg("lint")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];

/// A secret of a file that does not parse, one of a file that is not
/// UTF-8, and a short secret used as a file name: none shows in any format,
/// whatever kind of file (parsed, malformed, non-UTF-8) the output is about.
#[test]
fn secrets_of_every_file_of_the_run_are_masked_everywhere() {
    let unparsed = "0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8";
    let undecoded = "1c2d3e4f-5061-4b72-9c83-a4b5c6d7e8f9";
    let short = "Pw-hunter-2222";
    let dir = scratch("run-secrets");
    std::fs::create_dir_all(dir.join("deploy")).unwrap();
    std::fs::write(
        dir.join("broken.env"),
        format!("FLINKS_SECRET_KEY={unparsed}\n[[[ not a line\n"),
    )
    .unwrap();
    let mut latin1 = format!("FLINKS_API_KEY={undecoded}\n# caf").into_bytes();
    latin1.extend(b"\xe9\n");
    std::fs::write(dir.join("latin1.env"), latin1).unwrap();
    std::fs::write(
        dir.join(".env.production"),
        format!("FLINKS_INSTANCE=toolbox\nFLINKS_SECRET_KEY={short}\nFLINKS_API_URL=http://toolbox-api.private.fin.ag/v3/{unparsed}/{undecoded}/\n"),
    )
    .unwrap();
    // The short secret as a file name: a parsed file and a malformed one.
    std::fs::write(
        dir.join(format!("deploy/{short}.env")),
        "FLINKS_INSTANCE=toolbox.api\n",
    )
    .unwrap();
    std::fs::write(
        dir.join(format!("deploy/{short}.flinks.toml")),
        "[sandbox\n",
    )
    .unwrap();
    for format in FORMATS {
        let out = lint(&dir, &[".", "--format", format, "--color", "never"]);
        let shown = text(&out);
        assert_eq!(out.status.code(), Some(1), "{format}:\n{shown}");
        for secret in [unparsed, undecoded, short] {
            assert!(
                !shown.to_lowercase().contains(&secret.to_lowercase()[..14]),
                "{format} leaked {secret}:\n{shown}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A settings file too large or not UTF-8 is reported with its path (exit
/// 2), never "0 files" and exit 0; a file that is not Flinks-shaped and
/// not UTF-8 is skipped quietly.
#[test]
fn settings_files_that_cannot_be_read_are_never_skipped_silently() {
    let dir = scratch("skips");
    let big = "FLINKS_INSTANCE=toolbox\n".repeat(4 * 1024 * 1024 / 24 + 10);
    std::fs::write(dir.join(".env"), &big).unwrap();
    let out = lint(&dir, &["."]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("FLK510") && shown.contains(".env"),
        "{shown}"
    );
    std::fs::remove_file(dir.join(".env")).unwrap();

    std::fs::write(
        dir.join("appsettings.Production.json"),
        b"{\"Flinks\": {\"Instance\": \"caf\xe9\"}}\n",
    )
    .unwrap();
    let out = lint(&dir, &[".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("appsettings.Production.json"));
    std::fs::remove_file(dir.join("appsettings.Production.json")).unwrap();

    // Named on the command line: reported whatever its name.
    std::fs::write(dir.join("settings.txt"), &big).unwrap();
    let out = lint(&dir, &["settings.txt"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("settings.txt"));
    std::fs::remove_file(dir.join("settings.txt")).unwrap();

    // Not Flinks-shaped, not UTF-8, found by the walk: skipped quietly.
    std::fs::write(dir.join("data.json"), b"{\"name\": \"caf\xe9\"}\n").unwrap();
    let out = lint(&dir, &["."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("FLK510"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Two files whose names differ only in bytes that are not UTF-8 keep
/// their own findings and lines; nothing panics.
#[test]
fn files_are_told_apart_by_their_real_names() {
    let dir = scratch("names");
    let a = dir.join(std::ffi::OsStr::from_bytes(b"a\xff.env"));
    let b = dir.join(std::ffi::OsStr::from_bytes(b"a\xfe.env"));
    std::fs::write(
        &a,
        "FLINKS_INSTANCE=toolbox\nFLINKS_API_URL=http://toolbox-api.private.fin.ag/v3/\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "# padding\n# padding\n# padding\nFLINKS_INSTANCE=toolbox.api\n",
    )
    .unwrap();
    for format in FORMATS {
        let out = lint(&dir, &[".", "--format", format, "--color", "never"]);
        let shown = text(&out);
        assert_eq!(out.status.code(), Some(1), "{format}:\n{shown}");
        // JSON writes the backslash escaped.
        let shown = shown.replace("\\\\", "\\");
        assert!(
            shown.contains("a\\xff.env") && shown.contains("a\\xfe.env"),
            "{format}:\n{shown}"
        );
    }
    let human = text(&lint(&dir, &[".", "--color", "never"]));
    // Each finding shows its own file's line.
    assert!(human.contains("a\\xfe.env:4:"), "{human}");
    assert!(human.contains("4 | FLINKS_INSTANCE=toolbox.api"), "{human}");
    assert!(human.contains("a\\xff.env:2:"), "{human}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Escape sequences in a key and a value, a bidi override in a path: shown
/// escaped in human and github output, exact (JSON-escaped) in JSON.
#[test]
fn nothing_a_file_holds_drives_the_terminal() {
    let dir = scratch("terminal");
    let folder = dir.join("deploy\u{202e}vne");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join(".env"),
        "FLINKS_\x1b[2JKEY=1\nFLINKS_INSTANCE=\x1b]0;owned\x07toolbox\r\n",
    )
    .unwrap();
    let hostile = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    };
    for format in ["human", "github"] {
        for color in ["never", "always"] {
            let out = lint(&dir, &[".", "--format", format, "--color", color]);
            let shown = String::from_utf8(out.stdout.clone()).unwrap();
            assert_eq!(out.status.code(), Some(1), "{format}:\n{shown}");
            // Colour codes are the linter's own: strip them first.
            let plain = shown.replace("\x1b[0m", "").replace("\x1b[1m", "");
            let plain: String = plain
                .split('\x1b')
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.split_once('m').map_or(part, |(_, rest)| rest)
                    }
                })
                .collect();
            assert!(!plain.chars().any(hostile), "{format} {color}: {plain:?}");
            assert!(
                plain.contains("\\u{1b}") && plain.contains("\\u{202e}"),
                "{format}: {plain}"
            );
            if color == "never" {
                assert!(!shown.contains('\x1b'), "{format}: {shown:?}");
            }
        }
    }
    let out = lint(&dir, &[".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = json.to_string();
    assert!(all.contains("\\u001b") && all.contains('\u{202e}'), "{all}");
    std::fs::remove_dir_all(&dir).unwrap();
}
