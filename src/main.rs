//! The `homestart` command line: parses the arguments and hands them to the command's module
//! in `cmd/`, which does the work and says what the exit code is.
#![warn(clippy::too_many_lines)]

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "homestart", version, about = "Builds the Home-Start website")]
struct Cli {
    /// Project folder (the one with site.yaml); defaults to the nearest one upwards.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// The subcommands, in the order `--help` lists them; each one's help is on its `Args`.
#[derive(Subcommand)]
enum Command {
    Build(cmd::build::Args),
    Check(cmd::check::Args),
    Serve(cmd::serve::Args),
    Translations(cmd::translations::Args),
    New(cmd::new::Args),
    Schema(cmd::schema::Args),
    ImportGeo(cmd::import_geo::Args),
    ImportPlaces(cmd::import_places::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.unwrap_or_else(|| {
        homestart::pipeline::find_root(&std::env::current_dir().unwrap_or_else(|_| ".".into()))
    });
    match cli.command {
        Command::Build(args) => cmd::build::run(root, args),
        Command::Check(args) => cmd::check::run(root, args),
        Command::Serve(args) => cmd::serve::run(root, args),
        Command::Translations(args) => cmd::translations::run(root, args),
        Command::New(args) => cmd::new::run(root, args),
        Command::Schema(args) => cmd::schema::run(root, args),
        Command::ImportGeo(args) => cmd::import_geo::run(root, args),
        Command::ImportPlaces(args) => cmd::import_places::run(root, args),
    }
}

/// mimalloc: many threads allocate small strings and typst's memo entries at once; the
/// system allocator's locks cost a build measurable time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
