//! Places loaded pages in the site: URLs, sections and their listings, translations, menus.
//! Everything here is checked (duplicate URLs, dangling translation keys, …) before rendering.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::frontmatter::{SortBy, is_valid_slug};
use crate::content::{SECTION_FILE, SourcePage};
use crate::diag::{Diagnostic, suggest};
use crate::i18n::Strings;

/// A page placed in the site.
#[derive(Debug)]
pub struct Page {
    pub src: SourcePage,
    /// Site-relative URL path with a trailing slash (`""` for the default home, `en/stories/`).
    pub url: String,
    /// Same page in other languages share this key.
    pub key: String,
    pub template: String,
    /// For sections: the pages listed, already sorted.
    pub children: Vec<usize>,
    /// For sections: number of listing pages.
    pub pager_count: usize,
    pub paginate_by: usize,
    /// Enclosing section, if any.
    pub parent: Option<usize>,
    /// A translation made from an older version of its default-language page.
    pub outdated: bool,
}

impl Page {
    pub fn lang(&self) -> usize {
        self.src.lang
    }

    pub fn is_home(&self) -> bool {
        self.src.rel == SECTION_FILE
    }

    /// URL of listing page `n` (1-based) of a section.
    pub fn pager_url(&self, n: usize, strings: &Strings) -> String {
        if n <= 1 {
            self.url.clone()
        } else {
            format!("{}{}/{n}/", self.url, strings.get("pagination_path"))
        }
    }
}

#[derive(Debug)]
pub struct Site {
    /// Sorted by language, then URL: the order everything is rendered and listed in.
    pub pages: Vec<Page>,
    /// Translation key → page index per language.
    pub translations: BTreeMap<String, Vec<Option<usize>>>,
    /// Per language: the home page.
    pub homes: Vec<usize>,
}

impl Site {
    pub fn translation(&self, key: &str, lang: usize) -> Option<&Page> {
        self.translations
            .get(key)?
            .get(lang)
            .copied()
            .flatten()
            .map(|i| &self.pages[i])
    }
}

/// Builds the site model. `drafts` keeps draft pages.
pub fn build(
    config: &Config,
    strings: &[Strings],
    mut sources: Vec<SourcePage>,
    drafts: bool,
) -> Result<Site, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let nlang = config.site.languages.len();
    for p in sources
        .iter()
        .filter(|p| p.rel == SECTION_FILE && p.front.draft && !drafts)
    {
        errors.push(
            Diagnostic::error("a language's home page cannot be a draft")
                .at(&p.source, p.key_span("draft"))
                .hint(
                    "remove `draft: true`: every other page of the language links to its home page",
                ),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    sources.retain(|p| drafts || !p.front.draft);
    sources.sort_by(|a, b| (a.lang, &a.rel).cmp(&(b.lang, &b.rel)));

    // Sections by (language, folder) so children can find their parents and URL segments.
    let mut section_of: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for (i, p) in sources.iter().enumerate() {
        if p.is_section {
            section_of.insert((p.lang, folder_of(&p.rel).to_string()), i);
        }
    }
    for s in strings {
        if !is_valid_slug(s.get("pagination_path")) {
            let span = crate::yaml::file_value_span(&s.source, "pagination_path");
            errors.push(
                Diagnostic::error("pagination_path must be usable in a web address")
                    .at(&s.source, span)
                    .hint("use lowercase letters and hyphens, e.g. `pagina`"),
            );
        }
    }

    // URL of every folder, built once per folder: a folder name that cannot be a URL segment
    // is reported once (at its section page, or the first page in it), not once per page.
    let mut folder_url: BTreeMap<(usize, String), Option<String>> = BTreeMap::new();
    for src in &sources {
        let root = match src.lang {
            0 => String::new(),
            l => format!("{}/", config.site.languages[l].code),
        };
        folder_url
            .entry((src.lang, String::new()))
            .or_insert(Some(root));
        let mut prefix = String::new();
        for seg in folder_of(&src.rel).split('/').filter(|s| !s.is_empty()) {
            let parent = (src.lang, prefix.clone());
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(seg);
            let key = (src.lang, prefix.clone());
            if folder_url.contains_key(&key) {
                continue;
            }
            let section = section_of.get(&key).map(|&s| &sources[s]);
            let slug = section
                .and_then(|s| s.front.slug.clone())
                .unwrap_or_else(|| seg.to_string());
            let valid = is_valid_slug(&slug);
            if !valid {
                errors.push(
                    Diagnostic::error(format!("folder name `{seg}` cannot be used in a web address"))
                        .at(&section.unwrap_or(src).source, 0..3)
                        .hint(format!(
                            "rename the folder to lowercase letters, digits and hyphens, or set `slug:` in its {SECTION_FILE}"
                        )),
                );
            }
            let url = folder_url[&parent]
                .as_ref()
                .filter(|_| valid)
                .map(|p| format!("{p}{slug}/"));
            folder_url.insert(key, url);
        }
    }

    let mut placed = Vec::with_capacity(sources.len());
    for (i, src) in sources.iter().enumerate() {
        let folder = folder_url[&(src.lang, folder_of(&src.rel).to_string())].clone();
        let mut ok = folder.is_some();
        let mut url = folder.unwrap_or_default();
        if !src.is_section {
            let stem = src
                .rel
                .rsplit('/')
                .next()
                .unwrap_or(&src.rel)
                .trim_end_matches(".md");
            let slug = src.front.slug.clone().unwrap_or_else(|| stem.to_string());
            if src.front.slug.is_none() && !is_valid_slug(&slug) {
                ok = false;
                errors.push(
                    Diagnostic::error(format!("file name `{stem}` cannot be used in a web address"))
                        .at(&src.source, 0..3)
                        .hint(format!(
                            "rename the file to lowercase letters, digits and hyphens, or add `slug: {}`",
                            crate::content::frontmatter::slugify(stem)
                        )),
                );
            }
            url.push_str(&slug);
            url.push('/');
        }
        let key = src
            .front
            .translation_key
            .clone()
            .unwrap_or_else(|| default_key(&src.rel));
        let template = src.front.template.clone().unwrap_or_else(|| {
            if src.rel == SECTION_FILE {
                "home.html"
            } else if src.is_section {
                "section.html"
            } else {
                "page.html"
            }
            .to_string()
        });
        let parent = parent_folder(&src.rel)
            .and_then(|f| section_of.get(&(src.lang, f.to_string())).copied());
        let paginate_by = src.front.paginate_by.unwrap_or(config.site.paginate_by);
        if !ok {
            // Already reported; a unique placeholder keeps it out of the duplicate-URL check.
            url = format!("\u{0}invalid/{i}");
        }
        placed.push((url, key, template, parent, paginate_by));
    }
    let mut pages: Vec<Page> = sources
        .into_iter()
        .zip(placed)
        .map(|(src, (url, key, template, parent, paginate_by))| Page {
            src,
            url,
            key,
            template,
            children: Vec::new(),
            pager_count: 1,
            paginate_by,
            parent,
            outdated: false,
        })
        .collect();
    check_unique(&pages, &mut errors, strings);

    // Translations: key → page per language; non-default pages must translate a default page.
    let mut translations: BTreeMap<String, Vec<Option<usize>>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        let slot = translations
            .entry(p.key.clone())
            .or_insert_with(|| vec![None; nlang]);
        if let Some(prev) = slot[p.lang()] {
            let other = &pages[prev];
            errors.push(
                Diagnostic::error(format!("translation key `{}` is used by two pages of one language", p.key))
                    .at(&p.src.source, p.src.key_span("translation_key"))
                    .related(&other.src.source, other.src.key_span("translation_key").start)
                    .hint("each page needs its own key; translations of one page share it across languages"),
            );
        } else {
            slot[p.lang()] = Some(i);
        }
    }
    let default_keys: Vec<&str> = translations
        .iter()
        .filter(|(_, v)| v[0].is_some())
        .map(|(k, _)| k.as_str())
        .collect();
    for p in pages.iter().filter(|p| p.lang() != 0) {
        if translations[&p.key][0].is_none() {
            let default = &config.default_language().code;
            let d = Diagnostic::error(format!(
                "translation key `{}` matches no page in the default language ({default})",
                p.key
            ))
            .at(&p.src.source, p.src.value_span("translation_key"));
            errors.push(match suggest(&p.key, default_keys.iter().copied()) {
                Some(s) => d.hint(format!("did you mean `{s}`?")),
                None => d.hint(format!(
                    "set `translation_key:` to the key of the {default} page this translates (its file path without .md, e.g. `over`), or name this file like the {default} one"
                )),
            });
        }
    }
    for (list, field) in [
        (&config.site.menu, "menu"),
        (&config.site.footer_menu, "footer_menu"),
    ] {
        for key in list {
            if translations.get(key).is_none_or(|v| v[0].is_none()) {
                let span = crate::config::find_value(&config.source, key).unwrap_or(0..0);
                let d = Diagnostic::error(format!("{field} entry `{key}` matches no page"))
                    .at(&config.source, span);
                errors.push(match suggest(key, default_keys.iter().copied()) {
                    Some(s) => d.hint(format!("did you mean `{s}`?")),
                    None => d.hint(
                        "use the translation key of a page: its path in content/nl/ without .md",
                    ),
                });
            }
        }
    }

    // Section listings.
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        if let Some(parent) = p.parent {
            children.entry(parent).or_default().push(i);
        }
    }
    for (section, mut kids) in children {
        let s = &pages[section].src;
        let sort = s.front.sort_by.unwrap_or(if s.front.feed {
            SortBy::Date
        } else {
            SortBy::Weight
        });
        if sort == SortBy::Date || s.front.feed {
            for &k in &kids {
                if pages[k].src.date.is_none() {
                    let why = if s.front.feed {
                        "has a feed"
                    } else {
                        "is sorted by date"
                    };
                    errors.push(
                        Diagnostic::error(format!("page has no date, but its section {why}"))
                            .at(&pages[k].src.source, 0..3)
                            .related(&s.source, 0)
                            .hint("add a line `date: YYYY-MM-DD` to the front matter"),
                    );
                }
            }
        }
        kids.sort_by(|&a, &b| {
            let (a, b) = (&pages[a], &pages[b]);
            let primary = match sort {
                SortBy::Date => b.src.date.cmp(&a.src.date),
                SortBy::Weight => (a.src.front.weight.is_none(), a.src.front.weight)
                    .cmp(&(b.src.front.weight.is_none(), b.src.front.weight)),
            };
            primary
                .then_with(|| a.src.front.title.cmp(&b.src.front.title))
                .then_with(|| a.url.cmp(&b.url))
        });
        let page = &mut pages[section];
        page.pager_count = kids.len().div_ceil(page.paginate_by).max(1);
        page.children = kids;
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let homes = (0..nlang)
        .map(|l| {
            pages
                .iter()
                .position(|p| p.lang() == l && p.is_home())
                .unwrap_or(0)
        })
        .collect();
    Ok(Site {
        pages,
        translations,
        homes,
    })
}

/// Two pages (or a page and a listing page) claiming one URL would overwrite each other.
fn check_unique(pages: &[Page], errors: &mut Vec<Diagnostic>, strings: &[Strings]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        let mut urls = vec![p.url.clone()];
        if p.src.is_section {
            // Listing pages beyond the first are only known after sorting; reserve the path.
            urls.push(format!(
                "{}{}/",
                p.url,
                strings[p.lang()].get("pagination_path")
            ));
        }
        for url in urls {
            if url.starts_with('\u{0}') {
                continue;
            }
            if let Some(&prev) = seen.get(&url) {
                let other = &pages[prev];
                errors.push(
                    Diagnostic::error(format!("two pages have the address /{url}"))
                        .at(&p.src.source, p.src.value_span("slug"))
                        .related(&other.src.source, other.src.value_span("slug").start)
                        .hint("give one of them a different `slug:` or file name"),
                );
            } else {
                seen.insert(url, i);
            }
        }
    }
}

/// `verhalen/anna.md` → `verhalen`; `verhalen/_index.md` → `verhalen`; `over.md` → ``.
fn folder_of(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

/// The section folder enclosing a page (`verhalen/anna.md` → `verhalen`, `verhalen/_index.md` → ``).
fn parent_folder(rel: &str) -> Option<&str> {
    if rel == SECTION_FILE {
        return None;
    }
    let folder = folder_of(rel);
    if rel.ends_with(SECTION_FILE) {
        Some(folder.rfind('/').map_or("", |i| &folder[..i]))
    } else {
        Some(folder)
    }
}

/// The path without `.md`: files with the same path in two languages are translations.
fn default_key(rel: &str) -> String {
    rel.trim_end_matches(".md").to_string()
}
