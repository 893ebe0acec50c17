//! Which translations are up to date. Each translation records in `translated_from:` the
//! version of the default-language page it was made from; the version is a short hash of that
//! page's title, description, menu title and text. When the original changes, its version
//! changes, and every translation still naming the old one is outdated: the build warns, and
//! the page itself says (discreetly) that a newer original exists.

use std::fmt::Write as _;
use std::path::Path;

use crate::config::{Config, DEFAULT_LANG};
use crate::content::SourcePage;
use crate::diag::Diagnostic;
use crate::model::Site;

/// One translation of one page.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    UpToDate,
    /// Made from an older version of the original.
    Outdated,
    /// Does not say which version it was made from.
    Unmarked,
    Missing,
}

/// A page of the default language and its translations, by language index (the default
/// language: the page itself).
#[derive(Debug)]
pub struct Row {
    pub key: String,
    /// Project-relative path of the default-language file.
    pub path: String,
    /// The original's current version.
    pub version: String,
    pub status: Vec<Status>,
    /// Project-relative paths of the translations, where they exist.
    pub paths: Vec<Option<String>>,
}

/// The version of a page's translatable text: 8 hex digits of a BLAKE3 hash. Line endings are
/// made `\n` first: an editor or git on Windows that saves CRLF has not changed the text, and
/// its translations must not be reported outdated. (LF-only text hashes as it always did.)
pub fn version(page: &SourcePage) -> String {
    let f = &page.front;
    let body = page.source.text.get(page.yaml.end..).unwrap_or("");
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let mut h = blake3::Hasher::new();
    for part in [
        f.title.as_str(),
        f.description.as_deref().unwrap_or(""),
        f.menu_title.as_deref().unwrap_or(""),
        body.trim(),
    ] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..8].to_string()
}

/// The status of every Markdown page of the default language in every other language.
pub fn table(config: &Config, site: &Site) -> Vec<Row> {
    let langs = config.site.languages.len();
    let mut rows = Vec::new();
    for page in site
        .pages
        .iter()
        .filter(|p| p.lang() == DEFAULT_LANG && p.src.generated.is_none())
    {
        let version = version(&page.src);
        let mut status = Vec::with_capacity(langs);
        let mut paths = Vec::with_capacity(langs);
        for lang in 0..langs {
            if lang == DEFAULT_LANG {
                status.push(Status::UpToDate);
                paths.push(Some(page.src.source.path.clone()));
                continue;
            }
            match site
                .translation(&page.key, lang)
                .filter(|t| t.src.generated.is_none())
            {
                None => {
                    status.push(Status::Missing);
                    paths.push(None);
                }
                Some(t) => {
                    status.push(match &t.src.front.translated_from {
                        None => Status::Unmarked,
                        Some(v) if *v == version => Status::UpToDate,
                        Some(_) => Status::Outdated,
                    });
                    paths.push(Some(t.src.source.path.clone()));
                }
            }
        }
        rows.push(Row {
            key: page.key.clone(),
            path: page.src.source.path.clone(),
            version,
            status,
            paths,
        });
    }
    rows
}

/// Marks outdated translations in the site (their pages show a notice) and returns a warning
/// for each translation that is outdated or does not say what it was made from.
pub fn mark(config: &Config, site: &mut Site) -> Vec<Diagnostic> {
    let rows = table(config, site);
    let mut out = Vec::new();
    for row in &rows {
        for (lang, status) in row.status.iter().enumerate() {
            let Some(path) = &row.paths[lang] else {
                continue;
            };
            let d = match status {
                Status::Outdated => Diagnostic::warning(format!(
                    "this translation was made from an older version of {}",
                    row.path
                ))
                .hint(format!(
                    "bring it up to date with {}, then set `translated_from: {}` (or run `homestart translations --mark {path}`)",
                    row.path, row.version
                )),
                Status::Unmarked => Diagnostic::warning(format!(
                    "this translation does not say which version of {} it was made from",
                    row.path
                ))
                .hint(format!(
                    "if it matches the current text, add `translated_from: {}` to its front matter (or run `homestart translations --mark {path}`)",
                    row.version
                )),
                _ => continue,
            };
            out.push(d.in_file(path.clone()));
            if *status == Status::Outdated
                && let Some(page) = site.pages.iter_mut().find(|p| p.src.source.path == *path)
            {
                page.outdated = true;
            }
        }
    }
    out
}

/// The table as text: one line per page, one column per language.
pub fn render(rows: &[Row], config: &Config) -> String {
    let langs = &config.site.languages;
    let cell = |s: &Status| match s {
        Status::UpToDate => "ok",
        Status::Outdated => "outdated",
        Status::Unmarked => "unmarked",
        Status::Missing => "missing",
    };
    let width = rows.iter().map(|r| r.key.len()).max().unwrap_or(4).max(4);
    let mut widths: Vec<usize> = langs.iter().map(|l| l.code.len().max(8)).collect();
    widths[DEFAULT_LANG] = 8;
    let translated = |i: &usize| *i != DEFAULT_LANG;
    let mut out = format!("{:width$}  {:8}", "page", "version");
    for (i, l) in langs.iter().enumerate().filter(|(i, _)| translated(i)) {
        let _ = write!(out, "  {:w$}", l.code, w = widths[i]);
    }
    out.push('\n');
    let mut counts = [0usize; 4];
    for row in rows {
        let _ = write!(out, "{:width$}  {:8}", row.key, row.version);
        for (i, s) in row.status.iter().enumerate().filter(|(i, _)| translated(i)) {
            let _ = write!(out, "  {:w$}", cell(s), w = widths[i]);
            counts[match s {
                Status::UpToDate => 0,
                Status::Outdated => 1,
                Status::Unmarked => 2,
                Status::Missing => 3,
            }] += 1;
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n{} pages in {}: {} translations up to date, {} outdated, {} unmarked, {} missing",
        rows.len(),
        config.default_language().name,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
    );
    out
}

/// Records in each file that it translates the current version of its original.
pub fn mark_files(root: &Path, rows: &[Row], files: &[String]) -> Result<Vec<String>, Diagnostic> {
    let mut done = Vec::new();
    for file in files {
        let rel = crate::diag::rel_path(root, &root.join(file));
        let row = rows
            .iter()
            .find(|r| {
                r.paths
                    .iter()
                    .enumerate()
                    .filter(|(l, _)| *l != DEFAULT_LANG)
                    .any(|(_, p)| p.as_deref() == Some(rel.as_str()))
            })
            .ok_or_else(|| {
                Diagnostic::error(format!("{rel} is not a translation of a page"))
                    .hint("name a translated page, e.g. content/en/over.md")
            })?;
        let path = root.join(&rel);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(format!("cannot read {rel}: {e}")).in_file(rel.clone())
        })?;
        let line = format!("translated_from: {}", row.version);
        let marked = match text.lines().position(|l| l.starts_with("translated_from:")) {
            Some(i) => {
                let mut lines: Vec<&str> = text.lines().collect();
                lines[i] = &line;
                let mut t = lines.join("\n");
                if text.ends_with('\n') {
                    t.push('\n');
                }
                t
            }
            // Before the closing `---` of the front matter.
            None => match text.get(3..).and_then(|rest| rest.find("\n---")) {
                Some(end) => format!("{}\n{line}{}", &text[..3 + end], &text[3 + end..]),
                None => {
                    return Err(Diagnostic::error(format!("{rel} has no front matter"))
                        .in_file(rel.clone()));
                }
            },
        };
        std::fs::write(&path, marked).map_err(|e| {
            Diagnostic::error(format!("cannot write {rel}: {e}")).in_file(rel.clone())
        })?;
        done.push(format!("{rel}: translated_from: {}", row.version));
    }
    Ok(done)
}
