//! Small sites in memory for the unit tests of the model and the checks.

use crate::config::Config;
use crate::content::{SECTION_FILE, SourcePage, frontmatter};
use crate::diag::Source;
use crate::i18n::Strings;

use super::{Site, build};

/// Languages of the test sites: the default first.
pub const LANGS: [&str; 2] = ["nl", "en"];

/// A site.yaml with two languages and `extra` lines (menus, paginate_by …).
pub fn config_with(extra: &str) -> Config {
    let text = format!(
        "title: T\nbase_url: https://example.org/\nlanguages:\n  - {{code: nl, name: Nederlands, locale: nl_NL}}\n  - {{code: en, name: English, locale: en_GB}}\norganisation: {{name: O}}\n{extra}"
    );
    match Config::parse(Source::new("site.yaml", text), None) {
        Ok(c) => c,
        Err(e) => panic!("{e:?}"),
    }
}

pub fn config() -> Config {
    config_with("")
}

/// A page of language `lang` at `rel` with front matter `yaml` (plus a title if it has none).
pub fn page(lang: usize, rel: &str, yaml: &str) -> SourcePage {
    let title = if yaml.contains("title:") {
        String::new()
    } else {
        format!("title: {rel}\n")
    };
    let source = Source::new(
        format!("content/{}/{rel}", LANGS[lang]),
        format!("---\n{title}{yaml}---\nTekst.\n"),
    );
    let parsed = match frontmatter::parse(&source) {
        (Some(p), e) if e.is_empty() => p,
        (_, e) => panic!("{e:?}"),
    };
    SourcePage {
        lang,
        source,
        rel: rel.to_string(),
        is_section: rel == SECTION_FILE || rel.ends_with(&format!("/{SECTION_FILE}")),
        front: parsed.front,
        date: parsed.date,
        yaml: parsed.yaml,
        body_start: parsed.body_start,
        html: String::new(),
        summary: String::new(),
        links: Vec::new(),
        generated: None,
    }
}

/// The placed site of `pages`, which must place without problems.
pub fn site(pages: Vec<SourcePage>) -> Site {
    site_with(&config(), pages)
}

pub fn site_with(config: &Config, pages: Vec<SourcePage>) -> Site {
    match build(config, pages, false) {
        (Some(site), e) if e.is_empty() => site,
        (_, e) => panic!("{e:?}"),
    }
}

/// A string table of language `lang` with these entries.
pub fn strings(lang: usize, entries: &[(&str, &str)]) -> Strings {
    let text: String = entries.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
    Strings {
        map: entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        source: Source::new(format!("i18n/{}.yaml", LANGS[lang]), text),
    }
}
