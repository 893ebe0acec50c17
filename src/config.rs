//! `site.yaml`: the few settings that belong to the whole site (languages, base URL, menus).

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diag::{Diagnostic, Source};
use crate::messages::Lang;
use crate::t;
use crate::yaml;

pub const FILE: &str = "site.yaml";

/// The folders (and the settings file) a project consists of: what a copy of the project
/// needs, and what an output folder must never be inside of.
pub const PROJECT_PARTS: &[&str] = &[
    "content",
    "locations",
    "geo",
    "templates",
    "i18n",
    "static",
    "schema",
    "fonts",
    FILE,
];

const KEYS: &[&str] = &[
    "title",
    "base_url",
    "languages",
    "menu",
    "footer_menu",
    "organisation",
    "paginate_by",
    "registry",
    "editor_language",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and page titles.
    pub title: String,
    /// Where the site is published; all links derive from its path, so sub-path hosting works.
    pub base_url: String,
    /// The first language is the default: its pages live at `/`, the originals translations follow.
    pub languages: Vec<Language>,
    /// Translation keys of the pages in the main navigation, in order.
    #[serde(default)]
    pub menu: Vec<String>,
    /// Translation keys of the pages linked in the footer.
    #[serde(default)]
    pub footer_menu: Vec<String>,
    pub organisation: Organisation,
    /// Default number of entries per listing page, when a section does not say.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    #[serde(default)]
    pub registry: RegistrySettings,
    /// The language the tool speaks to editors (`nl` or `en`); default: the first language.
    #[serde(default)]
    pub editor_language: Option<String>,
}

/// Where the registry's pages go and whether its data is real.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrySettings {
    /// The registry holds invented example data; every page that shows it says so.
    #[serde(default)]
    pub example_data: bool,
    /// Translation key of the section listing the locations; each location gets a page in it.
    #[serde(default = "default_locations")]
    pub locations: String,
    /// Translation key of the A–Z section; each municipality gets a page in it.
    #[serde(default = "default_municipalities")]
    pub municipalities: String,
    /// Translation key of the page with the coverage map; the smaller maps link to it.
    #[serde(default = "default_map")]
    pub map: String,
    /// Languages (codes) with a page per location and per municipality; the others answer on
    /// their A–Z page, which lists every municipality with whom to call. Default: all.
    #[serde(default)]
    pub pages: Option<Vec<String>>,
}

impl RegistrySettings {
    /// Whether a language gets a page per location and per municipality.
    pub fn has_pages(&self, code: &str) -> bool {
        self.pages
            .as_ref()
            .is_none_or(|list| list.iter().any(|c| c == code))
    }
}

impl Default for RegistrySettings {
    fn default() -> Self {
        RegistrySettings {
            example_data: false,
            locations: default_locations(),
            municipalities: default_municipalities(),
            map: default_map(),
            pages: None,
        }
    }
}

fn default_locations() -> String {
    "locaties/_index".into()
}

fn default_municipalities() -> String {
    "gemeenten/_index".into()
}

fn default_map() -> String {
    "kaart".into()
}

fn default_paginate_by() -> usize {
    10
}

/// Index of the default language in `languages`, and so in every list kept per language
/// (string tables, a page's translations, home pages): the first language site.yaml lists.
/// Its pages are the originals; the others translate them.
pub const DEFAULT_LANG: usize = 0;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// BCP 47 code; also the content folder name and the URL prefix.
    pub code: String,
    /// The language's name in the language itself, for the switcher.
    pub name: String,
    /// Open Graph locale, e.g. `nl_NL`.
    pub locale: String,
    #[serde(default)]
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The organisation: its schema.org record, and the details the privacy, complaints, contact
/// and municipalities pages show below their text (template `organisation.html`), written once
/// here so a change reaches every page and language.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub telephone: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The details below are invented; the pages that show them say so, once.
    #[serde(default)]
    pub example_data: bool,
    /// Postal address, one line.
    #[serde(default)]
    pub address: Option<String>,
    /// Registration number at the Chamber of Commerce (KvK).
    #[serde(default)]
    pub kvk: Option<String>,
    /// Where questions about personal data go.
    #[serde(default)]
    pub privacy_email: Option<String>,
    /// The independent complaints committee: name and how to reach it.
    #[serde(default)]
    pub complaints_committee: Option<String>,
    /// The confidential adviser: name and how to reach them.
    #[serde(default)]
    pub confidential_adviser: Option<String>,
}

/// The organisation's e-mail addresses, which the pages turn into `mailto:` links: each must be
/// one address.
fn organisation_emails(source: &Arc<Source>, org: &Organisation) -> Vec<Diagnostic> {
    let tree = yaml::tree::parse(source, 0..source.text.len()).ok();
    let block = tree.as_ref().and_then(|t| t.get("organisation"));
    [("email", &org.email), ("privacy_email", &org.privacy_email)]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value.as_deref()?)))
        .filter(|(_, value)| !email_address::EmailAddress::is_valid(value))
        .map(|(key, value)| {
            let span = block.map_or(0..0, |b| b.value_span(key));
            Diagnostic::error(t!("site-email-invalid", key = key, value = value))
                .at(source, span)
                .hint(t!("site-email-invalid.hint", key = key))
        })
        .collect()
}

/// The loaded config plus its source, so later stages can point at a line in it.
#[derive(Debug, Clone)]
pub struct Config {
    pub site: SiteConfig,
    pub source: Arc<Source>,
    /// Path part of the base URL, always starting and ending with `/` (e.g. `/homestart/`).
    pub base_path: String,
    /// Base URL without the trailing slash of its path, for absolute links.
    pub origin: String,
}

impl Config {
    /// Reads `site.yaml`; `base_url` overrides the file (the `--base-url` flag).
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let source = Source::read(root, &root.join(FILE))
            .map_err(|d| vec![d.hint(t!("site-file-needed"))])?;
        Config::parse(source, base_url)
    }

    /// Parses and checks the text of `site.yaml`.
    pub fn parse(source: Arc<Source>, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let mut site: SiteConfig = yaml::parse(
            &source,
            0..source.text.len(),
            Some(KEYS),
            crate::t!("yaml-what-site"),
        )?;
        let mut errors = Vec::new();
        let from_flag = base_url.is_some();
        if let Some(b) = base_url {
            site.base_url = b.to_string();
        }
        let (origin, base_path) = match split_base_url(&site.base_url) {
            Some(parts) => parts,
            None => {
                let d = Diagnostic::error(t!("site-base-url", url = &site.base_url))
                    .hint(t!("site-base-url.hint"));
                errors.push(if from_flag {
                    d
                } else {
                    let span = yaml::file_value_span(&source, "base_url");
                    d.at(&source, span)
                });
                (String::new(), "/".to_string())
            }
        };
        let lang_span = yaml::file_key_span(&source, "languages");
        if site.languages.is_empty() {
            errors.push(
                Diagnostic::error(t!("site-no-languages"))
                    .at(&source, lang_span.clone())
                    .hint(t!("site-no-languages.hint")),
            );
        }
        let mut seen = Vec::new();
        for lang in &site.languages {
            let span = find_value(&source, &lang.code).unwrap_or(lang_span.clone());
            let valid = !lang.code.is_empty()
                && lang.code.len() <= 8
                && lang
                    .code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-');
            if !valid {
                errors.push(
                    Diagnostic::error(t!("site-language-code", code = &lang.code))
                        .at(&source, span.clone())
                        .hint(t!("site-language-code.hint")),
                );
            }
            if seen.contains(&lang.code) {
                errors.push(
                    Diagnostic::error(t!("site-language-twice", code = &lang.code))
                        .at(&source, span)
                        .hint(t!("site-language-twice.hint")),
                );
            }
            seen.push(lang.code.clone());
        }
        for code in site.registry.pages.iter().flatten() {
            if !seen.contains(code) {
                let span = find_value(&source, code).unwrap_or(0..0);
                errors.push(
                    Diagnostic::error(t!("site-registry-pages", code = code))
                        .at(&source, span)
                        .hint(t!("site-registry-pages.hint", codes = seen.join(", "))),
                );
            }
        }
        if let Some(code) = &site.editor_language
            && Lang::from_code(code).is_none()
        {
            let span = yaml::file_value_span(&source, "editor_language");
            errors.push(
                Diagnostic::error(t!("site-editor-language", code = code))
                    .at(&source, span)
                    .hint(t!("site-editor-language.hint")),
            );
        }
        errors.extend(organisation_emails(&source, &site.organisation));
        if site.paginate_by == 0 {
            let span = yaml::file_value_span(&source, "paginate_by");
            errors.push(
                Diagnostic::error(t!("site-paginate-by"))
                    .at(&source, span)
                    .hint(t!("site-paginate-by.hint")),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            site,
            source,
            base_path,
            origin,
        })
    }

    pub fn default_language(&self) -> &Language {
        &self.site.languages[DEFAULT_LANG]
    }

    /// Absolute URL for a site-relative path (`en/referrers/` → `https://…/en/referrers/`).
    pub fn permalink(&self, rel: &str) -> String {
        format!("{}{}{}", self.origin, self.base_path, rel)
    }

    /// Root-relative URL for a site-relative path, including the base path.
    pub fn url(&self, rel: &str) -> String {
        format!("{}{}", self.base_path, rel)
    }
}

/// Splits `https://example.org/homestart` into (`https://example.org`, `/homestart/`).
fn split_base_url(url: &str) -> Option<(String, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let scheme_len = url.len() - rest.len();
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['?', '#', ' ']) || path.contains(['?', '#', ' ']) {
        return None;
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Some((url[..scheme_len + host.len()].to_string(), path))
}

/// Span of the first occurrence of `value` written as a YAML value or list item.
pub fn find_value(source: &Source, value: &str) -> Option<std::ops::Range<usize>> {
    let text = &source.text;
    let mut from = 0;
    while let Some(i) = text[from..].find(value) {
        let start = from + i;
        let end = start + value.len();
        let before = text[..start].trim_end_matches(['"', '\'']).chars().last();
        let after = text[end..].trim_start_matches(['"', '\'']).chars().next();
        let boundary_before = matches!(before, None | Some(' ' | '-' | ':' | '[' | ',' | '\n'));
        let boundary_after = matches!(
            after,
            None | Some(' ' | ',' | ']' | '}' | '\n' | '\r' | '#')
        );
        if boundary_before && boundary_after {
            return Some(start..end);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_split_keeps_sub_path() {
        assert_eq!(
            split_base_url("https://example.org/homestart"),
            Some(("https://example.org".into(), "/homestart/".into()))
        );
        assert_eq!(
            split_base_url("http://localhost:8000"),
            Some(("http://localhost:8000".into(), "/".into()))
        );
        assert_eq!(split_base_url("example.org"), None);
        assert_eq!(split_base_url("https:///x"), None);
    }

    #[test]
    fn registry_pages_name_languages_of_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let shipped =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("site.yaml"))
                .unwrap();
        assert!(shipped.contains("  pages: [nl, en]\n"));
        let wrong = shipped.replace("  pages: [nl, en]\n", "  pages: [nl, de]\n");
        std::fs::write(dir.path().join("site.yaml"), &wrong).unwrap();
        let errors = Config::load(dir.path(), None).err().unwrap();
        assert_eq!(errors.len(), 1);
        let message = errors[0].message();
        assert!(
            message.contains("`de` is not one of the site's languages"),
            "{message}"
        );
        let line = wrong
            .lines()
            .position(|l| l == "  pages: [nl, de]")
            .unwrap()
            + 1;
        assert_eq!((errors[0].line(), errors[0].column()), (line, 15));
        std::fs::write(dir.path().join("site.yaml"), &shipped).unwrap();
        let config = Config::load(dir.path(), None).unwrap();
        assert!(config.site.registry.has_pages("en") && !config.site.registry.has_pages("pl"));
    }

    #[test]
    fn find_value_matches_whole_items_only() {
        let src = Source::new("site.yaml", "menu:\n  - overons\n  - over\n");
        let span = find_value(&src, "over").unwrap();
        assert_eq!(crate::diag::line_col(&src.text, span.start), (3, 5));
    }
}
