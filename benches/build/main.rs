//! `cargo bench --bench build`: whole-process build times of the included site and of a
//! generated corpus, printed as a table (a benchmark, never a timed test).
//!
//! The corpus is deterministic (fixed seed): `PAGES` Markdown pages of ~900 words with
//! headings, lists, tables, code blocks and links, in 20 sections, one language, built with
//! the project's own templates and styles. Set `HOMESTART_BENCH_PAGES` to change its size.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SECTIONS: usize = 20;

mod scale;

fn main() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_homestart"));
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let work = repo.join("target/bench");
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

    println!("homestart build benchmark");
    println!("machine: {}, {} logical CPUs", cpu_model(), num_cpus());
    println!();
    println!("| input | pages | runs | median | min | max | pages/s | peak memory |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");

    let out = work.join("site-out");
    let cache = repo.join(homestart::pipeline::CACHE_DIR);
    let fresh_out = || remove_and_sync(&out);
    let r = time_builds(&bin, &repo, &out, 10, &fresh_out);
    row(
        "included site, written from scratch (8 languages, registry pages, 498 PDF leaflets from the cache)",
        &r,
    );
    let r = time_builds(&bin, &repo, &out, 20, &|| ());
    row(
        "included site, unchanged since the last build (nothing to write)",
        &r,
    );
    let r = time_builds(&bin, &repo, &out, 5, &|| {
        fresh_out();
        let _ = std::fs::remove_dir_all(&cache);
    });
    row(
        "included site, every PDF leaflet typeset (cache emptied, output from scratch)",
        &r,
    );
    // The HTML part alone: a copy whose pages ask for no PDF.
    let html_only = work.join("html-only");
    for part in homestart::config::PROJECT_PARTS {
        copy_dir(&repo.join(part), &html_only.join(part));
    }
    without_leaflets(&html_only);
    let html_out = work.join("html-only-out");
    let r = time_builds(&bin, &html_only, &html_out, 10, &|| {
        remove_and_sync(&html_out)
    });
    row(
        "included site, HTML part only (no PDFs), written from scratch",
        &r,
    );
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        let mem_out = shm.join(format!("homestart-bench-{}", std::process::id()));
        let r = time_builds(&bin, &html_only, &mem_out, 10, &|| {
            let _ = std::fs::remove_dir_all(&mem_out);
        });
        row(
            "included site, HTML part only, written from scratch to memory (/dev/shm)",
            &r,
        );
        let _ = std::fs::remove_dir_all(&mem_out);
    }
    let r = time_builds(&bin, &html_only, &html_out, 20, &|| ());
    row(
        "included site, HTML part only, unchanged since the last build",
        &r,
    );

    let n: usize = std::env::var("HOMESTART_BENCH_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let quick = std::env::var_os("HOMESTART_BENCH_QUICK").is_some();
    let sizes: Vec<usize> = if quick {
        vec![n]
    } else {
        vec![1_000, n, 50_000]
    };
    let mut main_corpus = None;
    for size in sizes {
        let corpus = work.join(format!("corpus-{size}"));
        let t = Instant::now();
        generate_corpus(&repo, &corpus, size);
        let generated = t.elapsed();
        let public = corpus.join("public");
        let runs = if size > 20_000 { 3 } else { 5 };
        let r = time_builds(&bin, &corpus, &public, runs, &|| remove_and_sync(&public));
        row(
            &format!(
                "generated corpus, {size} pages in {SECTIONS} sections, written from scratch (generated in {:.1} s)",
                generated.as_secs_f64()
            ),
            &r,
        );
        if size == n {
            let r = time_builds(&bin, &corpus, &public, 5, &|| ());
            row(
                &format!("generated corpus, {size} pages, unchanged since the last build"),
                &r,
            );
            main_corpus = Some(corpus);
        }
    }
    println!();
    println!(
        "(each run is a fresh `homestart build --timings` process: read, render, minify, check links, write; \"from scratch\" runs start without an output folder; peak memory is the process's VmHWM)"
    );
    if let Some(corpus) = &main_corpus {
        write_floor(&corpus.join("public"), &work);
        hugo(&bin, &repo, corpus, &work);
    }
    registry(&repo);
    leaflets(&repo, &out);
    maps_and_lookup(&repo, &out);
    check(&bin, &repo);
    serve_rebuild(&repo, &work);
}

/// `serve`'s rebuild after an edit, in process, on a copy of the included site: a new
/// paragraph in one page (that page only), a new first paragraph (the page and the listings
/// that show its summary), and a change that rebuilds everything (a template).
fn serve_rebuild(repo: &Path, work: &Path) {
    let root = work.join("serve-copy");
    for part in homestart::config::PROJECT_PARTS {
        copy_dir(&repo.join(part), &root.join(part));
    }
    let mut builder = homestart::serve::Builder::new(homestart::pipeline::Options {
        root: root.clone(),
        out: None,
        base_url: Some("http://127.0.0.1:8000/".into()),
        drafts: true,
    });
    let first = builder.build(&[]);
    assert_eq!(first.errors, 0, "the included site builds");
    let page = root.join("content/nl/over.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let mut run = |edit: &dyn Fn(usize) -> (PathBuf, String)| {
        let mut times: Vec<(Duration, usize, bool)> = (0..20)
            .map(|i| {
                let (path, text) = edit(i);
                std::fs::write(&path, text).unwrap();
                let o = builder.build(std::slice::from_ref(&path));
                assert_eq!(
                    o.errors,
                    0,
                    "{:?}",
                    builder.errors.first().map(|d| d.render())
                );
                (o.took, o.pages, o.full)
            })
            .collect();
        times.sort();
        times
    };
    let paragraph = run(&|i| (page.clone(), format!("{original}\nEen extra alinea {i}.\n")));
    let (head, rest) = original.split_once("\n---\n").unwrap();
    let summary = run(&|i| {
        (
            page.clone(),
            format!("{head}\n---\n\nEen nieuwe eerste alinea {i}.\n{rest}"),
        )
    });
    let template = root.join("templates/page.html");
    let page_html = std::fs::read_to_string(&template).unwrap();
    let full = run(&|i| (template.clone(), format!("{page_html}{{# {i} #}}\n")));
    // A coordinator's new phone number: registry, its pages and maps, that location's leaflets.
    let location = root.join("locations/utrecht-noord-oost.yaml");
    let yaml = std::fs::read_to_string(&location).unwrap();
    let registry = run(&|i| {
        let text = yaml.replace("030 712 81 24", &format!("030 712 81 2{}", i % 2));
        (location.clone(), text)
    });
    let show = |name: &str, t: &[(Duration, usize, bool)]| {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "  {name}: median {:.1} ms (min {:.1}, max {:.1}; {} page(s) rendered{}, 20 runs)",
            ms(t[10].0),
            ms(t[0].0),
            ms(t[19].0),
            t[10].1,
            if t[10].2 { ", full build" } else { "" }
        );
    };
    println!();
    println!(
        "`homestart serve` rebuild after an edit of the included site (in process, from the change to the new files in memory):"
    );
    show("a new paragraph in one page", &paragraph);
    show(
        "a new first paragraph (the summary listings show)",
        &summary,
    );
    show("a template (everything)", &full);
    show(
        "a location's phone number (registry, its pages, its 8 leaflets typeset)",
        &registry,
    );
}

/// `homestart check` of the included site: everything the build checks, nothing written.
fn check(bin: &Path, repo: &Path) {
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let run = Command::new(bin)
                .arg("--root")
                .arg(repo)
                .arg("check")
                .output()
                .expect("homestart check runs");
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            t.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!();
    println!(
        "`homestart check` of the included site (a fresh process; renders in memory, checks links, anchors and translations): median {:.1} ms (min {:.1}, max {:.1}, 10 runs)",
        ms(times[5]),
        ms(times[0]),
        ms(times[9])
    );
}

/// Time to draw the country maps and build the lookup index of one language (in this
/// process, median of 20), and the gzipped sizes a visitor downloads.
fn maps_and_lookup(repo: &Path, out: &Path) {
    use homestart::map::national::{Detail, Item, coverage_map};
    let opts = homestart::pipeline::Options::at(repo.to_path_buf());
    let mut diags = homestart::diag::Diagnostics::default();
    let project =
        homestart::pipeline::load(&opts, &mut diags, &mut Vec::new()).expect("site loads");
    let (config, site, geo) = (&project.config, &project.site, &project.geo);
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
    let full = median(&mut || drop(coverage_map(geo, &items, "map", Detail::Full)));
    let small = median(&mut || drop(coverage_map(geo, &items, "map", Detail::Small)));
    let all = median(&mut || {
        let maps = homestart::render::registry::AreaMaps::new(geo, &project.registry);
        drop(homestart::render::registry::build(
            config,
            site,
            &project.strings[0],
            0,
            geo,
            &project.registry,
            &maps,
        ))
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
        "maps and lookup: country map {full:.1} ms, small map {small:.1} ms; all registry values of one language (both maps, {} area maps, lookup index) {all:.1} ms (median of 20)",
        project.registry.locations.len() + geo.municipalities.len()
    );
    println!(
        "gzipped (level 9): map page kaart/ {}; home page {}; lookup index data/lookup-nl.json {}",
        gz("kaart/index.html"),
        gz("index.html"),
        gz("data/lookup-nl.json")
    );
    println!("lookup speed in the browser: node tests/browser/bench-lookup.mjs <site>");
}

/// Registry load + check of the included site, in this process: the first run pays the
/// one-time set-up of the phone-number library, later runs show the steady cost (`serve`).
fn registry(repo: &Path) {
    let t = Instant::now();
    let (geo, reg) = homestart::pipeline::load_registry(repo).expect("registry loads");
    let cold = t.elapsed();
    let mut warm: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let _ = homestart::pipeline::load_registry(repo).expect("registry loads");
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
fn leaflets(repo: &Path, out: &Path) {
    use homestart::leaflets::{Cache, render};
    let opts = homestart::pipeline::Options::at(repo.to_path_buf());
    let mut diags = homestart::diag::Diagnostics::default();
    let project =
        homestart::pipeline::load(&opts, &mut diags, &mut Vec::new()).expect("site loads");
    let t = Instant::now();
    let ts = homestart::leaflets::Typesetter::new(
        homestart::leaflets::Fonts::load(repo).expect("fonts load"),
        homestart::diag::Source::read(repo, &repo.join("templates/leaflet.typ")).unwrap(),
    );
    let setup = t.elapsed();
    let jobs = &project.leaflets.jobs;
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
        project.config.site.languages.len(),
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

/// Removes a folder and waits until the disk has written everything out, so the deletion's
/// write-back does not land in the next timed run.
fn remove_and_sync(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let _ = Command::new("sync").status();
}

/// What `runs` timed builds (after one warm-up) showed.
struct Runs {
    pages: usize,
    times: Vec<Duration>,
    /// Peak memory of each run, MiB.
    peaks: Vec<f64>,
}

/// Runs `homestart build --timings` `runs` times (after one warm-up, each after `before`).
fn time_builds(bin: &Path, root: &Path, out: &Path, runs: usize, before: &dyn Fn()) -> Runs {
    let mut r = Runs {
        pages: 0,
        times: Vec::new(),
        peaks: Vec::new(),
    };
    for i in 0..=runs {
        before();
        let t = Instant::now();
        let o = Command::new(bin)
            .arg("--root")
            .arg(root)
            .args(["build", "--timings", "--out"])
            .arg(out)
            .output()
            .expect("run homestart");
        let elapsed = t.elapsed();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "build failed:\n{stderr}");
        r.pages = stderr
            .lines()
            .find_map(|l| l.strip_prefix("built ")?.split(' ').next()?.parse().ok())
            .unwrap_or(0);
        let peak = stderr
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("peak memory ")?
                    .split(' ')
                    .next()?
                    .parse()
                    .ok()
            })
            .unwrap_or(0.0);
        if i > 0 {
            r.times.push(elapsed);
            r.peaks.push(peak);
        }
    }
    r.times.sort();
    r.peaks.sort_by(f64::total_cmp);
    r
}

fn row(name: &str, r: &Runs) {
    let times = &r.times;
    let median = times[times.len() / 2];
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    println!(
        "| {name} | {} | {} | {} | {} | {} | {:.0} | {:.0} MiB |",
        r.pages,
        times.len(),
        ms(median),
        ms(times[0]),
        ms(times[times.len() - 1]),
        r.pages as f64 / median.as_secs_f64(),
        r.peaks[r.peaks.len() - 1],
    );
}

/// The disk's floor for this output: the same files (count, sizes, folders) written by a
/// program that does nothing else, in parallel as the build does.
fn write_floor(public: &Path, work: &Path) {
    use rayon::prelude::*;
    let files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(public)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(public).unwrap().to_path_buf();
            let bytes = std::fs::read(e.path()).unwrap();
            (rel, bytes)
        })
        .collect();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let mut times = Vec::new();
    for _ in 0..3 {
        let dir = work.join("floor");
        let _ = std::fs::remove_dir_all(&dir);
        let t = Instant::now();
        files.par_iter().for_each(|(rel, b)| {
            let p = dir.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b).unwrap();
        });
        times.push(t.elapsed());
    }
    times.sort();
    println!();
    println!(
        "write floor on this disk: the corpus's {} files ({:.1} MB) written by a program that does nothing else, in parallel: median {:.0} ms (min {:.0}, max {:.0}, 3 runs)",
        files.len(),
        bytes as f64 / 1e6,
        times[1].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[2].as_secs_f64() * 1000.0,
    );
}

/// The same corpus built by Hugo (Debian's `hugo`, installed by `benches/run.sh`), alternating
/// with homestart, both from scratch each time. Skipped when `hugo` is not installed.
fn hugo(bin: &Path, repo: &Path, corpus: &Path, work: &Path) {
    let version = match Command::new("hugo").arg("version").output() {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
        _ => {
            println!();
            println!(
                "Hugo: not installed, comparison skipped (benches/run.sh installs Debian's `hugo`)"
            );
            return;
        }
    };
    let site = work.join("hugo-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&repo.join("benches/hugo"), &site);
    copy_dir(&corpus.join("content/nl"), &site.join("content"));
    copy_dir(&repo.join("static"), &site.join("static"));
    let shm = Path::new("/dev/shm");
    side_by_side(bin, corpus, &site, work, "on this machine's disk", &version);
    if shm.is_dir() {
        let mem = shm.join("homestart-bench");
        side_by_side(
            bin,
            corpus,
            &site,
            &mem,
            "in memory (/dev/shm: the same work without the disk)",
            &version,
        );
        let _ = std::fs::remove_dir_all(&mem);
    }
}

/// Alternates homestart and Hugo, each writing into a fresh folder under `base`.
fn side_by_side(bin: &Path, corpus: &Path, site: &Path, base: &Path, place: &str, version: &str) {
    let (hs_out, hugo_out) = (base.join("hs-out"), base.join("hugo-out"));
    let html_files = |dir: &Path| {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .count()
    };
    let (mut hs, mut hu) = (Vec::new(), Vec::new());
    let (mut hs_files, mut hu_files) = (0, 0);
    for i in 0..6 {
        let _ = std::fs::remove_dir_all(&hs_out);
        remove_and_sync(&hugo_out);
        let t = Instant::now();
        let o = Command::new(bin)
            .arg("--root")
            .arg(corpus)
            .args(["build", "--out"])
            .arg(&hs_out)
            .output()
            .unwrap();
        let a = t.elapsed();
        assert!(o.status.success());
        let t = Instant::now();
        let o = Command::new("hugo")
            .args(["--minify", "--quiet", "--source"])
            .arg(site)
            .arg("--destination")
            .arg(&hugo_out)
            .output()
            .unwrap();
        let b = t.elapsed();
        assert!(
            o.status.success(),
            "hugo: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        if i > 0 {
            hs.push(a);
            hu.push(b);
        }
        hs_files = html_files(&hs_out);
        hu_files = html_files(&hugo_out);
    }
    hs.sort();
    hu.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let med = |v: &[Duration]| v[v.len() / 2];
    println!();
    println!(
        "side by side with {version}, output {place} (alternating, 5 runs each, output from scratch each time):"
    );
    println!("| tool | HTML files | median | min | max |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| homestart | {hs_files} | {:.0} ms | {:.0} ms | {:.0} ms |",
        ms(med(&hs)),
        ms(hs[0]),
        ms(hs[hs.len() - 1])
    );
    println!(
        "| hugo --minify | {hu_files} | {:.0} ms | {:.0} ms | {:.0} ms |",
        ms(med(&hu)),
        ms(hu[0]),
        ms(hu[hu.len() - 1])
    );
    println!(
        "ratio of medians: homestart is {:.2}× faster (range over runs: {:.2}× to {:.2}×)",
        ms(med(&hu)) / ms(med(&hs)),
        ms(hu[0]) / ms(hs[hs.len() - 1]),
        ms(hu[hu.len() - 1]) / ms(hs[0]),
    );
}

/// A small deterministic generator (SplitMix64): same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "gezin",
    "vrijwilliger",
    "ouder",
    "kind",
    "week",
    "thuis",
    "samen",
    "steun",
    "coördinator",
    "gemeente",
    "baby",
    "peuter",
    "school",
    "spelen",
    "lezen",
    "praten",
    "luisteren",
    "koffie",
    "afspraak",
    "buurt",
    "tijd",
    "rust",
    "vertrouwen",
    "helpen",
    "vragen",
    "antwoord",
    "dag",
    "ochtend",
    "avond",
    "moeder",
    "vader",
    "oma",
    "familie",
    "vriend",
    "huis",
    "tuin",
    "park",
    "bibliotheek",
    "huisarts",
    "zorg",
    "de",
    "het",
    "een",
    "en",
    "met",
    "voor",
    "op",
    "in",
    "naar",
    "van",
    "is",
    "was",
    "heeft",
    "komt",
    "gaat",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn page_body(rng: &mut Rng, n: usize) -> String {
    let mut b = String::with_capacity(7000);
    let mut words = 0;
    let mut block = 0;
    while words < 900 {
        match block % 6 {
            0 => {
                let _ = writeln!(b, "## {}\n", sentence(rng, 3).trim_end_matches('.'));
            }
            1 | 3 => {
                for _ in 0..5 {
                    let len = 8 + rng.below(10);
                    words += len;
                    b.push_str(&sentence(rng, len));
                    b.push(' ');
                }
                let target = rng.below(n);
                let _ = writeln!(
                    b,
                    "Lees ook [pagina {target}](/{}/pagina-{target}/).\n",
                    section_dir(target % SECTIONS)
                );
            }
            2 => {
                for _ in 0..4 {
                    words += 6;
                    let _ = writeln!(b, "- {}", sentence(rng, 6));
                }
                b.push('\n');
            }
            4 => {
                b.push_str("| Wat | Wanneer | Hoe vaak |\n|---|---|---|\n");
                for _ in 0..4 {
                    words += 6;
                    let _ = writeln!(
                        b,
                        "| {} | {} | {} |",
                        sentence(rng, 2),
                        sentence(rng, 2),
                        rng.below(20)
                    );
                }
                b.push('\n');
            }
            _ => {
                words += 12;
                let _ = writeln!(
                    b,
                    "```\nafspraak {{ dag: {}, uur: {} }}\nnotitie = \"{}\"\n```\n",
                    rng.below(7),
                    rng.below(24),
                    sentence(rng, 8)
                );
            }
        }
        block += 1;
    }
    b
}

/// Writes a one-language site of `n` pages into `dir`, reusing the project's templates,
/// static files and Dutch strings.
fn generate_corpus(repo: &Path, dir: &Path, n: usize) {
    std::fs::create_dir_all(dir.join("i18n")).unwrap();
    copy_dir(&repo.join("templates"), &dir.join("templates"));
    copy_dir(&repo.join("static"), &dir.join("static"));
    std::fs::copy(repo.join("i18n/nl.yaml"), dir.join("i18n/nl.yaml")).unwrap();
    std::fs::write(
        dir.join("site.yaml"),
        "title: Corpus\nbase_url: https://example.org/\nlanguages:\n  - {code: nl, name: Nederlands, locale: nl_NL}\n\
         menu: [sectie-0/_index, sectie-1/_index, verhalen/_index]\norganisation: {name: Corpus}\npaginate_by: 20\n",
    )
    .unwrap();
    let content = dir.join("content/nl");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("_index.md"),
        "---\ntitle: Corpus\n---\nEen gegenereerde site om de bouwtijd te meten.\n",
    )
    .unwrap();
    let mut rng = Rng(0x5EED);
    for s in 0..SECTIONS {
        let d = content.join(section_dir(s));
        std::fs::create_dir_all(&d).unwrap();
        let sort = if s % 2 == 0 { "date" } else { "weight" };
        let feed = if s % 4 == 0 { "feed: true\n" } else { "" };
        std::fs::write(
            d.join("_index.md"),
            format!(
                "---\ntitle: Sectie {s}\nsort_by: {sort}\n{feed}---\n{}\n",
                sentence(&mut rng, 20)
            ),
        )
        .unwrap();
    }
    for i in 0..n {
        let s = i % SECTIONS;
        let body = page_body(&mut rng, n);
        let front = format!(
            "---\ntitle: {}\ndate: 2026-{:02}-{:02}\nweight: {}\n---\n",
            sentence(&mut rng, 5).trim_end_matches('.'),
            1 + i % 12,
            1 + i % 28,
            i
        );
        std::fs::write(
            content.join(section_dir(s)).join(format!("pagina-{i}.md")),
            front + &body,
        )
        .unwrap();
    }
}

/// Folder of section `s`; the last is `verhalen`, which the home template lists.
fn section_dir(s: usize) -> String {
    if s == SECTIONS - 1 {
        "verhalen".to_string()
    } else {
        format!("sectie-{s}")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        // A file copied on its own has an empty relative path (`join("")` would add a `/`).
        let target = if rel.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(rel)
        };
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Removes `pdf:` from every page of the project at `root`: the same site without leaflets.
fn without_leaflets(root: &Path) {
    for e in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "md") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("pdf:")).collect();
            std::fs::write(e.path(), kept.join("\n") + "\n").unwrap();
        }
    }
}
