//! The index checked against the shipped geo/ tables, read independently of the loader.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::*;
use crate::coverage::view::Section;
use crate::locations::Registry;

fn project() -> (Geography, Registry, Value) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let geo = crate::geo::load(root).expect("geo/ loads");
    let reg = crate::locations::load(root, &geo).expect("locations/ load");
    let strings = crate::i18n::Strings {
        map: [
            ("municipality_offered", "yes {name}"),
            ("lookup_more", "about {name}"),
            ("districts_only", "{list}"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        source: crate::diag::Source::new("i18n/t.yaml", ""),
    };
    let view = View::build(&strings, 0, &geo, &reg, |section, slug| {
        let folder = match section {
            Section::Locations => "l",
            Section::Municipalities => "g",
        };
        Some((format!("/{folder}/{slug}/"), String::new()))
    });
    let text = index(&geo, &names(&geo), &view, &strings);
    let json = serde_json::from_str(&text).expect("the index is JSON");
    (geo, reg, json)
}

/// Rows `key,codes` of a geo/ table, codes as a set.
/// A table's rows with repeated keys (a town per place, a postcode per position) merged, in
/// the order of their first row.
fn table(rel: &str) -> Vec<(String, BTreeSet<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let mut reader = csv::Reader::from_path(path).unwrap();
    let mut rows: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for r in reader.records() {
        let r = r.unwrap();
        let codes = r[1].split('|').map(str::to_string);
        match at.get(&fold(&r[0])) {
            Some(&i) => rows[i].1.extend(codes),
            None => {
                at.insert(fold(&r[0]), rows.len());
                rows.push((r[0].to_string(), codes.collect()));
            }
        }
    }
    rows
}

fn codes(geo: &Geography, list: &Value) -> BTreeSet<String> {
    let many = match list {
        Value::Array(a) => a.clone(),
        one => vec![one.clone()],
    };
    many.iter()
        .map(|m| {
            geo.municipalities[m.as_u64().unwrap() as usize]
                .code
                .clone()
        })
        .collect()
}

/// The index's names, folded, with their municipality codes and kind.
fn entries(geo: &Geography, idx: &Value) -> Vec<(String, BTreeSet<String>, u64)> {
    idx["e"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                fold(e[0].as_str().unwrap()),
                codes(geo, &e[1]),
                e[2].as_u64().unwrap(),
            )
        })
        .collect()
}

fn find<'a>(
    list: &'a [(String, BTreeSet<String>, u64)],
    name: &str,
) -> &'a (String, BTreeSet<String>, u64) {
    let key = fold(name);
    let hits: Vec<_> = list.iter().filter(|e| e.0 == key).collect();
    assert_eq!(hits.len(), 1, "`{name}` is one entry");
    hits[0]
}

fn set(codes: &[&str]) -> BTreeSet<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

#[test]
fn every_municipality_and_each_of_its_names_is_in_the_index() {
    let (geo, reg, idx) = project();
    let m = idx["m"].as_array().unwrap();
    assert_eq!(m.len(), geo.municipalities.len());
    let list = entries(&geo, &idx);
    for (i, muni) in geo.municipalities.iter().enumerate() {
        assert_eq!(m[i][0], muni.display.as_str());
        assert_eq!(m[i][1], format!("/g/{}/", muni.slug));
        assert_eq!(m[i][4], muni.code.as_str());
        // Offered: one service per area serving it; otherwise the nearest locations.
        assert_eq!(m[i][2].as_array().unwrap().len(), reg.served_by[i].len());
        assert_eq!(
            m[i][3].as_array().unwrap().is_empty(),
            !reg.served_by[i].is_empty()
        );
        for name in [&muni.display, &muni.name].into_iter().chain(&muni.aliases) {
            assert!(
                find(&list, name).1.contains(&muni.code),
                "{name} does not lead to {}",
                muni.code
            );
        }
    }
    assert_eq!(
        find(&list, "Utrecht"),
        &(
            "utrecht".into(),
            set(&["GM0344"]),
            Kind::Municipality as u64
        )
    );
    assert_eq!(find(&list, "Den Haag").1, set(&["GM0518"]));
    assert_eq!(
        find(&list, "'s-Gravenhage"),
        &(
            "s gravenhage".into(),
            set(&["GM0518"]),
            Kind::OtherName as u64
        )
    );
    assert_eq!(find(&list, "Den Bosch").1, set(&["GM0796"]));
    assert_eq!(find(&list, "'s-Hertogenbosch").1, set(&["GM0796"]));
    // Two municipalities called Bergen: the plain name leads to both.
    assert_eq!(find(&list, "Bergen").1, set(&["GM0373", "GM0893"]));
}

#[test]
fn every_place_resolves_to_all_its_candidates() {
    let (geo, _, idx) = project();
    let list = entries(&geo, &idx);
    let rows = table("geo/places.csv");
    assert!(rows.len() > 2500, "{} places", rows.len());
    let mut several = 0;
    for (place, want) in &rows {
        several += usize::from(want.len() > 1);
        let (_, got, kind) = find(&list, place);
        // All the town's municipalities; more only where a municipality has the same name.
        assert!(
            got.is_superset(want),
            "{place}: {got:?} lacks some of {want:?}"
        );
        for extra in got.difference(want) {
            let m = &geo.municipalities[geo.by_code(extra).unwrap()];
            let own: Vec<String> = [&m.display, &m.name]
                .into_iter()
                .chain(&m.aliases)
                .map(|n| fold(n))
                .chain(m.name.split(" (").next().map(fold))
                .collect();
            assert!(own.contains(&fold(place)), "{place} also leads to {extra}");
        }
        if got.len() > 1 {
            assert_ne!(*kind, Kind::Municipality as u64, "{place}");
        }
    }
    assert!(several > 80, "{several} ambiguous places");
    // The town of Hengelo lies in Hengelo and in Bronckhorst: both, and hinted as a town.
    assert_eq!(
        find(&list, "Hengelo"),
        &(
            "hengelo".into(),
            set(&["GM0164", "GM1876"]),
            Kind::Place as u64
        )
    );
    assert_eq!(
        find(&list, "Maarssen"),
        &("maarssen".into(), set(&["GM1904"]), Kind::Place as u64)
    );
}

#[test]
fn every_postcode_resolves_to_all_its_candidates() {
    let (geo, _, idx) = project();
    // Decode the runs.
    let mut z: Vec<(u64, BTreeSet<String>)> = Vec::new();
    let mut start = 0;
    for run in idx["z"].as_array().unwrap() {
        start += run[0].as_u64().unwrap();
        assert!(run[1].as_u64().unwrap() >= 1);
        for i in 0..run[1].as_u64().unwrap() {
            z.push((start + i, codes(&geo, &run[2])));
        }
    }
    let rows = table("geo/postcodes.csv");
    assert!(rows.len() > 4000, "{} postcodes", rows.len());
    assert_eq!(z.len(), rows.len());
    for (row, (code, got)) in rows.iter().zip(&z) {
        assert_eq!(code.to_string(), row.0);
        assert_eq!(got, &row.1, "postcode {}", row.0);
    }
    assert!(rows.iter().filter(|r| r.1.len() > 1).count() > 50);
    let utrecht = z.iter().find(|e| e.0 == 3511).unwrap();
    assert_eq!(utrecht.1, set(&["GM0344"]));
}

#[test]
fn answers_carry_the_location_phone_and_coordinators() {
    let (geo, reg, idx) = project();
    let m = geo.by_code("GM0344").unwrap();
    let services = idx["m"][m][2].as_array().unwrap();
    assert!(
        !services.is_empty(),
        "Utrecht is covered in the example registry"
    );
    for (service, &(l, a)) in services.iter().zip(&reg.served_by[m]) {
        assert_eq!(service[0], l);
        // The list, isolated so it keeps its direction in Arabic and Persian answers.
        let list = reg.locations[l].areas[a].districts.join(", ");
        assert_eq!(service[1], format!("\u{2068}{list}\u{2069}"));
        let loc = &idx["l"][l];
        assert_eq!(loc[0], reg.locations[l].name.as_str());
        assert_eq!(loc[3], reg.locations[l].phone.e164.as_str());
        assert_eq!(
            loc[4].as_array().unwrap().len(),
            reg.locations[l].coordinators.len()
        );
    }
}

/// Every municipality that merged answers with what it became: "Langedijk", "Landerd",
/// "Westvoorne" and "Mill en Sint Hubert" are entries of their own, with the year.
#[test]
fn every_former_municipality_answers_with_its_successors() {
    let (geo, _, idx) = project();
    let list = entries(&geo, &idx);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("geo/mergers.csv");
    let mut reader = csv::Reader::from_path(path).unwrap();
    let mut formers = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let (date, former) = (&row[0], &row[1]);
        let into: BTreeSet<String> = row[2].split('|').map(str::to_string).collect();
        let (_, targets, kind) = find(&list, former);
        // A former name that is a town today answers as the town (tested with the places).
        if *kind == Kind::Place as u64 {
            continue;
        }
        assert_eq!(*kind, Kind::Former as u64, "{former}");
        {
            formers += 1;
            assert_eq!(targets, &into, "{former}");
            let e = idx["e"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| fold(e[0].as_str().unwrap()) == fold(former))
                .unwrap();
            assert_eq!(e[3].as_str(), Some(&date[..4]), "{former}");
        }
    }
    assert!(formers > 0);
    for name in ["Langedijk", "Landerd", "Westvoorne", "Mill en Sint Hubert"] {
        assert_eq!(find(&list, name).2, Kind::Former as u64, "{name}");
    }
}
