//! Escaping text for where it goes: XML (HTML, SVG) and JSON inside `<script>`; reading
//! `%xx` escapes in addresses; records as JSON values. A leaf module, so the map, the registry pages, the link check
//! and the preview server can all use it.

/// A record as a JSON value: its keys come out in alphabetical order (a JSON value's map),
/// whatever the order of the type's fields, as every JSON file and script of the site has
/// them (and the leaflets' cache keys are made of).
pub fn sorted_json(record: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(record).unwrap_or_default()
}

/// JSON that is safe inside `<script>`: no `</script>`, `<!--` or line separators can break out.
pub fn json_for_script(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for XML element content and attribute values.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes `%xx` escapes (`%20` → space); `None` if an escape is malformed (`%zz`, `%+1`, a
/// `%` at the end) or the result is not UTF-8. Shared by the link check and `serve`, so both
/// read addresses alike. (The percent-encoding crate passes malformed escapes through as
/// text, which would let `serve` and the check disagree about an address.)
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_script_cannot_close_the_element() {
        let v = serde_json::json!({"name": "</script><script>alert(1)</script>", "x": "\"><img src=x onerror=alert(1)>"});
        let s = json_for_script(&v);
        assert!(!s.contains('<') && !s.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(escape_xml("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn percent_escapes_decode_only_when_well_formed() {
        assert_eq!(
            percent_decode("/over%20ons/").as_deref(),
            Some("/over ons/")
        );
        assert_eq!(percent_decode("/%C3%A4/").as_deref(), Some("/ä/"));
        for bad in ["/%zz/", "/%+1/", "/%-1/", "/%4", "%", "/%C3/"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }
}
