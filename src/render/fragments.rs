//! Parts of a page that do not go through the minifier: the page's text from Markdown (already
//! compact) and the maps (drawn in minified form, see `map::markup`). A template gets a
//! marker in their place; the page is minified with the markers, and [`fill`] puts the parts in
//! afterwards. The maps are a third of the site's HTML, and the minifier's cost is per byte.
//!
//! A marker is an empty element the minifier keeps as it is and no page text can contain
//! (Markdown pages may not hold HTML, and values from content are escaped in templates).

/// Stands for the page's text.
pub const CONTENT: &str = "<homestart-content></homestart-content>";

const OPEN: &[u8] = b"<homestart-";
const FRAGMENT: &[u8] = b"fragment-";

/// Already minimal markup of one language, by the number in its marker.
#[derive(Debug, Default)]
pub struct Fragments(Vec<String>);

impl Fragments {
    /// Keeps `minimal` and returns the marker that stands for it in a template value (nothing
    /// for nothing, so `{% if map %}` still tells whether there is a map).
    pub fn add(&mut self, minimal: String) -> String {
        if minimal.is_empty() {
            return minimal;
        }
        let n = self.0.len();
        self.0.push(minimal);
        format!("<homestart-fragment-{n}></homestart-fragment-{n}>")
    }

    fn get(&self, n: usize) -> &str {
        self.0.get(n).map_or("", String::as_str)
    }
}

/// `shell` with each marker replaced: [`CONTENT`] by `content`, a fragment's by its markup from
/// `fragments`. One pass; what goes in is not read again, so no text can pose as a marker.
pub fn fill(shell: &[u8], content: &[u8], fragments: Option<&Fragments>) -> Vec<u8> {
    let mut out = Vec::with_capacity(shell.len() + content.len());
    let finder = memchr::memmem::Finder::new(OPEN);
    let mut rest = shell;
    while let Some(at) = finder.find(rest) {
        out.extend_from_slice(&rest[..at]);
        let tag = &rest[at + OPEN.len()..];
        if let Some(after) = tag.strip_prefix(&CONTENT.as_bytes()[OPEN.len()..]) {
            out.extend_from_slice(content);
            rest = after;
        } else if let Some((n, len)) = fragment(tag) {
            let piece = fragments.map_or("", |f| f.get(n));
            out.extend_from_slice(piece.as_bytes());
            rest = &tag[len..];
        } else {
            out.extend_from_slice(OPEN);
            rest = tag;
        }
    }
    out.extend_from_slice(rest);
    out
}

/// The number of the fragment marker `tag` starts with (after `<homestart-`), and its length.
fn fragment(tag: &[u8]) -> Option<(usize, usize)> {
    let digits = tag.strip_prefix(FRAGMENT)?;
    let number = &digits[..digits.iter().take_while(|b| b.is_ascii_digit()).count()];
    let n: usize = std::str::from_utf8(number).ok()?.parse().ok()?;
    let rest = digits[number.len()..]
        .strip_prefix(b"></homestart-fragment-")?
        .strip_prefix(number)?
        .strip_prefix(b">")?;
    Some((n, tag.len() - rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_text_goes_where_the_minified_template_has_its_marker() {
        let shell = format!("<main><h1>T</h1>{CONTENT}</main><p>{CONTENT}");
        let out = fill(shell.as_bytes(), b"<p>a</p>\n", None);
        assert_eq!(out, b"<main><h1>T</h1><p>a</p>\n</main><p><p>a</p>\n");
        assert_eq!(fill(b"none", b"x", None), b"none");
    }

    #[test]
    fn fragments_go_in_by_number_and_nothing_else_is_taken_for_a_marker() {
        let mut f = Fragments::default();
        assert_eq!(f.add(String::new()), "", "no map, no marker");
        let a = f.add("<svg>a</svg>".into());
        let b = f.add("<svg>b</svg>".into());
        let shell = format!(
            "<p>{b}{a}</p>{CONTENT}<homestart-fragment-1></homestart-fragment-0><homestart-x>"
        );
        let out = fill(shell.as_bytes(), b"<p>text</p>", Some(&f));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<p><svg>b</svg><svg>a</svg></p><p>text</p><homestart-fragment-1></homestart-fragment-0><homestart-x>"
        );
        // Markers inside what goes in are not read again.
        let out = fill(a.as_bytes(), b"", Some(&f));
        assert_eq!(out, b"<svg>a</svg>");
        let text = format!("<p>{a}</p>");
        let out = fill(CONTENT.as_bytes(), text.as_bytes(), Some(&f));
        assert_eq!(out, text.as_bytes());
        // A marker with a number no fragment has stands for nothing.
        let out = fill(
            b"<homestart-fragment-9></homestart-fragment-9>!",
            b"",
            Some(&f),
        );
        assert_eq!(out, b"!");
    }
}
