//! The YAML block between `---` lines at the top of every Markdown page.

use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;

use crate::diag::{Diagnostic, Source};
use crate::t;
use crate::yaml;

/// Every key an editor may write; anything else is reported as a (probably misspelt) unknown key.
pub const KEYS: &[&str] = &[
    "title",
    "description",
    "slug",
    "weight",
    "date",
    "draft",
    "template",
    "translation_key",
    "author",
    "menu_title",
    "sort_by",
    "paginate_by",
    "feed",
    "translated_from",
    "pdf",
];

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// One or two sentences for search engines and listings; defaults to the first paragraph.
    #[serde(default)]
    pub description: Option<String>,
    /// URL segment; defaults to the file name (or folder name for a section).
    #[serde(default)]
    pub slug: Option<String>,
    /// Order in listings sorted by weight (lower first).
    #[serde(default)]
    pub weight: Option<i64>,
    /// `YYYY-MM-DD`; stories need one for ordering and the feed.
    #[serde(default)]
    pub date: Option<String>,
    /// Drafts are left out unless the build runs with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Template in `templates/` to use instead of the default.
    #[serde(default)]
    pub template: Option<String>,
    /// Links translations of one page across languages; defaults to the file's path.
    #[serde(default)]
    pub translation_key: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    /// Shorter title for the main menu.
    #[serde(default)]
    pub menu_title: Option<String>,
    /// Sections only: `date` (newest first) or `weight`.
    #[serde(default)]
    pub sort_by: Option<SortBy>,
    /// Sections only: entries per listing page.
    #[serde(default)]
    pub paginate_by: Option<usize>,
    /// Sections only: publish an Atom feed of the section's pages.
    #[serde(default)]
    pub feed: bool,
    /// Translations: the version of the default-language page this translation was made from
    /// (`homestart translations` shows it; `--mark` writes it).
    #[serde(default)]
    pub translated_from: Option<String>,
    /// Default-language pages only: also publish the page as a PDF leaflet, in every language
    /// it is translated into (`general`), and one per location with its phone (`per-location`).
    #[serde(default)]
    pub pdf: Option<PdfKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PdfKind {
    General,
    PerLocation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    Date,
    Weight,
}

/// A page's source split into front matter and body.
#[derive(Debug)]
pub struct Parsed {
    pub front: FrontMatter,
    pub date: Option<Date>,
    /// Byte range of the YAML inside the file (for pointing at keys later).
    pub yaml: Range<usize>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// Splits and parses front matter; all problems in it are returned together, beside what
/// could be read (an unknown key or a bad date leaves the page to be checked further).
pub fn parse(src: &Arc<Source>) -> (Option<Parsed>, Vec<Diagnostic>) {
    match split_and_read(src) {
        Ok((parsed, errors)) => (Some(parsed), errors),
        Err(errors) => (None, errors),
    }
}

/// The front matter read as far as it can be, with its problems; `Err` when not even that.
fn split_and_read(src: &Arc<Source>) -> Result<(Parsed, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = &*src.text;
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(vec![
            Diagnostic::error(t!("frontmatter-missing"))
                .at(src, 0..first_line_end.saturating_sub(1))
                .hint(t!("frontmatter-missing.hint")),
        ]);
    }
    let yaml_start = first_line_end;
    let mut offset = yaml_start;
    let mut close = None;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = close else {
        return Err(vec![
            Diagnostic::error(t!("frontmatter-unclosed"))
                .at(src, 0..3)
                .hint(t!("frontmatter-unclosed.hint")),
        ]);
    };
    let range = yaml_start..yaml_end;
    let (front, mut errors) = yaml::parse_all::<FrontMatter>(
        src,
        range.clone(),
        Some(KEYS),
        crate::t!("yaml-what-front-matter"),
    );
    let Some(front) = front else {
        return Err(errors);
    };
    let value_at = |key: &str| yaml::value_span(src, range.clone(), key).unwrap_or(0..3);
    if front.title.trim().is_empty() {
        errors.push(
            Diagnostic::error(t!("frontmatter-title-empty"))
                .at(src, value_at("title"))
                .hint(t!("frontmatter-title-empty.hint")),
        );
    }
    let date = match &front.date {
        None => None,
        Some(raw) => match raw.trim().parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                let hint = match day_first(raw) {
                    Some(d) => t!("frontmatter-date-invalid.hint-order", suggestion = d),
                    None => t!("frontmatter-date-invalid.hint"),
                };
                errors.push(
                    Diagnostic::error(t!("frontmatter-date-invalid", date = raw))
                        .at(src, value_at("date"))
                        .hint(hint),
                );
                None
            }
        },
    };
    if let Some(slug) = &front.slug
        && !is_valid_slug(slug)
    {
        errors.push(
            Diagnostic::error(t!("frontmatter-slug-invalid", slug = slug))
                .at(src, value_at("slug"))
                .hint(t!(
                    "frontmatter-slug-invalid.hint",
                    suggestion = slugify(slug)
                )),
        );
    }
    if front
        .translation_key
        .as_deref()
        .is_some_and(|k| k.trim().is_empty())
    {
        errors.push(
            Diagnostic::error(t!("frontmatter-translation-key-empty"))
                .at(src, value_at("translation_key"))
                .hint(t!("frontmatter-translation-key-empty.hint")),
        );
    }
    if front.paginate_by == Some(0) {
        errors.push(
            Diagnostic::error(t!("frontmatter-paginate-by-zero"))
                .at(src, value_at("paginate_by"))
                .hint(t!("frontmatter-paginate-by-zero.hint")),
        );
    }
    let parsed = Parsed {
        front,
        date,
        yaml: range,
        body_start,
    };
    Ok((parsed, errors))
}

/// A date written day first, as Dutch does (`14-03-2026`, `3/12/2026`, `14.3.2026`), written
/// the way the site reads it, if it is a real date.
fn day_first(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.trim().split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let ok = |s: &str, max: usize| s.len() <= max && s.chars().all(|c| c.is_ascii_digit());
    if !(ok(d, 2) && ok(m, 2) && y.len() == 4 && ok(y, 4)) {
        return None;
    }
    let iso = format!("{y}-{m:0>2}-{d:0>2}");
    iso.parse::<Date>().is_ok().then_some(iso)
}

/// URL segments are plain ASCII so links survive every mail client and copy-paste.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Best-effort ASCII slug, used for heading ids and for suggesting a valid slug.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ı' => Some('i'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            'ç' | 'ć' | 'č' => Some('c'),
            'ş' | 'ś' | 'š' => Some('s'),
            'ğ' => Some('g'),
            'ł' => Some('l'),
            'ń' | 'ñ' => Some('n'),
            'ż' | 'ź' | 'ž' => Some('z'),
            'ę' => Some('e'),
            'ą' => Some('a'),
            _ => None,
        };
        match mapped {
            Some(m) => {
                out.push(m);
                dash = false;
            }
            None if c.is_alphanumeric() => {
                // Keep non-Latin letters (Arabic, Ge'ez) as they are: valid in fragment ids.
                out.push(c);
                dash = false;
            }
            None => {
                if !dash && !out.is_empty() {
                    out.push('-');
                    dash = true;
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's front matter, or every problem with it.
    fn parse(src: &Arc<Source>) -> Result<Parsed, Vec<Diagnostic>> {
        match super::parse(src) {
            (Some(p), e) if e.is_empty() => Ok(p),
            (_, e) => Err(e),
        }
    }
    use crate::messages::Lang;

    fn src(text: &str) -> Arc<Source> {
        Source::new("content/nl/x.md", text)
    }

    #[test]
    fn splits_front_matter_and_body() {
        let s = src("---\ntitle: Over ons\ndate: 2026-01-05\n---\nHallo\n");
        let p = parse(&s).unwrap();
        assert_eq!(p.front.title, "Over ons");
        assert_eq!(p.date, Some(Date::constant(2026, 1, 5)));
        assert_eq!(&s.text[p.body_start..], "Hallo\n");
    }

    #[test]
    fn crlf_front_matter_is_accepted() {
        let s = src("---\r\ntitle: A\r\n---\r\nBody\r\n");
        assert_eq!(parse(&s).unwrap().front.title, "A");
    }

    #[test]
    fn bad_date_and_slug_both_reported() {
        let s = src("---\ntitle: A\ndate: 2026-02-30\nslug: Over Ons\n---\n");
        let errs = parse(&s).unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line(), errs[0].column()), (3, 7));
        assert_eq!((errs[1].line(), errs[1].column()), (4, 7));
        assert!(errs[1].hint_text().unwrap().contains("over-ons"));
    }

    #[test]
    fn a_date_in_dutch_order_is_turned_round_in_the_hint() {
        let s = src("---\ntitle: A\ndate: 3-12-2026\n---\n");
        let errs = parse(&s).unwrap_err();
        assert_eq!((errs[0].line(), errs[0].column()), (3, 7));
        assert_eq!(
            errs[0].hint_in(Lang::Nl).as_deref(),
            Some("schrijf eerst het jaar, dan de maand, dan de dag: `date: 2026-12-03`")
        );
        // Not a date in either order: the general hint.
        let s = src("---\ntitle: A\ndate: 31-02-2026\n---\n");
        let errs = parse(&s).unwrap_err();
        assert_eq!(
            errs[0].hint_text().as_deref(),
            Some("write dates as YYYY-MM-DD, e.g. 2026-03-14")
        );
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        assert!(
            parse(&src("# Title\n")).unwrap_err()[0]
                .message()
                .contains("no front matter")
        );
        assert!(
            parse(&src("---\ntitle: A\n")).unwrap_err()[0]
                .message()
                .contains("not closed")
        );
        let missing = &parse(&src("# Title\n")).unwrap_err()[0];
        assert_eq!(
            missing.message_in(Lang::Nl),
            "de pagina heeft geen kop (tussen twee regels `---` bovenaan)"
        );
        assert!(
            missing
                .hint_in(Lang::Nl)
                .unwrap_or_default()
                .starts_with("begin het bestand met een regel `---`")
        );
    }

    #[test]
    fn every_key_in_the_list_is_accepted() {
        let yaml: String = KEYS
            .iter()
            .map(|k| match *k {
                "weight" | "paginate_by" => format!("{k}: 1\n"),
                "draft" | "feed" => format!("{k}: false\n"),
                "sort_by" => format!("{k}: date\n"),
                "date" => format!("{k}: 2026-01-01\n"),
                "slug" => format!("{k}: a\n"),
                "pdf" => format!("{k}: per-location\n"),
                _ => format!("{k}: x\n"),
            })
            .collect();
        let s = src(&format!("---\n{yaml}---\n"));
        parse(&s).unwrap();
    }

    #[test]
    fn slugify_handles_dutch_and_turkish_letters() {
        assert_eq!(
            slugify("Wat doet een vrijwilliger?"),
            "wat-doet-een-vrijwilliger"
        );
        assert_eq!(slugify("Één café, ğüş"), "een-cafe-gus");
    }
}
