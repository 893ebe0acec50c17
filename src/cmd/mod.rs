//! One module per subcommand: each has the command's arguments (`Args`, with its help text)
//! and `run`, which does the work through the library and turns the outcome into what the
//! terminal shows and the exit code. `main` only parses and dispatches.
//!
//! These modules belong to the binary, not the library: they are about the terminal
//! (printing, exit codes, clap), which no other user of the library (tests, the bench) needs.

// As in the library: a diagnostic only travels on the cold error path.
#![allow(clippy::result_large_err)]

use std::path::Path;

use homestart::messages::Lang;

pub mod build;
pub mod check;
pub mod import_geo;
pub mod import_places;
pub mod new;
pub mod report;
pub mod schema;
pub mod serve;
pub mod translations;

/// `--lang`: the language the command speaks in, for one run. Not on `new`, whose `--lang` is
/// the new page's language.
#[derive(clap::Args)]
pub struct Speak {
    /// Language of the messages, `nl` or `en` (default: $HOMESTART_LANG, else site.yaml's
    /// `editor_language`, else the site's first language).
    #[arg(long = "lang", value_name = "CODE")]
    lang: Option<String>,
}

impl Speak {
    pub fn lang(&self, root: &Path) -> Lang {
        Lang::for_run(self.lang.as_deref(), root)
    }
}
