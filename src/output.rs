//! Writing the site safely. The first build goes into a fresh folder beside the target, which
//! is then swapped in. Later builds write only the files whose bytes changed (known from the
//! manifest the previous build left in its marker file): changed files are staged beside the
//! target and moved in only once the whole build has succeeded, then files the previous build
//! wrote and this one did not are removed. The manifest also fingerprints what each file was
//! made from (a page before minifying, a leaflet's data) with the tool's own identity, so the
//! next build can skip making a file whose input did not change (`Sink::reuse`).
//! A failed build leaves the previous site untouched,
//! and the tool only ever changes a folder that carries its own marker file, deleting nothing
//! but files its own manifest lists.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diag::Diagnostic;

/// Marks an output folder as created by homestart (and so safe to update); it also lists every
/// file the build wrote, with a hash of its bytes.
pub const MARKER: &str = ".homestart-output";
const MARKER_TEXT: &str = "This folder was written by `homestart build`; the next build updates the files listed below.\n";

/// Second line of a marker file with a manifest in this format.
const MANIFEST_HEADER: &str = "# hash length made-from path";

/// One written file: hash of its bytes (128 bits, hex), its length, and the fingerprint of
/// what it was made from (`-` when not known).
type Entry = (String, u64, String);

/// Where rendered files go: the staging folder (`build`), memory (`serve`), nowhere (`check`).
/// Called from many threads.
pub trait Sink: Sync {
    /// Stores one file (site-relative path). `made_from` is what the bytes were made from,
    /// when that is cheaper to know than the bytes (HTML before minifying, a leaflet's data).
    fn write(&self, path: &str, bytes: &[u8], made_from: Option<&[u8]>) -> io::Result<()>;

    /// Whether `path` already holds what the same tool made from `made_from`; the file then
    /// counts as written, and the caller need not make its bytes.
    fn reuse(&self, _path: &str, _made_from: &[u8]) -> bool {
        false
    }
}

/// Any closure taking path and bytes is a sink that keeps nothing from earlier builds.
impl<F: Fn(&str, &[u8]) -> io::Result<()> + Sync> Sink for F {
    fn write(&self, path: &str, bytes: &[u8], _made_from: Option<&[u8]>) -> io::Result<()> {
        self(path, bytes)
    }
}

/// A build in progress: its files staged in a temporary folder next to the output folder.
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
    /// The previous build's manifest when the target can be updated in place.
    previous: Option<HashMap<String, Entry>>,
    /// Every file of this build (site-relative path → entry), and whether it was staged.
    written: Mutex<Vec<(String, Entry, bool)>>,
    /// Identifies the running tool: what it makes from the same input may differ between
    /// versions, so a fingerprint from another build of the tool never matches.
    tool: blake3::Hash,
}

/// How a commit went: files in the new site, how many were written, how many removed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Committed {
    pub files: usize,
    pub written: usize,
    pub removed: usize,
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
        let previous = fs::read_to_string(target.join(MARKER))
            .ok()
            .and_then(|text| read_manifest(&text));
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            previous,
            written: Mutex::new(Vec::new()),
            tool: tool_identity(),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn fingerprint(&self, made_from: &[u8]) -> String {
        let mut h = blake3::Hasher::new();
        h.update(self.tool.as_bytes());
        h.update(made_from);
        h.finalize().to_hex()[..32].to_string()
    }

    /// The previous build's entry for `rel` when `matches` accepts it and the file is still
    /// there at its length (the manifest is consulted before the disk).
    fn previous(&self, rel: &str, matches: impl Fn(&Entry) -> bool) -> Option<&Entry> {
        let old = self
            .previous
            .as_ref()?
            .get(rel)
            .filter(|old| matches(old))?;
        fs::metadata(self.target.join(rel))
            .is_ok_and(|m| m.is_file() && m.len() == old.1)
            .then_some(old)
    }

    fn note(&self, rel: &str, entry: Entry, staged: bool) {
        if let Ok(mut w) = self.written.lock() {
            w.push((rel.to_string(), entry, staged));
        }
    }

    /// Puts the finished build in place of the old output. A first build (or one after an
    /// output without manifest) swaps the whole folder; later ones move in the changed files.
    pub fn commit(self) -> Result<Committed, Diagnostic> {
        let mut written = self.written.into_inner().unwrap_or_default();
        written.sort();
        let manifest = manifest_text(&written);
        let changed = written.iter().filter(|w| w.2).count();
        let mut done = Committed {
            files: written.len(),
            written: changed,
            removed: 0,
        };
        let target = &self.target;
        let staged = self.dir.path();
        match &self.previous {
            Some(previous) if target.is_dir() => {
                for (rel, _, staged_file) in &written {
                    if *staged_file {
                        let to = target.join(rel);
                        if let Some(parent) = to.parent() {
                            fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
                        }
                        fs::rename(staged.join(rel), &to).map_err(|e| io_error(&to, &e))?;
                    }
                }
                let now: std::collections::HashSet<&str> =
                    written.iter().map(|w| w.0.as_str()).collect();
                let mut stale: Vec<&String> = previous
                    .keys()
                    .filter(|k| !now.contains(k.as_str()))
                    .collect();
                stale.sort();
                for rel in stale {
                    // Listed in our own manifest: a file an earlier build wrote.
                    if fs::remove_file(target.join(rel)).is_ok() {
                        done.removed += 1;
                        remove_empty_parents(target, rel);
                    }
                }
                let marker = target.join(MARKER);
                replace_file(&marker, manifest.as_bytes()).map_err(|e| io_error(&marker, &e))?;
            }
            _ => {
                fs::write(staged.join(MARKER), &manifest).map_err(|e| io_error(staged, &e))?;
                swap(staged, target)?;
                // The staging folder now lives at `target`; make sure TempDir does not delete it.
                let _ = self.dir.keep();
            }
        }
        Ok(done)
    }
}

impl Sink for Staging {
    /// Stages one file unless the output already has exactly these bytes there.
    fn write(&self, rel: &str, bytes: &[u8], made_from: Option<&[u8]>) -> io::Result<()> {
        let hash = blake3::hash(bytes).to_hex()[..32].to_string();
        let made_from = made_from.map_or_else(|| "-".to_string(), |m| self.fingerprint(m));
        let unchanged = self
            .previous(rel, |old| old.0 == hash && old.1 == bytes.len() as u64)
            .is_some();
        if !unchanged {
            write_file(self.dir.path(), rel, bytes)?;
        }
        self.note(rel, (hash, bytes.len() as u64, made_from), !unchanged);
        Ok(())
    }

    fn reuse(&self, rel: &str, made_from: &[u8]) -> bool {
        // Without an entry from the last build (a first build, a new file) nothing is hashed.
        if !self.previous.as_ref().is_some_and(|p| p.contains_key(rel)) {
            return false;
        }
        let fingerprint = self.fingerprint(made_from);
        match self.previous(rel, |old| old.2 == fingerprint) {
            Some(old) => {
                self.note(rel, old.clone(), false);
                true
            }
            None => false,
        }
    }
}

/// Replaces `target` (ours, or absent) by the folder `staged`.
fn swap(staged: &Path, target: &Path) -> Result<(), Diagnostic> {
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
    Ok(())
}

fn manifest_text(written: &[(String, Entry, bool)]) -> String {
    let mut text = format!("{MARKER_TEXT}{MANIFEST_HEADER}\n");
    for (rel, (hash, len, made_from), _) in written {
        text.push_str(&format!("{hash} {len} {made_from} {rel}\n"));
    }
    text
}

/// The running executable's size and modification time, with the crate's version: changes
/// whenever the tool is rebuilt or upgraded (one `stat`, once per process). What the tool
/// made before with another identity is never trusted to match.
pub fn tool_identity() -> blake3::Hash {
    static TOOL: std::sync::OnceLock<blake3::Hash> = std::sync::OnceLock::new();
    *TOOL.get_or_init(identify_tool)
}

fn identify_tool() -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        h.update(&meta.len().to_le_bytes());
        if let Ok(modified) = meta.modified()
            && let Ok(since) = modified.duration_since(std::time::UNIX_EPOCH)
        {
            h.update(&since.as_nanos().to_le_bytes());
        }
    } else {
        // Unknown tool: nothing it made before can be trusted to match.
        h.update(&std::process::id().to_le_bytes());
        h.update(format!("{:?}", std::time::SystemTime::now()).as_bytes());
    }
    h.finalize()
}

/// The manifest in a marker file; `None` for markers of older versions (no manifest).
fn read_manifest(text: &str) -> Option<HashMap<String, Entry>> {
    let mut lines = text.lines();
    if lines.next()? != MARKER_TEXT.trim_end() || lines.next()? != MANIFEST_HEADER {
        return None;
    }
    let mut out = HashMap::new();
    for line in lines {
        let mut parts = line.splitn(4, ' ');
        let (hash, len, made_from, rel) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        // Only plain site-relative paths: never anything that leads outside the folder.
        if rel.is_empty()
            || rel.starts_with('/')
            || rel.split('/').any(|s| s == ".." || s.is_empty())
        {
            return None;
        }
        out.insert(
            rel.to_string(),
            (hash.to_string(), len.parse().ok()?, made_from.to_string()),
        );
    }
    Some(out)
}

/// Removes the folders of `rel` inside `root` that became empty, deepest first.
fn remove_empty_parents(root: &Path, rel: &str) {
    let mut path = Path::new(rel).parent();
    while let Some(p) = path.filter(|p| !p.as_os_str().is_empty()) {
        if fs::remove_dir(root.join(p)).is_err() {
            break; // not empty (or not ours to judge): stop here
        }
        path = p.parent();
    }
}

/// Writes `path` by renaming a finished temporary file (0644) over it, so a reader never sees
/// half a file and a failed write leaves the old one.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    io::Write::write_all(&mut tmp, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
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
    for source_dir in crate::config::PROJECT_PARTS {
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

    /// A project folder in a temporary folder, and its default output folder (not created).
    fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        fs::create_dir_all(&root).unwrap();
        let out = root.join("public");
        (tmp, root, out)
    }

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
        let (_tmp, root, out) = project();
        for round in ["one", "two"] {
            let s = Staging::new(&out, &root).unwrap();
            s.write("a/index.html", round.as_bytes(), None).unwrap();
            s.write(&format!("{round}.html"), b"x", None).unwrap();
            s.commit().unwrap();
            assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), round);
            assert!(out.join(MARKER).is_file());
        }
        let names: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
        assert!(
            !out.join("one.html").exists(),
            "a file of the previous build only is removed"
        );
        assert!(out.join("two.html").is_file());
    }

    #[test]
    fn only_changed_files_are_written_and_only_own_files_removed() {
        let (_tmp, root, out) = project();
        let s = Staging::new(&out, &root).unwrap();
        for f in ["a/index.html", "b/index.html", "gone/deep/index.html"] {
            s.write(f, f.as_bytes(), None).unwrap();
        }
        let first = s.commit().unwrap();
        assert_eq!((first.files, first.written), (3, 3));
        fs::write(out.join("gone/notes.txt"), "mine").unwrap();
        let inode = |p: &str| {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(out.join(p)).unwrap().ino()
        };
        let a = inode("a/index.html");
        let s = Staging::new(&out, &root).unwrap();
        s.write("a/index.html", b"a/index.html", None).unwrap(); // same bytes
        s.write("b/index.html", b"new", None).unwrap();
        let second = s.commit().unwrap();
        assert_eq!((second.files, second.written, second.removed), (2, 1, 1));
        assert_eq!(
            inode("a/index.html"),
            a,
            "an unchanged file is not written again"
        );
        assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "new");
        assert!(!out.join("gone/deep").exists(), "emptied folder removed");
        assert_eq!(
            fs::read_to_string(out.join("gone/notes.txt")).unwrap(),
            "mine"
        );
        // A file changed by hand since is written again.
        fs::write(out.join("a/index.html"), "edited by hand!").unwrap();
        let s = Staging::new(&out, &root).unwrap();
        s.write("a/index.html", b"a/index.html", None).unwrap();
        s.write("b/index.html", b"new", None).unwrap();
        assert_eq!(s.commit().unwrap().written, 1);
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).unwrap(),
            "a/index.html"
        );
        // A manifest naming a path outside the folder is not trusted.
        assert!(read_manifest(&format!("{MARKER_TEXT}{MANIFEST_HEADER}\n00 1 - ../x")).is_none());
        // An older marker's manifest (other format) is not read: the next build starts afresh.
        assert!(read_manifest(&format!("{MARKER_TEXT}00 1 a/index.html")).is_none());
    }

    #[test]
    fn a_file_made_from_the_same_input_is_reused_without_making_it() {
        let (_tmp, root, out) = project();
        let s = Staging::new(&out, &root).unwrap();
        assert!(!s.reuse("a.html", b"<p> a </p>"), "nothing to reuse yet");
        s.write("a.html", b"<p>a</p>", Some(b"<p> a </p>")).unwrap();
        s.write("b.html", b"<p>b</p>", None).unwrap();
        s.commit().unwrap();
        let s = Staging::new(&out, &root).unwrap();
        assert!(s.reuse("a.html", b"<p> a </p>"));
        assert!(!s.reuse("b.html", b"<p>b</p>"), "made from nothing known");
        assert!(!s.reuse("c.html", b"<p> a </p>"), "another path");
        s.write("b.html", b"<p>b</p>", None).unwrap();
        let done = s.commit().unwrap();
        assert_eq!((done.files, done.written, done.removed), (2, 0, 0));
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "<p>a</p>");
        // Changed input: not reused. A missing or shortened file: not reused either.
        let s = Staging::new(&out, &root).unwrap();
        assert!(!s.reuse("a.html", b"<p> A </p>"));
        fs::write(out.join("a.html"), "<p>").unwrap();
        assert!(!s.reuse("a.html", b"<p> a </p>"));
        fs::remove_file(out.join("a.html")).unwrap();
        assert!(!s.reuse("a.html", b"<p> a </p>"));
        drop(s);
        // Another build of the tool never trusts what this one made.
        let mut s = Staging::new(&out, &root).unwrap();
        fs::write(out.join("a.html"), "<p>a</p>").unwrap();
        assert!(s.reuse("a.html", b"<p> a </p>"));
        s.tool = blake3::hash(b"another build");
        assert!(!s.reuse("a.html", b"<p> a </p>"));
    }

    #[test]
    fn dropped_staging_leaves_target_untouched() {
        let (_tmp, root, out) = project();
        let s = Staging::new(&out, &root).unwrap();
        s.write("x.html", b"1", None).unwrap();
        s.commit().unwrap();
        let s = Staging::new(&out, &root).unwrap();
        s.write("x.html", b"2", None).unwrap();
        drop(s); // a failed build
        assert_eq!(fs::read_to_string(out.join("x.html")).unwrap(), "1");
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
    }
}
