//! Templates: loading `templates/` into Tera with positioned errors, the helper functions the
//! templates may call.

pub mod context;
pub mod feeds;
pub mod values;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tera::{ErrorKind, Kwargs, State, Tera};

use crate::assets::Assets;
use crate::diag::{Diagnostic, Source, rel_path, suggest};

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
                Diagnostic::error("the templates folder is missing")
                    .in_file(DIR)
                    .hint("the project needs a templates/ folder with base.html, page.html, …"),
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
                None => {
                    let hint = match suggest(key, map.keys().map(String::as_str)) {
                        Some(s) => format!("; did you mean `{s}`?"),
                        None => String::new(),
                    };
                    Err(tera::Error::message(format!(
                        "there is no file static/{key}{hint}"
                    )))
                }
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
            let d = Diagnostic::error(format!("template error: {m}"));
            let hint = if m.starts_with("Unknown function") {
                "functions available here: asset(path=…), section_pages(key=…, lang=…, limit=…), range(…)".to_string()
            } else {
                template_hint(&m)
            };
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
            let msg = format!("template error: {}", r.message());
            let hint = template_hint(r.message());
            let d = Diagnostic::error(msg);
            let d = match at(r.filename()) {
                Some(src) => d.at(src, r.span().range.clone()),
                None => d.in_file(format!("{DIR}/{}", r.filename())),
            };
            d.hint(hint)
        }
        ErrorKind::MissingParent { current, parent } => {
            let d = Diagnostic::error(format!(
                "template `{current}` extends `{parent}`, which does not exist"
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
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("create {DIR}/{parent} or fix the name"),
            })
        }
        ErrorKind::TemplateNotFound(name) => {
            Diagnostic::error(format!("template `{name}` does not exist"))
                .in_file(DIR)
                .hint(match suggest(name, sources.keys().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("create {DIR}/{name}"),
                })
        }
        _ => Diagnostic::error(format!("template error: {e}"))
            .in_file(DIR)
            .hint("check the template named in the message"),
    }
}

fn template_hint(message: &str) -> String {
    if message.contains("not found in context") || message.contains("undefined") {
        "check the spelling of the variable; `{{ x | default(value=\"\") }}` allows a missing value"
            .into()
    } else if message.contains("static/") {
        "asset paths are relative to static/, e.g. asset(path=\"css/site.css\")".into()
    } else {
        "see the Tera documentation on template syntax: https://keats.github.io/tera/".into()
    }
}
