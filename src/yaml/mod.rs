//! YAML reading shared by site config, string tables and front matter: every mistake comes
//! back as a [`Diagnostic`] pointing into the original file, never as a bare serde message.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Source, suggest};

pub mod depth;
pub mod tree;

/// Parses the YAML in `range` of `src` into `T`.
///
/// Reports every top-level key not in `known_keys` (with a suggestion for typos) before
/// attempting the typed parse, so one run shows all misspelt keys of a file.
pub fn parse<T: DeserializeOwned>(
    src: &Arc<Source>,
    range: Range<usize>,
    known_keys: Option<&[&str]>,
    what: &str,
) -> Result<T, Vec<Diagnostic>> {
    let text = &src.text[range.clone()];
    let tabs = check_tabs(src, range.clone());
    if !tabs.is_empty() {
        return Err(tabs);
    }
    depth::check(src, range.clone(), what).map_err(|d| vec![d])?;
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(vec![from_error(src, range.start, &e, what)]),
    };
    if let Some(known) = known_keys {
        let mut problems = Vec::new();
        match &value {
            serde_yaml::Value::Mapping(map) => {
                // One pass over the lines for all keys: a file of many unknown keys stays linear.
                let spans = top_level_keys(src, range.clone());
                for key in map.keys() {
                    let name = match key {
                        serde_yaml::Value::String(s) => s.as_str(),
                        _ => "",
                    };
                    if known.contains(&name) {
                        continue;
                    }
                    let span = spans.get(name).cloned().unwrap_or(range.start..range.start);
                    let mut d =
                        Diagnostic::error(format!("unknown key `{name}` in {what}")).at(src, span);
                    d = match suggest(name, known.iter().copied()) {
                        Some(s) => d.hint(format!("did you mean `{s}`?")),
                        None => d.hint(format!("known keys are: {}", known.join(", "))),
                    };
                    problems.push(d);
                }
            }
            serde_yaml::Value::Null => {}
            _ => problems.push(
                Diagnostic::error(format!("{what} must be a list of `key: value` lines"))
                    .at(src, range.start..range.end.min(range.start + 1))
                    .hint("write one setting per line, like `title: Over ons`"),
            ),
        }
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    // An empty document is `null`; parse it as an empty mapping so defaults apply and
    // missing required keys are named.
    let parsed = if text.trim().is_empty() {
        serde_yaml::from_str::<T>("{}")
    } else {
        serde_yaml::from_str::<T>(text)
    };
    parsed.map_err(|e| vec![from_error(src, range.start, &e, what)])
}

/// YAML forbids tabs for indentation; libyaml's own message for it is cryptic.
pub fn check_tabs(src: &Arc<Source>, range: Range<usize>) -> Vec<Diagnostic> {
    let text = &src.text[range.clone()];
    let mut out = Vec::new();
    let mut offset = range.start;
    for line in text.split_inclusive('\n') {
        let indent_end = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line[..indent_end].find('\t') {
            out.push(
                Diagnostic::error("tab character used for indentation")
                    .at(src, offset + i..offset + i + 1)
                    .hint("YAML only allows spaces for indentation: replace the tab with spaces"),
            );
        }
        offset += line.len();
    }
    out
}

/// Byte span of a top-level `key:` in the YAML in `range`.
pub fn key_span(src: &Source, range: Range<usize>, key: &str) -> Option<Range<usize>> {
    let text = &src.text[range.clone()];
    let mut offset = range.start;
    for line in text.split_inclusive('\n') {
        let unquoted = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| line.strip_prefix(&format!("'{key}'")));
        if let Some(rest) = unquoted
            && rest.trim_start_matches([' ', '\t']).starts_with(':')
        {
            return Some(offset..offset + key.len());
        }
        offset += line.len();
    }
    None
}

/// Byte spans of the top-level keys written in `range` (the first of each), as [`key_span`]
/// finds them one at a time.
fn top_level_keys(src: &Source, range: Range<usize>) -> HashMap<&str, Range<usize>> {
    let mut out = HashMap::new();
    let mut offset = range.start;
    for line in src.text[range].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let line = line.trim_end();
        let key = match line.chars().next() {
            Some(q @ ('"' | '\'')) => line[1..].split_once(q).map(|(k, _)| (k, 1)),
            Some(c) if !c.is_whitespace() && !matches!(c, '#' | '-') => line
                .split_once(": ")
                .or_else(|| line.strip_suffix(':').map(|k| (k, "")))
                .map(|(k, _)| (k.trim_end(), 0)),
            _ => None,
        };
        if let Some((key, quote)) = key {
            out.entry(key)
                .or_insert(start + quote..start + quote + key.len());
        }
    }
    out
}

/// Byte span of the value of a top-level `key:` (for errors about a value, e.g. a bad date).
pub fn value_span(src: &Source, range: Range<usize>, key: &str) -> Option<Range<usize>> {
    let k = key_span(src, range, key)?;
    let line_end = src.text[k.end..]
        .find('\n')
        .map_or(src.text.len(), |i| k.end + i);
    let after_colon = src.text[k.end..line_end]
        .find(':')
        .map_or(k.end, |i| k.end + i + 1);
    let value = &src.text[after_colon..line_end];
    let start = after_colon + (value.len() - value.trim_start().len());
    let end = after_colon + value.trim_end().len();
    Some(if end > start { start..end } else { k })
}

/// Span of a top-level key of a whole YAML file, or the file's start if it is not written.
pub fn file_key_span(src: &Source, key: &str) -> Range<usize> {
    key_span(src, 0..src.text.len(), key).unwrap_or(0..0)
}

/// Span of a top-level key's value in a whole YAML file, or the file's start.
pub fn file_value_span(src: &Source, key: &str) -> Range<usize> {
    value_span(src, 0..src.text.len(), key).unwrap_or(0..0)
}

/// Turns a serde_yaml error into a diagnostic at the position libyaml reported.
pub fn from_error(src: &Arc<Source>, base: usize, e: &serde_yaml::Error, what: &str) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line X column Y"; the location is shown separately.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let hint = hint_for(&message);
    let d = at_error(
        src,
        base,
        e,
        Diagnostic::error(format!("{what}: {message}")),
    );
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// Places `d` where serde_yaml reported `e` (in the YAML starting at byte `base` of `src`),
/// for a caller that words the error better than serde_yaml does.
pub fn at_error(
    src: &Arc<Source>,
    base: usize,
    e: &serde_yaml::Error,
    d: Diagnostic,
) -> Diagnostic {
    match e.location() {
        Some(loc) => {
            let (base_line, base_col) = src.line_col(base);
            let line = base_line + loc.line().saturating_sub(1);
            let column = if loc.line() <= 1 {
                base_col + loc.column().saturating_sub(1)
            } else {
                loc.column()
            };
            d.at_line_col(src, line, column.max(1))
        }
        None => d.at(src, base..base),
    }
}

fn hint_for(message: &str) -> Option<String> {
    if message.starts_with("missing field") {
        let field = message.split('`').nth(1).unwrap_or("");
        return Some(format!("add a line `{field}: …`"));
    }
    if message.contains("did not find expected key")
        || message.contains("mapping values are not allowed")
    {
        return Some(
            "check the indentation and put text containing `: ` in quotes, e.g. title: \"Let op: nieuw\""
                .into(),
        );
    }
    if message.contains("found character that cannot start any token") {
        return Some("text starting with `@`, `` ` `` or `%` must be put in quotes".into());
    }
    if message.contains("invalid type") {
        return Some("check the value's type: text, a whole number, true/false, or a list".into());
    }
    if message.contains("duplicate entry") || message.contains("duplicate key") {
        return Some("each key may appear only once; remove one of them".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        weight: i64,
    }

    #[test]
    fn all_unknown_keys_reported_with_suggestion() {
        let src = Source::new("x.md", "titel: A\nwieght: 3\n");
        let errs = parse::<Doc>(
            &src,
            0..src.text.len(),
            Some(&["title", "weight"]),
            "front matter",
        )
        .unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line(), errs[0].column()), (1, 1));
        assert_eq!(
            errs[0].hint_text().as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!((errs[1].line(), errs[1].column()), (2, 1));
    }

    #[test]
    fn syntax_error_position_is_absolute_in_file() {
        let src = Source::new("x.md", "---\ntitle: A\nweight: [1,\n---\n");
        let errs =
            parse::<Doc>(&src, 4..23, Some(&["title", "weight"]), "front matter").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].line() >= 3, "{:?}", errs[0]);
    }

    #[test]
    fn type_error_points_at_value() {
        let src = Source::new("x.md", "title: A\nweight: heavy\n");
        let errs = parse::<Doc>(
            &src,
            0..src.text.len(),
            Some(&["title", "weight"]),
            "front matter",
        )
        .unwrap_err();
        assert_eq!(errs[0].line(), 2, "{:?}", errs[0]);
        assert!(errs[0].hint_text().is_some());
    }

    #[test]
    fn tabs_are_named() {
        let src = Source::new("x.yaml", "title: A\n\tweight: 2\n");
        let errs = parse::<Doc>(&src, 0..src.text.len(), None, "x").unwrap_err();
        assert_eq!((errs[0].line(), errs[0].column()), (2, 1));
        assert!(errs[0].message().contains("tab"));
    }

    #[test]
    fn missing_required_key_named() {
        let src = Source::new("x.yaml", "weight: 2\n");
        let errs = parse::<Doc>(&src, 0..src.text.len(), None, "x").unwrap_err();
        assert!(
            errs[0].message().contains("missing field `title`"),
            "{}",
            errs[0].message()
        );
        assert_eq!(
            errs[0].hint_text().as_deref(),
            Some("add a line `title: …`")
        );
    }

    #[test]
    fn value_span_finds_the_value() {
        let src = Source::new("x.yaml", "date: 2026-13-01  \n");
        let s = value_span(&src, 0..src.text.len(), "date").unwrap();
        assert_eq!(&src.text[s], "2026-13-01");
    }
}
