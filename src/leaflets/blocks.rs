//! A leaflet's Markdown as plain data for the typesetter: headings, paragraphs, lists and
//! inline emphasis and links. The text travels as strings, never as typesetting markup, so no
//! character an editor types (`#`, `$`, `//`, `'`, `@`, `\`) can change the layout; what a
//! printed leaflet cannot show (images, tables, code, HTML, footnotes) is an error at its line.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::content::markdown::{OPTIONS, is_local};
use crate::content::rules::{self, Depth};
use crate::diag::{Diagnostic, Source};
use crate::messages::Text;
use crate::t;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Block {
    Heading {
        level: u8,
        c: Vec<Inline>,
    },
    Para {
        c: Vec<Inline>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote {
        c: Vec<Block>,
    },
    Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Inline {
    Text {
        s: String,
    },
    Strong {
        c: Vec<Inline>,
    },
    Em {
        c: Vec<Inline>,
    },
    Strike {
        c: Vec<Inline>,
    },
    /// `shown` is the address printed after the text, for readers of paper.
    Link {
        url: String,
        shown: String,
        c: Vec<Inline>,
    },
    Br,
}

/// Where links of the page lead when printed: `/kaart/` → `https://…/kaart/`.
pub struct LinkBase<'a> {
    /// The site's base URL with its trailing slash.
    pub base_url: &'a str,
}

impl LinkBase<'_> {
    fn absolute(&self, dest: &str) -> Option<String> {
        if dest.starts_with('#') {
            return None; // an anchor on the web page means nothing on paper
        }
        if is_local(dest) {
            let rest = dest.trim_start_matches("./").trim_start_matches('/');
            return Some(format!("{}{rest}", self.base_url));
        }
        Some(dest.to_string())
    }
}

/// An address as printed on paper: without `https://`, `mailto:` or `tel:`.
pub fn shown(url: &str) -> String {
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
        .unwrap_or(url)
        .to_string()
}

/// Left-to-right text (a number, a name, an address) kept in its order inside right-to-left
/// text: a left-to-right isolate, U+2066 … U+2069.
pub fn isolate(s: &str) -> String {
    format!("\u{2066}{s}\u{2069}")
}

/// Converts the Markdown body of `src` (from `body_start`) to blocks; every construct a printed
/// leaflet cannot show is reported at its position (and left out of the blocks).
pub fn parse(
    src: &Arc<Source>,
    body_start: usize,
    base: &LinkBase,
) -> (Vec<Block>, Vec<Diagnostic>) {
    let body = &src.text[body_start..];
    let mut b = Builder {
        src,
        body_start,
        stack: vec![Frame::Blocks(Vec::new())],
        errors: Vec::new(),
        base,
    };
    // Links to missing reference definitions are reported by the HTML renderer already.
    let mut depth = Depth::default();
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        depth.see(&event, &range);
        if depth.too_deep.is_some() {
            // Nothing deeper is built: the blocks are a tree, and its depth must stay bounded.
            break;
        }
        b.event(event, range);
    }
    if let Some(d) = depth.error(src, body_start) {
        b.errors.push(d);
        return (Vec::new(), b.errors);
    }
    let blocks = match b.stack.pop() {
        Some(Frame::Blocks(blocks)) if b.stack.is_empty() => blocks,
        _ => Vec::new(),
    };
    (blocks, b.errors)
}

enum Frame {
    Blocks(Vec<Block>),
    Inlines(InlineKind, Vec<Inline>),
    List(bool, u64, Vec<Vec<Block>>),
    /// Something refused: its content is skipped up to the matching end.
    Skip(usize),
}

#[derive(Clone)]
enum InlineKind {
    Heading(u8),
    Para,
    Strong,
    Em,
    Strike,
    Link(Option<(String, String)>),
}

struct Builder<'a> {
    src: &'a Arc<Source>,
    body_start: usize,
    stack: Vec<Frame>,
    errors: Vec<Diagnostic>,
    base: &'a LinkBase<'a>,
}

impl Builder<'_> {
    /// `what` names the construct for the message (`image`, `table`, …; see the catalogue's
    /// `leaflet-unprintable`), `hint` says what to write instead.
    fn refuse(&mut self, range: Range<usize>, what: &'static str, hint: Text) {
        let span = self.body_start + range.start..self.body_start + range.end;
        self.errors.push(
            Diagnostic::error(t!("leaflet-unprintable", what = what))
                .at(self.src, span)
                .hint(hint),
        );
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        if let Some(Frame::Skip(depth)) = self.stack.last_mut() {
            match event {
                Event::Start(_) => *depth += 1,
                Event::End(_) if *depth == 0 => {
                    self.stack.pop();
                }
                Event::End(_) => *depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(end),
            Event::Text(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inline(Inline::Br),
            Event::Rule => self.block(Block::Rule),
            Event::Code(_) => self.refuse(range, "code", t!("leaflet-unprintable.hint-code")),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.refuse(range, "html", t!("leaflet-unprintable.hint-html-inline"))
            }
            Event::FootnoteReference(_) => self.refuse(
                range,
                "footnote",
                t!("leaflet-unprintable.hint-footnote-reference"),
            ),
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.refuse(range, "math", t!("leaflet-unprintable.hint-math"))
            }
            Event::TaskListMarker(_) => {
                self.refuse(range, "checkbox", t!("leaflet-unprintable.hint-checkbox"))
            }
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlineKind::Para, Vec::new()),
            Tag::Heading { level, .. } => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                Frame::Inlines(InlineKind::Heading(level), Vec::new())
            }
            Tag::List(start) => Frame::List(start.is_some(), start.unwrap_or(1), Vec::new()),
            Tag::Item | Tag::BlockQuote(_) => Frame::Blocks(Vec::new()),
            Tag::Emphasis => Frame::Inlines(InlineKind::Em, Vec::new()),
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Strikethrough => Frame::Inlines(InlineKind::Strike, Vec::new()),
            Tag::Link { dest_url, .. } => {
                if let Err(refusal) = rules::link(&dest_url) {
                    let span = self.body_start + range.start..self.body_start + range.end;
                    self.errors.push(refusal.error(false, self.src, span));
                    self.stack
                        .push(Frame::Inlines(InlineKind::Link(None), Vec::new()));
                    return;
                }
                let link = self.base.absolute(&dest_url).map(|url| {
                    let printed = shown(&url);
                    (url, printed)
                });
                Frame::Inlines(InlineKind::Link(link), Vec::new())
            }
            Tag::Image { .. } => {
                self.refuse(range, "image", t!("leaflet-unprintable.hint-image"));
                Frame::Skip(0)
            }
            Tag::Table(_) => {
                self.refuse(range, "table", t!("leaflet-unprintable.hint-table"));
                Frame::Skip(0)
            }
            Tag::CodeBlock(_) => {
                self.refuse(
                    range,
                    "code-block",
                    t!("leaflet-unprintable.hint-code-block"),
                );
                Frame::Skip(0)
            }
            Tag::HtmlBlock => {
                self.refuse(range, "html", t!("leaflet-unprintable.hint-html"));
                Frame::Skip(0)
            }
            Tag::FootnoteDefinition(_) => {
                self.refuse(range, "footnote", t!("leaflet-unprintable.hint-footnote"));
                Frame::Skip(0)
            }
            Tag::DefinitionList | Tag::MetadataBlock(_) => {
                self.refuse(range, "other", t!("leaflet-unprintable.hint-other"));
                Frame::Skip(0)
            }
            Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript => Frame::Skip(0),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, end: TagEnd) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match (frame, end) {
            (Frame::Inlines(kind, c), _) => match kind {
                InlineKind::Para => self.block(Block::Para { c }),
                InlineKind::Heading(level) => self.block(Block::Heading { level, c }),
                InlineKind::Strong => self.inline(Inline::Strong { c }),
                InlineKind::Em => self.inline(Inline::Em { c }),
                InlineKind::Strike => self.inline(Inline::Strike { c }),
                InlineKind::Link(None) => {
                    for i in c {
                        self.inline(i);
                    }
                }
                InlineKind::Link(Some((url, shown))) => self.inline(Inline::Link { url, shown, c }),
            },
            (Frame::List(ordered, start, items), _) => self.block(Block::List {
                ordered,
                start,
                items,
            }),
            (Frame::Blocks(blocks), TagEnd::Item) => {
                if let Some(Frame::List(_, _, items)) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            (Frame::Blocks(c), TagEnd::BlockQuote(_)) => self.block(Block::Quote { c }),
            (frame, _) => self.stack.push(frame),
        }
    }

    fn block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(blocks)) => blocks.push(block),
            // Tight list items hold their text without a paragraph.
            _ => {
                if let Block::Para { c } = block {
                    for i in c {
                        self.inline(i);
                    }
                }
            }
        }
    }

    fn inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(Frame::Inlines(_, c)) => {
                if let (Inline::Text { s: new }, Some(Inline::Text { s })) = (&inline, c.last_mut())
                {
                    s.push_str(new);
                } else {
                    c.push(inline);
                }
            }
            // Text straight in a tight list item: give it a paragraph of its own.
            Some(Frame::Blocks(blocks)) => match blocks.last_mut() {
                Some(Block::Para { c }) if !matches!(inline, Inline::Br) => c.push(inline),
                _ => blocks.push(Block::Para { c: vec![inline] }),
            },
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        self.inline(Inline::Text { s: t.to_string() });
    }
}

/// Headings may go down one level at a time below the leaflet's title (level 1): a tagged
/// PDF's outline, like a web page's, must not skip a level.
pub fn check_headings(
    src: &Arc<Source>,
    body_start: usize,
    blocks: &[Block],
) -> Result<(), Diagnostic> {
    let mut previous = 1;
    for b in blocks {
        if let Block::Heading { level, .. } = b {
            if *level > previous + 1 {
                let marker = "#".repeat(usize::from(*level));
                let at = find_heading(&src.text[body_start..], &marker)
                    .map_or(0..3, |i| body_start + i..body_start + i + marker.len());
                return Err(Diagnostic::error(t!(
                    "leaflet-heading-skip",
                    level = *level,
                    previous = previous
                ))
                .at(src, at)
                .hint(t!(
                    "leaflet-heading-skip.hint",
                    marker = "#".repeat(usize::from(previous) + 1)
                )));
            }
            previous = *level;
        }
    }
    Ok(())
}

/// Offset of the first line starting with exactly `marker` and a space.
fn find_heading(body: &str, marker: &str) -> Option<usize> {
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line
            .strip_prefix(marker)
            .is_some_and(|r| r.starts_with(' '))
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Wraps numbers written in groups (`010 123 45 67`, `1234 AB`, `8:30`) in a left-to-right
/// isolate (U+2066 … U+2069), so right-to-left text does not reverse the order of the groups.
pub fn isolate_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Digits, with single separators between digits.
        let start = i;
        let mut end = i;
        let mut grouped = false;
        while end < chars.len() && chars[end].is_ascii_digit() {
            end += 1;
            if end + 1 < chars.len()
                && matches!(chars[end], ' ' | '-' | ':' | '.' | '/')
                && chars[end + 1].is_ascii_digit()
            {
                grouped = true;
                end += 1;
            }
        }
        // A postcode: four digits, an optional space, two capital letters.
        let rest = &chars[end..];
        let letters = |r: &[char]| {
            r.len() >= 2
                && r[0].is_ascii_uppercase()
                && r[1].is_ascii_uppercase()
                && r.get(2).is_none_or(|c| !c.is_alphanumeric())
        };
        if end - start == 4 && letters(rest) {
            grouped = true;
            end += 2;
        } else if end - start == 4 && rest.first() == Some(&' ') && letters(&rest[1..]) {
            grouped = true;
            end += 3;
        }
        let run: String = chars[start..end].iter().collect();
        if grouped {
            out.push_str(&isolate(&run));
        } else {
            out.push_str(&run);
        }
        i = end;
    }
    out
}

/// [`isolate_numbers`] over every text of the blocks.
pub fn isolate_blocks(blocks: &mut [Block]) {
    fn inlines(c: &mut [Inline]) {
        for i in c {
            match i {
                Inline::Text { s } => *s = isolate_numbers(s),
                Inline::Strong { c } | Inline::Em { c } | Inline::Strike { c } => inlines(c),
                Inline::Link { c, shown, .. } => {
                    *shown = isolate(shown);
                    inlines(c)
                }
                Inline::Br => {}
            }
        }
    }
    for b in blocks {
        match b {
            Block::Heading { c, .. } | Block::Para { c } => inlines(c),
            Block::List { items, .. } => items.iter_mut().for_each(|i| isolate_blocks(i)),
            Block::Quote { c } => isolate_blocks(c),
            Block::Rule => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Result<Vec<Block>, Vec<Diagnostic>> {
        let src = Source::new("content/nl/folder.md", md);
        let (blocks, errors) = parse(
            &src,
            0,
            &LinkBase {
                base_url: "https://example.org/hs/",
            },
        );
        if errors.is_empty() {
            Ok(blocks)
        } else {
            Err(errors)
        }
    }

    fn text(s: &str) -> Inline {
        Inline::Text { s: s.into() }
    }

    #[test]
    fn markup_characters_stay_text() {
        let md = "Bel om 8:30'da \\# $5 a // b \\<b> @x [x] \\\\ *\\_*\n";
        let got = blocks(md).unwrap();
        let Block::Para { c } = &got[0] else {
            panic!("{got:?}")
        };
        // Every character arrives as text; only `*…*` became emphasis.
        assert_eq!(c[0], text("Bel om 8:30’da # $5 a // b <b> @x [x] \\ "));
        assert!(matches!(&got[0], Block::Para { .. }));
        let all = serde_json::to_string(&got).unwrap();
        for s in ["@x", "[x]", "\\\\", "_", "$5", "// b", "<b>"] {
            assert!(all.contains(s), "{s} in {all}");
        }
    }

    #[test]
    fn structure_and_links() {
        let md = "## Voor wie?\n\n- een\n- **twee** [kaart](/kaart/)\n\n1. a\n\n   b\n";
        let got = blocks(md).unwrap();
        assert_eq!(
            got[0],
            Block::Heading {
                level: 2,
                c: vec![text("Voor wie?")]
            }
        );
        let Block::List { ordered, items, .. } = &got[1] else {
            panic!()
        };
        assert!(!ordered);
        assert_eq!(
            items[0],
            vec![Block::Para {
                c: vec![text("een")]
            }]
        );
        assert_eq!(
            items[1],
            vec![Block::Para {
                c: vec![
                    Inline::Strong {
                        c: vec![text("twee")]
                    },
                    text(" "),
                    Inline::Link {
                        url: "https://example.org/hs/kaart/".into(),
                        shown: "example.org/hs/kaart/".into(),
                        c: vec![text("kaart")]
                    }
                ]
            }]
        );
        let Block::List { ordered, items, .. } = &got[2] else {
            panic!()
        };
        assert!(ordered);
        assert_eq!(items[0].len(), 2, "loose item keeps both paragraphs");
    }

    #[test]
    fn unprintable_constructs_are_errors_at_their_line() {
        let md = "Tekst\n\n![foto](/img/a.jpg)\n\n| a |\n|---|\n| b |\n\n    code\n\n<div>x</div>\n\nzie `x`\n";
        let errs = blocks(md).unwrap_err();
        let lines: Vec<usize> = errs.iter().map(|d| d.line()).collect();
        assert_eq!(lines, vec![3, 5, 9, 11, 13], "{errs:?}");
        assert!(errs[0].message().contains("an image cannot be printed"));
    }

    #[test]
    fn grouped_numbers_are_isolated() {
        let (l, r) = ('\u{2066}', '\u{2069}');
        assert_eq!(
            isolate_numbers("اتصل 010 123 45 67."),
            format!("اتصل {l}010 123 45 67{r}.")
        );
        assert_eq!(isolate_numbers("3511 AB"), format!("{l}3511 AB{r}"));
        assert_eq!(isolate_numbers("3511AB x"), format!("{l}3511AB{r} x"));
        assert_eq!(
            isolate_numbers("0 tot 6 jaar, 28 weken"),
            "0 tot 6 jaar, 28 weken"
        );
        assert_eq!(isolate_numbers("8:30"), format!("{l}8:30{r}"));
        assert_eq!(isolate_numbers("1234 ABC"), "1234 ABC");
    }
}
