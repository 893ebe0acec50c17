//! Pages made from the registry: one per location and one per municipality, placed inside the
//! sections site.yaml names (`registry.locations`, `registry.municipalities`) in every
//! language that has those sections. They become ordinary pages of the site model, so menus,
//! language switching, the sitemap and listings treat them like any Markdown page.

use std::sync::Arc;

use super::view::ages_text;
use crate::config::{Config, DEFAULT_LANG};
use crate::content::frontmatter::FrontMatter;
use crate::content::{Generated, SECTION_FILE, SourcePage};
use crate::diag::{Diagnostic, Source};
use crate::geo::Geography;
use crate::i18n::Strings;
use crate::locations::Registry;
use crate::t;

/// Generated pages for every language that has the registry sections.
pub fn generate(
    config: &Config,
    strings: &[Strings],
    sources: &[SourcePage],
    geo: &Geography,
    registry: &Registry,
) -> (Vec<SourcePage>, Vec<Diagnostic>) {
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    let settings = &config.site.registry;
    for (setting, key, wanted) in [
        (
            "locations",
            &settings.locations,
            !registry.locations.is_empty(),
        ),
        (
            "municipalities",
            &settings.municipalities,
            !geo.municipalities.is_empty(),
        ),
    ] {
        let sections: Vec<&SourcePage> = sources
            .iter()
            .filter(|p| p.is_section && section_key(p) == *key)
            .collect();
        if wanted && !sections.iter().any(|p| p.lang == DEFAULT_LANG) {
            let span = crate::config::find_value(&config.source, key).unwrap_or(0..0);
            errors.push(
                Diagnostic::error(t!(
                    "registry-section-missing",
                    setting = setting,
                    section = key
                ))
                .at(&config.source, span)
                .hint(t!(
                    "registry-section-missing.hint",
                    setting = setting,
                    section = key,
                    lang = &config.default_language().code
                )),
            );
            continue;
        }
        for section in sections {
            if !settings.has_pages(&config.site.languages[section.lang].code) {
                continue;
            }
            let folder = section
                .rel
                .trim_end_matches(SECTION_FILE)
                .trim_end_matches('/');
            let s = &strings[section.lang];

            if setting == "locations" {
                pages.extend(location_pages(section, folder, key, s, geo, registry));
            } else {
                pages.extend(municipality_pages(section, folder, key, s, geo, registry));
            }
        }
    }
    (pages, errors)
}

/// A page per location in the language of `section`.
fn location_pages(
    section: &SourcePage,
    folder: &str,
    key: &str,
    s: &Strings,
    geo: &Geography,
    registry: &Registry,
) -> Vec<SourcePage> {
    let mut pages = Vec::new();
    for (i, loc) in registry.locations.iter().enumerate() {
        let areas: Vec<&str> = loc
            .municipalities()
            .map(|m| geo.municipalities[m].display.as_str())
            .collect();
        let description = s.fill(
            "location_description",
            &[
                ("name", &loc.name),
                ("areas", &join_list(&areas)),
                ("phone", &loc.phone.display),
            ],
        );
        pages.push(page(
            section,
            folder,
            key,
            &loc.slug,
            loc.name.clone(),
            description,
            "location.html",
            Generated::Location(i),
            loc.source.clone(),
        ));
    }
    pages
}

/// A page per municipality in the language of `section`.
fn municipality_pages(
    section: &SourcePage,
    folder: &str,
    key: &str,
    s: &Strings,
    geo: &Geography,
    registry: &Registry,
) -> Vec<SourcePage> {
    let geo_source = Source::new(crate::geo::BOUNDARIES, "");
    let mut pages = Vec::new();
    for (m, muni) in geo.municipalities.iter().enumerate() {
        let title = s.fill("municipality_title", &[("name", &muni.display)]);
        pages.push(page(
            section,
            folder,
            key,
            &muni.slug,
            title,
            municipality_description(s, muni, m, registry),
            "municipality.html",
            Generated::Municipality(m),
            geo_source.clone(),
        ));
    }
    pages
}

/// Whether it is offered, for which ages and whom to call; else the nearest location.
fn municipality_description(
    s: &Strings,
    muni: &crate::geo::Municipality,
    m: usize,
    registry: &Registry,
) -> String {
    let served = &registry.served_by[m];
    match served.first() {
        Some(&(l, a)) => {
            // A city split over several locations names each of them.
            let all = |f: &dyn Fn(usize) -> String| {
                served
                    .iter()
                    .map(|&(l, _)| f(l))
                    .collect::<Vec<_>>()
                    .join(" / ")
            };
            s.fill(
                "municipality_description_offered",
                &[
                    ("name", &muni.display),
                    (
                        "ages",
                        &ages_text(s, registry.locations[l].areas[a].ages, false),
                    ),
                    ("location", &all(&|l| registry.locations[l].name.clone())),
                    (
                        "phone",
                        &all(&|l| registry.locations[l].phone.display.clone()),
                    ),
                ],
            )
        }
        None => match registry.nearest[m].first() {
            Some(&(l, km)) => s.fill(
                "municipality_description_not",
                &[
                    ("name", &muni.display),
                    ("location", &registry.locations[l].name),
                    ("km", &format!("{km:.0}")),
                ],
            ),
            None => s.fill("municipality_not_offered", &[("name", &muni.display)]),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn page(
    section: &SourcePage,
    folder: &str,
    key: &str,
    slug: &str,
    title: String,
    description: String,
    template: &str,
    generated: Generated,
    source: Arc<Source>,
) -> SourcePage {
    SourcePage {
        lang: section.lang,
        source,
        rel: format!("{folder}/{slug}.md"),
        is_section: false,
        front: FrontMatter {
            title,
            description: Some(description),
            slug: Some(slug.to_string()),
            template: Some(template.to_string()),
            translation_key: Some(page_key(key, slug)),
            ..FrontMatter::default()
        },
        date: None,
        yaml: 0..0,
        body_start: 0,
        html: String::new(),
        summary: String::new(),
        links: Vec::new(),
        generated: Some(generated),
    }
}

/// Translation key of the generated page for `slug` in the section with key `section`.
pub fn page_key(section: &str, slug: &str) -> String {
    format!(
        "{}/{slug}",
        section.trim_end_matches(SECTION_FILE).trim_end_matches('/')
    )
}

fn section_key(p: &SourcePage) -> String {
    p.front
        .translation_key
        .clone()
        .unwrap_or_else(|| p.rel.trim_end_matches(".md").to_string())
}

/// "A, B and C" without a language-specific "and": a comma list reads right in every language.
pub fn join_list(items: &[&str]) -> String {
    items.join(", ")
}
