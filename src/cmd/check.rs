//! `homestart check`: every problem `build` would find, in the form the reader wants.

use std::path::PathBuf;
use std::process::ExitCode;

use homestart::pipeline::{self, Options};
use homestart::t;

use super::report;

/// Check the whole project as `build` would (content, registry, translations, links and
/// anchors, images, templates) without writing a site; exit 1 on any error.
#[derive(clap::Args)]
pub struct Args {
    /// `human` (default), `github` (annotations on the pull request) or `json`.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail on warnings too (e.g. stale translations).
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    speak: super::Speak,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Github,
    Json,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    let diags = pipeline::check(&Options::at(root));
    let (errors, warnings) = (diags.error_count(), diags.warning_count());
    match args.format {
        Format::Human => {
            report::diagnostics(&diags, lang);
            eprintln!(
                "{}",
                t!("check-summary", counts = report::counts(&diags, lang)).show(lang)
            );
        }
        Format::Github => {
            for d in diags.sorted() {
                println!("{}", d.github(lang));
            }
            eprintln!(
                "{}",
                t!("check-summary", counts = report::counts(&diags, lang)).show(lang)
            );
        }
        Format::Json => {
            let report = Report {
                errors,
                warnings,
                diagnostics: diags.sorted().into_iter().map(|d| d.json(lang)).collect(),
            };
            // As a JSON value, so the keys come out sorted, as they always have.
            let out = homestart::escape::sorted_json(&report);
            println!("{out:#}");
        }
    }
    if errors > 0 || (args.strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `check --format json`.
#[derive(serde::Serialize)]
struct Report {
    errors: usize,
    warnings: usize,
    diagnostics: Vec<serde_json::Value>,
}
