//! The location registry (`locations/*.yaml`): where the programme is offered, by whom, for
//! which ages, and whom to call. Referrers act on it, so it is checked hard: every problem
//! of every file is reported with its position, and a registry with an error builds nothing.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Source, rel_path};
use crate::geo::{Geography, project};
use crate::t;

pub mod check;
mod conflicts;
pub mod phone;
pub mod schema;
mod shape;
pub mod values;

pub use phone::Phone;
pub use schema::Weekday;

pub const DIR: &str = "locations";
/// A location file is about 1 KB; one a hundred times larger is not a location.
pub const MAX_FILE: u64 = 128 << 10;

/// The checked registry, ready for pages and data files.
#[derive(Debug, Default)]
pub struct Registry {
    /// Sorted by slug.
    pub locations: Vec<Location>,
    /// Per municipality (in [`Geography`] order): the areas serving it, as (location, area).
    pub served_by: Vec<Vec<(usize, usize)>>,
    /// Per municipality not served: up to three nearest locations with the distance in km.
    pub nearest: Vec<Vec<(usize, f64)>>,
    /// Per municipality served only in districts: those of its division no location serves
    /// (empty where every district, or the whole municipality, is served).
    pub unserved: Vec<Vec<String>>,
}

impl Registry {
    /// Served in full: a location serves all of it, or the districts the locations serve are
    /// together every district of its division.
    pub fn fully_served(&self, m: usize) -> bool {
        !self.served_by[m].is_empty() && self.unserved[m].is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Location {
    /// From the file name; the location's web address.
    pub slug: String,
    pub name: String,
    pub organisation: String,
    pub street: String,
    /// Normalised `1234 AB`.
    pub postcode: String,
    pub city: String,
    pub phone: Phone,
    pub email: String,
    pub opening_days: Vec<Weekday>,
    pub coordinators: Vec<Coordinator>,
    pub areas: Vec<Area>,
    pub source: Arc<Source>,
}

#[derive(Debug, Clone)]
pub struct Coordinator {
    pub name: String,
    pub phone: Phone,
    pub email: String,
}

/// A municipality (or some districts of it) served by a location.
#[derive(Debug, Clone)]
pub struct Area {
    /// Index into [`Geography::municipalities`].
    pub municipality: usize,
    /// Empty: the whole municipality.
    pub districts: Vec<String>,
    pub ages: Ages,
    /// Where the entry is written, for errors that involve two files.
    pub span: std::ops::Range<usize>,
}

/// Ages of the children a family may have, in years (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ages {
    pub from: u8,
    pub to: u8,
    /// Families may sign up from 28 weeks of pregnancy.
    pub pregnancy: bool,
}

impl Location {
    /// Municipalities served, without repeats, in the order written.
    pub fn municipalities(&self) -> impl Iterator<Item = usize> + '_ {
        let mut seen = std::collections::HashSet::new();
        self.areas
            .iter()
            .map(|a| a.municipality)
            .filter(move |&m| seen.insert(m))
    }
}

/// Reads and checks every file in `locations/`.
pub fn load(root: &Path, geo: &Geography) -> Result<Registry, Vec<Diagnostic>> {
    let (files, mut errors) = list(root);
    let results: Vec<(Option<Location>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(
            |path| match Source::read_at_most(root, path, MAX_FILE, t!("file-kind-location")) {
                Ok(src) => check::file(src, geo),
                Err(d) => (None, vec![d]),
            },
        )
        .collect();
    let mut locations = Vec::new();
    for (loc, ds) in results {
        locations.extend(loc);
        errors.extend(ds);
    }
    errors.extend(conflicts::across(&locations, geo));
    if !errors.is_empty() {
        return Err(errors);
    }
    locations.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(place(locations, geo))
}

/// How many nearest locations a municipality without Home-Start names.
const NEAREST: usize = 3;

/// Indexes the locations per municipality and finds the nearest ones for the rest.
fn place(locations: Vec<Location>, geo: &Geography) -> Registry {
    let n = geo.municipalities.len();
    let mut served_by = vec![Vec::new(); n];
    for (l, loc) in locations.iter().enumerate() {
        for (a, area) in loc.areas.iter().enumerate() {
            served_by[area.municipality].push((l, a));
        }
    }
    let centres: Vec<Vec<[f64; 2]>> = locations
        .iter()
        .map(|loc| {
            loc.municipalities()
                .map(|m| geo.municipalities[m].centre)
                .collect()
        })
        .collect();
    let nearest = (0..n)
        .map(|m| {
            if !served_by[m].is_empty() {
                return Vec::new();
            }
            let here = geo.municipalities[m].centre;
            let mut d: Vec<(usize, f64)> = centres
                .iter()
                .enumerate()
                .map(|(l, cs)| {
                    let km = cs
                        .iter()
                        .map(|&c| project::km(here, c))
                        .fold(f64::INFINITY, f64::min);
                    (l, km)
                })
                .collect();
            // The three nearest without sorting them all: linear in the number of locations.
            let order =
                |a: &(usize, f64), b: &(usize, f64)| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0));
            if d.len() > NEAREST {
                d.select_nth_unstable_by(NEAREST - 1, order);
                d.truncate(NEAREST);
            }
            d.sort_by(order);
            d
        })
        .collect();
    let unserved = served_by
        .iter()
        .enumerate()
        .map(|(m, areas)| {
            let parts = areas.iter().map(|&(l, a)| &locations[l].areas[a].districts);
            if areas.is_empty() || parts.clone().any(Vec::is_empty) {
                return Vec::new();
            }
            let served: std::collections::HashSet<String> =
                parts.flatten().map(|d| crate::geo::fold(d)).collect();
            geo.municipalities[m]
                .districts
                .iter()
                .filter(|d| !served.contains(&crate::geo::fold(d)))
                .cloned()
                .collect()
        })
        .collect();
    Registry {
        locations,
        served_by,
        nearest,
        unserved,
    }
}

/// Slug of a location file (`locations/utrecht-west.yaml` → `utrecht-west`).
pub fn slug_of(src: &Source) -> &str {
    let name = src.path.rsplit('/').next().unwrap_or(&src.path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Counts for messages and the benchmark.
pub fn summary(reg: &Registry) -> String {
    let served = reg.served_by.iter().filter(|s| !s.is_empty()).count();
    format!(
        "{} locations serving {} municipalities",
        reg.locations.len(),
        served
    )
}

/// Paths of location files, relative to the project, for tools that list them.
pub fn files(root: &Path) -> Vec<String> {
    list(root).0.iter().map(|p| rel_path(root, p)).collect()
}

/// The location files, sorted, and an error for everything else in `locations/`: a file in a
/// subfolder or with another extension would otherwise be skipped without a word, and its
/// location silently vanish from the site; a link could read a file from anywhere.
fn list(root: &Path) -> (Vec<std::path::PathBuf>, Vec<Diagnostic>) {
    let dir = root.join(DIR);
    if std::fs::symlink_metadata(&dir).is_err() {
        // No registry yet: every municipality page says the programme is not offered. (A
        // link named locations/, even a broken one, is listed and refused.)
        return (Vec::new(), Vec::new());
    }
    let (entries, mut errors) = crate::files::walk(root, &dir);
    let mut files = Vec::new();
    for entry in entries {
        let rel = rel_path(root, entry.path());
        let name = entry.file_name().to_string_lossy();
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        if entry.depth() > 1 {
            errors.push(
                Diagnostic::error(t!("location-in-subfolder"))
                    .in_file(rel)
                    .hint(t!("location-in-subfolder.hint", name = &*name)),
            );
        } else if ext == "yaml" || ext == "yml" {
            files.push(entry.into_path());
        } else {
            let d = Diagnostic::error(t!("location-not-yaml")).in_file(rel);
            errors.push(
                if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") {
                    d.hint(t!(
                        "location-not-yaml.hint-case",
                        stem = &name[..name.len() - ext.len() - 1]
                    ))
                } else {
                    d.hint(t!("location-not-yaml.hint"))
                },
            );
        }
    }
    (files, errors)
}
