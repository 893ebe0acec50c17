//! The YAML mistakes people make, recognised in the text itself: a parser notices a missing
//! colon or an unclosed quote lines later, in its own words; an editor needs the line where
//! the mistake is and what to type there.
//!
//! [`find`] runs only after a parser has refused the text, and only a finding at or before the
//! place the parser stopped is believed; otherwise the parser's place stands, in plain words.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::t;

/// Every tab in the YAML: YAML refuses tabs for indentation, and one after `phone:` or in a
/// value looks like spaces in every editor. The hint shows the line with the tab as `→`.
pub fn tabs(src: &Arc<Source>, range: Range<usize>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for line in lines(src, range) {
        if let Some(i) = line.text.find('\t') {
            let shown = line.text.trim_end().replace('\t', "→");
            out.push(
                Diagnostic::error(t!("yaml-tab"))
                    .at(src, line.start + i..line.start + i + 1)
                    .hint(t!("yaml-tab.hint", line = shown)),
            );
        }
    }
    out
}

/// The first recognised mistake in `range` at or before byte `stopped` (where the parser
/// gave up), as a diagnostic at the mistake.
pub fn find(src: &Arc<Source>, range: Range<usize>, stopped: usize) -> Option<Diagnostic> {
    // The columns of the keys of the mappings open at this line, outermost first.
    let mut levels: Vec<usize> = Vec::new();
    let mut previous: Option<KeyLine> = None;
    let mut skip_deeper_than: Option<usize> = None;
    let mut open: Option<Open> = None;
    for line in lines(src, range) {
        if line.start > stopped {
            return None;
        }
        let body = line.text.trim_end();
        let content = body.trim_start();
        let indent = body.len() - content.len();
        if content.is_empty() || content.starts_with('#') || content == "---" {
            continue;
        }
        // Inside a block of text (`|`, `>`) or a list that goes on over several lines.
        if let Some(column) = skip_deeper_than {
            if indent > column {
                if let Some(o) = &mut open {
                    o.depth += depth_change(plain(content));
                }
                continue;
            }
            skip_deeper_than = None;
            if let Some(d) = open.take().and_then(|o| o.unclosed(src)) {
                return Some(d);
            }
        }
        let (column, item) = strip_item(content, indent);
        let at = line.start + column;
        let rest = &body[column..];
        let Some(key) = split_key(rest) else {
            if item || rest.is_empty() {
                if let Some(d) = unclosed_quote(src, at, rest) {
                    return Some(d);
                }
                continue;
            }
            // Text without a colon where a key belongs: not deeper than the key above, so not
            // the rest of its value.
            if previous.as_ref().is_none_or(|p| column <= p.column) {
                let word = rest.split_whitespace().next().unwrap_or(rest);
                return Some(
                    Diagnostic::error(t!("yaml-missing-colon"))
                        .at(src, at..at + word.len())
                        .hint(t!(
                            "yaml-missing-colon.hint",
                            line = missing_colon(plain(rest).trim_end())
                        )),
                );
            }
            continue;
        };
        let name = &rest[..key.name];
        let marked = line.start + indent..at + key.name;
        if let Some(d) = lines_up(&mut levels, column, previous.as_ref()) {
            return Some(d.at(src, marked));
        }
        let after = &rest[key.value..];
        let value = after.trim();
        let value_at = at + key.value + (after.len() - after.trim_start().len());
        if let Some(d) = unclosed_quote(src, value_at, value) {
            return Some(d);
        }
        if !value.starts_with(['"', '\'', '[', '{', '|', '>'])
            && let Some(i) = plain(value).find(": ")
        {
            let quoted = format!("{name}: \"{}\"", plain(value).trim_end());
            return Some(
                Diagnostic::error(t!("yaml-colon-in-text", key = name))
                    .at(src, value_at + i..value_at + i + 1)
                    .hint(t!("yaml-colon-in-text.hint", line = quoted)),
            );
        }
        if value.starts_with(['|', '>']) {
            skip_deeper_than = Some(indent);
        }
        if value.starts_with(['[', '{']) && depth_change(plain(value)) > 0 {
            skip_deeper_than = Some(indent);
            open = Some(Open {
                at: value_at,
                bracket: value.chars().next().unwrap_or('['),
                depth: depth_change(plain(value)),
            });
        }
        previous = Some(KeyLine {
            column,
            opens: value.is_empty() || value.starts_with('#'),
            name: name.to_string(),
        });
    }
    open.and_then(|o| o.unclosed(src))
}

/// A list (`[`) or group (`{`) opened in a value, and how many levels are still open.
struct Open {
    at: usize,
    bracket: char,
    depth: i64,
}

impl Open {
    fn unclosed(&self, src: &Arc<Source>) -> Option<Diagnostic> {
        let close = if self.bracket == '{' { '}' } else { ']' };
        (self.depth > 0).then(|| {
            Diagnostic::error(t!(
                "yaml-unclosed-bracket",
                open = self.bracket,
                close = close
            ))
            .at(src, self.at..self.at + 1)
            .hint(t!(
                "yaml-unclosed-bracket.hint",
                open = self.bracket,
                close = close
            ))
        })
    }
}

/// Brackets opened minus brackets closed (outside quotes, roughly: a bracket inside quoted
/// text is rare in these files, and this only explains a refusal the parser already made).
fn depth_change(text: &str) -> i64 {
    let count = |set: [char; 2]| i64::try_from(text.matches(set).count()).unwrap_or(i64::MAX);
    count(['[', '{']) - count([']', '}'])
}

/// A line with a key, as the next line sees it.
struct KeyLine {
    column: usize,
    /// Its value is still to come, on the lines below (indented further).
    opens: bool,
    name: String,
}

/// Whether a key at `column` lines up with the mappings open above it; a diagnostic (without
/// its place) if not.
fn lines_up(
    levels: &mut Vec<usize>,
    column: usize,
    previous: Option<&KeyLine>,
) -> Option<Diagnostic> {
    let outermost = levels.first().copied();
    while levels.last().is_some_and(|&l| l > column) {
        levels.pop();
    }
    match (levels.last().copied(), previous) {
        (Some(l), _) if l == column => None,
        (Some(l), Some(p)) if p.column == l && p.opens => {
            levels.push(column);
            None
        }
        (Some(l), Some(p)) if p.column == l => Some(
            Diagnostic::error(t!("yaml-indented-too-far", key = p.name.as_str())).hint(t!(
                "yaml-indented-too-far.hint",
                key = p.name.as_str(),
                spaces = l
            )),
        ),
        (None, _) if outermost.is_none() => {
            levels.push(column);
            None
        }
        (level, p) => {
            let (key, spaces) = match p {
                Some(p) => (p.name.clone(), p.column),
                None => (String::new(), level.or(outermost).unwrap_or(0)),
            };
            Some(Diagnostic::error(t!("yaml-indent-mismatch")).hint(t!(
                "yaml-indent-mismatch.hint",
                key = key,
                spaces = spaces
            )))
        }
    }
}

/// `title Over ons` as it should be: `title: Over ons`.
fn missing_colon(rest: &str) -> String {
    match rest.split_once(char::is_whitespace) {
        Some((word, after)) => format!("{word}: {}", after.trim_start()),
        None => format!("{rest}:"),
    }
}

/// A value that opens a quote and does not close it on its line.
fn unclosed_quote(src: &Arc<Source>, at: usize, value: &str) -> Option<Diagnostic> {
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let inner = &value[1..];
    let closed = match quote {
        '"' => {
            let mut escaped = false;
            inner.chars().any(|c| {
                let end = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                end
            })
        }
        // In single quotes, '' is a quote inside the text.
        _ => inner.replace("''", "").contains('\''),
    };
    (!closed).then(|| {
        Diagnostic::error(t!("yaml-unclosed-quote", quote = quote))
            .at(src, at..at + 1)
            .hint(t!("yaml-unclosed-quote.hint", quote = quote))
    })
}

/// A value without its comment.
fn plain(value: &str) -> &str {
    value.find(" #").map_or(value, |i| &value[..i])
}

/// Past a list item's `- ` (or several): the column where the item's content starts.
fn strip_item(content: &str, indent: usize) -> (usize, bool) {
    let mut column = indent;
    let mut rest = content;
    let mut item = false;
    while let Some(after) = rest
        .strip_prefix("- ")
        .or_else(|| (rest == "-").then_some(""))
    {
        item = true;
        let trimmed = after.trim_start();
        column += rest.len() - trimmed.len();
        rest = trimmed;
    }
    (column, item)
}

/// Where a line's key ends and its value starts (byte offsets in `rest`).
struct Key {
    name: usize,
    value: usize,
}

fn split_key(rest: &str) -> Option<Key> {
    let name_end = match rest.chars().next()? {
        q @ ('"' | '\'') => 1 + rest[1..].find(q)? + 1,
        '#' | '[' | '{' | '|' | '>' => return None,
        _ => {
            let mut end = None;
            for (i, c) in rest.char_indices() {
                if c == '#' && rest[..i].ends_with(' ') {
                    break;
                }
                if c == ':' && rest[i + 1..].chars().next().is_none_or(|n| n == ' ') {
                    end = Some(i);
                    break;
                }
            }
            end?
        }
    };
    let after = &rest[name_end..];
    let colon = after.len() - after.trim_start_matches(' ').len();
    after[colon..].starts_with(':').then_some(Key {
        name: name_end,
        value: name_end + colon + 1,
    })
}

struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn lines(src: &Source, range: Range<usize>) -> impl Iterator<Item = Line<'_>> {
    let mut offset = range.start;
    src.text[range].split_inclusive('\n').map(move |text| {
        let line = Line {
            start: offset,
            text: text.trim_end_matches(['\n', '\r']),
        };
        offset += text.len();
        line
    })
}

#[cfg(test)]
mod tests;
