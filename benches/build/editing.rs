//! The editors' commands on the copy of the included site: `homestart check` as a fresh
//! process, and `serve`'s rebuild after an edit, in process.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::files::copy_project;

/// `serve`'s rebuild after an edit, in process, on a copy of the included site: a new
/// paragraph in one page (that page only), a new first paragraph (the page and the listings
/// that show its summary), and a change that rebuilds everything (a template).
pub fn serve_rebuild(site: &Path, work: &Path) {
    let root = work.join("serve-copy");
    copy_project(site, &root);
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
                    builder
                        .errors
                        .first()
                        .map(|d| d.render(homestart::messages::Lang::En))
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
pub fn check(bin: &Path, site: &Path) {
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let run = Command::new(bin)
                .arg("--root")
                .arg(site)
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
