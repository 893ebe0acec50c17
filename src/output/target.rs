//! Which folders the tool may write its output into: its own (marked) or an empty one, never
//! the project or its sources, and only through real folders: a link inside the output would
//! send files (and removals) somewhere else.

use std::fs;
use std::path::{Path, PathBuf};

use super::MARKER;
use crate::diag::Diagnostic;

/// How many paths a message lists before it says how many more there are.
pub const LISTED: usize = 10;

/// Refuses targets that are not ours to replace: folders without our marker (unless empty),
/// files, any folder containing the project itself, and outputs with a link inside.
pub fn check(target: &Path, project_root: &Path) -> Result<(), Diagnostic> {
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
    let mut listed: Vec<String> = links.iter().take(LISTED).map(show).collect();
    if links.len() > LISTED {
        listed.push(format!("and {} more", links.len() - LISTED));
    }
    Err(Diagnostic::error(format!(
        "output folder {} has {} inside: {}",
        target.display(),
        if links.len() == 1 { "a symbolic link".to_string() } else { format!("{} symbolic links", links.len()) },
        listed.join(", ")
    ))
    .in_file(first.display().to_string())
    .hint("homestart writes only into folders it created, never through a link: remove the link (what it points to is not touched) and build again"))
}

fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    // Resolve symlinks where the path exists, so two spellings of one folder compare equal.
    fs::canonicalize(&abs).unwrap_or(abs)
}
