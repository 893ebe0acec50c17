//! `homestart import-geo`: geo/ regenerated from a boundary file and a merger table.

use std::path::PathBuf;
use std::process::ExitCode;

use super::report;

/// Regenerate geo/ from a CBS municipality boundary file and a merger table, e.g. for
/// next year's division; prints what changed for review.
#[derive(clap::Args)]
pub struct Args {
    /// GeoJSON with one feature per municipality (properties statcode/statnaam or code/name).
    #[arg(long)]
    boundaries: PathBuf,
    /// CSV of mergers: date, former names (separated by |), code(s) and name(s) merged into.
    #[arg(long)]
    mergers: PathBuf,
    /// Year of the division, if the boundary file does not say.
    #[arg(long)]
    year: Option<u16>,
    #[command(flatten)]
    speak: super::Speak,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    match homestart::geo::import::run(&root, &args.boundaries, &args.mergers, args.year) {
        Ok(done) => {
            print!("{}", done.text(lang));
            ExitCode::SUCCESS
        }
        Err(errors) => report::import_failed(errors, lang),
    }
}
