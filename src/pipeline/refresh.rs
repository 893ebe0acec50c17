//! What an edit changed, for `serve`: when only the text of some pages changed, those pages
//! are read again in place and rendered on their own; anything else is a fresh load.

use std::path::PathBuf;

use super::Project;
use crate::check;
use crate::content::{self, markdown::Links};
use crate::diag::Diagnostic;

/// The answer of [`Project::refresh`].
#[derive(Debug)]
pub enum Refresh {
    /// These pages (and the listings that show their summaries) need rendering again.
    Pages(Vec<usize>),
    /// Something beyond page text changed: load the project again.
    Reload,
    /// An edited page has errors; the project is as before.
    Failed(Vec<Diagnostic>),
}

/// Reads the changed pages again when nothing but their text changed: their front matter and
/// date (which menus, listings and other pages show) are as before, and no leaflet is made
/// from them (a leaflet's text is in its PDFs: those need the full path, where unchanged PDFs
/// come from the cache).
pub fn pages(project: &mut Project, changed: &[PathBuf]) -> Refresh {
    reread(project, changed).unwrap_or(Refresh::Reload)
}

/// `None`: reload.
fn reread(project: &mut Project, changed: &[PathBuf]) -> Option<Refresh> {
    let root = &project.root;
    if changed.is_empty() {
        return None;
    }
    let links = Links {
        base_path: &project.config.base_path,
        assets: &project.assets,
    };
    let mut reloaded = Vec::new();
    let mut listings = Vec::new();
    for path in changed {
        let markdown = path.extension().is_some_and(|e| e == "md");
        if path.is_dir() {
            continue; // a folder's own event beside its files' events
        }
        if !path.exists() && !markdown && path.starts_with(root.join("content")) {
            continue; // an editor's temporary file, already gone (sed -i, some editors)
        }
        if !markdown || !path.is_file() {
            return None;
        }
        let pages = &project.site.pages;
        let index = pages
            .iter()
            .position(|p| root.join(&p.src.source.path) == *path)?;
        let (page, diags) = content::reload(root, &project.config, path, &links)?;
        if diags.iter().any(Diagnostic::is_error) {
            return Some(Refresh::Failed(
                diags.into_iter().filter(Diagnostic::is_error).collect(),
            ));
        }
        let page = page?;
        if project.leaflets.page_links.contains_key(&index) {
            return None;
        }
        let old = &pages[index].src;
        if old.front != page.front || old.date != page.date {
            return None;
        }
        // A new first paragraph is the summary that listings show: render those too.
        if old.summary != page.summary {
            let lang = old.lang;
            listings.extend(
                (0..pages.len()).filter(|&i| pages[i].src.is_section && pages[i].lang() == lang),
            );
        }
        reloaded.push((index, page));
    }
    let mut indexes: Vec<usize> = reloaded.iter().map(|(i, _)| *i).chain(listings).collect();
    for (i, page) in reloaded {
        project.site.pages[i].src = page;
    }
    indexes.extend(remark_translations(project));
    indexes.sort_unstable();
    indexes.dedup();
    Some(Refresh::Pages(indexes))
}

/// An edited original can make its translations outdated (or up to date again): marks them
/// anew and returns the pages whose notice comes or goes.
fn remark_translations(project: &mut Project) -> Vec<usize> {
    let pages = &mut project.site.pages;
    let before: Vec<bool> = pages.iter().map(|p| p.outdated).collect();
    for page in pages.iter_mut() {
        page.outdated = false;
    }
    // The warnings are the same as the full build's; the preview shows only errors.
    let _ = check::translations::mark(&project.config, &mut project.site);
    (0..before.len())
        .filter(|&i| project.site.pages[i].outdated != before[i])
        .collect()
}
