//! A registry of many locations (`HOMESTART_BENCH_LOCATIONS=10000 cargo bench --bench build`):
//! a copy of the included site whose `locations/` is replaced by generated files (see
//! tests/it/common/generate.rs), timed as whole processes with their peak memory: `check`, and
//! `build` without the leaflets, and with them when `HOMESTART_BENCH_LEAFLETS` is set
//! (`pdf: per-location` makes one PDF per location per language). The copy is
//! kept in the target folder (`CARGO_TARGET_TMPDIR/bench`, printed) for profiling.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[path = "../../tests/it/common/generate.rs"]
mod generate;

pub fn registry(bin: &Path, repo: &Path, work: &Path, count: usize) {
    let root = work.join(format!("registry-{count}"));
    crate::files::copy_project(repo, &root);
    let t = Instant::now();
    generate::registry(&root, count);
    println!(
        "{count} locations generated in {:.1} s into {}",
        t.elapsed().as_secs_f64(),
        root.display()
    );
    // The same site without leaflets: no page asks for a PDF.
    let html_only = work.join(format!("registry-{count}-html"));
    crate::files::copy_dir(&root, &html_only);
    crate::files::without_leaflets(&html_only);
    println!();
    println!("| {count} locations | seconds | peak memory |");
    println!("|---|---:|---:|");
    run(bin, &html_only, &["check"], "check, no leaflets");
    let out = work.join(format!("registry-{count}-out"));
    let _ = std::fs::remove_dir_all(&out);
    run(
        bin,
        &html_only,
        &["build", "--timings", "--out", out.to_str().unwrap()],
        "build, no leaflets, from scratch",
    );
    // One PDF per location per language: 80,000 for 10,000 locations, so only when asked.
    if std::env::var_os("HOMESTART_BENCH_LEAFLETS").is_none() {
        return;
    }
    run(bin, &root, &["check"], "check, with leaflets");
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(root.join(homestart::pipeline::CACHE_DIR));
    run(
        bin,
        &root,
        &["build", "--timings", "--out", out.to_str().unwrap()],
        "build with every leaflet typeset (empty cache), from scratch",
    );
}

/// One whole process, timed, with its peak resident memory from GNU time when installed.
fn run(bin: &Path, root: &Path, args: &[&str], what: &str) {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.is_file() {
        let mut c = Command::new(time);
        c.arg("-f").arg("maxrss-kib %M").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let t = Instant::now();
    let o = cmd
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run homestart");
    let secs = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{what} failed:\n{stderr}");
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("maxrss-kib ")?.trim().parse::<f64>().ok())
        .map_or("?".to_string(), |k| format!("{:.0} MiB", k / 1024.0));
    println!("| {what} | {secs:.1} | {peak} |");
    for line in stderr.lines().filter(|l| l.starts_with("  ")) {
        println!("|   {} | | |", line.trim());
    }
}
