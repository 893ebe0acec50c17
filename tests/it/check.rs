//! `homestart check` and `homestart translations` on fixtures with known problems: every
//! problem at its exact place, in all three formats, with the exit code; good links pass.

use crate::common::{Site, assert_has, homestart};

/// The basic fixture with links an editor writes, good and bad, in content/nl/over.md.
fn site_with_links() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/nl/over.md",
        "---\ntitle: Over ons\n---\n## Wat we doen\n\nTekst.\n\n\
         Goed: [kop](#wat-we-doen), [nieuws](/nieuws/), [bericht](../nieuws/bericht-1/), \
         [Engels](/en/about/), [anker](/over/#wat-we-doen), [plaatje](/img/dot.svg), [kaart](../nieuws/).\n\n\
         Fout: [typo](/nieuwz/) en [anker](/over/#wat-wij-doen).\n",
    );
    site
}

#[test]
fn check_reports_every_broken_link_with_its_place_and_writes_nothing() {
    let site = site_with_links();
    let run = homestart(site.root(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_has(
        &run.stderr,
        &[
            "error: content/nl/over.md:10:7: link to `/nieuwz/` goes nowhere: the site has no page or file `/nieuwz/`",
            "hint: did you mean `/nieuws/`?",
            "error: content/nl/over.md:10:27: link to `/over/#wat-wij-doen`: the page has no place called `#wat-wij-doen`",
            "did you mean `#wat-we-doen`?",
            "check: 2 errors",
        ],
    );
    assert!(!site.out().exists(), "check writes no site");

    // GitHub annotations, on stdout, one line each.
    let run = homestart(site.root(), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    // The edited Dutch page leaves its English translation outdated: a warning, not an error.
    assert!(
        run.stdout.contains("::warning file=content/en/over.md,"),
        "{}",
        run.stdout
    );
    assert!(
        lines[0].starts_with("::error file=content/nl/over.md,line=10,col=7,title=homestart [")
            && lines[0]
                .contains("]%3A content/nl/over.md%3A10%3A7::link to `/nieuwz/` goes nowhere"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("%0Ahint: did you mean `/nieuws/`?"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("::error file=content/nl/over.md,line=10,col=27,"));

    // JSON for tools.
    let run = homestart(site.root(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["errors"], 2);
    let errors: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    let d = errors[1];
    assert_eq!(
        (&d["file"], &d["line"], &d["column"], &d["severity"]),
        (
            &"content/nl/over.md".into(),
            &10.into(),
            &27.into(),
            &"error".into()
        )
    );
    assert_eq!(
        d["hint"],
        "did you mean `#wat-we-doen`? A heading's anchor is its text in lowercase with hyphens"
    );

    // The build refuses the same links and keeps no half-built site.
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_has(
        &run.stderr,
        &["content/nl/over.md:10:7", "content/nl/over.md:10:27"],
    );
    assert!(!site.out().exists());
}

#[test]
fn check_passes_a_clean_site_and_reports_other_errors_too() {
    let site = Site::fixture("basic");
    let run = homestart(site.root(), &["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["errors"], 0);

    // A Markdown problem and a front-matter problem in one run, with positions.
    site.write(
        "content/nl/over.md",
        "---\ntitle: Over ons\ndescripton: x\n---\nTekst.\n",
    );
    site.write(
        "content/en/over.md",
        "---\ntitle: About\nslug: about\n---\n\n![](/img/dot.svg)\n",
    );
    let run = homestart(site.root(), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    assert_has(
        &run.stdout,
        &[
            "::error file=content/en/over.md,line=6,col=1,",
            "image has no alternative text",
            "::error file=content/nl/over.md,line=3,col=1,",
            "unknown key `descripton`",
        ],
    );
}

#[test]
fn translations_record_the_version_they_were_made_from() {
    let site = Site::fixture("basic");
    let root = site.root();
    let en = std::fs::read_to_string(root.join("content/en/over.md")).unwrap();
    let unmarked: String = en
        .lines()
        .filter(|l| !l.starts_with("translated_from:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/en/over.md", &unmarked);
    let row = |out: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.starts_with("over "))
            .unwrap_or_else(|| panic!("no row for over in\n{out}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    // Not yet marked: a warning with the value to write.
    let table = homestart(root, &["translations"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let cells = row(&table.stdout);
    let version = cells[1].clone();
    assert_eq!(version.len(), 8, "{cells:?}");
    assert_eq!(&cells[2..], ["unmarked", "missing"]);
    let run = homestart(root, &["check"]);
    assert_eq!(run.code, 0);
    assert_has(
        &run.stderr,
        &[
            "warning: content/en/over.md: this translation does not say which version of content/nl/over.md it was made from",
            &format!("add `translated_from: {version}`"),
        ],
    );

    // Marked: up to date, no warning, --strict passes.
    let marked = homestart(root, &["translations", "--mark", "content/en/over.md"]);
    assert_eq!(
        marked.stdout.trim(),
        format!("marked content/en/over.md: translated_from: {version}")
    );
    assert_eq!(row(&homestart(root, &["translations"]).stdout)[2], "ok");
    assert_eq!(homestart(root, &["check", "--strict"]).code, 0);

    // The Dutch text changes: the translation is outdated, named by the build, and its page
    // says so with a link to the Dutch page; the Dutch page does not.
    site.write(
        "content/nl/over.md",
        "---\ntitle: Over ons\n---\n## Wat we doen\n\nNieuwe tekst.\n",
    );
    assert_eq!(
        row(&homestart(root, &["translations"]).stdout)[2],
        "outdated"
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_has(
        &run.stderr,
        &[
            "warning: content/en/over.md: this translation was made from an older version of content/nl/over.md",
        ],
    );
    let en = site.read("en/about/index.html");
    assert!(
        en.contains(
            "<p class=\"wrap outdated\">outdated-en <a href=/over/ hreflang=nl>original-en</a>"
        ),
        "{en}"
    );
    assert!(!site.read("over/index.html").contains("outdated"));
    assert_eq!(homestart(root, &["check", "--strict"]).code, 1);

    // Translating and marking again clears it.
    homestart(root, &["translations", "--mark", "content/en/over.md"]);
    assert_eq!(homestart(root, &["check", "--strict"]).code, 0);
    assert!(
        !std::fs::read_to_string(root.join("content/en/over.md"))
            .unwrap()
            .is_empty()
    );
    assert_has(
        &homestart(root, &["translations", "--mark", "content/nl/over.md"]).stderr,
        &["content/nl/over.md is not a translation of a page"],
    );
}

#[test]
fn new_files_hold_placeholders_until_filled_in_and_translations_build_as_they_are() {
    let site = Site::with_project("registry");
    let new = |args: &[&str]| homestart(site.root(), &[&["new"], args].concat());
    let run = new(&["page", "Voor scholen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().next().unwrap_or(""),
        "wrote content/nl/voor-scholen.md: fill it in, then `homestart check` (or `homestart build`)"
    );
    for args in [
        &["story", "Een dag met Fatima"][..],
        &["location", "Home-Start Zeist"],
    ] {
        let run = new(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    assert!(
        site.root()
            .join("content/nl/verhalen/een-dag-met-fatima.md")
            .is_file()
    );
    // Nothing unfinished is published: every placeholder is an error at its own line.
    // The story is a draft: its placeholders count only where drafts are published.
    let run = site.build(&["--drafts"]);
    assert_eq!(run.code, 1);
    let location = "locations/home-start-zeist.yaml";
    for (line, what) in [
        (7, "naam van de stichting"),
        (9, "straat en huisnummer"),
        (10, "postcode, bijvoorbeeld 3511 AB"),
        (11, "plaats"),
        (12, "algemeen telefoonnummer, bijvoorbeeld 030 123 45 67"),
        (16, "voor- en achternaam van de coördinator"),
        (17, "telefoonnummer van de coördinator"),
        (18, "e-mailadres van de coördinator"),
        (20, "een gemeente die de locatie bedient"),
    ] {
        assert_has(
            &run.stderr,
            &[
                &format!("{location}:{line}:"),
                &format!("not filled in yet: {what}"),
            ],
        );
    }
    assert_has(
        &run.stderr,
        &[
            "content/nl/voor-scholen.md:9:1",
            "not filled in yet: schrijf hier de tekst van de pagina",
            "content/nl/verhalen/een-dag-met-fatima.md:",
            "not filled in yet: de rest van het verhaal",
            "replace `INVULLEN: plaats` (with its quotes) by plaats",
        ],
    );
    assert_eq!(
        run.stderr.matches("not filled in yet").count(),
        13,
        "{}",
        run.stderr
    );
    let run = homestart(site.root(), &["check"]);
    assert_eq!(
        run.stderr.matches("not filled in yet").count(),
        10,
        "{}",
        run.stderr
    );

    // A translation starts as a copy of the original and builds as it is.
    std::fs::remove_file(site.root().join(location)).unwrap();
    std::fs::remove_file(
        site.root()
            .join("content/nl/verhalen/een-dag-met-fatima.md"),
    )
    .unwrap();
    site.write(
        "content/nl/voor-scholen.md",
        "---\ntitle: Voor scholen\ndescription: Wat scholen kunnen doen.\n---\n\nEen tekst voor scholen.\n",
    );
    let run = new(&["page", "voor-scholen", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let en = std::fs::read_to_string(site.root().join("content/en/voor-scholen.md")).unwrap();
    assert!(
        en.contains("Translation of content/nl/voor-scholen.md"),
        "{en}"
    );
    assert!(
        en.contains("title: \"Voor scholen\"\ndescription: \"Wat scholen kunnen doen.\""),
        "{en}"
    );
    assert!(en.ends_with("\nEen tekst voor scholen.\n"), "{en}");
    let run = site.build(&[]);
    assert_eq!(
        run.code, 0,
        "the translation builds as it is: {}",
        run.stderr
    );
    assert!(site.out().join("en/voor-scholen/index.html").is_file());
    assert_has(
        &run.stderr,
        &["this translation does not say which version"],
    );

    // Refusals: an existing file, an unknown language, a translation of nothing.
    assert_has(
        &new(&["page", "Voor scholen"]).stderr,
        &["content/nl/voor-scholen.md already exists"],
    );
    assert_has(
        &new(&["page", "x", "--lang", "de"]).stderr,
        &["`de` is not a language of this site", "use one of: nl, en"],
    );
    let run = new(&["page", "Über uns", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert_has(&run.stderr, &["content/nl/uber-uns.md does not exist"]);
    assert!(!site.root().join("content/en/uber-uns.md").exists());
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_project_is_refused() {
    let site = Site::fixture("basic");
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "---\ntitle: Buiten\n---\nGeheim.\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("content/nl/buiten.md")).unwrap();
    let run = homestart(site.root(), &["check"]);
    assert_eq!(run.code, 1);
    assert_has(
        &run.stderr,
        &[
            "content/nl/buiten.md: links (symlinks) are not followed in content/",
            "put the file itself in content/",
        ],
    );
}

/// A link (symlink) in any folder the tool reads is refused with its name, and nothing it
/// points at is read: not /etc/passwd, not the environment, not a valid file elsewhere.
#[cfg(unix)]
#[test]
fn links_in_every_input_folder_are_refused_and_never_read() {
    let elsewhere = tempfile::tempdir().unwrap();
    let project = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = |rel: &str| {
        let to = elsewhere.path().join(rel.replace('/', "_"));
        std::fs::copy(project.join(rel), &to).unwrap();
        to
    };
    std::fs::create_dir_all(elsewhere.path().join("more")).unwrap();
    std::fs::copy(
        project.join("tests/fixtures/leaflets/locations/utrecht-oost.yaml"),
        elsewhere.path().join("more/buiten.yaml"),
    )
    .unwrap();
    let cases: Vec<(&str, std::path::PathBuf)> = vec![
        ("locations/passwd.yaml", "/etc/passwd".into()),
        ("locations/environ.yaml", "/proc/self/environ".into()),
        ("locations/more", elsewhere.path().join("more")),
        ("i18n/en.yaml", copy("i18n/en.yaml")),
        ("static/css/extra.css", "/etc/passwd".into()),
        ("templates/extra.html", "/etc/passwd".into()),
        ("geo/mergers.csv", copy("geo/mergers.csv")),
        ("fonts/extra.ttf", copy("fonts/NotoSans-Regular.ttf")),
        ("site.yaml", copy("tests/fixtures/leaflets/site.yaml")),
        ("content/nl/folder.md", "/etc/passwd".into()),
        // A language folder, and the content folder, moved elsewhere and linked to there.
        ("content/en", elsewhere.path().join("content-en")),
        ("content", elsewhere.path().join("content")),
        (".homestart-cache", elsewhere.path().join("cache")),
    ];
    std::fs::create_dir_all(elsewhere.path().join("cache")).unwrap();
    for (rel, target) in cases {
        let site = Site::with_project("leaflets");
        let at = site.root().join(rel);
        if at.is_dir() {
            let _ = std::fs::remove_dir_all(&target);
            crate::common::copy_dir(&at, &target);
            std::fs::remove_dir_all(&at).unwrap();
        } else if at.exists() {
            std::fs::remove_file(&at).unwrap();
        }
        std::os::unix::fs::symlink(&target, &at).unwrap();
        let run = homestart(site.root(), &["check"]);
        assert_eq!(run.code, 1, "{rel}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            all.contains(&format!("{rel}: this is a link (symlink)"))
                || all.contains(&format!("{rel}: links (symlinks) are not followed")),
            "{rel}: {all}"
        );
        for secret in ["root:", "PATH=", "Utrecht-Oost"] {
            assert!(!all.contains(secret), "{rel} printed {secret}: {all}");
        }
    }
    let cache = std::fs::read_dir(elsewhere.path().join("cache"))
        .unwrap()
        .count();
    assert_eq!(cache, 0, "nothing is written through a link");
}

/// A location file in a subfolder, or with another extension, would vanish from the site
/// without a word: it is an error that says where the file belongs.
#[test]
fn location_files_outside_locations_itself_are_errors() {
    let site = Site::with_project("leaflets");
    let text = std::fs::read_to_string(site.root().join("locations/utrecht-oost.yaml")).unwrap();
    site.write("locations/utrecht/utrecht-west.yaml", &text);
    site.write("locations/amersfoort.YAML", &text);
    site.write("locations/notes.txt", "bel maandag");
    let run = homestart(site.root(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_has(
        &run.stderr,
        &[
            "locations/utrecht/utrecht-west.yaml: location files in a subfolder of locations/ are not read",
            "move it to locations/utrecht-west.yaml",
            "locations/amersfoort.YAML: only location files (.yaml) belong in locations/",
            "write the extension in small letters: amersfoort.yaml",
            "locations/notes.txt: only location files (.yaml) belong in locations/",
        ],
    );
}

/// Saving the Dutch page and its translation with Windows line endings changes no text: the
/// translation stays up to date.
#[test]
fn crlf_line_endings_keep_the_translation_version() {
    let site = Site::fixture("basic");
    let root = site.root();
    let status = || {
        let out = homestart(root, &["translations"]).stdout;
        out.lines()
            .find(|l| l.starts_with("over "))
            .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    homestart(root, &["translations", "--mark", "content/en/over.md"]);
    let before = status();
    assert!(before.contains(" ok"), "{before}");
    for rel in ["content/nl/over.md", "content/en/over.md"] {
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        site.write(rel, &text.replace('\n', "\r\n"));
    }
    assert_eq!(status(), before);
    assert_eq!(homestart(root, &["check", "--strict"]).code, 0);
}

/// Script in every link form, a heading attribute and nesting 1,000 levels deep in a page and
/// in the leaflet page: `check` and `build` both refuse them at their lines, and `build`
/// neither crashes nor changes the site.
#[test]
fn script_links_attributes_and_deep_nesting_fail_check_and_build_alike() {
    let site = Site::with_project("leaflets");
    let list: String = (0..1000)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    site.write(
        "content/nl/diep.md",
        &format!("---\ntitle: Diep\n---\n\n{list}"),
    );
    site.append(
        "content/nl/folder.md",
        &format!("\n{} diep\n", ">".repeat(1500)),
    );
    site.write(
        "content/nl/script.md",
        "---\ntitle: Script\n---\n\n## Kop {#kop onclick=alert(1)}\n\n\
         [x](javascript:alert(1)) <javascript:alert(1)> [r][r] [d](data:text/html,x)\n\n\
         [r]: javascript:alert(1)\n",
    );
    let folder_line = std::fs::read_to_string(site.root().join("content/nl/folder.md"))
        .unwrap()
        .lines()
        .count();
    for command in ["check", "build"] {
        let run = homestart(site.root(), &[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        let mut places: Vec<String> = run
            .stderr
            .lines()
            .filter_map(|l| l.strip_prefix("error: "))
            .map(|l| l.splitn(3, ':').take(2).collect::<Vec<_>>().join(":"))
            .collect();
        places.sort();
        let mut expected = vec![
            "content/nl/diep.md:37".to_string(),
            format!("content/nl/folder.md:{folder_line}"),
            "content/nl/script.md:5".to_string(),
        ];
        expected.extend(std::iter::repeat_n("content/nl/script.md:7".to_string(), 4));
        expected.sort();
        assert_eq!(places, expected, "{command}: {}", run.stderr);
    }
    assert!(!site.out().exists());
}

/// A runaway page (50 MB) is refused by its size before it is read or rendered.
#[test]
fn a_huge_page_is_refused_before_it_is_read() {
    let site = Site::fixture("basic");
    let file = std::fs::File::create(site.root().join("content/nl/groot.md")).unwrap();
    file.set_len(50 << 20).unwrap();
    let run = homestart(site.root(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_has(
        &run.stderr,
        &["content/nl/groot.md: this file is 50.0 MB; a page may be at most 1.0 MB"],
    );
}

/// Links that go nowhere get the hint for the mistake made: a page's file name, a web address
/// without https://, an image not uploaded (with the exact path), and never the page itself as
/// "did you mean".
#[test]
fn links_that_go_nowhere_say_how_to_write_them() {
    let err = crate::common::broken(Site::fixture("basic"), |s| {
        s.write(
            "content/nl/hulp.md",
            "---\ntitle: Hulp\n---\n\nZie [over ons](over.md), [de GGD](www.ggd.nl) en\n![Een vrijwilliger leest voor](/img/voorlezen.jpg).\n",
        );
    });
    assert_has(
        &err,
        &[
            "content/nl/hulp.md:5:5",
            "link to the page's address, not its file: `/over/`",
            "content/nl/hulp.md:5:26",
            "an address on another website starts with https://: `https://www.ggd.nl`",
            "content/nl/hulp.md:6:1",
            "upload the file as `static/img/voorlezen.jpg`",
        ],
    );
    assert!(!err.contains("did you mean `/hulp/`"), "{err}");
}
