//! Watches the project's own folders and sends the changed paths in batches: a batch closes
//! once nothing has changed for a short while, so a save that arrives in pieces (or a
//! checkout that touches a hundred files) makes one build, not many.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// Quiet time that closes a batch.
const SETTLE: Duration = Duration::from_millis(40);

/// The folders a site is made of; site.yaml is watched through the project folder itself.
const DIRS: &[&str] = &["content", "locations", "geo", "templates", "static", "i18n"];

/// Starts watching; the watcher stops when the returned value is dropped.
pub fn start(root: &Path, batches: Sender<Vec<PathBuf>>) -> notify::Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })?;
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for dir in DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut batch = vec![first];
            loop {
                match rx.recv_timeout(SETTLE) {
                    Ok(p) => batch.push(p),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            batch.retain(|p| matters(&root, p));
            batch.sort();
            batch.dedup();
            if !batch.is_empty() && batches.send(batch).is_err() {
                return;
            }
        }
    });
    Ok(watcher)
}

/// Whether a changed path can change the site: files of the project's folders and site.yaml,
/// not editors' swap and backup files.
fn matters(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let scratch = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"; // vim's write test
    if scratch {
        return false;
    }
    match rel.components().next().and_then(|c| c.as_os_str().to_str()) {
        Some(first) if rel.components().count() == 1 => first == crate::config::FILE,
        Some(first) => DIRS.contains(&first),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_own_files_matter() {
        let root = Path::new("/p");
        for yes in [
            "/p/site.yaml",
            "/p/content/nl/over.md",
            "/p/locations/a.yaml",
            "/p/static/css/site.css",
        ] {
            assert!(matters(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/p/public/index.html",
            "/p/target/x",
            "/p/content/nl/.over.md.swp",
            "/p/content/nl/over.md~",
            "/p/content/nl/4913",
            "/p/README.md",
            "/elsewhere/site.yaml",
        ] {
            assert!(!matters(root, Path::new(no)), "{no}");
        }
    }
}
