//! Open data: the registry as GeoJSON (covered municipalities with their boundaries), CSV and
//! JSON, so others can reuse it. Written with real serialisers (geojson, csv, serde_json), so
//! any text in the registry is escaped for its format.

use std::borrow::Cow;

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use schemars::JsonSchema;
use serde::Serialize;

use super::view::{LocationView, ServiceView, View};
use crate::escape::sorted_json;
use crate::geo::{CREDIT, Geography};
use crate::locations::Weekday;

pub const GEOJSON: &str = "data/coverage.geojson";
pub const CSV: &str = "data/coverage.csv";
pub const JSON: &str = "data/locations.json";
pub const SCHEMA: &str = "data/location.schema.json";
/// The schema of `locations.json` itself (the one above describes the source files).
pub const LOCATIONS_SCHEMA: &str = "data/locations.schema.json";

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
    /// Districts no location serves where the services cover only some (else empty).
    districts_not_served: &'a [String],
}

/// `locations.json`: every location of the registry.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "Home-Start locations", deny_unknown_fields)]
struct Document<'a> {
    /// The address of this schema.
    #[serde(rename = "$schema")]
    schema: &'a str,
    /// True while the registry holds invented example data.
    example_data: bool,
    /// The year of the municipal division the registry is checked against.
    division: u16,
    licence: String,
    locations: Vec<Record<'a>>,
}

/// A location.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Record<'a> {
    /// From the file name; the last part of its page's address.
    slug: &'a str,
    name: &'a str,
    /// Its page on this site.
    url: &'a str,
    organisation: &'a str,
    address: Address<'a>,
    /// E.164, e.g. "+31301234567".
    phone: &'a str,
    /// As shown on the site, e.g. "030 123 45 67".
    phone_display: &'a str,
    email: &'a str,
    /// Dutch day names, lower case, e.g. "maandag".
    opening_days: Vec<&'static str>,
    coordinators: Vec<Coordinator<'a>>,
    /// The municipalities (or some of their districts) it serves.
    areas: Vec<Area<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Address<'a> {
    street: &'a str,
    /// "1234 AB".
    postcode: &'a str,
    city: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Coordinator<'a> {
    name: &'a str,
    /// E.164.
    phone: &'a str,
    phone_display: &'a str,
    email: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Area<'a> {
    /// CBS code, e.g. "GM0344".
    municipality_code: &'a str,
    /// CBS name.
    municipality: &'a str,
    /// Empty: the whole municipality.
    districts: &'a [String],
    /// Ages of the children, in years, inclusive.
    ages_from: u8,
    ages_to: u8,
    /// Families may also sign up from 28 weeks of pregnancy.
    from_pregnancy: bool,
}

/// The JSON Schema of `locations.json`, with its own address as `$id`.
fn locations_schema(id: &str) -> String {
    let mut schema = sorted_json(&schemars::schema_for!(Document<'static>));
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), id.into());
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Site-relative path and bytes of every open-data file, from the default language's view
/// (its page addresses; names as CBS writes them).
pub fn files(
    view: &View,
    geo: &Geography,
    example: bool,
    schema_url: &str,
) -> Vec<(&'static str, Vec<u8>)> {
    let licence = format!("Registry: CC BY 4.0; {CREDIT}");
    let mut json_text = serde_json::to_string_pretty(&sorted_json(&Document {
        schema: schema_url,
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
        (LOCATIONS_SCHEMA, locations_schema(schema_url).into_bytes()),
    ]
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
            districts_not_served: &muni.unserved,
        };
        let serde_json::Value::Object(props) = sorted_json(&props) else {
            continue;
        };
        let polygons: Vec<geojson::PolygonType> = shape
            .polygons
            .iter()
            .map(|p| {
                p.iter()
                    .enumerate()
                    .map(|(i, r)| wound(r, i == 0).map(|&c| c.into()).collect())
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

/// A ring's points in the order RFC 7946 asks for: an exterior ring counter-clockwise, a hole
/// clockwise (the CBS boundaries come the other way round).
fn wound(ring: &[[f64; 2]], exterior: bool) -> Box<dyn Iterator<Item = &[f64; 2]> + '_> {
    if (signed_area(ring) > 0.0) == exterior {
        Box::new(ring.iter())
    } else {
        Box::new(ring.iter().rev())
    }
}

/// Twice the ring's area, positive when its points run counter-clockwise (shoelace formula).
fn signed_area(ring: &[[f64; 2]]) -> f64 {
    ring.iter()
        .zip(ring.iter().skip(1).chain(ring.first()))
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum()
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
    use super::{signed_area, text_cell, wound};

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

    #[test]
    fn rings_wind_as_rfc_7946_asks() {
        let clockwise = [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]];
        assert!(signed_area(&clockwise) < 0.0);
        let outer: Vec<[f64; 2]> = wound(&clockwise, true).copied().collect();
        assert!(signed_area(&outer) > 0.0);
        assert_eq!(outer.first(), outer.last());
        let hole: Vec<[f64; 2]> = wound(&outer, false).copied().collect();
        assert!(signed_area(&hole) < 0.0);
        assert_eq!(wound(&outer, true).count(), outer.len());
    }
}
