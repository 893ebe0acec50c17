//! Rules over the placed site: what [`crate::model::build`] placed must make one coherent
//! site. They run before anything renders, all together, so one run reports every problem.

use std::collections::BTreeMap;

use crate::config::{Config, DEFAULT_LANG};
use crate::content::SourcePage;
use crate::content::frontmatter::SortBy;
use crate::diag::{Diagnostic, suggest};
use crate::i18n::Strings;
use crate::model::{Site, sort_of};
use crate::t;

/// Every rule over the placed site: the one place that lists them.
pub fn site(config: &Config, strings: &[Strings], site: &Site) -> Vec<Diagnostic> {
    let mut out = super::strings::pagination_paths(strings);
    out.extend(super::strings::needed(strings, site));
    out.extend(unique_addresses(site, strings));
    out.extend(one_page_per_key(site));
    out.extend(translations_have_originals(config, site));
    out.extend(menus(config, site));
    out.extend(dated_listings(site));
    out
}

/// Text `homestart new` left for the editor to write is never published: a page that still
/// holds a placeholder is an error, unless it is a draft that this run does not publish.
/// Runs on the sources, so a run reports it together with the registry's errors.
pub fn placeholders(sources: &[SourcePage], drafts: bool) -> Vec<Diagnostic> {
    sources
        .iter()
        .filter(|p| p.generated.is_none() && (drafts || !p.front.draft))
        .flat_map(|p| crate::content::placeholder::find(&p.source))
        .collect()
}

/// Two pages (or a page and a section's listing pages) claiming one address would overwrite
/// each other.
fn unique_addresses(site: &Site, strings: &[Strings]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, p) in site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_address())
    {
        let mut urls = vec![p.url.clone()];
        if p.src.is_section {
            // Listing pages beyond the first depend on the number of entries; reserve the path.
            let path = strings
                .get(p.lang())
                .map_or("", |s| s.get("pagination_path"));
            urls.push(format!("{}{path}/", p.url));
        }
        for url in urls {
            if let Some(&prev) = seen.get(&url) {
                let other = &site.pages[prev];
                out.push(
                    Diagnostic::error(t!("page-address-duplicate", url = &url))
                        .at(&p.src.source, p.src.value_span("slug"))
                        .related(&other.src.source, other.src.value_span("slug").start)
                        .hint(t!("page-address-duplicate.hint")),
                );
            } else {
                seen.insert(url, i);
            }
        }
    }
    out
}

/// A key names one page per language; the model kept the first, this reports the others.
fn one_page_per_key(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, p) in site.pages.iter().enumerate() {
        let first = site
            .translations
            .get(&p.key)
            .and_then(|langs| langs.get(p.lang()).copied().flatten());
        let Some(first) = first.filter(|&f| f != i) else {
            continue;
        };
        let other = &site.pages[first];
        out.push(
            Diagnostic::error(t!("translation-key-duplicate", key = &p.key))
                .at(&p.src.source, p.src.key_span("translation_key"))
                .related(
                    &other.src.source,
                    other.src.key_span("translation_key").start,
                )
                .hint(t!("translation-key-duplicate.hint")),
        );
    }
    out
}

/// Keys of the default language's pages: what translations and menus may name.
fn original_keys(site: &Site) -> Vec<&str> {
    site.translations
        .keys()
        .filter(|k| site.original(k).is_some())
        .map(String::as_str)
        .collect()
}

/// A page of another language translates a page of the default language.
fn translations_have_originals(config: &Config, site: &Site) -> Vec<Diagnostic> {
    let keys = original_keys(site);
    let default = &config.default_language().code;
    site.pages
        .iter()
        .filter(|p| p.lang() != DEFAULT_LANG && site.original(&p.key).is_none())
        .map(|p| {
            if p.src.front.translation_key.is_none() {
                // Linked by its path: the original was there and is gone (or never was).
                return Diagnostic::error(t!(
                    "translation-original-missing",
                    lang = default,
                    key = &p.key
                ))
                .in_file(p.src.source.path.clone())
                .hint(t!(
                    "translation-original-missing.hint",
                    lang = default,
                    key = &p.key
                ));
            }
            let d = Diagnostic::error(t!("translation-key-unknown", key = &p.key, lang = default))
                .at(&p.src.source, p.src.value_span("translation_key"));
            match suggest(&p.key, keys.iter().copied()) {
                Some(s) => d.hint(t!("translation-key-unknown.hint-typo", suggestion = s)),
                None => d.hint(t!("translation-key-unknown.hint", lang = default)),
            }
        })
        .collect()
}

/// Menu entries name pages of the default language by their translation key.
fn menus(config: &Config, site: &Site) -> Vec<Diagnostic> {
    let keys = original_keys(site);
    let mut out = Vec::new();
    for (list, field) in [
        (&config.site.menu, "menu"),
        (&config.site.footer_menu, "footer_menu"),
    ] {
        for key in list.iter().filter(|k| site.original(k).is_none()) {
            let span = crate::config::find_value(&config.source, key).unwrap_or(0..0);
            let d = Diagnostic::error(t!("menu-entry-unknown", menu = field, key = key))
                .at(&config.source, span);
            out.push(match suggest(key, keys.iter().copied()) {
                Some(s) => d.hint(t!("menu-entry-unknown.hint-typo", suggestion = s)),
                None => d.hint(t!("menu-entry-unknown.hint")),
            });
        }
    }
    out
}

/// A section sorted by date, or with a feed, needs a date on every page it lists.
fn dated_listings(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for section in &site.pages {
        let front = &section.src.front;
        if !(front.feed || sort_of(front) == SortBy::Date) {
            continue;
        }
        // Which of the two: a select in the message.
        let reason = if front.feed { "feed" } else { "date" };
        for &c in &section.children {
            let page = &site.pages[c].src;
            // A date that is written but wrong has its own error already.
            if page.date.is_none() && page.front.date.is_none() {
                out.push(
                    Diagnostic::error(t!("page-date-missing", reason = reason))
                        .at(&page.source, 0..3)
                        .related(&section.src.source, 0)
                        .hint(t!("page-date-missing.hint")),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{config, config_with, page, site as placed, strings};

    fn tables() -> Vec<Strings> {
        vec![
            strings(0, &[("pagination_path", "pagina")]),
            strings(1, &[("pagination_path", "page")]),
        ]
    }

    fn messages(ds: &[Diagnostic]) -> Vec<(String, String, usize)> {
        ds.iter()
            .map(|d| {
                let at = d.path().unwrap_or_default().to_string();
                (d.message().to_string(), at, d.line())
            })
            .collect()
    }

    fn homes() -> Vec<crate::content::SourcePage> {
        vec![page(0, "_index.md", ""), page(1, "_index.md", "")]
    }

    #[test]
    fn a_coherent_site_passes_every_rule() {
        let mut pages = homes();
        pages.push(page(0, "over.md", ""));
        pages.push(page(0, "nieuws/_index.md", "feed: true\n"));
        pages.push(page(0, "nieuws/een.md", "date: 2026-01-01\n"));
        pages.push(page(1, "about.md", "translation_key: over\n"));
        let c = config_with("menu: [over]\nfooter_menu: [nieuws/_index]\n");
        let s = crate::model::testing::site_with(&c, pages);
        assert!(site(&c, &tables(), &s).is_empty());
    }

    /// `site` is the one list of rules: each of them reports through it.
    #[test]
    fn every_rule_reports_through_site() {
        let mut pages = homes();
        pages.push(page(0, "a.md", "slug: b\n"));
        pages.push(page(0, "b.md", ""));
        pages.push(page(0, "c.md", "translation_key: d\n"));
        pages.push(page(0, "d.md", ""));
        pages.push(page(0, "folder.md", "pdf: general\n"));
        pages.push(page(0, "nieuws/_index.md", "feed: true\n"));
        pages.push(page(0, "nieuws/x.md", ""));
        pages.push(page(1, "extra.md", ""));
        let c = config_with("menu: [nergens]\n");
        let tables = vec![
            strings(0, &[("pagination_path", "Pagina")]),
            strings(1, &[("pagination_path", "page")]),
        ];
        let ds = site(&c, &tables, &crate::model::testing::site_with(&c, pages));
        for rule in [
            "pagination_path must be usable in a web address",
            "string table i18n/nl.yaml is missing the key `leaflet_call`",
            "two pages have the address /b/",
            "translation key `d` is used by two pages of one language",
            "the nl page this translates, content/nl/extra.md, does not exist",
            "menu entry `nergens` matches no page",
            "page has no date, but its section has a feed",
        ] {
            assert!(ds.iter().any(|d| d.message() == rule), "{rule}: {ds:#?}");
        }
    }

    /// A page without an address (reported by the model) leaves the rest of the site checked,
    /// so one run reports both.
    #[test]
    fn a_site_with_unplaced_pages_is_still_checked() {
        let mut pages = homes();
        pages.push(page(0, "Oud Nieuws/een.md", ""));
        pages.push(page(0, "Oud Nieuws/twee.md", ""));
        pages.push(page(1, "extra.md", ""));
        let c = config_with("menu: [nergens]\n");
        let (placed, placing) = crate::model::build(&c, pages, false);
        assert_eq!(placing.len(), 1, "{placing:?}");
        let Some(placed) = placed else {
            panic!("the site is placed");
        };
        let ds = site(&c, &tables(), &placed);
        let got: Vec<String> = ds.iter().map(|d| d.message()).collect();
        assert_eq!(
            got,
            [
                "the nl page this translates, content/nl/extra.md, does not exist",
                "menu entry `nergens` matches no page"
            ]
        );
    }

    #[test]
    fn two_pages_or_a_listing_page_at_one_address_are_reported_with_both_files() {
        let mut pages = homes();
        pages.push(page(0, "over.md", ""));
        pages.push(page(0, "wie.md", "slug: over\n"));
        pages.push(page(0, "nieuws/_index.md", ""));
        pages.push(page(0, "nieuws/pagina.md", ""));
        let ds = unique_addresses(&placed(pages), &tables());
        assert_eq!(
            messages(&ds),
            [
                (
                    "two pages have the address /nieuws/pagina/".into(),
                    "content/nl/nieuws/pagina.md".into(),
                    1
                ),
                (
                    "two pages have the address /over/".into(),
                    "content/nl/wie.md".into(),
                    3
                ),
            ]
        );
        assert!(ds.iter().all(|d| d.has_related()));
    }

    #[test]
    fn a_key_names_one_page_per_language() {
        let mut pages = homes();
        pages.push(page(0, "over.md", ""));
        pages.push(page(0, "wie.md", "translation_key: over\n"));
        pages.push(page(1, "about.md", "translation_key: over\n"));
        let ds = one_page_per_key(&placed(pages));
        assert_eq!(
            messages(&ds),
            [(
                "translation key `over` is used by two pages of one language".into(),
                "content/nl/wie.md".into(),
                3
            )]
        );
    }

    #[test]
    fn a_translation_needs_an_original_and_a_near_miss_is_suggested() {
        let mut pages = homes();
        pages.push(page(0, "over.md", ""));
        pages.push(page(1, "about.md", "translation_key: overr\n"));
        pages.push(page(1, "extra.md", ""));
        let ds = translations_have_originals(&config(), &placed(pages));
        assert_eq!(ds.len(), 2, "{ds:?}");
        assert_eq!(
            ds[0].message(),
            "translation key `overr` matches no page in the default language (nl)"
        );
        assert_eq!(ds[0].hint_text().as_deref(), Some("did you mean `over`?"));
        // Linked by its path: the original is gone, and the hint says what to do, naming no
        // other page.
        assert_eq!(
            ds[1].message(),
            "the nl page this translates, content/nl/extra.md, does not exist"
        );
        assert!(
            ds[1]
                .hint_text()
                .unwrap_or_default()
                .starts_with("delete this translation, or bring content/nl/extra.md back")
        );
        // In Dutch, for the editor.
        let nl = crate::messages::Lang::Nl;
        assert_eq!(
            ds[0].message_in(nl),
            "bij `translation_key: overr` hoort geen pagina in de eerste taal van de site (nl)"
        );
        assert_eq!(ds[0].hint_in(nl).as_deref(), Some("bedoelt u `over`?"));
        assert_eq!(
            ds[1].message_in(nl),
            "het origineel van deze vertaling, content/nl/extra.md, bestaat niet"
        );
    }

    #[test]
    fn menu_entries_name_pages_of_the_default_language() {
        let mut pages = homes();
        pages.push(page(0, "over.md", ""));
        pages.push(page(1, "engels.md", ""));
        let c = config_with("menu: [over, overr]\nfooter_menu: [engels]\n");
        let ds = menus(&c, &placed(pages));
        assert_eq!(
            messages(&ds),
            [
                (
                    "menu entry `overr` matches no page".into(),
                    "site.yaml".into(),
                    7
                ),
                (
                    "footer_menu entry `engels` matches no page".into(),
                    "site.yaml".into(),
                    8
                ),
            ]
        );
        assert_eq!(ds[0].hint_text().as_deref(), Some("did you mean `over`?"));
    }

    #[test]
    fn sections_by_date_or_with_a_feed_need_dated_pages() {
        let mut pages = homes();
        pages.push(page(0, "nieuws/_index.md", "feed: true\n"));
        pages.push(page(0, "nieuws/oud.md", "date: 2026-01-01\n"));
        pages.push(page(0, "nieuws/zonder.md", ""));
        pages.push(page(0, "lijst/_index.md", "sort_by: date\n"));
        pages.push(page(0, "lijst/zonder.md", ""));
        pages.push(page(0, "gewicht/_index.md", ""));
        pages.push(page(0, "gewicht/zonder.md", ""));
        let ds = dated_listings(&placed(pages));
        let got: Vec<(String, String)> = ds
            .iter()
            .map(|d| {
                (
                    d.message().to_string(),
                    d.path().unwrap_or_default().to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "page has no date, but its section is sorted by date".into(),
                    "content/nl/lijst/zonder.md".into()
                ),
                (
                    "page has no date, but its section has a feed".into(),
                    "content/nl/nieuws/zonder.md".into()
                ),
            ]
        );
        let nl = crate::messages::Lang::Nl;
        assert_eq!(
            ds[0].message_in(nl),
            "deze pagina heeft geen datum, maar haar rubriek is op datum gesorteerd"
        );
        assert_eq!(
            ds[1].message_in(nl),
            "deze pagina heeft geen datum, maar haar rubriek heeft een feed"
        );
    }
}
