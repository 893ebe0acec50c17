//! The mistakes editors make, made on a copy of the project: each is named in Dutch (the
//! site's first language, so the default) at the line and column of the mistake itself, with
//! a hint, and in English with `--lang en`; every mistake of a file comes in one run.

use std::path::Path;

use crate::common::{edit_file as edit, homestart, homestart_as_editor, project_copy};

/// One mistake: where it is made, where it must be named, and the words.
struct Mistake {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    place: &'static str,
    dutch: &'static str,
    hint: &'static str,
    english: &'static str,
}

const AMERSFOORT: &str = "locations/amersfoort.yaml";
const OVER: &str = "content/nl/over.md";

const MISTAKES: &[Mistake] = &[
    Mistake {
        file: AMERSFOORT,
        from: "phone: 033 657 81 61 ",
        to: "phone 033 657 81 61  ",
        place: "locations/amersfoort.yaml:11:1",
        dutch: "op deze regel staat geen dubbele punt na de naam",
        hint: "tip: zet een dubbele punt en een spatie na de naam: `phone: 033 657 81 61`",
        english: "this line has no colon after its name",
    },
    Mistake {
        file: AMERSFOORT,
        from: "name: Home-Start Amersfoort ",
        to: "name: \"Home-Start Amersfoort",
        place: "locations/amersfoort.yaml:5:7",
        dutch: "de tekst die hier met \" begint, wordt niet afgesloten met \"",
        hint: "tip: sluit de tekst op dezelfde regel af met \"",
        english: "the text that starts with \" here has no closing \"",
    },
    Mistake {
        file: AMERSFOORT,
        from: "  city: Amersfoort",
        to: "   city: Amersfoort",
        place: "locations/amersfoort.yaml:10:4",
        dutch: "deze regel staat verder ingesprongen dan `postcode:` erboven, dat al een waarde heeft",
        hint: "tip: laat de regel precies onder `postcode:` beginnen, met 2 spaties ervoor",
        english: "this line is indented further than `postcode:` above it",
    },
    Mistake {
        file: AMERSFOORT,
        from: "phone: 033 657 81 61",
        to: "phone:\t033 657 81 61",
        place: "locations/amersfoort.yaml:11:7",
        dutch: "een tab: YAML staat alleen spaties toe",
        hint: "tip: vervang de tab (hier getoond als →) door spaties: phone:→033 657 81 61",
        english: "a tab character: YAML only allows spaces",
    },
    Mistake {
        file: AMERSFOORT,
        from: "email: amersfoort@home-start.example ",
        to: "name: Home-Start Eemland             ",
        place: "locations/amersfoort.yaml:12:1",
        dutch: "`name` staat er twee keer",
        hint: "zie ook: locations/amersfoort.yaml:5:1",
        english: "`name` is written twice",
    },
    Mistake {
        file: OVER,
        from: "menu_title: Over ons\n",
        to: "menu_title: Over ons\ndraft: ja\n",
        place: "content/nl/over.md:4:8",
        dutch: "`ja` is geen ja of nee dat YAML kent",
        hint: "tip: schrijf `draft: true` (ja) of `draft: false` (nee)",
        english: "`ja` is not a value YAML knows as yes or no",
    },
    Mistake {
        file: OVER,
        from: "menu_title: Over ons\n",
        to: "menu_title: Over ons\ndate: 14-03-2026\n",
        place: "content/nl/over.md:4:7",
        dutch: "`14-03-2026` is geen geldige datum",
        hint: "tip: schrijf eerst het jaar, dan de maand, dan de dag: `date: 2026-03-14`",
        english: "`14-03-2026` is not a valid date",
    },
];

#[test]
fn each_mistake_is_named_where_it_is_in_dutch_and_in_english() {
    for m in MISTAKES {
        let dir = project_copy();
        let root = dir.path();
        edit(root, m.file, m.from, m.to);
        let dutch = homestart_as_editor(root, &["check"]);
        assert_eq!(dutch.code, 1, "{}", dutch.stderr);
        let headline = format!("fout: {}: {}", m.place, m.dutch);
        assert!(
            dutch.stderr.contains(&headline),
            "expected `{headline}` in:\n{}",
            dutch.stderr
        );
        assert!(
            dutch.stderr.contains(m.hint),
            "expected `{}` in:\n{}",
            m.hint,
            dutch.stderr
        );
        let english = homestart_as_editor(root, &["check", "--lang", "en"]);
        let headline = format!("error: {}: {}", m.place, m.english);
        assert!(
            english.stderr.contains(&headline),
            "expected `{headline}` in:\n{}",
            english.stderr
        );
    }
}

/// The codes of the errors `check --format json` names in `file`, sorted, and the report.
fn error_codes(root: &Path, file: &str) -> (Vec<String>, String) {
    let run = homestart_as_editor(root, &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut codes: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == file && d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    (codes, format!("{report:#}"))
}

#[test]
fn every_mistake_of_a_file_comes_in_one_run() {
    // A page with four mistakes: an unknown key, ja for true, an image without its
    // description, a link to a page that does not exist.
    let dir = project_copy();
    let root = dir.path();
    edit(
        root,
        OVER,
        "menu_title: Over ons\n",
        "menu_title: Over ons\nsamenvatting: Kort\ndraft: ja\n",
    );
    edit(
        root,
        OVER,
        "## Hoe het werkt\n",
        "## Hoe het werkt\n\n![](/img/favicon.svg)\n\nZie [de folder](/foldr/).\n",
    );
    let (codes, report) = error_codes(root, OVER);
    assert_eq!(
        codes,
        [
            "link-nowhere",
            "markdown-image-no-alt",
            "yaml-unknown-key",
            "yaml-yes-no"
        ],
        "{report}"
    );
    // The messages are in the editor's language; the codes are the same in every language.
    assert!(report.contains("onbekend veld `samenvatting`"), "{report}");

    // A location with four: an unknown key, a key written twice, a municipality that does
    // not exist, a phone number one digit short.
    let dir = project_copy();
    let root = dir.path();
    edit(root, AMERSFOORT, "ages: 0-6 ", "leeftijd: 0-6\nages: 0-6 ");
    edit(root, AMERSFOORT, "  - Leusden\n", "  - Leusdn\n");
    edit(
        root,
        AMERSFOORT,
        "    phone: 06 52 83 88 97\n",
        "    phone: 06 52 83 88 9\n",
    );
    let end = std::fs::read_to_string(root.join(AMERSFOORT)).unwrap();
    std::fs::write(
        root.join(AMERSFOORT),
        format!("{end}email: info@home-start.example\n"),
    )
    .unwrap();
    let (codes, report) = error_codes(root, AMERSFOORT);
    assert_eq!(
        codes,
        [
            "location-municipality-unknown",
            "phone-invalid",
            "yaml-duplicate-key",
            "yaml-unknown-key"
        ],
        "{report}"
    );
}

#[test]
fn the_json_and_github_forms_carry_a_code_in_every_language() {
    let dir = project_copy();
    let root = dir.path();
    edit(root, AMERSFOORT, "  - Leusden\n", "  - Leusdn\n");
    let en = homestart(root, &["check", "--format", "json"]);
    let nl = homestart(root, &["check", "--format", "json", "--lang", "nl"]);
    let first = |out: &str| -> serde_json::Value {
        let report: serde_json::Value = serde_json::from_str(out).unwrap();
        report["diagnostics"][0].clone()
    };
    let (en, nl) = (first(&en.stdout), first(&nl.stdout));
    assert_eq!(en["code"], nl["code"]);
    assert_eq!(en["code"], "location-municipality-unknown");
    assert_ne!(en["message"], nl["message"]);
    let github = homestart(root, &["check", "--format", "github"]);
    assert!(
        github
            .stdout
            .contains("title=homestart [location-municipality-unknown]%3A locations/amersfoort.yaml%3A21%3A5::"),
        "{}",
        github.stdout
    );
}
