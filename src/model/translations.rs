//! Which pages translate which: pages of several languages that share a translation key.

use std::collections::BTreeMap;

use super::Page;
use crate::content::SourcePage;

/// A page's translation key: as it says, else its path without `.md`, so files with the same
/// path in two languages are translations.
pub(super) fn key_of(src: &SourcePage) -> String {
    src.front
        .translation_key
        .clone()
        .unwrap_or_else(|| src.rel.trim_end_matches(".md").to_string())
}

/// Key → page per language. Of two pages of one language with one key the first is kept;
/// `check::site` reports the second.
pub(super) fn table(pages: &[Page], languages: usize) -> BTreeMap<String, Vec<Option<usize>>> {
    let mut table: BTreeMap<String, Vec<Option<usize>>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        let slot = table
            .entry(p.key.clone())
            .or_insert_with(|| vec![None; languages]);
        if let Some(s @ None) = slot.get_mut(p.lang()) {
            *s = Some(i);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::super::testing::{page, site};

    #[test]
    fn pages_with_one_key_translate_each_other_and_the_first_of_a_language_counts() {
        let s = site(vec![
            page(0, "_index.md", ""),
            page(0, "over.md", ""),
            page(0, "wie.md", "translation_key: over\n"),
            page(1, "_index.md", ""),
            page(1, "about.md", "translation_key: over\n"),
            page(1, "extra.md", ""),
        ]);
        assert_eq!(s.translations["over"], [Some(1), Some(4)]);
        assert_eq!(s.translations["extra"], [None, Some(5)]);
        assert_eq!(s.translations["_index"], [Some(0), Some(3)]);
    }
}
