//! What no single location file shows: two files for one location, and a municipality or
//! district claimed by two locations. Each such error is reported in both files, each at its
//! own entry and naming the other, so the file a pull request changed carries it.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use super::{Area, Location};
use crate::diag::{Diagnostic, Source};
use crate::geo::{Geography, fold};
use crate::messages::Text;
use crate::t;

/// Problems no single file shows: two files for one location, and municipalities claimed
/// by two locations without separate districts.
pub fn across(locations: &[Location], geo: &Geography) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut by_name: BTreeMap<String, &Location> = BTreeMap::new();
    let mut by_slug: BTreeMap<&str, &Location> = BTreeMap::new();
    for loc in locations {
        if let Some(other) = by_slug.insert(&loc.slug, loc) {
            errors.push(
                Diagnostic::error(t!("location-two-files", slug = &loc.slug))
                    .in_file(loc.source.path.clone())
                    .related(&other.source, 0)
                    .hint(t!("location-two-files.hint")),
            );
        }
        if let Some(other) = by_name.insert(fold(&loc.name), loc) {
            errors.extend(in_both(
                t!("location-registered-twice", name = &loc.name),
                t!("location-registered-twice.hint"),
                (&loc.source, name_span(loc)),
                (&other.source, name_span(other)),
            ));
        }
    }
    // Each claim is compared with the first earlier claim of another location only (whole
    // municipality, and per district), so the check is linear however many locations share
    // a municipality; every conflicting claim is still reported once.
    let mut claims: Vec<Claims> = (0..geo.municipalities.len())
        .map(|_| Claims::default())
        .collect();
    for (l, loc) in locations.iter().enumerate() {
        for (a, area) in loc.areas.iter().enumerate() {
            let Some(c) = claims.get_mut(area.municipality) else {
                continue;
            };
            let name = &geo.municipalities[area.municipality].display;
            let conflict = |(ol, oa): (usize, usize)| (&locations[ol], &locations[ol].areas[oa]);
            let whole = if area.districts.is_empty() {
                c.any.other_than(l)
            } else {
                c.whole.other_than(l)
            };
            if let Some((other, other_area)) = whole.map(conflict) {
                errors.extend(on_both(
                    t!(
                        "location-claimed-twice",
                        municipality = name,
                        other = &other.name,
                        location = &loc.name
                    ),
                    t!("location-claimed-twice.hint"),
                    (loc, area),
                    (other, other_area),
                ));
            } else {
                for d in &area.districts {
                    let Some((other, other_area)) = c
                        .districts
                        .get(&fold(d))
                        .and_then(|f| f.other_than(l))
                        .map(conflict)
                    else {
                        continue;
                    };
                    errors.extend(on_both(
                        t!(
                            "location-district-claimed-twice",
                            district = d,
                            municipality = name,
                            other = &other.name,
                            location = &loc.name
                        ),
                        t!("location-district-claimed-twice.hint"),
                        (loc, area),
                        (other, other_area),
                    ));
                }
            }
            c.any.add(l, a);
            if area.districts.is_empty() {
                c.whole.add(l, a);
            }
            for d in &area.districts {
                c.districts.entry(fold(d)).or_default().add(l, a);
            }
        }
    }
    errors
}

/// A conflict between two files is reported in each, at its own entry and naming the other:
/// whichever file a change touched carries the error (a pull request annotates only the files
/// it changes).
fn on_both(
    message: Text,
    hint: Text,
    (loc, area): (&Location, &Area),
    (other, other_area): (&Location, &Area),
) -> [Diagnostic; 2] {
    in_both(
        message,
        hint,
        (&loc.source, area.span.clone()),
        (&other.source, other_area.span.clone()),
    )
}

/// [`on_both`] for any two places.
fn in_both(
    message: Text,
    hint: Text,
    one: (&Arc<Source>, Range<usize>),
    two: (&Arc<Source>, Range<usize>),
) -> [Diagnostic; 2] {
    let at = |(src, span): &(&Arc<Source>, Range<usize>),
              (osrc, ospan): &(&Arc<Source>, Range<usize>)| {
        Diagnostic::error(message.clone())
            .at(src, span.clone())
            .related(osrc, ospan.start)
            .hint(hint.clone())
    };
    [at(&one, &two), at(&two, &one)]
}

/// Who claimed a municipality so far: any part of it, all of it, and each district.
#[derive(Default)]
struct Claims {
    any: First,
    whole: First,
    districts: HashMap<String, First>,
}

/// The first claim (location, area), and the first by another location than that one: enough
/// to name an earlier claim of another location than any given one.
#[derive(Default)]
struct First([Option<(usize, usize)>; 2]);

impl First {
    fn add(&mut self, location: usize, area: usize) {
        match self.0 {
            [None, _] => self.0[0] = Some((location, area)),
            [Some((l, _)), None] if l != location => self.0[1] = Some((location, area)),
            _ => {}
        }
    }

    fn other_than(&self, location: usize) -> Option<(usize, usize)> {
        self.0.into_iter().flatten().find(|&(l, _)| l != location)
    }
}

fn name_span(loc: &Location) -> Range<usize> {
    crate::yaml::file_value_span(&loc.source, "name")
}
