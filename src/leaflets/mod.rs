//! PDF leaflets: a page marked `pdf:` in its Dutch original is also typeset as an A4 leaflet
//! in every language it is translated into, and (`pdf: per-location`) once more per location
//! with that location's name, coordinators, phone number and a QR code to its page.
//!
//! `plan` (at load time) turns pages and registry into jobs of plain JSON data and reports
//! what a leaflet cannot print; `render` typesets the jobs in parallel, reusing unchanged
//! PDFs from a content-addressed cache, and refuses missing glyphs and overlong leaflets.

pub mod blocks;
mod cache;
pub mod plan;
pub mod typeset;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Source};
use crate::output::Sink;
use crate::t;

pub use cache::Cache;
pub use plan::{Plan, pdf_path, plan};
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
                vec![Diagnostic::error(t!(
                    "leaflet-threads",
                    reason = e.to_string()
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
            Err(e) => self.fail(vec![crate::output::write_error(&job.path, &e)]),
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
            Diagnostic::error(t!("leaflet-too-long", pages = out.pages, max = MAX_PAGES))
                .at(&job.page, 0..3)
                .hint(t!("leaflet-too-long.hint")),
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
    let d = Diagnostic::error(t!(
        "leaflet-missing-glyph",
        char = c,
        code = format!("{:04X}", c as u32)
    ))
    .hint(t!(
        "leaflet-missing-glyph.hint",
        fonts = typeset::FONTS_DIR,
        template = typeset::TEMPLATE
    ));
    for src in std::iter::once(&job.page).chain(job.location.as_ref()) {
        if let Some(i) = src.text.find(c) {
            return d.at(src, i..i + c.len_utf8());
        }
    }
    d.at(&job.page, 0..3)
}
