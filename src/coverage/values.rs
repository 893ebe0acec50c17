//! Template values for the registry's pages, built once per language from the [`View`]: each
//! location and municipality as a Tera value, plus the lists the overview and A–Z pages show.
//! Everything a template prints from here is plain text it escapes, except the ready-made
//! pieces marked `_html` / `map`, which are escaped here.

use serde::Serialize;
use tera::Value;

use super::view::{ContactView, LocationView, MunicipalityView, PhoneView, View, ages_text};
use crate::config::Config;
use crate::escape::escape_xml;
use crate::geo::Geography;
use crate::i18n::Strings;
use crate::locations::Registry;
use crate::map::national::{Detail, Item, Outlines, coverage_map};
use crate::map::{AreaMap, Fill, area_map};
use crate::render::fragments::Fragments;

/// Per-language values: `registry` (lists), one value per location and per municipality.
pub struct Values {
    pub summary: Value,
    pub locations: Vec<Value>,
    pub municipalities: Vec<Value>,
    /// The maps, already minified: the values above hold their markers.
    pub fragments: Fragments,
}

/// The small maps of every location and municipality, drawn once for all languages.
pub struct AreaMaps {
    locations: Vec<AreaMap>,
    municipalities: Vec<AreaMap>,
}

impl AreaMaps {
    pub fn new(geo: &Geography, reg: &Registry) -> Self {
        use rayon::prelude::*;
        let locations = reg
            .locations
            .par_iter()
            .map(|l| {
                let served: Vec<usize> = l.municipalities().collect();
                area_map(geo, &served, |m| {
                    match l.areas.iter().find(|a| a.municipality == m) {
                        Some(a) if a.districts.is_empty() => Fill::Served,
                        Some(_) => Fill::Partial,
                        None => Fill::Other,
                    }
                })
            })
            .collect();
        let municipalities = (0..geo.municipalities.len())
            .into_par_iter()
            .map(|m| area_map(geo, &[m], |m| coverage(reg, m)))
            .collect();
        AreaMaps {
            locations,
            municipalities,
        }
    }
}

/// The country's outlines for the national maps, full size and small, drawn once for all
/// languages (each language labels and links them its own way).
pub struct NationalMaps {
    full: Outlines,
    small: Outlines,
}

impl NationalMaps {
    pub fn new(geo: &Geography) -> Self {
        let (full, small) = rayon::join(
            || Outlines::new(geo, Detail::Full),
            || Outlines::new(geo, Detail::Small),
        );
        NationalMaps { full, small }
    }
}

/// The maps drawn once for all languages, as one language's values take them: the small
/// maps only where the language has pages of its own per location and municipality.
pub struct Drawn<'a> {
    pub area: Option<&'a AreaMaps>,
    pub national: &'a NationalMaps,
}

/// Coverage of a municipality by any location, for the maps around municipalities: full
/// where its districts are all served, even by several locations.
fn coverage(reg: &Registry, m: usize) -> Fill {
    if reg.served_by[m].is_empty() {
        Fill::Other
    } else if reg.fully_served(m) {
        Fill::Served
    } else {
        Fill::Partial
    }
}

/// A location page's value: the view, its referral steps and its map.
#[derive(Serialize)]
struct LocationPage<'a> {
    #[serde(flatten)]
    view: &'a LocationView,
    steps_html: Vec<String>,
    map: String,
}

#[derive(Serialize)]
struct MunicipalityPage<'a> {
    #[serde(flatten)]
    view: &'a MunicipalityView,
    map: String,
}

/// A line of the locations overview.
#[derive(Serialize)]
struct ListedLocation<'a> {
    name: &'a str,
    url: &'a Option<String>,
    phone: &'a PhoneView,
    city: &'a str,
    municipalities: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    name: &'a str,
    url: &'a Option<String>,
}

/// A municipality in the A–Z index, with whom to call: the page answers without JavaScript,
/// and in languages without a page per municipality it is the answer.
#[derive(Serialize)]
struct Listed<'a> {
    name: &'a str,
    /// Its own page, where the language has one.
    url: Option<&'a str>,
    /// The entry's id.
    anchor: String,
    offered: bool,
    status: &'a str,
    /// The locations serving it, or else the nearest, each with its number.
    contacts: Vec<Contact<'a>>,
    /// The districts no location serves, as a sentence (or empty).
    unserved: &'a str,
}

/// A location to call, in an A–Z entry.
#[derive(Serialize)]
struct Contact<'a> {
    name: &'a str,
    url: Option<&'a str>,
    phone: &'a PhoneView,
    /// Ages served, or the distance of a nearest location.
    note: &'a str,
}

impl<'a> Contact<'a> {
    fn of(location: &'a ContactView, note: &'a str) -> Self {
        Contact {
            name: &location.name,
            url: location.url.as_deref(),
            phone: &location.phone,
            note,
        }
    }
}

#[derive(Serialize)]
struct Letter<'a> {
    letter: String,
    municipalities: Vec<Listed<'a>>,
}

/// What the lookup field needs to find its index and its fallbacks.
#[derive(Serialize)]
struct LookupLinks<'a> {
    index: String,
    az: Option<String>,
    map: Option<String>,
    credit: &'a str,
}

/// `registry` in templates: the lists and the national maps.
#[derive(Serialize)]
struct Summary<'a> {
    lookup: LookupLinks<'a>,
    example_data: bool,
    credit: &'a str,
    map: String,
    map_small: String,
    locations: Vec<ListedLocation<'a>>,
    letters: Vec<Letter<'a>>,
    offered: usize,
    total: usize,
    az_summary: String,
}

/// Builds the values of one language.
pub fn build(
    config: &Config,
    page_url: impl Fn(&str) -> Option<String>,
    s: &Strings,
    view: &View,
    geo: &Geography,
    reg: &Registry,
    maps: Drawn,
) -> Values {
    // Page values of the generated pages, in languages that have them.
    let empty = AreaMaps {
        locations: Vec::new(),
        municipalities: Vec::new(),
    };
    let Drawn { area, national } = maps;
    let maps = area.unwrap_or(&empty);
    let mut fragments = Fragments::default();
    let locations = view
        .locations
        .iter()
        .zip(&maps.locations)
        .map(|(l, map)| {
            Value::from_serializable(&LocationPage {
                view: l,
                steps_html: steps(s, l),
                map: fragments.add(map.labelled(&s.fill("map_label", &[("name", &l.name)]))),
            })
        })
        .collect();
    let municipalities = view
        .municipalities
        .iter()
        .zip(&maps.municipalities)
        .map(|(m, map)| {
            Value::from_serializable(&MunicipalityPage {
                view: m,
                map: fragments.add(map.labelled(&s.fill("map_label", &[("name", &m.display)]))),
            })
        })
        .collect();
    let settings = &config.site.registry;
    let (national, small) = national_maps(s, view, geo, reg, national);
    let offered = reg.served_by.iter().filter(|s| !s.is_empty()).count();
    let total = geo.municipalities.len();
    let summary = Summary {
        lookup: LookupLinks {
            index: config.url(&super::lookup::path(&config.site.languages[view.lang].code)),
            az: page_url(&settings.municipalities),
            map: page_url(&settings.map),
            credit: crate::geo::places::CREDIT,
        },
        example_data: settings.example_data,
        credit: crate::geo::CREDIT,
        map: fragments.add(national),
        map_small: fragments.add(small),
        locations: view
            .locations
            .iter()
            .map(|l| listed_location(view, l))
            .collect(),
        letters: letters(view, geo),
        offered,
        total,
        az_summary: s.fill(
            "az_summary",
            &[
                ("offered", &offered.to_string()),
                ("total", &total.to_string()),
            ],
        ),
    };
    Values {
        summary: Value::from_serializable(&summary),
        locations,
        municipalities,
        fragments,
    }
}

/// The four referral steps, the location's phone number a link.
fn steps(s: &Strings, l: &LocationView) -> Vec<String> {
    let tel = format!(
        "<a href=\"tel:{}\">{}</a>",
        escape_xml(&l.phone.e164),
        escape_xml(&l.phone.display)
    );
    (1..=4)
        .map(|n| {
            escape_xml(
                &s.get(&format!("referral_step_{n}"))
                    .replace("{name}", &l.name),
            )
            .replace("{phone}", &tel)
        })
        .collect()
}

fn listed_location<'a>(view: &'a View, l: &'a LocationView) -> ListedLocation<'a> {
    ListedLocation {
        name: &l.name,
        url: &l.url,
        phone: &l.phone,
        city: &l.city,
        municipalities: l
            .municipalities
            .iter()
            .map(|&m| Link {
                name: &view.municipalities[m].display,
                url: &view.municipalities[m].url,
            })
            .collect(),
    }
}

/// The A–Z index: municipalities by everyday name, grouped by first letter.
fn letters<'a>(view: &'a View, geo: &Geography) -> Vec<Letter<'a>> {
    let mut order: Vec<usize> = (0..geo.municipalities.len()).collect();
    // Folding a name costs more than comparing it: each is folded once, not at every comparison.
    order.sort_by_cached_key(|&m| crate::geo::fold(&geo.municipalities[m].display));
    let mut az: Vec<Letter> = Vec::new();
    for m in order {
        let muni = &view.municipalities[m];
        let own_page = muni.url.as_deref().filter(|u| !u.contains('#'));
        let contacts = if muni.offered {
            muni.services
                .iter()
                .map(|s| Contact::of(&s.location, &s.ages))
                .collect()
        } else {
            muni.nearest
                .iter()
                .map(|n| Contact::of(&n.location, &n.distance))
                .collect()
        };
        let entry = Listed {
            name: &muni.display,
            url: own_page,
            anchor: anchor(&geo.municipalities[m].slug),
            contacts,
            offered: muni.offered,
            status: &muni.status,
            unserved: &muni.unserved_text,
        };
        let letter = initial(&muni.display);
        match az.last_mut() {
            Some(l) if l.letter == letter => l.municipalities.push(entry),
            _ => az.push(Letter {
                letter,
                municipalities: vec![entry],
            }),
        }
    }
    az
}

/// The coverage map of the whole country, full size and small.
fn national_maps(
    s: &Strings,
    view: &View,
    geo: &Geography,
    reg: &Registry,
    outlines: &NationalMaps,
) -> (String, String) {
    let items: Vec<Item> = view
        .municipalities
        .iter()
        .enumerate()
        .map(|(m, muni)| {
            let name = &muni.display;
            let label = match muni.services.first() {
                Some(first) => {
                    let names: Vec<&str> = muni
                        .services
                        .iter()
                        .map(|s| s.location.name.as_str())
                        .collect();
                    let ages = view.locations[first.index].areas[first.area].age_range;
                    let offered = s.fill(
                        "map_item_offered",
                        &[
                            ("name", name),
                            ("locations", &names.join(", ")),
                            ("ages", &ages_text(s, ages, false)),
                        ],
                    );
                    match muni.unserved_text.as_str() {
                        "" => offered,
                        unserved => format!("{offered}. {unserved}"),
                    }
                }
                None => s.fill("map_item_not", &[("name", name)]),
            };
            Item {
                url: muni.url.as_deref().unwrap_or_default(),
                label,
                fill: coverage(reg, m),
            }
        })
        .collect();
    let label = s.get("coverage_map_label");
    (
        coverage_map(geo, &outlines.full, &items, label),
        coverage_map(geo, &outlines.small, &items, label),
    )
}

/// The id of a municipality's entry on the A–Z page, which languages without a page per
/// municipality link to.
pub fn anchor(slug: &str) -> String {
    format!("m-{slug}")
}

/// First letter for the A–Z index, ignoring "'s-" and accents ("'s-Gravenhage" → G).
fn initial(name: &str) -> String {
    let folded = crate::geo::fold(name);
    let rest = folded.strip_prefix("s ").unwrap_or(&folded);
    rest.chars()
        .next()
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_default()
}
