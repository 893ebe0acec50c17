//! Copies of the project: the benchmark never builds in (or deletes from) the working tree.

use std::path::Path;

/// Copies what a build reads (`PROJECT_PARTS`) from the project at `from` to `to`.
pub fn copy_project(from: &Path, to: &Path) {
    for part in homestart::config::PROJECT_PARTS {
        copy_dir(&from.join(part), &to.join(part));
    }
}

/// Copies a folder (or one file) with everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        // A file copied on its own has an empty relative path (`join("")` would add a `/`).
        let target = if rel.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(rel)
        };
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Removes `pdf:` from every page of the project at `root`: the same site without leaflets.
pub fn without_leaflets(root: &Path) {
    for e in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "md") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("pdf:")).collect();
            std::fs::write(e.path(), kept.join("\n") + "\n").unwrap();
        }
    }
}
