//! Towns and four-digit postcodes → the municipalities they lie in, for the lookup.
//!
//! Files: `geo/places.csv` (`place,municipalities,lat,lon`) and `geo/postcodes.csv`
//! (`postcode,municipalities,lat,lon`), codes separated by `|`, one row per town or per
//! position of a postcode (a key may repeat). `homestart import-places` derives them from
//! positions (GeoNames): each row's municipality is the one its position lies in, a second one
//! only close to a border ([`locate`]), and a source row is trusted only if it lies near the
//! other postcodes of its code group ([`derive`]). The build checks the shipped rows the same
//! way. An official table (CBS "Woonplaatsen in Nederland", BAG) has municipality codes and no
//! position; it is taken as it is.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use super::{Geography, fold};
use crate::diag::{Diagnostic, Source};
use crate::t;

pub mod derive;
mod import;
pub mod locate;
mod table;
pub mod towns;

pub use import::{Report, import};
pub use table::Kind;

pub const PLACES: &str = "geo/places.csv";
pub const POSTCODES: &str = "geo/postcodes.csv";
/// Required credit wherever place or postcode answers are shown (CC BY 4.0).
pub const CREDIT: &str = "GeoNames (CC BY 4.0)";

/// A town or village and the municipalities it lies in (one, or several candidates).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    /// Indexes into [`Geography::municipalities`], ascending.
    pub municipalities: Vec<usize>,
}

/// A four-digit postcode area and the municipalities it lies in.
#[derive(Debug, Clone, PartialEq)]
pub struct Postcode {
    pub code: u16,
    pub municipalities: Vec<usize>,
}

/// The two tables, as the lookup uses them.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Sorted by folded name.
    pub places: Vec<Place>,
    /// Sorted by code.
    pub postcodes: Vec<Postcode>,
}

/// A row of a table with its municipalities resolved.
#[derive(Debug, Clone)]
struct Entry {
    line: usize,
    /// The place name, or the postcode's four digits.
    key: String,
    municipalities: Vec<usize>,
    /// `[lon, lat]`, in a table with positions.
    at: Option<[f64; 2]>,
}

/// Loads the project's tables and checks the positioned rows; a project without them has an
/// empty lookup of places.
pub fn load(root: &Path, geo: &Geography) -> Result<Places, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut locator = None;
    let mut read = |rel: &str, kind: Kind| -> Vec<Entry> {
        if !root.join(rel).is_file() {
            return Vec::new();
        }
        let read = Source::read(root, &root.join(rel))
            .map_err(|d| vec![d])
            .and_then(|src| Ok((table::read(&src, kind)?, src)));
        match read {
            Ok((table, src)) => {
                let entries = resolve(&src, table.rows, kind, geo, &mut errors);
                if table.positioned {
                    let locator = locator.get_or_insert_with(|| locate::Locator::new(geo));
                    errors.extend(plausible(&src, kind, &entries, geo, locator));
                }
                entries
            }
            Err(ds) => {
                errors.extend(ds);
                Vec::new()
            }
        }
    };
    let places = read(PLACES, Kind::Place);
    let postcodes = read(POSTCODES, Kind::Postcode);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(assemble(places, postcodes))
}

/// The build's check of a positioned table: every municipality a row names lies around or
/// within [`locate::NEAR_KM`] of its position, and no postcode lies far from its neighbours.
fn plausible(
    src: &Arc<Source>,
    kind: Kind,
    entries: &[Entry],
    geo: &Geography,
    locator: &locate::Locator,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut spots = Vec::new();
    for e in entries {
        let Some(at) = e.at.and_then(|p| locator.grid(p)) else {
            continue;
        };
        for &m in &e.municipalities {
            let km = locator.km_to(m, at);
            if km > locate::NEAR_KM {
                errors.push(
                    Diagnostic::error(t!(
                        "places-far",
                        key = &e.key,
                        km = format!("{km:.0}"),
                        name = &geo.municipalities[m].name,
                        code = &geo.municipalities[m].code
                    ))
                    .at_line_col(src, e.line, e.key.chars().count() + 2)
                    .hint(t!("places-far.hint", near = locate::NEAR_KM.to_string())),
                );
            }
        }
        if kind == Kind::Postcode
            && let Ok(code) = e.key.parse()
        {
            spots.push((
                e,
                derive::Spot {
                    code,
                    at,
                    rough: false,
                },
            ));
        }
    }
    let only: Vec<_> = spots.iter().map(|s| s.1).collect();
    for (i, km) in derive::outliers(&only) {
        let e = spots[i].0;
        errors.push(
            Diagnostic::error(t!(
                "places-postcode-outlier",
                postcode = &e.key,
                km = format!("{km:.0}"),
                group = &e.key[..2]
            ))
            .at_line_col(src, e.line, 1)
            .hint(t!("places-postcode-outlier.hint")),
        );
    }
    errors
}

/// Merges repeated keys (a town listed once per municipality, a postcode once per position)
/// and sorts.
fn assemble(places: Vec<Entry>, postcodes: Vec<Entry>) -> Places {
    let mut by_name: BTreeMap<String, Place> = BTreeMap::new();
    for e in places {
        let entry = by_name.entry(fold(&e.key)).or_insert_with(|| Place {
            name: e.key,
            municipalities: Vec::new(),
        });
        entry.municipalities.extend(e.municipalities);
    }
    let mut by_code: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for e in postcodes {
        if let Ok(c) = e.key.parse() {
            by_code.entry(c).or_default().extend(e.municipalities);
        }
    }
    let tidy = |mut v: Vec<usize>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    Places {
        places: by_name
            .into_values()
            .map(|p| Place {
                municipalities: tidy(p.municipalities),
                ..p
            })
            .collect(),
        postcodes: by_code
            .into_iter()
            .map(|(code, ms)| Postcode {
                code,
                municipalities: tidy(ms),
            })
            .collect(),
    }
}

/// The four digits of a postcode written as `1234`, `1234AB` or `1234 AB`.
pub fn postcode_digits(written: &str) -> Option<u16> {
    let s = written.trim();
    let digits = s.get(..4)?;
    let rest = s[4..].trim();
    let ok = digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
        && (rest.is_empty() || (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_alphabetic())));
    ok.then(|| digits.parse().ok()).flatten()
}

/// A row's key as the tables store it (a postcode's four digits), or the error at its line.
fn key_of(src: &Arc<Source>, row: &table::Row, kind: Kind) -> Result<String, Diagnostic> {
    match kind {
        Kind::Place if fold(&row.key).is_empty() => Err(Diagnostic::error(t!("places-no-name"))
            .at_line_col(src, row.line, 1)
            .hint(t!("places-no-name.hint"))),
        Kind::Place => Ok(row.key.clone()),
        Kind::Postcode => postcode_digits(&row.key)
            .map(|c| c.to_string())
            .ok_or_else(|| {
                Diagnostic::error(t!("places-postcode-invalid", postcode = &row.key))
                    .at_line_col(src, row.line, 1)
                    .hint(t!("places-postcode-invalid.hint"))
            }),
    }
}

/// Checks keys and codes of `rows` against the division.
fn resolve(
    src: &Arc<Source>,
    rows: Vec<table::Row>,
    kind: Kind,
    geo: &Geography,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Entry> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let key = match key_of(src, &row, kind) {
            Ok(k) => k,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        let mut ms = Vec::new();
        for code in &row.codes {
            match geo.by_code(code) {
                Some(m) => ms.push(m),
                None => errors.push(
                    Diagnostic::error(t!(
                        "places-code-unknown",
                        code = code,
                        key = &key,
                        year = geo.year
                    ))
                    .at_line_col(src, row.line, 1)
                    .hint(t!("places-code-unknown.hint")),
                ),
            }
        }
        if row.codes.is_empty() {
            errors.push(
                Diagnostic::error(t!("places-no-municipality", key = &key))
                    .at_line_col(src, row.line, 1)
                    .hint(t!("places-no-municipality.hint")),
            );
        }
        if !ms.is_empty() {
            out.push(Entry {
                line: row.line,
                key,
                municipalities: ms,
                at: row.at,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_four_digits_with_optional_letters() {
        assert_eq!(postcode_digits("3511"), Some(3511));
        assert_eq!(postcode_digits("3511 AB"), Some(3511));
        assert_eq!(postcode_digits("3511ab"), Some(3511));
        assert_eq!(postcode_digits("0511"), None);
        assert_eq!(postcode_digits("351"), None);
        assert_eq!(postcode_digits("3511 ABC"), None);
        assert_eq!(postcode_digits("35112"), None);
    }
}
