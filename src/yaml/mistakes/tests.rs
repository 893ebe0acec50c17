//! Each mistake people make, made in a file, found at its own line and column, and named in
//! Dutch and in English.

use serde::Deserialize;

use crate::diag::{Diagnostic, Source};
use crate::messages::Lang;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Page {
    title: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    phone: Option<String>,
}

const KEYS: &[&str] = &["title", "summary", "draft", "phone"];

/// Every problem of `text` as front matter, in order.
fn problems(text: &str) -> Vec<Diagnostic> {
    let src = Source::new("content/nl/over.md", text);
    let mut found = super::super::parse::<Page>(&src, 0..text.len(), Some(KEYS), "front matter")
        .expect_err("the text has a mistake");
    found.sort_by_key(|d| (d.line(), d.column()));
    found
}

/// The one problem of `text`: its line, column, Dutch message and hint, English message.
fn one(text: &str) -> (usize, usize, String, String, String) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    (
        d.line(),
        d.column(),
        d.message_in(Lang::Nl),
        d.hint_in(Lang::Nl).unwrap_or_default(),
        d.message_in(Lang::En),
    )
}

#[test]
fn a_missing_colon_is_named_on_its_own_line() {
    let (line, column, nl, hint, en) = one("title: Over ons\nsummary Korte tekst\ndraft: true\n");
    assert_eq!((line, column), (2, 1));
    assert_eq!(nl, "op deze regel staat geen dubbele punt na de naam");
    assert_eq!(
        hint,
        "zet een dubbele punt en een spatie na de naam: `summary: Korte tekst`"
    );
    assert_eq!(en, "this line has no colon after its name");
    // With a comment on the line, which the parser reads differently.
    let (line, column, _, hint, _) = one("title: Over ons\nphone 030 123 45 67 # kantoor\n");
    assert_eq!((line, column), (2, 1));
    assert!(hint.ends_with("`phone: 030 123 45 67`"), "{hint}");
}

#[test]
fn an_unclosed_quote_is_named_where_it_opens() {
    let (line, column, nl, hint, en) = one("title: \"Over ons\nsummary: Kort\ndraft: true\n");
    assert_eq!((line, column), (1, 8));
    assert_eq!(
        nl,
        "de tekst die hier met \" begint, wordt niet afgesloten met \""
    );
    assert!(
        hint.starts_with("sluit de tekst op dezelfde regel af met \""),
        "{hint}"
    );
    assert_eq!(en, "the text that starts with \" here has no closing \"");
}

#[test]
fn indentation_that_differs_from_the_lines_around_it() {
    let (line, column, nl, hint, en) = one("title: Over ons\n  summary: Kort\n");
    assert_eq!((line, column), (2, 3));
    assert_eq!(
        nl,
        "deze regel staat verder ingesprongen dan `title:` erboven, dat al een waarde heeft"
    );
    assert_eq!(
        hint,
        "laat de regel precies onder `title:` beginnen, met geen spaties ervoor"
    );
    assert!(
        en.starts_with("this line is indented further than `title:`"),
        "{en}"
    );
}

#[test]
fn a_tab_anywhere_is_shown_as_an_arrow() {
    let (line, column, nl, hint, en) = one("title: Over ons\nphone:\t030 123 45 67\n");
    assert_eq!((line, column), (2, 7));
    assert_eq!(nl, "een tab: YAML staat alleen spaties toe");
    assert_eq!(
        hint,
        "vervang de tab (hier getoond als →) door spaties: phone:→030 123 45 67"
    );
    assert_eq!(en, "a tab character: YAML only allows spaces");
}

#[test]
fn a_key_written_twice_is_named_at_its_own_line_with_the_first() {
    let found = problems("title: Over ons\nsummary: Kort\ntitle: Over Home-Start\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!((d.line(), d.column()), (3, 1));
    assert_eq!(d.message_in(Lang::Nl), "`title` staat er twee keer");
    assert!(d.has_related());
    assert!(
        d.render(Lang::Nl)
            .contains("= zie ook: content/nl/over.md:1:1")
    );
    assert_eq!(d.message_in(Lang::En), "`title` is written twice");
}

#[test]
fn yes_and_no_words_are_not_booleans() {
    let (line, column, nl, hint, en) = one("title: Over ons\ndraft: ja\n");
    assert_eq!((line, column), (2, 8));
    assert_eq!(nl, "`ja` is geen ja of nee dat YAML kent");
    assert_eq!(hint, "schrijf `draft: true` (ja) of `draft: false` (nee)");
    assert_eq!(en, "`ja` is not a value YAML knows as yes or no");
    let (_, _, nl, _, _) = one("title: Over ons\ndraft: misschien\n");
    assert_eq!(nl, "`draft` moet true of false zijn, niet `misschien`");
}

#[test]
fn a_colon_inside_text_asks_for_quotes() {
    let (line, column, _, hint, en) = one("title: Let op: nieuw\n");
    assert_eq!((line, column), (1, 14));
    assert_eq!(
        hint,
        "zet de tekst tussen aanhalingstekens: `title: \"Let op: nieuw\"`"
    );
    assert!(
        en.starts_with("the text after `title:` contains a colon"),
        "{en}"
    );
}

#[test]
fn every_mistake_the_parser_lets_through_is_reported_together() {
    // An unknown key, a key written twice and a type error in one file: all three.
    let found = problems("titel: Over\ntitle: A\ntitle: B\ndraft: nee\n");
    let codes: Vec<&str> = found.iter().map(Diagnostic::code).collect();
    assert_eq!(
        codes,
        ["yaml-unknown-key", "yaml-duplicate-key", "yaml-yes-no"],
        "{found:#?}"
    );
}

#[test]
fn valid_yaml_of_every_shape_has_no_mistake() {
    let text = "title: Over ons\nsummary: Een lange tekst\n  die doorloopt\ndraft: false\nphone: \"030\"\n";
    let src = Source::new("x.md", text);
    assert!(super::find(&src, 0..text.len(), text.len()).is_none());
    let nested = "name: X\naddress:\n  street: Laan 1\n  city: Zeist\nareas:\n  - Zeist\n  - municipality: Utrecht\n    districts: [Noord,\n      Oost]\n    ages: 0-17\ntext: |\n  Eén\n    twee: drie\nphone: 030\n";
    let src = Source::new("x.yaml", nested);
    assert!(super::find(&src, 0..nested.len(), nested.len()).is_none());
}

#[test]
fn an_unclosed_list_is_named_where_it_opens() {
    let (line, column, nl, _, _) = one("title: [Over ons\nsummary: Kort\n");
    assert_eq!((line, column), (1, 8));
    assert_eq!(
        nl,
        "de lijst die hier met [ begint, wordt niet afgesloten met ]"
    );
}
