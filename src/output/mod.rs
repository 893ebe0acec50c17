//! Writing the site safely. The first build goes into a fresh folder beside the target, which
//! is then swapped in. Later builds write only the files whose bytes changed (known from the
//! manifest the previous build left in its marker file): changed files are staged beside the
//! target and moved in only once the whole build has succeeded, all or nothing, then files the
//! previous build wrote and this one did not are removed. A file is left as it is only when
//! the disk is known to hold the bytes the manifest lists (by its stat, else by its hash).
//! The manifest also fingerprints what each file was made from (a page before minifying, a
//! leaflet's data) with the tool's own identity, so the next build can skip making a file
//! whose input did not change (`Sink::reuse`).
//! A failed build leaves the previous site untouched, and the tool only ever changes a folder
//! that carries its own marker file, through real folders, deleting nothing but files its own
//! manifest lists and the folders it left beside the output when it crashed.

mod errors;
mod files;
mod manifest;
mod movein;
mod owner;
mod target;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use errors::{WriteErrors, write_error};
pub use files::{replace_file, write_file};
use manifest::{Entry, Manifest};

use crate::diag::Diagnostic;
use crate::t;

/// Marks an output folder as created by homestart (and so safe to update); it also lists every
/// file the build wrote, with a hash of its bytes.
pub const MARKER: &str = ".homestart-output";

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

/// A build in progress: its files staged in a folder of its own next to the output folder.
pub struct Staging {
    /// Owned by this process (see `owner`): the new files in `site/`, replaced ones in `old/`.
    dir: tempfile::TempDir,
    target: PathBuf,
    /// The previous build's manifest (and marker text) when the target can be updated in place.
    previous: Option<Manifest>,
    marker_before: Option<String>,
    /// Every file of this build (site-relative path → entry), and whether it was staged.
    written: Mutex<Vec<(String, Entry, bool)>>,
    /// Identifies the running tool: what it makes from the same input may differ between
    /// versions, so a fingerprint from another build of the tool never matches.
    tool: blake3::Hash,
    /// A stat is recorded only for files last changed before this (ns since the epoch), so
    /// that any later change shows in it.
    settled_before: i128,
    /// One build at a time writes beside the output.
    _lock: owner::Lock,
}

/// How a commit went: files in the new site, how many were written, how many removed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Committed {
    pub files: usize,
    pub written: usize,
    pub removed: usize,
}

impl Staging {
    /// Checks that `target` may be replaced, removes what crashed builds left beside it, then
    /// creates the staging folder there.
    pub fn new(target: &Path, project_root: &Path) -> Result<Staging, Diagnostic> {
        target::check(target, project_root)?;
        let parent = files::parent_of(target);
        fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        let name = output_name(target);
        let lock = owner::lock(parent).map_err(|()| {
            Diagnostic::error(t!("output-locked", folder = parent.display().to_string()))
                .in_file(target.display().to_string())
                .hint(t!("output-locked.hint"))
        })?;
        owner::sweep(parent, &name);
        let dir =
            owner::create(parent, &name, owner::Kind::Staging).map_err(|e| io_error(parent, &e))?;
        let site = dir.path().join("site");
        fs::create_dir(&site).map_err(|e| io_error(&site, &e))?;
        // The site folder becomes the output on a first build: readable by the web server.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&site, fs::Permissions::from_mode(0o755))
                .map_err(|e| io_error(&site, &e))?;
        }
        let marker_before = fs::read_to_string(target.join(MARKER)).ok();
        let previous = marker_before.as_deref().and_then(manifest::read);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            previous,
            marker_before,
            written: Mutex::new(Vec::new()),
            tool: tool_identity(),
            settled_before: now - 1_000_000_000,
            _lock: lock,
        })
    }

    fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn fingerprint(&self, made_from: &[u8]) -> String {
        let mut h = blake3::Hasher::new();
        h.update(self.tool.as_bytes());
        h.update(made_from);
        h.finalize().to_hex()[..32].to_string()
    }

    /// The previous build's entry for `rel` when `matches` accepts it and the output still
    /// holds its bytes, with the stat to record (the manifest is consulted before the disk).
    fn verified(&self, rel: &str, matches: impl Fn(&Entry) -> bool) -> Option<Entry> {
        let old = self
            .previous
            .as_ref()?
            .entries
            .get(rel)
            .filter(|old| matches(old))?;
        let stat = manifest::verify(&self.target.join(rel), old, self.settled_before)?;
        Some(Entry {
            stat,
            ..old.clone()
        })
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
        written.sort_by(|a, b| a.0.cmp(&b.0));
        let changed: Vec<&str> = written
            .iter()
            .filter(|w| w.2)
            .map(|w| w.0.as_str())
            .collect();
        let mut done = Committed {
            files: written.len(),
            written: changed.len(),
            removed: 0,
        };
        let target = &self.target;
        let site = self.dir.path().join("site");
        let is_dir = fs::symlink_metadata(target).is_ok_and(|m| m.is_dir());
        let Some(previous) = self.previous.filter(|_| is_dir) else {
            let text = manifest::text(written.iter().map(|w| (w.0.as_str(), &w.1)), true);
            fs::write(site.join(MARKER), text).map_err(|e| io_error(&site, &e))?;
            movein::swap(&site, target, &output_name(target))?;
            return Ok(done);
        };
        if !changed.is_empty() {
            // The journal lists the old files and the new ones: all may be ours after a crash.
            let mut all: BTreeMap<&str, &Entry> = previous
                .entries
                .iter()
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            for (rel, entry, _) in &written {
                all.entry(rel).or_insert(entry);
            }
            movein::MoveIn {
                target,
                staged: &site,
                kept: &self.dir.path().join("old"),
                changed,
                journal: manifest::text(all.into_iter(), false),
                marker_before: self.marker_before.as_deref(),
            }
            .run()?;
        }
        let now: HashSet<&str> = written.iter().map(|w| w.0.as_str()).collect();
        let mut stale: Vec<(&String, &Entry)> = previous
            .entries
            .iter()
            .filter(|(k, _)| !now.contains(k.as_str()))
            .collect();
        stale.sort_by(|a, b| a.0.cmp(b.0));
        let mut listed: Vec<(&str, &Entry)> =
            written.iter().map(|w| (w.0.as_str(), &w.1)).collect();
        for (rel, entry) in stale {
            // Listed in our own manifest: a file an earlier build wrote (never a folder).
            let path = target.join(rel);
            match fs::symlink_metadata(&path) {
                Ok(m) if !m.is_dir() => {
                    if fs::remove_file(&path).is_ok() {
                        done.removed += 1;
                        files::remove_empty_parents(target, rel);
                    } else {
                        listed.push((rel, entry)); // still ours: the next build tries again
                    }
                }
                _ => {}
            }
        }
        listed.sort_by(|a, b| a.0.cmp(b.0));
        let marker = target.join(MARKER);
        replace_file(&marker, manifest::text(listed.into_iter(), true).as_bytes()).map_err(
            |e| {
                Diagnostic::error(t!(
                    "output-marker-unwritten",
                    target = target.display().to_string(),
                    marker = marker.display().to_string(),
                    reason = e.to_string()
                ))
                .in_file(marker.display().to_string())
                .hint(t!("output-marker-unwritten.hint"))
            },
        )?;
        Ok(done)
    }
}

impl Sink for Staging {
    /// Stages one file unless the output already has exactly these bytes there.
    fn write(&self, rel: &str, bytes: &[u8], made_from: Option<&[u8]>) -> io::Result<()> {
        let hash = manifest::hash(bytes);
        let len = bytes.len() as u64;
        let made_from = made_from.map_or_else(|| "-".to_string(), |m| self.fingerprint(m));
        let kept = self.verified(rel, |old| old.hash == hash && old.len == len);
        let staged = kept.is_none();
        let stat = match kept {
            Some(old) => old.stat,
            None => {
                write_file(&self.site(), rel, bytes)?;
                None // moved in: changed now, not settled
            }
        };
        let entry = Entry {
            hash,
            len,
            stat,
            made_from,
        };
        self.note(rel, entry, staged);
        Ok(())
    }

    fn reuse(&self, rel: &str, made_from: &[u8]) -> bool {
        // Without an entry from the last build (a first build, a new file) nothing is hashed.
        if !self
            .previous
            .as_ref()
            .is_some_and(|p| p.entries.contains_key(rel))
        {
            return false;
        }
        let fingerprint = self.fingerprint(made_from);
        match self.verified(rel, |old| old.made_from == fingerprint) {
            Some(entry) => {
                self.note(rel, entry, false);
                true
            }
            None => false,
        }
    }
}

/// The output folder's own name, which names the folders beside it.
fn output_name(target: &Path) -> String {
    target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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

fn io_error(path: &Path, e: &io::Error) -> Diagnostic {
    let shown = path.display().to_string();
    Diagnostic::error(t!(
        "output-write-failed",
        count = 1_usize,
        first = &shown,
        reason = e.to_string()
    ))
    .in_file(shown)
    .hint(t!("output-write-failed.hint-folder"))
}

#[cfg(test)]
mod tests;
