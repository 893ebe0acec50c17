//! Writing the site safely: build into a fresh folder beside the target, then swap it in.
//! A failed build leaves the previous site untouched, and the tool only ever replaces a folder
//! that carries its own marker file, so it can never delete something it did not create.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// Marks an output folder as created by homestart (and so safe to replace).
pub const MARKER: &str = ".homestart-output";
const MARKER_TEXT: &str =
    "This folder was written by `homestart build`; the next build replaces it as a whole.\n";

/// A build in progress: a temporary folder next to the final output folder.
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
}

impl Staging {
    /// Checks that `target` may be replaced, then creates the staging folder beside it.
    pub fn new(target: &Path, project_root: &Path) -> Result<Staging, Diagnostic> {
        check_target(target, project_root)?;
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.homestart-tmp-"))
            .tempdir_in(parent)
            .map_err(|e| io_error(parent, &e))?;
        // Temporary folders are private (0700); a published site must be readable by the web server.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))
                .map_err(|e| io_error(dir.path(), &e))?;
        }
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes one file (site-relative path), creating folders as needed. Thread-safe.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        write_file(self.dir.path(), rel, bytes)
    }

    /// Swaps the finished build in for the old output. On failure the old output is restored.
    pub fn commit(self) -> Result<(), Diagnostic> {
        let staged = self.dir.path();
        fs::write(staged.join(MARKER), MARKER_TEXT).map_err(|e| io_error(staged, &e))?;
        let target = &self.target;
        if target.exists() {
            let parent = target
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let old = tempfile::Builder::new()
                .prefix(".homestart-old-")
                .tempdir_in(parent)
                .map_err(|e| io_error(parent, &e))?;
            let old_path = old.path().join("site");
            fs::rename(target, &old_path).map_err(|e| io_error(target, &e))?;
            if let Err(e) = fs::rename(staged, target) {
                // Put the previous site back before reporting.
                let _ = fs::rename(&old_path, target);
                return Err(io_error(target, &e));
            }
            // `old` holds only the previous output, which carried our marker.
            remove_tree(&old_path);
            drop(old);
        } else {
            fs::rename(staged, target).map_err(|e| io_error(target, &e))?;
        }
        // The staging folder now lives at `target`; make sure TempDir does not delete it.
        let _ = self.dir.keep();
        Ok(())
    }
}

/// Removes a folder tree we created, unlinking files in parallel (a 10,000-page site has
/// 10,000 folders; one thread spends most of a second on it).
fn remove_tree(dir: &Path) {
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

/// Writes `bytes` to `root/rel`, creating parent folders.
pub fn write_file(root: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

/// Refuses targets that are not ours to replace: folders without our marker (unless empty),
/// files, and any folder containing the project itself.
fn check_target(target: &Path, project_root: &Path) -> Result<(), Diagnostic> {
    let shown = target.display().to_string();
    let abs_target = absolute(target);
    let abs_root = absolute(project_root);
    if abs_root.starts_with(&abs_target) {
        return Err(Diagnostic::error(format!(
            "output folder {shown} contains the project itself"
        ))
        .in_file(shown)
        .hint("choose a separate output folder, e.g. --out public"));
    }
    for source_dir in ["content", "locations", "templates", "static", "i18n"] {
        if abs_target.starts_with(abs_root.join(source_dir)) {
            return Err(Diagnostic::error(format!(
                "output folder {shown} is inside the project's {source_dir}/ folder"
            ))
            .in_file(shown)
            .hint("choose an output folder outside the sources, e.g. --out public"));
        }
    }
    if !target.exists() {
        return Ok(());
    }
    if !target.is_dir() {
        return Err(
            Diagnostic::error(format!("output path {shown} is a file, not a folder"))
                .in_file(shown)
                .hint("choose another --out, or move the file away"),
        );
    }
    let empty = fs::read_dir(target)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if !empty && !target.join(MARKER).is_file() {
        return Err(Diagnostic::error(format!(
            "output folder {shown} already exists and was not created by homestart"
        ))
        .in_file(shown)
        .hint("homestart never replaces folders it did not create: choose another --out, or move that folder away"));
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    // Resolve symlinks where the path exists, so two spellings of one folder compare equal.
    fs::canonicalize(&abs).unwrap_or(abs)
}

fn io_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write {}: {e}", path.display()))
        .in_file(path.display().to_string())
        .hint("check free disk space and the folder's permissions")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_foreign_folder_and_keeps_it() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        fs::create_dir_all(&root).unwrap();
        let out = tmp.path().join("mine");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep me").unwrap();
        let err = Staging::new(&out, &root).err().unwrap();
        assert!(err.message.contains("not created by homestart"));
        assert_eq!(
            fs::read_to_string(out.join("precious.txt")).unwrap(),
            "keep me"
        );
    }

    #[test]
    fn refuses_project_root_and_sources() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(Staging::new(root, root).is_err());
        assert!(Staging::new(&root.join("content/out"), root).is_err());
    }

    #[test]
    fn swap_replaces_own_output_and_leaves_no_temp_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        fs::create_dir_all(&root).unwrap();
        let out = root.join("public");
        for round in ["one", "two"] {
            let s = Staging::new(&out, &root).unwrap();
            s.write("a/index.html", round.as_bytes()).unwrap();
            s.commit().unwrap();
            assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), round);
            assert!(out.join(MARKER).is_file());
        }
        let names: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn dropped_staging_leaves_target_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("p");
        fs::create_dir_all(&root).unwrap();
        let out = root.join("public");
        let s = Staging::new(&out, &root).unwrap();
        s.write("x.html", b"1").unwrap();
        s.commit().unwrap();
        let s = Staging::new(&out, &root).unwrap();
        s.write("x.html", b"2").unwrap();
        drop(s); // a failed build
        assert_eq!(fs::read_to_string(out.join("x.html")).unwrap(), "1");
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
    }
}
