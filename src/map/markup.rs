//! The maps' markup, written the way the page's minifier would write it: a map goes into its
//! page after the page is minified (see `render::fragments`), so it must already be what the
//! minifier makes of it. Numbers, class names and plain text are written directly; a title
//! with an ampersand or an angle bracket is put through the minifier, and an attribute with a
//! quote in it is quoted with escapes (where the minifier's own choice can be invalid HTML).

use std::fmt::Write as _;

use crate::escape::escape_xml;
use crate::render::minify;

/// Appends ` name=value` as the minifier writes an attribute with this (unescaped) value:
/// bare when empty, unquoted when nothing in it needs quotes, else in double quotes. A value
/// with a quote, an ampersand or an angle bracket (a name from the registry could hold one) is
/// quoted, its ampersands and double quotes escaped: a byte or two more than the minifier
/// might write, and always valid HTML (the minifier leaves some such values unquoted, which HTML reads as an error).
pub fn attr(out: &mut String, name: &str, value: &str) {
    let b = value.as_bytes();
    if b.is_empty() {
        let _ = write!(out, " {name}");
        return;
    }
    let plain = |c: &u8| !matches!(c, b'"' | b'\'' | b'&' | b'<' | b'>' | b'=' | b'`');
    if b.iter().all(|c| plain(c) && !c.is_ascii_whitespace()) {
        let _ = write!(out, " {name}={value}");
    } else if b
        .iter()
        .all(|c| plain(c) && (*c == b' ' || !c.is_ascii_whitespace()))
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && !value.contains("  ")
    {
        let _ = write!(out, " {name}=\"{value}\"");
    } else {
        let _ = write!(
            out,
            " {name}=\"{}\"",
            value.replace('&', "&amp;").replace('"', "&#34;")
        );
    }
}

/// The text of an SVG `<title>` as the minifier writes it.
pub fn title_text(text: &str) -> String {
    let plain = !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text.contains(['&', '<', '>', '\t', '\n', '\r', '\u{c}'])
        && !text.contains("  ");
    if plain {
        return text.to_string();
    }
    let min = minify::html(&format!("<svg><title>{}</title></svg>", escape_xml(text)));
    let min = String::from_utf8_lossy(&min);
    min.strip_prefix("<svg><title>")
        .and_then(|m| m.strip_suffix("</title></svg>"))
        .map_or_else(|| escape_xml(text), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An element with this attribute and title, drawn here, and as a page's minifier makes
    /// it of the plainly escaped markup.
    fn both(value: &str, title: &str) -> (String, String) {
        let mut ours = String::from("<svg");
        attr(&mut ours, "aria-label", value);
        ours.push_str("><title>");
        ours.push_str(&title_text(title));
        ours.push_str("</title></svg>");
        let plain = format!(
            "<svg aria-label=\"{}\"><title>{}</title></svg>",
            escape_xml(value),
            escape_xml(title)
        );
        (ours, String::from_utf8(minify::html(&plain)).unwrap())
    }

    /// The label and title a browser reads.
    fn read(html: &str) -> (String, String) {
        let doc = scraper::Html::parse_fragment(html);
        let svg = scraper::Selector::parse("svg").unwrap();
        let svg = doc.select(&svg).next().expect("an svg");
        let label = svg
            .value()
            .attr("aria-label")
            .unwrap_or_default()
            .to_string();
        (label, svg.text().collect())
    }

    /// The same bytes as the minifier for a plain value (any title); for any value, what a
    /// browser reads is the label as given and the title as the minifier leaves it.
    fn check(value: &str, title: &str) -> Result<(), TestCaseError> {
        let (ours, theirs) = both(value, title);
        let plain = !value.contains(['"', '\'', '&', '<', '>', '=', '`', '\t', '\n'])
            && !value.starts_with(' ')
            && !value.ends_with(' ')
            && !value.contains("  ");
        if plain {
            prop_assert_eq!(&ours, &theirs);
        }
        let (label, text) = read(&ours);
        prop_assert_eq!(label, value);
        prop_assert_eq!(text, read(&theirs).1);
        Ok(())
    }

    #[test]
    fn plain_and_awkward_values_are_written_as_the_minifier_writes_them() {
        for (value, title) in [
            ("GM0014", "Kaart: het werkgebied van Zwolle"),
            ("/gemeenten/s-hertogenbosch/", "'s-Hertogenbosch"),
            ("Groningen — aangeboden, 0–6 jaar", "Rijnmond & Zuid"),
            ("Home-Start \"Noord\" & 'Zuid'", "a  b <c> \"d\""),
            ("&'& \"", " trailing "),
            ("a=b", "x\ty"),
            ("", ""),
        ] {
            check(value, title).unwrap();
        }
        let (ours, _) = both("&'& \"", "");
        assert!(
            ours.starts_with("<svg aria-label=\"&amp;'&amp; &#34;\">"),
            "{ours}"
        );
    }

    proptest! {
        #[test]
        fn any_label_is_written_as_the_minifier_writes_it(
            value in "[a-zA-Z0-9 &'\"<>=`/—é\t-]{0,12}",
            title in "[a-zA-Z0-9 &'\"<>—é\n-]{0,12}",
        ) {
            check(&value, &title)?;
        }
    }
}
