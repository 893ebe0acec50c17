//! What a location and a municipality look like to every output, in one language: names,
//! addresses of their pages, phone numbers, ages and coverage texts. Built once per language
//! from the checked registry; templates, JSON-LD, open data, the lookup index and the
//! leaflets all read these, so a new field is added here once.

use serde::Serialize;

use crate::geo::Geography;
use crate::i18n::Strings;
use crate::locations::{Ages, Location, Phone, Registry, Weekday};

/// A phone number as shown and as dialled.
#[derive(Debug, Clone, Serialize)]
pub struct PhoneView {
    pub display: String,
    pub e164: String,
    /// `tel:` link.
    pub href: String,
}

impl From<&Phone> for PhoneView {
    fn from(p: &Phone) -> Self {
        PhoneView {
            display: p.display.clone(),
            e164: p.e164.clone(),
            href: format!("tel:{}", p.e164),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CoordinatorView {
    pub name: String,
    pub phone: PhoneView,
    pub email: String,
}

/// Whom to call: what a municipality's answer shows of a location.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub name: String,
    pub url: Option<String>,
    pub phone: PhoneView,
    pub email: String,
    pub coordinators: Vec<CoordinatorView>,
}

/// A municipality (or some of its districts) as a location serves it.
#[derive(Debug, Clone, Serialize)]
pub struct AreaView {
    /// The municipality's everyday name.
    pub name: String,
    pub code: String,
    pub url: Option<String>,
    pub districts: Vec<String>,
    /// "De hele gemeente" or "Alleen de wijken …".
    pub coverage: String,
    /// "0–6 jaar, en vanaf 28 weken zwangerschap".
    pub ages: String,
    #[serde(skip)]
    pub municipality: usize,
    #[serde(skip)]
    pub age_range: Ages,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationView {
    pub slug: String,
    pub name: String,
    /// Its page in this language, else in the default one.
    pub url: Option<String>,
    pub organisation: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub phone: PhoneView,
    pub email: String,
    /// Day names in this language.
    pub opening_days: Vec<String>,
    #[serde(skip)]
    pub days: Vec<Weekday>,
    pub coordinators: Vec<CoordinatorView>,
    pub areas: Vec<AreaView>,
    pub municipality_count: usize,
    /// The page's full address, for JSON-LD, open data and leaflets.
    #[serde(skip)]
    pub permalink: Option<String>,
    /// Municipalities served, without repeats, in the order written.
    #[serde(skip)]
    pub municipalities: Vec<usize>,
}

impl LocationView {
    pub fn contact(&self) -> ContactView {
        ContactView {
            name: self.name.clone(),
            url: self.url.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            coordinators: self.coordinators.clone(),
        }
    }
}

/// A location serving a municipality, as that municipality's page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceView {
    pub location: ContactView,
    pub districts: Vec<String>,
    pub coverage: String,
    pub ages: String,
    /// Index of the location, and of its area that serves the municipality.
    #[serde(skip)]
    pub index: usize,
    #[serde(skip)]
    pub area: usize,
}

/// One of the nearest locations of a municipality without Home-Start.
#[derive(Debug, Clone, Serialize)]
pub struct NearestView {
    pub location: ContactView,
    /// Rounded to whole kilometres.
    pub km: f64,
    /// "12 km".
    pub distance: String,
    #[serde(skip)]
    pub index: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MunicipalityView {
    pub code: String,
    /// CBS name.
    pub name: String,
    /// Everyday name.
    pub display: String,
    pub url: Option<String>,
    pub offered: bool,
    /// "Aangeboden" / "Niet aangeboden".
    pub status: String,
    pub services: Vec<ServiceView>,
    pub nearest: Vec<NearestView>,
    pub heading: String,
    pub nearest_intro: String,
    /// Where locations serve only some districts: those none serves, and the sentence naming
    /// them ("Niet in de wijken: Pernis, Rozenburg."; empty when every district is served).
    pub unserved: Vec<String>,
    pub unserved_text: String,
    #[serde(skip)]
    pub permalink: Option<String>,
}

/// Every location and municipality in one language.
#[derive(Debug, Default)]
pub struct View {
    pub lang: usize,
    pub locations: Vec<LocationView>,
    /// In [`Geography`] order.
    pub municipalities: Vec<MunicipalityView>,
}

/// The registry's two kinds of generated page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Locations,
    Municipalities,
}

/// Where a generated page is: root-relative URL and full address.
pub type Address = Option<(String, String)>;

impl View {
    /// The view in language `lang`; `page` tells where a location's or municipality's page
    /// (by slug) is for this language.
    pub fn build(
        s: &Strings,
        lang: usize,
        geo: &Geography,
        reg: &Registry,
        page: impl Fn(Section, &str) -> Address,
    ) -> View {
        let muni_pages: Vec<Address> = geo
            .municipalities
            .iter()
            .map(|m| page(Section::Municipalities, &m.slug))
            .collect();
        let locations: Vec<LocationView> = reg
            .locations
            .iter()
            .map(|l| location(s, l, geo, page(Section::Locations, &l.slug), &muni_pages))
            .collect();
        let municipalities = geo
            .municipalities
            .iter()
            .enumerate()
            .map(|(m, muni)| {
                let services: Vec<ServiceView> = reg.served_by[m]
                    .iter()
                    .map(|&(l, a)| {
                        let area = &locations[l].areas[a];
                        ServiceView {
                            location: locations[l].contact(),
                            districts: area.districts.clone(),
                            coverage: area.coverage.clone(),
                            ages: area.ages.clone(),
                            index: l,
                            area: a,
                        }
                    })
                    .collect();
                let nearest = reg.nearest[m]
                    .iter()
                    .map(|&(l, km)| NearestView {
                        location: locations[l].contact(),
                        km: km.round(),
                        distance: s.fill("distance_km", &[("km", &format!("{km:.0}"))]),
                        index: l,
                    })
                    .collect();
                let offered = !services.is_empty();
                let (heading, status) = if offered {
                    ("municipality_offered", "status_offered")
                } else {
                    ("municipality_not_offered", "status_not_offered")
                };
                let name = [("name", muni.display.as_str())];
                let (url, permalink) = muni_pages[m].clone().unzip();
                MunicipalityView {
                    code: muni.code.clone(),
                    name: muni.name.clone(),
                    display: muni.display.clone(),
                    url,
                    permalink,
                    offered,
                    status: s.get(status).to_string(),
                    services,
                    nearest,
                    heading: s.fill(heading, &name),
                    nearest_intro: s.fill("municipality_nearest_intro", &name),
                    unserved: reg.unserved[m].clone(),
                    unserved_text: unserved_text(s, &reg.unserved[m]),
                }
            })
            .collect();
        View {
            lang,
            locations,
            municipalities,
        }
    }
}

fn location(
    s: &Strings,
    l: &Location,
    geo: &Geography,
    page: Address,
    muni_pages: &[Address],
) -> LocationView {
    let areas = l
        .areas
        .iter()
        .map(|a| {
            let m = &geo.municipalities[a.municipality];
            AreaView {
                name: m.display.clone(),
                code: m.code.clone(),
                url: muni_pages[a.municipality].as_ref().map(|p| p.0.clone()),
                districts: a.districts.clone(),
                coverage: coverage_text(s, &a.districts),
                ages: ages_text(s, a.ages, true),
                municipality: a.municipality,
                age_range: a.ages,
            }
        })
        .collect();
    let municipalities: Vec<usize> = l.municipalities().collect();
    let (url, permalink) = page.unzip();
    LocationView {
        slug: l.slug.clone(),
        name: l.name.clone(),
        url,
        permalink,
        organisation: l.organisation.clone(),
        street: l.street.clone(),
        postcode: l.postcode.clone(),
        city: l.city.clone(),
        phone: (&l.phone).into(),
        email: l.email.clone(),
        opening_days: l
            .opening_days
            .iter()
            .map(|d| s.get(&format!("day_{}", d.number())).to_string())
            .collect(),
        days: l.opening_days.clone(),
        coordinators: l
            .coordinators
            .iter()
            .map(|c| CoordinatorView {
                name: c.name.clone(),
                phone: (&c.phone).into(),
                email: c.email.clone(),
            })
            .collect(),
        areas,
        municipality_count: municipalities.len(),
        municipalities,
    }
}

/// "De hele gemeente" or "Alleen de wijken A, B".
/// A list of Dutch names kept in its own direction inside a right-to-left sentence (U+2068 first
/// strong isolate … U+2069), so its commas stay between the names.
fn isolated(list: &str) -> String {
    format!("\u{2068}{list}\u{2069}")
}

/// "Niet in de wijken: Hoek van Holland, Pernis, Rozenburg.", or nothing.
fn unserved_text(s: &Strings, districts: &[String]) -> String {
    if districts.is_empty() {
        String::new()
    } else {
        s.fill(
            "districts_not_offered",
            &[("list", &isolated(&districts.join(", ")))],
        )
    }
}

pub fn coverage_text(s: &Strings, districts: &[String]) -> String {
    if districts.is_empty() {
        s.get("whole_municipality").to_string()
    } else {
        s.fill(
            "districts_only",
            &[("list", &isolated(&districts.join(", ")))],
        )
    }
}

/// "0–6 jaar" or "0–6 jaar, en vanaf 28 weken zwangerschap".
pub fn ages_text(s: &Strings, ages: Ages, with_pregnancy: bool) -> String {
    let key = if with_pregnancy && ages.pregnancy {
        "ages_range_pregnancy"
    } else {
        "ages_range"
    };
    s.fill(
        key,
        &[
            ("from", &ages.from.to_string()),
            ("to", &ages.to.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn strings() -> Strings {
        Strings {
            map: [
                ("whole_municipality", "all of it"),
                ("districts_only", "only {list}"),
                ("ages_range", "{from}-{to}"),
                ("ages_range_pregnancy", "{from}-{to}+p"),
                ("status_offered", "yes"),
                ("status_not_offered", "no"),
                ("day_1", "Mon"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            source: crate::diag::Source::new("i18n/t.yaml", ""),
        }
    }

    /// Every municipality's answer is the registry's, through the view: the locations serving
    /// it with their own phone numbers and ages, else the nearest ones; a page that does not
    /// exist has no address rather than a wrong one.
    #[test]
    fn the_view_answers_what_the_registry_says() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let geo = crate::geo::load(root).expect("geo/ loads");
        let reg = crate::locations::load(root, &geo).expect("locations/ load");
        let view = View::build(&strings(), 0, &geo, &reg, |section, slug| {
            (section == Section::Locations).then(|| (format!("/l/{slug}/"), format!("x/{slug}")))
        });
        assert_eq!(view.municipalities.len(), geo.municipalities.len());
        for (m, muni) in view.municipalities.iter().enumerate() {
            assert_eq!(muni.offered, !reg.served_by[m].is_empty());
            assert_eq!(muni.status, if muni.offered { "yes" } else { "no" });
            assert!(muni.url.is_none() && muni.permalink.is_none());
            for (s, &(l, a)) in muni.services.iter().zip(&reg.served_by[m]) {
                let loc = &reg.locations[l];
                assert_eq!((s.index, s.area), (l, a));
                assert_eq!(s.location.phone.e164, loc.phone.e164);
                assert_eq!(s.location.phone.href, format!("tel:{}", loc.phone.e164));
                assert_eq!(
                    s.location.url.as_deref(),
                    Some(&*format!("/l/{}/", loc.slug))
                );
                assert_eq!(s.ages, ages_text(&strings(), loc.areas[a].ages, true));
                let coverage = if loc.areas[a].districts.is_empty() {
                    "all of it".to_string()
                } else {
                    format!("only \u{2068}{}\u{2069}", loc.areas[a].districts.join(", "))
                };
                assert_eq!(s.coverage, coverage);
            }
            let nearest: Vec<usize> = muni.nearest.iter().map(|n| n.index).collect();
            let want: Vec<usize> = reg.nearest[m].iter().map(|&(l, _)| l).collect();
            assert_eq!(nearest, want);
        }
        assert!(view.municipalities.iter().any(|m| m.offered));
        assert!(view.municipalities.iter().any(|m| !m.nearest.is_empty()));
        for (l, loc) in view.locations.iter().zip(&reg.locations) {
            assert_eq!(l.permalink.as_deref(), Some(&*format!("x/{}", loc.slug)));
            assert_eq!(l.coordinators.len(), loc.coordinators.len());
            assert_eq!(l.municipality_count, loc.municipalities().count());
        }
    }
}
