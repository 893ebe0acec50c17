//! The lookup index: everything the search field needs to answer "is Home-Start offered where
//! this family lives?" for a municipality name, a town or a postcode, as one compact JSON file
//! per language that the page fetches only when the field is used.
//!
//! Answers are precomputed here in the page's language (ages, districts, distances) so the
//! script only finds and shows; it never decides coverage itself. A town or postcode keeps
//! every candidate municipality: the script shows them all rather than guessing.

use serde_json::{Value as Json, json};

use crate::geo::{Geography, fold};
use crate::i18n::Strings;
use crate::locations::Registry;
use crate::locations::pages::ages_text;

/// Interface strings the script uses, by the key it knows them under.
const STRINGS: &[(&str, &str)] = &[
    ("offered", "municipality_offered"),
    ("not_offered", "municipality_not_offered"),
    ("offered_by", "municipality_offered_by"),
    ("call", "municipality_call"),
    ("coordinator", "lookup_coordinator"),
    ("nearest", "municipality_nearest"),
    ("km", "distance_km"),
    ("more", "lookup_more"),
    ("municipality", "lookup_kind_municipality"),
    ("also", "lookup_kind_alias"),
    ("place", "lookup_kind_place"),
    ("postcode", "lookup_kind_postcode"),
    ("in_one", "lookup_in_one"),
    ("in_several", "lookup_in_several"),
    ("postcode_unknown", "lookup_postcode_unknown"),
    ("none", "lookup_none"),
    ("count", "lookup_count"),
    ("count_one", "lookup_count_one"),
    ("digits", "lookup_digits"),
];

/// Per-language inputs that only the renderer knows: page addresses and area texts.
pub struct Urls<'a> {
    /// By municipality index.
    pub municipalities: &'a [String],
    /// By location index.
    pub locations: &'a [String],
}

/// The index as JSON text. Shape (arrays, not objects, to stay small):
/// - `t`: interface strings;
/// - `l`: locations `[name, url, phone, tel, [[coordinator, phone, tel], …]]`;
/// - `m`: municipalities `[name, url, [[location, coverage, ages], …], [[location, km], …],
///   code]` (services when offered, else the nearest locations; the code links the map);
/// - `e`: every name to search `[name, municipalities, kind]` (see [`names`]);
/// - `z`: postcodes as runs `[step, count, municipalities]`: `count` consecutive postcodes
///   from `step` after the previous run's start (the first from 0);
///
/// where `municipalities` is one index, or an array of several.
pub fn index(
    geo: &Geography,
    reg: &Registry,
    s: &Strings,
    urls: &Urls,
    coverage: impl Fn(&[String]) -> String,
) -> String {
    let t: serde_json::Map<String, Json> = STRINGS
        .iter()
        .map(|(name, key)| (name.to_string(), Json::from(s.get(key))))
        .collect();
    let locations: Vec<Json> = reg
        .locations
        .iter()
        .zip(urls.locations)
        .map(|(l, url)| {
            let coordinators: Vec<Json> = l
                .coordinators
                .iter()
                .map(|c| json!([c.name, c.phone.display, c.phone.e164]))
                .collect();
            json!([l.name, url, l.phone.display, l.phone.e164, coordinators])
        })
        .collect();
    let municipalities: Vec<Json> = geo
        .municipalities
        .iter()
        .enumerate()
        .map(|(m, muni)| {
            let services: Vec<Json> = reg.served_by[m]
                .iter()
                .map(|&(l, a)| {
                    let area = &reg.locations[l].areas[a];
                    json!([l, coverage(&area.districts), ages_text(s, area.ages, true)])
                })
                .collect();
            let nearest: Vec<Json> = if services.is_empty() {
                reg.nearest[m]
                    .iter()
                    .map(|&(l, km)| json!([l, km.round() as u32]))
                    .collect()
            } else {
                Vec::new()
            };
            json!([
                muni.display,
                urls.municipalities[m],
                services,
                nearest,
                muni.code
            ])
        })
        .collect();

    let entries: Vec<Json> = names(geo)
        .into_iter()
        .map(|e| json!([e.label, targets(&e.targets), e.kind as u8]))
        .collect();
    // Runs of consecutive postcodes with the same municipalities: 4,000 postcodes in ~1,500
    // runs. A run starts `step` after the previous run's start.
    let mut postcodes: Vec<(u16, u16, &[usize])> = Vec::new();
    for p in &geo.places.postcodes {
        match postcodes.last_mut() {
            Some((start, count, ms)) if *start + *count == p.code && *ms == p.municipalities => {
                *count += 1
            }
            _ => postcodes.push((p.code, 1, &p.municipalities)),
        }
    }
    let mut previous = 0;
    let postcodes: Vec<Json> = postcodes
        .into_iter()
        .map(|(start, count, ms)| {
            let step = start - previous;
            previous = start;
            json!([step, count, targets(ms)])
        })
        .collect();
    let mut out = json!({
        "t": t, "l": locations, "m": municipalities, "e": entries, "z": postcodes,
    })
    .to_string();
    out.push('\n');
    out
}

/// One municipality as a number, several as an array.
fn targets(ms: &[usize]) -> Json {
    match ms {
        [one] => json!(one),
        many => json!(many),
    }
}

/// What a searchable name is, for the hint beside it in the suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The municipality's own (everyday) name: "Utrecht".
    Municipality = 0,
    /// Another name of the municipalities it lists: "'s-Hertogenbosch", "Bergen".
    OtherName = 1,
    /// A town; it may lie in several municipalities: "Hengelo", "Maarssen".
    Place = 2,
}

/// A searchable name with every municipality it may mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub label: String,
    /// Ascending municipality indexes.
    pub targets: Vec<usize>,
    pub kind: Kind,
}

/// Every name to search, one entry per folded name with all its municipalities: a town that
/// shares its name with a municipality ("Hengelo") lists the municipality and every other one
/// the town lies in, so choosing the name never hides a candidate. Sorted by folded name.
pub fn names(geo: &Geography) -> Vec<Entry> {
    /// A name as collected: its first spelling, the municipalities called so, those a town
    /// of that name lies in, and the municipality whose everyday name it is.
    #[derive(Default)]
    struct Found {
        label: String,
        named: Vec<usize>,
        towns: Vec<usize>,
        display_of: Option<usize>,
    }
    let mut by_key: std::collections::BTreeMap<String, Found> = Default::default();
    fn entry<'a>(
        by_key: &'a mut std::collections::BTreeMap<String, Found>,
        label: &str,
    ) -> &'a mut Found {
        let found = by_key.entry(fold(label)).or_default();
        if found.label.is_empty() {
            found.label = label.to_string();
        }
        found
    }
    for (m, muni) in geo.municipalities.iter().enumerate() {
        let e = entry(&mut by_key, &muni.display);
        e.named.push(m);
        e.display_of = Some(m);
    }
    for (m, muni) in geo.municipalities.iter().enumerate() {
        // "Bergen (NH.)" is also "Bergen", which then names two municipalities.
        let unqualified = muni.name.split(" (").next().filter(|u| *u != muni.name);
        for other in std::iter::once(muni.name.as_str())
            .chain(muni.aliases.iter().map(String::as_str))
            .chain(unqualified)
        {
            entry(&mut by_key, other).named.push(m);
        }
    }
    for p in &geo.places.places {
        entry(&mut by_key, &p.name).towns.extend(&p.municipalities);
    }
    by_key
        .into_iter()
        .filter(|(key, _)| !key.is_empty())
        .map(|(_, f)| {
            let mut targets: Vec<usize> = f.named.iter().chain(&f.towns).copied().collect();
            targets.sort_unstable();
            targets.dedup();
            let kind = if targets.iter().any(|t| !f.named.contains(t)) {
                Kind::Place
            } else if targets.len() == 1 && f.display_of == Some(targets[0]) {
                Kind::Municipality
            } else {
                Kind::OtherName
            };
            Entry {
                label: f.label,
                targets,
                kind,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
