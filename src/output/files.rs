//! Small file operations the output is written with.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Writes `path` by renaming a finished temporary file (0644) over it, so a reader never sees
/// half a file and a failed write leaves the old one.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(parent_of(path))?;
    io::Write::write_all(&mut tmp, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

/// Writes `bytes` to `root/rel`, creating parent folders.
pub fn write_file(root: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

/// Removes the folders of `rel` inside `root` that became empty, deepest first.
pub fn remove_empty_parents(root: &Path, rel: &str) {
    let mut path = Path::new(rel).parent();
    while let Some(p) = path.filter(|p| !p.as_os_str().is_empty()) {
        if fs::remove_dir(root.join(p)).is_err() {
            break; // not empty (or not ours to judge): stop here
        }
        path = p.parent();
    }
}

/// Removes a folder tree we created, unlinking files in parallel (a 10,000-page site has
/// 10,000 folders; one thread spends most of a second on it). Links are removed, never
/// followed.
pub fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_dir() {
            dirs.push(entry.into_path());
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().for_each(|f| {
        let _ = fs::remove_file(f);
    });
    // Deepest level first, so each folder is empty when it is removed; one level in parallel.
    let mut levels: std::collections::BTreeMap<usize, Vec<PathBuf>> =
        std::collections::BTreeMap::new();
    for d in dirs {
        levels.entry(d.components().count()).or_default().push(d);
    }
    for (_, level) in levels.into_iter().rev() {
        level.par_iter().for_each(|d| {
            let _ = fs::remove_dir(d);
        });
    }
}

/// The folder `path` is in (`.` for a bare name).
pub fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}
