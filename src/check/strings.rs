//! Rules over the string tables that depend on the site: the keys what the site contains
//! reads, and the listing pages' path segment.

use crate::content::frontmatter::is_valid_slug;
use crate::diag::Diagnostic;
use crate::i18n::{Strings, keys, require};
use crate::model::Site;
use crate::t;

/// The keys the registry's pages and the leaflets read, when the site has them. (The keys
/// every build reads are required when the tables load.)
pub fn needed(strings: &[Strings], site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if site.pages.iter().any(|p| p.src.generated.is_some()) {
        out.extend(require(strings, keys::REGISTRY, Some("registry")));
    }
    if site.pages.iter().any(|p| p.src.front.pdf.is_some()) {
        out.extend(require(strings, keys::LEAFLETS, Some("leaflets")));
    }
    out
}

/// `pagination_path` is a segment of the listing pages' addresses (`verhalen/pagina/2/`).
pub fn pagination_paths(strings: &[Strings]) -> Vec<Diagnostic> {
    strings
        .iter()
        .filter(|s| !is_valid_slug(s.get("pagination_path")))
        .map(|s| {
            let span = crate::yaml::file_value_span(&s.source, "pagination_path");
            Diagnostic::error(t!("strings-pagination-path"))
                .at(&s.source, span)
                .hint(t!("strings-pagination-path.hint"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Generated;
    use crate::model::testing::{page, site, strings};

    fn tables(keys: &[&str]) -> Vec<Strings> {
        let entries: Vec<(&str, &str)> = keys.iter().map(|k| (*k, "x")).collect();
        vec![strings(0, &entries), strings(1, &entries)]
    }

    fn missing(ds: &[Diagnostic]) -> Vec<String> {
        ds.iter()
            .map(|d| {
                assert_eq!(d.path(), Some("i18n/nl.yaml"));
                d.message().to_string()
            })
            .collect()
    }

    #[test]
    fn the_registry_and_leaflet_keys_are_needed_when_the_site_has_them() {
        let plain = || vec![page(0, "_index.md", ""), page(1, "_index.md", "")];
        let bare = tables(&[]);
        assert!(needed(&bare, &site(plain())).is_empty());

        let mut pages = plain();
        pages.push(page(0, "folder.md", "pdf: general\n"));
        let ds = needed(&bare, &site(pages));
        assert_eq!(ds.len(), keys::LEAFLETS.len());
        assert_eq!(
            missing(&ds)[0],
            "string table i18n/nl.yaml is missing the key `example_data`"
        );
        assert_eq!(
            ds[0].hint_text().as_deref(),
            Some("add `example_data: …`; the tool needs it for the PDF leaflets")
        );

        let mut pages = plain();
        let mut location = page(0, "locaties/a.md", "");
        location.generated = Some(Generated::Location(0));
        pages.push(location);
        let mut all = keys::REGISTRY.to_vec();
        all.retain(|k| *k != "day_3");
        let ds = needed(&tables(&all), &site(pages));
        assert_eq!(
            missing(&ds),
            ["string table i18n/nl.yaml is missing the key `day_3`"]
        );
        assert!(
            ds[0]
                .hint_text()
                .is_some_and(|h| h.ends_with("for the registry's pages"))
        );
    }

    #[test]
    fn pagination_path_must_be_an_address_segment() {
        let good = strings(0, &[("pagination_path", "pagina")]);
        let bad = strings(1, &[("home", "Home"), ("pagination_path", "Page 2")]);
        let ds = pagination_paths(&[good, bad]);
        assert_eq!(ds.len(), 1);
        assert_eq!((ds[0].path(), ds[0].line()), (Some("i18n/en.yaml"), 2));
        assert_eq!(
            ds[0].message(),
            "pagination_path must be usable in a web address"
        );
    }
}
