//! Reading a town or postcode table: comma, semicolon or tab separated, with a header naming
//! the key column, and municipality codes and/or a position (latitude, longitude).

use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::t;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
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

    pub fn example(self) -> &'static str {
        match self {
            Kind::Place => "place,municipalities,lat,lon\nMaarssen,GM1904,52.1351,5.0417",
            Kind::Postcode => "postcode,municipalities,lat,lon\n3511,GM0344,52.0935,5.1133",
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
const LAT_COLUMNS: &[&str] = &["lat", "latitude", "breedtegraad"];
const LON_COLUMNS: &[&str] = &["lon", "lng", "longitude", "lengtegraad"];
/// GeoNames' postcode accuracy: 6 is the centre of the area's addresses; 4 a place's own
/// position, 1 an estimate, 0 or empty unknown (in practice a place's centre).
const ACCURACY_COLUMNS: &[&str] = &["accuracy"];
/// The place a postcode row names (GeoNames postcode tables).
const PLACE_OF_POSTCODE: &[&str] = &["place_name", "place", "woonplaats", "plaats"];
/// The accuracy at or above which a position is the postcode area's own.
const AREA_ACCURACY: f64 = 6.0;

/// One row read from a table, before its codes are checked.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub key: String,
    pub codes: Vec<String>,
    /// `[lon, lat]` in degrees, where the table has a position.
    pub at: Option<[f64; 2]>,
    /// The source says the position is a place's centre or an estimate, not the area's own.
    pub rough: bool,
    /// The town a postcode row names.
    pub place: Option<String>,
}

/// A table's rows and what its header offers.
#[derive(Debug)]
pub struct Table {
    pub rows: Vec<Row>,
    /// Latitude and longitude columns: municipalities can be derived and checked by position.
    pub positioned: bool,
}

/// Where a table's header has the columns it needs.
struct Columns {
    key: usize,
    codes: Vec<usize>,
    /// Latitude and longitude.
    position: Option<(usize, usize)>,
    accuracy: Option<usize>,
    place: Option<usize>,
}

impl Columns {
    /// `None` without a key column, or without codes and position.
    fn find(headers: &[String], kind: Kind) -> Option<Columns> {
        let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
        let codes: Vec<usize> = (0..headers.len())
            .filter(|&i| CODE_COLUMNS.contains(&headers[i].as_str()))
            .collect();
        let position = find(LAT_COLUMNS).zip(find(LON_COLUMNS));
        let key = find(kind.key_columns()).filter(|_| !codes.is_empty() || position.is_some())?;
        Some(Columns {
            key,
            codes,
            position,
            accuracy: find(ACCURACY_COLUMNS),
            place: (kind == Kind::Postcode)
                .then(|| find(PLACE_OF_POSTCODE))
                .flatten(),
        })
    }
}

/// The header row's columns, or why they are not those of a `kind` table.
fn columns(
    src: &Arc<Source>,
    kind: Kind,
    reader: &mut csv::Reader<&[u8]>,
) -> Result<Columns, Vec<Diagnostic>> {
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => {
            return Err(vec![
                Diagnostic::error(t!("places-header-unreadable", reason = e.to_string()))
                    .at_line_col(src, 1, 1)
                    .hint(t!(
                        "places-header-unreadable.hint",
                        example = kind.example()
                    )),
            ]);
        }
    };
    Columns::find(&headers, kind).ok_or_else(|| {
        vec![
            Diagnostic::error(t!("places-header-columns", column = kind.key_columns()[0]))
                .at_line_col(src, 1, 1)
                .hint(t!(
                    "places-header-columns.hint",
                    keys = kind.key_columns().join(", "),
                    codes = CODE_COLUMNS.join(", "),
                    example = kind.example()
                )),
        ]
    })
}

/// Reads the rows of a place or postcode table.
pub fn read(src: &Arc<Source>, kind: Kind) -> Result<Table, Vec<Diagnostic>> {
    let first = src.text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| first.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(src.text.as_bytes());
    let Columns {
        key,
        codes,
        position,
        accuracy,
        place,
    } = columns(src, kind, &mut reader)?;
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
                Diagnostic::error(t!("geo-row-unreadable"))
                    .at_line_col(src, line, 1)
                    .hint(t!(
                        "geo-row-unreadable.hint-example",
                        example = kind.example()
                    )),
            );
            continue;
        };
        let field = |i: usize| r.get(i).unwrap_or("").trim();
        let value = field(key).to_string();
        let row_codes: Vec<String> = codes
            .iter()
            .flat_map(|&i| field(i).split(['|', ' ', ',']))
            .filter(|c| !c.trim().is_empty())
            .map(|c| normalise_code(c.trim()))
            .collect();
        if value.is_empty() && row_codes.is_empty() {
            continue;
        }
        let at = match position {
            None => None,
            Some((lat, lon)) => match (
                degrees(field(lat), 50.0, 54.0),
                degrees(field(lon), 3.0, 8.0),
            ) {
                (Some(lat), Some(lon)) => Some([lon, lat]),
                (lat_ok, _) => {
                    let bad = if lat_ok.is_none() { lat } else { lon };
                    errors.push(
                        Diagnostic::error(t!(
                            "places-coordinate-invalid",
                            value = field(bad),
                            axis = if bad == lat { "latitude" } else { "longitude" }
                        ))
                        .at_line_col(src, line, column(&r, bad))
                        .hint(t!("places-coordinate-invalid.hint")),
                    );
                    continue;
                }
            },
        };
        let rough =
            accuracy.is_some_and(|i| field(i).parse::<f64>().map_or(true, |a| a < AREA_ACCURACY));
        out.push(Row {
            line,
            key: value,
            codes: row_codes,
            at,
            rough,
            place: place
                .map(|i| field(i).to_string())
                .filter(|p| !p.is_empty()),
        });
    }
    if errors.is_empty() {
        Ok(Table {
            rows: out,
            positioned: position.is_some(),
        })
    } else {
        Err(errors)
    }
}

/// A coordinate in degrees within `min..=max`.
fn degrees(text: &str, min: f64, max: f64) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|d| d.is_finite() && (min..=max).contains(d))
}

/// The column (1-based, in characters) where field `i` of an unquoted row starts.
fn column(r: &csv::StringRecord, i: usize) -> usize {
    1 + r
        .iter()
        .take(i)
        .map(|f| f.chars().count() + 1)
        .sum::<usize>()
}

/// `363`, `0363` and `GM0363` are the same municipality.
pub fn normalise_code(code: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let read = read(&src, Kind::Place).unwrap();
        assert!(!read.positioned);
        let rows = read.rows;
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].key.as_str()), (2, "Maarssen"));
        assert_eq!(rows[0].codes, ["GM1904"]);
        assert_eq!(rows[1].line, 4);

        let both = Source::new(
            "pc.csv",
            "pc4,statcodes_by_name,statcodes_by_point,agree\n1096,GM0363,GM0363|GM0437,no\n",
        );
        let rows = super::read(&both, Kind::Postcode).unwrap().rows;
        assert_eq!(rows[0].codes, ["GM0363", "GM0363", "GM0437"]);

        let bad = Source::new("x.csv", "town,where\nA,B\n");
        let err = super::read(&bad, Kind::Place).unwrap_err();
        assert!(
            err[0].message().contains("place column"),
            "{}",
            err[0].message()
        );
    }

    #[test]
    fn positions_and_accuracy_are_read() {
        let src = Source::new(
            "g.csv",
            "pc4,place_name,province,lat,lon,accuracy\n\
             3511,Utrecht,Utrecht,52.0935,5.1133,6.0\n\
             5217,'s-Gravenhage,South Holland,52.0983,4.2828,0.0\n\
             9999,Roermond,Limburg,51.1934,5.988,\n",
        );
        let t = read(&src, Kind::Postcode).unwrap();
        assert!(t.positioned);
        assert_eq!(t.rows[0].at, Some([5.1133, 52.0935]));
        assert!(!t.rows[0].rough);
        assert!(t.rows[1].rough && t.rows[2].rough);
        assert_eq!(t.rows[1].place.as_deref(), Some("'s-Gravenhage"));

        let bad = Source::new("g.csv", "pc4,lat,lon\n3511,52.09,51.13\n");
        let err = read(&bad, Kind::Postcode).unwrap_err();
        assert_eq!((err[0].line(), err[0].column()), (2, 12));
        assert!(
            err[0].message().contains("longitude"),
            "{}",
            err[0].message()
        );
    }
}
