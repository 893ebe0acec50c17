//! Templates: loading `templates/` into Tera with positioned errors, the helper functions the
//! templates may call.

pub mod context;
pub mod feeds;
pub mod fragments;
pub(crate) mod minify;
pub mod values;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tera::{ErrorKind, Kwargs, State, Tera};

use crate::assets::Assets;
use crate::diag::{Diagnostic, Source, rel_path, suggest};
use crate::messages::Text;
use crate::t;

pub const DIR: &str = "templates";

/// The parsed templates plus their sources, to turn Tera errors into positioned diagnostics.
pub struct Templates {
    pub tera: Tera,
    sources: BTreeMap<String, Arc<Source>>,
}

impl Templates {
    /// Loads every `.html`/`.xml` template; reports every syntax error in every file.
    pub fn load(
        root: &Path,
        assets: &Assets,
        base_path: &str,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let dir = root.join(DIR);
        let mut errors = Vec::new();
        let mut sources = BTreeMap::new();
        let entries = if dir.is_dir() {
            let (entries, walk_errors) = crate::files::walk(root, &dir);
            errors.extend(walk_errors);
            entries
        } else {
            errors.push(
                Diagnostic::error(t!("template-folder-missing"))
                    .in_file(DIR)
                    .hint(t!("template-folder-missing.hint")),
            );
            Vec::new()
        };
        for entry in entries {
            let name = rel_path(&dir, entry.path());
            if !entry.file_type().is_file() || !(name.ends_with(".html") || name.ends_with(".xml"))
            {
                continue;
            }
            match Source::read(root, entry.path()) {
                Ok(src) => {
                    sources.insert(name, src);
                }
                Err(d) => errors.push(d),
            }
        }
        // Parse each template alone first, so a syntax error in one file does not hide another.
        for (name, src) in &sources {
            let mut scratch = Tera::new();
            if let Err(e) = scratch.add_raw_template(name, &src.text)
                && matches!(e.kind(), ErrorKind::SyntaxError(_))
            {
                errors.extend(tera_errors(&e, &sources));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        register_functions(&mut tera, assets, base_path);
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), &*s.text)))
        {
            return Err(tera_errors(&e, &sources));
        }
        Ok(Templates { tera, sources })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.keys().map(String::as_str)
    }

    /// Turns a Tera error into a diagnostic pointing into the template.
    pub fn error(&self, e: &tera::Error) -> Diagnostic {
        tera_error(e, &self.sources)
    }
}

fn register_functions(tera: &mut Tera, assets: &Assets, base_path: &str) {
    // Defined for real once the site model exists (render::context); declared here so
    // templates that call it pass Tera's load-time check.
    tera.register_function(
        "section_pages",
        |_: Kwargs, _: &State| -> tera::TeraResult<Vec<tera::Value>> { Ok(Vec::new()) },
    );
    let map: Arc<BTreeMap<String, String>> = Arc::new(
        assets
            .paths()
            .map(|p| {
                (
                    p.to_string(),
                    format!("{base_path}{}", assets.fingerprinted(p).unwrap_or(p)),
                )
            })
            .collect(),
    );
    // `asset(path="css/site.css")` → the fingerprinted URL, or an error naming the missing file.
    tera.register_function(
        "asset",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            let key = path.trim_start_matches('/');
            match map.get(key) {
                Some(url) => Ok(url.clone()),
                None => Err(function_error(
                    FunctionError::Asset,
                    key,
                    suggest(key, map.keys().map(String::as_str)),
                )),
            }
        },
    );
}

fn tera_errors(e: &tera::Error, sources: &BTreeMap<String, Arc<Source>>) -> Vec<Diagnostic> {
    if let ErrorKind::Msg(msg) = e.kind() {
        let parsed = parse_reports(msg, sources);
        if !parsed.is_empty() {
            return parsed;
        }
    }
    vec![tera_error(e, sources)]
}

/// Tera reports template validation problems (unknown functions, filters, includes) as one
/// message of rendered reports: `error: <message>\n  --> <template>:<line>:<column>`.
fn parse_reports(msg: &str, sources: &BTreeMap<String, Arc<Source>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut message = None;
    for line in msg.lines() {
        if let Some(m) = line.strip_prefix("error: ") {
            message = Some(m.to_string());
        } else if let (Some(loc), Some(m)) =
            (line.trim_start().strip_prefix("--> "), message.take())
        {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts
                .next()
                .and_then(|c| c.parse::<usize>().ok())
                .unwrap_or(1);
            let line_no = parts
                .next()
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(1);
            let name = parts.next().unwrap_or("");
            let hint = if m.starts_with("Unknown function") {
                t!("template-error.hint-functions")
            } else {
                template_hint(&m)
            };
            let d = Diagnostic::error(t!("template-error", message = m));
            out.push(
                match sources.get(name) {
                    Some(src) => d.at_line_col(src, line_no, col),
                    None => d.in_file(format!("{DIR}/{name}")),
                }
                .hint(hint),
            );
        }
    }
    out
}

fn tera_error(e: &tera::Error, sources: &BTreeMap<String, Arc<Source>>) -> Diagnostic {
    let at = |name: &str| sources.get(name);
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let (msg, hint) = read_function_error(r.message()).unwrap_or_else(|| {
                (
                    t!("template-error", message = r.message()),
                    template_hint(r.message()),
                )
            });
            let d = Diagnostic::error(msg);
            let d = match at(r.filename()) {
                Some(src) => d.at(src, r.span().range.clone()),
                None => d.in_file(format!("{DIR}/{}", r.filename())),
            };
            d.hint(hint)
        }
        ErrorKind::MissingParent { current, parent } => {
            let d = Diagnostic::error(t!(
                "template-parent-missing",
                template = current,
                parent = parent
            ));
            let d = match at(current) {
                Some(src) => {
                    let span = src
                        .text
                        .find(parent.as_str())
                        .map_or(0..0, |i| i..i + parent.len());
                    d.at(src, span)
                }
                None => d.in_file(format!("{DIR}/{current}")),
            };
            d.hint(match suggest(parent, sources.keys().map(String::as_str)) {
                Some(s) => t!("template-parent-missing.hint-typo", suggestion = s),
                None => t!("template-parent-missing.hint", parent = parent),
            })
        }
        ErrorKind::TemplateNotFound(name) => {
            Diagnostic::error(t!("template-not-found", name = name))
                .in_file(DIR)
                .hint(match suggest(name, sources.keys().map(String::as_str)) {
                    Some(s) => t!("template-not-found.hint-typo", suggestion = s),
                    None => t!("template-not-found.hint", name = name),
                })
        }
        _ => Diagnostic::error(t!("template-error", message = e.to_string()))
            .in_file(DIR)
            .hint(t!("template-error.hint-named")),
    }
}

/// The hint for a template error, chosen by Tera's (English) message.
fn template_hint(message: &str) -> Text {
    if message.contains("not found in context") || message.contains("undefined") {
        t!("template-error.hint-variable")
    } else if message.contains("static/") {
        t!("template-error.hint-asset")
    } else {
        t!("template-error.hint-docs")
    }
}

/// What a template function (`asset(…)`, `section_pages(…)`) could not find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FunctionError {
    /// A file of static/.
    Asset,
    /// A section's key.
    Section,
}

/// Separates the parts of a template function's error. Tera carries that error as one string,
/// into the error of the template that called the function; [`read_function_error`] reads it
/// back, so the editor reads it in their language. No file name or section key contains it.
const SEP: char = '\u{1f}';

/// The error of a template function that asked for `name`; `suggestion` is what was probably
/// meant.
fn function_error(what: FunctionError, name: &str, suggestion: Option<&str>) -> tera::Error {
    let what = match what {
        FunctionError::Asset => "asset",
        FunctionError::Section => "section",
    };
    let suggestion = suggestion.unwrap_or_default();
    tera::Error::message(format!("{SEP}{what}{SEP}{name}{SEP}{suggestion}"))
}

/// The message and hint of a [`function_error`] carried in a template's error message.
fn read_function_error(message: &str) -> Option<(Text, Text)> {
    let mut parts = message.strip_prefix(SEP)?.split(SEP);
    let (what, name, suggestion) = (parts.next()?, parts.next()?, parts.next()?);
    Some(match (what, suggestion) {
        ("asset", "") => (
            t!("template-asset-missing", path = name),
            t!("template-error.hint-asset"),
        ),
        ("asset", s) => (
            t!("template-asset-missing.typo", path = name, suggestion = s),
            t!("template-error.hint-asset"),
        ),
        ("section", "") => (
            t!("template-section-missing", key = name),
            t!("template-error.hint-docs"),
        ),
        ("section", s) => (
            t!("template-section-missing.typo", key = name, suggestion = s),
            t!("template-error.hint-docs"),
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn a_template_function_error_is_read_back_in_the_editors_language() {
        let e = function_error(FunctionError::Asset, "css/sight.css", Some("css/site.css"));
        let (message, hint) = read_function_error(&e.to_string()).unwrap();
        assert_eq!(
            message.to_string(),
            "template error: there is no file static/css/sight.css; did you mean `css/site.css`?"
        );
        assert_eq!(
            message.show(Lang::Nl),
            "fout in sjabloon: er is geen bestand static/css/sight.css; bedoelt u `css/site.css`?"
        );
        assert!(
            hint.to_string()
                .starts_with("asset paths are relative to static/")
        );
        let e = function_error(FunctionError::Section, "verhaal/_index", None);
        let (message, _) = read_function_error(&e.to_string()).unwrap();
        assert_eq!(
            message.to_string(),
            "template error: there is no section with key `verhaal/_index`"
        );
        // Tera's own messages pass as they are.
        assert!(read_function_error("Variable `x` not found in context").is_none());
    }
}
