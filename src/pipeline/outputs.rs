//! Every kind of file a site has besides its pages and leaflets, in one list: a new kind of
//! output is one entry here.

use std::borrow::Cow;

use super::Scope;
use crate::assets::Assets;
use crate::config::Config;
use crate::coverage::Coverage;
use crate::diag::Diagnostic;
use crate::geo::Geography;
use crate::i18n::Strings;
use crate::locations::Registry;
use crate::model::Site;
use crate::render::context::Renderer;
use crate::render::feeds;

/// What the outputs are made from.
pub struct Parts<'a> {
    pub config: &'a Config,
    pub strings: &'a [Strings],
    pub site: &'a Site,
    pub assets: &'a Assets,
    pub geo: &'a Geography,
    pub registry: &'a Registry,
    pub coverage: &'a Coverage,
}

/// A file's site-relative path and bytes (borrowed where they exist already, as assets do).
pub type File<'a> = Result<(String, Cow<'a, [u8]>), Diagnostic>;

/// The files of `scope`: a partial render (pages whose text changed) has only the feeds,
/// which carry page text; the rest depends on what only a full load can change.
pub fn files<'a>(p: &Parts<'a>, renderer: &Renderer, scope: &Scope) -> Vec<File<'a>> {
    match scope {
        Scope::All => [
            not_found(renderer),
            feeds(p),
            sitemap(p),
            robots(p),
            coverage(p),
            assets(p),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Scope::Pages(_) => feeds(p),
    }
}

/// The not-found page: one for all addresses, in every language.
fn not_found<'a>(renderer: &Renderer) -> Vec<File<'a>> {
    vec![
        renderer
            .render_404()
            .map(|html| ("404.html".to_string(), html.into())),
    ]
}

/// An Atom feed per section that has one.
fn feeds<'a>(p: &Parts<'a>) -> Vec<File<'a>> {
    p.site
        .pages
        .iter()
        .filter(|page| page.src.front.feed)
        .map(|page| {
            Ok((
                format!("{}atom.xml", page.url),
                feeds::atom(p.config, p.site, page).into_bytes().into(),
            ))
        })
        .collect()
}

fn sitemap<'a>(p: &Parts<'a>) -> Vec<File<'a>> {
    vec![Ok((
        "sitemap.xml".to_string(),
        feeds::sitemap(p.config, p.site).into_bytes().into(),
    ))]
}

fn robots<'a>(p: &Parts<'a>) -> Vec<File<'a>> {
    vec![Ok((
        "robots.txt".to_string(),
        feeds::robots(p.config).into_bytes().into(),
    ))]
}

/// Open data and each language's lookup index.
fn coverage<'a>(p: &Parts<'a>) -> Vec<File<'a>> {
    p.coverage
        .files(p.config, p.strings, p.geo, p.registry)
        .into_iter()
        .map(|(path, bytes)| Ok((path, bytes.into())))
        .collect()
}

/// Stylesheets, scripts, images and fonts, with their fingerprinted names.
fn assets<'a>(p: &Parts<'a>) -> Vec<File<'a>> {
    p.assets
        .files
        .iter()
        .map(|(path, bytes)| Ok((path.clone(), Cow::Borrowed(bytes.as_slice()))))
        .collect()
}
