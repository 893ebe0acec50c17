//! `homestart new page|story|location NAME`: a commented starting file in the right place and
//! language that builds as it is, so an editor starts from something that works.

use std::path::Path;

use crate::config::Config;
use crate::content::frontmatter::slugify;
use crate::content::placeholder;
use crate::diag::Diagnostic;

/// What to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Story,
    Location,
}

/// Writes the new file and returns its project-relative path. Never overwrites. Every error
/// of site.yaml is returned (the site must load before a file can be placed in it).
pub fn create(
    root: &Path,
    kind: Kind,
    name: &str,
    lang: Option<&str>,
) -> Result<String, Vec<Diagnostic>> {
    let config = Config::load(root, None)?;
    write(root, &config, kind, name, lang).map_err(|d| vec![d])
}

fn write(
    root: &Path,
    config: &Config,
    kind: Kind,
    name: &str,
    lang: Option<&str>,
) -> Result<String, Diagnostic> {
    let languages = &config.site.languages;
    let lang = match lang {
        None => &languages[0],
        Some(code) => languages.iter().find(|l| l.code == code).ok_or_else(|| {
            let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
            Diagnostic::error(format!("`{code}` is not a language of this site"))
                .in_file(crate::config::FILE)
                .hint(format!("use one of: {}", codes.join(", ")))
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
        return Err(
            Diagnostic::error(format!("`{name}` gives no usable file name")).hint(
                "give a name with letters or digits, e.g. `homestart new page \"Voor scholen\"`",
            ),
        );
    }
    let default = &languages[0].code;
    let (rel, text) = match kind {
        Kind::Page => {
            // The same path as an existing page of the default language makes a translation.
            let original = root.join(format!("content/{default}/{slug}.md"));
            if lang.code == *default {
                (format!("content/{default}/{slug}.md"), page(title))
            } else if original.is_file() {
                let text = std::fs::read_to_string(&original).map_err(|e| {
                    Diagnostic::error(format!("cannot read content/{default}/{slug}.md: {e}"))
                })?;
                (
                    format!("content/{}/{slug}.md", lang.code),
                    translation(&text, &slug, default),
                )
            } else {
                return Err(Diagnostic::error(format!(
                    "a page in `{}` translates a page of `{default}`, and content/{default}/{slug}.md does not exist",
                    lang.code
                ))
                .hint(format!(
                    "give the name of the {default} page it translates (its file name without .md, e.g. `over`), or create that page first"
                )));
            }
        }
        Kind::Story if lang.code != *default => {
            return Err(Diagnostic::error("stories are written in the site's first language")
                .hint(format!("leave out --lang; translate it afterwards with `homestart new page verhalen/<name> --lang {}`", lang.code)));
        }
        Kind::Story => (
            format!("content/{default}/verhalen/{slug}.md"),
            story(title),
        ),
        Kind::Location => {
            if lang.code != *default {
                return Err(Diagnostic::error("locations are written once, not per language")
                    .hint("leave out --lang: the location's pages in every language come from one file"));
            }
            (format!("locations/{slug}.yaml"), location(title))
        }
    };
    let path = root.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error(format!("{rel} already exists"))
            .in_file(rel.clone())
            .hint("edit that file, or choose another name"));
    }
    std::fs::create_dir_all(path.parent().unwrap_or(root))
        .and_then(|()| std::fs::write(&path, text))
        .map_err(|e| Diagnostic::error(format!("cannot write {rel}: {e}")).in_file(rel.clone()))?;
    Ok(rel)
}

/// YAML double-quoted, so any title is valid front matter.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn page(title: &str) -> String {
    format!(
        "---\n\
         # The page's title: the heading on the page and the name in the browser tab.\n\
         title: {}\n\
         # One or two sentences for search engines and overviews (optional).\n\
         description: \"\"\n\
         # To put the page in the menu, add its name (this file's path without .md) to `menu` in site.yaml.\n\
         ---\n\
         \n\
         {}\n\
         \n\
         In Markdown: start a section with `## ` and a heading; link to another page with its\n\
         address from the site's root, like this: [home page](/).\n",
        quoted(title),
        placeholder::text("schrijf hier de tekst van de pagina")
    )
}

/// A translation starts as a copy of the original (title, date, description, template and
/// text), so it builds as it is; it stays an unmarked translation (a warning) until marked.
fn translation(original: &str, path: &str, default: &str) -> String {
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
    format!(
        "---\n\
         # Translation of content/{default}/{path}.md: same path, so the two pages are linked.\n\
         # It starts as a copy of the original: translate the title, the description and the\n\
         # text, and give the page an address in this language with `slug`.\n\
         # When done: `homestart translations --mark <this file>` records the version translated.\n\
         {copied}\
         slug: {slug}\n\
         ---\n\
         {body}"
    )
}

fn story(title: &str) -> String {
    let today = jiff::Zoned::now().date();
    format!(
        "---\n\
         # A story: shown in the stories list, newest first, and in the feed.\n\
         title: {}\n\
         # The date the story is published (YYYY-MM-DD).\n\
         date: {today}\n\
         # Only a first name, or \"a volunteer\": never a family's full name without their written consent.\n\
         author: \"\"\n\
         # While true, the story is not published (preview it with `homestart build --drafts`).\n\
         draft: true\n\
         ---\n\
         \n\
         {}\n\
         \n\
         ## {}\n\
         \n\
         {}\n",
        quoted(title),
        placeholder::text("de eerste alinea; die staat in het overzicht van verhalen"),
        placeholder::text("een tussenkopje"),
        placeholder::text("de rest van het verhaal"),
    )
}

fn location(name: &str) -> String {
    let fill = placeholder::value;
    format!(
        "# yaml-language-server: $schema=../schema/location.schema.json\n\
         # New location. Replace every value that starts with INVULLEN (the site is not built\n\
         # while one is left; `homestart check` names each).\n\
         # The file name is the web address: locations/<name>.yaml → /locaties/<name>/.\n\
         \n\
         name: {}\n\
         organisation: {}                # the organisation the location belongs to\n\
         address:                                 # postal address of the office\n\
         \x20 street: {}\n\
         \x20 postcode: {}\n\
         \x20 city: {}\n\
         phone: {}                     # general number (leave out = first coordinator's)\n\
         opening_days: [maandag, dinsdag, donderdag]  # Dutch day names\n\
         ages: 0-6                                # children's ages in years (core programme 0-6; 0-14 or 0-17 where funded)\n\
         coordinators:                            # the first coordinator is the main contact\n\
         \x20 - name: {}\n\
         \x20   phone: {}\n\
         \x20   email: {}\n\
         municipalities:                          # every municipality served (CBS name, everyday name or code)\n\
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
        let errors = create(root, Kind::Page, "Voor scholen", None).unwrap_err();
        let messages: Vec<String> = errors.iter().map(Diagnostic::message).collect();
        assert_eq!(
            messages,
            [
                "base URL `nope` is not an http(s) URL",
                "no languages listed"
            ],
        );
        assert!(errors.iter().all(|d| d.path() == Some("site.yaml")));
        assert!(!root.join("content").exists());
    }
}
