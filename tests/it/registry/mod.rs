//! The location registry end to end: fixture registries built by the real binary, the shipped
//! registry checked for dropped or duplicated municipalities, 10,000 locations; each kind of
//! bad input in `errors`.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::Site;

mod errors;

fn registry_site() -> Site {
    Site::with_project("registry")
}

/// The failure contract (see `common::broken`) on the registry fixture.
fn broken(breakage: impl FnOnce(&Site)) -> String {
    crate::common::broken(registry_site(), breakage)
}

const WEST: &str = "locations/utrecht-west.yaml";
const OOST: &str = "locations/utrecht-oost.yaml";
const HAAG: &str = "locations/haaglanden.yaml";

#[test]
fn pages_and_open_data_from_the_registry() {
    let site = registry_site();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // One page per location file, in both languages.
    for slug in ["utrecht-oost", "utrecht-west", "haaglanden"] {
        site.read(&format!("locaties/{slug}/index.html"));
        site.read(&format!("en/locations/{slug}/index.html"));
    }
    // 342 municipality pages per language.
    for dir in ["gemeenten", "en/municipalities"] {
        let pages = std::fs::read_dir(site.out().join(dir))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().join("index.html").is_file())
            .count();
        assert_eq!(pages, 342, "{dir}");
    }

    let west = site.read("locaties/utrecht-west/index.html");
    assert!(
        west.contains("href=tel:+31301234567"),
        "location phone as tel: link"
    );
    assert!(
        west.contains("030 123 45 67"),
        "location phone in Dutch grouping"
    );
    assert!(
        west.contains("06 87 65 43 21"),
        "second coordinator's phone regrouped"
    );
    assert!(west.contains("Voorbeeldgegevens"), "example-data notice");
    assert!(west.contains("Gemeentegrenzen: CBS/Kadaster (CC BY 4.0)"));
    assert!(
        west.contains("class=area-map")
            && west.contains("Kaart: het werkgebied van Home-Start Utrecht West</title>"),
        "inline map"
    );
    assert!(west.contains(r#""areaServed":[{"#) && west.contains(r#""telephone":"+31301234567""#));

    // The split city lists both locations with their districts; ages per municipality.
    let utrecht = site.read("gemeenten/utrecht/index.html");
    for s in [
        "Home-Start Utrecht Oost",
        "Home-Start Utrecht West",
        "Leidsche Rijn",
        "Binnenstad",
    ] {
        assert!(utrecht.contains(s), "{s} on the Utrecht page");
    }
    let de_bilt = site.read("gemeenten/de-bilt/index.html");
    assert!(de_bilt.contains("0–17 jaar, en vanaf 28 weken zwangerschap"));
    let den_haag = site.read("gemeenten/den-haag/index.html");
    assert!(den_haag.contains("0–14 jaar") && !den_haag.contains("0–14 jaar, en vanaf"));
    assert!(
        site.read("en/municipalities/den-haag/index.html")
            .contains("0–14 years")
    );
    let vaals = site.read("gemeenten/vaals/index.html");
    assert!(vaals.contains("niet aangeboden in Vaals"));
    let nearest = vaals
        .split("class=nearest>")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap();
    assert_eq!(
        nearest.matches(" km").count(),
        3,
        "three nearest locations with distance"
    );
    assert!(nearest.contains("Home-Start Utrecht"), "{nearest}");

    // A–Z index and overview.
    let az = site.read("gemeenten/index.html");
    assert!(
        az.matches("href=/gemeenten/").count() >= 342,
        "every municipality linked from A–Z"
    );
    assert!(az.contains("7 van de 342 gemeenten"));
    let overview = site.read("locaties/index.html");
    assert_eq!(overview.matches("<h2>").count(), 3);

    open_data_read_back(&site);
}

/// The open data of the registry fixture, read back by real parsers.
fn open_data_read_back(site: &Site) {
    // Read back by a real GeoJSON parser: one feature per covered municipality.
    let gj: geojson::GeoJson = site.read("data/coverage.geojson").parse().unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = gj else {
        panic!("not a collection")
    };
    let codes: BTreeSet<String> = fc
        .features
        .iter()
        .map(|f| f.property("code").unwrap().as_str().unwrap().to_string())
        .collect();
    let expected: BTreeSet<String> = [
        "GM0344", "GM0355", "GM0310", "GM0356", "GM0518", "GM0603", "GM1916",
    ]
    .map(String::from)
    .into();
    assert_eq!(codes, expected);
    assert_eq!(fc.features.len(), expected.len(), "no duplicate features");
    // RFC 7946: exterior rings counter-clockwise, holes clockwise (shoelace sign).
    let area = |ring: &[Vec<f64>]| -> f64 {
        ring.windows(2)
            .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
            .sum()
    };
    for f in &fc.features {
        let Some(geojson::GeometryValue::MultiPolygon { coordinates }) =
            f.geometry.as_ref().map(|g| &g.value)
        else {
            panic!("a municipality is a MultiPolygon")
        };
        for polygon in coordinates {
            for (i, ring) in polygon.iter().enumerate() {
                let ring: Vec<Vec<f64>> = ring.iter().map(|p| p.as_slice().to_vec()).collect();
                assert_eq!(area(&ring) > 0.0, i == 0, "ring {i} of {:?}", f.id);
            }
        }
    }
    let utrecht = fc
        .features
        .iter()
        .find(|f| f.id == Some(geojson::feature::Id::String("GM0344".into())))
        .unwrap();
    assert_eq!(
        utrecht
            .property("services")
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let csv = site.read("data/coverage.csv");
    assert_eq!(
        csv.lines().count(),
        1 + 8,
        "header + one row per municipality and location"
    );
    assert!(csv.contains(
        "GM0344,Utrecht,Home-Start Utrecht West,West; Leidsche Rijn,0,6,yes,+31301234567,"
    ));
    let json: serde_json::Value = serde_json::from_str(&site.read("data/locations.json")).unwrap();
    assert_eq!(json["locations"].as_array().unwrap().len(), 3);
    assert_eq!(json["example_data"], true);
    assert_eq!(
        json["locations"][1]["organisation"],
        "Stichting Welzijn & Zorg \"De Brug\""
    );
    // locations.json names its own schema, and satisfies it.
    let schema: serde_json::Value =
        serde_json::from_str(&site.read("data/locations.schema.json")).unwrap();
    assert_eq!(json["$schema"], schema["$id"]);
    assert!(
        json["$schema"]
            .as_str()
            .unwrap()
            .ends_with("/data/locations.schema.json")
    );
    satisfies(&json, &schema, &schema, "locations.json");
}

/// Enough of JSON Schema to check what schemars writes: `$ref` into `$defs`, object
/// properties (required, none unknown), array items and the basic types.
fn satisfies(
    value: &serde_json::Value,
    schema: &serde_json::Value,
    root: &serde_json::Value,
    at: &str,
) {
    use serde_json::Value;
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.strip_prefix("#/$defs/").expect("a local definition");
        return satisfies(value, &root["$defs"][name], root, at);
    }
    let kinds: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    assert!(
        kinds.is_empty()
            || kinds.contains(&kind)
            || (kind == "integer" && kinds.contains(&"number")),
        "{at}: {kind} where the schema says {kinds:?}"
    );
    match value {
        Value::Object(map) => {
            let props = schema["properties"].as_object().expect("properties");
            for key in map.keys() {
                assert!(
                    props.contains_key(key),
                    "{at}: `{key}` is not in the schema"
                );
            }
            for key in schema["required"].as_array().into_iter().flatten() {
                assert!(
                    map.contains_key(key.as_str().unwrap()),
                    "{at}: `{key}` is missing"
                );
            }
            for (key, v) in map {
                satisfies(v, &props[key], root, &format!("{at}.{key}"));
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                satisfies(v, &schema["items"], root, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn without_locations_every_municipality_says_not_offered() {
    let site = registry_site();
    std::fs::remove_dir_all(site.root().join("locations")).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.read("gemeenten/utrecht/index.html")
            .contains("niet aangeboden in Utrecht")
    );
    assert!(
        site.read("gemeenten/index.html")
            .contains("0 van de 342 gemeenten")
    );
}

/// The shipped registry: the cities split over two locations whose districts together are
/// the whole city are fully covered; Rotterdam names the districts no location serves.
#[test]
fn split_cities_are_fully_covered_or_name_what_is_not() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let geo = homestart::geo::load(root).unwrap();
    let reg = homestart::locations::load(root, &geo).unwrap();
    let m = |code: &str| geo.by_code(code).unwrap();
    for city in ["GM0363", "GM0518", "GM0344"] {
        assert!(reg.served_by[m(city)].len() >= 2, "{city} is split");
        assert!(
            reg.fully_served(m(city)),
            "{city}: {:?}",
            reg.unserved[m(city)]
        );
    }
    let rotterdam = m("GM0599");
    assert!(!reg.fully_served(rotterdam));
    assert_eq!(
        reg.unserved[rotterdam],
        ["Hoek van Holland", "Pernis", "Rozenburg"]
    );
}

/// The shipped registry: every municipality it names is on the right page and in the GeoJSON
/// exactly once, resolved here independently of the tool (names, aliases, codes).
#[test]
fn shipped_registry_drops_and_duplicates_nothing() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = crate::common::included_site();

    // name → code from the boundary file and the aliases, folded loosely.
    let fold = |s: &str| {
        s.to_lowercase()
            .replace(['\'', '-', '(', ')', '.'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let boundaries: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("geo/municipalities.geojson")).unwrap(),
    )
    .unwrap();
    let mut code_of: BTreeMap<String, String> = BTreeMap::new();
    for f in boundaries["features"].as_array().unwrap() {
        let code = f["properties"]["code"].as_str().unwrap().to_string();
        code_of.insert(
            fold(f["properties"]["name"].as_str().unwrap()),
            code.clone(),
        );
        code_of.insert(fold(&code), code);
    }
    let aliases: BTreeMap<String, Vec<String>> =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("geo/aliases.yaml")).unwrap())
            .unwrap();
    for (code, names) in aliases {
        for n in names {
            code_of.insert(fold(&n), code.clone());
        }
    }
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new(); // code → location names
    let mut files = 0;
    for entry in std::fs::read_dir(root.join("locations")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        files += 1;
        let doc: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = doc["name"].as_str().unwrap().to_string();
        for m in doc["municipalities"].as_sequence().unwrap() {
            let written = m.as_str().or_else(|| m["municipality"].as_str()).unwrap();
            let code = code_of
                .get(&fold(written))
                .unwrap_or_else(|| panic!("{written} in {}", path.display()));
            expected
                .entry(code.clone())
                .or_default()
                .insert(name.clone());
        }
    }
    assert!(files >= 55, "about 60 example locations, found {files}");
    assert_eq!(
        expected.len(),
        163,
        "the example registry covers 163 municipalities"
    );

    let gj: geojson::GeoJson = std::fs::read_to_string(out_dir.join("data/coverage.geojson"))
        .unwrap()
        .parse()
        .unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = gj else {
        panic!()
    };
    assert_eq!(
        fc.features.len(),
        expected.len(),
        "one feature per covered municipality"
    );
    let base = "https://www.home-start.example/";
    for f in &fc.features {
        let code = f.property("code").unwrap().as_str().unwrap();
        let want = expected
            .get(code)
            .unwrap_or_else(|| panic!("{code} in GeoJSON but not in the registry"));
        let got: BTreeSet<String> = f
            .property("services")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["location"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(&got, want, "{code}");
        let url = f.property("url").unwrap().as_str().unwrap();
        let page = std::fs::read_to_string(
            out_dir
                .join(url.strip_prefix(base).unwrap())
                .join("index.html"),
        )
        .unwrap();
        for loc in want {
            assert!(page.contains(&loc.replace('&', "&amp;")), "{loc} on {url}");
        }
    }
    // Location pages: one per file.
    let pages = std::fs::read_dir(out_dir.join("locaties"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(pages, files);
}

/// 10,000 generated locations (tests/it/common/generate.rs) check and build, one page each per
/// language: every cost of the registry path is linear (the figures are in the README).
#[test]
fn ten_thousand_locations() {
    let site = registry_site();
    let slugs = crate::common::generate::registry(site.root(), 10_000);
    let run = crate::common::homestart(site.root(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for dir in ["locaties", "en/locations"] {
        let pages = std::fs::read_dir(site.out().join(dir))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().join("index.html").is_file())
            .count();
        assert_eq!(pages, slugs.len(), "{dir}");
    }
    let page = site.read(&format!("locaties/{}/index.html", slugs[9_999]));
    assert!(page.contains("Home-Start Proef 09999"));
    // The overview is paginated (1,000 a page): each pager lists its share, not all of them.
    let pagers: Vec<String> = std::iter::once("locaties/index.html".to_string())
        .chain((2..=10).map(|n| format!("locaties/pagina/{n}/index.html")))
        .map(|p| site.read(&p))
        .collect();
    for name in ["Home-Start Proef 00000", "Home-Start Proef 09999"] {
        assert_eq!(
            pagers.iter().filter(|p| p.contains(name)).count(),
            1,
            "{name}"
        );
    }
}
