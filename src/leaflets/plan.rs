//! Which leaflets a build makes and what each one shows: pages marked `pdf:` in every language
//! they are translated into, and (`pdf: per-location`) once more per location with the
//! location's contact box from the registry's [`View`]. Markdown a leaflet cannot print is
//! reported here, at load time, with its line.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::Job;
use super::blocks::{self, Block, shown};
use crate::config::{Config, DEFAULT_LANG, Language};
use crate::content::frontmatter::PdfKind;
use crate::coverage::view::{LocationView, View};
use crate::diag::Diagnostic;
use crate::escape::sorted_json;
use crate::i18n::Strings;
use crate::locations::Registry;
use crate::model::{Page, Site};
use crate::t;

/// The leaflets of a build, and where the web pages link to them.
#[derive(Default)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// Page index → the page's own PDFs.
    pub page_links: BTreeMap<usize, PageLeaflets>,
    /// Location index → the leaflets made for it, per page.
    pub location_links: Vec<Vec<LocationLeaflets>>,
}

/// `leaflet_pdf` on a page with `pdf:`: its general PDF and one per location.
#[derive(Debug, Clone, Serialize)]
pub struct PageLeaflets {
    pub url: String,
    pub locations: Vec<NamedLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NamedLink {
    pub name: String,
    pub url: String,
}

/// A page's leaflets for one location, in every language.
#[derive(Debug, Clone)]
pub struct LocationLeaflets {
    /// Translation key of the page.
    pub key: String,
    pub links: Vec<LanguageLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
    pub url: String,
}

/// `location_leaflets` on a location page: each page's title and its PDFs.
#[derive(Serialize)]
pub struct Titled<'a> {
    pub title: Option<String>,
    pub links: &'a [LanguageLink],
}

impl Plan {
    /// The location page's leaflet list, titled in `lang` (else the default language).
    pub fn for_location(&self, site: &Site, location: usize, lang: usize) -> Vec<Titled<'_>> {
        let Some(list) = self.location_links.get(location) else {
            return Vec::new();
        };
        list.iter()
            .map(|l| Titled {
                title: site
                    .translation_or_original(&l.key, lang)
                    .map(|p| p.src.front.title.clone()),
                links: &l.links,
            })
            .collect()
    }
}

/// The site-relative path of a leaflet PDF.
pub fn pdf_path(key: &str, lang: &str, location: Option<&str>) -> String {
    let name = format!("{}-{lang}.pdf", key.replace('/', "-"));
    match location {
        Some(slug) => format!("pdf/{slug}/{name}"),
        None => format!("pdf/{name}"),
    }
}

/// Finds the pages to print, converts their text to data and checks it; a translation that
/// sets `pdf:` itself, and Markdown a leaflet cannot print, are errors at their line.
pub fn plan(
    config: &Config,
    strings: &[Strings],
    site: &Site,
    registry: &Registry,
    views: &[View],
) -> Result<Plan, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut plan = Plan {
        location_links: vec![Vec::new(); registry.locations.len()],
        ..Plan::default()
    };
    for p in site.pages.iter().filter(|p| p.lang() != DEFAULT_LANG) {
        if p.src.front.pdf.is_some() {
            let default = &config.default_language().code;
            errors.push(
                Diagnostic::error(t!("leaflet-pdf-on-translation"))
                    .at(&p.src.source, p.src.key_span("pdf"))
                    .hint(t!("leaflet-pdf-on-translation.hint", default = default)),
            );
        }
    }
    let base = blocks::LinkBase {
        base_url: &config.permalink(""),
    };
    for (key, langs) in &site.translations {
        let Some(original) = site.original(key) else {
            continue;
        };
        let Some(kind) = original.src.front.pdf else {
            continue;
        };
        let per_location = kind == PdfKind::PerLocation;
        let mut loc_links: Vec<Vec<LanguageLink>> = vec![Vec::new(); registry.locations.len()];
        for (lang, index) in langs.iter().enumerate() {
            let Some(index) = *index else { continue };
            let page = &site.pages[index];
            let (mut body, ds) = blocks::parse(&page.src.source, page.src.body_start, &base);
            let failed = !ds.is_empty();
            errors.extend(ds);
            if let Err(d) = blocks::check_headings(&page.src.source, page.src.body_start, &body) {
                errors.push(d);
                continue;
            }
            if failed {
                continue;
            }
            let language = &config.site.languages[lang];
            let leaflets = Leaflets {
                config,
                s: &strings[lang],
                site,
                page,
                language,
                lang,
                rtl: language.direction.as_str() == "rtl",
            };
            if leaflets.rtl {
                blocks::isolate_blocks(&mut body);
            }
            let shared: Arc<str> = leaflets.shared(&body).into();
            let general = pdf_path(key, &language.code, None);
            plan.jobs
                .push(leaflets.job(&general, &shared, leaflets.general(), None));
            let mut locations = Vec::new();
            if per_location {
                for (li, (loc, view)) in registry
                    .locations
                    .iter()
                    .zip(&views[lang].locations)
                    .enumerate()
                {
                    let path = pdf_path(key, &language.code, Some(&loc.slug));
                    let contact = leaflets.for_location(view);
                    plan.jobs
                        .push(leaflets.job(&path, &shared, contact, Some(loc)));
                    locations.push(NamedLink {
                        name: loc.name.clone(),
                        url: config.url(&path),
                    });
                    loc_links[li].push(LanguageLink {
                        code: language.code.clone(),
                        name: language.name.clone(),
                        dir: language.direction.as_str(),
                        url: config.url(&path),
                    });
                }
            }
            plan.page_links.insert(
                index,
                PageLeaflets {
                    url: config.url(&general),
                    locations,
                },
            );
        }
        if per_location {
            for (li, links) in loc_links.into_iter().enumerate() {
                plan.location_links[li].push(LocationLeaflets {
                    key: key.clone(),
                    links,
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// What every leaflet of one page in one language shares, and how it makes their data.
struct Leaflets<'a> {
    config: &'a Config,
    s: &'a Strings,
    site: &'a Site,
    page: &'a Page,
    language: &'a Language,
    lang: usize,
    rtl: bool,
}

/// Everything the template shows but the contact box. Written as a JSON value, so its keys
/// come out sorted, as the leaflets' data has always had them (they are in the cache key).
#[derive(Serialize)]
struct Shared<'a> {
    lang: &'a str,
    dir: &'static str,
    site: &'a str,
    tagline: &'a str,
    title: &'a str,
    description: String,
    blocks: &'a [Block],
    address: String,
    page_n_of_m: &'a str,
    comma: &'static str,
    /// What a parent should know at a glance: free, weekly, at home, ages, start.
    facts: [&'a str; 5],
}

/// The contact box: where to find the local number, or a location's own.
#[derive(Serialize)]
struct Contact {
    name: Option<String>,
    heading: String,
    text: String,
    url: String,
    shown: String,
    qr_alt: String,
    /// For a parent who has no number yet: whom to ask (general leaflet only).
    help: Option<String>,
    #[serde(flatten)]
    call: Option<Call>,
}

/// What a location's box adds: its phone number and coordinators.
#[derive(Serialize)]
struct Call {
    phone: String,
    tel: String,
    phone_label: String,
    coordinator_label: String,
    coordinators: Vec<CoordinatorLine>,
}

#[derive(Serialize)]
struct CoordinatorLine {
    name: String,
    phone: String,
    tel: String,
}

impl Leaflets<'_> {
    fn shared(&self, blocks: &[Block]) -> String {
        let home = &self.site.pages[self.site.homes[self.lang]];
        let shared = Shared {
            lang: &self.language.code,
            dir: if self.rtl { "rtl" } else { "ltr" },
            site: &self.config.site.title,
            tagline: self.s.get("site_tagline"),
            title: &self.page.src.front.title,
            description: self.page.src.description(),
            blocks,
            address: self.isolate(&shown(&self.config.permalink(&home.url))),
            page_n_of_m: self.s.get("page_n_of_m"),
            comma: if self.rtl { "،" } else { "," },
            facts: [
                "leaflet_fact_free",
                "leaflet_fact_weekly",
                "leaflet_fact_home",
                "leaflet_fact_ages",
                "leaflet_fact_start",
            ]
            .map(|k| self.s.get(k)),
        };
        sorted_json(&shared).to_string()
    }

    fn job(
        &self,
        path: &str,
        shared: &Arc<str>,
        contact: Contact,
        location: Option<&crate::locations::Location>,
    ) -> Job {
        let example = self.config.site.registry.example_data;
        let notice = if example && location.is_some() {
            self.s.get("example_data")
        } else {
            ""
        };
        let qr = contact.url.clone();
        let contact = sorted_json(&contact);
        Job {
            path: path.to_string(),
            shared: shared.clone(),
            own: format!(
                "\"contact\":{contact},\"notice\":{}",
                serde_json::Value::from(notice)
            ),
            qr,
            page: self.page.src.source.clone(),
            location: location.map(|l| l.source.clone()),
        }
    }

    /// The map (with the lookup) in the leaflet's language, else in the default language,
    /// else the leaflet language's home page.
    fn map_url(&self) -> String {
        let key = &self.config.site.registry.map;
        let target = self
            .site
            .translation_or_original(key, self.lang)
            .unwrap_or(&self.site.pages[self.site.homes[self.lang]]);
        self.config.permalink(&target.url)
    }

    /// The generic leaflet's box: the map, in the leaflet's language if the site has it there.
    fn general(&self) -> Contact {
        let url = self.map_url();
        // Whom to ask without a number: the GP, youth nurse or clinic, or the national contact
        // of site.yaml (without one, the box says only where the numbers are).
        let help = self.config.site.organisation.email.as_ref().map(|email| {
            self.s
                .fill("leaflet_no_number", &[("email", &self.isolate(email))])
        });
        Contact {
            help,
            ..self.contact(
                None,
                self.s.get("leaflet_contact_general"),
                "leaflet_find_number",
                url,
                None,
            )
        }
    }

    fn for_location(&self, l: &LocationView) -> Contact {
        // The location's page in the leaflet's language, else the map in that language: a
        // parent is not sent to a page in another language.
        let url = l.permalink.clone().unwrap_or_else(|| self.map_url());
        let name = self.isolate(&l.name);
        let heading = self.s.fill("leaflet_call", &[("name", &name)]);
        let call = Call {
            phone: self.isolate(&l.phone.display),
            tel: l.phone.href.clone(),
            phone_label: self.s.get("location_phone").to_string(),
            coordinator_label: self.s.get("lookup_coordinator").to_string(),
            coordinators: l
                .coordinators
                .iter()
                .map(|c| CoordinatorLine {
                    name: self.isolate(&c.name),
                    phone: self.isolate(&c.phone.display),
                    tel: c.phone.href.clone(),
                })
                .collect(),
        };
        self.contact(Some(name), &heading, "leaflet_call_text", url, Some(call))
    }

    fn contact(
        &self,
        name: Option<String>,
        heading: &str,
        text: &str,
        url: String,
        call: Option<Call>,
    ) -> Contact {
        Contact {
            name,
            heading: heading.to_string(),
            text: self.s.get(text).to_string(),
            shown: self.isolate(&shown(&url)),
            qr_alt: self.s.fill("leaflet_qr_alt", &[("url", &shown(&url))]),
            url,
            help: None,
            call,
        }
    }

    /// Names, numbers and addresses from the registry keep their order in right-to-left text.
    fn isolate(&self, s: &str) -> String {
        if self.rtl {
            blocks::isolate(s)
        } else {
            s.to_string()
        }
    }
}
