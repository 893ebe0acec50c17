//! The lookup index: everything the search field needs to answer "is Home-Start offered where
//! this family lives?" for a municipality name, a town or a postcode, as one compact JSON file
//! per language that the page fetches only when the field is used.
//!
//! Answers are precomputed here in the page's language (ages, districts, distances) so the
//! script only finds and shows; it never decides coverage itself. A town or postcode keeps
//! every candidate municipality: the script shows them all rather than guessing.

use serde::Serialize;

use super::view::View;
use crate::geo::{Geography, fold};
use crate::i18n::Strings;

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
    ("former", "lookup_kind_former"),
    ("former_answer", "lookup_former"),
    ("did_you_mean", "lookup_did_you_mean"),
    ("empty", "lookup_empty"),
    ("in_one", "lookup_in_one"),
    ("in_several", "lookup_in_several"),
    ("postcode_unknown", "lookup_postcode_unknown"),
    ("none", "lookup_none"),
    ("count", "lookup_count"),
    ("count_one", "lookup_count_one"),
    ("digits", "lookup_digits"),
];

/// The index file of a language, site-relative.
pub fn path(lang: &str) -> String {
    format!("data/lookup-{lang}.json")
}

/// The file's members; see [`index`]. Keys in alphabetical order, as the file has always had.
#[derive(Serialize)]
struct Index<'a> {
    e: Vec<Named<'a>>,
    l: Vec<LocationRow<'a>>,
    m: Vec<MunicipalityRow<'a>>,
    t: std::collections::BTreeMap<&'static str, &'a str>,
    z: Vec<(u16, u16, Targets<'a>)>,
}

/// `[name, municipalities, kind]`, and for a former municipality `[…, year]`.
#[derive(Serialize)]
#[serde(untagged)]
enum Named<'a> {
    Now(&'a str, Targets<'a>, u8),
    Former(&'a str, Targets<'a>, u8, &'a str),
}

/// `[name, url, phone, tel, [[coordinator, phone, tel], …]]`
#[derive(Serialize)]
struct LocationRow<'a>(
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Vec<(&'a str, &'a str, &'a str)>,
);

/// `[name, url, [[location, coverage, ages], …], [[location, km], …], code, unserved]`
#[derive(Serialize)]
struct MunicipalityRow<'a>(
    &'a str,
    &'a str,
    Vec<(usize, &'a str, &'a str)>,
    Vec<(usize, u32)>,
    &'a str,
    &'a str,
);

/// One municipality as a number, several as an array.
#[derive(Serialize)]
#[serde(untagged)]
enum Targets<'a> {
    One(usize),
    Many(&'a [usize]),
}

fn targets(ms: &[usize]) -> Targets<'_> {
    match ms {
        [one] => Targets::One(*one),
        many => Targets::Many(many),
    }
}

/// The index as JSON text. Shape (arrays, not objects, to stay small):
/// - `t`: interface strings;
/// - `l`: locations `[name, url, phone, tel, [[coordinator, phone, tel], …]]`;
/// - `m`: municipalities `[name, url, [[location, coverage, ages], …], [[location, km], …],
///   code, unserved]` (services when offered, else the nearest locations; the code links the
///   map; `unserved` names the districts no location serves, or is empty);
/// - `e`: every name to search `[name, municipalities, kind]` (see [`names`]);
/// - `z`: postcodes as runs `[step, count, municipalities]`: `count` consecutive postcodes
///   from `step` after the previous run's start (the first from 0);
///
/// where `municipalities` is one index, or an array of several. `entries` are [`names`] of
/// `geo`, the same in every language (folding every town's name is most of an index's cost).
pub fn index(geo: &Geography, entries: &[Entry], view: &View, s: &Strings) -> String {
    let l = view
        .locations
        .iter()
        .map(|l| {
            LocationRow(
                &l.name,
                l.url.as_deref().unwrap_or_default(),
                &l.phone.display,
                &l.phone.e164,
                l.coordinators
                    .iter()
                    .map(|c| {
                        (
                            c.name.as_str(),
                            c.phone.display.as_str(),
                            c.phone.e164.as_str(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let m = view
        .municipalities
        .iter()
        .map(|muni| {
            let services = muni
                .services
                .iter()
                .map(|s| (s.index, s.coverage.as_str(), s.ages.as_str()))
                .collect();
            let nearest = muni
                .nearest
                .iter()
                .filter(|_| muni.services.is_empty())
                .map(|n| (n.index, n.km as u32))
                .collect();
            MunicipalityRow(
                &muni.display,
                muni.url.as_deref().unwrap_or_default(),
                services,
                nearest,
                &muni.code,
                &muni.unserved_text,
            )
        })
        .collect();
    let e = entries
        .iter()
        .map(|e| match &e.since {
            Some(year) => Named::Former(&e.label, targets(&e.targets), e.kind as u8, year),
            None => Named::Now(&e.label, targets(&e.targets), e.kind as u8),
        })
        .collect();
    // Runs of consecutive postcodes with the same municipalities: 4,000 postcodes in ~1,500
    // runs. A run starts `step` after the previous run's start.
    let mut runs: Vec<(u16, u16, &[usize])> = Vec::new();
    for p in &geo.places.postcodes {
        match runs.last_mut() {
            Some((start, count, ms)) if *start + *count == p.code && *ms == p.municipalities => {
                *count += 1
            }
            _ => runs.push((p.code, 1, &p.municipalities)),
        }
    }
    let mut previous = 0;
    let z = runs
        .into_iter()
        .map(|(start, count, ms)| {
            let step = start - previous;
            previous = start;
            (step, count, targets(ms))
        })
        .collect();
    let t = STRINGS
        .iter()
        .map(|(name, key)| (*name, s.get(key)))
        .collect();
    let mut out = serde_json::to_string(&Index { e, l, m, t, z }).unwrap_or_default();
    out.push('\n');
    out
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
    /// A municipality that merged into the ones it lists: "Langedijk" (Dijk en Waard).
    /// (3 is the script's own kind for a postcode.)
    Former = 4,
}

/// A searchable name with every municipality it may mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub label: String,
    /// Ascending municipality indexes.
    pub targets: Vec<usize>,
    pub kind: Kind,
    /// For a former municipality: the year it merged.
    pub since: Option<String>,
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
        /// A former municipality's successors and the year it merged.
        former: Option<(Vec<usize>, String)>,
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
    for m in geo.mergers() {
        let year = m.date.split('-').next().unwrap_or(&m.date).to_string();
        entry(&mut by_key, &m.former).former = Some((m.into.clone(), year));
    }
    by_key
        .into_iter()
        .filter(|(key, _)| !key.is_empty())
        .map(|(_, f)| {
            // A name that is only a former municipality answers with its successors and
            // the year. One that is also a town today ("Haaren", a village of Oisterwijk)
            // answers as the town: that is where a family who writes it lives.
            let current = !(f.named.is_empty() && f.towns.is_empty());
            let successors = f.former.as_ref().filter(|_| !current);
            let mut targets: Vec<usize> = f
                .named
                .iter()
                .chain(&f.towns)
                .chain(successors.into_iter().flat_map(|(into, _)| into))
                .copied()
                .collect();
            targets.sort_unstable();
            targets.dedup();
            let (kind, since) = if !current {
                (Kind::Former, f.former.map(|(_, year)| year))
            } else if targets.iter().any(|t| !f.named.contains(t)) {
                (Kind::Place, None)
            } else if targets.len() == 1 && f.display_of == Some(targets[0]) {
                (Kind::Municipality, None)
            } else {
                (Kind::OtherName, None)
            };
            Entry {
                label: f.label,
                targets,
                kind,
                since,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
