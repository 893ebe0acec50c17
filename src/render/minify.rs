//! Minifying the template part of a page. The one-pass minifier applies minify-html's rules
//! without building an element tree, at a fraction of the cost per page; it refuses markup that
//! is not well formed (a closing tag that closes nothing, an element still open at the end),
//! which an edited template can produce, and then the tree-building minifier, which reads
//! anything a browser reads, takes over. Either way the page is valid and minified.

/// The minified bytes of `html`, a whole page or a fragment of one.
pub fn html(html: &str) -> Vec<u8> {
    match minify_html_onepass::copy(html.as_bytes(), &minify_html_onepass::Cfg::new()) {
        Ok(min) => min,
        Err(_) => minify_html::minify(html.as_bytes(), &fallback()),
    }
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
    fn the_page_text_marker_is_kept() {
        let marker = "<homestart-content></homestart-content>";
        let out = text(&format!("<main>\n  {marker}\n</main>"));
        assert!(out.contains(marker), "{out}");
    }
}
