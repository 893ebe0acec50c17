//! `homestart serve`: the site in memory on 127.0.0.1, rebuilt when a file changes, with the
//! open tab reloaded. An edit to one page re-renders that page only (and the feeds); any other
//! change rebuilds everything. A broken edit shows its errors in the browser in place of the
//! pages, and the preview recovers by itself once the file is fixed.
//!
//! One thread builds, so builds never overlap; changes arriving meanwhile are taken together
//! for the next build. Nothing is written to disk: the server answers from the built files in
//! memory, so no request can reach a file outside the site. Requests are answered by a small
//! async runtime (`listen`), not a thread per connection.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Lang;
use crate::pipeline::{self, Options, Project, Refresh, Scope};
use crate::t;

mod events;
mod http;
mod listen;
mod watch;

/// What a build left for the server: the files of the site, or the errors to show instead.
#[derive(Default)]
pub struct Snapshot {
    pub files: Arc<HashMap<String, Vec<u8>>>,
    /// Errors of the last build, shown in the browser until a build succeeds.
    pub errors: Vec<Diagnostic>,
    /// Counts builds, so open tabs know to reload.
    pub version: u64,
}

/// How a build went.
#[derive(Debug)]
pub struct Outcome {
    /// Pages rendered (all of them for a full build).
    pub pages: usize,
    pub full: bool,
    pub took: Duration,
    pub errors: usize,
}

/// Builds the site into memory and keeps what it needs to rebuild one page quickly.
pub struct Builder {
    opts: Options,
    /// The last project that loaded without errors; `None` forces a full build.
    project: Option<Project>,
    files: HashMap<String, Vec<u8>>,
    pub errors: Vec<Diagnostic>,
    /// Finished PDF leaflets, kept in memory from build to build.
    pdf_cache: Option<Arc<crate::leaflets::Cache>>,
}

impl Builder {
    pub fn new(opts: Options) -> Self {
        Builder {
            opts,
            project: None,
            files: HashMap::new(),
            errors: Vec::new(),
            pdf_cache: None,
        }
    }

    pub fn files(&self) -> &HashMap<String, Vec<u8>> {
        &self.files
    }

    /// Rebuilds after `changed` files (empty: build everything).
    pub fn build(&mut self, changed: &[PathBuf]) -> Outcome {
        let start = Instant::now();
        let refresh = match &mut self.project {
            Some(project) if !changed.is_empty() => project.refresh(changed),
            _ => Refresh::Reload,
        };
        let (pages, full) = match refresh {
            Refresh::Pages(pages) => (self.pages(pages), false),
            Refresh::Failed(errors) => {
                // Shown now; the next change rebuilds everything, as the fix may touch more.
                self.project = None;
                self.errors = errors;
                (0, false)
            }
            Refresh::Reload => (self.full(), true),
        };
        Outcome {
            pages,
            full,
            took: start.elapsed(),
            errors: self.errors.iter().filter(|d| d.is_error()).count(),
        }
    }

    /// Loads and renders everything. Returns the number of pages.
    fn full(&mut self) -> usize {
        let mut diags = Diagnostics::default();
        let Some(mut project) = pipeline::load(&self.opts, &mut diags, &mut Vec::new()) else {
            self.project = None;
            self.errors = diags.into_vec();
            return 0;
        };
        match &self.pdf_cache {
            Some(cache) => project.use_pdf_cache(cache.clone()),
            None => self.pdf_cache = Some(project.pdf_cache().clone()),
        }
        let files = Mutex::new(HashMap::new());
        diags.extend(pipeline::render(&mut project, &Scope::All, &keep(&files)));
        // Only what this build used stays in memory; the folder is left to `build`.
        project.pdf_cache().prune(false);
        let pages = project.site().pages.len();
        self.files = files.into_inner().unwrap_or_default();
        self.errors = diags
            .into_vec()
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        self.project = self.errors.is_empty().then_some(project);
        pages
    }

    /// Renders these pages again (their text changed) through the same path as a full build.
    fn pages(&mut self, pages: Vec<usize>) -> usize {
        let Some(project) = self.project.as_mut() else {
            return self.full();
        };
        let count = pages.len();
        let files = Mutex::new(HashMap::new());
        let errors = pipeline::render(project, &Scope::Pages(pages), &keep(&files));
        self.files.extend(files.into_inner().unwrap_or_default());
        if errors.is_empty() {
            self.errors.clear();
        } else {
            self.project = None;
            self.errors = errors;
        }
        count
    }
}

/// A sink that keeps every file in memory.
fn keep(
    files: &Mutex<HashMap<String, Vec<u8>>>,
) -> impl Fn(&str, &[u8]) -> std::io::Result<()> + Sync + '_ {
    move |path: &str, bytes: &[u8]| {
        if let Ok(mut f) = files.lock() {
            f.insert(path.to_string(), bytes.to_vec());
        }
        Ok(())
    }
}

/// Serves the project at `root` on 127.0.0.1:`port` (0: any free port) until stopped.
pub fn run(root: PathBuf, port: u16, lang: Lang) -> Result<(), Diagnostic> {
    // The watcher reports absolute paths: a relative `--root` would match none of them.
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let limits = listen::Limits::new()?;
    let listener = listen::bind(port).map_err(|e| {
        let d = Diagnostic::error(t!("serve-port", port = port, reason = e.to_string()));
        if e.kind() == std::io::ErrorKind::AddrInUse {
            d.hint(t!("serve-port.hint-in-use", next = port.saturating_add(1)))
        } else {
            d.hint(t!("serve-port.hint"))
        }
    })?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    let opts = Options {
        root: root.clone(),
        out: None,
        base_url: Some(format!("http://127.0.0.1:{port}/")),
        drafts: true,
    };
    let shared = Arc::new(http::Shared::new(lang));
    let mut builder = Builder::new(opts);
    report(&builder.build(&[]), &builder.errors, lang);
    shared.publish(&builder);

    let (tx, rx) = mpsc::channel();
    let _watcher = watch::start(&root, tx).map_err(|e| {
        Diagnostic::error(t!("serve-watch", reason = e.to_string())).hint(t!("serve-watch.hint"))
    })?;
    {
        let shared = shared.clone();
        std::thread::spawn(move || {
            // Builds one after another; whatever changed meanwhile is built together.
            while let Ok(mut changed) = rx.recv() {
                while let Ok(more) = rx.try_recv() {
                    changed.extend(more);
                }
                changed.sort();
                changed.dedup();
                let outcome = builder.build(&changed);
                report(&outcome, &builder.errors, lang);
                shared.publish(&builder);
            }
        });
    }
    println!("{}", t!("serve-serving", port = port).show(lang));
    listen::serve(listener, shared, limits)
}

fn report(o: &Outcome, errors: &[Diagnostic], lang: Lang) {
    let ms = o.took.as_secs_f64() * 1000.0;
    let said = if o.errors > 0 {
        for d in errors {
            eprint!("{}", d.render(lang));
        }
        t!("serve-errors", count = o.errors, ms = format!("{ms:.0}"))
    } else if o.full {
        t!("serve-built", pages = o.pages, ms = format!("{ms:.0}"))
    } else {
        t!("serve-rebuilt", pages = o.pages, ms = format!("{ms:.1}"))
    };
    eprintln!("{}", said.show(lang));
}
