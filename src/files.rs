//! Reading the project: only real files in real folders inside it. A link (symlink) can point
//! anywhere on the machine (`/proc/self/environ`, `/etc/passwd`, another project), and what it
//! points at would be published or quoted in an error message, so links are refused wherever
//! the tool reads, with the file named and a hint.

use std::path::{Component, Path};
use std::sync::Arc;

use walkdir::{DirEntry, WalkDir};

use crate::diag::{Diagnostic, Source, rel_path};
use crate::messages::Text;
use crate::t;

/// Reading a project file into a [`Source`] lives here, beside the rules for what may be read,
/// so the diagnostics module never depends on the file system.
impl Source {
    /// Reads a text file of the project: UTF-8 required (a clear error otherwise), a leading
    /// byte-order mark dropped, line endings kept (CRLF is handled by every parser we use).
    /// A link, or a file outside `root`, is refused before anything is read (so no error
    /// message ever quotes a file that is not part of the project).
    pub fn read(root: &Path, path: &Path) -> Result<Arc<Source>, Diagnostic> {
        let bytes = read(root, path)?;
        Source::from_bytes(rel_path(root, path), bytes)
    }

    /// As [`Source::read_at_most`], for a file [`walk`] listed (see [`read_listed`]).
    pub fn read_listed(
        root: &Path,
        path: &Path,
        limit: u64,
        what: Text,
    ) -> Result<Arc<Source>, Diagnostic> {
        let bytes = read_listed(root, path, limit, what)?;
        Source::from_bytes(rel_path(root, path), bytes)
    }

    /// As [`Source::read`], for a kind of file with a size limit of its own.
    pub fn read_at_most(
        root: &Path,
        path: &Path,
        limit: u64,
        what: Text,
    ) -> Result<Arc<Source>, Diagnostic> {
        let bytes = read_at_most(root, path, limit, what)?;
        Source::from_bytes(rel_path(root, path), bytes)
    }
}

/// Refuses `path` unless it lies inside `root` and neither it nor any folder between `root` and
/// it is a link. `root` itself may be reached through links: it is where the editor works.
pub fn refuse_links(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let Ok(inner) = path.strip_prefix(root) else {
        return Err(Diagnostic::error(t!("file-outside-project"))
            .in_file(path.display().to_string())
            .hint(t!("file-outside-project.hint")));
    };
    let mut at = root.to_path_buf();
    for part in inner.components() {
        match part {
            Component::Normal(name) => at.push(name),
            Component::CurDir => continue,
            _ => {
                return Err(Diagnostic::error(t!("file-path-outside"))
                    .in_file(rel_path(root, path))
                    .hint(t!("file-path-outside.hint")));
            }
        }
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(link_error(root, &at));
        }
    }
    Ok(())
}

/// The error for a link found at `path`.
pub fn link_error(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::error(t!("file-link"))
        .in_file(rel_path(root, path))
        .hint(t!("file-link.hint"))
}

/// The most any project file may hold (the largest shipped file, a font, is 0.5 MB): a file
/// far larger is a mistake, and reading it whole would cost memory for nothing.
pub const MAX_FILE: u64 = 32 << 20;

/// The bytes of a project file, read only when [`refuse_links`] lets it through.
pub fn read(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    read_at_most(root, path, MAX_FILE, t!("file-kind-project"))
}

/// As [`read`], refusing a file larger than `limit` bytes before reading it.
pub fn read_at_most(
    root: &Path,
    path: &Path,
    limit: u64,
    what: Text,
) -> Result<Vec<u8>, Diagnostic> {
    refuse_links(root, path)?;
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(root, path, &e))?
        .len();
    within(root, path, size, limit, what)?;
    std::fs::read(path).map_err(|e| unreadable(root, path, &e))
}

/// As [`read_at_most`], for a file [`walk`] listed: the walk reached it through real folders
/// without following a link, so only the file itself is checked, by the open, which refuses a
/// link (one put in its place since the walk too). One open and one stat instead of a stat per
/// folder on the way: 50,000 fewer calls to the system for a site of 10,000 pages.
pub fn read_listed(
    root: &Path,
    path: &Path,
    limit: u64,
    what: Text,
) -> Result<Vec<u8>, Diagnostic> {
    #[cfg(unix)]
    {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
            .map_err(|e| match e.raw_os_error() {
                Some(libc::ELOOP) => link_error(root, path),
                _ => unreadable(root, path, &e),
            })?;
        let size = file
            .metadata()
            .map_err(|e| unreadable(root, path, &e))?
            .len();
        within(root, path, size, limit, what)?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.read_to_end(&mut bytes)
            .map_err(|e| unreadable(root, path, &e))?;
        Ok(bytes)
    }
    #[cfg(not(unix))]
    read_at_most(root, path, limit, what)
}

fn unreadable(root: &Path, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(t!("file-unreadable", reason = e.to_string()))
        .in_file(rel_path(root, path))
        .hint(t!("file-unreadable.hint"))
}

/// Refuses a file of `size` bytes when it is larger than `limit`.
fn within(root: &Path, path: &Path, size: u64, limit: u64, what: Text) -> Result<(), Diagnostic> {
    if size <= limit {
        return Ok(());
    }
    Err(Diagnostic::error(t!(
        "file-too-large",
        size = megabytes(size),
        what = what,
        limit = megabytes(limit)
    ))
    .in_file(rel_path(root, path))
    .hint(t!("file-too-large.hint")))
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// Every file under `dir` (recursively, sorted by name, hidden files and folders skipped),
/// with an error for every link and every folder that cannot be read. Links are never
/// followed, so nothing outside the project is listed.
pub fn walk(root: &Path, dir: &Path) -> (Vec<DirEntry>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if let Err(d) = refuse_links(root, dir) {
        return (files, vec![d]);
    }
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.path_is_symlink() => errors.push(link_error(root, e.path())),
            Ok(e) if e.file_type().is_file() => files.push(e),
            Ok(_) => {}
            Err(e) => errors.push(
                Diagnostic::error(t!("folder-unreadable", reason = e.to_string()))
                    .in_file(rel_path(root, e.path().unwrap_or(dir)))
                    .hint(t!("folder-unreadable.hint")),
            ),
        }
    }
    (files, errors)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_anywhere_below_the_root_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        std::fs::create_dir_all(root.join("locations/real")).unwrap();
        std::fs::write(root.join("locations/a.yaml"), "name: A\n").unwrap();
        symlink("/etc/passwd", root.join("locations/b.yaml")).unwrap();
        symlink(root.join("locations/real"), root.join("locations/linked")).unwrap();
        std::fs::write(root.join("locations/real/c.yaml"), "x").unwrap();
        assert!(read(&root, &root.join("locations/a.yaml")).is_ok());
        let e = read(&root, &root.join("locations/b.yaml")).unwrap_err();
        assert_eq!(e.path(), Some("locations/b.yaml"));
        assert!(e.message().contains("symlink"));
        let e = read(&root, &root.join("locations/linked/c.yaml")).unwrap_err();
        assert_eq!(e.path(), Some("locations/linked"));
        assert!(read(&root, Path::new("/etc/passwd")).is_err());
        assert!(read(&root, &root.join("locations/../../x")).is_err());
        // A root reached through a link is fine: it is the project.
        symlink(&root, tmp.path().join("alias")).unwrap();
        let alias = tmp.path().join("alias");
        assert!(read(&alias, &alias.join("locations/a.yaml")).is_ok());

        // A listed file that became a link since the walk is refused by the open itself.
        let kind = || crate::t!("file-kind-project");
        assert!(read_listed(&root, &root.join("locations/a.yaml"), 100, kind()).is_ok());
        let e = read_listed(&root, &root.join("locations/b.yaml"), 100, kind()).unwrap_err();
        assert_eq!(e.path(), Some("locations/b.yaml"));
        assert!(e.message().contains("symlink"), "{}", e.message());
        let e = read_listed(&root, &root.join("locations/a.yaml"), 3, kind()).unwrap_err();
        assert!(e.message().contains("MB"), "{}", e.message());

        let (files, errors) = walk(&root, &root.join("locations"));
        let names: Vec<String> = files.iter().map(|f| rel_path(&root, f.path())).collect();
        assert_eq!(names, ["locations/a.yaml", "locations/real/c.yaml"]);
        let linked: Vec<&str> = errors.iter().filter_map(|e| e.path()).collect();
        assert_eq!(linked, ["locations/b.yaml", "locations/linked"]);
    }
}
