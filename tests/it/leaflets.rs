//! PDF leaflets: built from the fixture in four languages (Dutch, English, Arabic, Tigrinya)
//! and for its location, then read back with poppler's tools (`pdftotext`, `pdffonts`,
//! `pdfinfo`) the way a reader's PDF viewer would see them.

use std::path::Path;
use std::process::Command;

use crate::common::{Site, assert_has, broken, snapshot};

const LANGS: [&str; 4] = ["nl", "en", "ar", "ti"];

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e} (install poppler-utils)"));
    assert!(
        out.status.success(),
        "{tool} {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF with runs of white space (line ends included) as one space.
fn text(pdf: &Path) -> String {
    let raw = poppler("pdftotext", &[], pdf);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn built() -> Site {
    let site = Site::with_project("leaflets");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

#[test]
fn each_language_has_a_general_pdf_and_one_per_location_with_its_phone() {
    let site = built();
    let out = site.out();
    for lang in LANGS {
        for path in [
            format!("pdf/folder-{lang}.pdf"),
            format!("pdf/utrecht-oost/folder-{lang}.pdf"),
        ] {
            let pdf = out.join(&path);
            let info = poppler("pdfinfo", &[], &pdf);
            assert!(
                info.contains("Page size:       595.276 x 841.89 pts (A4)"),
                "{path}: {info}"
            );
            assert!(info.contains("Tagged:          yes"), "{path}: {info}");
            let pages: usize = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            assert!((1..=2).contains(&pages), "{path}: {pages} pages");
            // Document language and PDF/UA-1 claim, in the XMP metadata.
            let meta = poppler("pdfinfo", &["-meta"], &pdf);
            assert_has(
                &meta,
                &[
                    &format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li>"),
                    "<pdfuaid:part>1</pdfuaid:part>",
                ],
            );
            // Only the shipped fonts, embedded as subsets.
            let fonts = poppler("pdffonts", &[], &pdf);
            let rows: Vec<&str> = fonts.lines().skip(2).collect();
            assert!(!rows.is_empty(), "{path}: no fonts");
            for row in &rows {
                let cols: Vec<&str> = row.split_whitespace().collect();
                assert!(cols[0].contains("+Noto"), "{path}: {row}");
                let n = cols.len();
                assert_eq!(
                    &cols[n - 5..n - 2],
                    ["yes", "yes", "yes"],
                    "{path}: emb/sub/uni: {row}"
                );
            }
            let script_font = match lang {
                "ar" => "NotoNaskhArabic",
                "ti" => "NotoSansEthiopic",
                _ => "NotoSans-",
            };
            assert!(fonts.contains(script_font), "{path}: {fonts}");
        }
    }

    let nl = text(&out.join("pdf/utrecht-oost/folder-nl.pdf"));
    assert_has(
        &nl,
        &[
            "Folder voor ouders",
            "Een vrijwilliger van Home-Start komt elke week bij u thuis.",
            "Bel Home-Start Utrecht Oost",
            "030 271 45 60",
            "Coördinator: Anna de Vries, 030 271 45 60",
            "example.org/locaties/utrecht-oost/",
            "Voorbeeldgegevens",
        ],
    );
    let general = text(&out.join("pdf/folder-nl.pdf"));
    assert_has(
        &general,
        &["Bel Home-Start bij u in de buurt", "example.org/"],
    );
    assert!(!general.contains("030 271 45 60"), "{general}");

    let en = text(&out.join("pdf/utrecht-oost/folder-en.pdf"));
    assert_has(
        &en,
        &[
            "Leaflet for parents",
            "A Home-Start volunteer visits your family every week.",
            "Call Home-Start Utrecht Oost",
            "030 271 45 60",
            "example.org/en/locations/utrecht-oost/",
        ],
    );
    // Tigrinya in Ge'ez script comes out as written.
    let ti = text(&out.join("pdf/utrecht-oost/folder-ti.pdf"));
    assert_has(
        &ti,
        &[
            "ወለንተኛ ናይ Home-Start ኣብ ሰሙን ሓንሳብ ናብ ገዛኹም ይመጽእ።",
            "030 271 45 60",
            "ንመን እዩ?",
        ],
    );
    // Arabic: poppler reads typst's Arabic words back (diacritics and punctuation less so,
    // typst #4225); numbers written in groups keep their left-to-right order.
    let ar = text(&out.join("pdf/utrecht-oost/folder-ar.pdf"));
    assert_has(
        &ar,
        &[
            "الخدمة مجانية",
            "أطفال صغار",
            "Home-Start Utrecht Oost",
            "030 271 45 60",
            "010 123 45 67",
        ],
    );
    assert!(!ar.contains("67 45 123 010"), "phone number reversed: {ar}");
}

/// The one image in a PDF, as poppler extracts it (PGM or, for an ICC-based grey, PPM): side
/// length and one byte per pixel.
fn only_image(pdf: &Path) -> (usize, Vec<u8>) {
    let list = poppler("pdfimages", &["-list"], pdf);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "one image (the QR code): {list}");
    let cols: Vec<&str> = rows[0].split_whitespace().collect();
    // page num type width height color comp bpc enc interp …: printed without smoothing.
    assert_eq!(cols[9], "no", "interpolation must be off: {list}");
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("img");
    let status = Command::new("pdfimages")
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .expect("an extracted image")
        .unwrap();
    let pgm = std::fs::read(file.path()).unwrap();
    // P5 header: magic, width, height, maxval, each followed by white space.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        let end = at + pgm[at..].iter().position(u8::is_ascii_whitespace).unwrap();
        fields.push(String::from_utf8(pgm[at..end].to_vec()).unwrap());
        at = end + 1;
    }
    let channels = match fields[0].as_str() {
        "P5" => 1,
        "P6" => 3,
        other => panic!("unexpected image format {other}"),
    };
    assert_eq!(fields[1], fields[2], "square");
    let pixels = pgm[at..].iter().step_by(channels).copied().collect();
    (fields[1].parse().unwrap(), pixels)
}

#[test]
fn the_qr_code_leads_to_the_location_page() {
    let site = built();
    for (lang, url) in [
        ("nl", "https://example.org/locaties/utrecht-oost/"),
        ("en", "https://example.org/en/locations/utrecht-oost/"),
        // No location page in Arabic: the Arabic site (its map where it has one), never a
        // page in another language.
        ("ar", "https://example.org/ar/"),
    ] {
        let (side, pixels) = only_image(
            &site
                .out()
                .join(format!("pdf/utrecht-oost/folder-{lang}.pdf")),
        );
        let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).unwrap();
        let n = code.width();
        let quiet = (side - n) / 2;
        assert!(quiet >= 4, "{lang}: quiet zone of {quiet} modules");
        let dark = |x: usize, y: usize| pixels[y * side + x] < 128;
        for y in 0..side {
            for x in 0..side {
                let inside = (quiet..quiet + n).contains(&x) && (quiet..quiet + n).contains(&y);
                let expected =
                    inside && code[(x - quiet.min(x), y - quiet.min(y))] == qrcode::Color::Dark;
                assert_eq!(
                    dark(x, y),
                    expected,
                    "{lang}: module ({x}, {y}) of the code for {url}"
                );
            }
        }
    }
}

/// The general leaflet of each language: its QR code is exactly the code of that language's map
/// page (every module compared), so a parent who scans it lands on the lookup in the leaflet's
/// language. The per-location leaflet of a language without location pages leads there too.
#[test]
fn every_general_leaflet_leads_to_the_map_in_its_own_language() {
    let site = crate::common::included_site();
    let base = "https://www.home-start.example/";
    for (pdf, path) in [
        ("folder-nl.pdf", "kaart/"),
        ("folder-en.pdf", "en/map/"),
        ("folder-pl.pdf", "pl/mapa/"),
        ("folder-tr.pdf", "tr/harita/"),
        ("folder-uk.pdf", "uk/karta/"),
        ("folder-ar.pdf", "ar/kharita/"),
        ("folder-fa.pdf", "fa/naqsheh/"),
        ("folder-ti.pdf", "ti/karta/"),
        ("utrecht-noord-oost/folder-ar.pdf", "ar/kharita/"),
    ] {
        let url = format!("{base}{path}");
        assert!(site.join(path).join("index.html").is_file(), "{url} exists");
        let (side, pixels) = only_image(&site.join("pdf").join(pdf));
        let code = qrcode::QrCode::with_error_correction_level(&url, qrcode::EcLevel::M).unwrap();
        let n = code.width();
        let quiet = (side - n) / 2;
        let same = (0..n * n).all(|i| {
            let (x, y) = (i % n, i / n);
            (pixels[(y + quiet) * side + x + quiet] < 128) == (code[(x, y)] == qrcode::Color::Dark)
        });
        assert!(same && quiet >= 4, "{pdf}: the QR code is not {url}");
    }
}

/// Every leaflet of the included site, read back with poppler: one or two pages, never a
/// second page with fewer than ten lines; the contact box (the location's number, or the
/// address of the map) on the first page; no printed address split over two lines.
#[test]
fn every_leaflet_is_one_full_page_or_two_with_the_contact_on_the_first() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = crate::common::included_site();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(site.join("pdf")) {
        let pdf = entry.unwrap().into_path();
        if pdf.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let name = pdf.strip_prefix(site).unwrap().display().to_string();
        let info = poppler("pdfinfo", &[], &pdf);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        assert!((1..=2).contains(&pages), "{name}: {pages} pages");
        let first = poppler("pdftotext", &["-layout", "-f", "1", "-l", "1"], &pdf);
        let second = if pages == 2 {
            let second = poppler("pdftotext", &["-layout", "-f", "2", "-l", "2"], &pdf);
            // The footer (address, page n of 2) is not text of the leaflet.
            let lines = second.lines().filter(|l| !l.trim().is_empty()).count() - 1;
            assert!(lines >= 10, "{name}: {lines} lines on page 2");
            Some(second)
        } else {
            None
        };
        // The contact box: a location's number, or the address of the map.
        let location = name
            .split('/')
            .nth(1)
            .filter(|_| name.matches('/').count() == 2);
        if let Some(slug) = location {
            let yaml =
                std::fs::read_to_string(root.join(format!("locations/{slug}.yaml"))).unwrap();
            let phone = yaml
                .lines()
                .find_map(|l| l.strip_prefix("phone: "))
                .unwrap();
            let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
            let want = digits(phone.split('#').next().unwrap());
            // On page 1, and after "how to sign up" at the end of page 2.
            for page in std::iter::once(&first).chain(&second) {
                assert!(
                    digits(page).contains(&want),
                    "{name}: {phone} not on every page"
                );
            }
        } else {
            for page in std::iter::once(&first).chain(&second) {
                // Without the footer (its last line), which also prints an address.
                let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
                let text = lines[..lines.len() - 1].concat();
                assert!(
                    text.contains("home-start.example/"),
                    "{name}: no address on a page"
                );
            }
        }
        // Every printed address of the site ends with its `/` on the line where it starts.
        let text = poppler("pdftotext", &[], &pdf);
        for line in text.lines() {
            for (at, _) in line.match_indices("home-start.example/") {
                let rest = &line[at..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || "./-_".contains(c)))
                    .unwrap_or(rest.len());
                assert!(
                    rest[..end].ends_with('/'),
                    "{name}: an address is split: {line}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 490, "{checked} leaflets");
}

#[test]
fn pages_link_their_pdfs() {
    let site = built();
    let nl = site.read("folder/index.html");
    assert!(nl.contains("href=/pdf/folder-nl.pdf"), "{nl}");
    assert!(nl.contains("href=/pdf/utrecht-oost/folder-nl.pdf"), "{nl}");
    let ar = site.read("ar/nashra/index.html");
    assert!(ar.contains("href=/pdf/folder-ar.pdf"), "{ar}");
    // Read as a browser does: a page whose text holds a double quote (this location's
    // organisation) is minified by the tree-building minifier, which orders attributes.
    let location = scraper::Html::parse_document(&site.read("locaties/utrecht-oost/index.html"));
    for lang in LANGS {
        let link = format!("a[href='/pdf/utrecht-oost/folder-{lang}.pdf']");
        let a = location
            .select(&scraper::Selector::parse(&link).unwrap())
            .next()
            .unwrap_or_else(|| panic!("{lang}: no link to the leaflet"));
        let a = a.value();
        assert_eq!(a.attr("type"), Some("application/pdf"), "{lang}");
        assert_eq!(a.attr("hreflang"), Some(lang), "{lang}");
        assert!(a.attr("download").is_some(), "{lang}");
    }
}

#[test]
fn markup_characters_in_text_and_registry_are_printed_as_written() {
    let site = Site::with_project("leaflets");
    site.edit(
        "locations/utrecht-oost.yaml",
        "name: Anna de Vries",
        r#"name: "Anna #de $Vries // x [y] @z \\ *b* _c_ 8:30'da""#,
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nl = text(&site.out().join("pdf/utrecht-oost/folder-nl.pdf"));
    // From Markdown (escaped there as Markdown requires; the apostrophe typeset as Markdown's
    // typographic one, never as typst's prime).
    assert_has(
        &nl,
        &["Bel om 8:30’da # $5 *ster* _laag_ a // b <b> @naam [x] \\ einde."],
    );
    // From the registry, untouched.
    assert_has(&nl, &[r"Anna #de $Vries // x [y] @z \ *b* _c_ 8:30'da"]);
    assert!(!nl.contains('′'), "a prime appeared: {nl}");
}

#[test]
fn identical_input_gives_identical_pdfs_with_or_without_the_cache() {
    let site = built();
    let first = snapshot(&site.out().join("pdf"));
    assert_eq!(first.len(), 8);
    // Without the cache: everything typeset again.
    std::fs::remove_dir_all(site.root().join(".homestart-cache")).unwrap();
    let second = site.root().join("second");
    let third = site.root().join("third");
    let run = site.build(&["--out", second.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("8 PDF leaflets: 8 typeset, 0 unchanged"),
        "{}",
        run.stderr
    );
    assert!(
        first == snapshot(&second.join("pdf")),
        "PDFs differ between builds"
    );
    // With it: nothing typeset, same bytes.
    let run = site.build(&["--out", third.to_str().unwrap()]);
    assert!(
        run.stderr
            .contains("8 PDF leaflets: 0 typeset, 8 unchanged"),
        "{}",
        run.stderr
    );
    assert!(first == snapshot(&third.join("pdf")));
    // A new phone number: only that location's leaflets are typeset again.
    site.edit("locations/utrecht-oost.yaml", "030-2714560", "030-2714561");
    let run = site.build(&[]);
    assert!(
        run.stderr
            .contains("8 PDF leaflets: 4 typeset, 4 unchanged"),
        "{}",
        run.stderr
    );
    assert!(text(&site.out().join("pdf/utrecht-oost/folder-ti.pdf")).contains("030 271 45 61"));
    // The cache keeps only what the last build used.
    let entries = std::fs::read_dir(site.root().join(".homestart-cache/pdf"))
        .unwrap()
        .count();
    assert_eq!(entries, 8);
}

#[test]
fn a_character_no_font_has_is_an_error_at_its_line() {
    let stderr = broken(built(), |site| {
        site.edit(
            "content/nl/folder.md",
            "Een vrijwilliger van",
            "Een 漢 vrijwilliger van",
        );
    });
    assert_has(
        &stderr,
        &[
            "content/nl/folder.md:8:5",
            "no font for the PDF leaflet has the character `漢` (U+6F22)",
            "add an OFL font",
        ],
    );
    // Once, although four leaflets (general and per location, Dutch) contain it.
    assert_eq!(stderr.matches("U+6F22").count(), 1, "{stderr}");
}

#[test]
fn a_missing_glyph_from_the_registry_points_at_the_location_file() {
    let stderr = broken(built(), |site| {
        site.edit(
            "locations/utrecht-oost.yaml",
            "Anna de Vries",
            "Anna 🙂 de Vries",
        );
    });
    assert_has(&stderr, &["locations/utrecht-oost.yaml:", "U+1F642"]);
}

#[test]
fn markdown_a_leaflet_cannot_print_is_an_error_at_its_line() {
    let stderr = broken(built(), |site| {
        site.append(
            "content/en/folder.md",
            "\n| a | b |\n|---|---|\n| 1 | 2 |\n\nRun `homestart`.\n\n#### Deep\n",
        );
    });
    assert_has(
        &stderr,
        &[
            "error: content/en/folder.md:14:1: a table cannot be printed in the PDF leaflet",
            "write the rows as a list",
            "error: content/en/folder.md:18:5: inline code cannot be printed in the PDF leaflet",
            "error: content/en/folder.md:20:1: heading level 4 follows level 2",
        ],
    );
}

#[test]
fn pdf_on_a_translation_and_an_overlong_leaflet_are_errors() {
    let stderr = broken(built(), |site| {
        site.edit(
            "content/en/folder.md",
            "template: leaflet.html",
            "template: leaflet.html\npdf: general",
        );
    });
    assert_has(
        &stderr,
        &[
            "content/en/folder.md:6:1",
            "`pdf:` is set on the original page only",
        ],
    );

    let stderr = broken(built(), |site| {
        let long =
            "Een lange zin over wat een vrijwilliger allemaal doet in een gezin. ".repeat(12);
        let body: String = (0..30).map(|_| format!("{long}\n\n")).collect();
        site.append("content/nl/folder.md", &format!("\n{body}"));
    });
    assert_has(
        &stderr,
        &[
            "content/nl/folder.md:1:1",
            "it may take at most 2 (one sheet, both sides)",
            "shorten the text",
        ],
    );
}

#[test]
fn a_leaflet_translation_without_dutch_original_or_in_an_unknown_language_is_an_error() {
    let stderr = broken(built(), |site| {
        site.write(
            "content/en/flyer.md",
            "---\ntitle: Flyer\ntemplate: leaflet.html\n---\nText.\n",
        );
    });
    assert_has(
        &stderr,
        &[
            "content/en/flyer.md",
            "the nl page this translates, content/nl/flyer.md, does not exist",
            "delete this translation, or bring content/nl/flyer.md back",
        ],
    );
    let stderr = broken(built(), |site| {
        site.write(
            "content/xx/folder.md",
            "---\ntitle: Folder\ntemplate: leaflet.html\n---\nText.\n",
        );
    });
    assert_has(
        &stderr,
        &["content/xx: `xx` in content/ is not a language folder"],
    );
}
