//! Every JSON-LD block of the included site against the schema.org vocabulary the project
//! carries (tests/fixtures/schemaorg/vocabulary.tsv, no network): each type known, each
//! property one schema.org allows on its type, and an article's required properties present.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::common::included_site;

/// Types with their supertypes, properties with the types they may be used on.
struct Vocabulary {
    parents: BTreeMap<String, Vec<String>>,
    domains: BTreeMap<String, BTreeSet<String>>,
}

impl Vocabulary {
    fn load() -> Vocabulary {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemaorg/vocabulary.tsv");
        let text = std::fs::read_to_string(path).unwrap();
        let mut v = Vocabulary {
            parents: BTreeMap::new(),
            domains: BTreeMap::new(),
        };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (kind, name, list) = (cols.next(), cols.next(), cols.next().unwrap_or(""));
            let list = list
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string);
            match (kind, name) {
                (Some("type"), Some(n)) => {
                    v.parents.insert(n.to_string(), list.collect());
                }
                (Some("property"), Some(n)) => {
                    v.domains.insert(n.to_string(), list.collect());
                }
                _ => {}
            }
        }
        v
    }

    /// `kind` and every type it is a subtype of.
    fn ancestors(&self, kind: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut todo = vec![kind.to_string()];
        while let Some(t) = todo.pop() {
            if out.insert(t.clone()) {
                todo.extend(self.parents.get(&t).cloned().unwrap_or_default());
            }
        }
        out
    }

    /// The problems of one node and everything in it.
    fn check(&self, node: &Value, at: &str, problems: &mut Vec<String>) {
        match node {
            Value::Array(items) => items.iter().for_each(|i| self.check(i, at, problems)),
            Value::Object(map) => {
                let kind = map.get("@type").and_then(Value::as_str);
                if let Some(kind) = kind {
                    if !self.parents.contains_key(kind) {
                        problems.push(format!("{at}: unknown type {kind}"));
                        return;
                    }
                    let types = self.ancestors(kind);
                    for key in map.keys().filter(|k| !k.starts_with('@')) {
                        match self.domains.get(key) {
                            None => problems.push(format!("{at}: unknown property {key}")),
                            Some(domains) if domains.is_disjoint(&types) => {
                                problems.push(format!("{at}: {key} is not a property of {kind}"));
                            }
                            Some(_) => {}
                        }
                    }
                    if types.contains("Article") {
                        for required in ["headline", "datePublished", "author"] {
                            if !map.contains_key(required) {
                                problems.push(format!("{at}: the {kind} has no {required}"));
                            }
                        }
                    }
                }
                for (key, value) in map {
                    if key != "@context" {
                        self.check(value, at, problems);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The JSON-LD blocks of one HTML page (minified: the attribute may have lost its quotes).
fn blocks(html: &str) -> Vec<Value> {
    html.match_indices("application/ld+json")
        .map(|(i, _)| {
            let rest = &html[i..];
            let rest = &rest[rest.find('>').unwrap() + 1..];
            let json = &rest[..rest.find("</script>").unwrap()];
            serde_json::from_str(json).unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}"))
        })
        .collect()
}

#[test]
fn every_json_ld_block_uses_the_schema_org_vocabulary() {
    let vocabulary = Vocabulary::load();
    let site = included_site();
    let (mut problems, mut pages, mut types) = (Vec::new(), 0, BTreeSet::new());
    for entry in walkdir::WalkDir::new(site) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let at = entry
            .path()
            .strip_prefix(site)
            .unwrap()
            .display()
            .to_string();
        for block in blocks(&html) {
            pages += 1;
            assert_eq!(block["@context"], "https://schema.org", "{at}");
            collect_types(&block, &mut types);
            vocabulary.check(&block, &at, &mut problems);
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // What the site says about itself: organisations, pages, articles, locations.
    assert!(pages > 800, "{pages}");
    for kind in [
        "NGO",
        "WebPage",
        "Article",
        "ContactPoint",
        "OpeningHoursSpecification",
    ] {
        assert!(types.contains(kind), "no {kind} in {types:?}");
    }
}

fn collect_types(node: &Value, out: &mut BTreeSet<String>) {
    match node {
        Value::Array(items) => items.iter().for_each(|i| collect_types(i, out)),
        Value::Object(map) => {
            if let Some(kind) = map.get("@type").and_then(Value::as_str) {
                out.insert(kind.to_string());
            }
            map.values().for_each(|v| collect_types(v, out));
        }
        _ => {}
    }
}

/// The checker itself finds what the test is for: a property an NGO does not have, an article
/// without its date, a type schema.org does not know.
#[test]
fn the_vocabulary_check_refuses_what_schema_org_does_not_allow() {
    let vocabulary = Vocabulary::load();
    let wrong = serde_json::json!({
        "@graph": [
            {"@type": "NGO", "name": "X", "hoursAvailable": {"@type": "OpeningHoursSpecification"}},
            {"@type": "Article", "headline": "X", "author": {"@type": "Person", "name": "Y"}},
            {"@type": "Charity", "name": "X"},
            {"@type": "ContactPoint", "hoursAvailable": {"@type": "OpeningHoursSpecification", "dayOfWeek": "Monday"}}
        ]
    });
    let mut problems = Vec::new();
    vocabulary.check(&wrong, "x", &mut problems);
    assert_eq!(
        problems,
        [
            "x: hoursAvailable is not a property of NGO",
            "x: the Article has no datePublished",
            "x: unknown type Charity",
        ]
    );
}

/// A top-level page's trail is "Home › its own title"; a story's goes through its section; no
/// crumb links to the page it is on.
#[test]
fn breadcrumbs_end_at_the_page_itself_without_a_link() {
    let site = included_site();
    let crumbs = |rel: &str| -> (Vec<String>, Vec<String>, String) {
        let html = std::fs::read_to_string(site.join(rel)).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let sel = |s: &str| scraper::Selector::parse(s).unwrap();
        let links = doc
            .select(&sel("nav.breadcrumb a"))
            .map(|a| a.value().attr("href").unwrap_or_default().to_string())
            .collect();
        let items = doc
            .select(&sel("nav.breadcrumb li"))
            .map(|li| li.text().collect::<String>().trim().to_string())
            .collect();
        let current = doc
            .select(&sel("nav.breadcrumb li[aria-current=page]"))
            .map(|li| li.text().collect::<String>())
            .collect();
        (links, items, current)
    };
    let (links, items, current) = crumbs("over/index.html");
    assert_eq!(links, ["/"]);
    assert_eq!(items, ["Home", "Over Home-Start"]);
    assert_eq!(current, "Over Home-Start");
    let (links, items, _) = crumbs("verhalen/dennis-vader-alleen-thuis/index.html");
    assert_eq!(links, ["/", "/verhalen/"]);
    assert_eq!(items.len(), 3, "{items:?}");
    let (links, _, _) = crumbs("en/about/index.html");
    assert_eq!(links, ["/en/"]);
    // The home page has no trail.
    let (links, items, _) = crumbs("index.html");
    assert!(links.is_empty() && items.is_empty());
}
