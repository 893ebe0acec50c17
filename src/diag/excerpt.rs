//! What a message quotes of its file: the line of the mistake, and for a line longer than a
//! screen only a stretch around the mistake, so a runaway line (100,000 `[`, a minified file)
//! is not printed whole. Line and column numbers stay those of the whole file.

use std::ops::Range;

use codespan_reporting::files::{Error, Files, SimpleFile};

/// Characters shown either side of the mistake on a long line.
const AROUND: usize = 60;
/// Lines longer than this (in bytes), and spans over more lines than [`MAX_LINES`], are cut.
const LONG_LINE: usize = 240;
const MAX_LINES: usize = 8;

/// A stretch of one file, standing in for the whole file when a message is printed.
pub struct Excerpt<'a> {
    name: &'a str,
    text: String,
    /// Line number (1-based) of the excerpt's first line in the file.
    first_line: usize,
    /// Characters of the first line cut off before the excerpt (less the `…` shown instead).
    shift: usize,
}

/// What stands in for one file when a message is printed: the file itself when its lines are
/// short, else an excerpt.
pub enum View<'a> {
    Whole(SimpleFile<&'a str, &'a str>),
    Cut(Excerpt<'a>),
}

/// The view to quote `span` of `text` in, with the span inside that view.
pub fn quote<'a>(name: &'a str, text: &'a str, span: Range<usize>) -> (View<'a>, Range<usize>) {
    let start = floor(text, span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = floor(text, span.end.clamp(start, text.len()));
    let last_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let lines = text[line_start..last_end].matches('\n').count() + 1;
    let longest = text[line_start..last_end]
        .split('\n')
        .map(str::len)
        .max()
        .unwrap_or(0);
    if longest <= LONG_LINE && lines <= MAX_LINES {
        return (View::Whole(SimpleFile::new(name, text)), span);
    }
    // One line only, and on it at most AROUND characters before and after the mistake.
    let end = end.min(line_end);
    let from = back(text, start, AROUND).max(line_start);
    let to = forth(text, end.max(start), AROUND).min(line_end);
    let mut cut = String::new();
    let mut shift = text[line_start..from].chars().count();
    if from > line_start {
        cut.push('…');
        shift -= 1;
    }
    let offset = cut.len();
    cut.push_str(&text[from..to]);
    if to < line_end {
        cut.push('…');
    }
    let first_line = text[..line_start].matches('\n').count() + 1;
    let span = offset + start - from..offset + end - from;
    (
        View::Cut(Excerpt {
            name,
            text: cut,
            first_line,
            shift,
        }),
        span,
    )
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset `n` characters before `i` (or the start).
fn back(text: &str, i: usize, n: usize) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(j, _)| j)
}

/// The byte offset `n` characters after `i` (or the end).
fn forth(text: &str, i: usize, n: usize) -> usize {
    text[i..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(j, _)| i + j)
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self.first_line + line_index)
    }

    fn column_number(&'a self, (): (), _: usize, byte_index: usize) -> Result<usize, Error> {
        let before = self.text.get(..byte_index).map_or(0, |s| s.chars().count());
        Ok(self.shift + before + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        match line_index {
            0 => Ok(0..self.text.len()),
            _ => Err(Error::LineTooLarge {
                given: line_index,
                max: 0,
            }),
        }
    }
}

/// A view answers as the file it stands for.
impl<'a> Files<'a> for View<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: ()) -> Result<&'a str, Error> {
        match self {
            View::Whole(f) => Files::name(f, id),
            View::Cut(e) => e.name(id),
        }
    }

    fn source(&'a self, id: ()) -> Result<&'a str, Error> {
        match self {
            View::Whole(f) => Files::source(f, id),
            View::Cut(e) => e.source(id),
        }
    }

    fn line_index(&'a self, id: (), byte_index: usize) -> Result<usize, Error> {
        match self {
            View::Whole(f) => f.line_index(id, byte_index),
            View::Cut(e) => e.line_index(id, byte_index),
        }
    }

    fn line_number(&'a self, id: (), line_index: usize) -> Result<usize, Error> {
        match self {
            View::Whole(f) => f.line_number(id, line_index),
            View::Cut(e) => e.line_number(id, line_index),
        }
    }

    fn column_number(&'a self, id: (), line: usize, byte_index: usize) -> Result<usize, Error> {
        match self {
            View::Whole(f) => f.column_number(id, line, byte_index),
            View::Cut(e) => e.column_number(id, line, byte_index),
        }
    }

    fn line_range(&'a self, id: (), line_index: usize) -> Result<Range<usize>, Error> {
        match self {
            View::Whole(f) => f.line_range(id, line_index),
            View::Cut(e) => e.line_range(id, line_index),
        }
    }
}

/// The views one message quotes: the place at fault, and the place that explains it when that
/// is in another file (or too far away on a long line to share the first view).
pub struct Views<'a>(pub Vec<View<'a>>);

impl<'a> Views<'a> {
    fn get(&self, id: usize) -> Result<&View<'a>, Error> {
        self.0.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Views<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        self.get(id)?.name(())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        self.get(id)?.source(())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        self.get(id)?.line_index((), byte_index)
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        self.get(id)?.line_number((), line_index)
    }

    fn column_number(&'a self, id: usize, line: usize, byte_index: usize) -> Result<usize, Error> {
        self.get(id)?.column_number((), line, byte_index)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        self.get(id)?.line_range((), line_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostic, Source};

    #[test]
    fn a_runaway_line_is_quoted_around_the_mistake_with_its_true_position() {
        let text = format!("---\ntitle: X\n{}é{}\n", "[".repeat(100_000), "]".repeat(5));
        let src = Source::new("content/nl/x.md", text);
        let at = 13 + 70_000;
        let shown = Diagnostic::error("too deep")
            .at(&src, at..at + 1)
            .render(crate::messages::Lang::En);
        assert!(shown.len() < 1_000, "{} bytes", shown.len());
        assert!(shown.contains("content/nl/x.md:3:70001"), "{shown}");
        assert!(shown.contains("3 │ …[[["), "{shown}");
        let (View::Cut(excerpt), span) = quote("x", &src.text, at..at + 1) else {
            panic!("not cut");
        };
        assert!(!excerpt.text.contains('\n'));
        assert_eq!(
            excerpt.location((), span.start).unwrap().column_number,
            70_001
        );
        // Short lines are quoted as they are.
        let src = Source::new("a.md", "ab\ncd\n");
        let shown = Diagnostic::error("x")
            .at(&src, 3..4)
            .render(crate::messages::Lang::En);
        assert!(shown.contains("2 │ cd"), "{shown}");
    }
}
