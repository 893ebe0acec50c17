//! `homestart serve`: the live preview, until the process is stopped.

use std::path::PathBuf;
use std::process::ExitCode;

use super::report;

/// Preview the site on 127.0.0.1 while you edit: rebuilds on every save and reloads the
/// open tab; errors show in the browser.
#[derive(clap::Args)]
pub struct Args {
    /// Port (0: any free port).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    #[command(flatten)]
    speak: super::Speak,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    match homestart::serve::run(root, args.port, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => report::failed(&d, lang),
    }
}
