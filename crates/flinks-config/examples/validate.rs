//! Validates Flinks config files and prints every problem, like startup does.
//!
//! `cargo run -p flinks-config --example validate -- examples/`
//!
//! Exit code: 0 when every file is valid, 1 when any has errors, 2 when a
//! path cannot be read. (The `flinks-config` linter does this and more.)

use flinks_config::FlinksConfig;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            files(&entry.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "toml") {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let roots = if args.is_empty() {
        vec!["examples".to_string()]
    } else {
        args
    };
    let mut paths = Vec::new();
    for root in &roots {
        if let Err(e) = files(Path::new(root), &mut paths) {
            eprintln!("error: cannot read `{root}`: {e}");
            return ExitCode::from(2);
        }
    }
    let mut failed = false;
    for path in &paths {
        match FlinksConfig::from_file(path) {
            Ok(config) => {
                println!(
                    "ok: {} ({} profile(s))",
                    path.display(),
                    config.profiles().len()
                );
                if !config.warnings().is_empty() {
                    println!("{}\n", config.warnings());
                }
            }
            Err(report) => {
                failed = true;
                println!("{report}\n");
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
