//! `homestart new`: a commented starting file for a page, story or location.

use std::path::PathBuf;
use std::process::ExitCode;

use homestart::messages::Lang;
use homestart::scaffold::{self, Kind};
use homestart::t;

/// Start a page, story or location from a commented file that builds as it is.
#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    kind: NewKind,
    /// Title of the page or story, or name of the location ("Home-Start Zeist").
    name: String,
    /// Language of a page or story (default: the site's first language). A page with the
    /// name of an existing page of the first language becomes its translation.
    #[arg(long)]
    lang: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NewKind {
    Page,
    Story,
    Location,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = Lang::for_run(None, &root);
    let kind = match args.kind {
        NewKind::Page => Kind::Page,
        NewKind::Story => Kind::Story,
        NewKind::Location => Kind::Location,
    };
    match scaffold::create(&root, kind, &args.name, args.lang.as_deref(), lang) {
        Ok(rel) => {
            println!("{}", t!("new-wrote", path = rel).show(lang));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            // Separated by a blank line, as elsewhere; a single error is shown as it always was.
            let rendered: Vec<String> = errors.iter().map(|d| d.render(lang)).collect();
            eprint!("{}", rendered.join("\n"));
            ExitCode::FAILURE
        }
    }
}
