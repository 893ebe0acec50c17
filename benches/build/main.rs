//! `cargo bench --bench build` (through `benches/run.sh`, which installs Hugo): first the
//! targets (targets.rs: the 10k and 1k corpus in memory beside the current Hugo and the floor,
//! the included site's HTML part in memory, the included site with its leaflets from the cache
//! on disk), then whole-process build times of the included site and of the generated corpora,
//! Hugo side by side on disk, and what the build does inside one process (a benchmark, never a
//! timed test).
//!
//! Everything runs on copies in the cargo target folder (`CARGO_TARGET_TMPDIR/bench`): the
//! included site is copied there first, so no build writes into, or deletes from, the working
//! tree (its `.homestart-cache/` included). The corpus is deterministic (fixed seed); set
//! `HOMESTART_BENCH_PAGES` to change its main size, `HOMESTART_BENCH_QUICK` to skip the 1k and
//! 50k rows of the detailed table, and `HOMESTART_BENCH_LOCATIONS` to time a large registry
//! instead (scale.rs).

mod corpus;
mod disk;
mod editing;
mod files;
mod hugo;
mod in_process;
mod included;
mod runs;
mod scale;
mod targets;

use std::path::{Path, PathBuf};

fn main() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_homestart"));
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    // A large registry on its own (the rest of the benchmark is skipped).
    if let Some(n) = std::env::var("HOMESTART_BENCH_LOCATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        scale::registry(&bin, &repo, &work, n);
        return;
    }

    let site = work.join("site");
    files::copy_project(&repo, &site);
    // The HTML part alone: a copy whose pages ask for no PDF.
    let html_only = work.join("html-only");
    files::copy_project(&site, &html_only);
    files::without_leaflets(&html_only);
    let pages: usize = std::env::var("HOMESTART_BENCH_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let corpus_1k = corpus::generate(&repo, &work, 1_000);
    let main_corpus = corpus::generate(&repo, &work, pages);

    runs::machine();
    targets::table(&targets::Inputs {
        bin: &bin,
        repo: &repo,
        work: &work,
        corpus_1k: &corpus_1k,
        corpus_10k: &main_corpus,
        site: &site,
        html_only: &html_only,
    });
    runs::header();
    let out = work.join("site-out");
    included::table(&bin, &site, &html_only, &out, &work);
    corpus::table(&bin, &repo, &work, pages);
    println!();
    println!(
        "(each run is a fresh `homestart build --timings` process: read, render, minify, check links, write; \"from scratch\" runs start without an output folder; peak memory is the process's VmHWM)"
    );
    disk::write_floor(&main_corpus.join("public"), &work);
    hugo::on_disk(&bin, &repo, &main_corpus, &work);
    in_process::registry(&site);
    in_process::leaflets(&site, &out);
    in_process::maps_and_lookup(&site, &out);
    editing::check(&bin, &site);
    editing::serve_rebuild(&site, &work);
}
