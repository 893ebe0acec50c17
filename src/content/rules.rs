//! What Markdown may put into a page, as safe lists: the one place that decides which link
//! addresses, image addresses, heading attributes and nesting depths are allowed. The HTML
//! pages (and so the feeds, which carry their HTML) and the PDF leaflets apply these rules, and
//! `check` reports what breaks them, so nothing an editor writes can become script.

use std::ops::Range;

use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::diag::{Diagnostic, Source};
use crate::messages::Text;
use crate::t;

/// URL schemes a link may use. Everything else (`javascript:`, `data:`, `vbscript:`, `file:`…)
/// is refused: a safe list, because unsafe schemes cannot be listed exhaustively.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// How deeply lists, quotes, emphasis and links may be nested inside each other. Real pages
/// use three or four levels; the limit keeps every later stage (minifier, leaflet layout),
/// which walks the tree recursively, far from its stack's end.
pub const MAX_DEPTH: usize = 32;

/// Why an address may not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A scheme outside [`LINK_SCHEMES`], lower-cased (`javascript`).
    Scheme(String),
    /// `//host/…` or a backslash: a browser reads both as another host.
    Ambiguous,
    /// An image (or other embedded file) from another host, or not a file at all.
    External,
}

impl Refusal {
    /// The error at `span` of `src`: a link's (or, `image`, an image's) address refused.
    pub fn error(&self, image: bool, src: &Arc<Source>, span: Range<usize>) -> Diagnostic {
        let (message, hint) = self.explain(image);
        Diagnostic::error(message).at(src, span).hint(hint)
    }

    /// The message and hint an editor sees.
    fn explain(&self, image: bool) -> (Text, Text) {
        match self {
            Refusal::Scheme(s) if image => (
                t!("markdown-image-scheme", scheme = s),
                t!("markdown-image-scheme.hint"),
            ),
            Refusal::Scheme(s) => (
                t!("markdown-link-scheme", scheme = s),
                t!("markdown-link-scheme.hint"),
            ),
            Refusal::Ambiguous => (
                t!("markdown-address-ambiguous"),
                t!("markdown-address-ambiguous.hint"),
            ),
            Refusal::External => (
                t!("markdown-image-external"),
                t!("markdown-image-external.hint"),
            ),
        }
    }
}

/// The scheme of `dest` as a browser would read it, lower-cased: browsers drop leading control
/// characters and spaces and every tab and line break before they look for the scheme, so
/// `java\tscript:` is `javascript:`.
fn scheme(dest: &str) -> Option<String> {
    let cleaned = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let mut name = String::new();
    for c in cleaned {
        match c {
            ':' if !name.is_empty() => return Some(name),
            'a'..='z' | 'A'..='Z' => name.push(c.to_ascii_lowercase()),
            '0'..='9' | '+' | '-' | '.' if !name.is_empty() => name.push(c),
            _ => return None,
        }
    }
    None
}

/// Checks a link address (`[text](dest)`, `<dest>`, `[text][ref]`). Site-relative and relative
/// addresses, fragments and the schemes in [`LINK_SCHEMES`] pass.
pub fn link(dest: &str) -> Result<(), Refusal> {
    match scheme(dest) {
        Some(s) if LINK_SCHEMES.contains(&s.as_str()) => Ok(()),
        Some(s) => Err(Refusal::Scheme(s)),
        None if leads_elsewhere(dest) => Err(Refusal::Ambiguous),
        None => Ok(()),
    }
}

/// Checks an image address: only files of this site, so no page asks another host for anything.
pub fn image(dest: &str) -> Result<(), Refusal> {
    match scheme(dest) {
        Some(s) if s == "http" || s == "https" => Err(Refusal::External),
        Some(s) => Err(Refusal::Scheme(s)),
        None if leads_elsewhere(dest) => Err(Refusal::Ambiguous),
        None => Ok(()),
    }
}

/// `//host`, and any backslash, which browsers read as a slash (`/\host` is `//host`).
fn leads_elsewhere(dest: &str) -> bool {
    let t = dest.trim_start_matches(|c: char| c <= ' ');
    t.starts_with("//") || t.contains('\\')
}

/// What is wrong with a heading's `{#id .class key=value}`: a message and a hint per problem.
/// Only an id and classes of letters, digits, `-` and `_` are allowed; any other attribute
/// (`onclick=…`, `style=…`) could carry script or break the layout.
pub fn heading_attributes(
    id: Option<&str>,
    classes: &[CowStr],
    attrs: &[(CowStr, Option<CowStr>)],
) -> Vec<(Text, Text)> {
    let mut problems = Vec::new();
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    if let Some(id) = id.filter(|id| !plain(id)) {
        problems.push((
            t!("markdown-heading-id", id = id),
            t!(
                "markdown-heading-id.hint",
                suggestion = crate::content::frontmatter::slugify(id)
            ),
        ));
    }
    for class in classes.iter().filter(|c| !plain(c)) {
        problems.push((
            t!("markdown-heading-class", class = class.as_ref()),
            t!("markdown-heading-class.hint"),
        ));
    }
    for (key, _) in attrs {
        problems.push((
            t!("markdown-heading-attribute", name = key.as_ref()),
            t!("markdown-heading-attribute.hint"),
        ));
    }
    problems
}

/// Follows the nesting of a page's events and reports the first element that goes deeper than
/// [`MAX_DEPTH`]; list items count with their list, as one level.
#[derive(Debug, Default)]
pub struct Depth {
    depth: usize,
    /// Where the first too-deep element starts (relative to the parsed text), once seen.
    pub too_deep: Option<Range<usize>>,
}

impl Depth {
    pub fn see(&mut self, event: &Event, range: &Range<usize>) {
        match event {
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => {}
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH && self.too_deep.is_none() {
                    self.too_deep = Some(range.start..range.start + 1);
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
    }

    /// The error for a text nested too deeply, once seen; `body_start` is where the parsed
    /// text starts in `src`.
    pub fn error(&self, src: &Arc<Source>, body_start: usize) -> Option<Diagnostic> {
        let at = self.too_deep.as_ref()?;
        Some(
            Diagnostic::error(t!("markdown-too-deep", max = MAX_DEPTH))
                .at(src, body_start + at.start..body_start + at.end)
                .hint(t!("markdown-too-deep.hint")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_schemes_follow_the_safe_list() {
        for ok in [
            "/contact/",
            "../over/",
            "a/",
            "#kop",
            "?q=1",
            "https://example.org/",
            "HTTP://example.org/",
            "mailto:info@example.org",
            "tel:+31301234567",
            "info@example.org",
            "over/a:b",
        ] {
            assert_eq!(link(ok), Ok(()), "{ok}");
        }
        for (bad, s) in [
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            (" \u{1}javascript:alert(1)", "javascript"),
            ("java\tscript:alert(1)", "javascript"),
            ("java\nscript:alert(1)", "javascript"),
            ("data:text/html,<script>alert(1)</script>", "data"),
            ("vbscript:msgbox", "vbscript"),
            ("file:///etc/passwd", "file"),
        ] {
            assert_eq!(link(bad), Err(Refusal::Scheme(s.to_string())), "{bad:?}");
        }
        assert_eq!(link("//evil.example/"), Err(Refusal::Ambiguous));
        assert_eq!(link("/\\evil.example/"), Err(Refusal::Ambiguous));
        // A colon before any slash is a scheme, as a browser reads it.
        assert_eq!(link("over:ons/"), Err(Refusal::Scheme("over".into())));
    }

    #[test]
    fn images_only_from_this_site() {
        assert_eq!(image("/img/kind.jpg"), Ok(()));
        assert_eq!(image("img/kind.jpg"), Ok(()));
        assert_eq!(image("https://cdn.example/x.jpg"), Err(Refusal::External));
        assert_eq!(
            image("data:image/svg+xml,<svg onload=alert(1)>"),
            Err(Refusal::Scheme("data".into()))
        );
        assert_eq!(image("//cdn.example/x.jpg"), Err(Refusal::Ambiguous));
    }

    #[test]
    fn heading_attributes_only_id_and_class() {
        assert!(heading_attributes(Some("mijn-id_2"), &["intro".into()], &[]).is_empty());
        let p = heading_attributes(
            Some("kop\" onclick=\"x"),
            &["a b".into()],
            &[("onclick".into(), Some("alert(1)".into()))],
        );
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[2].0.to_string().contains("`onclick`"));
        assert_eq!(
            p[2].0.show(crate::messages::Lang::Nl),
            "`onclick` mag niet achter een kopje staan"
        );
        assert_eq!(p[0].1.to_string(), "write it like {#kop-onclick-x}");
    }
}
