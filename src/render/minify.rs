//! Minifying the template part of a page. The one-pass minifier applies minify-html's rules
//! without building an element tree, at a fraction of the cost per page; it refuses markup that
//! is not well formed (a closing tag that closes nothing, an element still open at the end),
//! which an edited template can produce, and then the tree-building minifier, which reads
//! anything a browser reads, takes over. Either way the page is valid and minified.
//!
//! The one-pass minifier also drops the space after a quoted attribute value
//! (`<svg viewBox="0 0 9 9"role=img>`), which HTML calls a parse error and the Nu checker
//! rejects; [`space_after_quoted`] puts it back in one more pass over the bytes.

use std::cell::Cell;
use std::sync::Once;

/// The minified bytes of `html`, a whole page or a fragment of one.
pub fn html(html: &str) -> Vec<u8> {
    let one_pass = (!trips_one_pass(html.as_bytes())).then(|| one_pass(html));
    match one_pass.flatten() {
        Some(min) => space_after_quoted(min),
        None => minify_html::minify(html.as_bytes(), &fallback()),
    }
}

thread_local! {
    /// Set while this thread runs the one-pass minifier: a panic then is its own, and quiet.
    static IN_ONE_PASS: Cell<bool> = const { Cell::new(false) };
}

/// Whether `html` may hold an attribute value with both kinds of quote, which the one-pass
/// minifier (0.18.1) can write unquoted and wrong (`title="&#9;&#39;&quot;"` came out as
/// `title=→'→'"`, a tab (→) read as the value) or fail on. Such a value has at least one
/// quote encoded: an encoded double quote (`&quot;`, `&#34;`, `&#x22;`), or an encoded
/// apostrophe in a single-quoted value (`='`). Either sends the page to the tree-building
/// minifier, which writes it right; in this site's pages, a title or text with a `"` in it.
fn trips_one_pass(html: &[u8]) -> bool {
    memchr::memchr_iter(b'&', html).any(|at| encoded_double_quote(&html[at + 1..]))
        || memchr::memmem::find(html, b"='").is_some()
        || memchr::memmem::find(html, b"= '").is_some()
}

/// Whether `after` (the bytes after a `&`) begins a character reference to `"`.
fn encoded_double_quote(after: &[u8]) -> bool {
    if after.len() >= 4 && after[..4].eq_ignore_ascii_case(b"quot") {
        return true;
    }
    let Some(rest) = after.strip_prefix(b"#") else {
        return false;
    };
    let (hex, digits) = match rest.first() {
        Some(b'x' | b'X') => (true, &rest[1..]),
        _ => (false, rest),
    };
    let len = digits
        .iter()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    let digits = &digits[..len];
    let zeros = digits.iter().take_while(|&&b| b == b'0').count();
    digits[zeros..] == *if hex { b"22" } else { b"34" }
}

/// The one-pass minifier's output, or `None` where it refuses the markup or fails on it.
/// minify-html-onepass 0.18.1 indexes past its buffer when an attribute value it leaves
/// unquoted ends in a character it must encode (`title="a&quot;&#39;&#9;"`: both quotes
/// make quoting dearer than encoding the tab). [`trips_one_pass`] keeps such values away;
/// should another input make it panic, the panic is caught, kept off the terminal, and the
/// tree-building minifier takes over.
fn one_pass(html: &str) -> Option<Vec<u8>> {
    static QUIET: Once = Once::new();
    QUIET.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_ONE_PASS.get() {
                report(info);
            }
        }));
    });
    IN_ONE_PASS.set(true);
    let out = std::panic::catch_unwind(|| {
        minify_html_onepass::copy(html.as_bytes(), &minify_html_onepass::Cfg::new())
    });
    IN_ONE_PASS.set(false);
    out.ok()?.ok()
}

/// Elements whose content is text up to their end tag, never tags (HTML's raw text and
/// escapable raw text elements): a quote in a script's JSON is not an attribute's.
const TEXT_ONLY: [&[u8]; 8] = [
    b"script",
    b"style",
    b"title",
    b"textarea",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// `min` with a space after every quoted attribute value that another attribute follows
/// directly. Reads the minifier's output as HTML's tokenizer does: text, comments and
/// doctypes, end tags, and start tags attribute by attribute; the content of a script or
/// style is skipped whole. Allocates only when a space is missing.
fn space_after_quoted(min: Vec<u8>) -> Vec<u8> {
    let mut missing = Vec::new();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &min[at..]) {
        at += lt + 1;
        match min.get(at) {
            Some(b'!') => {
                at = after(
                    &min,
                    at,
                    if min[at..].starts_with(b"!--") {
                        b"-->"
                    } else {
                        b">"
                    },
                )
            }
            Some(b'/') => at = after(&min, at, b">"),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = at
                    + min[at..]
                        .iter()
                        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                        .unwrap_or(min.len() - at);
                let name = &min[at..name_end];
                at = start_tag_attributes(&min, name_end, &mut missing);
                if let Some(tag) = TEXT_ONLY.iter().find(|t| name.eq_ignore_ascii_case(t)) {
                    at = end_tag(&min, at, tag);
                }
            }
            _ => {} // a `<` in text
        }
    }
    if missing.is_empty() {
        return min;
    }
    let mut out = Vec::with_capacity(min.len() + missing.len());
    let mut from = 0;
    for at in missing {
        out.extend_from_slice(&min[from..at]);
        out.push(b' ');
        from = at;
    }
    out.extend_from_slice(&min[from..]);
    out
}

/// Reads a start tag's attributes from `at`, noting where a space is missing; returns the
/// index after the tag's `>` (or the end).
fn start_tag_attributes(min: &[u8], mut at: usize, missing: &mut Vec<usize>) -> usize {
    loop {
        while min
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            at += 1;
        }
        match min.get(at) {
            None => return at,
            Some(b'>') => return at + 1,
            Some(_) => {}
        }
        // The name (a first `=` belongs to it, as in HTML's tokenizer).
        at += 1;
        while min
            .get(at)
            .is_some_and(|&b| !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'=')))
        {
            at += 1;
        }
        if min.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        match min.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                at = match memchr::memchr(q, &min[at + 1..]) {
                    Some(i) => at + 1 + i + 1,
                    None => return min.len(),
                };
                if min
                    .get(at)
                    .is_some_and(|&b| !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>')))
                {
                    missing.push(at);
                }
            }
            _ => {
                while min
                    .get(at)
                    .is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'>'))
                {
                    at += 1;
                }
            }
        }
    }
}

/// The index after the first `end` at or after `at` (or the end).
fn after(min: &[u8], at: usize, end: &[u8]) -> usize {
    memchr::memmem::find(&min[at..], end).map_or(min.len(), |i| at + i + end.len())
}

/// The index of the end tag `</tag` (any case) at or after `at`, or the end.
fn end_tag(min: &[u8], mut at: usize, tag: &[u8]) -> usize {
    while let Some(i) = memchr::memmem::find(&min[at..], b"</") {
        let name = at + i + 2;
        if min
            .get(name..name + tag.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(tag))
        {
            return at + i;
        }
        at = name;
    }
    min.len()
}

/// Pages carry no inline styles or scripts (stylesheets and scripts are minified once, as
/// files, in `assets`; JSON-LD is written compact), so the CSS and JS minifiers stay off.
fn fallback() -> minify_html::Cfg {
    minify_html::Cfg {
        keep_html_and_head_opening_tags: true,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::html;

    fn text(html_in: &str) -> String {
        String::from_utf8(html(html_in)).unwrap()
    }

    #[test]
    fn space_between_tags_goes_and_preformatted_text_stays() {
        let out = text(
            "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<title> T </title>\n</head>\n<body>\n  <ul>\n    <li><a href=\"/a/\">A</a></li>\n  </ul>\n<pre>  a\n   b</pre>\n</body>\n</html>\n",
        );
        assert!(
            out.starts_with("<!DOCTYPE html><html lang=nl><head>"),
            "{out}"
        );
        assert!(out.contains("<ul><li><a href=/a/>A</a></ul>"), "{out}");
        assert!(out.contains("<pre>  a\n   b</pre>"), "{out}");
    }

    #[test]
    fn markup_the_one_pass_minifier_refuses_is_minified_all_the_same() {
        let refused = |s: &str| {
            minify_html_onepass::copy(s.as_bytes(), &minify_html_onepass::Cfg::new()).is_err()
        };
        // A stray closing tag: the one-pass minifier stops there, the fallback reads on.
        let stray = "<main>\n  <p>a</p>\n  </div>\n  <p>b</p>\n</main>";
        assert!(refused(stray));
        assert_eq!(text(stray), "<main><p>a<p>b</main>");
        // An element left open at the end.
        let open = "<div>\n <section><p>a";
        assert!(refused(open));
        assert_eq!(text(open), "<div><section><p>a");
    }

    #[test]
    fn a_quoted_value_is_followed_by_a_space_before_the_next_attribute() {
        let out = text(
            "<svg class=\"a\" viewBox=\"0 0 9 9\" role=\"img\"><path d=\"M0 0 1 1\" fill=\"#fff\" /></svg><p title=\"a b\" lang=nl>x",
        );
        assert_eq!(
            out,
            "<svg class=a viewbox=\"0 0 9 9\" role=img><path d=\"M0 0 1 1\" fill=#fff /></svg><p title=\"a b\" lang=nl>x"
        );
    }

    #[test]
    fn quotes_in_text_scripts_titles_and_comments_are_left_alone() {
        for page in [
            "<p>Zij zei \"ja\"nee en 'x'y</p>",
            "<script type=application/ld+json>{\"@type\":\"Organization\",\"name\":\"a\"}</script><a href=\"a b\" id=x>y</a>",
            "<title>\"a\"b</title><p>1 < 2 \"c\"d",
            "<style>a[x=\"y\"]b{}</style>",
        ] {
            let min = minify_html_onepass::copy(page.as_bytes(), &minify_html_onepass::Cfg::new())
                .unwrap();
            let fixed = super::space_after_quoted(min.clone());
            // Only spaces inside tags were added: the text is the same once they are taken out.
            let strip =
                |b: &[u8]| -> Vec<u8> { b.iter().copied().filter(|&c| c != b' ').collect() };
            assert_eq!(strip(&fixed), strip(&min), "{page}");
            let fixed = String::from_utf8(fixed).unwrap();
            for kept in [
                "\"ja\"nee",
                "'x'y",
                "{\"@type\":\"Organization\"",
                "\"a\"b",
                "x=\"y\"]b",
            ] {
                if page.contains(kept) {
                    assert!(fixed.contains(kept), "{kept} in {fixed}");
                }
            }
        }
        assert_eq!(text("<a href=\"a b\"id=x>"), "<a href=\"a b\" id=x>");
    }

    proptest::proptest! {
        /// Whatever the pieces, a browser reads the same document with the spaces as without,
        /// and a second pass adds nothing.
        #[test]
        fn the_spaces_change_nothing_a_browser_reads(pieces in proptest::collection::vec(0..PIECES.len(), 0..24)) {
            let page: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let dom = |b: &[u8]| scraper::Html::parse_document(std::str::from_utf8(b).unwrap()).html();
            let min = minify_html_onepass::copy(page.as_bytes(), &minify_html_onepass::Cfg::new());
            proptest::prop_assert!(min.is_ok(), "{page}");
            let min = min.unwrap();
            let fixed = super::space_after_quoted(min.clone());
            proptest::prop_assert_eq!(dom(&fixed), dom(&min));
            proptest::prop_assert_eq!(super::space_after_quoted(fixed.clone()), fixed);
        }
    }

    const PIECES: [&str; 14] = [
        "<p title=\"a b\" lang=\"nl\">v</p>",
        "<b>\"q\"r</b>",
        "\"x\"y 'z'w",
        "<script type=\"application/ld+json\">{\"a\":\"b c\"}</script>",
        "<style>a[x=\"y\"]b{}</style>",
        "<!-- \"c\"d -->",
        "<a href='e f' id=g>h</a>",
        "<svg viewBox=\"0 0 1 1\" role=\"img\"><title>\"t\"u</title><path d=\"M0 0\" /></svg>",
        "<br class=\"i j\"/>",
        "1 < 2 & 3 > \"4\"",
        "<img alt=\"\" src=\"k l\">",
        "<textarea name=\"m n\">\"o\"p</textarea>",
        "<div data-x=\"&quot;r&quot;\" hidden>s</div>",
        "<input value=\"\" name=\"s t\" required>",
    ];

    #[test]
    fn encoded_double_quotes_are_recognised_in_every_spelling() {
        for yes in [
            "&quot;", "&QUOT", "&#34;", "&#034;", "&#x22;", "&#X0022", "a='b'", "a= 'b'",
        ] {
            assert!(super::trips_one_pass(yes.as_bytes()), "{yes}");
        }
        for no in [
            "&#39;",
            "&#344;",
            "&#x220;",
            "&#3;4",
            "&qu",
            "a=\"b\"",
            "it's",
            "&amp;quot;",
        ] {
            assert!(!super::trips_one_pass(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn values_the_one_pass_minifier_fails_on_are_minified_all_the_same() {
        for (page, value) in [
            ("<a title=\"a&quot;&#39;\t\">x</a>", "a\"'\t"),
            ("<meta content='\"a\" &#39;b&#39; -&gt;'>", "\"a\" 'b' ->"),
            (
                "<p title=\"&quot;&apos;&quot;&apos; \" lang=nl>y",
                "\"'\"' ",
            ),
        ] {
            let out = text(page);
            let doc = scraper::Html::parse_fragment(&out);
            let any = scraper::Selector::parse("[title], [content]").unwrap();
            let el = doc.select(&any).next().expect(page);
            let read = el.value().attr("title").or(el.value().attr("content"));
            assert_eq!(read, Some(value), "{page} → {out}");
        }
    }

    proptest::proptest! {
        /// No attribute value stops the minifier, and a browser reads it back unchanged.
        #[test]
        fn any_attribute_value_is_minified(value in "[a \"'<>&=\t\n;#0-9-]{0,10}") {
            let page = format!("<p title=\"{}\" lang=nl>x</p>", crate::escape::escape_xml(&value));
            let out = text(&page);
            let doc = scraper::Html::parse_fragment(&out);
            let p = scraper::Selector::parse("p").unwrap();
            // An empty title is dropped: the same as none.
            let read = doc.select(&p).next().and_then(|p| p.value().attr("title")).unwrap_or("").to_string();
            proptest::prop_assert_eq!(read, value, "{} → {}", page, out);
        }
    }

    #[test]
    fn the_page_text_marker_is_kept() {
        let marker = "<homestart-content></homestart-content>";
        let out = text(&format!("<main>\n  {marker}\n</main>"));
        assert!(out.contains(marker), "{out}");
    }
}
