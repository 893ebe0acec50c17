//! `cargo bench --bench build`: whole-process build times of the included site and of a
//! generated corpus, printed as a table (a benchmark, never a timed test).
//!
//! Everything runs on copies in the cargo target folder (`CARGO_TARGET_TMPDIR/bench`): the
//! included site is copied there first, so no build writes into, or deletes from, the working
//! tree (its `.homestart-cache/` included). The corpus is deterministic (fixed seed); set
//! `HOMESTART_BENCH_PAGES` to change its size, `HOMESTART_BENCH_QUICK` to skip the 1k and 50k
//! corpora, and `HOMESTART_BENCH_LOCATIONS` to time a large registry instead (scale.rs).

mod corpus;
mod disk;
mod editing;
mod files;
mod hugo;
mod in_process;
mod included;
mod runs;
mod scale;

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
    let out = work.join("site-out");
    runs::header();
    included::table(&bin, &site, &out, &work);
    let main_corpus = corpus::table(&bin, &repo, &work);
    println!();
    println!(
        "(each run is a fresh `homestart build --timings` process: read, render, minify, check links, write; \"from scratch\" runs start without an output folder; peak memory is the process's VmHWM)"
    );
    if let Some(corpus) = &main_corpus {
        disk::write_floor(&corpus.join("public"), &work);
        hugo::compare(&bin, &repo, corpus, &work);
    }
    in_process::registry(&site);
    in_process::leaflets(&site, &out);
    in_process::maps_and_lookup(&site, &out);
    editing::check(&bin, &site);
    editing::serve_rebuild(&site, &work);
}
