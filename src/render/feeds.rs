//! Machine-read files: `sitemap.xml` with language alternates, Atom feeds, `robots.txt`.
//! Written directly (not through templates) because their format is fixed by specs.

use std::fmt::Write as _;

use crate::config::{Config, DEFAULT_LANG};
use crate::escape::escape_xml;
use crate::model::{Page, Site};

/// Every published page with its translations as `xhtml:link` alternates (Google's format).
pub fn sitemap(config: &Config, site: &Site) -> String {
    let mut out = String::with_capacity(site.pages.len() * 400);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push('\n');
    out.push_str(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#);
    out.push('\n');
    for page in &site.pages {
        let _ = write!(
            out,
            "<url><loc>{}</loc>",
            escape_xml(&config.permalink(&page.url))
        );
        if let Some(date) = page.src.date {
            let _ = write!(out, "<lastmod>{date}</lastmod>");
        }
        let translations = &site.translations[&page.key];
        if translations.iter().flatten().count() > 1 {
            for (i, t) in translations.iter().enumerate() {
                if let Some(t) = t {
                    let _ = write!(
                        out,
                        r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                        escape_xml(&config.site.languages[i].code),
                        escape_xml(&config.permalink(&site.pages[*t].url))
                    );
                }
            }
            if let Some(d) = translations[DEFAULT_LANG] {
                let _ = write!(
                    out,
                    r#"<xhtml:link rel="alternate" hreflang="x-default" href="{}"/>"#,
                    escape_xml(&config.permalink(&site.pages[d].url))
                );
            }
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// Atom feed of a section with `feed: true`; its pages all have dates (checked in the model).
pub fn atom(config: &Config, site: &Site, section: &Page) -> String {
    let lang = &config.site.languages[section.lang()].code;
    let self_url = config.permalink(&format!("{}atom.xml", section.url));
    let updated = section
        .children
        .iter()
        .filter_map(|&c| site.pages[c].src.date)
        .max()
        .or(section.src.date)
        .map_or_else(|| "1970-01-01".to_string(), |d| d.to_string());
    let mut out = String::with_capacity(section.children.len() * 600 + 600);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{}">"#,
        escape_xml(lang)
    );
    let _ = writeln!(
        out,
        "<title>{} – {}</title>",
        escape_xml(&section.src.front.title),
        escape_xml(&config.site.title)
    );
    let _ = writeln!(
        out,
        r#"<link rel="self" type="application/atom+xml" href="{}"/>"#,
        escape_xml(&self_url)
    );
    let _ = writeln!(
        out,
        r#"<link rel="alternate" type="text/html" href="{}"/>"#,
        escape_xml(&config.permalink(&section.url))
    );
    let _ = writeln!(out, "<id>{}</id>", escape_xml(&self_url));
    let _ = writeln!(out, "<updated>{updated}T00:00:00Z</updated>");
    let _ = writeln!(
        out,
        "<author><name>{}</name></author>",
        escape_xml(&config.site.organisation.name)
    );
    for &c in section.children.iter().take(50) {
        let page = &site.pages[c];
        let url = config.permalink(&page.url);
        let date = page
            .src
            .date
            .map_or_else(|| updated.clone(), |d| d.to_string());
        out.push_str("<entry>");
        let _ = write!(out, "<title>{}</title>", escape_xml(&page.src.front.title));
        let _ = write!(
            out,
            r#"<link rel="alternate" type="text/html" href="{}"/>"#,
            escape_xml(&url)
        );
        let _ = write!(out, "<id>{}</id>", escape_xml(&url));
        let _ = write!(
            out,
            "<published>{date}T00:00:00Z</published><updated>{date}T00:00:00Z</updated>"
        );
        if let Some(author) = &page.src.front.author {
            let _ = write!(out, "<author><name>{}</name></author>", escape_xml(author));
        }
        let _ = write!(
            out,
            "<summary>{}</summary>",
            escape_xml(&page.src.description())
        );
        let _ = write!(
            out,
            r#"<content type="html">{}</content>"#,
            escape_xml(&page.src.html)
        );
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.permalink("sitemap.xml")
    )
}
