//! Finding the files to lint: the paths given, folders walked in parallel
//! honouring `.gitignore` (hidden files included: `.env` is one), plus every
//! file git tracks there even if `.gitignore` lists it ([`crate::tracked`]).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Whether the linter reads a file it finds while walking: any format the
/// library reads (`flinks_config::__private::Format`), except its own settings.
pub fn is_config_file(path: &Path) -> bool {
    let is_own_settings = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.eq_ignore_ascii_case("flinks-config.toml"));
    !is_own_settings && flinks_config::__private::Format::from_path(path).is_some()
}

/// Folders never worth walking, ignored or not: version control, packages
/// and build output (`bin/` and `obj/` of .NET, `target/` of Cargo and
/// Maven, `dist/` and `build/` of JS and Gradle) hold copies of the settings
/// at best, and a project merely named after Flinks fills them with noise.
const SKIP_DIRS: [&str; 8] = [
    ".git",
    "node_modules",
    "target",
    ".venv",
    "bin",
    "obj",
    "dist",
    "build",
];

/// Whether `name` is a folder [`collect`] never enters.
fn is_skipped_dir(name: &std::ffi::OsStr) -> bool {
    SKIP_DIRS.iter().any(|d| name == *d)
}

/// How [`collect`] finds files.
#[derive(Clone, Copy, Debug)]
pub struct WalkOptions {
    /// Also lint files git tracks though `.gitignore` lists them (`--no-git`
    /// turns it off).
    pub tracked: bool,
}

/// Every config file under `roots` with `each(path, named)` of it, sorted
/// by path (`named`: the file was named on the command line); roots that do
/// not exist are returned separately. `each` runs on the walker's threads,
/// so reading and checking files overlaps walking.
pub fn collect<R: Send>(
    roots: &[PathBuf],
    options: WalkOptions,
    each: impl Fn(&Path, bool) -> R + Sync,
) -> (Vec<(PathBuf, R)>, Vec<PathBuf>) {
    let found = Mutex::new(Vec::new());
    let mut missing = Vec::new();
    for root in roots {
        if !root.exists() {
            missing.push(root.clone());
            continue;
        }
        if root.is_file() {
            // A file named explicitly is linted whatever its name says, if readable as something.
            let item = (root.clone(), each(root, true));
            found.lock().expect("no panics while held").push(item);
            continue;
        }
        ignore::WalkBuilder::new(root)
            .hidden(false)
            // Honour .gitignore also outside a git checkout (an unpacked artifact).
            .require_git(false)
            .filter_entry(|e| !is_skipped_dir(e.file_name()))
            .build_parallel()
            .run(|| {
                Box::new(|entry| {
                    if let Ok(entry) = entry {
                        let path = entry.path();
                        if entry.file_type().is_some_and(|t| t.is_file()) && is_config_file(path) {
                            let item = (path.to_path_buf(), each(path, false));
                            found.lock().expect("no panics while held").push(item);
                        }
                    }
                    ignore::WalkState::Continue
                })
            });
        if options.tracked {
            let mut found = found.lock().expect("no panics while held");
            let more = tracked_but_ignored(root, &found, &each);
            found.extend(more);
        }
    }
    let mut files = found.into_inner().expect("no panics while held");
    // By bytes: comparing paths component by component is several times slower.
    files.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    // A file reached from two roots is linted once.
    files.dedup_by(|a, b| a.0 == b.0);
    (files, missing)
}

/// The config files git tracks under `root` that the walk did not reach
/// (`.gitignore` lists them), each with `each(path)`. Skipped folders stay
/// skipped, and links are not followed, as in the walk.
fn tracked_but_ignored<R: Send>(
    root: &Path,
    found: &[(PathBuf, R)],
    each: &(impl Fn(&Path, bool) -> R + Sync),
) -> Vec<(PathBuf, R)> {
    let seen: std::collections::HashSet<&Path> = found.iter().map(|(p, _)| p.as_path()).collect();
    let missed: Vec<PathBuf> = crate::tracked::under(root)
        .into_iter()
        .filter(|path| !seen.contains(path.as_path()))
        .filter(|path| {
            let inside = path.strip_prefix(root).unwrap_or(path);
            !inside.components().any(|c| is_skipped_dir(c.as_os_str()))
        })
        .filter(|path| is_config_file(path))
        .filter(|path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()))
        .collect();
    let results = par_map(&missed, |path| each(path, false));
    missed.into_iter().zip(results).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collect_reads_config_files_once_in_path_order() {
        let root = std::env::temp_dir().join(format!("flinks-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for skipped in ["b/node_modules", "bin/Debug", "a/obj", "dist", "build"] {
            std::fs::create_dir_all(root.join(skipped)).unwrap();
        }
        std::fs::create_dir_all(root.join("a")).unwrap();
        for (name, text) in [
            ("b/.env.production", "FLINKS_INSTANCE=acme\n"),
            ("a/flinks.toml", "[sandbox]\n"),
            ("a/notes.txt", "not config\n"),
            ("b/node_modules/x.json", "{}\n"),
            ("bin/Debug/appsettings.json", "{}\n"),
            ("a/obj/project.assets.json", "{}\n"),
            ("dist/config.json", "{}\n"),
            ("build/flinks.toml", "[sandbox]\n"),
            ("b/values-prod.yaml", "flinks: {}\n"),
        ] {
            std::fs::write(root.join(name), text).unwrap();
        }
        let missing_root = root.join("nowhere");
        // The same folder twice, and a file inside it named explicitly.
        let roots = [
            root.clone(),
            root.join("a/flinks.toml"),
            missing_root.clone(),
            root.clone(),
        ];
        let options = WalkOptions { tracked: true };
        let (files, missing) = collect(&roots, options, |p, _| {
            std::fs::read_to_string(p).unwrap().len()
        });
        let names: Vec<_> = files
            .iter()
            .map(|(p, len)| (p.strip_prefix(&root).unwrap().to_path_buf(), *len))
            .collect();
        assert_eq!(
            names,
            [
                (PathBuf::from("a/flinks.toml"), 10),
                (PathBuf::from("b/.env.production"), 21),
                (PathBuf::from("b/values-prod.yaml"), 11),
            ]
        );
        assert_eq!(missing, [missing_root]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn par_map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            par_map(&items, |i| i * 2),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
        assert_eq!(par_map(&items[..3], |i| i + 1), [1, 2, 3]);
    }
}
