//! A YAML document as a tree that remembers where every key and value was written.
//!
//! serde_yaml gives typed values but forgets positions; checks that run after parsing
//! (an unknown municipality in item 7 of a list, a phone number that is not one) use this
//! tree to point at the exact text an editor has to change.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::depth::{self, MAX_DEPTH};
use super::mistakes;
use crate::diag::{Diagnostic, Source};
use crate::messages::Text;
use crate::t;

/// A YAML node with its byte span in the source file.
#[derive(Debug, Clone)]
pub enum Node {
    Scalar {
        text: String,
        /// Written in quotes: never a number, boolean or null.
        quoted: bool,
        span: Range<usize>,
    },
    Seq {
        items: Vec<Node>,
        span: Range<usize>,
    },
    Map {
        entries: Vec<Entry>,
        span: Range<usize>,
    },
    /// `*anchor` references are not expanded: registry files have no use for them.
    Alias { span: Range<usize> },
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

impl Node {
    pub fn span(&self) -> Range<usize> {
        match self {
            Node::Scalar { span, .. }
            | Node::Seq { span, .. }
            | Node::Map { span, .. }
            | Node::Alias { span } => span.clone(),
        }
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match self {
            Node::Map { entries, .. } => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// Items of a sequence (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match self {
            Node::Seq { items, .. } => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Span of `key`'s value, else of the key, else of this node.
    pub fn value_span(&self, key: &str) -> Range<usize> {
        match self.entry(key) {
            Some(e) => e.value.span(),
            None => self.span(),
        }
    }

    /// Reports every key of this mapping not in `known`, suggesting the nearest known key.
    pub fn unknown_keys(
        &self,
        src: &Arc<Source>,
        known: &[&str],
        what: impl Into<Text>,
    ) -> Vec<Diagnostic> {
        let Node::Map { entries, .. } = self else {
            return Vec::new();
        };
        let what = what.into();
        entries
            .iter()
            .filter(|e| !known.contains(&e.key.as_str()))
            .map(|e| super::unknown_key(src, e, known, &what, "yaml-unknown-key.hint-allowed"))
            .collect()
    }

    /// The spans (key to end of value) of this mapping's entries whose key is not in `known`.
    pub fn entries_outside(&self, known: &[&str]) -> Vec<Range<usize>> {
        let Node::Map { entries, .. } = self else {
            return Vec::new();
        };
        entries
            .iter()
            .filter(|e| !known.contains(&e.key.as_str()))
            .map(|e| e.key_span.start..e.value.span().end.max(e.key_span.end))
            .collect()
    }

    /// The mappings in this node and below, this one first.
    fn maps(&self) -> Vec<&[Entry]> {
        let mut out = Vec::new();
        let mut todo = vec![self];
        while let Some(node) = todo.pop() {
            match node {
                Node::Map { entries, .. } => {
                    out.push(entries.as_slice());
                    todo.extend(entries.iter().rev().map(|e| &e.value));
                }
                Node::Seq { items, .. } => todo.extend(items.iter().rev()),
                _ => {}
            }
        }
        out
    }
}

/// Every entry whose key its mapping already had, with the first one (one pass per mapping,
/// so a mapping of many keys costs no more than reading it).
fn repeats(root: &Node) -> Vec<(&Entry, &Entry)> {
    let mut out = Vec::new();
    for entries in root.maps() {
        let mut first: HashMap<&str, &Entry> = HashMap::with_capacity(entries.len());
        for e in entries {
            match first.get(e.key.as_str()) {
                Some(f) => out.push((e, *f)),
                None => {
                    first.insert(&e.key, e);
                }
            }
        }
    }
    out
}

/// A key written a second time in the same mapping, at its own line, naming the first.
pub fn duplicate_keys(src: &Arc<Source>, root: &Node) -> Vec<Diagnostic> {
    repeats(root)
        .into_iter()
        .map(|(e, first)| {
            Diagnostic::error(t!("yaml-duplicate-key", key = e.key.as_str()))
                .at(src, e.key_span.clone())
                .hint(t!("yaml-duplicate-key.hint", key = e.key.as_str()))
                .related(src, first.key_span.start)
        })
        .collect()
}

/// The spans of the entries [`duplicate_keys`] reports (key to end of value).
pub fn repeated_entries(root: &Node) -> Vec<Range<usize>> {
    repeats(root)
        .into_iter()
        .map(|(e, _)| e.key_span.start..e.value.span().end.max(e.key_span.end))
        .collect()
}

/// The innermost entry whose value is written at byte `offset`: its key and value.
pub fn entry_at(root: &Node, offset: usize) -> Option<(&str, &Node)> {
    root.maps()
        .into_iter()
        .flatten()
        .filter(|e| e.value.span().contains(&offset) || e.value.span().start == offset)
        .min_by_key(|e| e.value.span().len())
        .map(|e| (e.key.as_str(), &e.value))
}

/// Parses the YAML document in `range` of `src` into a [`Node`] tree.
pub fn parse(src: &Arc<Source>, range: Range<usize>) -> Result<Node, Diagnostic> {
    parse_as(src, range, &t!("yaml-what-file"))
}

/// [`parse`], naming what is read (`what`) in its messages.
pub fn parse_as(src: &Arc<Source>, range: Range<usize>, what: &Text) -> Result<Node, Diagnostic> {
    let text = &src.text[range.clone()];
    // saphyr reports positions in characters; map them back to bytes.
    let mut char_to_byte: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    char_to_byte.push(text.len());
    let byte = |chars: usize| range.start + char_to_byte[chars.min(char_to_byte.len() - 1)];

    let mut stack: Vec<Builder> = Vec::new();
    let mut root: Option<Node> = None;
    for next in Parser::new_from_str(text) {
        let (event, span) = next.map_err(|e| {
            let at = byte(e.marker().index());
            if depth::is_saphyr_limit(e.info()) {
                return depth::too_deep(src, at, what);
            }
            mistakes::find(src, range.clone(), at).unwrap_or_else(|| {
                Diagnostic::error(t!(
                    "yaml-unreadable",
                    what = what.clone(),
                    detail = e.info()
                ))
                .at(src, at..at)
                .hint(t!("yaml-unreadable.hint"))
            })
        })?;
        let (start, end) = (byte(span.start.index()), byte(span.end.index()));
        let node = match event {
            Event::Scalar(value, style, _, _) => {
                // Plain scalars end where their text ends; quoted ones include the quotes.
                let end = if end > start {
                    end
                } else {
                    start + value.len()
                };
                Some(Node::Scalar {
                    text: value.into_owned(),
                    quoted: !matches!(style, ScalarStyle::Plain),
                    span: start..end,
                })
            }
            Event::Alias(_) => Some(Node::Alias { span: start..end }),
            Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                return Err(depth::too_deep(src, start, what));
            }
            Event::SequenceStart(..) => {
                stack.push(Builder::Seq(start, Vec::new()));
                None
            }
            Event::MappingStart(..) => {
                stack.push(Builder::Map(start, Vec::new(), None));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Builder::Seq(s, items)) => {
                    let e = items.last().map_or(end, |n: &Node| n.span().end);
                    Some(Node::Seq { items, span: s..e })
                }
                Some(Builder::Map(s, entries, _)) => {
                    let e = entries.last().map_or(end, |en: &Entry| en.value.span().end);
                    Some(Node::Map {
                        entries,
                        span: s..e,
                    })
                }
                None => None,
            },
            _ => None,
        };
        if let Some(node) = node {
            match stack.last_mut() {
                Some(Builder::Seq(_, items)) => items.push(node),
                Some(Builder::Map(_, entries, pending)) => match pending.take() {
                    None => *pending = Some(node),
                    Some(key) => entries.push(Entry {
                        key: match &key {
                            Node::Scalar { text, .. } => text.clone(),
                            _ => String::new(),
                        },
                        key_span: key.span(),
                        value: node,
                    }),
                },
                None => root = root.or(Some(node)),
            }
        }
    }
    Ok(root.unwrap_or(Node::Map {
        entries: Vec::new(),
        span: range.start..range.start,
    }))
}

enum Builder {
    Seq(usize, Vec<Node>),
    Map(usize, Vec<Entry>, Option<Node>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_nested_values() {
        let src = Source::new(
            "x.yaml",
            "name: Één\nlist:\n  - Utrecht\n  - municipality: \"Zeist\"\n    ages: 0-17\n",
        );
        let root = parse(&src, 0..src.text.len()).unwrap();
        assert_eq!(&src.text[root.value_span("name")], "Één");
        let items = root.get("list").unwrap().items();
        assert_eq!(&src.text[items[0].span()], "Utrecht");
        assert_eq!(&src.text[items[1].value_span("municipality")], "\"Zeist\"");
        assert_eq!(items[1].get("ages").unwrap().as_str(), Some("0-17"));
    }

    #[test]
    fn unknown_nested_key_suggested() {
        let src = Source::new("x.yaml", "a:\n  - naem: X\n");
        let root = parse(&src, 0..src.text.len()).unwrap();
        let item = &root.get("a").unwrap().items()[0];
        let errs = item.unknown_keys(&src, &["name", "phone"], "a coordinator");
        assert_eq!((errs[0].line(), errs[0].column()), (2, 5));
        assert_eq!(errs[0].hint_text().as_deref(), Some("did you mean `name`?"));
    }

    #[test]
    fn syntax_error_has_position() {
        let src = Source::new("x.yaml", "a: [1,\nb: 2\n");
        let err = parse(&src, 0..src.text.len()).unwrap_err();
        assert!(
            err.line() == 1 && err.code() == "yaml-unclosed-bracket",
            "{err:?}"
        );
    }
}
