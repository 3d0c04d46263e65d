//! Replays every file of the fuzz corpus (fuzz/corpus/<target>/) through its
//! target, so `cargo test` catches a regression without a fuzzer.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_file() {
            run(&std::fs::read(&path).unwrap());
            count += 1;
        }
    }
    assert!(count > 0, "the {target} corpus is empty");
}

#[test]
fn url_corpus() {
    replay("url", flinks_config_fuzz::url);
}

#[test]
fn toml_corpus() {
    replay("toml", flinks_config_fuzz::toml);
}

#[test]
fn json_corpus() {
    replay("json", flinks_config_fuzz::json);
}

#[test]
fn dotenv_corpus() {
    replay("dotenv", flinks_config_fuzz::dotenv);
}

#[test]
fn headers_corpus() {
    replay("headers", flinks_config_fuzz::headers);
}

#[test]
fn error_body_corpus() {
    replay("error_body", flinks_config_fuzz::error_body);
}

#[test]
fn yaml_corpus() {
    replay("yaml", flinks_config_fuzz::yaml);
}

#[test]
fn env_vars_corpus() {
    replay("env_vars", flinks_config_fuzz::env_vars);
}

#[test]
fn source_corpus() {
    replay("source", flinks_config_fuzz::source);
}

#[test]
fn directory_corpus() {
    replay("directory", flinks_config_fuzz::directory);
}
