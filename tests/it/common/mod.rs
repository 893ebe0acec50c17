//! Helpers for integration tests: copy a fixture site to a temporary folder, run the real
//! `homestart` binary on it, and read what it wrote.

pub mod generate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stderr: String,
    pub stdout: String,
}

/// A fixture copied into a temp folder so tests may break it freely.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn fixture(name: &str) -> Site {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&src, dir.path());
        Site { dir }
    }

    /// A fixture completed with the project's own geo/, templates/, i18n/ and static/, so
    /// registry tests exercise the real templates and the real municipal division.
    pub fn with_project(name: &str) -> Site {
        let site = Site::fixture(name);
        let project = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["geo", "templates", "i18n", "static", "fonts"] {
            if !site.root().join(dir).exists() {
                copy_dir(&project.join(dir), &site.root().join(dir));
            }
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        std::fs::write(self.root().join(rel), bytes).unwrap();
    }

    /// Replaces the first `from` in a project file by `to`; the file must contain `from`.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        edit_file(self.root(), rel, from, to);
    }

    /// Adds `text` at the end of a project file.
    pub fn append(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(path, old + text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root().join(rel)).unwrap();
    }

    pub fn build(&self, args: &[&str]) -> Run {
        homestart(self.root(), &[&["build"], args].concat())
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.out().join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }
}

/// The included site, built once per test run into cargo's temp folder for integration tests;
/// the tests that use it only read it.
pub fn included_site() -> &'static Path {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("included-site");
        let _ = std::fs::remove_dir_all(&target);
        let run = homestart(root, &["build", "--out", target.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        target
    })
}

pub fn homestart(root: &Path, args: &[&str]) -> Run {
    // The tests were written in English; the Dutch messages have tests of their own.
    run(root, args, Some("en"))
}

/// `homestart` as an editor runs it: no language chosen in the environment, so site.yaml's
/// (the site's first language, Dutch) decides.
pub fn homestart_as_editor(root: &Path, args: &[&str]) -> Run {
    run(root, args, None)
}

fn run(root: &Path, args: &[&str], lang: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_homestart"));
    match lang {
        Some(lang) => command.env(homestart::messages::lang::ENV, lang),
        None => command.env_remove(homestart::messages::lang::ENV),
    };
    let out = command
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run homestart");
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

/// Replaces the first `from` in a file of the project at `root` (which must hold it).
pub fn edit_file(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(from),
        "{rel} no longer contains {from:?}: update the test's example"
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A copy of the whole project (content, registry, templates, …) to break.
pub fn project_copy() -> tempfile::TempDir {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for part in homestart::config::PROJECT_PARTS {
        copy_dir(&project.join(part), &dir.path().join(part));
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        // A file copied on its own has an empty relative path (`join("")` would add a `/`).
        let target = if rel.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(rel)
        };
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, for byte-for-byte comparisons.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Fails naming the first file that differs between two snapshots (or the file lists).
pub fn assert_same_files(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in a {
        assert!(b[k] == *v, "{k} differs {what}");
    }
}

/// All `href`/`src` values in an HTML document (quoted or unquoted, as minified).
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=", "src="] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let value = if let Some(r) = rest.strip_prefix('"') {
                r.split('"').next().unwrap_or("")
            } else {
                rest.split([' ', '>']).next().unwrap_or("")
            };
            out.push(value.to_string());
        }
    }
    out
}

/// Builds the intact `site`, applies `breakage`, builds again, and checks the failure contract:
/// non-zero exit, "build failed", old output byte-identical, no temporary folders left behind.
/// Returns stderr for the caller's own expectations.
pub fn broken(site: Site, breakage: impl FnOnce(&Site)) -> String {
    let first = site.build(&[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = snapshot(&site.out());
    breakage(&site);
    let run = site.build(&[]);
    assert_ne!(run.code, 0, "build should fail:\n{}", run.stderr);
    assert!(run.stderr.contains("build failed"), "{}", run.stderr);
    assert!(
        snapshot(&site.out()) == before,
        "output changed by a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("homestart") && n != ".homestart-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
    run.stderr
}

pub fn assert_has(stderr: &str, needles: &[&str]) {
    for n in needles {
        assert!(stderr.contains(n), "expected `{n}` in:\n{stderr}");
    }
}
