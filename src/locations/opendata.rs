//! Open data: the registry as GeoJSON (covered municipalities with their boundaries), CSV and
//! JSON, so others can reuse it. Written with real serialisers (geojson, csv, serde_json), so
//! any text in the registry is escaped for its format.

use std::borrow::Cow;

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use serde_json::{Value as Json, json};

use super::Registry;
use super::pages::page_key;
use crate::config::Config;
use crate::geo::{CREDIT, Geography};
use crate::model::Site;

pub const GEOJSON: &str = "data/coverage.geojson";
pub const CSV: &str = "data/coverage.csv";
pub const JSON: &str = "data/locations.json";
pub const SCHEMA: &str = "data/location.schema.json";

/// Site-relative path and bytes of every open-data file.
pub fn files(
    config: &Config,
    site: &Site,
    geo: &Geography,
    reg: &Registry,
) -> Vec<(&'static str, Vec<u8>)> {
    let url = |section: &str, slug: &str| {
        site.translation(&page_key(section, slug), 0)
            .map(|p| config.permalink(&p.url))
            .unwrap_or_default()
    };
    let loc_url = |slug: &str| url(&config.site.registry.locations, slug);
    let muni_url = |slug: &str| url(&config.site.registry.municipalities, slug);
    let example = config.site.registry.example_data;

    let mut features = Vec::new();
    for (m, muni) in geo.municipalities.iter().enumerate() {
        if reg.served_by[m].is_empty() {
            continue;
        }
        let services: Vec<Json> = reg.served_by[m]
            .iter()
            .map(|&(l, a)| {
                let loc = &reg.locations[l];
                let area = &loc.areas[a];
                json!({
                    "location": loc.name, "url": loc_url(&loc.slug), "phone": loc.phone.e164,
                    "phone_display": loc.phone.display, "email": loc.email,
                    "districts": area.districts, "ages_from": area.ages.from, "ages_to": area.ages.to,
                    "from_pregnancy": area.ages.pregnancy,
                })
            })
            .collect();
        let mut props = JsonObject::new();
        props.insert("code".into(), muni.code.clone().into());
        props.insert("name".into(), muni.name.clone().into());
        props.insert("display_name".into(), muni.display.clone().into());
        props.insert("url".into(), muni_url(&muni.slug).into());
        props.insert("services".into(), Json::from(services));
        let polygons: Vec<geojson::PolygonType> = muni
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
    meta.insert(
        "licence".into(),
        format!("Registry: CC BY 4.0; {CREDIT}").into(),
    );
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(meta),
    };

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
    for (m, muni) in geo.municipalities.iter().enumerate() {
        for &(l, a) in &reg.served_by[m] {
            let loc = &reg.locations[l];
            let area = &loc.areas[a];
            // Text cells are neutralised; the ages stay numbers and the phone stays E.164
            // (checked on load: `+` and digits only, which no spreadsheet runs).
            let _ = csv.write_record([
                &*text_cell(&muni.code),
                &text_cell(&muni.name),
                &text_cell(&loc.name),
                &text_cell(&area.districts.join("; ")),
                &area.ages.from.to_string(),
                &area.ages.to.to_string(),
                if area.ages.pregnancy { "yes" } else { "no" },
                loc.phone.e164.as_str(),
                &text_cell(&loc.email),
                &text_cell(&loc_url(&loc.slug)),
                if example { "yes" } else { "no" },
            ]);
        }
    }
    let csv = csv.into_inner().unwrap_or_default();

    let locations: Vec<Json> = reg
        .locations
        .iter()
        .map(|l| {
            json!({
                "slug": l.slug, "name": l.name, "url": loc_url(&l.slug), "organisation": l.organisation,
                "address": {"street": l.street, "postcode": l.postcode, "city": l.city},
                "phone": l.phone.e164, "phone_display": l.phone.display, "email": l.email,
                "opening_days": l.opening_days.iter().map(|d| super::Weekday::NAMES[d.number() - 1]).collect::<Vec<_>>(),
                "coordinators": l.coordinators.iter().map(|c| json!({
                    "name": c.name, "phone": c.phone.e164, "phone_display": c.phone.display, "email": c.email,
                })).collect::<Vec<_>>(),
                "areas": l.areas.iter().map(|a| json!({
                    "municipality_code": geo.municipalities[a.municipality].code,
                    "municipality": geo.municipalities[a.municipality].name,
                    "districts": a.districts, "ages_from": a.ages.from, "ages_to": a.ages.to,
                    "from_pregnancy": a.ages.pregnancy,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "example_data": example, "division": geo.year,
        "licence": format!("Registry: CC BY 4.0; {CREDIT}"),
        "locations": locations,
    });
    let mut json_text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    json_text.push('\n');
    let mut geojson_text = collection.to_string();
    geojson_text.push('\n');
    vec![
        (GEOJSON, geojson_text.into_bytes()),
        (CSV, csv),
        (JSON, json_text.into_bytes()),
        (SCHEMA, super::schema::json_schema().into_bytes()),
    ]
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
