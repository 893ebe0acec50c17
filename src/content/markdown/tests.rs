//! Rendering, links, ids and the errors of the Markdown pass.

use super::*;

fn run(body: &str) -> (Rendered, Vec<Diagnostic>) {
    let src = Source::new("content/nl/x.md", format!("---\ntitle: X\n---\n{body}"));
    let assets = Assets::for_tests(&[("img/kind.jpg", "img/kind.0123456789.jpg")]);
    let links = Links {
        base_path: "/sub/",
        assets: &assets,
    };
    let mut diags = Vec::new();
    let r = render(&src, 16, &links, &mut diags);
    (r, diags)
}

#[test]
fn headings_get_unique_ids() {
    let (r, d) = run("## Wat we doen\n\n## Wat we doen\n\n## Eigen {#mijn-id}\n");
    assert!(d.is_empty());
    assert!(r.html.contains(r#"<h2 id="wat-we-doen">"#), "{}", r.html);
    assert!(r.html.contains(r#"<h2 id="wat-we-doen-2">"#));
    assert!(r.html.contains(r#"<h2 id="mijn-id">"#));
    assert_eq!(r.anchors, ["wat-we-doen", "wat-we-doen-2", "mijn-id"]);
}

#[test]
fn site_links_follow_base_path_and_assets() {
    let (r, _) = run(
        "[Contact](/contact/#bel) ![Kind](/img/kind.jpg) [Ext](https://example.org/) [Rel](a/)\n",
    );
    assert!(r.html.contains(r#"href="/sub/contact/#bel""#), "{}", r.html);
    assert!(r.html.contains(r#"src="/sub/img/kind.0123456789.jpg""#));
    assert!(r.html.contains(r#"href="https://example.org/""#));
    assert!(r.html.contains(r#"href="a/""#));
}

#[test]
fn raw_html_missing_alt_and_broken_reference_are_errors() {
    let (_, d) = run(
        "Hallo <b>daar</b>\n\n![](/img/kind.jpg)\n\nZie [hier][nergens].\n\n<!-- notitie -->\n",
    );
    let msgs: Vec<_> = d.iter().map(|d| (d.message(), d.line())).collect();
    assert!(
        msgs.iter().any(|(m, l)| m.contains("HTML") && *l == 4),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|(m, l)| m.contains("alternative text") && *l == 6),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|(m, l)| m.contains("`[nergens]`") && *l == 8),
        "{msgs:?}"
    );
    assert_eq!(d.len(), 4, "{msgs:?}"); // <b> and </b> are each reported
}

#[test]
fn tables_footnotes_and_smart_quotes() {
    let (r, d) = run("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1] \"zo\"\n\n[^1]: Noot.\n");
    assert!(d.is_empty());
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("footnote-definition"));
    assert!(r.html.contains('“'));
}

#[test]
fn summary_is_first_paragraph_text() {
    let (r, _) = run("## Kop\n\nEerste *zin*\nloopt door.\n\nTweede.\n");
    assert_eq!(r.summary, "Eerste zin loopt door.");
}

/// Messages of the errors in `d`, with their line and column.
fn errors(d: &[Diagnostic]) -> Vec<(String, usize, usize)> {
    d.iter()
        .filter(|d| d.severity() == crate::diag::Severity::Error)
        .map(|d| (d.message().to_string(), d.line(), d.column()))
        .collect()
}

#[test]
fn script_links_in_every_form_are_errors_and_never_reach_the_html() {
    let body = "[x](javascript:alert(1))\n\n\
                <javascript:alert(1)>\n\n\
                [ref][r]\n\n\
                [r]: javascript:alert(1)\n\n\
                [d](data:text/html,<script>alert(1)</script>)\n\n\
                [e](&#106;avascript:alert(1))\n\n\
                [t](java&#9;script:alert(1))\n\n\
                ![kind](javascript:alert(1))\n\n\
                ![kind](https://cdn.example/kind.jpg)\n";
    let (r, d) = run(body);
    let e = errors(&d);
    let lines: Vec<usize> = e.iter().map(|e| e.1).collect();
    assert_eq!(lines, [4, 6, 8, 12, 14, 16, 18, 20], "{e:#?}");
    assert!(e.iter().all(|e| e.2 == 1), "{e:#?}");
    assert!(e[0].0.contains("`javascript:`"), "{e:#?}");
    assert!(e[3].0.contains("`data:`"), "{e:#?}");
    assert!(e[7].0.contains("from this site"), "{e:#?}");
    // The autolink's text may show the address as text; no attribute carries it.
    let html = r.html.to_ascii_lowercase();
    for attr in ["=\"javascript", "=\"data:", "=\"https://cdn"] {
        assert!(!html.contains(attr), "{}", r.html);
    }
}

#[test]
fn heading_attributes_other_than_id_and_class_are_errors() {
    let (r, d) = run("## Kop {#kop onclick=alert(1)}\n\n## Twee {.intro}\n");
    let e = errors(&d);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].0.contains("`onclick`"), "{e:#?}");
    assert_eq!((e[0].1, e[0].2), (4, 1));
    assert!(!r.html.contains("onclick"), "{}", r.html);
    assert!(
        r.html.contains(r#"<h2 id="twee" class="intro">"#),
        "{}",
        r.html
    );
}

#[test]
fn deep_nesting_is_an_error_at_its_line() {
    let list: String = (0..1000)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    let quote = format!("{} diep\n", ">".repeat(1500));
    let emphasis = format!("{}a{}\n", "*".repeat(2000), "*".repeat(2000));
    for (body, line) in [
        (list, 4 + super::rules::MAX_DEPTH),
        (quote, 4),
        (emphasis, 4),
    ] {
        let (_, d) = run(&format!("Intro.\n\n{body}"));
        let e = errors(&d);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(e[0].0.contains("nested more than 32"), "{e:#?}");
        assert_eq!(e[0].1, line + 2, "{e:#?}");
    }
    // Real content, a few levels deep, is fine.
    let (_, d) = run("> - a\n>   - *b **c [d](/e/)***\n>     > f\n");
    assert!(errors(&d).is_empty(), "{d:#?}");
}

#[test]
fn identical_headings_get_ids_in_linear_time() {
    let body = "## Kop\n\n".repeat(20_000) + "## Kop-3 {#kop-5}\n";
    let (r, d) = run(&body);
    assert!(d.is_empty());
    assert_eq!(r.anchors.len(), 20_001);
    assert_eq!(r.anchors[1], "kop-2");
    let unique: HashSet<&String> = r.anchors.iter().collect();
    assert_eq!(unique.len(), 20_001);
    // Linear: each heading tries a bounded number of candidates (counting from 1 again
    // for each repeat would try 200 million).
    let mut ids = Ids::default();
    for _ in 0..20_000 {
        ids.unique("kop".to_string());
    }
    assert!(ids.tries < 20_000, "{} tries", ids.tries);
    // An explicit id that a counter already used is still unique (and a later one skips it).
    let (r, _) = run("## A\n\n## A\n\n## B {#a-3}\n\n## A\n");
    assert_eq!(r.anchors, ["a", "a-2", "a-3", "a-4"]);
}
