//! `content/<language>/…/*.md` → parsed pages with rendered Markdown, in parallel.

pub mod frontmatter;
pub mod markdown;
pub mod placeholder;
pub mod rules;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Source, rel_path, suggest};
use crate::messages::Text;
use crate::t;
use frontmatter::FrontMatter;
use markdown::Links;

pub const DIR: &str = "content";
/// A folder with this file is a section: it gets a listing page.
pub const SECTION_FILE: &str = "_index.md";
/// The largest page: a hundred times the longest shipped one. Rendering holds a page's
/// parse tree and HTML in memory (and `serve` keeps it), so a runaway file is refused first.
pub const MAX_PAGE: u64 = 1 << 20;

/// One Markdown file, parsed and rendered, not yet placed in the site.
#[derive(Debug)]
pub struct SourcePage {
    /// Index into the configured languages.
    pub lang: usize,
    pub source: Arc<Source>,
    /// Path inside the language folder, with `/` separators (e.g. `verhalen/anna.md`).
    pub rel: String,
    pub is_section: bool,
    pub front: FrontMatter,
    pub date: Option<Date>,
    /// Where the front matter sits in the file, for pointing at its keys.
    pub yaml: Range<usize>,
    /// Where the Markdown body starts (the PDF leaflets read it again as data).
    pub body_start: usize,
    pub html: String,
    pub summary: String,
    /// Links and images to this site written in the page, checked once the site is rendered.
    pub links: Vec<markdown::LocalLink>,
    /// Pages made from the registry rather than from a Markdown file.
    pub generated: Option<Generated>,
}

/// What a generated page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generated {
    /// Index into the registry's locations.
    Location(usize),
    /// Index into the geography's municipalities.
    Municipality(usize),
}

impl SourcePage {
    /// Span of a front-matter key, or the top of the file if the key is not written.
    pub fn key_span(&self, key: &str) -> Range<usize> {
        crate::yaml::key_span(&self.source, self.yaml.clone(), key).unwrap_or(0..3)
    }

    pub fn value_span(&self, key: &str) -> Range<usize> {
        crate::yaml::value_span(&self.source, self.yaml.clone(), key).unwrap_or(0..3)
    }

    /// For meta tags, listings and leaflets: the editor's description, else the first
    /// paragraph, shortened.
    pub fn description(&self) -> String {
        match &self.front.description {
            Some(d) => d.clone(),
            None => shorten(&self.summary, 160),
        }
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.']))
}

/// Finds, reads and renders every page; returns what could be loaded plus every problem found,
/// and whether every page could be read (with mistakes or without).
pub fn load(
    root: &Path,
    config: &Config,
    links: &Links,
) -> (Vec<SourcePage>, Vec<Diagnostic>, bool) {
    let (files, mut diags) = discover(root, config);
    let results: Vec<(Option<SourcePage>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(lang, path, rel)| load_one(root, *lang, path, rel, links, Source::read_listed))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for (page, ds) in results {
        pages.extend(page);
        diags.extend(ds);
    }
    let every_page = pages.len() == files.len() && !diags.iter().any(|d| d.path() == Some(DIR));
    (pages, diags, every_page)
}

/// Lists the Markdown files per language, in a stable order.
fn discover(root: &Path, config: &Config) -> (Vec<(usize, PathBuf, String)>, Vec<Diagnostic>) {
    let dir = root.join(DIR);
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let codes: Vec<&str> = config
        .site
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    // Pages are read as listed files (`read_listed`): the folders on their way are checked
    // here, once: `content/` itself, each language folder, and walkdir follows no link below.
    if let Err(d) = crate::files::refuse_links(root, &dir) {
        diags.push(d);
        return (files, diags);
    }
    let top = match std::fs::read_dir(&dir) {
        Ok(rd) => {
            let mut v: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            v.sort();
            v
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(t!("content-unreadable", reason = e.to_string()))
                    .in_file(DIR)
                    .hint(t!("content-unreadable.hint")),
            );
            return (files, diags);
        }
    };
    for path in top {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let Some(lang) = codes
            .iter()
            .position(|c| *c == name)
            .filter(|_| path.is_dir())
        else {
            let d = Diagnostic::error(t!("content-not-language-folder", name = &name))
                .in_file(rel_path(root, &path));
            diags.push(match suggest(&name, codes.iter().copied()) {
                Some(s) if path.is_dir() => {
                    d.hint(t!("content-not-language-folder.hint-typo", suggestion = s))
                }
                _ => {
                    let folders: Vec<String> =
                        codes.iter().map(|c| format!("content/{c}/")).collect();
                    d.hint(t!(
                        "content-not-language-folder.hint",
                        folders = folders.join(", ")
                    ))
                }
            });
            continue;
        };
        for entry in WalkDir::new(&path).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(
                        Diagnostic::error(t!("content-folder-unreadable", reason = e.to_string()))
                            .in_file(rel_path(root, &path)),
                    );
                    continue;
                }
            };
            let file_name = entry.file_name().to_string_lossy();
            if entry.path_is_symlink() {
                // A link could point anywhere on the machine; the site is made of the project.
                diags.push(
                    Diagnostic::error(t!("content-symlink"))
                        .in_file(rel_path(root, entry.path()))
                        .hint(t!("content-symlink.hint")),
                );
                if entry.depth() == 0 {
                    break; // a linked language folder: nothing in it is read
                }
                continue;
            }
            if file_name.starts_with('.') || !entry.file_type().is_file() {
                continue;
            }
            let rel = rel_path(&path, entry.path());
            if file_name.ends_with(".md") {
                files.push((lang, entry.into_path(), rel));
            } else {
                diags.push(
                    Diagnostic::error(t!("content-not-markdown"))
                        .in_file(rel_path(root, entry.path()))
                        .hint(t!("content-not-markdown.hint")),
                );
            }
        }
    }
    for (i, code) in codes.iter().enumerate() {
        if !files
            .iter()
            .any(|(l, _, rel)| *l == i && rel == SECTION_FILE)
        {
            diags.push(
                Diagnostic::error(t!("content-no-home", code = *code))
                    .in_file(format!("{DIR}/{code}/{SECTION_FILE}"))
                    .hint(t!("content-no-home.hint", code = *code)),
            );
        }
    }
    (files, diags)
}

/// Reads and renders one file of `content/<lang>/`, for `serve` after an edit.
pub fn reload(
    root: &Path,
    config: &Config,
    path: &Path,
    links: &Links,
) -> Option<(Option<SourcePage>, Vec<Diagnostic>)> {
    let rel = path.strip_prefix(root.join(DIR)).ok()?;
    let mut parts = rel.iter();
    let code = parts.next()?.to_str()?;
    let lang = config.site.languages.iter().position(|l| l.code == code)?;
    let inner: PathBuf = parts.collect();
    let inner = inner.to_str()?.replace('\\', "/");
    Some(load_one(
        root,
        lang,
        path,
        &inner,
        links,
        Source::read_at_most,
    ))
}

/// How a page is read: as a file the walk listed, or (`serve`) one an edit named.
type Read = fn(&Path, &Path, u64, Text) -> Result<Arc<Source>, Diagnostic>;

fn load_one(
    root: &Path,
    lang: usize,
    path: &Path,
    rel: &str,
    links: &Links,
    read: Read,
) -> (Option<SourcePage>, Vec<Diagnostic>) {
    let source = match read(root, path, MAX_PAGE, t!("file-kind-page")) {
        Ok(s) => s,
        Err(d) => return (None, vec![d]),
    };
    let (parsed, mut diags) = frontmatter::parse(&source);
    // With mistakes in its front matter, the page is still read and checked (its text, its
    // links), so one run names every mistake of the file; the errors stop the build.
    let Some(parsed) = parsed else {
        return (None, diags);
    };
    let rendered = markdown::render(&source, parsed.body_start, links, &mut diags);
    let is_section = rel == SECTION_FILE || rel.ends_with(&format!("/{SECTION_FILE}"));
    if !is_section {
        for key in ["sort_by", "paginate_by", "feed"] {
            if let Some(span) = crate::yaml::key_span(&source, parsed.yaml.clone(), key) {
                diags.push(
                    Diagnostic::error(t!("frontmatter-section-only", key = key))
                        .at(&source, span)
                        .hint(t!("frontmatter-section-only.hint")),
                );
            }
        }
    }
    let page = SourcePage {
        lang,
        source,
        rel: rel.to_string(),
        is_section,
        front: parsed.front,
        date: parsed.date,
        yaml: parsed.yaml,
        body_start: parsed.body_start,
        html: rendered.html,
        summary: rendered.summary,
        links: rendered.links,
        generated: None,
    };
    (Some(page), diags)
}
