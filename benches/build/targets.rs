//! The speed targets, each timed here: homestart as whole processes, the current Hugo on the
//! same corpus in the same run (alternating with homestart, run for run), and the floor: the
//! time to read the same Markdown files, run pulldown-cmark over them and write the HTML with
//! nothing else (in this process, in parallel as the build is).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::disk::remove_and_sync;
use crate::hugo::{self, Hugo};
use crate::runs::one_build;

/// What the targets are measured on.
pub struct Inputs<'a> {
    pub bin: &'a Path,
    pub repo: &'a Path,
    pub work: &'a Path,
    pub corpus_1k: &'a Path,
    pub corpus_10k: &'a Path,
    /// The included site, and the same without leaflets (its HTML part).
    pub site: &'a Path,
    pub html_only: &'a Path,
}

/// Median, fastest and slowest of some runs.
#[derive(Clone, Copy)]
struct Spread {
    median: Duration,
    min: Duration,
    max: Duration,
}

impl Spread {
    fn of(mut times: Vec<Duration>) -> Spread {
        times.sort();
        Spread {
            median: times[times.len() / 2],
            min: times[0],
            max: times[times.len() - 1],
        }
    }

    fn show(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        format!(
            "{:.0} ms ({:.0}–{:.0})",
            ms(self.median),
            ms(self.min),
            ms(self.max)
        )
    }
}

struct Row {
    name: String,
    goal_ms: f64,
    goal_mib: Option<f64>,
    homestart: Spread,
    peak: f64,
    floor: Spread,
    hugo: Option<Spread>,
}

pub fn table(i: &Inputs) {
    let shm = Path::new("/dev/shm");
    let (mem, place) = if shm.is_dir() {
        (
            shm.join(format!("homestart-targets-{}", std::process::id())),
            "in memory (/dev/shm)",
        )
    } else {
        (i.work.join("targets"), "on disk (no /dev/shm here)")
    };
    std::fs::create_dir_all(&mem).unwrap();
    let current = Hugo::current();
    let mut rows = Vec::new();
    for (corpus, runs, goal_ms, goal_mib) in [
        (i.corpus_10k, 5, 900.0, Some(300.0)),
        (i.corpus_1k, 10, 90.0, None),
    ] {
        let hugo_site = current
            .as_ref()
            .map(|_| hugo::site_of(i.repo, corpus, i.work));
        let (mut hs, mut peaks, mut hu) = (Vec::new(), Vec::new(), Vec::new());
        let mut pages = 0;
        // Run 0 warms the page cache for both and is not counted.
        for run in 0..=runs {
            let out = mem.join("homestart");
            let _ = std::fs::remove_dir_all(&out);
            let (t, n, peak) = one_build(i.bin, corpus, &out);
            let h = current
                .as_ref()
                .zip(hugo_site.as_ref())
                .map(|(h, site)| h.run(site, &mem.join("hugo")));
            if run > 0 {
                hs.push(t);
                peaks.push(peak);
                hu.extend(h);
            }
            pages = n;
        }
        rows.push(Row {
            name: format!("generated corpus, {pages} pages, from scratch, {place}"),
            goal_ms,
            goal_mib,
            homestart: Spread::of(hs),
            peak: peaks.iter().copied().fold(0.0, f64::max),
            floor: floor_runs(corpus, &mem.join("floor"), 5),
            hugo: (!hu.is_empty()).then(|| Spread::of(hu)),
        });
    }
    let html_out = mem.join("html-only");
    let (hs, peak) = timed(i.bin, i.html_only, &html_out, 10, &|| {
        let _ = std::fs::remove_dir_all(&html_out);
    });
    rows.push(Row {
        name: format!("included site, HTML part (no PDFs), from scratch, {place}"),
        goal_ms: 100.0,
        goal_mib: None,
        homestart: hs,
        peak,
        floor: floor_runs(i.html_only, &mem.join("floor"), 10),
        hugo: None,
    });
    let disk_out = i.work.join("targets-site-out");
    let (hs, peak) = timed(i.bin, i.site, &disk_out, 10, &|| remove_and_sync(&disk_out));
    rows.push(Row {
        name: "included site with its 498 PDF leaflets from the cache, from scratch, on disk"
            .into(),
        goal_ms: 200.0,
        goal_mib: None,
        homestart: hs,
        peak,
        floor: floor_runs(i.site, &i.work.join("floor"), 10),
        hugo: None,
    });
    let _ = std::fs::remove_dir_all(&mem);
    print(&rows, current.as_ref());
}

/// `runs` homestart builds after one warm-up, each after `before`: times and peak memory.
fn timed(bin: &Path, root: &Path, out: &Path, runs: usize, before: &dyn Fn()) -> (Spread, f64) {
    let mut times = Vec::new();
    let mut peak: f64 = 0.0;
    for run in 0..=runs {
        before();
        let (t, _, p) = one_build(bin, root, out);
        if run > 0 {
            times.push(t);
            peak = peak.max(p);
        }
    }
    (Spread::of(times), peak)
}

fn floor_runs(root: &Path, out: &Path, runs: usize) -> Spread {
    floor(root, out); // warms the page cache
    Spread::of((0..runs).map(|_| floor(root, out)).collect())
}

/// Reads every Markdown file under `root/content`, renders it with pulldown-cmark (the options
/// the build uses) and writes the HTML to `out/<path>/index.html`, in parallel.
fn floor(root: &Path, out: &Path) -> Duration {
    let _ = std::fs::remove_dir_all(out);
    let content = root.join("content");
    let t = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.par_iter().for_each(|path| {
        let text = std::fs::read_to_string(path).unwrap();
        let body = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
            .unwrap_or(&text);
        let mut html = String::with_capacity(body.len() * 3 / 2);
        let parser = pulldown_cmark::Parser::new_ext(body, homestart::content::markdown::OPTIONS);
        pulldown_cmark::html::push_html(&mut html, parser);
        let dir = out.join(path.strip_prefix(&content).unwrap().with_extension(""));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), html).unwrap();
    });
    t.elapsed()
}

fn print(rows: &[Row], hugo: Option<&Hugo>) {
    let hugo_name = hugo.map_or_else(|| "Hugo (not installed)".into(), Hugo::name);
    println!(
        "targets (2 cores; homestart and Hugo as whole processes, alternating run for run; the floor in process):"
    );
    println!();
    println!(
        "| target | goal | homestart: median (min–max) | peak memory | holds | floor: read + Markdown + write | homestart ÷ floor | {hugo_name} --minify | {hugo_name} ÷ homestart |"
    );
    println!("|---|---:|---:|---:|:-:|---:|---:|---:|---:|");
    for r in rows {
        let secs = |s: &Spread| s.median.as_secs_f64();
        let holds =
            secs(&r.homestart) * 1000.0 <= r.goal_ms && r.goal_mib.is_none_or(|mib| r.peak <= mib);
        let goal = match r.goal_mib {
            Some(mib) => format!("≤ {:.0} ms, ≤ {mib:.0} MiB", r.goal_ms),
            None => format!("≤ {:.0} ms", r.goal_ms),
        };
        let (hugo_time, hugo_ratio) = match &r.hugo {
            Some(h) => (h.show(), format!("{:.1}×", secs(h) / secs(&r.homestart))),
            None => ("—".into(), "—".into()),
        };
        println!(
            "| {} | {goal} | {} | {:.0} MiB | {} | {} | {:.1}× | {hugo_time} | {hugo_ratio} |",
            r.name,
            r.homestart.show(),
            r.peak,
            if holds { "yes" } else { "no" },
            r.floor.show(),
            secs(&r.homestart) / secs(&r.floor),
        );
    }
    if let Some(h) = hugo {
        println!();
        println!("{}", h.version);
    }
    println!();
}
