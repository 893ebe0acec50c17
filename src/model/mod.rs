//! Places loaded pages in the site: each page's address, its section and place in the
//! section's listing, and which pages translate which. Rules across pages (unique addresses,
//! translation keys, menus, dates) are checked over the placed site by [`crate::check::site`].

mod sections;
#[cfg(test)]
pub(crate) mod testing;
mod translations;
mod urls;

use std::collections::BTreeMap;

use crate::config::{Config, DEFAULT_LANG};
use crate::content::{SECTION_FILE, SourcePage};
use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::t;

pub use sections::sort_of;

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

    /// False for a page whose folder or file name cannot be part of an address: [`build`]
    /// reported it and gave it a placeholder no other page has.
    pub fn has_address(&self) -> bool {
        !self.url.starts_with(urls::PLACEHOLDER)
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

    /// The page of `key` in the default language: the original its translations follow.
    pub fn original(&self, key: &str) -> Option<&Page> {
        self.translation(key, DEFAULT_LANG)
    }

    /// The page in `lang`, else its original: where a link in that language leads.
    pub fn translation_or_original(&self, key: &str, lang: usize) -> Option<&Page> {
        self.translation(key, lang).or_else(|| self.original(key))
    }
}

/// Places the pages (`drafts` keeps draft pages) and returns the site with the problems that
/// kept a page from being placed. Everything else is a rule over the placed site, in `check/`.
/// Two problems are found here because placing depends on them:
/// - a draft home page: without it a language has nothing to hang its pages on, so nothing is
///   placed (`None`) and this is the only problem reported;
/// - a folder or file name that cannot be part of a web address: the page has no address.
///   It gets a placeholder no other page has ([`Page::has_address`]), so the checks still run
///   over the whole site and the editor sees their problems in the same run.
pub fn build(
    config: &Config,
    mut sources: Vec<SourcePage>,
    drafts: bool,
) -> (Option<Site>, Vec<Diagnostic>) {
    let draft_homes = draft_homes(&sources, drafts);
    if !draft_homes.is_empty() {
        return (None, draft_homes);
    }
    sources.retain(|p| drafts || !p.front.draft);
    sources.sort_by(|a, b| (a.lang, &a.rel).cmp(&(b.lang, &b.rel)));

    let mut errors = Vec::new();
    let sections = sections::Index::new(&sources);
    let addresses = urls::place(config, &sources, &sections, &mut errors);
    let parents: Vec<Option<usize>> = sources.iter().map(|s| sections.parent(s)).collect();
    let mut pages: Vec<Page> = sources
        .into_iter()
        .zip(addresses.into_iter().zip(parents))
        .map(|(src, (url, parent))| Page {
            url,
            key: translations::key_of(&src),
            template: template_of(&src),
            children: Vec::new(),
            pager_count: 1,
            paginate_by: src.front.paginate_by.unwrap_or(config.site.paginate_by),
            parent,
            outdated: false,
            src,
        })
        .collect();
    let translations = translations::table(&pages, config.site.languages.len());
    sections::list(&mut pages);
    let homes = (0..config.site.languages.len())
        .map(|l| {
            pages
                .iter()
                .position(|p| p.lang() == l && p.is_home())
                .unwrap_or(0)
        })
        .collect();
    let site = Site {
        pages,
        translations,
        homes,
    };
    (Some(site), errors)
}

/// Every other page of a language links to its home page, so it cannot be left out.
fn draft_homes(sources: &[SourcePage], drafts: bool) -> Vec<Diagnostic> {
    sources
        .iter()
        .filter(|p| p.rel == SECTION_FILE && p.front.draft && !drafts)
        .map(|p| {
            Diagnostic::error(t!("content-home-draft"))
                .at(&p.source, p.key_span("draft"))
                .hint(t!("content-home-draft.hint"))
        })
        .collect()
}

/// The template a page names, else the one for its kind.
fn template_of(src: &SourcePage) -> String {
    src.front.template.clone().unwrap_or_else(|| {
        if src.rel == SECTION_FILE {
            "home.html"
        } else if src.is_section {
            "section.html"
        } else {
            "page.html"
        }
        .to_string()
    })
}

/// `verhalen/anna.md` → `verhalen`; `verhalen/_index.md` → `verhalen`; `over.md` → ``.
fn folder_of(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

#[cfg(test)]
mod tests {
    use super::testing::{config, page, site};
    use super::*;

    #[test]
    fn pages_are_placed_in_folders_sections_and_languages() {
        let s = site(vec![
            page(0, "_index.md", ""),
            page(0, "verhalen/_index.md", ""),
            page(0, "verhalen/anna.md", "slug: anna-b\n"),
            page(0, "over.md", ""),
            page(1, "_index.md", ""),
            page(1, "verhalen/_index.md", "slug: stories\n"),
            page(1, "verhalen/anna.md", ""),
        ]);
        let urls: Vec<(&str, &str, &str)> = s
            .pages
            .iter()
            .map(|p| (p.url.as_str(), p.key.as_str(), p.template.as_str()))
            .collect();
        assert_eq!(
            urls,
            [
                ("", "_index", "home.html"),
                ("over/", "over", "page.html"),
                ("verhalen/", "verhalen/_index", "section.html"),
                ("verhalen/anna-b/", "verhalen/anna", "page.html"),
                ("en/", "_index", "home.html"),
                ("en/stories/", "verhalen/_index", "section.html"),
                ("en/stories/anna/", "verhalen/anna", "page.html"),
            ]
        );
        assert_eq!(s.homes, [0, 4]);
        assert_eq!(s.pages[3].parent, Some(2));
        assert_eq!(s.pages[2].parent, Some(0));
        assert_eq!(s.pages[0].parent, None);
        assert_eq!(
            s.original("verhalen/anna").map(|p| p.url.as_str()),
            Some("verhalen/anna-b/")
        );
        assert_eq!(s.translations["verhalen/anna"], [Some(3), Some(6)]);
    }

    #[test]
    fn drafts_are_left_out_unless_asked_for_but_never_a_home() {
        let pages = || {
            vec![
                page(0, "_index.md", ""),
                page(0, "klad.md", "draft: true\n"),
                page(1, "_index.md", ""),
            ]
        };
        let (s, e) = build(&config(), pages(), false);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s.map(|s| s.pages.len()), Some(2));
        let (s, _) = build(&config(), pages(), true);
        assert_eq!(s.map(|s| s.pages.len()), Some(3));

        let (s, e) = build(
            &config(),
            vec![page(0, "_index.md", "draft: true\n")],
            false,
        );
        assert!(s.is_none());
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message().contains("home page cannot be a draft"),
            "{e:?}"
        );
    }
}
