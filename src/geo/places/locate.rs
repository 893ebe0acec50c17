//! Where a point lies: the municipality whose boundary contains it, and the ones close to it.
//! Computed in the Dutch grid (metres), against the shipped boundaries.

use geo::{BoundingRect, Contains, Distance, Euclidean, LineString, MultiPolygon, Point, Polygon};

use super::super::{Geography, project::Projector};

/// A municipality other than the one containing the point is named only this close to the
/// point (km). Why 1.5: a four-digit postcode area is about 1 to 3 km across, so its
/// addresses reach that far from its centre; and in the source every postcode whose own place
/// name lies in another municipality than its point lies within 1.5 km of that municipality
/// (27 of 3,816; 19 of them within 300 m), while the wrong candidates lay 45 to 240 km away.
pub const NEAR_KM: f64 = 1.5;

/// The shipped boundaries are simplified: a border closer than this (km) may in truth lie on
/// the point's other side, so a municipality this close is named even without other evidence.
pub const PRECISION_KM: f64 = 0.3;

/// The boundaries, ready for point queries.
pub struct Locator {
    projector: Projector,
    /// Per municipality (same index as [`Geography::municipalities`]): box and shape.
    shapes: Vec<([f64; 4], MultiPolygon<f64>)>,
}

impl Locator {
    pub fn new(geo: &Geography) -> Self {
        let shapes = geo
            .municipalities
            .iter()
            .map(|m| {
                let shape = MultiPolygon::new(
                    m.rd.iter()
                        .filter(|p| !p.is_empty())
                        .map(|p| {
                            let ring = |r: &Vec<[f64; 2]>| {
                                LineString::from(r.iter().map(|c| (c[0], c[1])).collect::<Vec<_>>())
                            };
                            Polygon::new(ring(&p[0]), p[1..].iter().map(ring).collect())
                        })
                        .collect(),
                );
                let bbox = shape.bounding_rect().map_or([f64::NAN; 4], |r| {
                    [r.min().x, r.min().y, r.max().x, r.max().y]
                });
                (bbox, shape)
            })
            .collect();
        Locator {
            projector: Projector::new(),
            shapes,
        }
    }

    /// `[lon, lat]` in degrees → grid metres; `None` for a position that does not project.
    pub fn grid(&self, lon_lat: [f64; 2]) -> Option<[f64; 2]> {
        let p = self.projector.rd(lon_lat);
        (p[0].is_finite() && p[1].is_finite()).then_some(p)
    }

    /// Distance in km from a grid point to municipality `m` (0 inside it).
    pub fn km_to(&self, m: usize, p: [f64; 2]) -> f64 {
        let Some((_, shape)) = self.shapes.get(m) else {
            return f64::INFINITY;
        };
        Euclidean.distance(shape, &Point::new(p[0], p[1])) / 1000.0
    }

    /// The municipality containing a grid point, if any.
    pub fn containing(&self, p: [f64; 2]) -> Option<usize> {
        let point = Point::new(p[0], p[1]);
        self.shapes
            .iter()
            .position(|(b, shape)| in_box(b, p, 0.0) && shape.contains(&point))
    }

    /// Municipalities within `km` of a grid point, nearest first (ties by index).
    pub fn within(&self, p: [f64; 2], km: f64) -> Vec<(usize, f64)> {
        let mut near: Vec<(usize, f64)> = (0..self.shapes.len())
            .filter(|&m| in_box(&self.shapes[m].0, p, km * 1000.0))
            .map(|m| (m, self.km_to(m, p)))
            .filter(|&(_, d)| d <= km)
            .collect();
        near.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        near
    }

    /// The municipalities a point belongs to: the one containing it (or, just off the coast,
    /// the nearest within [`NEAR_KM`]), any within [`PRECISION_KM`], and those of `named`
    /// (what the source says, e.g. the municipality of the postcode's place name) within
    /// [`NEAR_KM`]. Empty when no municipality is near: the point is not in the country.
    pub fn candidates(&self, p: [f64; 2], named: &[usize]) -> Vec<usize> {
        let near = self.within(p, NEAR_KM);
        let Some(&(first, _)) = near.first() else {
            return Vec::new();
        };
        let mut out = vec![self.containing(p).unwrap_or(first)];
        for &(m, d) in &near {
            if d <= PRECISION_KM || named.contains(&m) {
                out.push(m);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether `p` lies in the box `b` grown by `margin` metres.
fn in_box(b: &[f64; 4], p: [f64; 2], margin: f64) -> bool {
    p[0] >= b[0] - margin && p[0] <= b[2] + margin && p[1] >= b[1] - margin && p[1] <= b[3] + margin
}

/// Two 10 km squares side by side in the grid: A (x 0–10 km) and B (x 10–20 km).
#[cfg(test)]
pub(super) fn two_squares() -> Locator {
    use crate::geo::Municipality;
    let square = |x0: f64| {
        vec![vec![vec![
            [x0, 0.0],
            [x0 + 10_000.0, 0.0],
            [x0 + 10_000.0, 10_000.0],
            [x0, 10_000.0],
            [x0, 0.0],
        ]]]
    };
    let m = |code: &str, x0| Municipality {
        code: code.into(),
        name: code.into(),
        display: code.into(),
        slug: code.into(),
        aliases: Vec::new(),
        polygons: Vec::new(),
        rd: square(x0),
        centre: [x0 + 5_000.0, 5_000.0],
        outline: Vec::new(),
        outline_small: Vec::new(),
        districts: Vec::new(),
    };
    let geo = Geography {
        municipalities: vec![m("GM0001", 0.0), m("GM0002", 10_000.0)],
        ..Geography::default()
    };
    Locator::new(&geo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_belongs_to_the_municipality_around_it() {
        let l = two_squares();
        assert_eq!(l.containing([5_000.0, 5_000.0]), Some(0));
        assert_eq!(
            l.candidates([5_000.0, 5_000.0], &[1]),
            [0],
            "B is 5 km away"
        );
        assert_eq!(l.candidates([15_000.0, 5_000.0], &[]), [1]);
        assert!(l.candidates([50_000.0, 5_000.0], &[0, 1]).is_empty());
    }

    #[test]
    fn a_second_municipality_only_near_the_border() {
        let l = two_squares();
        // 200 m from B: within the boundaries' precision, B is named without evidence.
        assert_eq!(l.candidates([9_800.0, 5_000.0], &[]), [0, 1]);
        // 1 km from B: only when the source names B.
        assert_eq!(l.candidates([9_000.0, 5_000.0], &[]), [0]);
        assert_eq!(l.candidates([9_000.0, 5_000.0], &[1]), [0, 1]);
        // 2 km: never.
        assert_eq!(l.candidates([8_000.0, 5_000.0], &[1]), [0]);
        assert!((l.km_to(1, [8_000.0, 5_000.0]) - 2.0).abs() < 1e-9);
        // Just off the coast: the nearest.
        assert_eq!(l.candidates([5_000.0, 10_500.0], &[]), [0]);
    }
}
