//! The disk's part: wait for a deletion to be written out before a timed run, and the time a
//! program that does nothing but write takes for the same files.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Removes a folder and waits until the disk has written everything out, so the deletion's
/// write-back does not land in the next timed run.
pub fn remove_and_sync(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let _ = Command::new("sync").status();
}

/// The disk's floor for this output: the same files (count, sizes, folders) written by a
/// program that does nothing else, in parallel as the build does.
pub fn write_floor(public: &Path, work: &Path) {
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
