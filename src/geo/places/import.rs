//! `homestart import-places`: the town and postcode tables derived from positions, or taken
//! from an official table with municipality codes, with a report of every source row left
//! out and why. Nothing is written unless every row of every table given is readable.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use super::derive::{self, Doubt, Spot};
use super::locate::Locator;
use super::table::{self, Kind, Row, Table};
use super::towns::{self, Sighting, Town};
use super::{Entry, Geography, PLACES, POSTCODES, assemble, fold, key_of, resolve};
use crate::diag::{Diagnostic, Source};
use crate::geo::import::{quote, write_file};
use crate::messages::{Lang, Text};
use crate::t;

/// What an import read, left out and changed, for the editor to review.
#[derive(Debug, Default)]
pub struct Report {
    /// Each line, and whether it is indented under the one before (a row left out).
    lines: Vec<(bool, Text)>,
}

impl Report {
    /// The lines to print, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.lines
            .iter()
            .map(|(indented, text)| {
                let indent = if *indented { "  " } else { "" };
                format!("{indent}{}", text.show(lang))
            })
            .collect()
    }

    fn push(&mut self, text: Text) {
        self.lines.push((false, text));
    }
}

/// A postcode row kept: the row, its code and its grid position.
type Kept<'a> = (&'a Row, u16, [f64; 2]);

/// Imports town and/or postcode tables into `geo/`.
pub fn import(
    root: &Path,
    geo: &Geography,
    places: Option<&Path>,
    postcodes: Option<&Path>,
) -> Result<Report, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut read = |path: Option<&Path>, kind: Kind| {
        let found = Source::read_input(path?)
            .map_err(|d| vec![d])
            .and_then(|src| Ok((table::read(&src, kind)?, src)));
        found.map_err(|ds| errors.extend(ds)).ok()
    };
    let postcodes = read(postcodes, Kind::Postcode);
    let places = read(places, Kind::Place);
    if !errors.is_empty() {
        return Err(errors);
    }
    let locator = Locator::new(geo);
    let old = super::load(root, geo).unwrap_or_default();
    let mut report = Report::default();

    // Postcodes with positions are screened before anything else uses them.
    let (mut kept, mut dropped) = match postcodes.as_ref().filter(|(t, _)| t.positioned) {
        Some((t, src)) => screened(t, src, &locator, &mut errors),
        None => (Vec::new(), Vec::new()),
    };

    // Towns: their own positions, and the place names of the postcodes kept.
    let mut sightings = Vec::new();
    if let Some((t, src)) = places.as_ref().filter(|(t, _)| t.positioned) {
        for row in &t.rows {
            match (key_of(src, row, Kind::Place), row.at) {
                (Ok(name), Some(p)) => {
                    let named = row.codes.iter().find_map(|c| geo.by_code(c));
                    sightings.extend(sighted(&name, p, &locator, Some(named)));
                }
                (Err(d), _) => errors.push(d),
                _ => {}
            }
        }
    }
    for (row, _, _) in &kept {
        if let (Some(name), Some(p)) = (&row.place, row.at) {
            sightings.extend(sighted(name, p, &locator, None));
        }
    }
    let towns = towns::towns(&sightings, &locator);

    let new_postcodes = match &postcodes {
        Some((t, src)) if !t.positioned => Some(resolve(
            src,
            t.rows.clone(),
            Kind::Postcode,
            geo,
            &mut errors,
        )),
        Some(_) => Some(placed(&mut kept, &mut dropped, &towns, &locator)),
        None => None,
    };
    let new_places = match &places {
        Some((t, src)) if !t.positioned => {
            Some(resolve(src, t.rows.clone(), Kind::Place, geo, &mut errors))
        }
        Some(_) => Some(
            towns
                .iter()
                .filter(|t| !t.municipalities.is_empty())
                .map(|t| Entry {
                    line: 0,
                    key: t.name.clone(),
                    municipalities: t.municipalities.clone(),
                    at: Some(t.lon_lat),
                })
                .collect(),
        ),
        None => None,
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut files: Vec<(&str, String)> = Vec::new();
    if let (Some(entries), Some((t, src))) = (new_postcodes, &postcodes) {
        report_dropped(&mut report, t, src, &dropped, &entries);
        let new = assemble(Vec::new(), entries.clone());
        let several = new
            .postcodes
            .iter()
            .filter(|p| p.municipalities.len() > 1)
            .count();
        report.push(t!(
            "places-imported-postcodes",
            count = new.postcodes.len(),
            before = old.postcodes.len(),
            several = several
        ));
        files.push((POSTCODES, csv("postcode", &entries, geo)));
    }
    if let Some(entries) = new_places {
        let new = assemble(entries.clone(), Vec::new());
        let several = new
            .places
            .iter()
            .filter(|p| p.municipalities.len() > 1)
            .count();
        report.push(t!(
            "places-imported-towns",
            names = new.places.len(),
            rows = entries.len(),
            before = old.places.len(),
            several = several
        ));
        files.push((PLACES, csv("place", &entries, geo)));
    }
    for (rel, text) in files {
        write_file(root, rel, &text).map_err(|d| vec![d])?;
    }
    Ok(report)
}

/// The rows of a postcode table with positions: those to use, and those left out with why.
fn screened<'a>(
    t: &'a Table,
    src: &Arc<Source>,
    locator: &Locator,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Kept<'a>>, Vec<(&'a Row, u16, Doubt)>) {
    let mut kept: Vec<Kept> = Vec::new();
    let mut dropped: Vec<(&Row, u16, Doubt)> = Vec::new();
    let mut rows = Vec::new();
    for row in &t.rows {
        match key_of(src, row, Kind::Postcode) {
            Ok(k) => {
                let code = k.parse().unwrap_or(0);
                match row.at.and_then(|p| locator.grid(p)) {
                    Some(at) => rows.push((row, code, at)),
                    None => dropped.push((row, code, Doubt::Outside)),
                }
            }
            Err(d) => errors.push(d),
        }
    }
    let spots: Vec<Spot> = rows
        .iter()
        .map(|&(row, code, at)| Spot {
            code,
            at,
            rough: row.rough,
        })
        .collect();
    for (r, doubt) in rows.into_iter().zip(derive::screen(&spots)) {
        match doubt {
            None => kept.push(r),
            Some(d) => dropped.push((r.0, r.1, d)),
        }
    }
    (kept, dropped)
}

/// A town's position, under its own name and, for "Elst Ut", also as "Elst". `own` is the
/// town's own position (with the municipality the source names, if any), not a postcode's.
fn sighted(
    name: &str,
    lon_lat: [f64; 2],
    locator: &Locator,
    own: Option<Option<usize>>,
) -> Vec<Sighting> {
    let Some(at) = locator.grid(lon_lat) else {
        return Vec::new();
    };
    std::iter::once(name)
        .chain(towns::unqualified(name))
        .map(|n| Sighting {
            name: n.to_string(),
            lon_lat,
            at,
            own: own.is_some(),
            named: own.flatten(),
        })
        .collect()
}

/// The municipalities of each kept postcode row: where its position lies, and the
/// municipality of the town it names where that is close ([`Locator::candidates`]).
fn placed<'a>(
    kept: &mut Vec<Kept<'a>>,
    dropped: &mut Vec<(&'a Row, u16, Doubt)>,
    towns: &[Town],
    locator: &Locator,
) -> Vec<Entry> {
    let mut by_name: HashMap<String, Vec<&Town>> = HashMap::new();
    for t in towns {
        by_name.entry(fold(&t.name)).or_default().push(t);
    }
    let mut out = Vec::new();
    for (row, code, at) in kept.drain(..) {
        let named = row
            .place
            .as_ref()
            .and_then(|p| by_name.get(&fold(p)))
            .and_then(|ts| {
                ts.iter().min_by(|a, b| {
                    crate::geo::project::km(a.at, at).total_cmp(&crate::geo::project::km(b.at, at))
                })
            })
            .map(|t| t.municipalities.clone())
            .unwrap_or_default();
        let municipalities = locator.candidates(at, &named);
        if municipalities.is_empty() {
            dropped.push((row, code, Doubt::Outside));
            continue;
        }
        out.push(Entry {
            line: row.line,
            key: code.to_string(),
            municipalities,
            at: row.at,
        });
    }
    out
}

/// Every source row left out, and the postcodes that are in the source but not in the table.
fn report_dropped(
    report: &mut Report,
    t: &Table,
    src: &Arc<Source>,
    dropped: &[(&Row, u16, Doubt)],
    entries: &[Entry],
) {
    if !t.positioned {
        return;
    }
    let mut sorted: Vec<_> = dropped.iter().collect();
    sorted.sort_by_key(|d| d.0.line);
    report.push(t!(
        "places-imported-read",
        path = &src.path,
        rows = t.rows.len(),
        used = entries.len(),
        dropped = dropped.len()
    ));
    for (row, code, doubt) in sorted {
        report.lines.push((
            true,
            t!(
                "places-left-out",
                line = row.line,
                postcode = code.to_string(),
                place = row.place.as_deref().unwrap_or(""),
                why = doubt.describe(*code)
            ),
        ));
    }
    let placed: BTreeSet<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    let unknown: BTreeSet<u16> = dropped
        .iter()
        .map(|d| d.1)
        .filter(|c| !placed.contains(c.to_string().as_str()))
        .collect();
    if !unknown.is_empty() {
        report.push(t!(
            "places-unknown-postcodes",
            count = unknown.len(),
            postcodes = unknown
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// A table as the project stores it: one row per entry, sorted, with its position if known.
/// Without positions, a key listed once per municipality (as CBS does) becomes one row.
fn csv(key: &str, entries: &[Entry], geo: &Geography) -> String {
    let positioned = entries.iter().any(|e| e.at.is_some());
    let merged;
    let entries = if positioned {
        entries
    } else {
        let mut by_key: std::collections::BTreeMap<String, Entry> = Default::default();
        for e in entries {
            let m = by_key.entry(fold(&e.key)).or_insert_with(|| Entry {
                municipalities: Vec::new(),
                ..e.clone()
            });
            m.municipalities.extend(&e.municipalities);
            m.municipalities.sort_unstable();
            m.municipalities.dedup();
        }
        merged = by_key.into_values().collect::<Vec<_>>();
        &merged
    };
    let mut rows: Vec<String> = entries
        .iter()
        .map(|e| {
            let codes: Vec<&str> = e
                .municipalities
                .iter()
                .map(|&m| geo.municipalities[m].code.as_str())
                .collect();
            let mut row = format!("{},{}", quote(&e.key), codes.join("|"));
            if let Some([lon, lat]) = e.at.filter(|_| positioned) {
                let _ = write!(row, ",{lat},{lon}");
            }
            row
        })
        .collect();
    if key == "postcode" {
        rows.sort();
    } else {
        rows.sort_by_cached_key(|r| (fold(r), r.clone()));
    }
    rows.dedup();
    let mut out = format!(
        "{key},municipalities{}\n",
        if positioned { ",lat,lon" } else { "" }
    );
    for r in rows {
        out.push_str(&r);
        out.push('\n');
    }
    out
}
