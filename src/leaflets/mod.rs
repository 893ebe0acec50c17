//! PDF leaflets: a page marked `pdf:` in its Dutch original is also typeset as an A4 leaflet
//! in every language it is translated into, and (`pdf: per-location`) once more per location
//! with that location's name, coordinators, phone number and a QR code to its page.
//!
//! `plan` (at load time) turns pages and registry into jobs of plain JSON data and reports
//! what a leaflet cannot print; `render` typesets the jobs in parallel, reusing unchanged
//! PDFs from a content-addressed cache, and refuses missing glyphs and overlong leaflets.

pub mod blocks;
mod cache;
pub mod typeset;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::config::Config;
use crate::content::frontmatter::PdfKind;
use crate::diag::{Diagnostic, Source};
use crate::i18n::Strings;
use crate::locations::{Location, Registry};
use crate::model::{Page, Site};
use crate::output::Sink;
use crate::render::context::description;
use blocks::shown;

pub use cache::Cache;
pub use typeset::{Fonts, Typesetter};

const TYPST_STACK: usize = 64 << 20;
/// Leaflets typeset between two clean-ups of typst's memo cache.
const BATCH: usize = 32;
/// How many clean-ups a memoized result survives unused.
const EVICT_AGE: usize = 2;

/// A printed leaflet is one sheet, both sides.
pub const MAX_PAGES: usize = 2;

/// One PDF to make.
pub struct Job {
    /// Site-relative output path, e.g. `pdf/amsterdam-noord/folder-ar.pdf`.
    pub path: String,
    /// Everything the template shows but the contact box, as a JSON object shared by every
    /// leaflet of one page in one language (a registry of 10,000 locations makes 80,000
    /// leaflets: one copy of the page text each would take gigabytes).
    pub shared: Arc<str>,
    /// What only this leaflet shows (its contact box, the example-data notice), as the
    /// members of a JSON object.
    pub own: String,
    /// Where the QR code leads (also in `data`, so in the cache key).
    pub qr: String,
    /// The page it is made from, for errors about its text.
    pub page: Arc<Source>,
    /// The location it is made for, for errors about registry text.
    pub location: Option<Arc<Source>>,
}

impl Job {
    /// Everything the template shows, as one JSON object (never as markup).
    pub fn data(&self) -> String {
        let open = self.shared.strip_suffix('}').unwrap_or(&self.shared);
        let comma = if open.len() > 1 { "," } else { "" };
        format!("{open}{comma}{}}}", self.own)
    }
}

/// The leaflets of a build, and where the web pages link to them.
#[derive(Default)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// Page index → `{url, locations: [{name, url}]}` for the page's own PDFs.
    pub page_links: BTreeMap<usize, Value>,
    /// Location index → leaflets made for it: `[{key, links: [{code, name, dir, url}]}]`.
    pub location_links: Vec<Vec<Value>>,
}

impl Plan {
    /// The location page's leaflet list, titled in `lang` (else the default language).
    pub fn for_location(&self, site: &Site, location: usize, lang: usize) -> Value {
        let Some(list) = self.location_links.get(location) else {
            return Value::Array(Vec::new());
        };
        let list: Vec<Value> = list
            .iter()
            .map(|l| {
                let key = l["key"].as_str().unwrap_or("");
                let title = site
                    .translation(key, lang)
                    .or_else(|| site.translation(key, 0))
                    .map(|p| p.src.front.title.clone());
                json!({"title": title, "links": l["links"]})
            })
            .collect();
        Value::Array(list)
    }
}

/// The site-relative path of a leaflet PDF.
pub fn pdf_path(key: &str, lang: &str, location: Option<&str>) -> String {
    let name = format!("{}-{lang}.pdf", key.replace('/', "-"));
    match location {
        Some(slug) => format!("pdf/{slug}/{name}"),
        None => format!("pdf/{name}"),
    }
}

/// Finds the pages to print, converts their text to data and checks it; a translation that
/// sets `pdf:` itself, and Markdown a leaflet cannot print, are errors at their line.
pub fn plan(
    config: &Config,
    strings: &[Strings],
    site: &Site,
    registry: &Registry,
) -> Result<Plan, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut plan = Plan {
        location_links: vec![Vec::new(); registry.locations.len()],
        ..Plan::default()
    };
    for p in site.pages.iter().filter(|p| p.lang() != 0) {
        if p.src.front.pdf.is_some() {
            let default = &config.default_language().code;
            errors.push(
                Diagnostic::error("`pdf:` is set on the original page only")
                    .at(&p.src.source, p.src.key_span("pdf"))
                    .hint(format!(
                        "remove it here: every translation of a {default} page with `pdf:` gets its PDF"
                    )),
            );
        }
    }
    let base = blocks::LinkBase {
        base_url: &config.permalink(""),
    };
    for (key, langs) in &site.translations {
        let Some(original) = langs[0].map(|i| &site.pages[i]) else {
            continue;
        };
        let Some(kind) = original.src.front.pdf else {
            continue;
        };
        let per_location = kind == PdfKind::PerLocation;
        let mut loc_links: Vec<Vec<Value>> = vec![Vec::new(); registry.locations.len()];
        for (lang, index) in langs.iter().enumerate() {
            let Some(index) = *index else { continue };
            let page = &site.pages[index];
            let (mut body, ds) = blocks::parse(&page.src.source, page.src.body_start, &base);
            let failed = !ds.is_empty();
            errors.extend(ds);
            if let Err(d) = blocks::check_headings(&page.src.source, page.src.body_start, &body) {
                errors.push(d);
                continue;
            }
            if failed {
                continue;
            }
            let language = &config.site.languages[lang];
            let rtl = language.direction.as_str() == "rtl";
            if rtl {
                blocks::isolate_blocks(&mut body);
            }
            let s = &strings[lang];
            let data = Data {
                config,
                strings: s,
                site,
                page,
                lang: &language.code,
                rtl,
                blocks: &body,
            };
            let shared: Arc<str> = data.json().into();
            let example = config.site.registry.example_data;
            let job = |path: &str, contact: Value, location: Option<&Location>| Job {
                path: path.to_string(),
                shared: shared.clone(),
                own: format!(
                    "\"contact\":{contact},\"notice\":{}",
                    Value::from(if example && location.is_some() {
                        s.get("example_data")
                    } else {
                        ""
                    })
                ),
                qr: contact["url"].as_str().unwrap_or("").to_string(),
                page: page.src.source.clone(),
                location: location.map(|l| l.source.clone()),
            };
            let general = pdf_path(key, &language.code, None);
            let contact = contact_general(config, s, site, lang, rtl);
            plan.jobs.push(job(&general, contact, None));
            let mut locations = Vec::new();
            if per_location {
                for (li, loc) in registry.locations.iter().enumerate() {
                    let path = pdf_path(key, &language.code, Some(&loc.slug));
                    let contact = contact_location(config, s, site, loc, lang, rtl);
                    plan.jobs.push(job(&path, contact, Some(loc)));
                    locations.push(json!({"name": loc.name, "url": config.url(&path)}));
                    loc_links[li].push(json!({
                        "code": language.code, "name": language.name,
                        "dir": language.direction.as_str(), "url": config.url(&path),
                    }));
                }
            }
            plan.page_links.insert(
                index,
                json!({"url": config.url(&general), "locations": locations}),
            );
        }
        if per_location {
            for (li, links) in loc_links.into_iter().enumerate() {
                plan.location_links[li].push(json!({"key": key, "links": links}));
            }
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// What every leaflet of one page in one language shares.
struct Data<'a> {
    config: &'a Config,
    strings: &'a Strings,
    site: &'a Site,
    page: &'a Page,
    lang: &'a str,
    rtl: bool,
    blocks: &'a [blocks::Block],
}

impl Data<'_> {
    /// Everything but the contact box, which [`Job::data`] adds.
    fn json(&self) -> String {
        let s = self.strings;
        let home = &self.site.pages[self.site.homes[0]];
        json!({
            "lang": self.lang,
            "dir": if self.rtl { "rtl" } else { "ltr" },
            "site": self.config.site.title,
            "tagline": s.get("site_tagline"),
            "title": self.page.src.front.title,
            "description": description(self.page),
            "blocks": self.blocks,
            "address": isolate(&shown(&self.config.permalink(&home.url)), self.rtl),
            "page_n_of_m": s.get("page_n_of_m"),
            "comma": if self.rtl { "،" } else { "," },
        })
        .to_string()
    }
}

/// The generic leaflet's contact box: where to find the local number (the map, in the
/// leaflet's language if the site has it there).
fn contact_general(config: &Config, s: &Strings, site: &Site, lang: usize, rtl: bool) -> Value {
    let key = &config.site.registry.map;
    let target = site
        .translation(key, lang)
        .or_else(|| site.translation(key, 0))
        .unwrap_or(&site.pages[site.homes[lang]]);
    let url = config.permalink(&target.url);
    json!({
        "name": Value::Null,
        "heading": s.get("leaflet_contact_general"),
        "text": s.get("leaflet_find_number"),
        "url": url,
        "shown": isolate(&shown(&url), rtl),
        "qr_alt": s.fill("leaflet_qr_alt", &[("url", &shown(&url))]),
    })
}

fn contact_location(
    config: &Config,
    s: &Strings,
    site: &Site,
    loc: &Location,
    lang: usize,
    rtl: bool,
) -> Value {
    let key = crate::locations::pages::page_key(&config.site.registry.locations, &loc.slug);
    let page = site
        .translation(&key, lang)
        .or_else(|| site.translation(&key, 0));
    let url = config.permalink(page.map_or("", |p| p.url.as_str()));
    let coordinators: Vec<Value> = loc
        .coordinators
        .iter()
        .map(|c| json!({"name": isolate(&c.name, rtl), "phone": isolate(&c.phone.display, rtl), "tel": format!("tel:{}", c.phone.e164)}))
        .collect();
    json!({
        "name": isolate(&loc.name, rtl),
        "heading": s.fill("leaflet_call", &[("name", &isolate(&loc.name, rtl))]),
        "phone": isolate(&loc.phone.display, rtl),
        "tel": format!("tel:{}", loc.phone.e164),
        "phone_label": s.get("location_phone"),
        "coordinator_label": s.get("lookup_coordinator"),
        "coordinators": coordinators,
        "text": s.get("leaflet_call_text"),
        "url": url,
        "shown": isolate(&shown(&url), rtl),
        "qr_alt": s.fill("leaflet_qr_alt", &[("url", &shown(&url))]),
    })
}

/// Names, numbers and addresses from the registry keep their order in right-to-left text.
fn isolate(s: &str, rtl: bool) -> String {
    if rtl {
        blocks::isolate(s)
    } else {
        s.to_string()
    }
}

/// Light modules around a QR code, as the standard asks.
const QR_QUIET_ZONE: usize = 4;

/// A QR code as a square grey-scale image, one byte per module (0 dark, 255 light), with its
/// quiet zone: printed pixelated, it is as sharp as vector squares and costs a fraction of
/// their path data. Made only when a leaflet is typeset (the address is in the data, so in
/// the cache key). An address of thousands of characters has no code (one light pixel); the
/// printed address remains.
pub fn qr_pixels(url: &str) -> Vec<u8> {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
    else {
        return vec![255];
    };
    let (n, side) = (code.width(), code.width() + 2 * QR_QUIET_ZONE);
    let mut pixels = vec![255u8; side * side];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            pixels[(i / n + QR_QUIET_ZONE) * side + i % n + QR_QUIET_ZONE] = 0;
        }
    }
    pixels
}

/// Typesets every job in parallel and writes each leaflet to `sink` as soon as its batch is
/// done, so memory holds one batch of PDFs, not all of them (80,000 for a registry of 10,000
/// locations). Unchanged leaflets are left where `sink` already has them or come from
/// `cache`. A missing glyph or a leaflet over [`MAX_PAGES`] is an error naming the page (or
/// location) file and line; returns how many leaflets were written.
pub fn render(
    ts: &Typesetter,
    jobs: &[Job],
    cache: &Cache,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let digest = ts.digest();
    let report = Report::default();
    // First what needs no typesetting (in place in the output, or cached): cheap, and it
    // leaves the leaflets to typeset side by side in full batches.
    let keys: Vec<String> = jobs
        .par_iter()
        .map(|job| cache::key(&digest, &job.path, &job.data()))
        .collect();
    let found: Vec<bool> = jobs
        .par_iter()
        .zip(&keys)
        .map(|(job, key)| {
            if sink.reuse(&job.path, key.as_bytes()) {
                cache.keep(key);
                true
            } else if let Some(bytes) = cache.get(key) {
                report.write(sink, job, key, &bytes);
                true
            } else {
                false
            }
        })
        .collect();
    let missing: Vec<usize> = (0..jobs.len()).filter(|&i| !found[i]).collect();
    if !missing.is_empty() {
        // typst recurses deeply while laying out: its threads get big stacks (address space).
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .stack_size(TYPST_STACK)
            .thread_name(|i| format!("leaflet-{i}"))
            .build()
            .map_err(|e| {
                vec![Diagnostic::error(format!(
                    "cannot start the leaflet threads: {e}"
                ))]
            })?;
        // typst memoizes as it goes; what the last batches memoized and did not use again is
        // dropped after each batch, or a build of hundreds of leaflets would hold it all
        // (~0.5 GB for this site). What the previous build left serves the next (`serve`).
        for batch in missing.chunks(BATCH) {
            pool.install(|| {
                batch
                    .par_iter()
                    .for_each(|&i| match typeset(ts, &keys[i], &jobs[i], cache) {
                        Ok(bytes) => report.write(sink, &jobs[i], &keys[i], &bytes),
                        Err(ds) => report.fail(ds),
                    })
            });
            typst::comemo::evict(EVICT_AGE);
        }
    }
    report.finish()
}

/// What the leaflet threads report: how many were written, and each distinct error once (the
/// same text fails the same way in every location's copy).
#[derive(Default)]
struct Report {
    written: std::sync::atomic::AtomicUsize,
    errors: std::sync::Mutex<(Vec<Diagnostic>, Seen)>,
}

/// Message and place of each error reported so far.
type Seen = std::collections::HashSet<(String, String)>;

impl Report {
    fn write(&self, sink: &dyn Sink, job: &Job, key: &str, bytes: &[u8]) {
        match sink.write(&job.path, bytes, Some(key.as_bytes())) {
            Ok(()) => {
                self.written
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Err(e) => self.fail(vec![crate::render::context::write_error(&job.path, &e)]),
        }
    }

    fn fail(&self, ds: Vec<Diagnostic>) {
        if let Ok(mut guard) = self.errors.lock() {
            let (errors, seen) = &mut *guard;
            for d in ds {
                if seen.insert((d.message().to_string(), d.location())) {
                    errors.push(d);
                }
            }
        }
    }

    fn finish(self) -> Result<usize, Vec<Diagnostic>> {
        let (errors, _) = self.errors.into_inner().unwrap_or_default();
        if errors.is_empty() {
            Ok(self.written.into_inner())
        } else {
            Err(errors)
        }
    }
}

fn typeset(
    ts: &Typesetter,
    key: &str,
    job: &Job,
    cache: &Cache,
) -> Result<Arc<Vec<u8>>, Vec<Diagnostic>> {
    let out = ts.pdf(&job.data(), &job.qr, &job.path)?;
    let mut errors: Vec<Diagnostic> = out.missing.iter().map(|c| missing_glyph(job, *c)).collect();
    if out.pages > MAX_PAGES {
        errors.push(
            Diagnostic::error(format!(
                "the PDF leaflet takes {} pages; it may take at most {MAX_PAGES} (one sheet, both sides)",
                out.pages
            ))
            .at(&job.page, 0..3)
            .hint("shorten the text of this page"),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let bytes = Arc::new(out.bytes);
    cache.put(key, &job.path, &bytes);
    Ok(bytes)
}

/// Points at the first place the character is written: the page, else the location's file.
fn missing_glyph(job: &Job, c: char) -> Diagnostic {
    let d = Diagnostic::error(format!(
        "no font for the PDF leaflet has the character `{c}` (U+{:04X})",
        c as u32
    ))
    .hint(format!(
        "replace it with a character the shipped fonts have, or add an OFL font that has it to {}/ and name it in {}",
        typeset::FONTS_DIR,
        typeset::TEMPLATE
    ));
    for src in std::iter::once(&job.page).chain(job.location.as_ref()) {
        if let Some(i) = src.text.find(c) {
            return d.at(src, i..i + c.len_utf8());
        }
    }
    d.at(&job.page, 0..3)
}
