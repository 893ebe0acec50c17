//! Every link and image an editor wrote to this site must reach a page or file of the build,
//! and every `#anchor` an id on that page. Needs the rendered site: run by `build` before the
//! new site replaces the old one, and by `check` on a site kept in memory.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::assets::Assets;
use crate::diag::{Diagnostic, suggest};
use crate::escape::percent_decode;
use crate::messages::Text;
use crate::model::Site;
use crate::t;

/// What a build wrote: every path, with the ids of each HTML page.
#[derive(Debug, Default)]
pub struct Outputs {
    files: Mutex<BTreeMap<String, Vec<String>>>,
}

impl Outputs {
    /// Notes one written file (called from the render sink, on any thread).
    pub fn record(&self, path: &str, bytes: &[u8]) {
        let ids = if path.ends_with(".html") {
            ids(bytes)
        } else {
            Vec::new()
        };
        if let Ok(mut files) = self.files.lock() {
            files.insert(path.to_string(), ids);
        }
    }

    pub fn into_map(self) -> BTreeMap<String, Vec<String>> {
        self.files.into_inner().unwrap_or_default()
    }
}

/// The `id` attribute values of an HTML document (quoted or, as minified, unquoted), read
/// from its bytes: every page is scanned once per build, so no text is decoded on the way.
pub fn ids(html: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(html, b"id=") {
        if at == 0 || !html[at - 1].is_ascii_whitespace() {
            continue; // data-id=, or text
        }
        let rest = &html[at + 3..];
        let value = match rest.first() {
            Some(&q @ (b'"' | b'\'')) => rest[1..].split(|&b| b == q).next(),
            // Unquoted values end at what HTML forbids in them.
            _ => rest
                .split(|&b| {
                    b.is_ascii_whitespace() || matches!(b, b'>' | b'<' | b'"' | b'\'' | b'=' | b'`')
                })
                .next(),
        };
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push(String::from_utf8_lossy(v).into_owned());
        }
    }
    out
}

/// Every local link of every Markdown page, checked against what the build wrote.
pub fn links(
    site: &Site,
    assets: &Assets,
    outputs: &BTreeMap<String, Vec<String>>,
) -> Vec<Diagnostic> {
    let pages: Vec<String> = outputs
        .keys()
        .filter_map(|p| p.strip_suffix("index.html"))
        .map(|p| format!("/{p}"))
        .collect();
    let mut diags = Vec::new();
    for page in &site.pages {
        for link in &page.src.links {
            let Some((path, fragment)) = resolve(&page.url, &link.dest) else {
                diags.push(
                    Diagnostic::error(t!("link-outside-root", url = &link.dest))
                        .at(&page.src.source, link.span.clone())
                        .hint(t!("link-outside-root.hint")),
                );
                continue;
            };
            let file = assets.fingerprinted(&path).map(str::to_string).or_else(|| {
                // `over/` is `over/index.html`; `over` too (hosts redirect it).
                [
                    path.clone(),
                    format!("{path}index.html"),
                    format!("{path}/index.html"),
                ]
                .into_iter()
                .find(|f| !f.ends_with('/') && outputs.contains_key(f.as_str()))
            });
            let Some(file) = file else {
                let written = format!("/{path}");
                let d = Diagnostic::error(t!("link-nowhere", url = &link.dest, path = &written))
                    .at(&page.src.source, link.span.clone());
                diags.push(d.hint(nowhere_hint(&link.dest, &written, &page.url, &pages)));
                continue;
            };
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            let ids = &outputs[&file];
            if !ids.contains(&fragment) {
                let d = Diagnostic::error(t!(
                    "link-anchor-missing",
                    url = &link.dest,
                    anchor = &fragment
                ))
                .at(&page.src.source, link.span.clone());
                diags.push(match suggest(&fragment, ids.iter().map(String::as_str)) {
                    Some(s) => d.hint(t!("link-anchor-missing.hint-typo", suggestion = s)),
                    None => d.hint(t!("link-anchor-missing.hint")),
                });
            }
        }
    }
    diags
}

/// The output path (without a leading `/`) and fragment a link of the page at `page_url`
/// (`over/`) points to; `None` if `..` climbs above the site.
fn resolve(page_url: &str, dest: &str) -> Option<(String, Option<String>)> {
    let (rest, fragment) = match dest.split_once('#') {
        Some((r, f)) => (r, Some(f.to_string())),
        None => (dest, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let joined = if path.is_empty() {
        page_url.to_string()
    } else if let Some(abs) = path.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{page_url}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let path = parts.join("/");
    // An address that does not decode is looked up as written (and reported as missing).
    let decoded = |s: String| percent_decode(&s).unwrap_or(s);
    Some((decoded(path), fragment.map(decoded)))
}

/// What to do about a link that goes nowhere, for the mistakes editors make: a page's file
/// instead of its address, a web address without `https://`, a file not uploaded. A "did you
/// mean" only where it names another page.
fn nowhere_hint(dest: &str, written: &str, from: &str, pages: &[String]) -> Text {
    let bare = dest.split(['#', '?']).next().unwrap_or(dest);
    if let Some(file) = bare.strip_suffix(".md") {
        let name = file.trim_start_matches("./").trim_start_matches('/');
        let name = name
            .strip_prefix("content/")
            .map_or(name, |n| n.split_once('/').map_or(n, |(_, rest)| rest));
        return t!("link-nowhere.hint-file", name = name);
    }
    if bare.starts_with("www.") {
        return t!("link-nowhere.hint-www", url = bare);
    }
    let extension = written
        .rsplit('/')
        .next()
        .and_then(|f| f.rsplit_once('.'))
        .map(|(_, e)| e);
    if extension.is_some_and(|e| e.len() <= 4 && e.chars().all(|c| c.is_ascii_alphanumeric())) {
        return t!("link-nowhere.hint-upload", path = written);
    }
    let own = format!("/{}", from.trim_start_matches('/'));
    match suggest(
        written,
        pages.iter().map(String::as_str).filter(|p| *p != own),
    ) {
        Some(s) => t!("link-nowhere.hint-typo", suggestion = s),
        None => t!("link-nowhere.hint"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text that looks like an attribute counts too: the check may pass a link it could
    /// refuse, never refuse a good one.
    #[test]
    fn ids_are_found_quoted_and_unquoted() {
        let html = r#"<h2 id=wat-we-doen>x</h2><p data-id=no id="a b"><a id='c'>text id=d</a>"#;
        assert_eq!(ids(html.as_bytes()), ["wat-we-doen", "a b", "c", "d"]);
    }

    #[test]
    fn links_resolve_from_the_page() {
        let r = |page, dest| resolve(page, dest);
        assert_eq!(r("over/", "/contact/"), Some(("contact/".into(), None)));
        assert_eq!(
            r("over/", "#kop"),
            Some(("over/".into(), Some("kop".into())))
        );
        assert_eq!(
            r("verhalen/anna/", "../bob/#x"),
            Some(("verhalen/bob/".into(), Some("x".into())))
        );
        assert_eq!(
            r("", "img/a%20b.jpg?v=1"),
            Some(("img/a b.jpg".into(), None))
        );
        assert_eq!(r("over/", "../../x/"), None);
    }

    #[test]
    fn a_link_that_goes_nowhere_gets_the_hint_for_its_mistake() {
        let pages = vec![
            "/contact/".to_string(),
            "/over/".to_string(),
            "/overzicht/".to_string(),
        ];
        let hint = |dest: &str, written: &str, from: &str| {
            nowhere_hint(dest, written, from, &pages).to_string()
        };
        assert_eq!(
            hint("contact.md", "/over/contact.md", "over/"),
            "link to the page's address, not its file: `/contact/` (an address from the site's root, as the browser shows it)"
        );
        assert!(hint("content/nl/over.md", "/content/nl/over.md", "").contains("`/over/`"));
        assert_eq!(
            hint("www.ggd.nl", "/over/www.ggd.nl", "over/"),
            "an address on another website starts with https://: `https://www.ggd.nl`"
        );
        assert!(
            hint("/img/voorlezen.jpg", "/img/voorlezen.jpg", "over/")
                .starts_with("upload the file as `static/img/voorlezen.jpg`")
        );
        // Never the page itself.
        assert_eq!(
            hint("/overr/", "/overr/", "over/"),
            "did you mean `/overzicht/`?"
        );
        assert_eq!(
            hint("/overr/", "/overr/", "overzicht/"),
            "did you mean `/over/`?"
        );
        // In the editor's language.
        let nl = |dest: &str, written: &str| {
            nowhere_hint(dest, written, "over/", &pages).show(crate::messages::Lang::Nl)
        };
        assert_eq!(nl("/overr/", "/overr/"), "bedoelt u `/overzicht/`?");
        assert_eq!(
            nl("www.ggd.nl", "/over/www.ggd.nl"),
            "een adres op een andere website begint met https://: `https://www.ggd.nl`"
        );
    }
}
