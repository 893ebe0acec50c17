//! Builds fixture sites with the real binary and checks what a visitor and a crawler get.

use crate::common::{Site, assert_same_files, links, snapshot};

#[test]
fn builds_pages_sections_translations_and_languages() {
    let site = Site::fixture("basic");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let home = site.read("index.html");
    assert!(home.contains("<html lang=nl dir=ltr>"), "{home}");
    assert!(home.contains("<h1>Welkom</h1>"));
    let en = site.read("en/index.html");
    assert!(en.contains("lang=en"));
    let ar = site.read("ar/index.html");
    assert!(ar.contains("<html lang=ar dir=rtl>"), "{ar}");

    // Translated slug, and a translation that exists only in Dutch.
    assert!(site.read("en/about/index.html").contains("About us"));
    assert!(
        site.read("over/index.html")
            .contains(r#"<h2 id="wat-we-doen">"#)
    );
    assert!(site.out().join("en/news/post-1/index.html").is_file());
    assert!(!site.out().join("en/nieuws").exists());

    // Drafts are left out unless asked for.
    assert!(!site.out().join("nieuws/concept").exists());
    assert_eq!(site.build(&["--drafts"]).code, 0);
    assert!(site.out().join("nieuws/concept/index.html").is_file());
}

#[test]
fn language_switcher_and_hreflang() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let over = site.read("over/index.html");
    // Alternates only for real translations, plus x-default → Dutch.
    assert!(
        over.contains("<link rel=alternate hreflang=nl href=https://example.org/over/>"),
        "{over}"
    );
    assert!(over.contains("<link rel=alternate hreflang=en href=https://example.org/en/about/>"));
    assert!(
        over.contains("<link rel=alternate hreflang=x-default href=https://example.org/over/>")
    );
    assert!(!over.contains("hreflang=ar href"));
    // The switcher names every language in that language; untranslated → that language's home.
    assert!(
        over.contains(r#"<a href=/en/about/ lang=en data-translated=true>English</a>"#),
        "{over}"
    );
    assert!(
        over.contains(r#"<a href=/ar/ lang=ar data-translated=false>العربية</a>"#),
        "{over}"
    );
    // Canonical URL.
    assert!(over.contains("<link rel=canonical href=https://example.org/over/>"));
}

#[test]
fn section_listing_is_sorted_paginated_and_has_a_feed() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let first = site.read("nieuws/index.html");
    // Newest first, two per page.
    let (b3, b2) = (
        first.find("Bericht 3").unwrap(),
        first.find("Bericht 2").unwrap(),
    );
    assert!(b3 < b2, "{first}");
    assert!(!first.contains("Bericht 1"), "{first}");
    assert!(first.contains("1/2"));
    assert!(first.contains("href=/nieuws/pnl/2/"), "{first}");
    let second = site.read("nieuws/pnl/2/index.html");
    assert!(
        second.contains("Bericht 1") && second.contains("2/2"),
        "{second}"
    );
    assert!(!second.contains("Bericht 3"));

    let feed = site.read("nieuws/atom.xml");
    assert!(feed.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">"#));
    assert!(
        feed.contains("<updated>2026-03-13T00:00:00Z</updated>"),
        "{feed}"
    );
    assert_eq!(feed.matches("<entry>").count(), 3);
    assert!(feed.find("Bericht 3").unwrap() < feed.find("Bericht 1").unwrap());
    // Pages link their section's feed.
    assert!(
        site.read("nieuws/bericht-1/index.html")
            .contains("href=/nieuws/atom.xml")
    );
    // The home page lists the latest two entries of the section, in its own language.
    let home = site.read("index.html");
    assert!(
        home.contains("<ul id=latest><li>Bericht 3<li>Bericht 2</ul>"),
        "{home}"
    );
    assert!(
        site.read("en/index.html")
            .contains("<ul id=latest><li>Post 1</ul>")
    );
    // Dates use the language's string table.
    assert!(
        site.read("nieuws/bericht-2/index.html")
            .contains("12 m2-nl 2026")
    );
}

#[test]
fn sitemap_robots_404_and_jsonld() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<url><loc>https://example.org/over/</loc>"));
    assert!(sitemap.contains(
        r#"<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/about/"/>"#
    ));
    assert!(sitemap.contains(r#"hreflang="x-default" href="https://example.org/over/""#));
    assert!(sitemap.contains("<lastmod>2026-02-12</lastmod>"));
    // One <url> per page: 3 homes, 2 about, 2 sections, 3 + 1 posts.
    assert_eq!(sitemap.matches("<url>").count(), 11, "{sitemap}");

    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://example.org/sitemap.xml")
    );
    let nf = site.read("404.html");
    for l in ["nl", "en", "ar"] {
        assert!(nf.contains(&format!("nf-{l}")), "{nf}");
    }
    let home = site.read("index.html");
    assert!(home.contains(r#""@type":"NGO""#) && home.contains(r#""name":"Fixture Org""#));
}

#[test]
fn assets_are_fingerprinted_minified_and_referenced() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let home = site.read("index.html");
    let css_href = links(&home)
        .into_iter()
        .find(|l| l.ends_with(".css"))
        .expect("stylesheet link");
    assert!(
        css_href.starts_with("/css/site.") && css_href.len() == "/css/site..css".len() + 10,
        "{css_href}"
    );
    let css = site.read(css_href.trim_start_matches('/'));
    assert!(css.starts_with("body{"), "{css}");
    let img = links(&home)
        .into_iter()
        .find(|l| l.contains("dot."))
        .expect("image link in Markdown");
    assert!(
        site.out().join(img.trim_start_matches('/')).is_file(),
        "{img}"
    );
    // The stylesheet's url() points at the fingerprinted image, relative to the stylesheet.
    assert!(
        css.contains(&format!("../{}", img.trim_start_matches('/'))),
        "{css}"
    );
    assert!(!site.out().join("css/site.css").exists());
}

#[test]
fn every_internal_link_resolves() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let files = snapshot(&site.out());
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            if link.starts_with("http") || link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            let target = link.split('#').next().unwrap().trim_start_matches('/');
            let file = if target.is_empty() || target.ends_with('/') {
                format!("{target}index.html")
            } else {
                target.to_string()
            };
            assert!(
                files.contains_key(&file),
                "{path} links to {link}, which was not built"
            );
        }
    }
}

#[test]
fn sub_path_hosting_prefixes_every_link() {
    let site = Site::fixture("basic");
    let run = site.build(&["--base-url", "https://example.org/homestart/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for page in [
        "index.html",
        "en/about/index.html",
        "nieuws/index.html",
        "404.html",
    ] {
        let html = site.read(page);
        for link in links(&html) {
            if link.starts_with('/') {
                assert!(
                    link.starts_with("/homestart/"),
                    "{page}: {link} ignores the base path"
                );
            } else if link.starts_with("http") {
                assert!(
                    link.starts_with("https://example.org/homestart/"),
                    "{page}: {link}"
                );
            }
        }
    }
    assert!(site.read("index.html").contains("href=/homestart/over/"));
    assert!(
        site.read("sitemap.xml")
            .contains("<loc>https://example.org/homestart/en/about/</loc>")
    );
    assert!(
        site.read("nieuws/atom.xml")
            .contains("https://example.org/homestart/nieuws/bericht-3/")
    );
}

#[test]
fn identical_input_gives_identical_output() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let first = snapshot(&site.out());
    assert_eq!(site.build(&[]).code, 0);
    assert_same_files(&first, &snapshot(&site.out()), "between two builds");
    // A second copy of the project in another folder builds the same bytes too.
    let other = Site::fixture("basic");
    assert_eq!(other.build(&[]).code, 0);
    assert!(snapshot(&other.out()) == first);
}

#[test]
fn included_site_builds_with_every_language() {
    let target = crate::common::included_site();
    let read = |p: &str| std::fs::read_to_string(target.join(p)).unwrap();
    assert!(read("index.html").contains("<html lang=nl dir=ltr>"));
    assert!(read("en/index.html").contains("<html lang=en dir=ltr>"));
    assert!(read("ar/index.html").contains("<html lang=ar dir=rtl>"));
    for lang in ["pl", "tr", "ti"] {
        assert!(read(&format!("{lang}/index.html")).contains(&format!("lang={lang} dir=")));
    }
    for page in [
        "verwijzers",
        "over",
        "vrijwilliger",
        "contact",
        "privacy",
        "toegankelijkheid",
        "verhalen",
    ] {
        assert!(
            target.join(page).join("index.html").is_file(),
            "missing /{page}/"
        );
    }
    for page in [
        "referrers",
        "about",
        "volunteer",
        "contact",
        "privacy",
        "accessibility",
        "stories",
    ] {
        assert!(
            target.join("en").join(page).join("index.html").is_file(),
            "missing /en/{page}/"
        );
    }
    let stories = std::fs::read_dir(target.join("verhalen"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert!(stories >= 4, "at least four stories, found {stories}");
    assert!(target.join("verhalen/atom.xml").is_file());
    assert!(target.join("en/stories/atom.xml").is_file());
}

#[test]
fn a_rebuild_writes_only_changed_files_and_removes_only_its_own() {
    let site = Site::fixture("basic");
    let run = site.build(&[]);
    assert!(
        run.stderr.contains(" written, 0 unchanged, 0 removed)"),
        "{}",
        run.stderr
    );
    let mtime = |rel: &str| {
        std::fs::metadata(site.out().join(rel))
            .unwrap()
            .modified()
            .unwrap()
    };
    let about = mtime("over/index.html");
    std::thread::sleep(std::time::Duration::from_millis(20));
    // Nothing changed: nothing written.
    let run = site.build(&[]);
    assert!(run.stderr.contains(": 0 written,"), "{}", run.stderr);
    assert_eq!(mtime("over/index.html"), about);
    // One page's text changed: that page (and only files that show it) written; a page
    // removed: its file removed; a file someone put in the output stays.
    site.append("content/nl/over.md", "\nEen nieuwe laatste zin.\n");
    let slug = "bericht-3"; // a page without translations
    assert!(site.out().join("nieuws/bericht-3/index.html").is_file());
    site.remove(&format!("content/nl/nieuws/{slug}.md"));
    std::fs::write(site.out().join("notes.txt"), "mine").unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.read("over/index.html")
            .contains("Een nieuwe laatste zin.")
    );
    assert!(!site.out().join(format!("nieuws/{slug}")).exists());
    assert_eq!(site.read("notes.txt"), "mine");
    let written: usize = run
        .stderr
        .split("files: ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let total = snapshot(&site.out()).len();
    assert!(
        written < total / 2,
        "{written} of {total} files written:\n{}",
        run.stderr
    );
    // Still the same bytes as a build from scratch.
    let fresh = Site::fixture("basic");
    fresh.append("content/nl/over.md", "\nEen nieuwe laatste zin.\n");
    fresh.remove(&format!("content/nl/nieuws/{slug}.md"));
    assert_eq!(fresh.build(&[]).code, 0);
    let mut mine = snapshot(&site.out());
    mine.remove("notes.txt");
    assert_same_files(&snapshot(&fresh.out()), &mine, "from a build from scratch");
    // A template changed: pages made from it are new, none kept from the last build.
    for s in [&site, &fresh] {
        s.edit("templates/base.html", "<body>", "<body class=changed>");
        assert_eq!(s.build(&[]).code, 0);
    }
    assert!(
        site.read("over/index.html")
            .contains("<body class=changed>")
    );
    let mut mine = snapshot(&site.out());
    mine.remove("notes.txt");
    assert_same_files(&snapshot(&fresh.out()), &mine, "after a template change");
}

/// A same-length title edit changes these four files (sorted as the move-in takes them).
const EDITED: [&str; 4] = [
    "en/news/post-1/index.html",
    "nieuws/atom.xml",
    "nieuws/bericht-1/index.html",
    "nieuws/pnl/2/index.html",
];

fn edit_title(site: &Site, from: &str, to: &str) {
    site.edit("content/nl/nieuws/bericht-1.md", from, to);
}

/// The output of a clean build of the unedited fixture.
fn clean_build() -> std::collections::BTreeMap<String, Vec<u8>> {
    let fresh = Site::fixture("basic");
    assert_eq!(fresh.build(&[]).code, 0);
    let mut files = snapshot(&fresh.out());
    files.remove(".homestart-output");
    files
}

fn site_files(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(&site.out());
    files.remove(".homestart-output");
    files
}

#[test]
fn a_failed_move_in_restores_the_old_site_and_a_rebuild_equals_a_clean_build() {
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    // A folder in the way of the last file to move in: the first three are moved, then undone.
    let blocked = site.out().join(EDITED[3]);
    std::fs::remove_file(&blocked).unwrap();
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("mine.txt"), "mine").unwrap();
    let before = snapshot(&site.out());
    edit_title(&site, "title: Bericht 1", "title: Xericht 1");
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    crate::common::assert_has(
        &run.stderr,
        &[
            "cannot move the new site into",
            "a folder is in the way",
            "the output folder was restored as it was (3 files moved in were put back)",
        ],
    );
    assert_same_files(&before, &snapshot(&site.out()), "after a failed move-in");
    // The obstacle gone and the edit undone with the same length: the same bytes as a clean
    // build (the three files moved in and back are checked, not trusted by their length).
    std::fs::remove_dir_all(&blocked).unwrap();
    edit_title(&site, "title: Xericht 1", "title: Bericht 1");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_same_files(&clean_build(), &site_files(&site), "from a clean build");
}

#[test]
fn a_build_killed_during_the_move_in_is_repaired_by_the_next() {
    use std::io::BufRead;
    let site = Site::fixture("basic");
    assert_eq!(site.build(&[]).code, 0);
    let before = snapshot(&site.out());
    edit_title(&site, "title: Bericht 1", "title: Xericht 1");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_homestart"))
        .arg("--root")
        .arg(site.root())
        .arg("build")
        .env("HOMESTART_TEST_PAUSE_MOVEIN", "3")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let paused = stderr
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("move-in paused after 3 files"));
    child.kill().unwrap(); // SIGKILL: no clean-up of any kind
    child.wait().unwrap();
    assert!(paused, "the build did not pause in its move-in");
    // Three files are new (two of them as long as before), the fourth old; the marker says a
    // move-in was under way; the staging folder is left.
    let now = snapshot(&site.out());
    for (i, rel) in EDITED.iter().enumerate() {
        assert_eq!(now[*rel] != before[*rel], i < 3, "{rel}");
    }
    assert_eq!(now[EDITED[1]].len(), before[EDITED[1]].len());
    assert!(
        site.read(".homestart-output")
            .contains("move-in in progress")
    );
    let leftovers = |site: &Site| -> Vec<String> {
        std::fs::read_dir(site.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("homestart") && n != ".homestart-cache")
            .collect()
    };
    let left = leftovers(&site);
    assert_eq!(left.len(), 1, "{left:?}");
    // git ignores it, and the folder a swap keeps the old output in.
    assert_ignored_by_git(
        site.root(),
        &[
            &left[0],
            ".public.homestart-old-12-34-abcdef",
            ".site.homestart-tmp-1-2-x",
        ],
    );
    // The edit undone with the same length: the killed build's file is not trusted by its
    // length, and the rebuild equals a clean build byte for byte.
    edit_title(&site, "title: Xericht 1", "title: Bericht 1");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_same_files(&clean_build(), &site_files(&site), "from a clean build");
    assert!(
        leftovers(&site).is_empty(),
        "the dead build's staging folder is removed"
    );
}

/// Fails unless the project's `.gitignore` makes git ignore each of `names` in `dir`.
fn assert_ignored_by_git(dir: &std::path::Path, names: &[&str]) {
    let ignore = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".gitignore");
    std::fs::copy(ignore, dir.join(".gitignore")).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .expect("git")
    };
    assert!(git(&["init", "-q"]).status.success());
    for name in names {
        let out = git(&["check-ignore", "--no-index", name]);
        assert!(out.status.success(), "{name} is not ignored by .gitignore");
    }
    std::fs::remove_dir_all(dir.join(".git")).unwrap();
    std::fs::remove_file(dir.join(".gitignore")).unwrap();
}

/// Every page of every language links its own language's contact, privacy and complaints pages
/// (the footer), and no page links into another language's pages except with `hreflang` (the
/// language switcher, a leaflet's other languages, the notice of an outdated translation).
#[test]
fn every_language_keeps_its_readers_in_their_language() {
    let target = crate::common::included_site();
    let footer: [(&str, [&str; 3]); 8] = [
        ("nl", ["/contact/", "/privacy/", "/klachten/"]),
        ("en", ["/en/contact/", "/en/privacy/", "/en/complaints/"]),
        ("pl", ["/pl/kontakt/", "/pl/prywatnosc/", "/pl/skargi/"]),
        ("tr", ["/tr/iletisim/", "/tr/gizlilik/", "/tr/sikayetler/"]),
        ("uk", ["/uk/kontakty/", "/uk/pryvatnist/", "/uk/skarhy/"]),
        ("ar", ["/ar/tawasul/", "/ar/khususiya/", "/ar/shakawa/"]),
        ("fa", ["/fa/tamas/", "/fa/harim-khosusi/", "/fa/shekayat/"]),
        ("ti", ["/ti/rikib/", "/ti/bihtiwna/", "/ti/tiraan/"]),
    ];
    let others: Vec<String> = footer[1..].iter().map(|(l, _)| format!("/{l}/")).collect();
    let link = anchors();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(target) {
        let path = entry.unwrap().into_path();
        if path.file_name().is_none_or(|n| n != "index.html") {
            continue;
        }
        let rel = path
            .strip_prefix(target)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let (lang, own) = footer
            .iter()
            .find(|(l, _)| rel.starts_with(&format!("{l}/")))
            .map_or(("nl", &footer[0].1), |(l, f)| (*l, f));
        let html = std::fs::read_to_string(&path).unwrap();
        for page in own {
            assert!(
                html.contains(&format!("href={page}>")),
                "/{rel} does not link {page}"
            );
        }
        for (tag, href) in link(&html) {
            if tag.contains("hreflang=") || !href.starts_with('/') || href.starts_with("/pdf/") {
                continue;
            }
            let foreign = if lang == "nl" {
                others.iter().any(|o| href.starts_with(o.as_str()))
            } else {
                !href.starts_with(&format!("/{lang}/"))
                    && !href.starts_with("/data/")
                    && !href.starts_with("/css/")
                    && !href.starts_with("/js/")
            };
            assert!(!foreign, "/{rel} links {href} in another language: {tag}");
        }
        pages += 1;
    }
    assert!(pages > 850, "{pages} pages");
}

/// `(tag, href)` of every `<a …>` in minified HTML.
fn anchors() -> impl Fn(&str) -> Vec<(String, String)> {
    |html: &str| {
        html.match_indices("<a ")
            .filter_map(|(i, _)| {
                let tag = &html[i..i + html[i..].find('>')?];
                let at = tag.find("href=")? + 5;
                let value = tag[at..].trim_start_matches('"');
                let end = value.find(['"', ' ', '>']).unwrap_or(value.len());
                Some((tag.to_string(), value[..end].to_string()))
            })
            .collect()
    }
}
