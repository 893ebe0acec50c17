//! Which folders the tool may write its output into: its own (marked) or an empty one, never
//! the project or its sources, and only through real folders: a link inside the output would
//! send files (and removals) somewhere else.

use std::fs;
use std::path::{Path, PathBuf};

use super::MARKER;
use crate::diag::Diagnostic;
use crate::messages::Text;
use crate::t;

/// How many paths a message lists before it says how many more there are.
const LISTED: usize = 10;

/// Refuses targets that are not ours to replace: folders without our marker (unless empty),
/// files, any folder containing the project itself, and outputs with a link inside.
pub fn check(target: &Path, project_root: &Path) -> Result<(), Diagnostic> {
    let shown = target.display().to_string();
    let abs_target = absolute(target);
    let abs_root = absolute(project_root);
    if abs_root.starts_with(&abs_target) {
        return Err(
            Diagnostic::error(t!("output-contains-project", folder = &shown))
                .in_file(shown)
                .hint(t!("output-contains-project.hint")),
        );
    }
    for source_dir in crate::config::PROJECT_PARTS {
        if abs_target.starts_with(abs_root.join(source_dir)) {
            return Err(Diagnostic::error(t!(
                "output-in-sources",
                folder = &shown,
                part = *source_dir
            ))
            .in_file(shown)
            .hint(t!("output-in-sources.hint")));
        }
    }
    if !target.exists() {
        return Ok(());
    }
    if !target.is_dir() {
        return Err(Diagnostic::error(t!("output-is-file", folder = &shown))
            .in_file(shown)
            .hint(t!("output-is-file.hint")));
    }
    let empty = fs::read_dir(target)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if !empty && !target.join(MARKER).is_file() {
        return Err(Diagnostic::error(t!("output-not-ours", folder = &shown))
            .in_file(shown)
            .hint(t!("output-not-ours.hint")));
    }
    links_inside(target)
}

/// Refuses an output with a symbolic link anywhere inside: the tool writes, replaces and
/// removes files only in folders it created, never through a link (nor what it points to).
fn links_inside(target: &Path) -> Result<(), Diagnostic> {
    let links: Vec<PathBuf> = walkdir::WalkDir::new(target)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path_is_symlink())
        .map(walkdir::DirEntry::into_path)
        .collect();
    let Some(first) = links.first() else {
        return Ok(());
    };
    let show = |p: &PathBuf| match fs::read_link(p) {
        Ok(to) => format!("{} → {}", p.display(), to.display()),
        Err(_) => p.display().to_string(),
    };
    Err(Diagnostic::error(t!(
        "output-links",
        folder = target.display().to_string(),
        count = links.len(),
        links = listed(links.iter().map(show), links.len())
    ))
    .in_file(first.display().to_string())
    .hint(t!("output-links.hint")))
}

/// The first [`LISTED`] of `total` items, then how many more there are, as a message shows
/// them.
pub fn listed(items: impl Iterator<Item = String>, total: usize) -> Text {
    let first: Vec<String> = items.take(LISTED).collect();
    t!(
        "output-listed",
        files = first.join(", "),
        more = total.saturating_sub(LISTED)
    )
}

fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    // Resolve symlinks where the path exists, so two spellings of one folder compare equal.
    fs::canonicalize(&abs).unwrap_or(abs)
}
