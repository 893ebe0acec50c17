//! Markdown → HTML with the project's rules: heading ids, links that follow the base URL and
//! fingerprinted assets, and errors (with positions) for things that would break the page.

use std::collections::HashSet;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::assets::Assets;
use crate::content::frontmatter::slugify;
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
    let events: Vec<(Event, std::ops::Range<usize>)> = parser.into_offset_iter().collect();
    for (span, reference) in broken {
        diags.push(
            Diagnostic::error(format!("link reference `[{reference}]` is not defined"))
                .at(src, body_start + span.start..body_start + span.end)
                .hint(format!(
                    "add a line `[{reference}]: https://…` below the text, or write the link as [text](address)"
                )),
        );
    }

    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut anchors = Vec::new();
    let mut local = Vec::new();
    let mut summary = String::new();
    let mut summary_state = 0u8; // 0 = before first paragraph, 1 = inside, 2 = done
    let mut i = 0;
    while i < events.len() {
        let (event, span) = &events[i];
        let at = body_start + span.start..body_start + span.end;
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if *level == HeadingLevel::H1 {
                    diags.push(
                        Diagnostic::warning("a `#` heading inside the page repeats the page title level")
                            .at(src, at.clone())
                            .hint("the title is the page's main heading; use `##` for sections of the text"),
                    );
                }
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |p| i + p);
                let text: String = events[i + 1..end]
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let base = match id {
                    Some(id) => id.to_string(),
                    None => {
                        let s = slugify(&text);
                        if s.is_empty() {
                            "section".to_string()
                        } else {
                            s
                        }
                    }
                };
                let mut unique = base.clone();
                let mut n = 1;
                while !used_ids.insert(unique.clone()) {
                    n += 1;
                    unique = format!("{base}-{n}");
                }
                anchors.push(unique.clone());
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(unique)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let has_alt = events[i + 1..]
                    .iter()
                    .take_while(|(e, _)| !matches!(e, Event::End(TagEnd::Image)))
                    .any(|(e, _)| matches!(e, Event::Text(t) if !t.trim().is_empty()));
                if is_local(dest_url) {
                    local.push(LocalLink {
                        span: at.clone(),
                        dest: dest_url.to_string(),
                    });
                }
                if !has_alt {
                    diags.push(
                        Diagnostic::error("image has no alternative text")
                            .at(src, at.clone())
                            .hint("describe the image between the brackets: ![Two children reading with a volunteer](…)"),
                    );
                }
                out.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: rewrite(links, dest_url),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if is_local(dest_url) {
                    local.push(LocalLink {
                        span: at.clone(),
                        dest: dest_url.to_string(),
                    });
                }
                if dest_url.is_empty() && *link_type == LinkType::Inline {
                    diags.push(
                        Diagnostic::error("link has no address")
                            .at(src, at.clone())
                            .hint("write the address between the parentheses: [text](/contact/)"),
                    );
                }
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: rewrite(links, dest_url),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::HtmlBlock) => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::HtmlBlock)))
                    .map_or(events.len() - 1, |p| i + p);
                let html: String = events[i + 1..end]
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Html(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                if !is_comment(&html) {
                    diags.push(html_error(src, at.clone()));
                }
                i = end + 1;
                continue;
            }
            Event::InlineHtml(html) => {
                if !is_comment(html) {
                    diags.push(html_error(src, at.clone()));
                }
                i += 1;
                continue;
            }
            Event::Start(Tag::Paragraph) if summary_state == 0 => {
                summary_state = 1;
                out.push(event.clone());
            }
            Event::End(TagEnd::Paragraph) if summary_state == 1 => {
                summary_state = 2;
                out.push(event.clone());
            }
            Event::Text(t) | Event::Code(t) if summary_state == 1 => {
                summary.push_str(t);
                out.push(event.clone());
            }
            Event::SoftBreak | Event::HardBreak if summary_state == 1 => {
                summary.push(' ');
                out.push(event.clone());
            }
            _ => out.push(event.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered {
        html,
        summary: summary.trim().to_string(),
        anchors,
        links: local,
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
        let msgs: Vec<_> = d.iter().map(|d| (d.message.as_str(), d.line)).collect();
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
}
