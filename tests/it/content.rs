//! What the organisation's pages must say, checked in the built site: the facts a GP and a
//! parent decide on, in the words every page uses.

use std::path::Path;

use crate::common::included_site;

/// The text of a built page or PDF with runs of white space as one space (tags left in: the
/// sentences checked here have none inside them).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page(site: &Path, rel: &str) -> String {
    words(&std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

const START_NL: &str = "Meestal kan de steun binnen twee weken beginnen. Er is geen wachtlijst.";
const START_EN: &str = "Support can usually start within two weeks. There is no waiting list.";

#[test]
fn the_two_week_start_is_on_the_home_referrers_and_leaflet_pages_and_in_the_pdf() {
    let site = included_site();
    for rel in [
        "index.html",
        "verwijzers/index.html",
        "folder/index.html",
        "folder-verwijzers/index.html",
    ] {
        assert!(
            page(site, rel).contains(START_NL),
            "{rel} lacks: {START_NL}"
        );
    }
    for rel in [
        "en/index.html",
        "en/referrers/index.html",
        "en/leaflet/index.html",
        "en/referrers-leaflet/index.html",
    ] {
        assert!(
            page(site, rel).contains(START_EN),
            "{rel} lacks: {START_EN}"
        );
    }
    // The parent leaflet as printed.
    let out = std::process::Command::new("pdftotext")
        .arg(site.join("pdf/folder-nl.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (install poppler-utils)");
    let printed = words(&String::from_utf8_lossy(&out.stdout));
    assert!(
        printed.contains(START_NL),
        "the nl leaflet PDF lacks it:\n{printed}"
    );
}

/// "tot 6 jaar" reads as "under 6"; the programme is for children up to and including 6.
#[test]
fn no_page_says_under_six() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["content", "i18n", "templates"] {
        for entry in walkdir::WalkDir::new(root.join(dir)) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            if words(&text).contains("tot 6 jaar") {
                found.push(entry.path().display().to_string());
            }
        }
    }
    assert!(found.is_empty(), "\"tot 6 jaar\" in {found:?}");
}
