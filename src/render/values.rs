//! What a page's template sees besides the registry: the page itself, its language, menus,
//! listing cards and pagers, the language switcher, and the page's schema.org records. Typed,
//! so a template's name for a field is spelled once, here.

use serde::Serialize;

use crate::config::{Config, Language};
use crate::i18n::Strings;
use crate::model::{Page, Site};

/// `page`.
#[derive(Serialize)]
pub struct PageValue<'a> {
    pub title: &'a str,
    pub description: String,
    /// The page's text, or a marker where it goes in (see `fragments::CONTENT`).
    pub content: &'a str,
    pub url: String,
    pub permalink: String,
    pub key: &'a str,
    pub is_home: bool,
    pub is_section: bool,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub author: Option<&'a str>,
    pub pager: usize,
}

/// A page in a section's listing.
#[derive(Serialize)]
pub struct Card<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub summary: String,
    pub author: Option<&'a str>,
}

impl<'a> Card<'a> {
    pub fn new(config: &Config, s: &Strings, p: &'a Page) -> Self {
        Card {
            title: &p.src.front.title,
            url: config.url(&p.url),
            date: p.src.date.map(|d| d.to_string()),
            date_display: p.src.date.map(|d| s.format_date(d)),
            summary: p.src.description(),
            author: p.src.front.author.as_deref(),
        }
    }
}

#[derive(Serialize)]
pub struct MenuItem<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub url: String,
}

/// `lang`.
#[derive(Serialize)]
pub struct LangValue<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub dir: &'static str,
    pub locale: &'a str,
    pub home: String,
}

/// `site`.
#[derive(Serialize)]
pub struct SiteValue<'a> {
    pub title: &'a str,
    pub base_path: &'a str,
    pub base_url: String,
    pub organisation: &'a crate::config::Organisation,
}

/// An entry of the language switcher: every language, its home page where the page has no
/// translation.
#[derive(Serialize)]
pub struct Switch<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub dir: &'static str,
    pub url: String,
    pub current: bool,
    pub translated: bool,
}

/// An `hreflang` alternate.
#[derive(Serialize)]
pub struct Alternate<'a> {
    pub hreflang: &'a str,
    pub href: String,
}

/// A link to one listing page of a section.
#[derive(Serialize)]
pub struct Pager {
    pub number: usize,
    pub url: Option<String>,
    pub current: bool,
}

/// A page linked by title (`parent`).
#[derive(Serialize)]
pub struct TitledLink<'a> {
    pub title: &'a str,
    pub url: String,
}

/// `outdated`: where the original of an outdated translation is.
#[derive(Serialize)]
pub struct Original<'a> {
    pub url: String,
    pub lang: &'a str,
}

impl<'a> LangValue<'a> {
    pub fn new(config: &Config, site: &Site, i: usize, l: &'a Language) -> Self {
        LangValue {
            code: &l.code,
            name: &l.name,
            dir: l.direction.as_str(),
            locale: &l.locale,
            home: config.url(&site.pages[site.homes[i]].url),
        }
    }
}

/// schema.org records; written as JSON values, so their keys come out sorted.
pub mod jsonld {
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct Organisation<'a> {
        #[serde(rename = "@type")]
        pub kind: &'static str,
        #[serde(rename = "@id")]
        pub id: String,
        pub name: &'a str,
        pub url: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub email: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub telephone: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub description: Option<&'a str>,
    }

    #[derive(Serialize)]
    pub struct Reference<'a> {
        #[serde(rename = "@id")]
        pub id: &'a serde_json::Value,
    }

    #[derive(Serialize)]
    pub struct WebPage<'a> {
        #[serde(rename = "@type")]
        pub kind: &'static str,
        #[serde(rename = "@id")]
        pub id: &'a str,
        pub url: &'a str,
        pub name: &'a str,
        #[serde(rename = "inLanguage")]
        pub in_language: &'a str,
        pub publisher: Reference<'a>,
        /// An article's (a dated page's) title, date and author, which search engines require
        /// of one.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub headline: Option<&'a str>,
        #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
        pub date_published: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub author: Option<Author<'a>>,
    }

    /// Who wrote an article: the person the page names, else the organisation.
    #[derive(Serialize)]
    #[serde(untagged)]
    pub enum Author<'a> {
        Person {
            #[serde(rename = "@type")]
            kind: &'static str,
            name: &'a str,
        },
        Organisation(Reference<'a>),
    }

    #[derive(Serialize)]
    pub struct Graph {
        #[serde(rename = "@context")]
        pub context: &'static str,
        #[serde(rename = "@graph")]
        pub graph: Vec<serde_json::Value>,
    }
}
