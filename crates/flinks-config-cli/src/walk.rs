//! Finding the files to lint: the paths given, folders walked in parallel
//! honouring `.gitignore` (hidden files included: `.env` is one).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The formats the linter reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// TOML, JSON or `.env`, read by the library.
    Library(flinks_config::load::Format),
    /// YAML (`.yml`, `.yaml`).
    Yaml,
}

/// The format of a file the linter reads, by its name.
pub fn format_of(path: &Path) -> Option<FileFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name == "flinks-config.toml" {
        return None; // the linter's own settings
    }
    if name.ends_with(".yml") || name.ends_with(".yaml") {
        return Some(FileFormat::Yaml);
    }
    flinks_config::load::Format::from_path(path).map(FileFormat::Library)
}

/// Folders never worth walking.
const SKIP_DIRS: [&str; 4] = [".git", "node_modules", "target", ".venv"];

/// Every readable config file under `roots`, sorted; roots that do not exist
/// are returned separately.
pub fn collect(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let found = Mutex::new(Vec::new());
    let mut missing = Vec::new();
    for root in roots {
        if !root.exists() {
            missing.push(root.clone());
            continue;
        }
        if root.is_file() {
            // A file named explicitly is linted whatever its name says, if readable as something.
            found
                .lock()
                .expect("no panics while held")
                .push(root.clone());
            continue;
        }
        ignore::WalkBuilder::new(root)
            .hidden(false)
            // Honour .gitignore also outside a git checkout (an unpacked artifact).
            .require_git(false)
            .filter_entry(|e| !SKIP_DIRS.iter().any(|d| e.file_name() == *d))
            .build_parallel()
            .run(|| {
                Box::new(|entry| {
                    if let Ok(entry) = entry {
                        let path = entry.path();
                        if entry.file_type().is_some_and(|t| t.is_file())
                            && format_of(path).is_some()
                        {
                            found
                                .lock()
                                .expect("no panics while held")
                                .push(path.to_path_buf());
                        }
                    }
                    ignore::WalkState::Continue
                })
            });
    }
    let mut files = found.into_inner().expect("no panics while held");
    // By bytes: comparing paths component by component is several times slower.
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    files.dedup();
    (files, missing)
}

/// Maps `f` over `items` on all cores, keeping the order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("lint workers do not panic"))
            .collect()
    })
}
