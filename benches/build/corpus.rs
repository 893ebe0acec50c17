//! The generated corpus: deterministic (fixed seed), `n` Markdown pages of ~900 words with
//! headings, lists, tables, code blocks and links, in `SECTIONS` sections, one language,
//! built with the project's own templates and styles.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::disk::remove_and_sync;
use crate::files::copy_dir;
use crate::runs::{row, time_builds};

const SECTIONS: usize = 20;

/// The corpus of `size` pages in `work/corpus-<size>`, generated once per benchmark run.
pub fn generate(repo: &Path, work: &Path, size: usize) -> PathBuf {
    let corpus = work.join(format!("corpus-{size}"));
    if !corpus.join("content").is_dir() {
        let t = Instant::now();
        generate_corpus(repo, &corpus, size);
        eprintln!(
            "generated corpus of {size} pages in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    corpus
}

/// The corpus rows on disk: 1k, the main size (`HOMESTART_BENCH_PAGES`, 10k) and 50k pages from
/// scratch (only the main size with `HOMESTART_BENCH_QUICK`), and the main size unchanged.
pub fn table(bin: &Path, repo: &Path, work: &Path, main: usize) {
    let quick = std::env::var_os("HOMESTART_BENCH_QUICK").is_some();
    let sizes: Vec<usize> = if quick {
        vec![main]
    } else {
        vec![1_000, main, 50_000]
    };
    for size in sizes {
        let corpus = generate(repo, work, size);
        let public = corpus.join("public");
        let runs = if size > 20_000 { 3 } else { 5 };
        let r = time_builds(bin, &corpus, &public, runs, &|| remove_and_sync(&public));
        row(
            &format!("generated corpus, {size} pages in {SECTIONS} sections, written from scratch"),
            &r,
        );
        if size == main {
            let r = time_builds(bin, &corpus, &public, 5, &|| ());
            row(
                &format!("generated corpus, {size} pages, unchanged since the last build"),
                &r,
            );
        }
    }
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
