//! The shape of one location file, as an editor writes it. These types are both what the
//! YAML is read into and the source of the published JSON Schema (`homestart schema`), so
//! the schema editors' tools validate against can never drift from what the build accepts.

use schemars::JsonSchema;
use serde::Deserialize;

/// Keys allowed at the top of a location file; checked before parsing so every misspelt key
/// of a file is reported at once, with a suggestion. A unit test keeps these equal to the types.
pub const TOP_KEYS: &[&str] = &[
    "name",
    "organisation",
    "address",
    "phone",
    "email",
    "opening_days",
    "ages",
    "pregnancy",
    "coordinators",
    "municipalities",
];
pub const TOP_REQUIRED: &[&str] = &[
    "name",
    "organisation",
    "address",
    "opening_days",
    "ages",
    "coordinators",
    "municipalities",
];
pub const ADDRESS_KEYS: &[&str] = &["street", "postcode", "city"];
pub const COORDINATOR_KEYS: &[&str] = &["name", "phone", "email"];
pub const AREA_KEYS: &[&str] = &["municipality", "districts", "ages", "pregnancy"];
pub const AREA_REQUIRED: &[&str] = &["municipality"];

/// One Home-Start location: who runs it, whom to call, and where it offers support.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Home-Start location")]
pub struct LocationFile {
    /// Name shown on the site, e.g. "Home-Start Utrecht".
    pub name: String,
    /// The organisation the location is part of, e.g. "Stichting Welzijn Utrecht".
    pub organisation: String,
    /// Postal address of the location's office.
    pub address: Address,
    /// The location's general phone number. Leave it out to use the first coordinator's.
    #[serde(default)]
    pub phone: Option<String>,
    /// The location's general e-mail address. Leave it out to use the first coordinator's.
    #[serde(default)]
    pub email: Option<String>,
    /// Days the office can be reached, e.g. [maandag, dinsdag, donderdag].
    pub opening_days: Vec<Weekday>,
    /// Ages of the children in years, youngest-oldest: "0-6" (core programme), "0-14" or "0-17".
    #[schemars(regex(pattern = r"^\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*$"))]
    pub ages: String,
    /// Families can sign up from 28 weeks of pregnancy (default: true).
    #[serde(default)]
    pub pregnancy: Option<bool>,
    /// The coordinators families and referrers can call; the first is the main contact.
    #[schemars(length(min = 1))]
    pub coordinators: Vec<Coordinator>,
    /// Municipalities served: a name ("Utrecht", "Den Haag") or code ("GM0344"), or, for part
    /// of a municipality or other ages, `municipality:` with `districts:` and/or `ages:`.
    #[schemars(length(min = 1))]
    pub municipalities: Vec<AreaEntry>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number, e.g. "Voorbeeldstraat 12".
    pub street: String,
    /// Dutch postcode, e.g. "3511 AB".
    #[schemars(regex(pattern = r"^\s*[1-9][0-9]{3}\s?[A-Za-z]{2}\s*$"))]
    pub postcode: String,
    pub city: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
    /// Full name as families will hear it on the phone.
    pub name: String,
    /// Dutch phone number, written any usual way: "030 123 45 67", "06-12345678", "+31 30 …".
    pub phone: String,
    pub email: String,
}

/// A municipality served: just its name, or its name with districts and/or other ages.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AreaEntry {
    /// The whole municipality, with the location's ages.
    Name(String),
    Detailed(Area),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// CBS name, everyday name or code, e.g. "Den Haag" or "GM0518".
    pub municipality: String,
    /// Only these districts (wijken), for a municipality shared by several locations.
    #[serde(default)]
    pub districts: Vec<String>,
    /// Ages here if they differ from the location's, e.g. "0-17".
    #[serde(default)]
    #[schemars(regex(pattern = r"^\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*$"))]
    pub ages: Option<String>,
    /// Pregnancy sign-up here if it differs from the location's.
    #[serde(default)]
    pub pregnancy: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Maandag,
    Dinsdag,
    Woensdag,
    Donderdag,
    Vrijdag,
    Zaterdag,
    Zondag,
}

impl Weekday {
    pub const NAMES: [&str; 7] = [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ];

    /// 1 = Monday, for the `day_N` strings and schema.org's day names.
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

/// The JSON Schema of a location file, pretty-printed with a trailing newline.
pub fn json_schema() -> String {
    let mut schema = crate::escape::sorted_json(&schemars::schema_for!(LocationFile));
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            "https://www.home-start.example/data/location.schema.json".into(),
        );
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(schema: &serde_json::Value, path: &[&str]) -> (Vec<String>, Vec<String>) {
        let mut node = schema;
        for p in path {
            node = &node[p];
        }
        let mut props: Vec<String> = node["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let mut req: Vec<String> = node["required"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        props.sort();
        req.sort();
        (props, req)
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    #[test]
    fn key_lists_match_the_schema() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
        assert_eq!(keys(&schema, &[]), (sorted(TOP_KEYS), sorted(TOP_REQUIRED)));
        let defs = |name: &str| keys(&schema, &["$defs", name]);
        assert_eq!(defs("Address").0, sorted(ADDRESS_KEYS));
        assert_eq!(defs("Coordinator").0, sorted(COORDINATOR_KEYS));
        assert_eq!(defs("Area"), (sorted(AREA_KEYS), sorted(AREA_REQUIRED)));
    }

    #[test]
    fn published_schema_is_current() {
        let committed = include_str!("../../schema/location.schema.json");
        assert!(
            committed == json_schema(),
            "schema/location.schema.json is out of date: run `homestart schema`"
        );
    }
}
