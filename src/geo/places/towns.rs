//! Towns from positions: every position a source gives for a town name (the town's own, and
//! those of the postcodes that name it), grouped into towns, each placed by where it lies.

use std::collections::BTreeMap;

use rstar::RTree;

use super::super::fold;
use super::super::project::km;
use super::locate::{Locator, NEAR_KM};

/// Positions of one name in two municipalities this close (km) are one town across a border
/// (or a postcode area reaching over it); farther apart they are two towns of the same name.
pub const SAME_TOWN_KM: f64 = 5.0;

/// A position a source gives for a town.
#[derive(Debug, Clone)]
pub struct Sighting {
    pub name: String,
    /// `[lon, lat]` in degrees and in grid metres.
    pub lon_lat: [f64; 2],
    pub at: [f64; 2],
    /// The town's own position (a gazetteer), not a postcode's that names it.
    pub own: bool,
    /// The municipality the source says the town lies in, if it says.
    pub named: Option<usize>,
}

/// A town: its name, where it is and the municipalities it lies in.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    pub name: String,
    /// `[lon, lat]` in degrees and in grid metres.
    pub lon_lat: [f64; 2],
    pub at: [f64; 2],
    pub municipalities: Vec<usize>,
}

/// GeoNames qualifies namesakes with a province or municipality ("Elst Ut", "Hengelo (Gld)",
/// "Bergen L"); the unqualified name is what people type, so a town is found by both.
pub fn unqualified(name: &str) -> Option<&str> {
    const QUALIFIERS: &[&str] = &[
        "AC", "Dr", "Fl", "Fr", "GLD", "Gld", "GN", "Gn", "Gr", "L", "Lb", "NB", "NH", "Ov", "Ut",
        "Z", "ZH", "Zl",
    ];
    let (base, last) = name.trim().rsplit_once(' ')?;
    let inner = last
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .map(|l| l.trim_end_matches('.'));
    let qualified = match inner {
        Some(q) => !q.is_empty() && q.len() <= 4,
        None => QUALIFIERS.contains(&last.trim_end_matches('.')),
    };
    (qualified && !base.trim().is_empty()).then(|| base.trim())
}

/// Places the towns of every name. The sightings of a name are grouped by the municipality
/// they lie in; groups within [`SAME_TOWN_KM`] of each other are one town, which lies where
/// most of it lies: in the group with the town's own position, or else the group with the
/// most sightings (all of them on a tie, one row each, so the right one is among them). A
/// stray postcode over a border thus does not make "Rotterdam" a town of Capelle as well.
/// Sightings outside the country are left out. Sorted by folded name, then position.
pub fn towns(sightings: &[Sighting], locator: &Locator) -> Vec<Town> {
    let mut by_name: BTreeMap<String, Vec<&Sighting>> = BTreeMap::new();
    for s in sightings {
        by_name.entry(fold(&s.name)).or_default().push(s);
    }
    let mut out = Vec::new();
    for list in by_name.values() {
        let groups = by_municipality(list, locator);
        for town in linked(&groups) {
            let best = |g: &Group| (g.1.iter().any(|s| s.own), g.1.len());
            let top = town.iter().map(|&g| best(&groups[g])).max();
            let name = spelling(town.iter().flat_map(|&g| &groups[g].1));
            for &g in town.iter().filter(|&&g| Some(best(&groups[g])) == top) {
                let at = representative(&groups[g].1);
                let named: Vec<usize> = groups[g].1.iter().filter_map(|s| s.named).collect();
                out.push(Town {
                    name: name.clone(),
                    lon_lat: at.lon_lat,
                    at: at.at,
                    municipalities: locator.candidates(at.at, &named),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        fold(&a.name)
            .cmp(&fold(&b.name))
            .then(a.lon_lat[1].total_cmp(&b.lon_lat[1]))
            .then(a.lon_lat[0].total_cmp(&b.lon_lat[0]))
    });
    out
}

/// The spelling most sightings use; on a tie the longest ("'t Harde" over "t Harde").
fn spelling<'a>(sightings: impl Iterator<Item = &'a &'a Sighting>) -> String {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sightings {
        *count.entry(s.name.as_str()).or_default() += 1;
    }
    count
        .into_iter()
        .max_by_key(|&(n, c)| (c, n.len(), std::cmp::Reverse(n)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

/// A municipality and the sightings of one name that lie in it.
type Group<'a> = (usize, Vec<&'a Sighting>);

/// The sightings of one name by the municipality containing them (or nearest, off the coast).
fn by_municipality<'a>(list: &[&'a Sighting], locator: &Locator) -> Vec<Group<'a>> {
    let mut groups: Vec<Group> = Vec::new();
    for s in list {
        let Some(m) = locator
            .containing(s.at)
            .or_else(|| locator.within(s.at, NEAR_KM).first().map(|n| n.0))
        else {
            continue;
        };
        match groups.iter_mut().find(|g| g.0 == m) {
            Some(g) => g.1.push(s),
            None => groups.push((m, vec![*s])),
        }
    }
    groups.sort_by_key(|g| g.0);
    groups
}

/// The groups that form one town: linked where a sighting of one lies within
/// [`SAME_TOWN_KM`] of a sighting of the other (each sighting asks every other group's tree
/// for its nearest, so the cost grows with sightings × municipalities, not sightings²).
fn linked(groups: &[Group]) -> Vec<Vec<usize>> {
    let trees: Vec<RTree<[f64; 2]>> = groups
        .iter()
        .map(|g| RTree::bulk_load(g.1.iter().map(|s| s.at).collect()))
        .collect();
    let mut root: Vec<usize> = (0..groups.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    }
    for (g, group) in groups.iter().enumerate() {
        for (h, tree) in trees.iter().enumerate().skip(g + 1) {
            let near = group.1.iter().any(|s| {
                tree.nearest_neighbor(&s.at)
                    .is_some_and(|n| km(*n, s.at) <= SAME_TOWN_KM)
            });
            if near {
                let (a, b) = (find(&mut root, g), find(&mut root, h));
                root[b] = a;
            }
        }
    }
    let mut towns: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for g in 0..groups.len() {
        let r = find(&mut root, g);
        towns.entry(r).or_default().push(g);
    }
    towns.into_values().collect()
}

/// The town's own position if a source gives one, else the sighting nearest the middle.
fn representative<'a>(group: &[&'a Sighting]) -> &'a Sighting {
    if let Some(own) = group.iter().find(|s| s.own) {
        return own;
    }
    let n = group.len() as f64;
    let mid = group.iter().fold([0.0, 0.0], |acc, s| {
        [acc[0] + s.at[0] / n, acc[1] + s.at[1] / n]
    });
    group
        .iter()
        .min_by(|a, b| km(a.at, mid).total_cmp(&km(b.at, mid)))
        .copied()
        .unwrap_or(group[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(name: &str, x_km: f64, own: bool) -> Sighting {
        Sighting {
            name: name.into(),
            lon_lat: [x_km, 0.0],
            at: [x_km * 1000.0, 5_000.0],
            own,
            named: None,
        }
    }

    #[test]
    fn a_stray_postcode_over_the_border_does_not_make_a_second_town() {
        // A's town with its own position at 5 km and three postcodes, one just over in B.
        let l = super::super::locate::two_squares();
        let found = towns(
            &[
                seen("Aadorp", 5.0, true),
                seen("Aadorp", 7.0, false),
                seen("Aadorp", 9.0, false),
                seen("Aadorp", 11.0, false),
            ],
            &l,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].municipalities, [0]);
        assert_eq!(found[0].lon_lat, [5.0, 0.0]);
    }

    #[test]
    fn namesakes_far_apart_are_two_towns_and_a_tie_names_both() {
        let l = super::super::locate::two_squares();
        let far = towns(&[seen("Elst", 1.0, false), seen("Elst", 19.0, false)], &l);
        assert_eq!(far.len(), 2);
        assert_eq!(
            (&far[0].municipalities, &far[1].municipalities),
            (&vec![0], &vec![1])
        );
        // Close together, one sighting each side, no own position: unsure, so both.
        let tie = towns(&[seen("Wilp", 8.0, false), seen("Wilp", 12.0, false)], &l);
        let all: Vec<usize> = tie.iter().flat_map(|t| t.municipalities.clone()).collect();
        assert_eq!(all, [0, 1]);
        // The spelling most sightings use, the longest on a tie.
        let spelled = towns(
            &[seen("t Harde", 5.0, true), seen("'t Harde", 5.5, false)],
            &l,
        );
        assert_eq!(spelled[0].name, "'t Harde");
    }

    #[test]
    fn qualified_names_are_also_found_without_the_qualifier() {
        assert_eq!(unqualified("Elst Ut"), Some("Elst"));
        assert_eq!(unqualified("Hengelo (Gld)"), Some("Hengelo"));
        assert_eq!(unqualified("Rijswijk (GLD)"), Some("Rijswijk"));
        assert_eq!(unqualified("Bergen L"), Some("Bergen"));
        assert_eq!(unqualified("Harkstede GN"), Some("Harkstede"));
        assert_eq!(unqualified("Den Ham"), None);
        assert_eq!(unqualified("De Pol"), None);
        assert_eq!(unqualified("Ie"), None);
        assert_eq!(unqualified("Bergen op Zoom"), None);
    }
}
