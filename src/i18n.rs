//! Interface strings (menu, buttons, footer, dates) per language, from `i18n/<code>.yaml`.
//!
//! The default language's table defines the set of keys; every other table must have exactly
//! those keys, so a missing translation is a build error rather than an empty button. The keys
//! the tool itself reads are listed in [`keys`]; the templates' keys are checked by rendering.

pub mod keys;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::{Config, DEFAULT_LANG};
use crate::diag::{Diagnostic, Source, suggest};
use crate::{t, yaml};

pub const DIR: &str = "i18n";

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
        match read(root, config, &lang.code) {
            Ok(table) => tables.push(table),
            Err(ds) => errors.extend(ds),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    errors.extend(require(&tables, keys::ALWAYS, None));
    if let Some(default) = tables.get(DEFAULT_LANG) {
        for (_, table) in tables
            .iter()
            .enumerate()
            .filter(|(l, _)| *l != DEFAULT_LANG)
        {
            errors.extend(compare(default, table));
        }
    }
    if errors.is_empty() {
        Ok(tables)
    } else {
        Err(errors)
    }
}

/// The keys of `keys` the default table lacks, each an error at the end of the table; `purpose`
/// says what needs them: `registry` (the registry's pages) or `leaflets` (the PDF leaflets), a
/// choice the hint's words make. (Every other table has exactly the default's keys: see
/// [`load`].)
pub fn require(
    tables: &[Strings],
    keys: &[&str],
    purpose: Option<&'static str>,
) -> Vec<Diagnostic> {
    let Some(default) = tables.get(DEFAULT_LANG) else {
        return Vec::new();
    };
    keys.iter()
        .filter(|key| !default.map.contains_key(**key))
        .map(|key| {
            let d = missing(default, key, None);
            match purpose {
                Some(p) => d.hint(t!("strings-key-missing.hint-for", key = *key, purpose = p)),
                None => d,
            }
        })
        .collect()
}

/// Reads the table of language `code`: every value a single line of text.
fn read(root: &Path, config: &Config, code: &str) -> Result<Strings, Vec<Diagnostic>> {
    let path = root.join(DIR).join(format!("{code}.yaml"));
    if !path.is_file() {
        let span = crate::config::find_value(&config.source, code).unwrap_or(0..0);
        return Err(vec![
            Diagnostic::error(t!("strings-table-missing", code = code))
                .at(&config.source, span)
                .hint(t!(
                    "strings-table-missing.hint",
                    code = code,
                    default = &config.default_language().code
                )),
        ]);
    }
    let source = Source::read(root, &path).map_err(|d| vec![d])?;
    let raw = yaml::parse::<BTreeMap<String, serde_yaml::Value>>(
        &source,
        0..source.text.len(),
        None,
        crate::t!("yaml-what-strings"),
    )?;
    let mut errors = Vec::new();
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
                    Diagnostic::error(t!("strings-value-not-text", key = &key))
                        .at(&source, span)
                        .hint(t!("strings-value-not-text.hint")),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(Strings { map, source })
    } else {
        Err(errors)
    }
}

/// A translated table against the default one: the same keys, the same placeholders.
fn compare(default: &Strings, table: &Strings) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (key, text) in &default.map {
        match table.map.get(key) {
            None => errors.push(missing(table, key, Some((&default.source.path, text)))),
            Some(translated) => {
                // `{phone}` left out of a translation would drop the number from the page.
                let (want, got) = (placeholders(text), placeholders(translated));
                if want != got {
                    let span = yaml::file_value_span(&table.source, key);
                    errors.push(
                        Diagnostic::error(t!(
                            "strings-placeholders-differ",
                            key = key,
                            want = list(&want),
                            want_count = want.len(),
                            original = &default.source.path,
                            got = list(&got),
                            got_count = got.len()
                        ))
                        .at(&table.source, span)
                        .hint(t!("strings-placeholders-differ.hint")),
                    );
                }
            }
        }
    }
    for key in table.map.keys() {
        if !default.map.contains_key(key) {
            let span = yaml::file_key_span(&table.source, key);
            let d = Diagnostic::error(t!(
                "strings-key-unknown",
                table = &table.source.path,
                key = key,
                original = &default.source.path
            ))
            .at(&table.source, span);
            errors.push(match suggest(key, default.map.keys().map(String::as_str)) {
                Some(s) => d.hint(t!("strings-key-unknown.hint-typo", suggestion = s)),
                None => d.hint(t!(
                    "strings-key-unknown.hint",
                    original = &default.source.path
                )),
            });
        }
    }
    errors
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

/// `{a}, {b}`: the placeholders as written (none: empty; the message says "no placeholders").
fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn missing(table: &Strings, key: &str, original: Option<(&str, &str)>) -> Diagnostic {
    let end = table.source.text.len();
    let d = Diagnostic::error(t!(
        "strings-key-missing",
        table = &table.source.path,
        key = key
    ))
    .at(&table.source, end..end);
    match original {
        Some((path, text)) => d.hint(t!(
            "strings-key-missing.hint-translate",
            key = key,
            text = text,
            original = path
        )),
        None => d.hint(t!("strings-key-missing.hint", key = key)),
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
        assert_eq!(list(&["name", "phone"]), "{name}, {phone}");
        assert_eq!(list(&[]), "");
    }

    /// Writes `i18n/nl.yaml` and `i18n/en.yaml` and loads them for a site with both languages.
    fn load_tables(nl: &str, en: &str) -> Result<Vec<Strings>, Vec<Diagnostic>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(DIR)).unwrap();
        for (code, text) in [("nl", nl), ("en", en)] {
            let path = dir.path().join(DIR).join(format!("{code}.yaml"));
            std::fs::write(path, text).unwrap();
        }
        load(dir.path(), &crate::model::testing::config())
    }

    fn always(except: &str) -> String {
        keys::ALWAYS
            .iter()
            .filter(|k| **k != except)
            .map(|k| format!("{k}: x\n"))
            .collect()
    }

    #[test]
    fn the_keys_every_build_reads_are_required_at_load_and_translations_follow_the_default() {
        assert!(load_tables(&always(""), &always("")).is_ok());

        let errors = load_tables(&always("not_found_title"), &always("not_found_title"))
            .err()
            .unwrap_or_default();
        let owned: Vec<(String, Option<String>)> = errors
            .iter()
            .map(|d| (d.message(), d.hint_text()))
            .collect();
        let got: Vec<(&str, Option<&str>)> = owned
            .iter()
            .map(|(m, h)| (m.as_str(), h.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(
                "string table i18n/nl.yaml is missing the key `not_found_title`",
                Some("add `not_found_title: …`; the tool needs it")
            )]
        );

        let nl = always("") + "home: Thuis\n";
        let errors = load_tables(&nl, &always("")).err().unwrap_or_default();
        let owned: Vec<(String, Option<String>)> = errors
            .iter()
            .map(|d| (d.message(), d.hint_text()))
            .collect();
        let got: Vec<(&str, Option<&str>)> = owned
            .iter()
            .map(|(m, h)| (m.as_str(), h.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(
                "string table i18n/en.yaml is missing the key `home`",
                Some("add `home: …` with the translation of \"Thuis\" (from i18n/nl.yaml)")
            )]
        );
    }

    fn table(path: &str, entries: &[(&str, &str)]) -> Strings {
        let map = entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let text: String = entries.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
        Strings {
            map,
            source: Source::new(path, text),
        }
    }

    #[test]
    fn a_translation_keeps_the_placeholders_of_the_original() {
        let nl = table("i18n/nl.yaml", &[("call", "Bel {phone} of {name}")]);
        let none = table("i18n/en.yaml", &[("call", "Call us")]);
        let ds = compare(&nl, &none);
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!(
            ds[0].message(),
            "`call` must contain {name}, {phone} like i18n/nl.yaml, but has no placeholders"
        );
        assert_eq!(
            ds[0].message_in(crate::messages::Lang::Nl),
            "`call` moet {name}, {phone} bevatten, net als i18n/nl.yaml, maar hier staat niets tussen accolades"
        );
        assert_eq!(
            ds[0].hint_text().as_deref(),
            Some(
                "keep every {name} exactly as written in the original (it may move within the sentence)"
            )
        );
        let back = compare(&none, &table("i18n/en.yaml", &[("call", "Call {phone}")]));
        assert_eq!(
            back[0].message(),
            "`call` must contain no placeholders like i18n/en.yaml, but has {phone}"
        );
    }

    #[test]
    fn a_missing_key_is_named_in_the_editors_language() {
        let nl = table("i18n/nl.yaml", &[("home", "Thuis")]);
        let ds = compare(&nl, &table("i18n/en.yaml", &[]));
        assert_eq!(
            ds[0].message_in(crate::messages::Lang::Nl),
            "in tekstentabel i18n/en.yaml ontbreekt het veld `home`"
        );
        assert_eq!(
            ds[0].hint_in(crate::messages::Lang::Nl).as_deref(),
            Some("voeg `home: …` toe met de vertaling van \"Thuis\" (uit i18n/nl.yaml)")
        );
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
