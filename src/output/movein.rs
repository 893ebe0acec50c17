//! Putting a finished build in place. A first build swaps in its whole folder. A later one
//! moves its changed files in one by one, and that move is all or nothing: the marker is
//! first rewritten as a journal (so a build after a crash knows the files may be old or new),
//! every replaced file is kept (hard-linked) until the end, and when one file cannot be moved
//! in, the ones already moved are put back. Only if that fails too does the error list the
//! files that are new.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{parent_of, remove_tree, replace_file};
use super::owner::{self, Kind};
use super::target::listed;
use crate::diag::Diagnostic;
use crate::messages::{Arg, Text};
use crate::t;

/// Test hook: `HOMESTART_TEST_PAUSE_MOVEIN=<n>` makes a build stop for a minute after moving
/// in `n` files (saying so on stderr), so a test can kill it in the middle of a move-in.
/// Harmless otherwise: the build only takes longer.
const PAUSE_VAR: &str = "HOMESTART_TEST_PAUSE_MOVEIN";

/// A move-in to do: the changed files (site-relative, sorted) are in `staged`; replaced
/// files are kept in `kept` until it is done.
pub struct MoveIn<'a> {
    pub target: &'a Path,
    pub staged: &'a Path,
    pub kept: &'a Path,
    pub changed: Vec<&'a str>,
    /// The marker to write before the first file moves, and the one to restore on failure.
    pub journal: String,
    pub marker_before: Option<&'a str>,
}

/// Why a file could not be moved in, when it is not the system's error: something the tool
/// will not remove is where the file or one of its folders goes.
#[derive(Debug)]
enum InTheWay {
    /// A folder where the file goes.
    Folder,
    /// Something other than a folder where a folder of the file's path goes.
    File(PathBuf),
}

impl InTheWay {
    fn text(&self) -> Text {
        match self {
            InTheWay::Folder => t!("output-folder-in-the-way"),
            InTheWay::File(path) => {
                t!("output-file-in-the-way", path = path.display().to_string())
            }
        }
    }
}

/// In English, as the system's errors are.
impl fmt::Display for InTheWay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text())
    }
}

impl std::error::Error for InTheWay {}

/// One file moved in: replacing an old one (kept), or where there was none.
enum Step<'a> {
    Replaced(&'a str),
    Added(&'a str),
}

impl MoveIn<'_> {
    /// Moves every changed file in, or none: see the module's doc.
    pub fn run(&self) -> Result<(), Diagnostic> {
        let marker = self.target.join(super::MARKER);
        replace_file(&marker, self.journal.as_bytes())
            .map_err(|e| self.failed(&marker, &e, &[], 0))?;
        let pause = std::env::var(PAUSE_VAR).ok().and_then(|n| n.parse().ok());
        let mut steps = Vec::with_capacity(self.changed.len());
        let mut created = Vec::new();
        for (i, rel) in self.changed.iter().enumerate() {
            if let Err(e) = self.move_one(rel, &mut steps, &mut created) {
                let left = self.roll_back(&steps, &created);
                if left.is_empty()
                    && let Some(before) = self.marker_before
                {
                    // Without it the journal stays: the next build checks every file's bytes.
                    let _ = replace_file(&marker, before.as_bytes());
                }
                return Err(self.failed(&self.target.join(rel), &e, &left, steps.len()));
            }
            if pause == Some(i + 1) {
                eprintln!(
                    "homestart: move-in paused after {} files ({PAUSE_VAR})",
                    i + 1
                );
                std::thread::sleep(std::time::Duration::from_secs(60));
            }
        }
        Ok(())
    }

    fn move_one<'a>(
        &self,
        rel: &'a str,
        steps: &mut Vec<Step<'a>>,
        created: &mut Vec<PathBuf>,
    ) -> io::Result<()> {
        let to = self.target.join(rel);
        self.make_parents(rel, created)?;
        let from = self.staged.join(rel);
        match fs::symlink_metadata(&to) {
            Ok(m) if m.is_dir() => Err(io::Error::other(InTheWay::Folder)),
            Ok(_) => {
                let keep = self.kept.join(rel);
                fs::create_dir_all(parent_of(&keep))?;
                // A hard link keeps the old file while the new one replaces it in one step;
                // where there are none, the old file is moved aside first.
                if fs::hard_link(&to, &keep).is_err() {
                    fs::rename(&to, &keep)?;
                }
                steps.push(Step::Replaced(rel));
                fs::rename(from, &to)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::rename(from, &to)?;
                steps.push(Step::Added(rel));
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Creates the missing folders of `rel` in the output, refusing anything but a real folder
    /// (a link that appeared since the build started) on the way.
    fn make_parents(&self, rel: &str, created: &mut Vec<PathBuf>) -> io::Result<()> {
        let mut dir = self.target.to_path_buf();
        let Some(parent) = Path::new(rel).parent() else {
            return Ok(());
        };
        for part in parent.components() {
            dir.push(part);
            match fs::symlink_metadata(&dir) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(io::Error::other(InTheWay::File(dir)));
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    fs::create_dir(&dir)?;
                    created.push(dir.clone());
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Undoes `steps`, last first; returns the files that are still new.
    fn roll_back<'a>(&self, steps: &[Step<'a>], created: &[PathBuf]) -> Vec<&'a str> {
        let mut left = Vec::new();
        for step in steps.iter().rev() {
            let (rel, undone) = match step {
                Step::Replaced(rel) => {
                    (rel, fs::rename(self.kept.join(rel), self.target.join(rel)))
                }
                Step::Added(rel) => (rel, fs::remove_file(self.target.join(rel))),
            };
            if undone.is_err() {
                left.push(*rel);
            }
        }
        for dir in created.iter().rev() {
            let _ = fs::remove_dir(dir); // only if it is empty again
        }
        left.sort_unstable();
        left
    }

    /// The error of a failed move-in, saying what state the output folder is in.
    pub fn failed(&self, path: &Path, e: &io::Error, left: &[&str], moved: usize) -> Diagnostic {
        let target = self.target.display().to_string();
        let shown = path.display().to_string();
        // Something in the way is said in the editor's words, the system's errors as they are.
        let reason: Arg = match e.get_ref().and_then(|i| i.downcast_ref::<InTheWay>()) {
            Some(in_the_way) => in_the_way.text().into(),
            None => e.to_string().into(),
        };
        let d = if left.is_empty() {
            Diagnostic::error(t!(
                "output-move-in",
                target = target,
                path = &shown,
                reason = reason,
                moved = moved
            ))
        } else {
            let files = listed(left.iter().map(|s| s.to_string()), left.len());
            Diagnostic::error(t!(
                "output-move-in-stuck",
                target = target,
                path = &shown,
                reason = reason,
                count = left.len(),
                files = files
            ))
        };
        let d = d.in_file(shown);
        if e.kind() == io::ErrorKind::Other {
            d.hint(t!("output-move-in.hint-in-the-way"))
        } else {
            d.hint(t!("output-move-in.hint"))
        }
    }
}

/// Replaces `target` (ours, or absent) by the folder `staged`; the old output is kept in a
/// folder owned by this process until the new one is in place.
pub fn swap(staged: &Path, target: &Path, output: &str) -> Result<(), Diagnostic> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staged, target).map_err(|e| super::io_error(target, &e));
    }
    let parent = parent_of(target);
    let old = owner::create(parent, output, Kind::Old).map_err(|e| super::io_error(parent, &e))?;
    let old_site = old.path().join("site");
    fs::rename(target, &old_site).map_err(|e| super::io_error(target, &e))?;
    if let Err(e) = fs::rename(staged, target) {
        // Put the previous site back before reporting.
        let _ = fs::rename(&old_site, target);
        return Err(super::io_error(target, &e));
    }
    // `old` holds only the previous output, which carried our marker.
    remove_tree(&old_site);
    drop(old);
    Ok(())
}
