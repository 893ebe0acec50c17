//! Content-addressed store of finished leaflets: the key hashes everything a PDF is made from
//! (the tool's build, template, fonts, path and data), so an entry is never stale; a build reuses
//! the PDFs whose key it finds and typesets only the rest.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The key of one leaflet: 64 hex digits.
pub fn key(typesetter: &blake3::Hash, path: &str, data: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(typesetter.as_bytes());
    h.update(path.as_bytes());
    h.update(&[0]);
    h.update(data.as_bytes());
    h.finalize().to_hex().to_string()
}

/// A leaflet just typeset: its site-relative path, the hash of its bytes and their length
/// (the bytes themselves are in the output by the time they are stored).
type Fresh = (String, String, u64);

/// In memory (for `serve`) and, when given a folder, on disk (between builds). On disk an
/// entry is a hard link to the PDF a build published (no byte is written twice), named
/// `<key>-<hash of its bytes>.pdf` and checked against that hash when read, so a published
/// file changed in place is never served. A cache that cannot be read or written only makes
/// the build slower, never wrong.
#[derive(Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    memory: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    /// Whether leaflets are kept in `memory` (`serve`, which builds again and again); a build
    /// that runs once keeps none, so its memory does not grow with the number of leaflets.
    in_memory: std::sync::atomic::AtomicBool,
    /// The folder's entries by key (path, hash of the bytes), listed when first needed.
    listing: OnceLock<HashMap<String, (PathBuf, String)>>,
    /// Leaflets typeset since the last prune, not yet on disk.
    fresh: Mutex<HashMap<String, Fresh>>,
    used: Mutex<BTreeSet<String>>,
    hits: AtomicUsize,
}

impl Cache {
    /// A cache kept in `dir` (created when first written), and in memory until
    /// [`Cache::once`] says the process builds only once.
    pub fn on_disk(dir: PathBuf) -> Self {
        Cache {
            dir: Some(dir),
            in_memory: true.into(),
            ..Cache::default()
        }
    }

    /// For a process that builds once: keeps no leaflet in memory.
    pub fn once(&self) {
        self.in_memory.store(false, Ordering::Relaxed);
    }

    pub fn get(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        let bytes = self.lookup(key)?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(bytes)
    }

    /// Counts a leaflet that is already in place as used and unchanged, without reading it.
    pub fn keep(&self, key: &str) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(key.to_string());
        }
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// Leaflets asked for since the last prune, and how many of them were found.
    pub fn counts(&self) -> (usize, usize) {
        let used = self.used.lock().map_or(0, |u| u.len());
        (used, self.hits.load(Ordering::Relaxed))
    }

    fn lookup(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        self.used.lock().ok()?.insert(key.to_string());
        if let Some(b) = self.memory.lock().ok()?.get(key) {
            return Some(b.clone());
        }
        let (path, hash) = self.listing().get(key)?;
        let bytes = std::fs::read(path).ok()?;
        if *hash != content_hash(&bytes) {
            return None; // changed since it was published
        }
        let bytes = Arc::new(bytes);
        self.remember(key, &bytes);
        Some(bytes)
    }

    fn listing(&self) -> &HashMap<String, (PathBuf, String)> {
        self.listing.get_or_init(|| {
            self.own_files()
                .into_iter()
                .filter_map(|(path, key, hash)| Some((key, (path, hash?))))
                .collect()
        })
    }

    /// The cache's files in its folder: path, key and content hash (`None` for the earlier
    /// layout, `<key>.pdf`). Nothing else in the folder is the cache's.
    fn own_files(&self) -> Vec<(PathBuf, String, Option<String>)> {
        let Some(entries) = self.dir.as_ref().and_then(|d| std::fs::read_dir(d).ok()) else {
            return Vec::new();
        };
        let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
        entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let stem = name.strip_suffix(".pdf")?;
                let (key, hash) = match stem.split_once('-') {
                    Some((k, h)) if hex(h, 32) => (k, Some(h.to_string())),
                    Some(_) => return None,
                    None => (stem, None),
                };
                hex(key, 64).then(|| (e.path(), key.to_string(), hash))
            })
            .collect()
    }

    /// Notes a leaflet just typeset for `path` (site-relative), to be stored by `publish`.
    pub fn put(&self, key: &str, path: &str, bytes: &Arc<Vec<u8>>) {
        self.remember(key, bytes);
        if self.dir.is_some()
            && let Ok(mut fresh) = self.fresh.lock()
        {
            fresh.insert(
                key.to_string(),
                (path.to_string(), content_hash(bytes), bytes.len() as u64),
            );
        }
    }

    fn remember(&self, key: &str, bytes: &Arc<Vec<u8>>) {
        if (self.dir.is_none() || self.in_memory.load(Ordering::Relaxed))
            && let Ok(mut m) = self.memory.lock()
        {
            m.insert(key.to_string(), bytes.clone());
        }
    }

    /// Stores the leaflets typeset by this build, once it is published in `out`: each as a
    /// hard link to its published file, or as a copy where that cannot be (another disk).
    pub fn publish(&self, out: &Path) {
        let (Some(dir), Ok(mut fresh)) = (self.dir.as_ref(), self.fresh.lock()) else {
            return;
        };
        if fresh.is_empty() || std::fs::create_dir_all(dir).is_err() {
            return;
        }
        for (key, (path, hash, len)) in fresh.drain() {
            let entry = dir.join(format!("{key}-{hash}.pdf"));
            if entry.exists() {
                continue;
            }
            let published = out.join(&path);
            if !std::fs::metadata(&published).is_ok_and(|m| m.is_file() && m.len() == len) {
                continue; // not published as made: nothing to store
            }
            if std::fs::hard_link(&published, &entry).is_err() {
                // Another disk: a copy, stored only when its bytes are the leaflet's.
                if let Ok(bytes) = std::fs::read(&published)
                    && content_hash(&bytes) == hash
                {
                    let _ = crate::output::replace_file(&entry, &bytes);
                }
            }
        }
    }

    /// Forgets what the last build did not use: in memory, and (`disk`) the cache's own files
    /// in its folder; nothing else in the folder is touched.
    pub fn prune(&self, disk: bool) {
        let Ok(mut used) = self.used.lock() else {
            return;
        };
        if let Ok(mut m) = self.memory.lock() {
            m.retain(|k, _| used.contains(k));
        }
        if disk {
            for (path, key, hash) in self.own_files() {
                if hash.is_none() || !used.contains(&key) {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.clear();
        }
        used.clear();
        self.hits.store(0, Ordering::Relaxed);
    }
}

/// 32 hex digits of the BLAKE3 hash of a file's bytes.
fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_leaflets_are_linked_checked_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let (folder, out) = (dir.path().join("pdf"), dir.path().join("public"));
        let digest = blake3::hash(b"t");
        let (a, b) = (
            key(&digest, "pdf/a.pdf", "{}"),
            key(&digest, "pdf/b.pdf", "{}"),
        );
        assert_ne!(a, b);
        assert_eq!(a, key(&digest, "pdf/a.pdf", "{}"));
        let cache = Cache::on_disk(folder.clone());
        let (pa, pb) = (Arc::new(b"%PDF-a".to_vec()), Arc::new(b"%PDF-b".to_vec()));
        cache.put(&a, "pdf/a.pdf", &pa);
        cache.put(&b, "pdf/b.pdf", &pb);
        // Published: `a` in the output folder, `b` not (say, a failed build): only `a` stored.
        std::fs::create_dir_all(out.join("pdf")).unwrap();
        std::fs::write(out.join("pdf/a.pdf"), pa.as_slice()).unwrap();
        cache.publish(&out);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("notes.pdf"), "mine").unwrap();
        std::fs::write(folder.join(format!("{b}.pdf")), "earlier layout").unwrap();
        let entry = |k: &str, bytes: &[u8]| folder.join(format!("{k}-{}.pdf", content_hash(bytes)));
        {
            use std::os::unix::fs::MetadataExt;
            let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
            assert_eq!(
                inode(&entry(&a, &pa)),
                inode(&out.join("pdf/a.pdf")),
                "a hard link"
            );
        }
        assert!(!entry(&b, &pb).exists(), "not published, not stored");
        // A new process: only the disk remains; a build that uses only `a` drops `b`.
        let cache = Cache::on_disk(folder.clone());
        assert_eq!(cache.get(&a).unwrap().as_slice(), b"%PDF-a");
        cache.prune(true);
        assert!(entry(&a, &pa).exists());
        assert!(!entry(&b, &pb).exists());
        assert!(
            !folder.join(format!("{b}.pdf")).exists(),
            "earlier layout removed"
        );
        assert!(folder.join("notes.pdf").exists(), "not the cache's file");
        // The published file changed in place (so the linked entry too): not served.
        std::fs::write(out.join("pdf/a.pdf"), "%PDF-edited").unwrap();
        assert!(Cache::on_disk(folder.clone()).get(&a).is_none());
    }
}
