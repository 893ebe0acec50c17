//! Each kind of broken input: the build names file:line:column with a hint, exits non-zero,
//! and leaves the previous output exactly as it was.

mod fuzz;

use crate::common::{Site, assert_has};

/// The failure contract (see `common::broken`) on the basic fixture.
fn broken(breakage: impl FnOnce(&Site)) -> String {
    crate::common::broken(Site::fixture("basic"), breakage)
}

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    let err = broken(|s| {
        s.write(
            "content/nl/over.md",
            "---\ntitle: Over\ndescripton: x\n---\nTekst\n",
        )
    });
    assert_has(
        &err,
        &[
            "content/nl/over.md:3:1",
            "unknown key `descripton`",
            "did you mean `description`?",
        ],
    );
}

#[test]
fn yaml_syntax_error_in_front_matter() {
    let err = broken(|s| {
        s.write(
            "content/nl/over.md",
            "---\ntitle: Over\nweight: [1, 2\n---\nTekst\n",
        )
    });
    // At the `[` that is never closed, not where the parser gave up (line 4).
    assert_has(
        &err,
        &[
            "content/nl/over.md:3:9",
            "the list that starts with [ here is not closed with ]",
        ],
    );
}

#[test]
fn markdown_mistakes_are_located() {
    let err = broken(|s| {
        s.write(
            "content/nl/over.md",
            "---\ntitle: Over\n---\nZie [hier][nergens].\n\n![](/img/dot.svg)\n\n<div>html</div>\n",
        )
    });
    assert_has(
        &err,
        &[
            "content/nl/over.md:4:5",
            "link reference `[nergens]` is not defined",
            "content/nl/over.md:6:1",
            "image has no alternative text",
            "content/nl/over.md:8:1",
            "HTML is not allowed",
            "hint:",
        ],
    );
}

#[test]
fn duplicate_url_names_both_files() {
    let err = broken(|s| {
        s.write(
            "content/en/other.md",
            "---\ntitle: Other\nslug: about\ntranslation_key: nieuws/bericht-2\n---\n",
        )
    });
    assert_has(
        &err,
        &[
            "two pages have the address /en/about/",
            "content/en/over.md:3:7",
            "see also: content/en/other.md:3:7",
        ],
    );
}

#[test]
fn translation_key_that_points_nowhere() {
    let err = broken(|s| {
        s.write(
            "content/en/extra.md",
            "---\ntitle: Extra\ntranslation_key: overr\n---\n",
        )
    });
    assert_has(
        &err,
        &[
            "content/en/extra.md:3:18",
            "translation key `overr` matches no page in the default language",
            "did you mean `over`?",
        ],
    );
}

#[test]
fn missing_template_is_located_at_the_template_key() {
    let err = broken(|s| {
        s.write(
            "content/nl/over.md",
            "---\ntitle: Over\ntemplate: pagina.html\n---\n",
        )
    });
    assert_has(
        &err,
        &[
            "content/nl/over.md:3:11",
            "template `pagina.html` does not exist",
            "did you mean `page.html`?",
        ],
    );
}

#[test]
fn template_syntax_and_render_errors_are_located() {
    let err = broken(|s| {
        s.write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block main %}\n{{ page.titel }}\n{% endblock main %}",
        );
    });
    assert_has(&err, &["templates/page.html:2:", "template error"]);

    let err = broken(|s| {
        s.write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block main %}\n{% if page.title %}\n{% endblock main %}",
        );
    });
    assert_has(&err, &["templates/page.html:", "template error"]);
}

#[test]
fn unknown_asset_in_template() {
    let err = broken(|s| {
        let base = std::fs::read_to_string(s.root().join("templates/base.html")).unwrap();
        s.write(
            "templates/base.html",
            &base.replace("css/site.css", "css/sight.css"),
        );
    });
    assert_has(
        &err,
        &[
            "templates/base.html:7:33",
            "there is no file static/css/sight.css",
            "did you mean `css/site.css`?",
        ],
    );
}

#[test]
fn missing_string_names_table_and_key() {
    let err = broken(|s| {
        let en = std::fs::read_to_string(s.root().join("i18n/en.yaml")).unwrap();
        s.write("i18n/en.yaml", &en.replace("home: home-en\n", ""));
    });
    assert_has(
        &err,
        &[
            "i18n/en.yaml",
            "string table i18n/en.yaml is missing the key `home`",
            "home-nl",
        ],
    );
}

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let err = broken(|s| {
        s.write("content/nl/over.md", "---\ntitel: Over\n---\n");
        s.write(
            "content/en/over.md",
            "---\ntitle: About\nslug: About Us\n---\n",
        );
        s.write(
            "content/ar/_index.md",
            "---\ntitle: x\ndate: 2026-13-01\n---\n",
        );
    });
    assert_has(
        &err,
        &[
            "content/nl/over.md:2:1",
            "content/en/over.md:3:7",
            "content/ar/_index.md:3:7",
            "build failed: 3 errors",
        ],
    );
}

#[test]
fn encoding_problems_get_clear_messages() {
    let err = broken(|s| s.write_bytes("content/nl/over.md", b"---\ntitle: Caf\xe9\n---\n"));
    assert_has(
        &err,
        &["content/nl/over.md:2:11", "not UTF-8", "UTF-8 encoding"],
    );

    let err = broken(|s| s.write("content/nl/over.md", "---\ntitle: Over\n\tweight: 2\n---\n"));
    assert_has(
        &err,
        &[
            "content/nl/over.md:3:1",
            "a tab character: YAML only allows spaces",
            "spaces",
        ],
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = Site::fixture("basic");
    site.write(
        "content/nl/over.md",
        "\u{feff}---\r\ntitle: Over ons\r\nweight: 2\r\n---\r\n## Kop\r\n\r\nTekst.\r\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.read("over/index.html")
            .contains(r#"<h1>Over ons</h1><h2 id="kop">Kop</h2>"#)
    );
}

#[test]
fn never_replaces_a_folder_it_did_not_create() {
    let site = Site::fixture("basic");
    site.write("public/notes.txt", "mine");
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("was not created by homestart"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(site.out().join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(site.out()).unwrap().count(), 1);

    // Nor the project itself.
    let run = site.build(&["--out", site.root().to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("contains the project itself"),
        "{}",
        run.stderr
    );
    assert!(site.root().join("site.yaml").is_file());
}

#[test]
fn bad_folder_name_is_reported_once() {
    let err = broken(|s| {
        s.write("content/nl/Oud Nieuws/een.md", "---\ntitle: Een\n---\n");
        s.write("content/nl/Oud Nieuws/twee.md", "---\ntitle: Twee\n---\n");
    });
    assert_has(
        &err,
        &[
            "content/nl/Oud Nieuws/een.md:1:1",
            "folder name `Oud Nieuws` cannot be used in a web address",
        ],
    );
    assert_eq!(err.matches("folder name").count(), 1, "{err}");
    assert!(err.contains("build failed: 1 error,"), "{err}");
}

#[test]
fn draft_home_page_is_refused() {
    let err = broken(|s| {
        s.write(
            "content/en/_index.md",
            "---\ntitle: Welcome\ndraft: true\n---\n",
        )
    });
    assert_has(
        &err,
        &["content/en/_index.md:3:1", "home page cannot be a draft"],
    );
}

#[test]
fn missing_site_config_is_explained() {
    let site = Site::fixture("basic");
    site.remove("site.yaml");
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("site.yaml") && run.stderr.contains("hint"),
        "{}",
        run.stderr
    );
}

/// YAML nested past 64 levels is refused at the first level too many (flow collections at
/// saphyr-parser's stop), in front matter, site.yaml and location files, before libyaml
/// (quadratic in the depth: 100,000 `[` took 78 s) sees it.
#[test]
fn deeply_nested_yaml_is_refused() {
    let deep = [
        ("[".repeat(100_000), "3:264"),
        ("{a: ".repeat(100_000), "3:261"),
        (format!("\n{}x", "- ".repeat(100_000)), "4:127"),
        (
            (1..=100)
                .map(|i| format!("\n{}a:", " ".repeat(i)))
                .collect(),
            "67:65",
        ),
    ];
    for (yaml, at) in &deep {
        let err = broken(|s| {
            s.write(
                "content/nl/over.md",
                &format!("---\ntitle: Over\nweight: {yaml}\n---\nTekst\n"),
            )
        });
        assert_has(
            &err,
            &[
                &format!("content/nl/over.md:{at}"),
                "front matter is nested too deeply (more than 64 levels)",
                "hint:",
            ],
        );
    }
    let err = broken(|s| s.append("site.yaml", &format!("extra: {}\n", "[".repeat(100_000))));
    assert_has(&err, &["site.yaml:", "site.yaml is nested too deeply"]);

    let site = Site::with_project("registry");
    site.append(
        "locations/haaglanden.yaml",
        &format!("extra: {}\n", "[".repeat(100_000)),
    );
    let run = site.build(&[]);
    assert_has(
        &run.stderr,
        &[
            "locations/haaglanden.yaml:18:",
            "nested too deeply (more than 64 levels)",
        ],
    );
}
