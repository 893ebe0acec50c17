//! YAML reading shared by site config, string tables and front matter: every mistake comes
//! back as a [`Diagnostic`] pointing into the original file, never as a bare serde message.

use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Source, suggest};
use crate::messages::Text;
use crate::t;
use tree::Node;

pub mod depth;
mod mistakes;
pub mod tree;

/// Parses the YAML in `range` of `src` into `T`, or says everything that is wrong with it.
pub fn parse<T: DeserializeOwned>(
    src: &Arc<Source>,
    range: Range<usize>,
    known_keys: Option<&[&str]>,
    what: impl Into<Text>,
) -> Result<T, Vec<Diagnostic>> {
    match parse_all(src, range, known_keys, what) {
        (Some(value), problems) if problems.is_empty() => Ok(value),
        (_, problems) => Err(problems),
    }
}

/// Every problem of the YAML in `range`, and its value as far as it can be read: unknown keys
/// (with a suggestion for typos) and keys written twice are reported and then left out, so the
/// other values are still read and checked and one run shows every mistake of the file.
pub fn parse_all<T: DeserializeOwned>(
    src: &Arc<Source>,
    range: Range<usize>,
    known_keys: Option<&[&str]>,
    what: impl Into<Text>,
) -> (Option<T>, Vec<Diagnostic>) {
    let what = what.into();
    let tabs = mistakes::tabs(src, range.clone());
    if !tabs.is_empty() {
        return (None, tabs);
    }
    let root = match depth::check(src, range.clone(), &what)
        .and_then(|()| tree::parse_as(src, range.clone(), &what))
    {
        Ok(root) => root,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = tree::duplicate_keys(src, &root);
    // The entries the typed parse must not see: keys written twice (the later ones) and
    // unknown keys, each reported already.
    let mut left_out: Vec<Range<usize>> = tree::repeated_entries(&root);
    // The keys an unknown key is probably a misspelling of: that they are missing is the same
    // mistake.
    let mut meant: Vec<String> = Vec::new();
    if let Some(known) = known_keys {
        match &root {
            Node::Map { entries, .. } => {
                for e in entries.iter().filter(|e| !known.contains(&e.key.as_str())) {
                    problems.push(unknown_key(
                        src,
                        e,
                        known,
                        &what,
                        "yaml-unknown-key.hint-known",
                    ));
                    meant.extend(suggest(&e.key, known.iter().copied()).map(str::to_string));
                }
                left_out.extend(root.entries_outside(known));
            }
            Node::Scalar { text, .. } if text.is_empty() => {}
            _ => {
                problems.push(
                    Diagnostic::error(t!("yaml-not-a-mapping", what = what.clone()))
                        .at(src, range.start..range.end.min(range.start + 1))
                        .hint(t!("yaml-not-a-mapping.hint")),
                );
                return (None, problems);
            }
        }
    }
    typed(src, range, &root, &what, left_out, meant, problems)
}

/// How many values of the wrong kind one file reports before the rest is left unread: each
/// costs a parse of the file, so the count is bounded, not the file's number of entries.
const MAX_WRONG_VALUES: usize = 16;

/// The typed parse of what is left once `left_out` is: a value of the wrong kind is reported
/// and its entry left out in turn, so the other values are still read (up to
/// [`MAX_WRONG_VALUES`] of them). `meant`: keys whose absence is a mistake reported already.
fn typed<T: DeserializeOwned>(
    src: &Arc<Source>,
    range: Range<usize>,
    root: &Node,
    what: &Text,
    mut left_out: Vec<Range<usize>>,
    mut meant: Vec<String>,
    mut problems: Vec<Diagnostic>,
) -> (Option<T>, Vec<Diagnostic>) {
    let top: &[tree::Entry] = match root {
        Node::Map { entries, .. } => entries,
        _ => &[],
    };
    for _ in 0..=top.len().min(MAX_WRONG_VALUES) {
        let text = without(&src.text, range.clone(), &left_out);
        // An empty document is `null`; parse it as an empty mapping so defaults apply and
        // missing required keys are named.
        let parsed = if text.trim().is_empty() {
            serde_yaml::from_str::<T>("{}")
        } else {
            serde_yaml::from_str::<T>(&text)
        };
        let e = match parsed {
            Ok(value) => return (Some(value), problems),
            Err(e) => e,
        };
        let message = e.to_string();
        if meant
            .iter()
            .any(|k| message.starts_with(&format!("missing field `{k}`")))
        {
            return (None, problems);
        }
        problems.push(from_error(src, range.clone(), root, &e, what));
        let entry = error_offset(src, range.start, &e).and_then(|o| {
            top.iter().find(|en| {
                (en.key_span.start..en.value.span().end.max(en.key_span.end)).contains(&o)
            })
        });
        match entry {
            Some(en) if !message.starts_with("missing field") => {
                left_out.push(en.key_span.start..en.value.span().end.max(en.key_span.end));
                meant.push(en.key.clone());
            }
            _ => return (None, problems),
        }
    }
    (None, problems)
}

/// `key` is not one of `known`: a suggestion for a typo, else the list (`list_hint` says in
/// which words).
pub fn unknown_key(
    src: &Arc<Source>,
    e: &tree::Entry,
    known: &[&str],
    what: &Text,
    list_hint: &'static str,
) -> Diagnostic {
    let d = Diagnostic::error(t!(
        "yaml-unknown-key",
        key = e.key.as_str(),
        what = what.clone()
    ))
    .at(src, e.key_span.clone());
    match suggest(&e.key, known.iter().copied()) {
        Some(s) => d.hint(t!("yaml-unknown-key.hint-typo", suggestion = s)),
        None => d.hint(Text::new(list_hint).arg("known", known.join(", "))),
    }
}

/// The YAML in `range` with `spans` turned into spaces: line and column numbers stay those of
/// the file, for a parser that must not see what was reported already.
pub fn without(text: &str, range: Range<usize>, spans: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes()[range.clone()].to_vec();
    for span in spans {
        for b in &mut bytes[span.start - range.start..span.end - range.start] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Only whole characters were replaced (a span starts and ends on character boundaries, and
    // every byte of the characters inside became a space).
    String::from_utf8(bytes).unwrap_or_default()
}

/// YAML forbids tabs for indentation, and one after a colon looks like a space.
pub fn check_tabs(src: &Arc<Source>, range: Range<usize>) -> Vec<Diagnostic> {
    mistakes::tabs(src, range)
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

/// A serde_yaml error in plain words, at the value it is about (`root`: the same YAML as a
/// tree, which knows which key a place belongs to).
pub fn from_error(
    src: &Arc<Source>,
    range: Range<usize>,
    root: &Node,
    e: &serde_yaml::Error,
    what: &Text,
) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line X column Y"; the location is shown separately.
    let detail = raw.find(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
    if let Some(field) = detail.strip_prefix("missing field `") {
        let field = field.trim_end_matches('`');
        return at_error(
            src,
            range.start,
            e,
            Diagnostic::error(t!("yaml-missing-field", what = what.clone(), field = field))
                .hint(t!("yaml-missing-field.hint", field = field)),
        );
    }
    let offset = error_offset(src, range.start, e);
    if detail.ends_with("expected a boolean")
        && let Some((key, value)) = offset.and_then(|o| tree::entry_at(root, o))
        && let Some(text) = value.as_str()
    {
        let yes_no = [
            "ja", "nee", "j", "n", "yes", "no", "y", "on", "off", "aan", "uit", "waar", "onwaar",
        ];
        let (message, hint) = if yes_no.contains(&text.to_lowercase().as_str()) {
            (
                t!("yaml-yes-no", value = text),
                t!("yaml-yes-no.hint", key = key),
            )
        } else {
            (
                t!("yaml-boolean", key = key, value = text),
                t!("yaml-boolean.hint", key = key),
            )
        };
        return Diagnostic::error(message).at(src, value.span()).hint(hint);
    }
    let (message, hint) =
        if detail.starts_with("invalid type") || detail.starts_with("invalid value") {
            (
                t!("yaml-wrong-type", what = what.clone(), detail = detail),
                t!("yaml-wrong-type.hint"),
            )
        } else {
            (
                t!("yaml-unreadable", what = what.clone(), detail = detail),
                t!("yaml-unreadable.hint"),
            )
        };
    at_error(src, range.start, e, Diagnostic::error(message).hint(hint))
}

/// The 1-based line and column where serde_yaml reported `e`, in the file, for the YAML
/// starting at byte `base` of `src`.
fn error_line_col(src: &Source, base: usize, e: &serde_yaml::Error) -> Option<(usize, usize)> {
    let loc = e.location()?;
    let (base_line, base_col) = src.line_col(base);
    let line = base_line + loc.line().saturating_sub(1);
    let column = if loc.line() <= 1 {
        base_col + loc.column().saturating_sub(1)
    } else {
        loc.column()
    };
    Some((line, column.max(1)))
}

/// The byte where serde_yaml reported `e`, in the YAML starting at byte `base` of `src`.
fn error_offset(src: &Source, base: usize, e: &serde_yaml::Error) -> Option<usize> {
    let (line, column) = error_line_col(src, base, e)?;
    let start = src.line_start(line);
    Some(
        src.text[start..]
            .char_indices()
            .nth(column - 1)
            .map_or(src.text.len(), |(i, _)| start + i),
    )
}

/// Places `d` where serde_yaml reported `e` (in the YAML starting at byte `base` of `src`),
/// for a caller that words the error better than serde_yaml does.
pub fn at_error(
    src: &Arc<Source>,
    base: usize,
    e: &serde_yaml::Error,
    d: Diagnostic,
) -> Diagnostic {
    match error_line_col(src, base, e) {
        Some((line, column)) => d.at_line_col(src, line, column),
        None => d.at(src, base..base),
    }
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
