//! `homestart build`: the site into a folder, and a summary of what was written.

use std::path::PathBuf;
use std::process::ExitCode;

use homestart::messages::Lang;
use homestart::pipeline::{self, Options, Summary};
use homestart::t;

use super::report;

/// Build the site into a folder (default: public/).
#[derive(clap::Args)]
pub struct Args {
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
    #[command(flatten)]
    speak: super::Speak,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    let opts = Options {
        root,
        out: args.out,
        base_url: args.base_url,
        drafts: args.drafts,
    };
    let (summary, diags) = pipeline::build(&opts);
    report::diagnostics(&diags, lang);
    let Some(s) = summary else {
        let counts = report::counts(&diags, lang);
        eprintln!("{}", t!("build-failed", counts = counts).show(lang));
        return ExitCode::FAILURE;
    };
    print_summary(&s, lang);
    if args.timings {
        print_timings(&s, lang);
    }
    ExitCode::SUCCESS
}

fn print_summary(s: &Summary, lang: Lang) {
    let total = s.timings.last().map(|t| t.1).unwrap_or_default();
    let built = t!(
        "build-done",
        pages = s.pages,
        languages = s.languages,
        files = s.files,
        written = s.written,
        unchanged = s.files - s.written,
        removed = s.removed,
        ms = u64::try_from(total.as_millis()).unwrap_or(u64::MAX),
        out = s.out.display().to_string(),
    );
    eprintln!("{}", built.show(lang));
    if s.pdfs > 0 {
        let pdfs = t!(
            "build-pdfs",
            pdfs = s.pdfs,
            typeset = s.pdfs - s.pdfs_reused,
            unchanged = s.pdfs_reused,
            cache = pipeline::CACHE_DIR,
        );
        eprintln!("  {}", pdfs.show(lang));
    }
}

/// `--timings`: each stage, and the peak memory of the process.
fn print_timings(s: &Summary, lang: Lang) {
    for (stage, d) in &s.timings {
        eprintln!(
            "  {:>8.1} ms  {}",
            d.as_secs_f64() * 1000.0,
            stage.show(lang)
        );
    }
    if let Some(kib) = report::peak_memory_kib() {
        let mib = format!("{:.1}", kib as f64 / 1024.0);
        eprintln!("  {}", t!("build-peak-memory", mib = mib).show(lang));
    }
}
