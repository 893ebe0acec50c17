//! Content-addressed store of finished leaflets: the key hashes everything a PDF is made from
//! (typst version, template, fonts, path and data), so an entry is never stale; a build reuses
//! the PDFs whose key it finds and typesets only the rest.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The key of one leaflet: 64 hex digits.
pub fn key(typesetter: &blake3::Hash, path: &str, data: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(typesetter.as_bytes());
    h.update(path.as_bytes());
    h.update(&[0]);
    h.update(data.as_bytes());
    h.finalize().to_hex().to_string()
}

/// In memory (for `serve`) and, when given a folder, on disk (between builds). A cache that
/// cannot be read or written only makes the build slower, never wrong.
#[derive(Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    memory: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    used: Mutex<BTreeSet<String>>,
    hits: AtomicUsize,
}

impl Cache {
    /// A cache kept in `dir` (created when first written).
    pub fn on_disk(dir: PathBuf) -> Self {
        Cache {
            dir: Some(dir),
            ..Cache::default()
        }
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
        let dir = self.dir.as_ref()?;
        let bytes = Arc::new(std::fs::read(dir.join(format!("{key}.pdf"))).ok()?);
        // Only a complete PDF was ever stored (written aside, then renamed).
        if !bytes.starts_with(b"%PDF-") {
            return None;
        }
        self.remember(key, &bytes);
        Some(bytes)
    }

    pub fn put(&self, key: &str, bytes: &Arc<Vec<u8>>) {
        self.remember(key, bytes);
        if let Some(dir) = &self.dir
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = crate::output::replace_file(&dir.join(format!("{key}.pdf")), bytes);
        }
    }

    fn remember(&self, key: &str, bytes: &Arc<Vec<u8>>) {
        if let Ok(mut m) = self.memory.lock() {
            m.insert(key.to_string(), bytes.clone());
        }
    }

    /// Forgets what the last build did not use: in memory, and (`disk`) the cache's own files
    /// in its folder (64 hex digits + `.pdf`); nothing else in the folder is touched.
    pub fn prune(&self, disk: bool) {
        let Ok(mut used) = self.used.lock() else {
            return;
        };
        if let Ok(mut m) = self.memory.lock() {
            m.retain(|k, _| used.contains(k));
        }
        if let Some(dir) = self.dir.as_ref().filter(|_| disk)
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for e in entries.flatten() {
                let name = e.file_name();
                let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".pdf")) else {
                    continue;
                };
                let ours = stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit());
                if ours && !used.contains(stem) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        used.clear();
        self.hits.store(0, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_round_trip_and_prune_touch_only_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::on_disk(dir.path().join("pdf"));
        let digest = blake3::hash(b"t");
        let (a, b) = (
            key(&digest, "pdf/a.pdf", "{}"),
            key(&digest, "pdf/b.pdf", "{}"),
        );
        assert_ne!(a, b);
        assert_eq!(a, key(&digest, "pdf/a.pdf", "{}"));
        cache.put(&a, &Arc::new(b"%PDF-a".to_vec()));
        cache.put(&b, &Arc::new(b"%PDF-b".to_vec()));
        std::fs::write(dir.path().join("pdf/notes.pdf"), "mine").unwrap();
        // A new process: only the disk remains.
        let cache = Cache::on_disk(dir.path().join("pdf"));
        assert_eq!(cache.get(&a).unwrap().as_slice(), b"%PDF-a");
        cache.prune(true);
        assert!(dir.path().join(format!("pdf/{a}.pdf")).exists());
        assert!(!dir.path().join(format!("pdf/{b}.pdf")).exists());
        assert!(
            dir.path().join("pdf/notes.pdf").exists(),
            "not the cache's file"
        );
        // A truncated entry is not served.
        std::fs::write(dir.path().join(format!("pdf/{b}.pdf")), "%PD").unwrap();
        assert!(cache.get(&b).is_none());
    }
}
