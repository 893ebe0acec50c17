//! `homestart import-geo`: turns the CBS boundary file and a merger table into the project's
//! own `geo/` files, and reports what changed, so moving to next year's division is one
//! command plus a review of the printed changes and the git diff.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use geojson::{Feature, GeoJson, Geometry, GeometryValue, JsonObject, PolygonType};

use super::{Municipality, fold};
use crate::diag::{Diagnostic, Source};
use crate::messages::{Lang, Text};
use crate::t;

/// Reads a boundary file: the project's own (`code`, `name`) or CBS's (`statcode`, `statnaam`,
/// `jrstatcode`). Returns the division's year and the municipalities in file order.
pub fn parse_boundaries(
    src: &Arc<Source>,
    year_given: Option<u16>,
) -> Result<(u16, Vec<Municipality>), Vec<Diagnostic>> {
    let fail =
        |msg: Text, hint: Text| vec![Diagnostic::error(msg).in_file(src.path.clone()).hint(hint)];
    let gj: GeoJson = src.text.parse::<GeoJson>().map_err(|e| {
        fail(
            t!("geo-not-geojson", reason = e.to_string()),
            t!("geo-not-geojson.hint"),
        )
    })?;
    let GeoJson::FeatureCollection(fc) = gj else {
        return Err(fail(
            t!("geo-not-a-collection"),
            t!("geo-not-a-collection.hint"),
        ));
    };
    let mut year = year_given.or_else(|| {
        fc.foreign_members
            .as_ref()
            .and_then(|m| m.get("division"))
            .and_then(|v| v.as_u64())
            .and_then(|y| u16::try_from(y).ok())
    });
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, f) in fc.features.iter().enumerate() {
        let prop = |k: &str| f.property(k).and_then(|v| v.as_str()).map(str::to_string);
        let code = prop("code").or_else(|| prop("statcode"));
        let name = prop("name").or_else(|| prop("statnaam"));
        if year.is_none()
            && let Some(y) = prop("jrstatcode").and_then(|j| j.get(..4)?.parse().ok())
        {
            year = Some(y);
        }
        let (Some(code), Some(name)) = (code, name) else {
            errors.extend(fail(
                t!("geo-feature-unnamed", number = n + 1),
                t!("geo-feature-unnamed.hint"),
            ));
            continue;
        };
        if !(code.len() == 6
            && code.starts_with("GM")
            && code[2..].bytes().all(|b| b.is_ascii_digit()))
        {
            errors.extend(fail(
                t!("geo-code-invalid", code = &code, name = &name),
                t!("geo-code-invalid.hint"),
            ));
            continue;
        }
        let polygons = match f.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Polygon { coordinates }) => vec![rings(coordinates)],
            Some(GeometryValue::MultiPolygon { coordinates }) => {
                coordinates.iter().map(rings).collect()
            }
            _ => {
                errors.extend(fail(
                    t!("geo-no-polygon", name = &name, code = &code),
                    t!("geo-no-polygon.hint"),
                ));
                continue;
            }
        };
        out.push(Municipality {
            code,
            display: name.clone(),
            slug: String::new(),
            name,
            aliases: Vec::new(),
            polygons,
            rd: Vec::new(),
            centre: [0.0, 0.0],
            outline: Vec::new(),
            outline_small: Vec::new(),
            districts: Vec::new(),
        });
    }
    let mut seen = BTreeMap::new();
    for m in &out {
        if let Some(prev) = seen.insert(m.code.clone(), m.name.clone()) {
            errors.extend(fail(
                t!(
                    "geo-code-twice",
                    code = &m.code,
                    first = prev,
                    second = &m.name
                ),
                t!("geo-code-twice.hint"),
            ));
        }
    }
    let Some(year) = year else {
        errors.extend(fail(t!("geo-year-unknown"), t!("geo-year-unknown.hint")));
        return Err(errors);
    };
    if errors.is_empty() {
        Ok((year, out))
    } else {
        Err(errors)
    }
}

fn rings(p: &PolygonType) -> Vec<Vec<[f64; 2]>> {
    p.iter()
        .map(|r| {
            r.iter()
                .filter(|c| c.len() >= 2)
                .map(|c| [c[0], c[1]])
                .collect()
        })
        .collect()
}

/// What an import changed, for the editor to review.
#[derive(Debug, Default)]
pub struct Report {
    pub year: u16,
    pub count: usize,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub renamed: Vec<String>,
    pub mergers: usize,
}

impl Report {
    /// The report in `lang`, one line each, the changes indented under the first.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = t!(
            "geo-imported",
            year = self.year,
            count = self.count,
            mergers = self.mergers
        )
        .show(lang);
        s.push('\n');
        for (label, list) in [
            (t!("geo-imported.new"), &self.added),
            (t!("geo-imported.gone"), &self.removed),
            (t!("geo-imported.renamed"), &self.renamed),
        ] {
            for item in list {
                let _ = writeln!(s, "  {}", label.clone().arg("item", item).show(lang));
            }
        }
        if self.removed.is_empty() && self.added.is_empty() && self.renamed.is_empty() {
            let _ = writeln!(s, "  {}", t!("geo-imported.unchanged").show(lang));
        } else {
            let _ = writeln!(s, "{}", t!("geo-imported.review").show(lang));
        }
        s
    }
}

/// Imports `boundaries` (GeoJSON) and `mergers` (CSV: date, former names separated by `|`,
/// the code(s) they merged into, the name(s) they merged into) into `root/geo/`.
pub fn run(
    root: &Path,
    boundaries: &Path,
    mergers: &Path,
    year: Option<u16>,
) -> Result<Report, Vec<Diagnostic>> {
    let src = Source::read_input(boundaries).map_err(|d| vec![d])?;
    let (year, mut list) = parse_boundaries(&src, year)?;
    list.sort_by(|a, b| a.code.cmp(&b.code));

    let merger_src = Source::read_input(mergers).map_err(|d| vec![d])?;
    let merger_rows = parse_merger_table(&merger_src, &list)?;

    let mut report = Report {
        year,
        count: list.len(),
        mergers: merger_rows.len(),
        ..Report::default()
    };
    if let Ok(old) = Source::read(root, &root.join(super::BOUNDARIES))
        && let Ok((_, old)) = parse_boundaries(&old, None)
    {
        let old: BTreeMap<_, _> = old.into_iter().map(|m| (m.code, m.name)).collect();
        let new: BTreeMap<_, _> = list
            .iter()
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect();
        for (code, name) in &new {
            match old.get(code) {
                None => report.added.push(format!("{name} ({code})")),
                Some(o) if o != name => report.renamed.push(format!("{o} → {name} ({code})")),
                _ => {}
            }
        }
        for (code, name) in &old {
            if !new.contains_key(code) {
                report.removed.push(format!("{name} ({code})"));
            }
        }
    }

    let mut geojson =
        format!("{{\"type\":\"FeatureCollection\",\"division\":{year},\"features\":[\n");
    for (i, m) in list.iter().enumerate() {
        let mut props = JsonObject::new();
        props.insert("code".into(), m.code.clone().into());
        props.insert("name".into(), m.name.clone().into());
        let value = if m.polygons.len() == 1 {
            GeometryValue::Polygon {
                coordinates: to_coords(&m.polygons[0]),
            }
        } else {
            GeometryValue::MultiPolygon {
                coordinates: m.polygons.iter().map(|p| to_coords(p)).collect(),
            }
        };
        let feature = Feature {
            bbox: None,
            geometry: Some(Geometry::new(value)),
            id: Some(geojson::feature::Id::String(m.code.clone())),
            properties: Some(props),
            foreign_members: None,
        };
        geojson.push_str(&feature.to_string());
        geojson.push_str(if i + 1 < list.len() { ",\n" } else { "\n" });
    }
    geojson.push_str("]}\n");

    let mut csv = String::from("date,former,into\n");
    for (date, former, into) in &merger_rows {
        let _ = writeln!(csv, "{date},{},{into}", quote(former));
    }
    write_file(root, super::BOUNDARIES, &geojson).map_err(|d| vec![d])?;
    write_file(root, super::MERGERS, &csv).map_err(|d| vec![d])?;
    Ok(report)
}

/// Writes one file of `geo/` through a temporary file, so a failed write leaves the old one.
pub(super) fn write_file(root: &Path, rel: &str, text: &str) -> Result<(), Diagnostic> {
    std::fs::create_dir_all(root.join(super::DIR))
        .and_then(|()| crate::output::replace_file(&root.join(rel), text.as_bytes()))
        .map_err(|e| {
            Diagnostic::error(t!("geo-cannot-write", path = rel, reason = e.to_string()))
                .in_file(rel)
        })
}

fn to_coords(p: &[Vec<[f64; 2]>]) -> PolygonType {
    p.iter()
        .map(|r| r.iter().map(|&c| c.into()).collect())
        .collect()
}

pub(super) fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Reads a merger table (the shape of CBS announcements collected in
/// `herindelingen_2021_2026.csv`): one row per merger, several former names separated by `|`;
/// the target given by code or, for a municipality split over several, by names.
fn parse_merger_table(
    src: &Arc<Source>,
    municipalities: &[Municipality],
) -> Result<Vec<(String, String, String)>, Vec<Diagnostic>> {
    let by_name: BTreeMap<String, &str> = municipalities
        .iter()
        .map(|m| (fold(&m.name), m.code.as_str()))
        .collect();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut reader = csv::Reader::from_reader(src.text.as_bytes());
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        let Ok(r) = record else {
            errors.push(Diagnostic::error(t!("geo-row-unreadable")).at_line_col(src, line, 1));
            continue;
        };
        let get = |i: usize| r.get(i).unwrap_or("").trim();
        let (date, formers, code, names) = (get(0), get(1), get(2), get(3));
        if formers.starts_with('(') || (code.is_empty() && names.is_empty()) {
            continue; // "(none found)" rows and notes
        }
        let mut into: Vec<String> = code
            .split('|')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        if into.is_empty() {
            for name in names.split('|').filter(|n| !n.trim().is_empty()) {
                match by_name.get(&fold(name)) {
                    Some(c) => into.push((*c).to_string()),
                    None => errors.push(
                        Diagnostic::error(t!("geo-merger-target-unknown", name = name.trim()))
                            .at_line_col(src, line, 1)
                            .hint(t!("geo-merger-target-unknown.hint")),
                    ),
                }
            }
        }
        for c in &into {
            if municipalities
                .binary_search_by(|m| m.code.as_str().cmp(c))
                .is_err()
            {
                errors.push(
                    Diagnostic::error(t!("geo-merger-code-unknown", code = c))
                        .at_line_col(src, line, 1),
                );
            }
        }
        for former in formers.split('|') {
            // "Haaren (split: …)" → "Haaren"
            let former = former.split(" (").next().unwrap_or(former).trim();
            if former.is_empty() {
                continue;
            }
            if by_name.contains_key(&fold(former)) {
                errors.push(
                    Diagnostic::error(t!("geo-merger-former-exists", name = former))
                        .at_line_col(src, line, 1)
                        .hint(t!("geo-merger-former-exists.hint")),
                );
                continue;
            }
            rows.push((date.to_string(), former.to_string(), into.join("|")));
        }
    }
    if errors.is_empty() {
        rows.sort();
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(code: &str, name: &str, x: f64) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"statcode":"{code}","statnaam":"{name}","jrstatcode":"2027{code}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},52.0],[{x1},52.0],[{x1},52.1],[{x},52.0]]]}}}}"#,
            x1 = x + 0.1
        )
    }

    #[test]
    fn import_writes_the_division_and_reports_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (root, input) = (dir.path().join("project"), dir.path().join("in"));
        std::fs::create_dir_all(&input).unwrap();
        let cbs = |features: &[String]| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{}]}}"#,
                features.join(",")
            )
        };
        let boundaries = input.join("b.geojson");
        let mergers = input.join("m.csv");
        std::fs::write(
            &boundaries,
            cbs(&[
                feature("GM0002", "Beta", 5.1),
                feature("GM0001", "Alfa", 5.0),
            ]),
        )
        .unwrap();
        std::fs::write(
            &mergers,
            "date,former_municipalities,into_2026_statcode,into_2026_statnaam,source_seen\n\
             2027-01-01,Gamma|Delta,GM0001,Alfa,test\n\
             2027-01-01,Epsilon (split: villages),,Alfa|Beta,test\n\
             2024..2026,(none found),,,\"note, with comma\"\n",
        )
        .unwrap();
        let report = run(&root, &boundaries, &mergers, None).unwrap();
        assert_eq!((report.year, report.count, report.mergers), (2027, 2, 3));
        let written = std::fs::read_to_string(root.join("geo/municipalities.geojson")).unwrap();
        assert!(written.starts_with("{\"type\":\"FeatureCollection\",\"division\":2027"));
        assert!(
            written.find("GM0001").unwrap() < written.find("GM0002").unwrap(),
            "sorted by code"
        );
        let csv = std::fs::read_to_string(root.join("geo/mergers.csv")).unwrap();
        assert_eq!(
            csv,
            "date,former,into\n2027-01-01,Delta,GM0001\n2027-01-01,Epsilon,GM0001|GM0002\n2027-01-01,Gamma,GM0001\n"
        );

        // Next year: Beta renamed, Alfa gone (into a new one), Zeta new.
        std::fs::write(
            &boundaries,
            cbs(&[
                feature("GM0002", "Beta-Noord", 5.1),
                feature("GM0003", "Zeta", 5.2),
            ]),
        )
        .unwrap();
        std::fs::write(
            &mergers,
            "date,former,code,name,source\n2028-01-01,Alfa,GM0003,Zeta,test\n",
        )
        .unwrap();
        let report = run(&root, &boundaries, &mergers, Some(2028)).unwrap();
        assert_eq!(report.added, ["Zeta (GM0003)"]);
        assert_eq!(report.removed, ["Alfa (GM0001)"]);
        assert_eq!(report.renamed, ["Beta → Beta-Noord (GM0002)"]);
        assert!(report.text(Lang::En).contains("gone: Alfa (GM0001)"));
        assert!(
            report
                .text(Lang::Nl)
                .contains("de indeling van 2028 is geïmporteerd"),
            "{}",
            report.text(Lang::Nl)
        );
    }

    #[test]
    fn merger_into_an_unknown_municipality_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let b = dir.path().join("b.geojson");
        let m = dir.path().join("m.csv");
        std::fs::write(
            &b,
            format!(
                r#"{{"type":"FeatureCollection","features":[{}]}}"#,
                feature("GM0001", "Alfa", 5.0)
            ),
        )
        .unwrap();
        std::fs::write(&m, "d,f,c,n,s\n2027-01-01,Gamma,GM0999,Nergens,x\n").unwrap();
        let errs = run(&dir.path().join("p"), &b, &m, None).unwrap_err();
        assert!(errs[0].message().contains("GM0999"), "{errs:?}");
        assert!(
            !dir.path().join("p/geo").exists(),
            "nothing written on error"
        );
    }
}
