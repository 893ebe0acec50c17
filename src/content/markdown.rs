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
            Diagnostic::error(format!("link reference `[{reference}]` is not defined"))
                .at(src, body_start + span.start..body_start + span.end)
                .hint(format!(
                    "add a line `[{reference}]: https://…` below the text, or write the link as [text](address)"
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
    fn error(&mut self, at: Range<usize>, message: String, hint: String) {
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
                Diagnostic::warning("a `#` heading inside the page repeats the page title level")
                    .at(self.src, at.clone())
                    .hint(
                        "the title is the page's main heading; use `##` for sections of the text",
                    ),
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
        if let Some((_, html)) = &mut self.html_block {
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
            }) => {
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
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url: match refused {
                        Ok(()) => rewrite(self.links, &dest_url),
                        Err(_) => CowStr::Borrowed(""),
                    },
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Image) => {
                if let Some((at, false)) = self.images.pop() {
                    self.diags.push(
                        Diagnostic::error("image has no alternative text")
                            .at(self.src, at)
                            .hint("describe the image between the brackets: ![Two children reading with a volunteer](…)"),
                    );
                }
                Some(event)
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Err(refusal) = rules::link(&dest_url) {
                    self.diags.push(refusal.error(false, self.src, at));
                    // Never written: the page is not published with an error. Still, nothing
                    // of the refused address reaches the HTML.
                    return Some(Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::Borrowed(""),
                        title,
                        id,
                    }));
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
                        "link has no address".to_string(),
                        "write the address between the parentheses: [text](/contact/)".to_string(),
                    );
                }
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: rewrite(self.links, &dest_url),
                    title,
                    id,
                }))
            }
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
    Diagnostic::error("HTML is not allowed in page text")
        .at(src, at)
        .hint("use Markdown instead (**bold**, [link](/contact/), ## heading); if you meant a literal `<`, write `\\<`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> (Rendered, Vec<Diagnostic>) {
        let src = Source::new("content/nl/x.md", format!("---\ntitle: X\n---\n{body}"));
        let assets = Assets::for_tests(&[("img/kind.jpg", "img/kind.0123456789.jpg")]);
        let links = Links {
            base_path: "/sub/",
            assets: &assets,
        };
        let mut diags = Vec::new();
        let r = render(&src, 16, &links, &mut diags);
        (r, diags)
    }

    #[test]
    fn headings_get_unique_ids() {
        let (r, d) = run("## Wat we doen\n\n## Wat we doen\n\n## Eigen {#mijn-id}\n");
        assert!(d.is_empty());
        assert!(r.html.contains(r#"<h2 id="wat-we-doen">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="wat-we-doen-2">"#));
        assert!(r.html.contains(r#"<h2 id="mijn-id">"#));
        assert_eq!(r.anchors, ["wat-we-doen", "wat-we-doen-2", "mijn-id"]);
    }

    #[test]
    fn site_links_follow_base_path_and_assets() {
        let (r, _) = run(
            "[Contact](/contact/#bel) ![Kind](/img/kind.jpg) [Ext](https://example.org/) [Rel](a/)\n",
        );
        assert!(r.html.contains(r#"href="/sub/contact/#bel""#), "{}", r.html);
        assert!(r.html.contains(r#"src="/sub/img/kind.0123456789.jpg""#));
        assert!(r.html.contains(r#"href="https://example.org/""#));
        assert!(r.html.contains(r#"href="a/""#));
    }

    #[test]
    fn raw_html_missing_alt_and_broken_reference_are_errors() {
        let (_, d) = run(
            "Hallo <b>daar</b>\n\n![](/img/kind.jpg)\n\nZie [hier][nergens].\n\n<!-- notitie -->\n",
        );
        let msgs: Vec<_> = d.iter().map(|d| (d.message(), d.line())).collect();
        assert!(
            msgs.iter().any(|(m, l)| m.contains("HTML") && *l == 4),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|(m, l)| m.contains("alternative text") && *l == 6),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|(m, l)| m.contains("`[nergens]`") && *l == 8),
            "{msgs:?}"
        );
        assert_eq!(d.len(), 4, "{msgs:?}"); // <b> and </b> are each reported
    }

    #[test]
    fn tables_footnotes_and_smart_quotes() {
        let (r, d) = run("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1] \"zo\"\n\n[^1]: Noot.\n");
        assert!(d.is_empty());
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote-definition"));
        assert!(r.html.contains('“'));
    }

    #[test]
    fn summary_is_first_paragraph_text() {
        let (r, _) = run("## Kop\n\nEerste *zin*\nloopt door.\n\nTweede.\n");
        assert_eq!(r.summary, "Eerste zin loopt door.");
    }

    /// Messages of the errors in `d`, with their line and column.
    fn errors(d: &[Diagnostic]) -> Vec<(String, usize, usize)> {
        d.iter()
            .filter(|d| d.severity() == crate::diag::Severity::Error)
            .map(|d| (d.message().to_string(), d.line(), d.column()))
            .collect()
    }

    #[test]
    fn script_links_in_every_form_are_errors_and_never_reach_the_html() {
        let body = "[x](javascript:alert(1))\n\n\
                    <javascript:alert(1)>\n\n\
                    [ref][r]\n\n\
                    [r]: javascript:alert(1)\n\n\
                    [d](data:text/html,<script>alert(1)</script>)\n\n\
                    [e](&#106;avascript:alert(1))\n\n\
                    [t](java&#9;script:alert(1))\n\n\
                    ![kind](javascript:alert(1))\n\n\
                    ![kind](https://cdn.example/kind.jpg)\n";
        let (r, d) = run(body);
        let e = errors(&d);
        let lines: Vec<usize> = e.iter().map(|e| e.1).collect();
        assert_eq!(lines, [4, 6, 8, 12, 14, 16, 18, 20], "{e:#?}");
        assert!(e.iter().all(|e| e.2 == 1), "{e:#?}");
        assert!(e[0].0.contains("`javascript:`"), "{e:#?}");
        assert!(e[3].0.contains("`data:`"), "{e:#?}");
        assert!(e[7].0.contains("from this site"), "{e:#?}");
        // The autolink's text may show the address as text; no attribute carries it.
        let html = r.html.to_ascii_lowercase();
        for attr in ["=\"javascript", "=\"data:", "=\"https://cdn"] {
            assert!(!html.contains(attr), "{}", r.html);
        }
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_are_errors() {
        let (r, d) = run("## Kop {#kop onclick=alert(1)}\n\n## Twee {.intro}\n");
        let e = errors(&d);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(e[0].0.contains("`onclick`"), "{e:#?}");
        assert_eq!((e[0].1, e[0].2), (4, 1));
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(
            r.html.contains(r#"<h2 id="twee" class="intro">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn deep_nesting_is_an_error_at_its_line() {
        let list: String = (0..1000)
            .map(|i| format!("{}- a\n", "  ".repeat(i)))
            .collect();
        let quote = format!("{} diep\n", ">".repeat(1500));
        let emphasis = format!("{}a{}\n", "*".repeat(2000), "*".repeat(2000));
        for (body, line) in [
            (list, 4 + super::rules::MAX_DEPTH),
            (quote, 4),
            (emphasis, 4),
        ] {
            let (_, d) = run(&format!("Intro.\n\n{body}"));
            let e = errors(&d);
            assert_eq!(e.len(), 1, "{e:#?}");
            assert!(e[0].0.contains("nested more than 32"), "{e:#?}");
            assert_eq!(e[0].1, line + 2, "{e:#?}");
        }
        // Real content, a few levels deep, is fine.
        let (_, d) = run("> - a\n>   - *b **c [d](/e/)***\n>     > f\n");
        assert!(errors(&d).is_empty(), "{d:#?}");
    }

    #[test]
    fn identical_headings_get_ids_in_linear_time() {
        let body = "## Kop\n\n".repeat(20_000) + "## Kop-3 {#kop-5}\n";
        let (r, d) = run(&body);
        assert!(d.is_empty());
        assert_eq!(r.anchors.len(), 20_001);
        assert_eq!(r.anchors[1], "kop-2");
        let unique: HashSet<&String> = r.anchors.iter().collect();
        assert_eq!(unique.len(), 20_001);
        // Linear: each heading tries a bounded number of candidates (counting from 1 again
        // for each repeat would try 200 million).
        let mut ids = Ids::default();
        for _ in 0..20_000 {
            ids.unique("kop".to_string());
        }
        assert!(ids.tries < 20_000, "{} tries", ids.tries);
        // An explicit id that a counter already used is still unique (and a later one skips it).
        let (r, _) = run("## A\n\n## A\n\n## B {#a-3}\n\n## A\n");
        assert_eq!(r.anchors, ["a", "a-2", "a-3", "a-4"]);
    }
}
