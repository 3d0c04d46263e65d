//! Files git tracks, read from the repository's index.
//!
//! The walker honours `.gitignore`, yet a file listed there may have been
//! committed before the line was added, or with `git add -f`: a committed
//! `.env` holding live credentials is the worst case there is, and it is
//! exactly the file an ignore-honouring walk never reads. So every file the
//! index tracks under a folder being linted is linted too.
//!
//! The index is read by `git ls-files` rather than a Rust parser of the
//! index: it resolves worktrees (`.git` as a file), split and sparse indexes
//! and `core.worktree` as git itself does, costs about 3 ms a call, and an
//! index-parsing crate added ~45 crates and ~26 s of CPU to a debug build
//! (measured; see `docs/cli.md`). Without git, or outside a repository,
//! nothing is added and the walk is as before.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The files git tracks under `root` (a folder), as `root.join(relative)` so
/// they compare equal to the walker's paths. Empty when `root` is in no
/// repository or git cannot be run.
pub fn under(root: &Path) -> Vec<PathBuf> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        // -z: names as stored, unquoted; paths relative to `root`.
        .args(["ls-files", "-z", "--cached", "--"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => out
            .stdout
            .split(|b| *b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| root.join(os_string(name)))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(unix)]
fn os_string(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(bytes).to_os_string()
}

#[cfg(not(unix))]
fn os_string(bytes: &[u8]) -> OsString {
    // git writes UTF-8 names on every other platform.
    String::from_utf8_lossy(bytes).into_owned().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_git_cannot_enter_tracks_nothing() {
        let nowhere = std::env::temp_dir().join(format!("flinks-nowhere-{}", std::process::id()));
        assert!(under(&nowhere).is_empty());
    }
}
