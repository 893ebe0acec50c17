//! The generated corpus built by Hugo and by homestart, side by side.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::disk::remove_and_sync;
use crate::files::copy_dir;

/// The same corpus built by Hugo (Debian's `hugo`, installed by `benches/run.sh`), alternating
/// with homestart, both from scratch each time. Skipped when `hugo` is not installed.
pub fn compare(bin: &Path, repo: &Path, corpus: &Path, work: &Path) {
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
