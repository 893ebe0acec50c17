//! The manifest in the output's marker file: every file the last build wrote, with a hash of
//! its bytes, its length, how the disk showed it (stat) and a fingerprint of what it was made
//! from. Before a move-in changes any file the marker is rewritten as a journal (old and new
//! paths, no stat), so a build after a crash neither trusts a stat nor forgets a file.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// First line of every marker file.
pub const MARKER_TEXT: &str = "This folder was written by `homestart build`; the next build updates the files listed below.\n";

/// Second line of a finished build's marker.
const COMPLETE: &str = "# hash length stat made-from path";
/// Second line of a marker written while files were being moved in: each listed file may
/// hold the old or the new bytes.
const JOURNAL: &str =
    "# move-in in progress, files may be old or new: hash length stat made-from path";
/// Second line of the marker of earlier versions (no stat): read like a journal, so the first
/// build after an upgrade checks each file's bytes instead of replacing the whole folder.
const WITHOUT_STAT: &str = "# hash length made-from path";

/// One file: hash of its bytes (128 bits, hex), length, stat when it was last seen settled,
/// and the fingerprint of what it was made from (`-` when not known).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub hash: String,
    pub len: u64,
    pub stat: Option<Stat>,
    pub made_from: String,
}

/// What changes whenever a file's bytes are changed or another file is renamed in its place
/// (git's approach): inode, modification and change time in nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    ino: u64,
    mtime: i128,
    ctime: i128,
}

impl Stat {
    #[cfg(unix)]
    fn of(meta: &fs::Metadata) -> Option<Stat> {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Some(Stat {
            ino: meta.ino(),
            mtime: ns(meta.mtime(), meta.mtime_nsec()),
            ctime: ns(meta.ctime(), meta.ctime_nsec()),
        })
    }

    #[cfg(not(unix))]
    fn of(_: &fs::Metadata) -> Option<Stat> {
        None // no change time: every file is verified by its hash
    }
}

/// The manifest of a marker file. A journal's entries carry no stat: each file is verified by
/// its bytes.
#[derive(Debug, Default)]
pub struct Manifest {
    pub entries: HashMap<String, Entry>,
}

/// The hash the manifest keeps of a file's bytes.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

/// Whether `path` holds exactly the bytes of `entry`: by its stat when the manifest recorded
/// one and it still matches, else by reading and hashing it. A link or a folder never does.
/// Returns the stat to record, which is kept only for a file whose last change is older than
/// `settled_before` (ns since the epoch): a change made later always shows in its stat.
pub fn verify(path: &Path, entry: &Entry, settled_before: i128) -> Option<Option<Stat>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() || meta.len() != entry.len {
        return None;
    }
    let stat = Stat::of(&meta);
    if entry.stat.is_none() || entry.stat != stat {
        let bytes = fs::read(path).ok()?;
        if hash(&bytes) != entry.hash {
            return None;
        }
    }
    Some(stat.filter(|s| s.ctime < settled_before))
}

/// The marker text listing `entries` (sorted by path): a finished build's, or a journal.
pub fn text<'a>(entries: impl Iterator<Item = (&'a str, &'a Entry)>, complete: bool) -> String {
    let mut text = format!(
        "{MARKER_TEXT}{}\n",
        if complete { COMPLETE } else { JOURNAL }
    );
    for (rel, e) in entries {
        let stat = e.stat.filter(|_| complete).map_or_else(
            || "-".to_string(),
            |s| format!("{}:{}:{}", s.ino, s.mtime, s.ctime),
        );
        text.push_str(&format!(
            "{} {} {stat} {} {rel}\n",
            e.hash, e.len, e.made_from
        ));
    }
    text
}

/// The manifest in a marker file; `None` for markers of older versions (another format).
pub fn read(text: &str) -> Option<Manifest> {
    let mut lines = text.lines();
    if lines.next()? != MARKER_TEXT.trim_end() {
        return None;
    }
    let (complete, with_stat) = match lines.next()? {
        COMPLETE => (true, true),
        JOURNAL => (false, true),
        WITHOUT_STAT => (false, false),
        _ => return None,
    };
    let mut entries = HashMap::new();
    for line in lines {
        let mut parts = line.splitn(if with_stat { 5 } else { 4 }, ' ');
        let (hash, len) = (parts.next()?, parts.next()?);
        let stat = if with_stat { parts.next()? } else { "-" };
        let (made_from, rel) = (parts.next()?, parts.next()?);
        // Only plain site-relative paths: never anything that leads outside the folder.
        if rel.is_empty()
            || rel.starts_with('/')
            || rel
                .split('/')
                .any(|s| s == ".." || s == "." || s.is_empty())
        {
            return None;
        }
        let stat = match stat {
            "-" => None,
            s => Some(read_stat(s)?),
        };
        let entry = Entry {
            hash: hash.to_string(),
            len: len.parse().ok()?,
            stat: stat.filter(|_| complete),
            made_from: made_from.to_string(),
        };
        entries.insert(rel.to_string(), entry);
    }
    Some(Manifest { entries })
}

fn read_stat(s: &str) -> Option<Stat> {
    let mut parts = s.split(':');
    Some(Stat {
        ino: parts.next()?.parse().ok()?,
        mtime: parts.next()?.parse().ok()?,
        ctime: parts.next()?.parse().ok()?,
    })
}

/// The stat `verify` would record for `path` now (tests).
#[cfg(test)]
pub fn stat_of(path: &Path) -> std::io::Result<Option<Stat>> {
    Ok(Stat::of(&fs::symlink_metadata(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(bytes: &[u8], stat: Option<Stat>) -> Entry {
        Entry {
            hash: hash(bytes),
            len: bytes.len() as u64,
            stat,
            made_from: "-".into(),
        }
    }

    #[test]
    fn round_trip_and_refusals() {
        let e = entry(
            b"x",
            Some(Stat {
                ino: 7,
                mtime: -3,
                ctime: 12,
            }),
        );
        let text = text([("a/index.html", &e)].into_iter(), true);
        let m = read(&text).unwrap();
        assert_eq!(m.entries["a/index.html"], e);
        // A journal keeps no stat: every file it lists is verified by its bytes.
        let m = read(&super::text([("a b.html", &e)].into_iter(), false)).unwrap();
        assert_eq!(m.entries["a b.html"].stat, None);
        // Paths that lead outside the folder, the oldest format: not trusted.
        assert!(read(&format!("{MARKER_TEXT}{COMPLETE}\n00 1 - - ../x")).is_none());
        assert!(read(&format!("{MARKER_TEXT}00 1 a/index.html")).is_none());
        // The previous version's manifest: kept, without stat.
        let m = read(&format!("{MARKER_TEXT}{WITHOUT_STAT}\n00 1 ab a b.html")).unwrap();
        let e = &m.entries["a b.html"];
        assert_eq!(
            (e.hash.as_str(), e.len, e.stat, e.made_from.as_str()),
            ("00", 1, None, "ab")
        );
    }

    #[test]
    fn verify_reads_the_bytes_unless_a_recorded_stat_still_matches() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        fs::write(&path, "old!").unwrap();
        let old = entry(b"old!", None);
        let now = i128::MAX;
        let stat = verify(&path, &old, now).unwrap();
        assert_eq!(stat, stat_of(&path).unwrap());
        // Same length, other bytes: caught by the hash, and by the stat once recorded.
        fs::write(&path, "new!").unwrap();
        assert!(verify(&path, &old, now).is_none());
        assert!(verify(&path, &entry(b"old!", stat), now).is_none());
        // A matching stat is trusted without reading (this is what makes it cheap).
        let trusted = Entry {
            stat: stat_of(&path).unwrap(),
            ..old.clone()
        };
        assert!(verify(&path, &trusted, now).is_some());
        // A file changed after `settled_before` gets no stat recorded.
        assert_eq!(verify(&path, &entry(b"new!", None), 0), Some(None));
        // A link to the right bytes is not the file.
        let elsewhere = dir.path().join("elsewhere");
        fs::write(&elsewhere, "new!").unwrap();
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
        assert!(verify(&path, &entry(b"new!", None), now).is_none());
    }
}
