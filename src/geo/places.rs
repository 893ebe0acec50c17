//! Towns and four-digit postcodes → the municipalities they lie in, for the lookup.
//!
//! The shipped tables come from GeoNames, assigned to municipalities by name and by position:
//! indicative. A town name or a postcode area can lie in several municipalities, so every row
//! keeps all its candidates and the lookup shows them all instead of guessing.
//!
//! Files: `geo/places.csv` (`place,municipalities`) and `geo/postcodes.csv`
//! (`postcode,municipalities`), codes separated by `|`. `homestart import-places` writes them
//! from the GeoNames-derived tables or from an official table of the same kind (CBS
//! "Woonplaatsen in Nederland", BAG) with a place or postcode column and municipality codes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use super::{Geography, fold};
use crate::diag::{Diagnostic, Source};

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

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Place,
    Postcode,
}

impl Kind {
    /// Column names accepted for the key, lowercase.
    fn key_columns(self) -> &'static [&'static str] {
        match self {
            Kind::Place => &[
                "place",
                "woonplaats",
                "woonplaatsen",
                "woonplaatsnaam",
                "name",
                "naam",
            ],
            Kind::Postcode => &["postcode", "pc4", "postcode4", "pc"],
        }
    }

    fn example(self) -> &'static str {
        match self {
            Kind::Place => "place,municipalities\nMaarssen,GM1904",
            Kind::Postcode => "postcode,municipalities\n3511,GM0344",
        }
    }
}

/// Columns whose values are municipality codes; where a table has several (the derived
/// GeoNames tables assign by name and by position), all candidates are kept.
const CODE_COLUMNS: &[&str] = &[
    "municipalities",
    "municipality",
    "statcodes",
    "statcode",
    "gemeentecode",
    "gemeentecodes",
    "code",
    "codes",
    "statcodes_by_name",
    "statcodes_by_point",
];

/// One row read from a table, before its codes are checked.
#[derive(Debug)]
struct Row {
    line: usize,
    key: String,
    codes: Vec<String>,
}

/// Loads the project's tables; a project without them has an empty lookup of places.
pub fn load(root: &Path, geo: &Geography) -> Result<Places, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut read = |rel: &str, kind: Kind| -> Vec<(usize, String, Vec<usize>)> {
        if !root.join(rel).is_file() {
            return Vec::new();
        }
        let rows = Source::read(root, &root.join(rel))
            .map_err(|d| vec![d])
            .and_then(|src| Ok((rows(&src, kind)?, src)));
        match rows {
            Ok((rows, src)) => resolve(&src, rows, kind, geo, &mut errors),
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

/// Merges repeated keys (official tables list a place once per municipality) and sorts.
fn assemble(
    places: Vec<(usize, String, Vec<usize>)>,
    postcodes: Vec<(usize, String, Vec<usize>)>,
) -> Places {
    let mut by_name: BTreeMap<String, Place> = BTreeMap::new();
    for (_, name, ms) in places {
        let entry = by_name.entry(fold(&name)).or_insert_with(|| Place {
            name,
            municipalities: Vec::new(),
        });
        entry.municipalities.extend(ms);
    }
    let mut by_code: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for (_, code, ms) in postcodes {
        if let Ok(c) = code.parse() {
            by_code.entry(c).or_default().extend(ms);
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

/// Reads the rows of a place or postcode table: comma, semicolon or tab separated, with a
/// header naming the key column and one or more code columns.
fn rows(src: &Arc<Source>, kind: Kind) -> Result<Vec<Row>, Vec<Diagnostic>> {
    let first = src.text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| first.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(src.text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => {
            return Err(vec![
                Diagnostic::error(format!("unreadable header: {e}"))
                    .at_line_col(src, 1, 1)
                    .hint(format!("the table starts like:\n{}", kind.example())),
            ]);
        }
    };
    let key = headers
        .iter()
        .position(|h| kind.key_columns().contains(&h.as_str()));
    let codes: Vec<usize> = (0..headers.len())
        .filter(|&i| CODE_COLUMNS.contains(&headers[i].as_str()))
        .collect();
    let Some(key) = key.filter(|_| !codes.is_empty()) else {
        return Err(vec![
            Diagnostic::error(format!(
                "the header must name a {} column and a column of municipality codes",
                kind.key_columns()[0]
            ))
            .at_line_col(src, 1, 1)
            .hint(format!(
                "accepted names: {} for the key, {} for the codes; e.g.\n{}",
                kind.key_columns().join(", "),
                CODE_COLUMNS.join(", "),
                kind.example()
            )),
        ]);
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut counted = (0, 1); // (byte offset, its line number)
    for (n, record) in reader.records().enumerate() {
        // csv skips blank lines (and miscounts them), so the line comes from the byte offset,
        // counted on from the previous row's (tables have thousands of rows).
        let line = match &record {
            Ok(r) => r.position().map(|p| p.byte() as usize),
            Err(e) => e.position().map(|p| p.byte() as usize),
        }
        .map_or(n + 2, |byte| {
            let start = byte + src.text[byte..].len()
                - src.text[byte..].trim_start_matches(['\r', '\n']).len();
            if start >= counted.0 {
                counted.1 += src.text[counted.0..start].matches('\n').count();
                counted.0 = start;
            }
            counted.1
        });
        let Ok(r) = record else {
            errors.push(
                Diagnostic::error("unreadable row")
                    .at_line_col(src, line, 1)
                    .hint(format!("each row is like:\n{}", kind.example())),
            );
            continue;
        };
        let value = r.get(key).unwrap_or("").trim().to_string();
        let row_codes: Vec<String> = codes
            .iter()
            .flat_map(|&i| r.get(i).unwrap_or("").split(['|', ' ', ',']))
            .filter(|c| !c.trim().is_empty())
            .map(|c| normalise_code(c.trim()))
            .collect();
        if value.is_empty() && row_codes.is_empty() {
            continue;
        }
        out.push(Row {
            line,
            key: value,
            codes: row_codes,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// `363`, `0363` and `GM0363` are the same municipality.
fn normalise_code(code: &str) -> String {
    let digits = code
        .strip_prefix("GM")
        .or_else(|| code.strip_prefix("gm"))
        .unwrap_or(code);
    if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("GM{digits:0>4}")
    } else {
        code.to_string()
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

/// Checks keys and codes of `rows` against the division; returns `(line, key, municipalities)`.
fn resolve(
    src: &Arc<Source>,
    rows: Vec<Row>,
    kind: Kind,
    geo: &Geography,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(usize, String, Vec<usize>)> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let key = match kind {
            Kind::Place if row.key.is_empty() || fold(&row.key).is_empty() => {
                errors.push(
                    Diagnostic::error("a row without a place name")
                        .at_line_col(src, row.line, 1)
                        .hint(
                            "write the name of the town or village first, e.g. `Maarssen,GM1904`",
                        ),
                );
                continue;
            }
            Kind::Place => row.key,
            Kind::Postcode => match postcode_digits(&row.key) {
                Some(c) => c.to_string(),
                None => {
                    errors.push(
                        Diagnostic::error(format!("`{}` is not a Dutch postcode", row.key))
                            .at_line_col(src, row.line, 1)
                            .hint("write four digits, 1000 to 9999, e.g. `3511` (letters are ignored)"),
                    );
                    continue;
                }
            },
        };
        let mut ms = Vec::new();
        for code in &row.codes {
            match geo.by_code(code) {
                Some(m) => ms.push(m),
                None => errors.push(
                    Diagnostic::error(format!(
                        "`{code}` (for `{key}`) is not a municipality code of {}",
                        geo.year
                    ))
                    .at_line_col(src, row.line, 1)
                    .hint("use the CBS codes of geo/municipalities.geojson; after a new division, import the place tables again"),
                ),
            }
        }
        if row.codes.is_empty() {
            errors.push(
                Diagnostic::error(format!("`{key}` has no municipality"))
                    .at_line_col(src, row.line, 1)
                    .hint("give at least one CBS code, several separated by `|`"),
            );
        }
        if !ms.is_empty() {
            out.push((row.line, key, ms));
        }
    }
    out
}

/// What an import read and changed, for the editor to review.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
}

/// Imports place and/or postcode tables into `geo/`, checked against the project's division.
/// Nothing is written unless every row of every table given is usable.
pub fn import(
    root: &Path,
    geo: &Geography,
    places: Option<&Path>,
    postcodes: Option<&Path>,
) -> Result<Report, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut read = |path: Option<&Path>, kind: Kind| {
        let path = path?;
        let src = match Source::read_input(path) {
            Ok(s) => s,
            Err(d) => {
                errors.push(d);
                return None;
            }
        };
        match rows(&src, kind) {
            Ok(rows) => Some(resolve(&src, rows, kind, geo, &mut errors)),
            Err(ds) => {
                errors.extend(ds);
                None
            }
        }
    };
    let new_places = read(places, Kind::Place);
    let new_postcodes = read(postcodes, Kind::Postcode);
    if !errors.is_empty() {
        return Err(errors);
    }
    let old = load(root, geo).unwrap_or_default();
    let new = assemble(
        new_places.clone().unwrap_or_default(),
        new_postcodes.clone().unwrap_or_default(),
    );
    let codes = |ms: &[usize]| {
        ms.iter()
            .map(|&m| geo.municipalities[m].code.as_str())
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut report = Report::default();
    let mut files: Vec<(&str, String)> = Vec::new();
    if new_places.is_some() {
        let mut csv = String::from("place,municipalities\n");
        for p in &new.places {
            let _ = writeln!(
                csv,
                "{},{}",
                super::import::quote(&p.name),
                codes(&p.municipalities)
            );
        }
        let several = new
            .places
            .iter()
            .filter(|p| p.municipalities.len() > 1)
            .count();
        report.lines.push(format!(
            "places: {} (was {}), {several} in more than one municipality",
            new.places.len(),
            old.places.len()
        ));
        files.push((PLACES, csv));
    }
    if new_postcodes.is_some() {
        let mut csv = String::from("postcode,municipalities\n");
        for p in &new.postcodes {
            let _ = writeln!(csv, "{},{}", p.code, codes(&p.municipalities));
        }
        let several = new
            .postcodes
            .iter()
            .filter(|p| p.municipalities.len() > 1)
            .count();
        report.lines.push(format!(
            "postcodes: {} (was {}), {several} in more than one municipality",
            new.postcodes.len(),
            old.postcodes.len()
        ));
        files.push((POSTCODES, csv));
    }
    for (rel, text) in files {
        super::import::write_file(root, rel, &text).map_err(|d| vec![d])?;
    }
    Ok(report)
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

    #[test]
    fn codes_are_normalised() {
        assert_eq!(normalise_code("363"), "GM0363");
        assert_eq!(normalise_code("0363"), "GM0363");
        assert_eq!(normalise_code("GM0363"), "GM0363");
        assert_eq!(normalise_code("XX1"), "XX1");
    }

    #[test]
    fn tables_are_read_by_header_names_with_any_separator() {
        let src = Source::new(
            "t.csv",
            "Woonplaats;Gemeentecode\nMaarssen;1904\n\nZeist;GM0355\n",
        );
        let read = rows(&src, Kind::Place).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!((read[0].line, read[0].key.as_str()), (2, "Maarssen"));
        assert_eq!(read[0].codes, ["GM1904"]);
        assert_eq!(read[1].line, 4);

        let both = Source::new(
            "pc.csv",
            "pc4,statcodes_by_name,statcodes_by_point,agree\n1096,GM0363,GM0363|GM0437,no\n",
        );
        let read = rows(&both, Kind::Postcode).unwrap();
        assert_eq!(read[0].codes, ["GM0363", "GM0363", "GM0437"]);

        let bad = Source::new("x.csv", "town,where\nA,B\n");
        let err = rows(&bad, Kind::Place).unwrap_err();
        assert!(
            err[0].message().contains("place column"),
            "{}",
            err[0].message()
        );
    }
}
