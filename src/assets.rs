//! `static/` → output with content-hashed names (`site.css` → `site.3f9a…c2.css`), so browsers
//! may cache assets forever and a changed file is fetched at once. References from CSS,
//! templates and Markdown are rewritten to the hashed names.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diag::{Diagnostic, rel_path};

pub const DIR: &str = "static";

/// Names browsers or hosts request by convention; these keep their name.
const KEEP_NAME: &[&str] = &["favicon.ico"];

#[derive(Debug, Default)]
pub struct Assets {
    /// Source path inside `static/` → output path inside the site.
    map: BTreeMap<String, String>,
    /// Output path → bytes to write.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Assets {
    /// Output path for a path inside `static/` (a leading `/` is ignored).
    pub fn fingerprinted(&self, path: &str) -> Option<&str> {
        self.map
            .get(path.trim_start_matches('/'))
            .map(String::as_str)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    #[cfg(test)]
    pub fn for_tests(pairs: &[(&str, &str)]) -> Assets {
        Assets {
            map: pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            files: Vec::new(),
        }
    }
}

/// Reads, minifies and fingerprints everything under `static/`.
pub fn load(root: &Path) -> Result<Assets, Vec<Diagnostic>> {
    let dir = root.join(DIR);
    if !dir.is_dir() {
        return Ok(Assets::default());
    }
    let (entries, mut errors) = crate::files::walk(root, &dir);
    let paths: Vec<_> = entries.into_iter().map(|e| e.into_path()).collect();
    let read: Vec<Result<(String, Vec<u8>), Diagnostic>> = paths
        .par_iter()
        .map(|p| {
            let bytes = crate::files::read(root, p)?;
            let rel = rel_path(&dir, p);
            let bytes = match extension(&rel) {
                "js" => minify_wrapped(&bytes, b"<script>", b"</script>"),
                _ => bytes,
            };
            Ok((rel, bytes))
        })
        .collect();
    let mut sources = Vec::new();
    for r in read {
        match r {
            Ok(f) => sources.push(f),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Stylesheets point at other assets, so they are hashed after everything else.
    let (css, other): (Vec<_>, Vec<_>) = sources
        .into_iter()
        .partition(|(p, _)| extension(p) == "css");
    let mut assets = Assets::default();
    for (rel, bytes) in other {
        assets.add(rel, bytes);
    }
    for (rel, bytes) in css {
        let text = String::from_utf8_lossy(&bytes);
        let rewritten = rewrite_css_urls(&rel, &text, &assets);
        let minified = minify_wrapped(rewritten.as_bytes(), b"<style>", b"</style>");
        assets.add(rel, minified);
    }
    assets.files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(assets)
}

impl Assets {
    fn add(&mut self, rel: String, bytes: Vec<u8>) {
        let out = if KEEP_NAME.contains(&rel.as_str()) {
            rel.clone()
        } else {
            fingerprint_name(&rel, &bytes)
        };
        self.map.insert(rel, out.clone());
        self.files.push((out, bytes));
    }
}

fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or("", |(_, e)| e)
}

/// `css/site.css` + bytes → `css/site.<10 hex>.css`.
pub fn fingerprint_name(rel: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let short = &hash.as_str()[..10];
    let (dir, name) = match rel.rfind('/') {
        Some(i) => (&rel[..=i], &rel[i + 1..]),
        None => ("", rel),
    };
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{dir}{stem}.{short}.{ext}"),
        _ => format!("{dir}{name}.{short}"),
    }
}

/// Rewrites `url(...)` references in a stylesheet that name files under `static/`.
fn rewrite_css_urls(css_path: &str, css: &str, assets: &Assets) -> String {
    let css_dir = css_path.rfind('/').map_or("", |i| &css_path[..i]);
    let depth = if css_dir.is_empty() {
        0
    } else {
        css_dir.split('/').count()
    };
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("url(") {
        out.push_str(&rest[..i + 4]);
        rest = &rest[i + 4..];
        let Some(close) = rest.find(')') else { break };
        let raw = rest[..close].trim();
        let quote = raw.chars().next().filter(|c| *c == '"' || *c == '\'');
        let inner = match quote {
            Some(q) => raw.trim_matches(q),
            None => raw,
        };
        let split = inner.find(['?', '#']).unwrap_or(inner.len());
        let (path, suffix) = inner.split_at(split);
        let resolved = resolve(css_dir, path);
        match resolved.as_deref().and_then(|p| assets.fingerprinted(p)) {
            Some(target) => {
                let up = "../".repeat(depth);
                out.push('"');
                out.push_str(&up);
                out.push_str(target);
                out.push_str(suffix);
                out.push('"');
            }
            None => out.push_str(&rest[..close]),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Resolves a CSS reference relative to the stylesheet's folder; `None` for external URLs.
fn resolve(dir: &str, path: &str) -> Option<String> {
    if path.contains(':') || path.starts_with("//") || path.is_empty() {
        return None;
    }
    let mut parts: Vec<&str> = if path.starts_with('/') || dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    for seg in path.trim_start_matches('/').split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// minify-html minifies whole documents; wrapping a stylesheet or script in its element lets
/// the same minifier (lightningcss / oxc inside minify-html) handle standalone files.
pub fn minify_wrapped(bytes: &[u8], open: &[u8], close: &[u8]) -> Vec<u8> {
    let mut doc = Vec::with_capacity(bytes.len() + open.len() + close.len());
    doc.extend_from_slice(open);
    doc.extend_from_slice(bytes);
    doc.extend_from_slice(close);
    let cfg = minify_html::Cfg {
        minify_css: true,
        minify_js: true,
        ..Default::default()
    };
    let out = minify_html::minify(&doc, &cfg);
    match (out.strip_prefix(open), out.ends_with(close)) {
        (Some(body), true) => body[..body.len() - close.len()].to_vec(),
        _ => bytes.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_goes_before_extension() {
        let a = fingerprint_name("css/site.css", b"body{}");
        assert!(
            a.starts_with("css/site.")
                && a.ends_with(".css")
                && a.len() == "css/site..css".len() + 10
        );
        assert_ne!(a, fingerprint_name("css/site.css", b"body{ }"));
        assert!(fingerprint_name("LICENSE", b"x").starts_with("LICENSE."));
    }

    #[test]
    fn css_urls_are_rewritten_relative_to_the_stylesheet() {
        let assets = Assets::for_tests(&[
            ("fonts/a.woff2", "fonts/a.1111111111.woff2"),
            ("img/b.svg", "img/b.2222222222.svg"),
        ]);
        let css = "@font-face{src:url('../fonts/a.woff2?v=1')} .x{background:url(/img/b.svg)} .y{background:url(data:image/png;base64,AA)} .z{background:url(missing.png)}";
        let out = rewrite_css_urls("css/site.css", css, &assets);
        assert!(
            out.contains(r#"url("../fonts/a.1111111111.woff2?v=1")"#),
            "{out}"
        );
        assert!(out.contains(r#"url("../img/b.2222222222.svg")"#), "{out}");
        assert!(out.contains("url(data:image/png;base64,AA)"));
        assert!(out.contains("url(missing.png)"));
    }

    #[test]
    fn css_and_js_are_minified() {
        let css = minify_wrapped(b"body {\n  color : red ;\n}\n", b"<style>", b"</style>");
        assert_eq!(css, b"body{color:red}");
        let js = minify_wrapped(
            b"function  hello ( ) {\n  return 1 ;\n}\n",
            b"<script>",
            b"</script>",
        );
        assert!(js.len() < 30, "{}", String::from_utf8_lossy(&js));
    }
}
