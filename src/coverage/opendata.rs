//! Open data: the registry as GeoJSON (covered municipalities with their boundaries), CSV and
//! JSON, so others can reuse it. Written with real serialisers (geojson, csv, serde_json), so
//! any text in the registry is escaped for its format.

use std::borrow::Cow;

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use serde::Serialize;

use super::view::{LocationView, ServiceView, View};
use crate::geo::{CREDIT, Geography};
use crate::locations::Weekday;

pub const GEOJSON: &str = "data/coverage.geojson";
pub const CSV: &str = "data/coverage.csv";
pub const JSON: &str = "data/locations.json";
pub const SCHEMA: &str = "data/location.schema.json";

/// A location serving a municipality, in the GeoJSON's properties.
#[derive(Serialize)]
struct Service<'a> {
    location: &'a str,
    url: &'a str,
    phone: &'a str,
    phone_display: &'a str,
    email: &'a str,
    districts: &'a [String],
    ages_from: u8,
    ages_to: u8,
    from_pregnancy: bool,
}

#[derive(Serialize)]
struct Properties<'a> {
    code: &'a str,
    name: &'a str,
    display_name: &'a str,
    url: &'a str,
    services: Vec<Service<'a>>,
}

#[derive(Serialize)]
struct Document<'a> {
    example_data: bool,
    division: u16,
    licence: String,
    locations: Vec<Record<'a>>,
}

/// A location in `locations.json`.
#[derive(Serialize)]
struct Record<'a> {
    slug: &'a str,
    name: &'a str,
    url: &'a str,
    organisation: &'a str,
    address: Address<'a>,
    phone: &'a str,
    phone_display: &'a str,
    email: &'a str,
    opening_days: Vec<&'static str>,
    coordinators: Vec<Coordinator<'a>>,
    areas: Vec<Area<'a>>,
}

#[derive(Serialize)]
struct Address<'a> {
    street: &'a str,
    postcode: &'a str,
    city: &'a str,
}

#[derive(Serialize)]
struct Coordinator<'a> {
    name: &'a str,
    phone: &'a str,
    phone_display: &'a str,
    email: &'a str,
}

#[derive(Serialize)]
struct Area<'a> {
    municipality_code: &'a str,
    municipality: &'a str,
    districts: &'a [String],
    ages_from: u8,
    ages_to: u8,
    from_pregnancy: bool,
}

/// Site-relative path and bytes of every open-data file, from the default language's view
/// (its page addresses; names as CBS writes them).
pub fn files(view: &View, geo: &Geography, example: bool) -> Vec<(&'static str, Vec<u8>)> {
    let licence = format!("Registry: CC BY 4.0; {CREDIT}");
    let mut json_text = serde_json::to_string_pretty(&sorted(&Document {
        example_data: example,
        division: geo.year,
        licence: licence.clone(),
        locations: view.locations.iter().map(|l| record(view, l)).collect(),
    }))
    .unwrap_or_default();
    json_text.push('\n');
    let mut geojson_text = geojson(view, geo, example, licence).to_string();
    geojson_text.push('\n');
    vec![
        (GEOJSON, geojson_text.into_bytes()),
        (CSV, csv(view, example)),
        (JSON, json_text.into_bytes()),
        (SCHEMA, crate::locations::schema::json_schema().into_bytes()),
    ]
}

/// A record as a JSON value: its keys in alphabetical order, as the files have always had them.
fn sorted(record: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(record).unwrap_or_default()
}

fn link(url: &Option<String>) -> &str {
    url.as_deref().unwrap_or_default()
}

/// Covered municipalities with their boundaries.
fn geojson(view: &View, geo: &Geography, example: bool, licence: String) -> FeatureCollection {
    let mut features = Vec::new();
    for (muni, shape) in view.municipalities.iter().zip(&geo.municipalities) {
        if muni.services.is_empty() {
            continue;
        }
        let props = Properties {
            code: &muni.code,
            name: &muni.name,
            display_name: &muni.display,
            url: link(&muni.permalink),
            services: muni.services.iter().map(|s| service(view, s)).collect(),
        };
        let serde_json::Value::Object(props) = sorted(&props) else {
            continue;
        };
        let polygons: Vec<geojson::PolygonType> = shape
            .polygons
            .iter()
            .map(|p| {
                p.iter()
                    .map(|r| r.iter().map(|&c| c.into()).collect())
                    .collect()
            })
            .collect();
        features.push(Feature {
            bbox: None,
            geometry: Some(Geometry::new(GeometryValue::MultiPolygon {
                coordinates: polygons,
            })),
            id: Some(geojson::feature::Id::String(muni.code.clone())),
            properties: Some(props),
            foreign_members: None,
        });
    }
    let mut meta = JsonObject::new();
    meta.insert("division".into(), geo.year.into());
    meta.insert("example_data".into(), example.into());
    meta.insert("licence".into(), licence.into());
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(meta),
    }
}

fn service<'a>(view: &'a View, s: &'a ServiceView) -> Service<'a> {
    let loc = &view.locations[s.index];
    let ages = loc.areas[s.area].age_range;
    Service {
        location: &loc.name,
        url: link(&loc.permalink),
        phone: &loc.phone.e164,
        phone_display: &loc.phone.display,
        email: &loc.email,
        districts: &s.districts,
        ages_from: ages.from,
        ages_to: ages.to,
        from_pregnancy: ages.pregnancy,
    }
}

fn record<'a>(view: &'a View, l: &'a LocationView) -> Record<'a> {
    Record {
        slug: &l.slug,
        name: &l.name,
        url: link(&l.permalink),
        organisation: &l.organisation,
        address: Address {
            street: &l.street,
            postcode: &l.postcode,
            city: &l.city,
        },
        phone: &l.phone.e164,
        phone_display: &l.phone.display,
        email: &l.email,
        opening_days: l
            .days
            .iter()
            .map(|d| Weekday::NAMES[d.number() - 1])
            .collect(),
        coordinators: l
            .coordinators
            .iter()
            .map(|c| Coordinator {
                name: &c.name,
                phone: &c.phone.e164,
                phone_display: &c.phone.display,
                email: &c.email,
            })
            .collect(),
        areas: l
            .areas
            .iter()
            .map(|a| Area {
                municipality_code: &a.code,
                municipality: &view.municipalities[a.municipality].name,
                districts: &a.districts,
                ages_from: a.age_range.from,
                ages_to: a.age_range.to,
                from_pregnancy: a.age_range.pregnancy,
            })
            .collect(),
    }
}

/// One row per municipality and location serving it.
fn csv(view: &View, example: bool) -> Vec<u8> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    let _ = csv.write_record([
        "municipality_code",
        "municipality",
        "location",
        "districts",
        "ages_from",
        "ages_to",
        "from_pregnancy",
        "phone",
        "email",
        "url",
        "example_data",
    ]);
    for muni in &view.municipalities {
        for s in &muni.services {
            let loc = &view.locations[s.index];
            let ages = loc.areas[s.area].age_range;
            // Text cells are neutralised; the ages stay numbers and the phone stays E.164
            // (checked on load: `+` and digits only, which no spreadsheet runs).
            let _ = csv.write_record([
                &*text_cell(&muni.code),
                &text_cell(&muni.name),
                &text_cell(&loc.name),
                &text_cell(&s.districts.join("; ")),
                &ages.from.to_string(),
                &ages.to.to_string(),
                if ages.pregnancy { "yes" } else { "no" },
                loc.phone.e164.as_str(),
                &text_cell(&loc.email),
                &text_cell(link(&loc.permalink)),
                if example { "yes" } else { "no" },
            ]);
        }
    }
    csv.into_inner().unwrap_or_default()
}

/// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
/// return first) gets a leading `'`, as OWASP recommends for CSV injection: spreadsheets then
/// show it as text. Other cells are unchanged; the csv crate still quotes as needed.
fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn formulas_become_text() {
        for (written, cell) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Home-Start Zeist", "Home-Start Zeist"),
            ("", ""),
        ] {
            assert_eq!(text_cell(written), cell);
        }
    }
}
