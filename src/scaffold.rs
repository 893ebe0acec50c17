//! `homestart new page|story|location NAME`: a commented starting file in the right place and
//! language that builds as it is, so an editor starts from something that works.

use std::path::Path;

use crate::config::Config;
use crate::content::frontmatter::slugify;
use crate::content::placeholder;
use crate::diag::Diagnostic;
use crate::messages::{Lang, Text};
use crate::t;

/// What to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Story,
    Location,
}

/// Writes the new file and returns its project-relative path. Never overwrites. Every error
/// of site.yaml is returned (the site must load before a file can be placed in it). `language`
/// is the language of a page or story (`--lang`); `lang` the language of the comments that
/// explain the file to the editor.
pub fn create(
    root: &Path,
    kind: Kind,
    name: &str,
    language: Option<&str>,
    lang: Lang,
) -> Result<String, Vec<Diagnostic>> {
    let config = Config::load(root, None)?;
    write(root, &config, kind, name, language, lang).map_err(|d| vec![d])
}

fn write(
    root: &Path,
    config: &Config,
    kind: Kind,
    name: &str,
    language: Option<&str>,
    words: Lang,
) -> Result<String, Diagnostic> {
    let languages = &config.site.languages;
    let lang = match language {
        None => &languages[0],
        Some(code) => languages.iter().find(|l| l.code == code).ok_or_else(|| {
            let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
            Diagnostic::error(t!("new-lang-unknown", code = code))
                .in_file(crate::config::FILE)
                .hint(t!("new-lang-unknown.hint", codes = codes.join(", ")))
        })?,
    };
    // A page may be named by its path (`verhalen/anna`) to translate a page in a folder.
    let title = name.trim().rsplit('/').next().unwrap_or("").trim();
    let slug = name
        .trim()
        .split('/')
        .map(slugify)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    if slugify(title).is_empty() || (kind != Kind::Page && name.contains('/')) {
        return Err(Diagnostic::error(t!("new-name-unusable", name = name))
            .hint(t!("new-name-unusable.hint")));
    }
    let default = &languages[0].code;
    let (rel, text) = match kind {
        Kind::Page => {
            // The same path as an existing page of the default language makes a translation.
            let original = root.join(format!("content/{default}/{slug}.md"));
            if lang.code == *default {
                (format!("content/{default}/{slug}.md"), page(title, words))
            } else if original.is_file() {
                let text = std::fs::read_to_string(&original).map_err(|e| {
                    Diagnostic::error(t!(
                        "new-original-unreadable",
                        default = default,
                        slug = &slug,
                        reason = e.to_string()
                    ))
                })?;
                (
                    format!("content/{}/{slug}.md", lang.code),
                    translation(&text, &slug, default, words),
                )
            } else {
                return Err(Diagnostic::error(t!(
                    "new-original-missing",
                    lang = &lang.code,
                    default = default,
                    slug = &slug
                ))
                .hint(t!("new-original-missing.hint", default = default)));
            }
        }
        Kind::Story if lang.code != *default => {
            return Err(Diagnostic::error(t!("new-story-lang"))
                .hint(t!("new-story-lang.hint", lang = &lang.code)));
        }
        Kind::Story => (
            format!("content/{default}/verhalen/{slug}.md"),
            story(title, words),
        ),
        Kind::Location => {
            if lang.code != *default {
                return Err(
                    Diagnostic::error(t!("new-location-lang")).hint(t!("new-location-lang.hint"))
                );
            }
            (format!("locations/{slug}.yaml"), location(title, words))
        }
    };
    let path = root.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error(t!("new-exists", path = &rel))
            .in_file(rel.clone())
            .hint(t!("new-exists.hint")));
    }
    std::fs::create_dir_all(path.parent().unwrap_or(root))
        .and_then(|()| std::fs::write(&path, text))
        .map_err(|e| {
            Diagnostic::error(t!("new-cannot-write", path = &rel, reason = e.to_string()))
                .in_file(rel.clone())
        })?;
    Ok(rel)
}

/// A message as comment lines (`# …`), one for each of its lines.
fn comment(text: Text, lang: Lang) -> String {
    text.show(lang)
        .lines()
        .map(|line| format!("# {line}\n"))
        .collect()
}

/// YAML double-quoted, so any title is valid front matter.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn page(title: &str, lang: Lang) -> String {
    format!(
        "---\n\
         {}\
         title: {}\n\
         {}\
         description: \"\"\n\
         {}\
         ---\n\
         \n\
         {}\n\
         \n\
         {}\n",
        comment(t!("new-page-title"), lang),
        quoted(title),
        comment(t!("new-page-description"), lang),
        comment(t!("new-page-menu"), lang),
        placeholder::text("schrijf hier de tekst van de pagina"),
        t!("new-page-markdown").show(lang),
    )
}

/// A translation starts as a copy of the original (title, date, description, template and
/// text), so it builds as it is; it stays an unmarked translation (a warning) until marked.
fn translation(original: &str, path: &str, default: &str, lang: Lang) -> String {
    let slug = path.rsplit('/').next().unwrap_or(path);
    let (front, body) = original
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .unwrap_or(("", original));
    let fields: serde_yaml::Mapping = serde_yaml::from_str(front).unwrap_or_default();
    let mut copied = String::new();
    for key in [
        "title",
        "menu_title",
        "date",
        "description",
        "template",
        "paginate_by",
    ] {
        if let Some(value) = fields.get(key) {
            let value = match value {
                serde_yaml::Value::String(s) => quoted(s),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            copied.push_str(&format!("{key}: {value}\n"));
        }
    }
    let explained = comment(
        t!(
            "new-translation",
            original = format!("content/{default}/{path}.md")
        ),
        lang,
    );
    format!(
        "---\n\
         {explained}\
         {copied}\
         slug: {slug}\n\
         ---\n\
         {body}"
    )
}

fn story(title: &str, lang: Lang) -> String {
    let today = jiff::Zoned::now().date();
    format!(
        "---\n\
         {}\
         title: {}\n\
         {}\
         date: {today}\n\
         {}\
         author: \"\"\n\
         {}\
         draft: true\n\
         ---\n\
         \n\
         {}\n\
         \n\
         ## {}\n\
         \n\
         {}\n",
        comment(t!("new-story-title"), lang),
        quoted(title),
        comment(t!("new-story-date"), lang),
        comment(t!("new-story-author"), lang),
        comment(t!("new-story-draft"), lang),
        placeholder::text("de eerste alinea; die staat in het overzicht van verhalen"),
        placeholder::text("een tussenkopje"),
        placeholder::text("de rest van het verhaal"),
    )
}

fn location(name: &str, lang: Lang) -> String {
    let fill = placeholder::value;
    let note = |text: Text| text.show(lang);
    format!(
        "# yaml-language-server: $schema=../schema/location.schema.json\n\
         {header}\
         \n\
         name: {}\n\
         organisation: {}                # {organisation}\n\
         address:                                 # {address}\n\
         \x20 street: {}\n\
         \x20 postcode: {}\n\
         \x20 city: {}\n\
         phone: {}                     # {phone}\n\
         opening_days: [maandag, dinsdag, donderdag]  # {opening_days}\n\
         ages: 0-6                                # {ages}\n\
         coordinators:                            # {coordinators}\n\
         \x20 - name: {}\n\
         \x20   phone: {}\n\
         \x20   email: {}\n\
         municipalities:                          # {municipalities}\n\
         \x20 - {}\n",
        quoted(name),
        fill("naam van de stichting"),
        fill("straat en huisnummer"),
        fill("postcode, bijvoorbeeld 3511 AB"),
        fill("plaats"),
        fill("algemeen telefoonnummer, bijvoorbeeld 030 123 45 67"),
        fill("voor- en achternaam van de coördinator"),
        fill("telefoonnummer van de coördinator"),
        fill("e-mailadres van de coördinator"),
        fill("een gemeente die de locatie bedient"),
        header = comment(t!("new-location"), lang),
        organisation = note(t!("new-location.organisation")),
        address = note(t!("new-location.address")),
        phone = note(t!("new-location.phone")),
        opening_days = note(t!("new-location.opening-days")),
        ages = note(t!("new-location.ages")),
        coordinators = note(t!("new-location.coordinators")),
        municipalities = note(t!("new-location.municipalities")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_of_site_yaml_is_reported_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.yaml"),
            "title: X\nbase_url: nope\nlanguages: []\norganisation: {name: X, email: x@example.org}\n",
        )
        .unwrap();
        let errors = create(root, Kind::Page, "Voor scholen", None, Lang::En).unwrap_err();
        let messages: Vec<String> = errors.iter().map(Diagnostic::message).collect();
        assert_eq!(
            messages,
            [
                "base URL `nope` is not an http(s) URL",
                "no languages listed"
            ],
        );
        assert!(errors.iter().all(|d| d.path() == Some("site.yaml")));
        assert_eq!(
            errors[1].message_in(Lang::Nl),
            "er staan geen talen in de lijst"
        );
        assert!(!root.join("content").exists());
    }

    /// The same file in both languages but for the comments; in English word for word what
    /// it has always been.
    #[test]
    fn the_comments_are_in_the_editors_language() {
        let shipped =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("site.yaml"))
                .unwrap();
        let made = |lang: Lang| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("site.yaml"), &shipped).unwrap();
            [
                (Kind::Page, "Voor scholen"),
                (Kind::Story, "Een dag"),
                (Kind::Location, "Home-Start Zeist"),
            ]
            .map(|(kind, name)| {
                let rel = create(dir.path(), kind, name, None, lang).unwrap();
                std::fs::read_to_string(dir.path().join(rel)).unwrap()
            })
        };
        let (en, nl) = (made(Lang::En), made(Lang::Nl));
        assert_eq!(en[0], PAGE);
        assert_eq!(en[2], LOCATION);
        assert!(en[1].contains("\n# While true, the story is not published (preview it with `homestart build --drafts`).\ndraft: true\n"));
        assert!(nl[0].contains("\n# De titel van de pagina: "), "{}", nl[0]);
        assert!(
            nl[2].contains("# de stichting waar de locatie bij hoort\n"),
            "{}",
            nl[2]
        );
        // Line by line the same but for the comments (and the page's explanation).
        let bare = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| {
                    !l.starts_with("# ")
                        && !l.starts_with("In Markdown")
                        && !l.starts_with("address from")
                })
                .filter(|l| !l.starts_with("adres vanaf"))
                .map(|l| l.split(" # ").next().unwrap_or("").trim_end().to_string())
                .collect()
        };
        for (en, nl) in en.iter().zip(&nl) {
            assert_eq!(en.lines().count(), nl.lines().count(), "{nl}");
            assert_eq!(bare(en), bare(nl));
            assert_eq!(
                en.matches("INVULLEN:").count(),
                nl.matches("INVULLEN:").count()
            );
        }
    }

    const PAGE: &str = concat!(
        "---\n",
        "# The page's title: the heading on the page and the name in the browser tab.\n",
        "title: \"Voor scholen\"\n",
        "# One or two sentences for search engines and overviews (optional).\n",
        "description: \"\"\n",
        "# To put the page in the menu, add its name (this file's path without .md) to `menu` in site.yaml.\n",
        "---\n",
        "\n",
        "INVULLEN: schrijf hier de tekst van de pagina\n",
        "\n",
        "In Markdown: start a section with `## ` and a heading; link to another page with its\n",
        "address from the site's root, like this: [home page](/).\n",
    );

    const LOCATION: &str = concat!(
        "# yaml-language-server: $schema=../schema/location.schema.json\n",
        "# New location. Replace every value that starts with INVULLEN (the site is not built\n",
        "# while one is left; `homestart check` names each).\n",
        "# The file name is the web address: locations/<name>.yaml → /locaties/<name>/.\n",
        "\n",
        "name: \"Home-Start Zeist\"\n",
        "organisation: \"INVULLEN: naam van de stichting\"                # the organisation the location belongs to\n",
        "address:                                 # postal address of the office\n",
        "  street: \"INVULLEN: straat en huisnummer\"\n",
        "  postcode: \"INVULLEN: postcode, bijvoorbeeld 3511 AB\"\n",
        "  city: \"INVULLEN: plaats\"\n",
        "phone: \"INVULLEN: algemeen telefoonnummer, bijvoorbeeld 030 123 45 67\"                     # general number (leave out = first coordinator's)\n",
        "opening_days: [maandag, dinsdag, donderdag]  # Dutch day names\n",
        "ages: 0-6                                # children's ages in years (core programme 0-6; 0-14 or 0-17 where funded)\n",
        "coordinators:                            # the first coordinator is the main contact\n",
        "  - name: \"INVULLEN: voor- en achternaam van de coördinator\"\n",
        "    phone: \"INVULLEN: telefoonnummer van de coördinator\"\n",
        "    email: \"INVULLEN: e-mailadres van de coördinator\"\n",
        "municipalities:                          # every municipality served (CBS name, everyday name or code)\n",
        "  - \"INVULLEN: een gemeente die de locatie bedient\"\n",
    );
}
