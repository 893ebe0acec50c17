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
use crate::messages::{Lang, Text};
use crate::model::Site;
use crate::t;

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
    let body: std::borrow::Cow<str> = if body.contains('\r') {
        body.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        body.into()
    };
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
    use rayon::prelude::*;
    let langs = config.site.languages.len();
    let originals: Vec<&crate::model::Page> = site
        .pages
        .iter()
        .filter(|p| p.lang() == DEFAULT_LANG && p.src.generated.is_none())
        .collect();
    // Each row hashes its page's whole text: the rows are made in parallel.
    originals
        .par_iter()
        .map(|page| {
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
            Row {
                key: page.key.clone(),
                path: page.src.source.path.clone(),
                version,
                status,
                paths,
            }
        })
        .collect()
}

/// Marks outdated translations in the site (their pages show a notice) and returns a warning
/// for each translation that is outdated or does not say what it was made from.
pub fn mark(config: &Config, site: &mut Site) -> Vec<Diagnostic> {
    if config.site.languages.len() < 2 {
        return Vec::new(); // nothing is a translation
    }
    let rows = table(config, site);
    let mut out = Vec::new();
    for row in &rows {
        for (lang, status) in row.status.iter().enumerate() {
            let Some(path) = &row.paths[lang] else {
                continue;
            };
            let d = match status {
                Status::Outdated => {
                    Diagnostic::warning(t!("translation-outdated", original = &row.path)).hint(t!(
                        "translation-outdated.hint",
                        original = &row.path,
                        version = &row.version,
                        path = path
                    ))
                }
                Status::Unmarked => {
                    Diagnostic::warning(t!("translation-unmarked", original = &row.path)).hint(t!(
                        "translation-unmarked.hint",
                        version = &row.version,
                        path = path
                    ))
                }
                _ => continue,
            };
            out.push(d.in_file(path.clone()));
            if *status == Status::Outdated
                && let Some(&Some(i)) = site.translations.get(&row.key).and_then(|t| t.get(lang))
                && let Some(page) = site.pages.get_mut(i)
            {
                page.outdated = true;
            }
        }
    }
    out
}

/// The table as text, in the editor's language: one line per page, one column per language.
pub fn render(rows: &[Row], config: &Config, lang: Lang) -> String {
    let langs = &config.site.languages;
    let words = [
        t!("translations-state-ok"),
        t!("translations-state-outdated"),
        t!("translations-state-unmarked"),
        t!("translations-state-missing"),
    ]
    .map(|w| w.show(lang));
    let index = |s: &Status| match s {
        Status::UpToDate => 0,
        Status::Outdated => 1,
        Status::Unmarked => 2,
        Status::Missing => 3,
    };
    let chars = |s: &str| s.chars().count();
    let page = t!("translations-column-page").show(lang);
    let version = t!("translations-column-version").show(lang);
    let width = rows
        .iter()
        .map(|r| chars(&r.key))
        .max()
        .unwrap_or(0)
        .max(chars(&page));
    // Versions are 8 hex digits.
    let vwidth = chars(&version).max(8);
    let longest = words.iter().map(|w| chars(w)).max().unwrap_or(0);
    let widths: Vec<usize> = langs.iter().map(|l| chars(&l.code).max(longest)).collect();
    let translated = |i: &usize| *i != DEFAULT_LANG;
    let mut out = format!("{page:width$}  {version:vwidth$}");
    for (i, l) in langs.iter().enumerate().filter(|(i, _)| translated(i)) {
        let _ = write!(out, "  {:w$}", l.code, w = widths[i]);
    }
    out.push('\n');
    let mut counts = [0usize; 4];
    for row in rows {
        let _ = write!(out, "{:width$}  {:vwidth$}", row.key, row.version);
        for (i, s) in row.status.iter().enumerate().filter(|(i, _)| translated(i)) {
            let _ = write!(out, "  {:w$}", words[index(s)], w = widths[i]);
            counts[index(s)] += 1;
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    let summary = t!(
        "translations-summary",
        pages = rows.len(),
        language = &config.default_language().name,
        ok = counts[0],
        outdated = counts[1],
        unmarked = counts[2],
        missing = counts[3]
    );
    let _ = writeln!(out, "\n{}", summary.show(lang));
    out
}

/// Records in each file that it translates the current version of its original; says, for
/// each, what it wrote.
pub fn mark_files(root: &Path, rows: &[Row], files: &[String]) -> Result<Vec<Text>, Diagnostic> {
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
                Diagnostic::error(t!("translations-mark-not-translation", path = &rel))
                    .hint(t!("translations-mark-not-translation.hint"))
            })?;
        let path = root.join(&rel);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(t!(
                "translations-mark-cannot-read",
                path = &rel,
                reason = e.to_string()
            ))
            .in_file(rel.clone())
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
                    return Err(Diagnostic::error(t!(
                        "translations-mark-no-front-matter",
                        path = &rel
                    ))
                    .in_file(rel.clone()));
                }
            },
        };
        std::fs::write(&path, marked).map_err(|e| {
            Diagnostic::error(t!(
                "translations-mark-cannot-write",
                path = &rel,
                reason = e.to_string()
            ))
            .in_file(rel.clone())
        })?;
        done.push(t!(
            "translations-mark-done",
            path = &rel,
            version = &row.version
        ));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Row> {
        let row = |key: &str, version: &str, state: Status| Row {
            key: key.to_string(),
            path: format!("content/nl/{key}.md"),
            version: version.to_string(),
            paths: vec![Some(format!("content/nl/{key}.md")), None],
            status: vec![Status::UpToDate, state],
        };
        vec![
            row("over", "0123abcd", Status::Missing),
            row("nieuws/een", "4567cdef", Status::Outdated),
        ]
    }

    #[test]
    fn the_table_speaks_the_editors_language_and_its_columns_line_up() {
        let config = crate::model::testing::config();
        assert_eq!(
            render(&rows(), &config, Lang::En),
            "page        version   en      \n\
             over        0123abcd  missing\n\
             nieuws/een  4567cdef  outdated\n\
             \n\
             2 pages in Nederlands: 0 translations up to date, 1 outdated, 0 unmarked, 1 missing\n"
        );
        let dutch = render(&rows(), &config, Lang::Nl);
        let lines: Vec<&str> = dutch.lines().collect();
        assert_eq!(lines[0], "pagina      versie    en          ");
        assert_eq!(lines[2], "nieuws/een  4567cdef  verouderd");
        assert_eq!(
            lines[0].find(" en").map(|i| i + 1),
            lines[2].find("verouderd")
        );
        assert_eq!(
            lines[4],
            "Nederlands: 2 pagina's; vertalingen: 0 bijgewerkt, 1 verouderd, 0 ongemarkeerd, 1 ontbrekend"
        );
    }
}
