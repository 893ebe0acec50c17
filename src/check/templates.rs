//! Every template the site renders exists: each page's (its `template:` or its kind's) and
//! `404.html`. Other parts that render a template of their own check it here too.

use crate::diag::{Diagnostic, suggest};
use crate::model::Site;
use crate::render::Templates;
use crate::t;

/// The page shown at unknown addresses; every site renders it.
pub const NOT_FOUND: &str = "404.html";

/// Every page's template and `404.html`, against the loaded templates.
pub fn templates(site: &Site, templates: &Templates) -> Vec<Diagnostic> {
    let names: Vec<&str> = templates.names().collect();
    missing(site, &names)
}

/// The same, against a list of template names.
fn missing(site: &Site, names: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in site
        .pages
        .iter()
        .filter(|p| !names.contains(&p.template.as_str()))
    {
        let d = Diagnostic::error(t!("template-missing", name = &page.template));
        let d = if page.src.front.template.is_some() {
            d.at(&page.src.source, page.src.value_span("template"))
        } else {
            d.at(&page.src.source, 0..3)
        };
        out.push(match suggest(&page.template, names.iter().copied()) {
            Some(s) => d.hint(t!("template-missing.hint-typo", suggestion = s)),
            None => d.hint(t!(
                "template-missing.hint",
                name = &page.template,
                names = names.join(", ")
            )),
        });
    }
    if !names.contains(&NOT_FOUND) {
        out.push(
            Diagnostic::error(t!("template-missing", name = NOT_FOUND))
                .in_file(format!("templates/{NOT_FOUND}"))
                .hint(t!("template-missing.hint-not-found")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{page, site};

    #[test]
    fn each_missing_template_is_reported_where_it_is_chosen() {
        let s = site(vec![
            page(0, "_index.md", ""),
            page(0, "over.md", "template: pagina.html\n"),
            page(0, "nieuws/_index.md", ""),
            page(1, "_index.md", ""),
        ]);
        let all = [
            "404.html",
            "home.html",
            "page.html",
            "pagina.html",
            "section.html",
        ];
        assert!(missing(&s, &all).is_empty());

        let ds = missing(&s, &["home.html", "page.html"]);
        let messages: Vec<String> = ds.iter().map(|d| d.message()).collect();
        let got: Vec<(&str, Option<&str>, usize)> = ds
            .iter()
            .zip(&messages)
            .map(|(d, m)| (m.as_str(), d.path(), d.line()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "template `section.html` does not exist",
                    Some("content/nl/nieuws/_index.md"),
                    1
                ),
                (
                    "template `pagina.html` does not exist",
                    Some("content/nl/over.md"),
                    3
                ),
                (
                    "template `404.html` does not exist",
                    Some("templates/404.html"),
                    0
                ),
            ]
        );
        assert_eq!(
            ds[0].hint_text().as_deref(),
            Some("create templates/section.html or choose one of: home.html, page.html")
        );
        assert_eq!(
            ds[1].hint_text().as_deref(),
            Some("did you mean `page.html`? Templates live in templates/")
        );
    }
}
