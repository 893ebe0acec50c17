//! Markdown → HTML with the project's rules: heading ids, links that follow the base URL and
//! fingerprinted assets, and errors (with positions) for things that would break the page.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::assets::Assets;
use crate::content::frontmatter::slugify;
use crate::content::rules::{self, Depth};
use crate::diag::{Diagnostic, Source};
use crate::messages::Text;
use crate::t;

/// How site-relative links are rewritten: the same for every page of a build.
pub struct Links<'a> {
    pub base_path: &'a str,
    pub assets: &'a Assets,
}

impl Links<'_> {
    /// `/verwijzers/` → `{base}verwijzers/`; `/img/a.jpg` → `{base}img/a.1f2e3d4c5b.jpg`.
    /// Relative and external URLs are left alone.
    pub fn rewrite(&self, dest: &str) -> Option<String> {
        let rest = dest.strip_prefix('/')?;
        if rest.starts_with('/') {
            return None; // protocol-relative: external
        }
        let split = rest.find(['?', '#']).unwrap_or(rest.len());
        let (path, suffix) = rest.split_at(split);
        let path = match self.assets.fingerprinted(path) {
            Some(p) => p,
            None => path,
        };
        Some(format!("{}{path}{suffix}", self.base_path))
    }
}

pub struct Rendered {
    pub html: String,
    /// Plain text of the first paragraph, for descriptions and listings.
    pub summary: String,
    /// Ids of the headings.
    pub anchors: Vec<String>,
    /// Links and images to this site, for the link check after rendering.
    pub links: Vec<LocalLink>,
}

/// A link or image address to this site as written (`/contact/`, `#kopje`, `../over/`), with
/// where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalLink {
    pub span: std::ops::Range<usize>,
    pub dest: String,
}

/// Whether an address points into this site: root-relative, relative or a fragment.
pub fn is_local(dest: &str) -> bool {
    if dest.is_empty() || dest.starts_with("//") {
        return false;
    }
    // A scheme (`https:`, `mailto:`, `tel:`) comes before any `/`, `?` or `#`.
    let head = dest.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_SMART_PUNCTUATION)
    .union(Options::ENABLE_STRIKETHROUGH);

/// Renders the body of `src` starting at `body_start`.
///
/// The events stream from the parser to the HTML writer; only a heading's own events are held
/// back (its id is made from its text), so memory grows with the page, not with its events.
pub fn render(
    src: &Arc<Source>,
    body_start: usize,
    links: &Links,
    diags: &mut Vec<Diagnostic>,
) -> Rendered {
    let body = &src.text[body_start..];
    let mut broken = Vec::new();
    let mut callback = |link: pulldown_cmark::BrokenLink<'_>| {
        broken.push((link.span.clone(), link.reference.to_string()));
        None
    };
    let parser = Parser::new_with_broken_link_callback(body, OPTIONS, Some(&mut callback));
    let mut pass = Pass {
        src,
        body_start,
        links,
        diags: Vec::new(),
        ids: Ids::default(),
        anchors: Vec::new(),
        local: Vec::new(),
        summary: String::new(),
        summary_state: 0,
        images: Vec::new(),
        html_block: None,
        depth: Depth::default(),
    };
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        Stream {
            parser: parser.into_offset_iter(),
            pass: &mut pass,
            queue: VecDeque::new(),
        },
    );
    for (span, reference) in broken {
        diags.push(
            Diagnostic::error(t!("markdown-reference-undefined", reference = &reference))
                .at(src, body_start + span.start..body_start + span.end)
                .hint(t!(
                    "markdown-reference-undefined.hint",
                    reference = &reference
                )),
        );
    }
    pass.diags.extend(pass.depth.error(src, body_start));
    diags.append(&mut pass.diags);
    Rendered {
        html,
        summary: pass.summary.trim().to_string(),
        anchors: pass.anchors,
        links: pass.local,
    }
}

/// Heading ids made unique in time linear in the number of headings: each base id keeps the
/// last suffix it tried, so 20,000 identical headings do not try 1, 2, 3 … each time.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
    /// Candidates tried in all: at most about twice the number of headings.
    tries: usize,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            self.tries += 1;
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The parser's events on their way to the HTML writer, rewritten by [`Pass`].
struct Stream<'a, 'p, I> {
    parser: I,
    pass: &'p mut Pass<'a>,
    queue: VecDeque<Event<'a>>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Stream<'a, '_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(e) = self.queue.pop_front() {
                return Some(e);
            }
            let (event, range) = self.parser.next()?;
            if let Event::Start(Tag::Heading { .. }) = &event {
                let mut inner = Vec::new();
                for (e, r) in self.parser.by_ref() {
                    let end = matches!(e, Event::End(TagEnd::Heading(_)));
                    inner.push((e, r));
                    if end {
                        break;
                    }
                }
                let start = self.pass.heading(event, range, &inner);
                self.queue.push_back(start);
                for (e, r) in inner {
                    self.queue.extend(self.pass.event(e, r));
                }
                continue;
            }
            if let Some(e) = self.pass.event(event, range) {
                return Some(e);
            }
        }
    }
}

/// What rendering learns and reports along the way.
struct Pass<'a> {
    src: &'a Arc<Source>,
    body_start: usize,
    links: &'a Links<'a>,
    diags: Vec<Diagnostic>,
    ids: Ids,
    anchors: Vec<String>,
    local: Vec<LocalLink>,
    summary: String,
    /// 0 = before the first paragraph, 1 = inside it, 2 = done.
    summary_state: u8,
    /// Images being read, each with whether alternative text was seen yet.
    images: Vec<(Range<usize>, bool)>,
    /// An HTML block being read: where it starts, and its text.
    html_block: Option<(Range<usize>, String)>,
    depth: Depth,
}

impl<'a> Pass<'a> {
    fn error(&mut self, at: Range<usize>, message: Text, hint: Text) {
        self.diags
            .push(Diagnostic::error(message).at(self.src, at).hint(hint));
    }

    /// A heading's opening tag with its unique id, its attributes checked; `inner` is the rest
    /// of the heading, up to its end.
    fn heading(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        inner: &[(Event<'a>, Range<usize>)],
    ) -> Event<'a> {
        self.depth.see(&event, &range);
        let at = self.body_start + range.start..self.body_start + range.end;
        let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = event
        else {
            return event;
        };
        if level == HeadingLevel::H1 {
            self.diags.push(
                Diagnostic::warning(t!("markdown-heading-h1"))
                    .at(self.src, at.clone())
                    .hint(t!("markdown-heading-h1.hint")),
            );
        }
        for (message, hint) in rules::heading_attributes(id.as_deref(), &classes, &attrs) {
            self.error(at.clone(), message, hint);
        }
        let base = match id {
            Some(id) => id.to_string(),
            None => {
                let text: String = inner
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let s = slugify(&text);
                if s.is_empty() {
                    "section".to_string()
                } else {
                    s
                }
            }
        };
        let unique = self.ids.unique(base);
        self.anchors.push(unique.clone());
        Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(unique)),
            classes,
            attrs: Vec::new(),
        })
    }

    /// One event as it goes to the page, or `None` when it is left out.
    fn event(&mut self, event: Event<'a>, range: Range<usize>) -> Option<Event<'a>> {
        self.depth.see(&event, &range);
        let at = self.body_start + range.start..self.body_start + range.end;
        if self.html_block.is_some() {
            self.inside_html_block(event);
            return None;
        }
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some((at, String::new()));
                None
            }
            Event::InlineHtml(html) => {
                if !is_comment(&html) {
                    self.diags.push(html_error(self.src, at));
                }
                None
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Some(self.image(link_type, dest_url, title, id, at)),
            Event::End(TagEnd::Image) => {
                if let Some((at, false)) = self.images.pop() {
                    self.diags.push(
                        Diagnostic::error(t!("markdown-image-no-alt"))
                            .at(self.src, at)
                            .hint(t!("markdown-image-no-alt.hint")),
                    );
                }
                Some(event)
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Some(self.link(link_type, dest_url, title, id, at)),
            Event::Start(Tag::Paragraph) if self.summary_state == 0 => {
                self.summary_state = 1;
                Some(event)
            }
            Event::End(TagEnd::Paragraph) if self.summary_state == 1 => {
                self.summary_state = 2;
                Some(event)
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if !t.trim().is_empty() {
                    for image in &mut self.images {
                        image.1 = true;
                    }
                }
                if self.summary_state == 1 {
                    self.summary.push_str(t);
                }
                Some(event)
            }
            Event::SoftBreak | Event::HardBreak if self.summary_state == 1 => {
                self.summary.push(' ');
                Some(event)
            }
            _ => Some(event),
        }
    }

    /// An event inside an HTML block: its text is kept until the block ends, then the block
    /// is reported unless it is a comment.
    fn inside_html_block(&mut self, event: Event<'a>) {
        let Some((_, html)) = &mut self.html_block else {
            return;
        };
        match event {
            Event::Html(t) | Event::Text(t) => html.push_str(&t),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, html)) = self.html_block.take()
                    && !is_comment(&html)
                {
                    self.diags.push(html_error(self.src, start));
                }
            }
            _ => {}
        }
    }

    /// An image's opening tag: a refused address is reported and left out, a local one noted
    /// for the link check and rewritten.
    fn image(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
        at: Range<usize>,
    ) -> Event<'a> {
        let refused = rules::image(&dest_url);
        if let Err(refusal) = &refused {
            self.diags.push(refusal.error(true, self.src, at.clone()));
        } else if is_local(&dest_url) {
            self.local.push(LocalLink {
                span: at.clone(),
                dest: dest_url.to_string(),
            });
        }
        self.images.push((at, false));
        Event::Start(Tag::Image {
            link_type,
            dest_url: match refused {
                Ok(()) => rewrite(self.links, &dest_url),
                Err(_) => CowStr::Borrowed(""),
            },
            title,
            id,
        })
    }

    /// A link's opening tag, as [`Pass::image`]; a link without an address is an error too.
    fn link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
        at: Range<usize>,
    ) -> Event<'a> {
        if let Err(refusal) = rules::link(&dest_url) {
            self.diags.push(refusal.error(false, self.src, at));
            // Never written: the page is not published with an error. Still, nothing of the
            // refused address reaches the HTML.
            return Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::Borrowed(""),
                title,
                id,
            });
        }
        if is_local(&dest_url) {
            self.local.push(LocalLink {
                span: at.clone(),
                dest: dest_url.to_string(),
            });
        }
        if dest_url.is_empty() && link_type == LinkType::Inline {
            self.error(
                at,
                t!("markdown-link-no-address"),
                t!("markdown-link-no-address.hint"),
            );
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite(self.links, &dest_url),
            title,
            id,
        })
    }
}

fn rewrite<'a>(links: &Links, dest: &CowStr<'a>) -> CowStr<'a> {
    match links.rewrite(dest) {
        Some(s) => CowStr::from(s),
        None => dest.clone(),
    }
}

fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

fn html_error(src: &Arc<Source>, at: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::error(t!("markdown-html"))
        .at(src, at)
        .hint(t!("markdown-html.hint"))
}

#[cfg(test)]
mod tests;
