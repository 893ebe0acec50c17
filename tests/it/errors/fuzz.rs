//! Mutation fuzzing of what editors write: the shipped pages and location files, changed by
//! random edits (syntax tokens of Markdown and YAML inserted, repeated thousands of times,
//! parts deleted or doubled), are read as the build reads them. Whatever the edit, reading
//! must not panic, crash or hang, and every problem must name its file and line.
//!
//! It runs in every `cargo test` with a fixed seed and a bounded number of cases; to search
//! longer: `HOMESTART_FUZZ_CASES=100000 HOMESTART_FUZZ_SEED=7 cargo test --release --test it fuzz`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use homestart::assets::Assets;
use homestart::content::{frontmatter, markdown};
use homestart::diag::{Diagnostic, Source};
use homestart::leaflets::blocks;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// Markdown syntax, YAML syntax and awkward text, to be inserted or repeated.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "](",
    ")",
    "![",
    "<",
    ">",
    "> ",
    "- ",
    "* ",
    "1. ",
    "#",
    "## ",
    "{#",
    "}",
    "{.",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```\n",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "|",
    "---\n",
    "[^1]",
    "[^1]: ",
    "\\",
    "&#106;",
    "&amp;",
    "javascript:",
    "data:",
    "https://",
    "mailto:",
    "<!--",
    "-->",
    "<b>",
    "key: ",
    ": ",
    "{",
    "[",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "|\n",
    ">-\n",
    "'",
    "\"",
    "# ",
    "\n  ",
    "~",
    "null",
    "0x1F",
    "1e999",
    "<<: *a\n",
    "? ",
    "%YAML 1.2\n",
    "é",
    "𝒳",
    "\u{202E}",
    "\u{0}",
    "\u{feff}",
    "\u{85}",
    "ß",
    "İ",
    "ገ",
    "ع",
    "title: ",
    "phone: ",
    "06 12345678",
    "033 657 81 6l",
    "districts:\n",
    "municipality: ",
    "ages: ",
    "0-6",
    "pdf: ",
    "slug: ",
    "date: ",
    "2026-02-30",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, usize),
    Repeat(f64, usize, usize),
    Delete(f64, usize),
    Double(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        4 => (at.clone(), 0..TOKENS.len()).prop_map(|(a, t)| Edit::Insert(a, t)),
        1 => (at.clone(), 0..TOKENS.len(), 2..3000usize).prop_map(|(a, t, n)| Edit::Repeat(a, t, n)),
        2 => (at.clone(), 1..200usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        1 => (at, 1..400usize).prop_map(|(a, n)| Edit::Double(a, n)),
    ]
}

/// The nearest character boundary at or before a fraction of the text.
fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i.min(text.len())
}

fn end_of(text: &str, from: usize, len: usize) -> usize {
    let mut j = (from + len).min(text.len());
    while !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        match *e {
            Edit::Insert(at, t) => s.insert_str(boundary(&s, at), TOKENS[t]),
            Edit::Repeat(at, t, n) => s.insert_str(boundary(&s, at), &TOKENS[t].repeat(n)),
            Edit::Delete(at, n) => {
                let i = boundary(&s, at);
                let j = end_of(&s, i, n);
                s.replace_range(i..j, "");
            }
            Edit::Double(at, n) => {
                let i = boundary(&s, at);
                let j = end_of(&s, i, n);
                let part = s[i..j].to_string();
                s.insert_str(j, &part);
            }
        }
    }
    s
}

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped files of one folder, as (path, text).
fn seeds(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(project().join(dir))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().to_string_lossy().ends_with(ext))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(project())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    assert!(!out.is_empty(), "no seeds in {dir}");
    out.truncate(200);
    out
}

fn runner() -> TestRunner {
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let cases = number("HOMESTART_FUZZ_CASES", 400) as u32;
    let seed = number("HOMESTART_FUZZ_SEED", 2026).to_le_bytes();
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed);
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &key),
    )
}

/// No problem without its file and line; no case that takes seconds.
fn judge(path: &str, diags: &[Diagnostic], took: Duration) -> Result<(), TestCaseError> {
    for d in diags {
        prop_assert!(
            d.path() == Some(path) && d.line() > 0 && d.column() > 0,
            "a problem without its place: {d:?}"
        );
    }
    prop_assert!(took < Duration::from_secs(5), "took {took:?}");
    Ok(())
}

#[test]
fn fuzz_pages_never_panic_and_every_problem_has_its_place() {
    let pages = seeds("content", ".md");
    let assets = Assets::default();
    let links = markdown::Links {
        base_path: "/",
        assets: &assets,
    };
    let base = blocks::LinkBase {
        base_url: "https://example.org/",
    };
    let strategy = (0..pages.len(), prop::collection::vec(edit(), 1..6));
    runner()
        .run(&strategy, |(i, edits)| {
            let (path, text) = &pages[i];
            let src: Arc<Source> = Source::new(path.clone(), apply(text, &edits));
            let start = Instant::now();
            let mut diags = Vec::new();
            let (parsed, front_errors) = frontmatter::parse(&src);
            diags.extend(front_errors);
            if let Some(parsed) = parsed {
                let html = markdown::render(&src, parsed.body_start, &links, &mut diags).html;
                let (_, more) = blocks::parse(&src, parsed.body_start, &base);
                diags.extend(more);
                if diags.iter().all(|d| !d.is_error()) {
                    // What the build does next with a page it accepts (the minifier
                    // recurses over the element tree).
                    minify_html::minify(html.as_bytes(), &minify_html::Cfg::default());
                }
            }
            judge(path, &diags, start.elapsed())
        })
        .unwrap();
}

#[test]
fn fuzz_location_files_never_panic_and_every_problem_has_its_place() {
    let files = seeds("locations", ".yaml");
    let geo = homestart::geo::load(project()).unwrap();
    let strategy = (0..files.len(), prop::collection::vec(edit(), 1..6));
    runner()
        .run(&strategy, |(i, edits)| {
            let (path, text) = &files[i];
            let src = Source::new(path.clone(), apply(text, &edits));
            let start = Instant::now();
            let (_, diags) = homestart::locations::check::file(src, &geo);
            judge(path, &diags, start.elapsed())
        })
        .unwrap();
}

/// The whole check (model, links, translations, registry, leaflets) on a small project with
/// one page or location file edited: fewer cases, since each reads a whole project.
#[test]
fn fuzz_whole_check_never_panics_and_every_problem_has_its_place() {
    let site = crate::common::Site::with_project("leaflets");
    let root = site.root().to_path_buf();
    let mut files: Vec<(String, String)> = [
        "content/nl/folder.md",
        "content/en/folder.md",
        "locations/utrecht-oost.yaml",
        "site.yaml",
    ]
    .iter()
    .filter_map(|rel| {
        Some((
            rel.to_string(),
            std::fs::read_to_string(root.join(rel)).ok()?,
        ))
    })
    .collect();
    files.retain(|(_, t)| !t.is_empty());
    let mut config = runner();
    let cases = (config.config().cases / 8).max(20);
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        config.new_rng(),
    );
    let strategy = (0..files.len(), prop::collection::vec(edit(), 1..4));
    runner
        .run(&strategy, |(i, edits)| {
            let (rel, text) = &files[i];
            std::fs::write(root.join(rel), apply(text, &edits)).unwrap();
            let start = Instant::now();
            let diags = homestart::pipeline::check(&homestart::pipeline::Options::at(root.clone()));
            std::fs::write(root.join(rel), text).unwrap();
            let took = start.elapsed();
            // Every error names its file or folder; one in the edited file, its line too (an
            // error about a folder, such as a language folder site.yaml no longer lists, has
            // no line to name).
            for d in diags.sorted().into_iter().filter(|d| d.is_error()) {
                prop_assert!(
                    d.path().is_some() && (d.line() > 0 || d.path() != Some(rel.as_str())),
                    "a problem without its place after editing {rel}: {d:?}"
                );
            }
            prop_assert!(took < Duration::from_secs(20), "took {took:?}");
            Ok(())
        })
        .unwrap();
}
