//! Typesetting with typst as a library: a small `World` that knows one template, one data
//! file and the fonts shipped in `fonts/`, nothing else (no system fonts, no packages, no
//! network, no clock), so a leaflet comes out the same on every machine.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use typst::diag::{FileError, FileResult, Severity};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source as TypstSource, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diag::{Diagnostic, Source};
use crate::t;

/// Where the shipped fonts live, relative to the project.
pub const FONTS_DIR: &str = "fonts";
/// The leaflet layout, relative to the project.
pub const TEMPLATE: &str = "templates/leaflet.typ";

/// Interned once: typst numbers every path it sees for the life of the process.
static MAIN: LazyLock<FileId> = LazyLock::new(|| file_id("/leaflet.typ"));
static DATA: LazyLock<FileId> = LazyLock::new(|| file_id("/data.json"));
static QR: LazyLock<FileId> = LazyLock::new(|| file_id("/qr.raw"));

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The fonts of `fonts/`, parsed once per build and shared by every leaflet.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Changes whenever any font file changes: part of every cache key.
    pub digest: blake3::Hash,
}

impl Fonts {
    pub fn load(root: &Path) -> Result<Fonts, Diagnostic> {
        let dir = root.join(FONTS_DIR);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| {
                Diagnostic::error(t!("leaflet-fonts-unreadable", reason = e.to_string()))
                    .in_file(FONTS_DIR)
                    .hint(t!("leaflet-fonts-unreadable.hint"))
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc")
                })
            })
            .collect();
        paths.sort();
        let mut fonts = Vec::new();
        let mut hasher = blake3::Hasher::new();
        for path in &paths {
            let rel = crate::diag::rel_path(root, path);
            let bytes = crate::files::read(root, path)?;
            hasher.update(rel.as_bytes());
            hasher.update(&bytes);
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(bytes)));
            if fonts.len() == before {
                return Err(Diagnostic::error(t!("leaflet-font-invalid"))
                    .in_file(rel)
                    .hint(t!("leaflet-font-invalid.hint")));
            }
        }
        if fonts.is_empty() {
            return Err(Diagnostic::error(t!("leaflet-no-fonts"))
                .in_file(FONTS_DIR)
                .hint(t!("leaflet-no-fonts.hint")));
        }
        Ok(Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            digest: hasher.finalize(),
        })
    }
}

/// Fonts, standard library and the leaflet template: everything a leaflet needs but its data.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
    template: TypstSource,
    /// The template as the project has it, for error messages.
    template_src: Arc<Source>,
    /// QR codes by address: a location's leaflets in languages without their own page share
    /// one, and typst decodes identical image bytes only once.
    qr_codes: Mutex<HashMap<String, Bytes>>,
}

impl Typesetter {
    pub fn new(fonts: Fonts, template_src: Arc<Source>) -> Self {
        Typesetter {
            library: LazyHash::new(Library::default()),
            fonts,
            template: TypstSource::new(*MAIN, template_src.text.to_string()),
            template_src,
            qr_codes: Mutex::default(),
        }
    }

    fn qr_code(&self, url: &str) -> Bytes {
        if let Some(qr) = self.qr_codes.lock().ok().and_then(|m| m.get(url).cloned()) {
            return qr;
        }
        let qr = Bytes::new(super::qr_pixels(url));
        if let Ok(mut m) = self.qr_codes.lock() {
            m.insert(url.to_string(), qr.clone());
        }
        qr
    }

    /// Identifies the tool (its typst, and the code around it), template and fonts, for the
    /// cache key.
    pub fn digest(&self) -> blake3::Hash {
        let mut h = blake3::Hasher::new();
        h.update(crate::output::tool_identity().as_bytes());
        h.update(self.fonts.digest.as_bytes());
        h.update(self.template_src.text.as_bytes());
        h.finalize()
    }

    /// Lays out the template with `data` and exports a tagged PDF/UA-1 file. `ident` names
    /// the document stably (its path), so identical input gives identical bytes.
    /// `qr` is the address the QR code (`/qr.raw`) leads to.
    pub fn pdf(&self, data: &str, qr: &str, ident: &str) -> Result<Typeset, Vec<Diagnostic>> {
        let world = LeafletWorld {
            ts: self,
            data: Bytes::from_string(data.to_string()),
            qr: self.qr_code(qr),
        };
        let warned = typst::compile::<PagedDocument>(&world);
        let doc = warned
            .output
            .map_err(|errors| self.diagnostics(&world, errors.as_slice()))?;
        // Checked before export: PDF/UA would refuse the file, naming only the template.
        let missing = missing_glyphs(&doc);
        if !missing.is_empty() {
            return Ok(Typeset {
                bytes: Vec::new(),
                pages: doc.pages().len(),
                missing,
            });
        }
        let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| {
            vec![
                Diagnostic::error(t!("leaflet-pdf-standard", reason = e.message().to_string()))
                    .in_file(TEMPLATE),
            ]
        })?;
        let options = PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            creator: Smart::Custom(Some("homestart".into())),
            timestamp: None,
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        let bytes = typst_pdf::pdf(&doc, &options)
            .map_err(|errors| self.diagnostics(&world, errors.as_slice()))?;
        Ok(Typeset {
            bytes,
            pages: doc.pages().len(),
            missing,
        })
    }

    fn diagnostics(
        &self,
        world: &LeafletWorld,
        errors: &[typst::diag::SourceDiagnostic],
    ) -> Vec<Diagnostic> {
        errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|e| {
                let d = Diagnostic::error(t!("leaflet-layout", reason = e.message.to_string()));
                let d = match world.range(e.span) {
                    Some(r) if r.end <= self.template_src.text.len() => d.at(&self.template_src, r),
                    _ => d.in_file(TEMPLATE),
                };
                match e.hints.first() {
                    Some(h) => d.hint(t!("leaflet-layout.hint-typst", hint = h.v.to_string())),
                    None => d.hint(t!("leaflet-layout.hint")),
                }
            })
            .collect()
    }
}

/// A laid-out leaflet.
pub struct Typeset {
    /// The PDF; empty when glyphs are missing (nothing is exported then).
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters no shipped font could draw (typst draws an empty box and does not warn).
    pub missing: BTreeSet<char>,
}

struct LeafletWorld<'a> {
    ts: &'a Typesetter,
    data: Bytes,
    qr: Bytes,
}

impl World for LeafletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.ts.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.ts.fonts.book
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<TypstSource> {
        if id == *MAIN {
            Ok(self.ts.template.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA {
            Ok(self.data.clone())
        } else if id == *QR {
            Ok(self.qr.clone())
        } else if id == *MAIN {
            Ok(Bytes::from_string(self.ts.template.text().to_string()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.ts.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None // no clock: the same input gives the same PDF on any day
    }
}

/// Every character laid out with glyph 0 (`.notdef`), ignoring the invisible format
/// characters (bidi isolates, joiners) that need no glyph.
fn missing_glyphs(doc: &PagedDocument) -> BTreeSet<char> {
    fn walk(frame: &Frame, out: &mut BTreeSet<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(&g.frame, out),
                FrameItem::Text(t) => {
                    for g in t.glyphs.iter().filter(|g| g.id == 0) {
                        let text = t.text.get(g.range()).unwrap_or("");
                        out.extend(text.chars().filter(|c| !is_invisible(*c)));
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    for page in doc.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}
