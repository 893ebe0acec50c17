//! Interface strings (menu, buttons, footer, dates) per language, from `i18n/<code>.yaml`.
//!
//! The default language's table defines the set of keys; every other table must have exactly
//! those keys, so a missing translation is a build error rather than an empty button.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::Config;
use crate::diag::{Diagnostic, Source, suggest};
use crate::yaml;

pub const DIR: &str = "i18n";

/// Keys the tool itself needs (the templates need more; those are checked by rendering).
const REQUIRED: &[&str] = &[
    "date_format",
    "month_1",
    "month_2",
    "month_3",
    "month_4",
    "month_5",
    "month_6",
    "month_7",
    "month_8",
    "month_9",
    "month_10",
    "month_11",
    "month_12",
    "pagination_path",
];

/// One language's strings.
#[derive(Debug, Clone)]
pub struct Strings {
    pub map: BTreeMap<String, String>,
    pub source: Arc<Source>,
}

impl Strings {
    pub fn get(&self, key: &str) -> &str {
        self.map.get(key).map(String::as_str).unwrap_or("")
    }

    /// The string `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.get(key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// A date written the way the language writes it (`14 maart 2026`, `14 March 2026`).
    pub fn format_date(&self, date: Date) -> String {
        let month = self.get(&format!("month_{}", date.month()));
        self.get("date_format")
            .replace("{day}", &date.day().to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year().to_string())
    }
}

/// Loads the string table of every configured language, checked against the default table.
pub fn load(root: &Path, config: &Config) -> Result<Vec<Strings>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut tables = Vec::new();
    for lang in &config.site.languages {
        let path = root.join(DIR).join(format!("{}.yaml", lang.code));
        if !path.is_file() {
            let span = crate::config::find_value(&config.source, &lang.code).unwrap_or(0..0);
            errors.push(
                Diagnostic::error(format!("no string table for language `{}`", lang.code))
                    .at(&config.source, span)
                    .hint(format!(
                        "create {DIR}/{}.yaml by copying {DIR}/{}.yaml and translating its values",
                        lang.code,
                        config.default_language().code
                    )),
            );
            continue;
        }
        let source = match Source::read(root, &path) {
            Ok(s) => s,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        match yaml::parse::<BTreeMap<String, serde_yaml::Value>>(
            &source,
            0..source.text.len(),
            None,
            "string table",
        ) {
            Ok(raw) => {
                let mut map = BTreeMap::new();
                for (key, value) in raw {
                    match value {
                        serde_yaml::Value::String(s) => {
                            map.insert(key, s);
                        }
                        serde_yaml::Value::Number(n) => {
                            map.insert(key, n.to_string());
                        }
                        _ => {
                            let span = yaml::file_key_span(&source, &key);
                            errors.push(
                                Diagnostic::error(format!(
                                    "string `{key}` must be a single line of text"
                                ))
                                .at(&source, span)
                                .hint("write `key: \"text\"`; put text with `:` or `#` in quotes"),
                            );
                        }
                    }
                }
                tables.push(Strings { map, source });
            }
            Err(ds) => errors.extend(ds),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Config::load refuses a site.yaml without languages, so there is a first table.
    let Some((default, others)) = tables.split_first() else {
        return Err(vec![
            Diagnostic::error("no languages listed").in_file(crate::config::FILE),
        ]);
    };
    for key in REQUIRED {
        if !default.map.contains_key(*key) {
            errors.push(missing(default, key, None));
        }
    }
    for table in others {
        for (key, text) in &default.map {
            match table.map.get(key) {
                None => errors.push(missing(table, key, Some((&default.source.path, text)))),
                Some(translated) => {
                    // `{phone}` left out of a translation would drop the number from the page.
                    let (want, got) = (placeholders(text), placeholders(translated));
                    if want != got {
                        let span = yaml::file_value_span(&table.source, key);
                        errors.push(
                            Diagnostic::error(format!(
                                "`{key}` must contain {} like {}, but has {}",
                                list(&want),
                                default.source.path,
                                list(&got)
                            ))
                            .at(&table.source, span)
                            .hint("keep every {name} exactly as written in the original (it may move within the sentence)"),
                        );
                    }
                }
            }
        }
        for key in table.map.keys() {
            if !default.map.contains_key(key) {
                let span = yaml::file_key_span(&table.source, key);
                let mut d = Diagnostic::error(format!(
                    "string table {} has key `{key}`, which {} does not have",
                    table.source.path, default.source.path
                ))
                .at(&table.source, span);
                d = match suggest(key, default.map.keys().map(String::as_str)) {
                    Some(s) => d.hint(format!("did you mean `{s}`?")),
                    None => d.hint(format!(
                        "add it to {} first, or remove it here",
                        default.source.path
                    )),
                };
                errors.push(d);
            }
        }
    }
    if errors.is_empty() {
        Ok(tables)
    } else {
        Err(errors)
    }
}

/// The `{name}` placeholders of a string, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    out.sort_unstable();
    out
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        "no placeholders".into()
    } else {
        names
            .iter()
            .map(|n| format!("{{{n}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn missing(table: &Strings, key: &str, original: Option<(&str, &str)>) -> Diagnostic {
    let end = table.source.text.len();
    let d = Diagnostic::error(format!(
        "string table {} is missing the key `{key}`",
        table.source.path
    ))
    .at(&table.source, end..end);
    match original {
        Some((path, text)) => d.hint(format!(
            "add `{key}: …` with the translation of \"{text}\" (from {path})"
        )),
        None => d.hint(format!("add `{key}: …`; the tool needs it")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_found_and_sorted() {
        assert_eq!(
            placeholders("Bel {phone} of {name}; {} {x y}"),
            ["name", "phone"]
        );
        assert_eq!(list(&[]), "no placeholders");
    }

    #[test]
    fn dates_follow_the_table() {
        let mut map = BTreeMap::new();
        map.insert("date_format".into(), "{day} {month} {year}".into());
        map.insert("month_3".into(), "maart".into());
        let s = Strings {
            map,
            source: Source::new("i18n/nl.yaml", ""),
        };
        assert_eq!(s.format_date(Date::constant(2026, 3, 14)), "14 maart 2026");
    }
}
