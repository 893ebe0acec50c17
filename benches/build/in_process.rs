//! What the build does inside one process, timed there: the registry, the PDF leaflets, the
//! maps and the lookup index of the included site (the copy the tables above built).

use std::path::Path;
use std::time::{Duration, Instant};

/// Registry load + check of the included site, in this process: the first run pays the
/// one-time set-up of the phone-number library, later runs show the steady cost (`serve`).
pub fn registry(root: &Path) {
    let t = Instant::now();
    let (geo, reg) = homestart::pipeline::load_registry(root).expect("registry loads");
    let cold = t.elapsed();
    let mut warm: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let _ = homestart::pipeline::load_registry(root).expect("registry loads");
            t.elapsed()
        })
        .collect();
    warm.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    println!();
    println!(
        "registry load + check ({}; {} municipalities of {}): first run {} (cold: files read from disk after the corpus runs, one-time set-up), then median {} (min {}, max {}, 20 runs)",
        homestart::locations::summary(&reg),
        geo.municipalities.len(),
        geo.year,
        ms(cold),
        ms(warm[warm.len() / 2]),
        ms(warm[0]),
        ms(warm[warm.len() - 1]),
    );
}

/// The PDF leaflets in this process: one leaflet typeset (fonts already loaded), the whole
/// set typeset in parallel with an empty cache, and the whole set again from the cache.
pub fn leaflets(root: &Path, out: &Path) {
    use homestart::leaflets::{Cache, render};
    let opts = homestart::pipeline::Options::at(root.to_path_buf());
    let mut diags = homestart::diag::Diagnostics::default();
    let project =
        homestart::pipeline::load(&opts, &mut diags, &mut Vec::new()).expect("site loads");
    let t = Instant::now();
    let ts = homestart::leaflets::Typesetter::new(
        homestart::leaflets::Fonts::load(root).expect("fonts load"),
        homestart::diag::Source::read(root, &root.join("templates/leaflet.typ")).unwrap(),
    );
    let setup = t.elapsed();
    let jobs = &project.leaflets().jobs;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut one: Vec<Duration> = (0..20)
        .map(|i| {
            let job = &jobs[(i * 37) % jobs.len()];
            let t = Instant::now();
            let _ = ts
                .pdf(&job.data(), &job.qr, &job.path)
                .expect("leaflet typesets");
            t.elapsed()
        })
        .collect();
    one.sort();
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    let discard = |_: &str, _: &[u8]| Ok(());
    for _ in 0..3 {
        let cache = Cache::default();
        let t = Instant::now();
        render(&ts, jobs, &cache, &discard).expect("leaflets render");
        cold.push(t.elapsed());
        let t = Instant::now();
        render(&ts, jobs, &cache, &discard).expect("leaflets render");
        warm.push(t.elapsed());
    }
    cold.sort();
    warm.sort();
    let (mut total, mut n) = (0u64, 0u64);
    for e in walkdir::WalkDir::new(out.join("pdf")).into_iter().flatten() {
        if e.file_type().is_file() {
            total += e.metadata().map_or(0, |m| m.len());
            n += 1;
        }
    }
    println!();
    println!(
        "PDF leaflets ({} in {} languages): fonts + template loaded once in {:.1} ms; one leaflet typeset median {:.1} ms (min {:.1}, max {:.1}, 20 runs); whole set in parallel from scratch median {:.0} ms (min {:.0}, max {:.0}, 3 runs), from the cache {:.1} ms; {} files, {:.1} MB, {:.0} KB per leaflet on average",
        jobs.len(),
        project.config().site.languages.len(),
        ms(setup),
        ms(one[10]),
        ms(one[0]),
        ms(one[19]),
        ms(cold[1]),
        ms(cold[0]),
        ms(cold[2]),
        ms(warm[1]),
        n,
        total as f64 / 1e6,
        total as f64 / 1e3 / n.max(1) as f64,
    );
}

/// Time to draw the country maps and build the lookup index of one language (in this
/// process, median of 20), and the gzipped sizes a visitor downloads.
pub fn maps_and_lookup(root: &Path, out: &Path) {
    use homestart::map::national::{Detail, Item, Outlines, coverage_map};
    let opts = homestart::pipeline::Options::at(root.to_path_buf());
    let mut diags = homestart::diag::Diagnostics::default();
    let project =
        homestart::pipeline::load(&opts, &mut diags, &mut Vec::new()).expect("site loads");
    let (config, site, geo) = (project.config(), project.site(), project.geo());
    let median = |f: &mut dyn FnMut()| {
        let mut times: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        times.sort();
        times[times.len() / 2].as_secs_f64() * 1000.0
    };
    let urls: Vec<String> = geo
        .municipalities
        .iter()
        .map(|m| format!("/gemeenten/{}/", m.slug))
        .collect();
    let items: Vec<Item> = geo
        .municipalities
        .iter()
        .zip(&urls)
        .map(|(m, url)| Item {
            url,
            label: format!("{} — aangeboden", m.display),
            fill: homestart::map::Fill::Served,
        })
        .collect();
    // A map from scratch: the outlines (drawn once for all languages) and one language's links.
    let draw = |detail| coverage_map(geo, &Outlines::new(geo, detail), &items, "map");
    let full = median(&mut || drop(draw(Detail::Full)));
    let small = median(&mut || drop(draw(Detail::Small)));
    let all = median(&mut || {
        let (strings, registry) = (project.strings(), project.registry());
        let coverage = homestart::coverage::Coverage::build(config, strings, site, geo, registry);
        drop(coverage.files(config, strings, geo, registry))
    });
    let gz = |rel: &str| {
        let bytes = std::fs::read(out.join(rel)).unwrap_or_default();
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut e, &bytes).unwrap();
        format!(
            "{:.1} KB ({:.1} KB raw)",
            e.finish().unwrap().len() as f64 / 1000.0,
            bytes.len() as f64 / 1000.0
        )
    };
    println!();
    println!(
        "maps and lookup: country map {full:.1} ms, small map {small:.1} ms; the registry in every language (views; for the languages with registry pages both country maps, {} area maps, template values and the lookup index; open data) {all:.1} ms (median of 20)",
        project.registry().locations.len() + geo.municipalities.len()
    );
    println!(
        "gzipped (level 9): map page kaart/ {}; home page {}; lookup index data/lookup-nl.json {}",
        gz("kaart/index.html"),
        gz("index.html"),
        gz("data/lookup-nl.json")
    );
    println!("lookup speed in the browser: node tests/browser/bench-lookup.mjs <site>");
}
