//! The folders a build keeps beside the output (the staging folder, the old output while a new
//! one is swapped in) are named after the process that made them and hold a file saying so.
//! A later build removes those whose process is gone (crashed, killed), never one of a build
//! still running. A process is named by its id and its start time, which tells a live owner
//! from a later process that got the same id.

use std::fs;
use std::io;
use std::path::Path;

/// The file inside an owned folder naming its process.
const OWNER_FILE: &str = "owner";

/// What an owned folder is for; part of its name (and of the `.gitignore` patterns).
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A build's new files: `.<output>.homestart-tmp-<pid>-<start>-<random>`.
    Staging,
    /// The previous output while a new one is swapped in: `.<output>.homestart-old-…`.
    Old,
}

impl Kind {
    fn prefix(self, output: &str) -> String {
        let kind = match self {
            Kind::Staging => "tmp",
            Kind::Old => "old",
        };
        format!(".{output}.homestart-{kind}-")
    }
}

/// A running process: its id and when it started (clock ticks after boot; 0 where unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Process {
    pid: u32,
    start: u64,
}

impl Process {
    fn current() -> Process {
        let pid = std::process::id();
        Process {
            pid,
            start: start_time(pid).unwrap_or(0),
        }
    }

    /// Whether this process still runs. Where that cannot be known, it is taken to run.
    fn alive(self) -> bool {
        // Without /proc (another system, or not mounted) nothing can be known.
        if !cfg!(target_os = "linux") || !Path::new("/proc/self/stat").is_file() {
            return true;
        }
        match fs::read_to_string(format!("/proc/{}/stat", self.pid)) {
            // A killed process not yet reaped by its parent (a zombie) has ended too.
            Ok(stat) => parse_start(&stat) == Some(self.start) && !ended(&stat),
            Err(e) => e.kind() != io::ErrorKind::NotFound,
        }
    }
}

/// Field 22 of `/proc/<pid>/stat`, counted after the command name (which may hold spaces
/// and parentheses, so it is skipped up to the last `)`).
fn parse_start(stat: &str) -> Option<u64> {
    let (_, rest) = stat.rsplit_once(')')?;
    rest.split_whitespace().nth(19)?.parse().ok()
}

/// Field 3, the state: a zombie (`Z`) or dead (`X`, `x`) process runs no more.
fn ended(stat: &str) -> bool {
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .is_some_and(|state| matches!(state, "Z" | "X" | "x"))
}

fn start_time(pid: u32) -> Option<u64> {
    parse_start(&fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

/// Creates a folder of `kind` for `output` in `parent`, owned by this process; removed when
/// the returned value is dropped.
pub fn create(parent: &Path, output: &str, kind: Kind) -> io::Result<tempfile::TempDir> {
    let me = Process::current();
    let dir = tempfile::Builder::new()
        .prefix(&format!("{}{}-{}-", kind.prefix(output), me.pid, me.start))
        .tempdir_in(parent)?;
    fs::write(
        dir.path().join(OWNER_FILE),
        format!(
            "Made by `homestart build`, process {} (started at tick {}); the next build removes this folder once that process is gone.\n",
            me.pid, me.start
        ),
    )?;
    Ok(dir)
}

/// Removes the folders of `output` in `parent` whose process is gone; returns how many. A
/// folder is only removed when it holds its owner file (or nothing): one of ours.
pub fn sweep(parent: &Path, output: &str) -> usize {
    let Ok(entries) = fs::read_dir(parent) else {
        return 0;
    };
    let prefixes = [Kind::Staging.prefix(output), Kind::Old.prefix(output)];
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(owner) = prefixes
            .iter()
            .find_map(|p| name.strip_prefix(p.as_str()))
            .and_then(parse_owner)
        else {
            continue;
        };
        let path = entry.path();
        let ours = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
            && (path.join(OWNER_FILE).is_file()
                || fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none()));
        if ours && !owner.alive() {
            super::files::remove_tree(&path);
            removed += usize::from(!path.exists());
        }
    }
    removed
}

/// `<pid>-<start>-<random>` after the prefix.
fn parse_owner(rest: &str) -> Option<Process> {
    let mut parts = rest.splitn(3, '-');
    Some(Process {
        pid: parts.next()?.parse().ok()?,
        start: parts.next()?.parse().ok()?,
    })
    .filter(|_| parts.next().is_some_and(|r| !r.is_empty()))
}

/// Holds the lock that lets one build at a time write the outputs of a folder: a lock on the
/// folder itself, which the system releases when the process ends, however it ends.
pub struct Lock {
    _dir: Option<fs::File>,
}

/// Takes the lock of `parent`; `Err` when another build holds it. Where a folder cannot be
/// locked (not a Unix system), builds are not kept apart.
pub fn lock(parent: &Path) -> Result<Lock, ()> {
    let Ok(dir) = fs::File::open(parent) else {
        return Ok(Lock { _dir: None });
    };
    match dir.try_lock() {
        Ok(()) => Ok(Lock { _dir: Some(dir) }),
        Err(fs::TryLockError::WouldBlock) => Err(()),
        Err(fs::TryLockError::Error(_)) => Ok(Lock { _dir: None }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_process_start() {
        let stat = "123 (a) b (c)) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 4242 19 20";
        assert_eq!(parse_start(stat), Some(4242));
        assert!(!ended(stat) && ended(&stat.replace(") S ", ") Z ")));
        assert!(Process::current().alive());
        assert_ne!(Process::current().start, 0, "known on Linux");
        assert_eq!(
            parse_owner("12-34-abcdef"),
            Some(Process { pid: 12, start: 34 })
        );
        assert_eq!(parse_owner("abcdef"), None, "an older version's name");
        assert_eq!(parse_owner("12-34-"), None);
    }

    #[test]
    fn dead_owners_folders_are_removed_live_ones_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let parent = tmp.path();
        let live = create(parent, "public", Kind::Staging).unwrap();
        fs::write(live.path().join("page.html"), "x").unwrap();
        // A crashed build: the same process id, started at another time (id reused).
        let me = Process::current();
        let dead = |kind: Kind, tag: &str| {
            let p = parent.join(format!(
                "{}{}-{}-{tag}",
                kind.prefix("public"),
                me.pid,
                me.start + 1
            ));
            fs::create_dir_all(p.join("site/a")).unwrap();
            fs::write(p.join(OWNER_FILE), "").unwrap();
            p
        };
        let (crashed, swapped) = (dead(Kind::Staging, "x1"), dead(Kind::Old, "x2"));
        // Not ours: no owner file; another output's.
        let foreign = parent.join(format!(
            "{}{}-{}-x3",
            Kind::Staging.prefix("public"),
            me.pid,
            me.start + 1
        ));
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "mine").unwrap();
        let other = parent.join(format!(
            "{}{}-{}-x4",
            Kind::Staging.prefix("site"),
            me.pid,
            me.start + 1
        ));
        fs::create_dir_all(&other).unwrap();
        assert_eq!(sweep(parent, "public"), 2);
        assert!(!crashed.exists() && !swapped.exists());
        assert!(
            live.path().join("page.html").is_file(),
            "a live owner's folder is kept"
        );
        assert!(foreign.join("notes.txt").is_file() && other.exists());
    }

    #[test]
    fn one_build_at_a_time() {
        let tmp = tempfile::tempdir().unwrap();
        let first = lock(tmp.path()).unwrap();
        assert!(lock(tmp.path()).is_err());
        drop(first);
        assert!(lock(tmp.path()).is_ok());
    }
}
