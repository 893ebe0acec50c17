//! The table's rows for the included site, built from its copy at `site` (never the working
//! tree): from scratch, unchanged, every leaflet typeset, and its HTML part alone (the copy
//! `html_only`, whose pages ask for no PDF).

use std::path::Path;

use crate::disk::remove_and_sync;
use crate::runs::{row, time_builds};

pub fn table(bin: &Path, site: &Path, html_only: &Path, out: &Path, work: &Path) {
    let cache = site.join(homestart::pipeline::CACHE_DIR);
    let fresh_out = || remove_and_sync(out);
    let r = time_builds(bin, site, out, 10, &fresh_out);
    row(
        "included site, written from scratch (8 languages, registry pages, 498 PDF leaflets from the cache)",
        &r,
    );
    let r = time_builds(bin, site, out, 20, &|| ());
    row(
        "included site, unchanged since the last build (nothing to write)",
        &r,
    );
    let r = time_builds(bin, site, out, 5, &|| {
        fresh_out();
        let _ = std::fs::remove_dir_all(&cache);
    });
    row(
        "included site, every PDF leaflet typeset (cache emptied, output from scratch)",
        &r,
    );
    html_part(bin, html_only, &work.join("html-only-out"));
}

/// The rows of the copy without leaflets: from scratch on disk and in memory, and unchanged.
fn html_part(bin: &Path, html_only: &Path, html_out: &Path) {
    let r = time_builds(bin, html_only, html_out, 10, &|| remove_and_sync(html_out));
    row(
        "included site, HTML part only (no PDFs), written from scratch",
        &r,
    );
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        let mem_out = shm.join(format!("homestart-bench-{}", std::process::id()));
        let r = time_builds(bin, html_only, &mem_out, 10, &|| {
            let _ = std::fs::remove_dir_all(&mem_out);
        });
        row(
            "included site, HTML part only, written from scratch to memory (/dev/shm)",
            &r,
        );
        let _ = std::fs::remove_dir_all(&mem_out);
    }
    let r = time_builds(bin, html_only, html_out, 20, &|| ());
    row(
        "included site, HTML part only, unchanged since the last build",
        &r,
    );
}
