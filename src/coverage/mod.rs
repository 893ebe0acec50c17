//! The outputs of the location registry: where Home-Start is offered and whom to call, as
//! pages, template values, JSON-LD, open data, the lookup index and the leaflets' contact
//! boxes. All of them read one typed [`View`] per language, built here once; `locations/`
//! keeps the input side (schema, parsing, checks, phone numbers).

pub mod jsonld;
pub mod lookup;
pub mod opendata;
pub mod pages;
pub mod values;
pub mod view;

use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, DEFAULT_LANG};
use crate::geo::Geography;
use crate::i18n::Strings;
use crate::locations::Registry;
use crate::model::Site;
pub use values::Values;
pub use view::{Section, View};

/// The registry as every language sees it.
#[derive(Default)]
pub struct Coverage {
    /// One per language, in site.yaml order.
    pub views: Vec<View>,
    /// Template values, for the languages that have registry pages.
    pub values: Vec<Option<Arc<Values>>>,
}

impl Coverage {
    pub fn build(
        config: &Config,
        strings: &[Strings],
        site: &Site,
        geo: &Geography,
        reg: &Registry,
    ) -> Coverage {
        let settings = &config.site.registry;
        // A page's address in this language only: a parent is never sent into another
        // language without being told.
        let page_of = |key: &str, lang: usize| {
            site.translation(key, lang)
                .map(|p| (config.url(&p.url), config.permalink(&p.url)))
        };
        let views: Vec<View> = (0..config.site.languages.len())
            .into_par_iter()
            .map(|lang| {
                let az = page_of(&settings.municipalities, lang);
                View::build(&strings[lang], lang, geo, reg, |section, slug| {
                    let own = match section {
                        Section::Locations => &settings.locations,
                        Section::Municipalities => &settings.municipalities,
                    };
                    page_of(&pages::page_key(own, slug), lang).or_else(|| {
                        // Without its own page, a municipality is its entry on the A–Z page.
                        let (url, permalink) =
                            az.clone().filter(|_| section == Section::Municipalities)?;
                        let anchor = values::anchor(slug);
                        Some((format!("{url}#{anchor}"), format!("{permalink}#{anchor}")))
                    })
                })
            })
            .collect();
        let has_pages: Vec<bool> = (0..views.len())
            .map(|i| {
                site.pages
                    .iter()
                    .any(|p| p.lang() == i && p.src.generated.is_some())
            })
            .collect();
        // Template values wherever a page shows the registry: generated pages, the map, A–Z.
        let shows: Vec<bool> = (0..views.len())
            .map(|i| {
                has_pages[i]
                    || page_of(&settings.map, i).is_some()
                    || page_of(&settings.municipalities, i).is_some()
            })
            .collect();
        // The maps are drawn once for all languages, and only if some page shows them.
        let (maps, national) = rayon::join(
            || {
                has_pages
                    .contains(&true)
                    .then(|| values::AreaMaps::new(geo, reg))
            },
            || {
                shows
                    .contains(&true)
                    .then(|| values::NationalMaps::new(geo))
            },
        );
        let values = views
            .par_iter()
            .zip(has_pages.par_iter().zip(&shows))
            .map(|(view, (&has_pages, &shows))| {
                if !shows {
                    return None;
                }
                let national = national.as_ref()?; // drawn when any language shows them
                let maps = maps.as_ref().filter(|_| has_pages);
                let page_url = |key: &str| page_of(key, view.lang).map(|p| p.0);
                Some(Arc::new(values::build(
                    config,
                    page_url,
                    &strings[view.lang],
                    view,
                    geo,
                    reg,
                    values::Drawn {
                        area: maps,
                        national,
                    },
                )))
            })
            .collect();
        Coverage { views, values }
    }

    /// The open-data files and each language's lookup index.
    pub fn files(
        &self,
        config: &Config,
        strings: &[Strings],
        geo: &Geography,
        reg: &Registry,
    ) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        if let Some(default) = self
            .views
            .get(DEFAULT_LANG)
            .filter(|_| !reg.locations.is_empty())
        {
            let example = config.site.registry.example_data;
            let schema = config.permalink(opendata::LOCATIONS_SCHEMA);
            for (path, bytes) in opendata::files(default, geo, example, &schema) {
                files.push((path.to_string(), bytes));
            }
        }
        let shown: Vec<&View> = (self.views.iter().zip(&self.values))
            .filter(|(_, values)| values.is_some())
            .map(|(view, _)| view)
            .collect();
        if !shown.is_empty() {
            let entries = lookup::names(geo);
            let indexes: Vec<(String, Vec<u8>)> = shown
                .par_iter()
                .map(|view| {
                    let code = &config.site.languages[view.lang].code;
                    let text = lookup::index(geo, &entries, view, &strings[view.lang]);
                    (lookup::path(code), text.into_bytes())
                })
                .collect();
            files.extend(indexes);
        }
        files
    }
}
