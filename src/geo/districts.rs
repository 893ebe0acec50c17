//! The districts (wijken, stadsdelen, gebieden) of the municipalities the registry splits
//! between locations, as each municipality names them: `geo/districts.csv`, one row per
//! district (`municipality,district`, the municipality by CBS code). The registry's
//! `districts:` entries are checked against them, and a municipality whose districts are all
//! served counts as fully covered.

use std::sync::Arc;

use super::{Geography, fold};
use crate::diag::{Diagnostic, Source};
use crate::t;

pub const DISTRICTS: &str = "geo/districts.csv";

/// Reads the division into [`super::Municipality::districts`].
pub fn load(geo: &mut Geography, src: &Arc<Source>) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut reader = csv::Reader::from_reader(src.text.as_bytes());
    let example = || t!("geo-districts-row");
    for (n, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(n + 2, |p| p.line() as usize);
        let Ok(r) = record else {
            errors.push(
                Diagnostic::error(t!("geo-row-unreadable"))
                    .at_line_col(src, line, 1)
                    .hint(example()),
            );
            continue;
        };
        let (code, name) = (r.get(0).unwrap_or("").trim(), r.get(1).unwrap_or("").trim());
        let Some(m) = geo.by_code(code) else {
            errors.push(
                Diagnostic::error(t!("geo-code-unknown", code = code, year = geo.year))
                    .at_line_col(src, line, 1)
                    .hint(example()),
            );
            continue;
        };
        let list = &mut geo.municipalities[m].districts;
        if fold(name).is_empty() {
            errors.push(
                Diagnostic::error(t!("geo-district-no-name"))
                    .at_line_col(src, line, code.len() + 2)
                    .hint(example()),
            );
        } else if list.iter().any(|d| fold(d) == fold(name)) {
            errors.push(
                Diagnostic::error(t!("geo-district-twice", district = name, code = code))
                    .at_line_col(src, line, code.len() + 2)
                    .hint(t!("geo-district-twice.hint")),
            );
        } else {
            list.push(name.to_string());
        }
    }
    errors
}

/// The district a written name means (case, accents, spaces and hyphens do not matter), or
/// the nearest names of the division, best first.
pub fn resolve<'a>(division: &'a [String], written: &str) -> Result<&'a str, Vec<&'a str>> {
    let key = fold(written);
    if let Some(d) = division.iter().find(|d| fold(d) == key) {
        return Ok(d);
    }
    let mut scored: Vec<(f64, &str)> = division
        .iter()
        .map(|d| (strsim::jaro_winkler(&key, &fold(d)), d.as_str()))
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    Err(scored.into_iter().take(3).map(|(_, d)| d).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_is_found_by_its_folded_name_and_a_typo_gets_the_nearest() {
        let utrecht: Vec<String> = ["Binnenstad", "Leidsche Rijn", "Vleuten-De Meern", "Oost"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            resolve(&utrecht, "vleuten de meern"),
            Ok("Vleuten-De Meern")
        );
        assert_eq!(resolve(&utrecht, "Leidse Rijn"), Err(vec!["Leidsche Rijn"]));
        assert_eq!(resolve(&utrecht, "Hoevelakn"), Err(Vec::<&str>::new()));
    }
}
