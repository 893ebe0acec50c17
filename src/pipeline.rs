//! The build, top to bottom: load → validate → model → render → write.
//! Each stage hands plain data to the next; problems are collected, and the pipeline stops
//! after the first stage that found errors, so an editor sees every error of that stage at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::assets::{self, Assets};
use crate::check;
use crate::config::Config;
use crate::content::{self, markdown::Links};
use crate::coverage::{self, Coverage};
use crate::diag::{Diagnostic, Diagnostics};
use crate::geo::{self, Geography};
use crate::i18n::{self, Strings};
use crate::leaflets::{self, Typesetter};
use crate::locations::{self, Registry};
use crate::messages::Text;
use crate::model::{self, Site};
use crate::output::{Sink, Staging, WriteErrors};
use crate::render::Templates;
use crate::render::context::Renderer;
use crate::t;

mod outputs;
mod refresh;

#[derive(Debug, Clone)]
pub struct Options {
    /// Project folder (holds site.yaml).
    pub root: PathBuf,
    /// Output folder; defaults to `<root>/public`.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    pub drafts: bool,
}

impl Options {
    /// The project at `root` as site.yaml says: output in `public/`, its base URL, no drafts.
    pub fn at(root: PathBuf) -> Self {
        Options {
            root,
            out: None,
            base_url: None,
            drafts: false,
        }
    }
}

/// What a successful build produced, with where the time went.
#[derive(Debug, Default)]
pub struct Summary {
    pub pages: usize,
    pub files: usize,
    /// Files whose bytes changed (the others were left as they were), and files removed.
    pub written: usize,
    pub removed: usize,
    pub languages: usize,
    /// PDF leaflets written, and how many of them came unchanged from the cache.
    pub pdfs: usize,
    pub pdfs_reused: usize,
    pub out: PathBuf,
    pub timings: Vec<(Text, Duration)>,
}

/// Everything read from the project, validated and placed, ready to render. Its parts are
/// read through methods; what derives from them (the registry's views, the leaflet plan) is
/// kept in step by [`Project::edit`] and [`Project::refresh`].
pub struct Project {
    root: PathBuf,
    config: Config,
    strings: Vec<Strings>,
    assets: Assets,
    templates: Templates,
    site: Site,
    geo: Geography,
    registry: Registry,
    /// The registry as each language shows it, with its template values.
    coverage: Coverage,
    /// The PDF leaflets to make, and where pages link to them.
    leaflets: leaflets::Plan,
    /// Fonts and layout of the leaflets (`None` when the site has none).
    typesetter: Option<Typesetter>,
    /// Finished leaflets by content, kept between builds (and in memory by `serve`).
    pdf_cache: Arc<leaflets::Cache>,
    /// Ids of every HTML file of the last render, for the link check after a partial one.
    outputs: BTreeMap<String, Vec<String>>,
}

impl Project {
    pub fn config(&self) -> &Config {
        &self.config
    }
    pub fn strings(&self) -> &[Strings] {
        &self.strings
    }
    pub fn site(&self) -> &Site {
        &self.site
    }
    pub fn geo(&self) -> &Geography {
        &self.geo
    }
    pub fn registry(&self) -> &Registry {
        &self.registry
    }
    pub fn leaflets(&self) -> &leaflets::Plan {
        &self.leaflets
    }
    pub fn pdf_cache(&self) -> &Arc<leaflets::Cache> {
        &self.pdf_cache
    }

    /// Keeps finished leaflets in `cache` (`serve` shares one between builds).
    pub fn use_pdf_cache(&mut self, cache: Arc<leaflets::Cache>) {
        self.pdf_cache = cache;
    }

    /// Changes the loaded pages, municipalities or registry (tests plant text no check would
    /// let through this way), then derives the registry's views and the leaflets again.
    pub fn edit(
        &mut self,
        change: impl FnOnce(&mut Site, &mut Geography, &mut Registry),
    ) -> Vec<Diagnostic> {
        change(&mut self.site, &mut self.geo, &mut self.registry);
        self.coverage = Coverage::build(
            &self.config,
            &self.strings,
            &self.site,
            &self.geo,
            &self.registry,
        );
        match leaflets::plan(
            &self.config,
            &self.strings,
            &self.site,
            &self.registry,
            &self.coverage.views,
        ) {
            Ok(plan) => {
                self.leaflets = plan;
                Vec::new()
            }
            Err(ds) => ds,
        }
    }

    /// Takes in edited files for `serve`: when only the text of pages changed (not their
    /// front matter, nor a page with a leaflet), they are read again in place and the pages
    /// to render again are returned; anything else needs a fresh [`load`].
    pub fn refresh(&mut self, changed: &[PathBuf]) -> Refresh {
        refresh::pages(self, changed)
    }
}

pub use refresh::Refresh;

/// What to render: everything, or some pages (with the feeds, which carry page text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Pages(Vec<usize>),
}

/// Where finished PDF leaflets are kept between builds (inside the project, ignored by git).
pub const CACHE_DIR: &str = ".homestart-cache";

/// Loads and validates the whole project without writing anything. With errors in `diags`,
/// the project is still returned when it could be put together, so its links can be checked:
/// a caller that writes must look at `diags` first.
pub fn load(
    opts: &Options,
    diags: &mut Diagnostics,
    timings: &mut Vec<(Text, Duration)>,
) -> Option<Project> {
    let config = match Config::load(&opts.root, opts.base_url.as_deref()) {
        Ok(c) => c,
        Err(ds) => {
            diags.extend(ds);
            return None;
        }
    };
    // The registry (boundaries, places, locations) is read and checked while the rest of the
    // project is: neither needs the other until the registry's pages are generated.
    let (files, (registry, registry_time)) = rayon::join(
        || load_files(opts, &config),
        || {
            let t = Instant::now();
            (load_registry(&opts.root), t.elapsed())
        },
    );
    timings.push((t!("timing-registry"), registry_time));
    let (files, files_diags, files_timings) = files;
    diags.extend(files_diags);
    timings.extend(files_timings);
    let registry = registry.map_err(|ds| diags.extend(ds)).ok();
    let Files {
        strings,
        assets,
        templates,
        mut sources,
        every_page,
    } = files?;
    // Registry errors do not stop the content from being checked: one run reports both.
    let (geo, registry) = registry?;
    let t = Instant::now();
    let (generated, gen_diags) =
        coverage::pages::generate(&config, &strings, &sources, &geo, &registry);
    sources.extend(generated);
    diags.extend(gen_diags);
    let templates = templates?;
    // Mistakes in pages that could still be read do not stop here: the rules over the whole
    // site and every link are checked too, so one run names every mistake. A page that could
    // not be read at all would make every link to it look broken.
    if diags.has_errors() && !every_page {
        return None;
    }
    let (site, placing) = model::build(&config, sources, opts.drafts);
    diags.extend(placing);
    let mut site = site?;
    // The rules over the placed site, reported together with what kept pages from being placed.
    diags.extend(check::site(&config, &strings, &site));
    // Outdated translations are warnings, and their pages say so.
    diags.extend(check::translations::mark(&config, &mut site));
    diags.extend(check::templates(&site, &templates));
    timings.push((t!("timing-model"), t.elapsed()));

    let t = Instant::now();
    let coverage = Coverage::build(&config, &strings, &site, &geo, &registry);
    timings.push((t!("timing-registry-views"), t.elapsed()));
    let t = Instant::now();
    let plan = leaflets::plan(&config, &strings, &site, &registry, &coverage.views)
        .map_err(|ds| diags.extend(ds));
    let typesetter = match &plan {
        Ok(p) if !p.jobs.is_empty() => load_typesetter(&opts.root).map_err(|d| diags.push(d)).ok(),
        _ => None,
    };
    // The cache is written to: through a link it would write outside the project.
    if let Err(d) = crate::files::refuse_links(&opts.root, &opts.root.join(CACHE_DIR).join("pdf")) {
        diags.push(d);
    }
    timings.push((t!("timing-leaflet-plan"), t.elapsed()));
    Some(Project {
        root: opts.root.clone(),
        config,
        strings,
        assets,
        templates,
        site,
        geo,
        registry,
        coverage,
        leaflets: plan.ok()?,
        typesetter,
        pdf_cache: Arc::new(leaflets::Cache::on_disk(
            opts.root.join(CACHE_DIR).join("pdf"),
        )),
        outputs: BTreeMap::new(),
    })
}

/// The project's files besides the registry, read and checked.
struct Files {
    strings: Vec<Strings>,
    assets: Assets,
    /// `None` when a template has errors (they are in the diagnostics).
    templates: Option<Templates>,
    sources: Vec<content::SourcePage>,
    /// Whether every page could be read (else links to it would all look broken).
    every_page: bool,
}

/// Strings, assets and templates, then the pages: what [`load`] reads beside the registry.
/// The pages need the assets (links to them are checked), so nothing is read without them.
fn load_files(
    opts: &Options,
    config: &Config,
) -> (Option<Files>, Vec<Diagnostic>, Vec<(Text, Duration)>) {
    let t = Instant::now();
    let mut diags = Vec::new();
    let (strings, assets) = rayon::join(
        || i18n::load(&opts.root, config),
        || assets::load(&opts.root),
    );
    let strings = strings.map_err(|ds| diags.extend(ds)).ok();
    let assets = assets.map_err(|ds| diags.extend(ds)).ok();
    let (Some(strings), Some(assets)) = (strings, assets) else {
        return (None, diags, Vec::new());
    };
    let templates = Templates::load(&opts.root, &assets, &config.base_path)
        .map_err(|ds| diags.extend(ds))
        .ok();
    let mut timings = vec![(t!("timing-load"), t.elapsed())];
    let t = Instant::now();
    let links = Links {
        base_path: &config.base_path,
        assets: &assets,
    };
    let (sources, content_diags, every_page) = content::load(&opts.root, config, &links);
    diags.extend(content_diags);
    diags.extend(check::placeholders(&sources, opts.drafts));
    timings.push((t!("timing-read"), t.elapsed()));
    let files = Files {
        strings,
        assets,
        templates,
        sources,
        every_page,
    };
    (Some(files), diags, timings)
}

/// The leaflet layout and the shipped fonts, read once per build.
fn load_typesetter(root: &Path) -> Result<Typesetter, Diagnostic> {
    let template = crate::diag::Source::read(root, &root.join(leaflets::typeset::TEMPLATE))
        .map_err(|d| {
            d.hint(t!(
                "leaflet-template-needed",
                path = leaflets::typeset::TEMPLATE
            ))
        })?;
    Ok(Typesetter::new(leaflets::Fonts::load(root)?, template))
}

/// Builds the site into the output folder, replacing it only if the whole build succeeded.
pub fn build(opts: &Options) -> (Option<Summary>, Diagnostics) {
    let start = Instant::now();
    let mut diags = Diagnostics::default();
    let mut timings = Vec::new();
    let Some(mut project) = load(opts, &mut diags, &mut timings) else {
        return (None, diags);
    };
    project.pdf_cache.once();
    if diags.has_errors() {
        // Nothing is written; the links are checked so the run names every mistake.
        diags.extend(render(&mut project, &Scope::All, &Discard));
        return (None, diags);
    }
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("public"));
    let staging = match Staging::new(&out, &opts.root) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let t = Instant::now();
    diags.extend(render(&mut project, &Scope::All, &staging));
    timings.push((t!("timing-render"), t.elapsed()));
    if diags.has_errors() {
        return (None, diags); // `staging` is dropped: the old output stays as it was.
    }
    let t = Instant::now();
    let committed = match staging.commit() {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    timings.push((t!("timing-move-in"), t.elapsed()));
    let (pdfs, pdfs_reused) = project.pdf_cache.counts();
    project.pdf_cache.publish(&out);
    project.pdf_cache.prune(true);
    timings.push((t!("timing-total"), start.elapsed()));
    let summary = Summary {
        pages: project.site.pages.len(),
        files: committed.files,
        written: committed.written,
        removed: committed.removed,
        languages: project.config.site.languages.len(),
        pdfs,
        pdfs_reused,
        out,
        timings,
    };
    // Freeing every page, value and source takes the 10k corpus ~20 ms on one core: done
    // beside whatever comes next (printing the summary, then the process's exit).
    std::thread::spawn(move || drop(project));
    (Some(summary), diags)
}

/// Everything `build` checks, without writing anything: the site is rendered in memory and
/// its links checked; outdated translations are warnings.
pub fn check(opts: &Options) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let Some(mut project) = load(opts, &mut diags, &mut Vec::new()) else {
        return diags;
    };
    project.pdf_cache.once();
    diags.extend(render(&mut project, &Scope::All, &Discard));
    diags
}

/// What `check` renders into: nothing is kept, and a page is never minified (its links and ids
/// are checked before that). Leaflets are still typeset: their errors are part of the check.
struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8], _: Option<&[u8]>) -> std::io::Result<()> {
        Ok(())
    }

    fn reuse(&self, path: &str, _: &[u8]) -> bool {
        path.ends_with(".html")
    }
}

/// Renders `scope` of the project into `sink`, noting the ids of each page written, then
/// checks every link editors wrote against the site as it now is: the one way `build`,
/// `check` and `serve` render.
pub fn render(project: &mut Project, scope: &Scope, sink: &dyn Sink) -> Vec<Diagnostic> {
    let recorder = Recorder {
        outputs: check::Outputs::default(),
        inner: sink,
    };
    let mut diags = render_scope(project, scope, &recorder);
    let written = recorder.outputs.into_map();
    match scope {
        Scope::All => project.outputs = written,
        Scope::Pages(_) => project.outputs.extend(written),
    }
    diags.extend(check::links(
        &project.site,
        &project.assets,
        &project.outputs,
    ));
    diags
}

/// Notes every file on its way to the real sink, with the ids of each HTML page (read from
/// the page before minifying when that is known, so a reused page has them too).
struct Recorder<'a> {
    outputs: check::Outputs,
    inner: &'a dyn Sink,
}

impl Sink for Recorder<'_> {
    fn write(&self, path: &str, bytes: &[u8], made_from: Option<&[u8]>) -> std::io::Result<()> {
        let html = if path.ends_with(".html") {
            made_from.unwrap_or(bytes)
        } else {
            &[]
        };
        self.outputs.record(path, html);
        self.inner.write(path, bytes, made_from)
    }

    fn reuse(&self, path: &str, made_from: &[u8]) -> bool {
        let reused = self.inner.reuse(path, made_from);
        if reused {
            self.outputs.record(
                path,
                if path.ends_with(".html") {
                    made_from
                } else {
                    &[]
                },
            );
        }
        reused
    }
}

/// The pages of `scope` and, beside them, every other kind of output ([`outputs`]); the
/// leaflets typeset on their own threads meanwhile.
fn render_scope(project: &mut Project, scope: &Scope, sink: &dyn Sink) -> Vec<Diagnostic> {
    // A full disk fails every file the same way: one error per cause, with a count.
    let collected = WriteErrors::new(sink);
    let sink = &collected;
    let Project {
        config,
        strings,
        assets,
        templates,
        site,
        geo,
        registry,
        coverage,
        leaflets,
        typesetter,
        pdf_cache,
        ..
    } = project;
    let (pdfs, (mut diags, files)) = rayon::join(
        || match (scope, typesetter.as_ref()) {
            (Scope::All, Some(ts)) => Some(leaflets::render(ts, &leaflets.jobs, pdf_cache, sink)),
            _ => None,
        },
        || {
            let renderer = Renderer::new(config, strings, site, templates, coverage, leaflets);
            let pages: Vec<usize> = match scope {
                Scope::All => (0..site.pages.len()).collect(),
                Scope::Pages(pages) => pages.clone(),
            };
            let diags = renderer.render_pages(&pages, sink);
            let parts = outputs::Parts {
                config,
                strings,
                site,
                assets,
                geo,
                registry,
                coverage,
            };
            (diags, outputs::files(&parts, &renderer, scope))
        },
    );
    for file in files {
        match file {
            Ok((path, bytes)) => sink.put(&path, &bytes, None),
            Err(d) => diags.push(d),
        }
    }
    // The leaflets were written as they were typeset.
    if let Some(Err(ds)) = pdfs {
        diags.extend(ds);
    }
    diags.extend(collected.into_diagnostics());
    diags
}

/// The municipal division and the registry checked against it. A project without `geo/` and
/// `locations/` (a plain content site) has neither; registry files without `geo/` are an error.
pub fn load_registry(root: &Path) -> Result<(Geography, Registry), Vec<Diagnostic>> {
    let has_geo = root.join(geo::DIR).is_dir();
    if !has_geo {
        if locations::files(root).is_empty() {
            return Ok((Geography::default(), Registry::default()));
        }
        return Err(vec![
            Diagnostic::error(t!("project-geo-missing"))
                .in_file(geo::BOUNDARIES)
                .hint(t!("project-geo-missing.hint")),
        ]);
    }
    let geo = geo::load(root)?;
    let registry = locations::load(root, &geo)?;
    Ok((geo, registry))
}

/// The project folder: `--root`, else the nearest folder upwards that has a site.yaml.
pub fn find_root(start: &Path) -> PathBuf {
    let mut dir = start.to_path_buf();
    loop {
        if dir.join(crate::config::FILE).is_file() {
            return dir;
        }
        if !dir.pop() {
            return start.to_path_buf();
        }
    }
}
