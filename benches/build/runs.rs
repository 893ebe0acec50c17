//! Timed `homestart build` processes and the table row each set of runs prints.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The machine.
pub fn machine() {
    println!("homestart build benchmark");
    println!("machine: {}, {} logical CPUs", cpu_model(), num_cpus());
    println!();
}

/// The head of the table `row` prints into.
pub fn header() {
    println!("| input | pages | runs | median | min | max | pages/s | peak memory |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
}

/// What `runs` timed builds (after one warm-up) showed.
pub struct Runs {
    pages: usize,
    times: Vec<Duration>,
    /// Peak memory of each run, MiB.
    peaks: Vec<f64>,
}

/// One timed `homestart build --timings` process: wall time, pages built, peak memory (MiB).
pub fn one_build(bin: &Path, root: &Path, out: &Path) -> (Duration, usize, f64) {
    let t = Instant::now();
    let o = Command::new(bin)
        .env("HOMESTART_LANG", "en")
        .arg("--root")
        .arg(root)
        .args(["build", "--timings", "--out"])
        .arg(out)
        .output()
        .expect("run homestart");
    let elapsed = t.elapsed();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "build failed:\n{stderr}");
    let pages = stderr
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
    (elapsed, pages, peak)
}

/// Runs `homestart build --timings` `runs` times (after one warm-up, each after `before`).
pub fn time_builds(bin: &Path, root: &Path, out: &Path, runs: usize, before: &dyn Fn()) -> Runs {
    let mut r = Runs {
        pages: 0,
        times: Vec::new(),
        peaks: Vec::new(),
    };
    for i in 0..=runs {
        before();
        let (elapsed, pages, peak) = one_build(bin, root, out);
        r.pages = pages;
        if i > 0 {
            r.times.push(elapsed);
            r.peaks.push(peak);
        }
    }
    r.times.sort();
    r.peaks.sort_by(f64::total_cmp);
    r
}

pub fn row(name: &str, r: &Runs) {
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
