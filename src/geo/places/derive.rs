//! Trusting a source row before using it. Dutch postcodes are geographic: the areas whose
//! codes share their first three (or two) digits lie together, so a row whose position lies
//! far from every neighbour of its code is wrong, whatever its source says. The same test runs
//! when importing (the row is dropped and reported) and when building (the row is refused).

use std::collections::HashMap;

use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::messages::Text;
use crate::t;

/// A postcode whose position lies farther than this (km) from the nearest other postcode with
/// the same first three digits (first two where it has none) is an outlier. In the GeoNames
/// table the farthest area-centred row lies 25 km from its nearest neighbour (Schiermonnikoog,
/// an island), the wrong rows 28 to 240 km.
pub const OUTLIER_KM: f64 = 30.0;

/// A position the source marks as a place's centre or an estimate is kept only this close (km)
/// to a trusted neighbour: it says where a town is, not where the postcode area is, so it must
/// agree with the neighbours closely (a postcode area is 1 to 3 km across).
pub const ROUGH_KM: f64 = 5.0;

/// Why a source row is not used.
#[derive(Debug, Clone, PartialEq)]
pub enum Doubt {
    /// The position is a place's centre or an estimate, with no trusted neighbour close to it.
    Rough { nearest_km: Option<f64> },
    /// The position lies far from every neighbour.
    Outlier { nearest_km: f64 },
    /// The position lies in no municipality, nor close to one.
    Outside,
}

impl Doubt {
    /// Why, in a few words, for the import's report.
    pub fn describe(&self, code: u16) -> Text {
        let group = |d: &Option<f64>| match d {
            Some(km) => t!(
                "places-doubt.far",
                km = format!("{km:.0}"),
                group3 = code / 10,
                group2 = code / 100
            ),
            None => t!("places-doubt.alone", group2 = code / 100),
        };
        match self {
            Doubt::Rough { nearest_km } => {
                t!("places-doubt.rough", distance = group(nearest_km))
            }
            Doubt::Outlier { nearest_km } => group(&Some(*nearest_km)),
            Doubt::Outside => t!("places-doubt.outside"),
        }
    }
}

/// A postcode row's position, as the screen sees it.
#[derive(Debug, Clone, Copy)]
pub struct Spot {
    pub code: u16,
    /// Grid metres.
    pub at: [f64; 2],
    pub rough: bool,
}

type Tree = RTree<GeomWithData<[f64; 2], usize>>;

/// The neighbours of each postcode group: trees of positions by first three and two digits.
struct Neighbours {
    by3: HashMap<u16, Tree>,
    by2: HashMap<u16, Tree>,
}

impl Neighbours {
    fn new(spots: &[Spot], use_it: impl Fn(usize) -> bool) -> Self {
        let mut g3: HashMap<u16, Vec<_>> = HashMap::new();
        let mut g2: HashMap<u16, Vec<_>> = HashMap::new();
        for (i, s) in spots.iter().enumerate().filter(|&(i, _)| use_it(i)) {
            g3.entry(s.code / 10)
                .or_default()
                .push(GeomWithData::new(s.at, i));
            g2.entry(s.code / 100)
                .or_default()
                .push(GeomWithData::new(s.at, i));
        }
        let trees = |g: HashMap<u16, Vec<_>>| {
            g.into_iter()
                .map(|(k, v)| (k, RTree::bulk_load(v)))
                .collect()
        };
        Neighbours {
            by3: trees(g3),
            by2: trees(g2),
        }
    }

    /// Distance in km from spot `me` to the nearest other position of its three-digit group,
    /// or of its two-digit group where the first has none; `None` when neither has one.
    fn nearest_km(&self, me: usize, s: &Spot) -> Option<f64> {
        let near = |tree: Option<&Tree>| {
            tree?
                .nearest_neighbor_iter(&s.at)
                .find(|e| e.data != me)
                .map(|e| super::super::project::km(*e.geom(), s.at))
        };
        near(self.by3.get(&(s.code / 10))).or_else(|| near(self.by2.get(&(s.code / 100))))
    }
}

/// Screens the rows of a postcode source: area-centred rows against each other
/// ([`OUTLIER_KM`]), then rough rows against the area-centred rows that passed ([`ROUGH_KM`]).
/// `None` for a row to use.
pub fn screen(spots: &[Spot]) -> Vec<Option<Doubt>> {
    let exact = Neighbours::new(spots, |i| !spots[i].rough);
    let mut verdict: Vec<Option<Doubt>> = spots
        .iter()
        .enumerate()
        .map(|(i, s)| match exact.nearest_km(i, s) {
            Some(d) if !s.rough && d > OUTLIER_KM => Some(Doubt::Outlier { nearest_km: d }),
            _ => None,
        })
        .collect();
    let trusted = Neighbours::new(spots, |i| !spots[i].rough && verdict[i].is_none());
    for (i, s) in spots.iter().enumerate().filter(|(_, s)| s.rough) {
        let d = trusted.nearest_km(i, s);
        if d.is_none_or(|d| d > ROUGH_KM) {
            verdict[i] = Some(Doubt::Rough { nearest_km: d });
        }
    }
    verdict
}

/// The check of a shipped table: every row whose position lies farther than [`OUTLIER_KM`]
/// from the others of its group, with that distance. (Two wrong rows close to each other pass
/// here; the import's [`screen`] compares place centres only with trusted rows.)
pub fn outliers(spots: &[Spot]) -> Vec<(usize, f64)> {
    let all = Neighbours::new(spots, |_| true);
    spots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, all.nearest_km(i, s)?)))
        .filter(|&(_, d)| d > OUTLIER_KM)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(code: u16, x_km: f64, rough: bool) -> Spot {
        Spot {
            code,
            at: [x_km * 1000.0, 0.0],
            rough,
        }
    }

    #[test]
    fn a_row_far_from_its_neighbours_is_an_outlier() {
        let spots = [
            spot(5211, 0.0, false),
            spot(5212, 1.5, false),
            spot(5216, 2.5, false),
            // 's-Gravenhage's centre under a Den Bosch code, marked as a place centre.
            spot(5217, 80.0, true),
            // The same without the accuracy mark: still far from every 521x.
            spot(5218, -70.0, false),
            // A place centre right among its neighbours is kept.
            spot(5219, 3.0, true),
        ];
        let v = screen(&spots);
        assert_eq!(&v[..3], &[None, None, None]);
        assert!(matches!(v[3], Some(Doubt::Rough { nearest_km: Some(d) }) if d > 60.0));
        assert!(matches!(v[4], Some(Doubt::Outlier { nearest_km: d }) if (d - 70.0).abs() < 1e-9));
        assert_eq!(v[5], None);
        let far: Vec<usize> = outliers(&spots).iter().map(|o| o.0).collect();
        assert_eq!(far, [3, 4]);
    }

    #[test]
    fn a_group_of_one_is_compared_with_the_first_two_digits() {
        let spots = [
            spot(1231, 0.0, false),
            spot(1240, 4.0, false),
            spot(1234, 170.0, true),
            spot(1250, 2.0, true),
        ];
        let v = screen(&spots);
        assert!(v[2].is_some(), "1234 at Lemiers is far from 12xx");
        assert_eq!(
            v[3], None,
            "1250 has no 125x neighbour; 12xx lies 2 km away"
        );
    }
}
