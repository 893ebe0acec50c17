//! Which translations are up to date: a translated page is stale when its default-language
//! page was changed in git after it (or has uncommitted changes the translation has not).
//! Git is the editors' record of "when" — no dates to keep by hand.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::model::Site;

/// One translation of one page.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    UpToDate,
    /// The default-language page changed after the translation (unix times).
    Stale {
        original: i64,
        translation: i64,
    },
    Missing,
    /// Not in git (new, or no git here): nothing to compare.
    Unknown,
}

/// A page of the default language and its translations, by language index (0 unused).
#[derive(Debug)]
pub struct Row {
    pub key: String,
    /// Project-relative path of the default-language file.
    pub path: String,
    pub status: Vec<Status>,
    /// Project-relative paths of the translations, where they exist.
    pub paths: Vec<Option<String>>,
}

/// The last change of every file under `content/` per git: committed time, or now for files
/// with uncommitted changes. `None` when git or the repository is missing.
fn last_changes(root: &Path) -> Option<HashMap<String, i64>> {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    // Paths relative to the project even when it is a folder of a larger repository.
    let prefix = git(&["rev-parse", "--show-prefix"])?.trim().to_string();
    let log = git(&[
        "log",
        "--format=%x00%ct",
        "--name-only",
        "--no-renames",
        "--",
        "content",
    ])?;
    let mut changes = HashMap::new();
    let mut time = 0;
    for line in log.lines() {
        if let Some(t) = line.strip_prefix('\0') {
            time = t.trim().parse().unwrap_or(0);
        } else if !line.is_empty() {
            let rel = line.strip_prefix(&prefix).unwrap_or(line).to_string();
            changes.entry(rel).or_insert(time);
        }
    }
    let now = jiff::Timestamp::now().as_second();
    let status = git(&[
        "status",
        "--porcelain",
        "--untracked-files=all",
        "--",
        "content",
    ])?;
    for line in status.lines().filter(|l| l.len() > 3) {
        let rel = line[3..].trim_matches('"');
        let rel = rel.strip_prefix(&prefix).unwrap_or(rel);
        changes.insert(rel.to_string(), now);
    }
    Some(changes)
}

/// The status of every Markdown page of the default language in every other language.
pub fn table(root: &Path, config: &Config, site: &Site) -> (Vec<Row>, bool) {
    let changes = last_changes(root);
    let langs = config.site.languages.len();
    let mut rows = Vec::new();
    for page in site
        .pages
        .iter()
        .filter(|p| p.lang() == 0 && p.src.generated.is_none())
    {
        let path = page.src.source.path.clone();
        let when = |p: &str| changes.as_ref().and_then(|c| c.get(p)).copied();
        let original = when(&path);
        let mut status = vec![Status::UpToDate];
        let mut paths = vec![Some(path.clone())];
        for lang in 1..langs {
            match site
                .translation(&page.key, lang)
                .filter(|t| t.src.generated.is_none())
            {
                None => {
                    status.push(Status::Missing);
                    paths.push(None);
                }
                Some(t) => {
                    let tpath = t.src.source.path.clone();
                    status.push(match (original, when(&tpath)) {
                        (Some(o), Some(t)) if o > t => Status::Stale {
                            original: o,
                            translation: t,
                        },
                        (Some(_), Some(_)) => Status::UpToDate,
                        _ => Status::Unknown,
                    });
                    paths.push(Some(tpath));
                }
            }
        }
        rows.push(Row {
            key: page.key.clone(),
            path,
            status,
            paths,
        });
    }
    (rows, changes.is_some())
}

fn date(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// A warning at each stale translation (for `check`; `--strict` makes them fail).
pub fn warnings(rows: &[Row], config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for row in rows {
        for (lang, s) in row.status.iter().enumerate() {
            if let (
                Status::Stale {
                    original,
                    translation,
                },
                Some(path),
            ) = (s, &row.paths[lang])
            {
                out.push(
                    Diagnostic::warning(format!(
                        "this {} translation may be out of date: {} changed on {}, after it ({})",
                        config.site.languages[lang].name,
                        row.path,
                        date(*original),
                        date(*translation)
                    ))
                    .in_file(path.clone())
                    .hint("bring the translation up to date and commit it; `homestart translations` lists them all"),
                );
            }
        }
    }
    out
}

/// The table as text: one line per page, one column per language.
pub fn render(rows: &[Row], config: &Config, has_git: bool) -> String {
    let langs = &config.site.languages;
    let cell = |s: &Status| match s {
        Status::UpToDate => "ok".to_string(),
        Status::Stale { original, .. } => format!("stale ({})", &date(*original)[..10]),
        Status::Missing => "missing".to_string(),
        Status::Unknown => "?".to_string(),
    };
    let width = rows.iter().map(|r| r.key.len()).max().unwrap_or(4).max(4);
    let mut widths: Vec<usize> = langs.iter().map(|l| l.code.len()).collect();
    for row in rows {
        for (i, s) in row.status.iter().enumerate().skip(1) {
            widths[i] = widths[i].max(cell(s).len());
        }
    }
    let mut out = String::new();
    let _ = write!(out, "{:width$}", "page");
    for (i, l) in langs.iter().enumerate().skip(1) {
        let _ = write!(out, "  {:w$}", l.code, w = widths[i]);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    let mut counts = [0usize; 4];
    for row in rows {
        let _ = write!(out, "{:width$}", row.key);
        for (i, s) in row.status.iter().enumerate().skip(1) {
            let _ = write!(out, "  {:w$}", cell(s), w = widths[i]);
            counts[match s {
                Status::UpToDate => 0,
                Status::Stale { .. } => 1,
                Status::Missing => 2,
                Status::Unknown => 3,
            }] += 1;
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n{} pages in {}: {} up to date, {} stale, {} missing{}",
        rows.len(),
        langs[0].name,
        counts[0],
        counts[1],
        counts[2],
        if counts[3] > 0 {
            format!(", {} not yet in git", counts[3])
        } else {
            String::new()
        }
    );
    if !has_git {
        out.push_str("(no git history here: stale translations cannot be told apart)\n");
    }
    out
}
