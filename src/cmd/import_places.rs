//! `homestart import-places`: the lookup's place and postcode tables regenerated.

use std::path::PathBuf;
use std::process::ExitCode;

use super::report;

/// Regenerate geo/places.csv and/or geo/postcodes.csv for the lookup from a table of
/// towns or postcodes with municipality codes (GeoNames-derived or official CBS/BAG).
#[derive(clap::Args)]
#[command(arg_required_else_help = true)]
pub struct Args {
    /// CSV with a place column (place, woonplaats, name) and municipality code column(s).
    #[arg(long)]
    places: Option<PathBuf>,
    /// CSV with a postcode column (postcode, pc4) and municipality code column(s).
    #[arg(long)]
    postcodes: Option<PathBuf>,
    #[command(flatten)]
    speak: super::Speak,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    let result = homestart::geo::load(&root).and_then(|geo| {
        homestart::geo::places::import(
            &root,
            &geo,
            args.places.as_deref(),
            args.postcodes.as_deref(),
        )
    });
    match result {
        Ok(done) => {
            for line in done.lines(lang) {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(errors) => report::import_failed(errors, lang),
    }
}
