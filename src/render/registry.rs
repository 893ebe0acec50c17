//! Template values for the registry's pages, built once per language: each location and
//! municipality as a value, plus the lists the overview and A–Z pages show. Everything a
//! template prints from here is plain text it escapes, except the ready-made pieces marked
//! `_html` / `map`, which are escaped here.

use serde_json::{Value as Json, json};
use tera::Value;

use crate::config::Config;
use crate::geo::Geography;
use crate::i18n::Strings;
use crate::locations::pages::ages_text;
use crate::locations::{Location, Phone, Registry};
use crate::map::national::{Detail, Item, coverage_map};
use crate::map::{AreaMap, Fill, area_map};
use crate::model::Site;
use crate::render::escape_xml;

/// Per-language values: `registry` (lists), one value per location and per municipality.
pub struct RegistryValues {
    pub summary: Value,
    pub locations: Vec<Value>,
    pub municipalities: Vec<Value>,
    /// schema.org records of the locations, for their pages' JSON-LD.
    pub jsonld: Vec<Json>,
    /// The lookup's index file: site-relative path and JSON text.
    pub lookup: (String, String),
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

/// Coverage of a municipality by any location, for the maps around municipalities.
fn coverage(reg: &Registry, m: usize) -> Fill {
    let areas = &reg.served_by[m];
    if areas.is_empty() {
        Fill::Other
    } else if areas
        .iter()
        .any(|&(l, a)| reg.locations[l].areas[a].districts.is_empty())
    {
        Fill::Served
    } else {
        Fill::Partial
    }
}

/// Builds the values of one language.
pub fn build(
    config: &Config,
    site: &Site,
    s: &Strings,
    lang: usize,
    geo: &Geography,
    reg: &Registry,
    maps: &AreaMaps,
) -> RegistryValues {
    let settings = &config.site.registry;
    // A page's address in this language, else in the default one.
    let page_url = |key: &str| {
        site.translation(key, lang)
            .or_else(|| site.translation(key, 0))
            .map(|p| config.url(&p.url))
    };
    let url_of =
        |section: &str, slug: &str| page_url(&crate::locations::pages::page_key(section, slug));
    let loc_url = |l: &Location| url_of(&settings.locations, &l.slug);
    let muni_url = |m: usize| url_of(&settings.municipalities, &geo.municipalities[m].slug);

    // Short form of a location, for the municipality pages and lists.
    let brief: Vec<Json> = reg
        .locations
        .iter()
        .map(|l| {
            json!({
                "name": l.name, "url": loc_url(l), "phone": phone(&l.phone), "email": l.email,
                "coordinators": l.coordinators.iter().map(|c| json!({
                    "name": c.name, "phone": phone(&c.phone), "email": c.email,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();

    let mut locations = Vec::with_capacity(reg.locations.len());
    let mut jsonld = Vec::with_capacity(reg.locations.len());
    let mut location_list = Vec::with_capacity(reg.locations.len());
    for (i, l) in reg.locations.iter().enumerate() {
        let areas: Vec<Json> = l
            .areas
            .iter()
            .map(|a| {
                let m = &geo.municipalities[a.municipality];
                json!({
                    "name": m.display, "code": m.code, "url": muni_url(a.municipality),
                    "districts": a.districts,
                    "coverage": coverage_text(s, &a.districts),
                    "ages": ages_text(s, a.ages, true),
                })
            })
            .collect();
        let served: Vec<usize> = l.municipalities().collect();
        let tel = format!(
            "<a href=\"tel:{}\">{}</a>",
            escape_xml(&l.phone.e164),
            escape_xml(&l.phone.display)
        );
        let steps: Vec<String> = (1..=4)
            .map(|n| {
                escape_xml(
                    &s.get(&format!("referral_step_{n}"))
                        .replace("{name}", &l.name),
                )
                .replace("{phone}", &tel)
            })
            .collect();
        let value = json!({
            "slug": l.slug, "name": l.name, "url": loc_url(l), "organisation": l.organisation,
            "street": l.street, "postcode": l.postcode, "city": l.city,
            "phone": phone(&l.phone), "email": l.email,
            "opening_days": l.opening_days.iter().map(|d| s.get(&format!("day_{}", d.number()))).collect::<Vec<_>>(),
            "coordinators": brief[i]["coordinators"],
            "areas": areas,
            "municipality_count": served.len(),
            "steps_html": steps,
            "map": maps.locations[i].labelled(&s.fill("map_label", &[("name", &l.name)])),
        });
        location_list.push(json!({
            "name": l.name, "url": loc_url(l), "phone": phone(&l.phone), "city": l.city,
            "municipalities": served.iter().map(|&m| json!({"name": geo.municipalities[m].display, "url": muni_url(m)})).collect::<Vec<_>>(),
        }));
        jsonld.push(location_jsonld(config, l, geo, loc_url(l)));
        locations.push(Value::from_serializable(&value));
    }

    let mut municipalities = Vec::with_capacity(geo.municipalities.len());
    let mut az: Vec<(String, Vec<Json>)> = Vec::new();
    let mut order: Vec<usize> = (0..geo.municipalities.len()).collect();
    order.sort_by_key(|&m| crate::geo::fold(&geo.municipalities[m].display));
    let mut values: Vec<Option<Value>> = vec![None; geo.municipalities.len()];
    for &m in &order {
        let muni = &geo.municipalities[m];
        let services: Vec<Json> = reg.served_by[m]
            .iter()
            .map(|&(l, a)| {
                let area = &reg.locations[l].areas[a];
                json!({
                    "location": brief[l], "districts": area.districts,
                    "coverage": coverage_text(s, &area.districts),
                    "ages": ages_text(s, area.ages, true),
                })
            })
            .collect();
        let nearest: Vec<Json> = reg.nearest[m]
            .iter()
            .map(|&(l, km)| {
                json!({"location": brief[l], "km": km.round(), "distance": s.fill("distance_km", &[("km", &format!("{km:.0}"))])})
            })
            .collect();
        let offered = !services.is_empty();
        let status = s.get(if offered {
            "status_offered"
        } else {
            "status_not_offered"
        });
        let value = json!({
            "code": muni.code, "name": muni.name, "display": muni.display, "url": muni_url(m),
            "offered": offered, "status": status, "services": services, "nearest": nearest,
            "heading": s.fill(if offered { "municipality_offered" } else { "municipality_not_offered" }, &[("name", &muni.display)]),
            "nearest_intro": s.fill("municipality_nearest_intro", &[("name", &muni.display)]),
            "map": maps.municipalities[m].labelled(&s.fill("map_label", &[("name", &muni.display)])),
        });
        let letter = initial(&muni.display);
        let entry = json!({"name": muni.display, "url": muni_url(m), "offered": offered, "status": status,
            "locations": reg.served_by[m].iter().map(|&(l, _)| reg.locations[l].name.as_str()).collect::<Vec<_>>()});
        match az.last_mut() {
            Some((l, list)) if *l == letter => list.push(entry),
            _ => az.push((letter, vec![entry])),
        }
        values[m] = Some(Value::from_serializable(&value));
    }
    municipalities.extend(values.into_iter().map(|v| v.unwrap_or_else(Value::none)));
    let urls: Vec<String> = (0..geo.municipalities.len())
        .map(|m| muni_url(m).unwrap_or_default())
        .collect();
    let items: Vec<Item> = (0..geo.municipalities.len())
        .map(|m| {
            let name = &geo.municipalities[m].display;
            let label = match reg.served_by[m].first() {
                Some(&(l, a)) => {
                    let names: Vec<&str> = reg.served_by[m]
                        .iter()
                        .map(|&(l, _)| reg.locations[l].name.as_str())
                        .collect();
                    s.fill(
                        "map_item_offered",
                        &[
                            ("name", name),
                            ("locations", &names.join(", ")),
                            ("ages", &ages_text(s, reg.locations[l].areas[a].ages, false)),
                        ],
                    )
                }
                None => s.fill("map_item_not", &[("name", name)]),
            };
            Item {
                url: &urls[m],
                label,
                fill: coverage(reg, m),
            }
        })
        .collect();
    let national = coverage_map(geo, &items, s.get("coverage_map_label"), Detail::Full);
    let small = coverage_map(geo, &items, s.get("coverage_map_label"), Detail::Small);
    let loc_urls: Vec<String> = reg
        .locations
        .iter()
        .map(|l| loc_url(l).unwrap_or_default())
        .collect();
    let lookup_path = format!("data/lookup-{}.json", config.site.languages[lang].code);
    let lookup_index = crate::lookup::index(
        geo,
        reg,
        s,
        &crate::lookup::Urls {
            municipalities: &urls,
            locations: &loc_urls,
        },
        |districts| coverage_text(s, districts),
    );
    let offered = reg.served_by.iter().filter(|s| !s.is_empty()).count();
    let summary = json!({
        "lookup": {
            "index": config.url(&lookup_path),
            "az": page_url(&settings.municipalities),
            "map": page_url(&settings.map),
            "credit": crate::geo::places::CREDIT,
        },
        "example_data": settings.example_data,
        "credit": crate::geo::CREDIT,
        "map": national,
        "map_small": small,
        "locations": location_list,
        "letters": az.iter().map(|(l, list)| json!({"letter": l, "municipalities": list})).collect::<Vec<_>>(),
        "offered": offered,
        "total": geo.municipalities.len(),
        "az_summary": s.fill("az_summary", &[("offered", &offered.to_string()), ("total", &geo.municipalities.len().to_string())]),
    });
    RegistryValues {
        summary: Value::from_serializable(&summary),
        locations,
        municipalities,
        jsonld,
        lookup: (lookup_path, lookup_index),
    }
}

fn phone(p: &Phone) -> Json {
    json!({"display": p.display, "e164": p.e164, "href": format!("tel:{}", p.e164)})
}

fn coverage_text(s: &Strings, districts: &[String]) -> String {
    if districts.is_empty() {
        s.get("whole_municipality").to_string()
    } else {
        s.fill("districts_only", &[("list", &districts.join(", "))])
    }
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

/// schema.org record of a location: an organisation with the areas it serves and its phone.
fn location_jsonld(config: &Config, l: &Location, geo: &Geography, url: Option<String>) -> Json {
    let permalink = url
        .as_deref()
        .map(|u| config.permalink(u.strip_prefix(&config.base_path).unwrap_or(u)));
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    json!({
        "@type": "NGO",
        "@id": permalink.as_ref().map(|p| format!("{p}#location")),
        "name": l.name,
        "url": permalink,
        "telephone": l.phone.e164,
        "email": l.email,
        "parentOrganization": {"@type": "Organization", "name": l.organisation},
        "address": {
            "@type": "PostalAddress", "streetAddress": l.street, "postalCode": l.postcode,
            "addressLocality": l.city, "addressCountry": "NL",
        },
        "areaServed": l.municipalities().map(|m| json!({
            "@type": "AdministrativeArea", "name": geo.municipalities[m].display,
            "identifier": geo.municipalities[m].code,
        })).collect::<Vec<_>>(),
        "contactPoint": l.coordinators.iter().map(|c| json!({
            "@type": "ContactPoint", "name": c.name, "telephone": c.phone.e164, "email": c.email,
            "contactType": "coordinator",
        })).collect::<Vec<_>>(),
        "hoursAvailable": {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": l.opening_days.iter().map(|d| format!("https://schema.org/{}", DAYS[d.number() - 1])).collect::<Vec<_>>(),
        },
    })
}
