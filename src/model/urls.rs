//! Page addresses: the language's root, a segment per folder (the section's `slug:` or the
//! folder name), then the file's `slug:` or name.

use std::collections::BTreeMap;

use super::folder_of;
use super::sections::Index;
use crate::config::{Config, DEFAULT_LANG};
use crate::content::SourcePage;
use crate::content::frontmatter::{is_valid_slug, slugify};
use crate::diag::Diagnostic;
use crate::t;

/// Starts the address of a page that has none; no real address can contain it.
pub(super) const PLACEHOLDER: char = '\u{0}';

/// The address of every page, in order. A folder or file name that cannot be an address
/// segment is reported (a folder once, at its section page or the first page in it) and its
/// pages get a unique placeholder.
pub(super) fn place(
    config: &Config,
    sources: &[SourcePage],
    sections: &Index,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let folders = folders(config, sources, sections, errors);
    sources
        .iter()
        .enumerate()
        .map(|(i, src)| {
            let folder = folders
                .get(&(src.lang, folder_of(&src.rel).to_string()))
                .cloned()
                .flatten();
            let own = if src.is_section {
                Some(String::new())
            } else {
                file_segment(src, errors)
            };
            match (folder, own) {
                (Some(folder), Some(own)) => folder + &own,
                _ => format!("{PLACEHOLDER}invalid/{i}"),
            }
        })
        .collect()
}

/// The URL of every folder, built once per folder; `None` where a segment is unusable.
fn folders(
    config: &Config,
    sources: &[SourcePage],
    sections: &Index,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<(usize, String), Option<String>> {
    let mut urls: BTreeMap<(usize, String), Option<String>> = BTreeMap::new();
    for src in sources {
        let root = match src.lang {
            DEFAULT_LANG => String::new(),
            l => format!("{}/", config.site.languages[l].code),
        };
        urls.entry((src.lang, String::new())).or_insert(Some(root));
        let mut prefix = String::new();
        for seg in folder_of(&src.rel).split('/').filter(|s| !s.is_empty()) {
            let parent = (src.lang, prefix.clone());
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(seg);
            let key = (src.lang, prefix.clone());
            if urls.contains_key(&key) {
                continue;
            }
            let section = sections.of(src.lang, &prefix).map(|s| &sources[s]);
            let slug = section
                .and_then(|s| s.front.slug.clone())
                .unwrap_or_else(|| seg.to_string());
            let valid = is_valid_slug(&slug);
            if !valid {
                errors.push(
                    Diagnostic::error(t!("url-folder-name-invalid", name = seg))
                        .at(&section.unwrap_or(src).source, 0..3)
                        .hint(t!("url-folder-name-invalid.hint")),
                );
            }
            let url = urls
                .get(&parent)
                .cloned()
                .flatten()
                .filter(|_| valid)
                .map(|p| format!("{p}{slug}/"));
            urls.insert(key, url);
        }
    }
    urls
}

/// A page's own segment with its slash (`anna/`): its `slug:`, else its file name.
fn file_segment(src: &SourcePage, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let stem = src
        .rel
        .rsplit('/')
        .next()
        .unwrap_or(&src.rel)
        .trim_end_matches(".md");
    if let Some(slug) = &src.front.slug {
        return Some(format!("{slug}/"));
    }
    if !is_valid_slug(stem) {
        errors.push(
            Diagnostic::error(t!("url-file-name-invalid", name = stem))
                .at(&src.source, 0..3)
                .hint(t!("url-file-name-invalid.hint", suggestion = slugify(stem))),
        );
        return None;
    }
    Some(format!("{stem}/"))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, page};
    use super::super::{Page, build};

    fn urls(pages: Vec<crate::content::SourcePage>) -> (Vec<String>, Vec<String>) {
        let (site, errors) = build(&config(), pages, false);
        let urls = site
            .map(|s| {
                s.pages
                    .iter()
                    .map(|p: &Page| {
                        if p.has_address() {
                            p.url.clone()
                        } else {
                            "-".into()
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        (
            urls,
            errors.iter().map(|e| e.message().to_string()).collect(),
        )
    }

    #[test]
    fn unusable_names_are_reported_once_and_their_pages_have_no_address() {
        let (urls, errors) = urls(vec![
            page(0, "_index.md", ""),
            page(0, "Oud Nieuws/een.md", ""),
            page(0, "Oud Nieuws/twee.md", ""),
            page(0, "Over Ons.md", ""),
            page(0, "Ander.md", "slug: ander\n"),
            page(0, "Fout/_index.md", "slug: goed\n"),
            page(0, "Fout/kind.md", ""),
            page(1, "_index.md", ""),
        ]);
        // Sorted by path: Ander, Fout/…, Oud Nieuws/…, Over Ons, _index.
        assert_eq!(
            urls,
            ["ander/", "goed/", "goed/kind/", "-", "-", "-", "", "en/"]
        );
        assert_eq!(
            errors,
            [
                "folder name `Oud Nieuws` cannot be used in a web address",
                "file name `Over Ons` cannot be used in a web address",
            ]
        );
    }
}
