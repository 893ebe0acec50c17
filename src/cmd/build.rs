//! `homestart build`: the site into a folder, and a summary of what was written.

use std::path::PathBuf;
use std::process::ExitCode;

use homestart::pipeline::{self, Options, Summary};

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
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let opts = Options {
        root,
        out: args.out,
        base_url: args.base_url,
        drafts: args.drafts,
    };
    let (summary, diags) = pipeline::build(&opts);
    report::diagnostics(&diags);
    let Some(s) = summary else {
        eprintln!(
            "build failed: {} error(s), {} warning(s); the output folder was left as it was",
            diags.error_count(),
            diags.warning_count()
        );
        return ExitCode::FAILURE;
    };
    print_summary(&s);
    if args.timings {
        print_timings(&s);
    }
    ExitCode::SUCCESS
}

fn print_summary(s: &Summary) {
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
}

/// `--timings`: each stage, and the peak memory of the process.
fn print_timings(s: &Summary) {
    for (stage, d) in &s.timings {
        eprintln!("  {:>8.1} ms  {stage}", d.as_secs_f64() * 1000.0);
    }
    if let Some(kib) = report::peak_memory_kib() {
        eprintln!("  peak memory {:.1} MiB", kib as f64 / 1024.0);
    }
}
