//! The `homestart` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use homestart::diag::Diagnostics;
use homestart::pipeline::{self, Options};

#[derive(Parser)]
#[command(name = "homestart", version, about = "Builds the Home-Start website")]
struct Cli {
    /// Project folder (the one with site.yaml); defaults to the nearest one upwards.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into a folder (default: public/).
    Build {
        /// Output folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Base URL the site is published at, e.g. https://example.org/homestart/ (overrides site.yaml).
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print where the time went.
        #[arg(long)]
        timings: bool,
    },
    /// Check the whole project as `build` would (content, registry, translations, links and
    /// anchors, images, templates) without writing a site; exit 1 on any error.
    Check {
        /// `human` (default), `github` (annotations on the pull request) or `json`.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail on warnings too (e.g. stale translations).
        #[arg(long)]
        strict: bool,
    },
    /// Preview the site on 127.0.0.1 while you edit: rebuilds on every save and reloads the
    /// open tab; errors show in the browser.
    Serve {
        /// Port (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Show which pages are translated, and which translations are outdated or missing.
    Translations {
        /// Record in these translations that they match the current original
        /// (writes `translated_from:`), e.g. --mark content/en/over.md.
        #[arg(long, num_args = 1..)]
        mark: Vec<String>,
    },
    /// Start a page, story or location from a commented file that builds as it is.
    New {
        #[arg(value_enum)]
        kind: NewKind,
        /// Title of the page or story, or name of the location ("Home-Start Zeist").
        name: String,
        /// Language of a page or story (default: the site's first language). A page with the
        /// name of an existing page of the first language becomes its translation.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write the JSON Schema of location files to schema/location.schema.json (editors' tools
    /// use it to check and autocomplete locations/*.yaml).
    Schema,
    /// Regenerate geo/ from a CBS municipality boundary file and a merger table, e.g. for
    /// next year's division; prints what changed for review.
    ImportGeo {
        /// GeoJSON with one feature per municipality (properties statcode/statnaam or code/name).
        #[arg(long)]
        boundaries: PathBuf,
        /// CSV of mergers: date, former names (separated by |), code(s) and name(s) merged into.
        #[arg(long)]
        mergers: PathBuf,
        /// Year of the division, if the boundary file does not say.
        #[arg(long)]
        year: Option<u16>,
    },
    /// Regenerate geo/places.csv and/or geo/postcodes.csv for the lookup from a table of
    /// towns or postcodes with municipality codes (GeoNames-derived or official CBS/BAG).
    #[command(arg_required_else_help = true)]
    ImportPlaces {
        /// CSV with a place column (place, woonplaats, name) and municipality code column(s).
        #[arg(long)]
        places: Option<PathBuf>,
        /// CSV with a postcode column (postcode, pc4) and municipality code column(s).
        #[arg(long)]
        postcodes: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NewKind {
    Page,
    Story,
    Location,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Github,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = match cli.root {
        Some(r) => r,
        None => {
            pipeline::find_root(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")))
        }
    };
    match cli.command {
        Command::Check { format, strict } => {
            let diags = pipeline::check(&Options::at(root));
            let (errors, warnings) = (diags.error_count(), diags.warning_count());
            match format {
                Format::Human => {
                    print_diagnostics(&diags);
                    eprintln!("check: {errors} error(s), {warnings} warning(s)");
                }
                Format::Github => {
                    for d in diags.sorted() {
                        println!("{}", d.github());
                    }
                    eprintln!("check: {errors} error(s), {warnings} warning(s)");
                }
                Format::Json => {
                    let list: Vec<_> = diags.sorted().into_iter().map(|d| d.json()).collect();
                    let out = serde_json::json!({"errors": errors, "warnings": warnings, "diagnostics": list});
                    println!("{out:#}");
                }
            }
            if errors > 0 || (strict && warnings > 0) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::New { kind, name, lang } => {
            let kind = match kind {
                NewKind::Page => homestart::scaffold::Kind::Page,
                NewKind::Story => homestart::scaffold::Kind::Story,
                NewKind::Location => homestart::scaffold::Kind::Location,
            };
            match homestart::scaffold::create(&root, kind, &name, lang.as_deref()) {
                Ok(rel) => {
                    println!(
                        "wrote {rel}: fill it in, then `homestart check` (or `homestart build`)"
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprint!("{}", d.render());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve { port } => match homestart::serve::run(root, port) {
            Ok(()) => ExitCode::SUCCESS,
            Err(d) => {
                eprint!("{}", d.render());
                ExitCode::FAILURE
            }
        },
        Command::Translations { mark } => {
            let opts = Options {
                drafts: true,
                ..Options::at(root.clone())
            };
            let mut diags = Diagnostics::default();
            let Some(project) = pipeline::load(&opts, &mut diags, &mut Vec::new()) else {
                print_diagnostics(&diags);
                eprintln!("the project has errors; fix them first (see `homestart check`)");
                return ExitCode::FAILURE;
            };
            let rows = homestart::check::translations::table(project.config(), project.site());
            if mark.is_empty() {
                print!(
                    "{}",
                    homestart::check::translations::render(&rows, project.config())
                );
                return ExitCode::SUCCESS;
            }
            match homestart::check::translations::mark_files(&root, &rows, &mark) {
                Ok(done) => {
                    for line in done {
                        println!("marked {line}");
                    }
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprint!("{}", d.render());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Schema => {
            let path = root.join("schema/location.schema.json");
            let text = homestart::locations::schema::json_schema();
            match std::fs::create_dir_all(root.join("schema"))
                .and_then(|()| std::fs::write(&path, text))
            {
                Ok(()) => {
                    eprintln!("wrote {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::ImportGeo {
            boundaries,
            mergers,
            year,
        } => match homestart::geo::import::run(&root, &boundaries, &mergers, year) {
            Ok(report) => {
                print!("{}", report.text());
                ExitCode::SUCCESS
            }
            Err(errors) => import_failed(errors),
        },
        Command::ImportPlaces { places, postcodes } => {
            let result = homestart::geo::load(&root).and_then(|geo| {
                homestart::geo::places::import(&root, &geo, places.as_deref(), postcodes.as_deref())
            });
            match result {
                Ok(report) => {
                    for line in report.lines {
                        println!("{line}");
                    }
                    ExitCode::SUCCESS
                }
                Err(errors) => import_failed(errors),
            }
        }
        Command::Build {
            out,
            base_url,
            drafts,
            timings,
        } => {
            let opts = Options {
                root,
                out,
                base_url,
                drafts,
            };
            let (summary, diags) = pipeline::build(&opts);
            print_diagnostics(&diags);
            match summary {
                Some(s) => {
                    let total = s.timings.last().map(|t| t.1).unwrap_or_default();
                    eprintln!(
                        "built {} pages in {} languages ({} files: {} written, {} unchanged, {} removed) in {} ms → {}",
                        s.pages,
                        s.languages,
                        s.files,
                        s.written,
                        s.files - s.written,
                        s.removed,
                        total.as_millis(),
                        s.out.display()
                    );
                    if s.pdfs > 0 {
                        eprintln!(
                            "  {} PDF leaflets: {} typeset, {} unchanged (from {})",
                            s.pdfs,
                            s.pdfs - s.pdfs_reused,
                            s.pdfs_reused,
                            pipeline::CACHE_DIR
                        );
                    }
                    if timings {
                        for (stage, d) in &s.timings {
                            eprintln!("  {:>8.1} ms  {stage}", d.as_secs_f64() * 1000.0);
                        }
                        if let Some(kib) = peak_memory_kib() {
                            eprintln!("  peak memory {:.1} MiB", kib as f64 / 1024.0);
                        }
                    }
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!(
                        "build failed: {} error(s), {} warning(s); the output folder was left as it was",
                        diags.error_count(),
                        diags.warning_count()
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The end of a refused import: every error, and that geo/ is as it was.
fn import_failed(errors: Vec<homestart::diag::Diagnostic>) -> ExitCode {
    let mut diags = Diagnostics::default();
    diags.extend(errors);
    print_diagnostics(&diags);
    eprintln!("import failed: nothing in geo/ was changed");
    ExitCode::FAILURE
}

fn print_diagnostics(diags: &Diagnostics) {
    for d in diags.sorted() {
        eprint!("{}", d.render());
        eprintln!();
    }
}

/// The process's peak resident memory (Linux: VmHWM in /proc/self/status), for `--timings`.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// mimalloc: many threads allocate small strings and typst's memo entries at once; the
/// system allocator's locks cost a build measurable time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
