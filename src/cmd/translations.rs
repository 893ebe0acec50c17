//! `homestart translations`: the table of translated, outdated and missing pages, or
//! (`--mark`) recording that translations match their original.

use std::path::PathBuf;
use std::process::ExitCode;

use homestart::check::translations;
use homestart::diag::Diagnostics;
use homestart::pipeline::{self, Options};
use homestart::t;

use super::report;

/// Show which pages are translated, and which translations are outdated or missing.
#[derive(clap::Args)]
pub struct Args {
    /// Record in these translations that they match the current original
    /// (writes `translated_from:`), e.g. --mark content/en/over.md.
    #[arg(long, num_args = 1..)]
    mark: Vec<String>,
    #[command(flatten)]
    speak: super::Speak,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    let opts = Options {
        drafts: true,
        ..Options::at(root.clone())
    };
    let mut diags = Diagnostics::default();
    let loaded = pipeline::load(&opts, &mut diags, &mut Vec::new());
    let Some(project) = loaded.filter(|_| !diags.has_errors()) else {
        report::diagnostics(&diags, lang);
        eprintln!("{}", t!("translations-project-broken").show(lang));
        return ExitCode::FAILURE;
    };
    let rows = translations::table(project.config(), project.site());
    if args.mark.is_empty() {
        print!("{}", translations::render(&rows, project.config(), lang));
        return ExitCode::SUCCESS;
    }
    match translations::mark_files(&root, &rows, &args.mark) {
        Ok(done) => {
            for line in done {
                println!("{}", t!("translations-marked", what = line).show(lang));
            }
            ExitCode::SUCCESS
        }
        Err(d) => report::failed(&d, lang),
    }
}
