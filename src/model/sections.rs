//! Sections: the folder with an `_index.md` each page belongs to, and each section's listing.

use std::collections::BTreeMap;

use super::{Page, folder_of};
use crate::content::frontmatter::{FrontMatter, SortBy};
use crate::content::{SECTION_FILE, SourcePage};

/// Section pages by (language, folder), so pages find their parents and folders their slugs.
pub(super) struct Index(BTreeMap<(usize, String), usize>);

impl Index {
    pub(super) fn new(sources: &[SourcePage]) -> Self {
        Index(
            sources
                .iter()
                .enumerate()
                .filter(|(_, p)| p.is_section)
                .map(|(i, p)| ((p.lang, folder_of(&p.rel).to_string()), i))
                .collect(),
        )
    }

    /// The section page of a folder (`verhalen`) of a language.
    pub(super) fn of(&self, lang: usize, folder: &str) -> Option<usize> {
        self.0.get(&(lang, folder.to_string())).copied()
    }

    /// The section enclosing a page, if any.
    pub(super) fn parent(&self, src: &SourcePage) -> Option<usize> {
        parent_folder(&src.rel).and_then(|f| self.of(src.lang, f))
    }
}

/// The order of a section's listing: as it says, else newest first if it has a feed.
pub fn sort_of(front: &FrontMatter) -> SortBy {
    front.sort_by.unwrap_or(if front.feed {
        SortBy::Date
    } else {
        SortBy::Weight
    })
}

/// Fills in each section's sorted listing and its number of listing pages.
pub(super) fn list(pages: &mut [Page]) {
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        if let Some(parent) = p.parent {
            children.entry(parent).or_default().push(i);
        }
    }
    for (section, mut kids) in children {
        let sort = sort_of(&pages[section].src.front);
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

#[cfg(test)]
mod tests {
    use super::super::testing::{page, site};
    use super::*;

    #[test]
    fn parents_are_the_enclosing_sections() {
        assert_eq!(parent_folder("_index.md"), None);
        assert_eq!(parent_folder("over.md"), Some(""));
        assert_eq!(parent_folder("verhalen/_index.md"), Some(""));
        assert_eq!(parent_folder("verhalen/2026/_index.md"), Some("verhalen"));
        assert_eq!(parent_folder("verhalen/anna.md"), Some("verhalen"));
    }

    #[test]
    fn listings_are_sorted_and_paginated() {
        let s = site(vec![
            page(0, "_index.md", ""),
            page(0, "a.md", "title: B\nweight: 2\n"),
            page(0, "b.md", "title: A\n"),
            page(0, "c.md", "title: C\nweight: 1\n"),
            page(0, "nieuws/_index.md", "feed: true\npaginate_by: 1\n"),
            page(0, "nieuws/oud.md", "date: 2025-01-02\n"),
            page(0, "nieuws/nieuw.md", "date: 2026-01-02\n"),
            page(1, "_index.md", ""),
        ]);
        let titles = |i: usize| -> Vec<&str> {
            s.pages[i]
                .children
                .iter()
                .map(|&c| s.pages[c].src.rel.as_str())
                .collect()
        };
        // By weight (pages without one last, then by title), sections among them.
        assert_eq!(titles(0), ["c.md", "a.md", "b.md", "nieuws/_index.md"]);
        // A section with a feed lists newest first.
        assert_eq!(titles(4), ["nieuws/nieuw.md", "nieuws/oud.md"]);
        assert_eq!((s.pages[0].pager_count, s.pages[4].pager_count), (1, 2));
        assert_eq!(s.pages[7].pager_count, 1);
    }
}
