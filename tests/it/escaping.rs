//! Registry text is always text: even if markup got past validation, every output (HTML
//! text and attributes, JSON-LD in <script>, inline SVG, JSON, GeoJSON, CSV) shows it
//! literally. The check refuses markup in the registry, so this test plants it after loading.

use std::sync::Mutex;

use homestart::diag::Diagnostics;
use homestart::geo::Geography;
use homestart::locations::Registry;
use homestart::model::Site;
use homestart::pipeline::{self, Options};
use scraper::{Html, Selector};

const SCRIPT: &str = "</script><script>alert(1)</script>";
const ATTR: &str = "\"><img src=x onerror=alert(1)>";

/// The fixture loaded, changed by `plant` (text no check would let through this way), and
/// rendered into memory: every file's path and bytes.
fn rendered(
    site: &crate::common::Site,
    plant: impl FnOnce(&mut Site, &mut Geography, &mut Registry),
) -> Vec<(String, Vec<u8>)> {
    let opts = Options::at(site.root().to_path_buf());
    let mut diags = Diagnostics::default();
    let mut project = pipeline::load(&opts, &mut diags, &mut Vec::new()).expect("fixture loads");
    let errors = project.edit(plant);
    assert!(errors.is_empty(), "{errors:?}");
    let files: Mutex<Vec<(String, Vec<u8>)>> = Mutex::new(Vec::new());
    let sink = |path: &str, bytes: &[u8]| {
        let file = (path.to_string(), bytes.to_vec());
        files.lock().unwrap().push(file);
        Ok(())
    };
    let errors = pipeline::render(&mut project, &pipeline::Scope::All, &sink);
    assert!(errors.is_empty(), "{errors:?}");
    files.into_inner().unwrap()
}

#[test]
fn planted_markup_is_escaped_in_every_output() {
    let site = crate::common::Site::with_project("registry");
    // The home page with the lookup and the small country map.
    site.write(
        "templates/with-map.html",
        "{% extends \"page.html\" %}{% block after_content %}{% include \"partials/coverage.html\" %}{% endblock after_content %}",
    );
    site.edit(
        "content/nl/_index.md",
        "template: page.html",
        "template: with-map.html",
    );
    let files = rendered(&site, |site, geo, registry| {
        for loc in &mut registry.locations {
            loc.name = SCRIPT.into();
            loc.organisation = ATTR.into();
            loc.city = SCRIPT.into();
            loc.email = ATTR.into();
            loc.coordinators[0].name = ATTR.into();
            for a in &mut loc.areas {
                a.districts = vec![ATTR.into(), SCRIPT.into()];
            }
        }
        for m in &mut geo.municipalities {
            m.display = ATTR.into();
        }
        for p in &mut site.pages {
            if p.src.generated.is_some() {
                p.src.front.title = SCRIPT.into();
                p.src.front.description = Some(ATTR.into());
            }
        }
    });

    let mut html_checked = 0;
    let mut lookup_checked = 0;
    let scripts = Selector::parse("script").unwrap();
    let imgs = Selector::parse("img").unwrap();
    let h1 = Selector::parse("h1").unwrap();
    let svg_title = Selector::parse("svg title").unwrap();
    let map_links = Selector::parse("svg.coverage-map a").unwrap();
    let mut maps_checked = 0;
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            let doc = Html::parse_document(&text);
            assert_eq!(doc.select(&imgs).count(), 0, "{path}: an <img> appeared");
            for s in doc.select(&scripts) {
                // The site's own script files (the lookup and the map), loaded from its assets.
                if let Some(src) = s.value().attr("src") {
                    assert!(src.starts_with("/js/"), "{path}: script from {src}");
                    assert_eq!(s.inner_html(), "", "{path}: a script with a body");
                    continue;
                }
                assert_eq!(
                    s.value().attr("type"),
                    Some("application/ld+json"),
                    "{path}: a script element appeared"
                );
                let json: serde_json::Value = serde_json::from_str(&s.inner_html())
                    .unwrap_or_else(|e| panic!("{path}: JSON-LD broken: {e}"));
                assert!(json["@graph"].is_array());
            }
            // The country map is drawn already minified; its labels read back as written.
            for a in doc.select(&map_links) {
                let label = a.value().attr("aria-label").unwrap_or_default();
                assert!(label.starts_with(ATTR), "{path}: map label {label:?}");
                maps_checked += 1;
            }
            let location_page = (path.starts_with("locaties/")
                || path.starts_with("en/locations/"))
                && path.matches('/').count() >= 2 + usize::from(path.starts_with("en/"));
            if location_page {
                let title: String = doc.select(&h1).next().unwrap().text().collect();
                assert_eq!(title, SCRIPT, "{path}: the name is shown as text");
                let jsonld = doc.select(&scripts).next().unwrap().inner_html();
                assert!(
                    jsonld.contains("\\u003c/script\\u003e"),
                    "{path}: `</` escaped inside JSON-LD"
                );
                let label: String = doc.select(&svg_title).next().unwrap().text().collect();
                assert!(
                    label.contains(SCRIPT),
                    "{path}: SVG title shows the name as text"
                );
                html_checked += 1;
            }
        }
        if path.ends_with(".json") || path.ends_with(".geojson") {
            let json: serde_json::Value =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
            if path.ends_with("locations.json") {
                assert_eq!(json["locations"][0]["name"], SCRIPT);
                assert_eq!(json["locations"][0]["organisation"], ATTR);
            }
            // The lookup's index (its script shows every string with textContent).
            if path.starts_with("data/lookup-") {
                assert_eq!(json["l"][0][0], SCRIPT, "{path}: location name");
                assert_eq!(json["l"][0][4][0][0], ATTR, "{path}: coordinator");
                assert_eq!(json["m"][0][0], ATTR, "{path}: municipality name");
                lookup_checked += 1;
            }
        }
        if path.ends_with(".csv") {
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let row = reader.records().next().unwrap().unwrap();
            assert_eq!(&row[2], SCRIPT, "CSV keeps the text as one field");
        }
    }
    assert_eq!(html_checked, 6, "3 location pages × 2 languages");
    assert!(maps_checked > 0, "the country map was read");
    assert_eq!(
        lookup_checked, 2,
        "a lookup index per language with registry pages"
    );
}

/// Names a spreadsheet would run as formulas are neutralised in the CSV (a leading `'`), and
/// shown as written everywhere else.
#[test]
fn formulas_in_names_do_not_reach_the_csv() {
    let site = crate::common::Site::with_project("registry");
    let names = [
        (
            "locations/utrecht-west.yaml",
            "Home-Start Utrecht West",
            r#"=HYPERLINK("http://x","y")"#,
        ),
        (
            "locations/utrecht-oost.yaml",
            "Home-Start Utrecht Oost",
            "+1",
        ),
        ("locations/haaglanden.yaml", "Home-Start Haaglanden", "-2"),
    ];
    for (file, old, new) in names {
        site.edit(file, &format!("name: {old}"), &format!("name: '{new}'"));
    }
    let extra = std::fs::read_to_string(site.root().join("locations/haaglanden.yaml")).unwrap();
    let extra = extra.replace("name: '-2'", "name: '@SUM(A1)'");
    site.write(
        "locations/extra.yaml",
        &extra.replace(
            "  - Den Haag\n  - Rijswijk\n  - Leidschendam-Voorburg",
            "  - Zoetermeer",
        ),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = site.read("data/coverage.csv");
    for cell in [
        r#""'=HYPERLINK(""http://x"",""y"")""#,
        ",'+1,",
        ",'-2,",
        ",'@SUM(A1),",
    ] {
        assert!(csv.contains(cell), "{cell} in:\n{csv}");
    }
    let json: serde_json::Value = serde_json::from_str(&site.read("data/locations.json")).unwrap();
    let shown: std::collections::BTreeSet<&str> = json["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        shown,
        std::collections::BTreeSet::from([names[0].2, "+1", "-2", "@SUM(A1)"])
    );
    let page = site.read("locaties/utrecht-west/index.html");
    assert!(
        page.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)")
            || page.contains(r#"=HYPERLINK("http://x","y")"#)
    );
    assert!(site.read("locaties/extra/index.html").contains("@SUM(A1)"));
}

/// A title with both kinds of quote: the one-pass minifier (0.18.1) writes some such
/// attribute values wrong or fails on them. The build succeeds and every attribute that holds
/// the title reads back as written.
#[test]
fn titles_with_both_quotes_read_back_as_written() {
    let site = crate::common::Site::with_project("registry");
    let titles = [
        "\"'\"'>",
        "Lees \"dit\" en 'dat' ->",
        "\"a\" 'b' \"c\" 'd' >",
    ];
    let mut planted = 0;
    let files = rendered(&site, |site, _, _| {
        for (p, title) in site.pages.iter_mut().zip(titles.iter().cycle()) {
            p.src.front.title = (*title).into();
            planted += 1;
        }
    });
    let og = Selector::parse("meta[property='og:title']").unwrap();
    let mut checked = 0;
    for (path, bytes) in files {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let doc = Html::parse_document(&String::from_utf8_lossy(&bytes));
        if let Some(meta) = doc.select(&og).next() {
            let content = meta.value().attr("content").unwrap_or_default();
            assert!(titles.contains(&content), "{path}: og:title {content:?}");
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked} pages checked of {planted}");
}
