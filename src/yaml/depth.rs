//! Refuses YAML nested deeper than any real file before a parser that recurses or scans its
//! open levels is run on it: libyaml (behind serde_yaml) takes time quadratic in the depth of
//! flow collections (100,000 `[` took 78 s), and every walk over a tree recurses.
//!
//! The check streams saphyr-parser's events (linear, nothing kept) and stops at the first
//! level past [`MAX_DEPTH`], so its cost is bounded by what it reads up to there.

use std::ops::Range;
use std::sync::Arc;

use saphyr_parser::{Event, Parser};

use crate::diag::{Diagnostic, Source};
use crate::messages::Text;
use crate::t;

/// Deepest nesting of lists and mappings accepted. The deepest real file (a location's
/// municipality entry with its district list) has 3 levels; 64 leaves any hand-written
/// structure room while staying far below where parsers get slow or recurse deeply.
pub const MAX_DEPTH: usize = 64;

/// saphyr-parser's own limit on open `[`/`{` levels; it stops there before emitting events.
const SAPHYR_LIMIT: &str = "recursion limit exceeded";

/// An error at the first collection opened past [`MAX_DEPTH`], if the YAML in `range` has
/// one; syntax errors are left for the real parse to report.
pub fn check(src: &Arc<Source>, range: Range<usize>, what: &Text) -> Result<(), Diagnostic> {
    let text = &src.text[range.clone()];
    let mut depth = 0usize;
    // saphyr counts characters; positions are turned into bytes only for the one error.
    let at = |chars: usize| {
        range.start
            + text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(i, _)| i)
    };
    for next in Parser::new_from_str(text) {
        let (event, span) = match next {
            Ok(e) => e,
            Err(e) if is_saphyr_limit(e.info()) => {
                return Err(too_deep(src, at(e.marker().index()), what));
            }
            Err(_) => return Ok(()),
        };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep(src, at(span.start.index()), what));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Whether a saphyr-parser error is its own limit on open `[`/`{` levels (over 64 too).
pub fn is_saphyr_limit(info: &str) -> bool {
    info == SAPHYR_LIMIT
}

/// The error for YAML nested past [`MAX_DEPTH`], at byte `at` of `src`.
pub fn too_deep(src: &Arc<Source>, at: usize, what: &Text) -> Diagnostic {
    Diagnostic::error(t!("yaml-too-deep", what = what.clone(), max = MAX_DEPTH))
        .at(src, at..at)
        .hint(t!("yaml-too-deep.hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_error(text: &str) -> Option<(usize, usize)> {
        let src = Source::new("x.yaml", text);
        check(&src, 0..src.text.len(), &Text::from("x"))
            .err()
            .map(|d| (d.line(), d.column()))
    }

    /// `levels` mappings inside each other by indentation.
    fn indented(levels: usize) -> String {
        (0..levels)
            .map(|i| format!("{}a:\n", " ".repeat(i)))
            .collect()
    }

    #[test]
    fn real_nesting_passes() {
        assert_eq!(
            depth_error("a: [[1, 2], {b: [c]}]\nd:\n  - e: '[[[[[['\n"),
            None
        );
        assert_eq!(depth_error(&indented(MAX_DEPTH)), None);
        assert_eq!(
            depth_error(&format!("{}x\n", "- ".repeat(MAX_DEPTH - 1))),
            None
        );
    }

    #[test]
    fn block_nesting_stops_at_the_first_level_too_many() {
        // The root mapping is level 1: the mapping of line 65 is level 65.
        assert_eq!(
            depth_error(&indented(MAX_DEPTH + 1)),
            Some((MAX_DEPTH + 1, MAX_DEPTH + 1))
        );
        assert_eq!(
            depth_error(&indented(1000)),
            Some((MAX_DEPTH + 1, MAX_DEPTH + 1))
        );
        let dashes = format!("a:\n{}x\n", "- ".repeat(100_000));
        assert_eq!(depth_error(&dashes), Some((2, 2 * MAX_DEPTH - 1)));
    }

    #[test]
    fn flow_nesting_is_refused() {
        for open in ["[", "{a: "] {
            let text = format!("a: {}\n", open.repeat(100_000));
            let (line, column) = depth_error(&text).expect("refused");
            assert_eq!(line, 1);
            assert!(column > 3 + MAX_DEPTH, "{column}");
        }
    }
}
