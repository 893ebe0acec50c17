//! Map projection for the Netherlands: WGS84 longitude/latitude to the Dutch national grid
//! (Rijksdriehoeksstelsel, EPSG:28992), in metres. Distances and map shapes are computed in
//! this grid, where a metre is a metre in every direction.

use proj4rs::proj::Proj;

/// EPSG:28992 "Amersfoort / RD New", with the datum shift to WGS84.
const RD_NEW: &str = concat!(
    "+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079",
    " +x_0=155000 +y_0=463000 +ellps=bessel",
    " +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs"
);
const WGS84: &str = "+proj=longlat +ellps=WGS84 +datum=WGS84 +no_defs";

/// Projects WGS84 coordinates to the Dutch grid; built once and reused for every point.
pub struct Projector {
    from: Proj,
    to: Proj,
}

impl Projector {
    pub fn new() -> Self {
        // Both definitions are constants that parse; a failure here is a bug, caught by tests.
        Projector {
            from: Proj::from_proj_string(WGS84).expect("WGS84 definition parses"),
            to: Proj::from_proj_string(RD_NEW).expect("RD New definition parses"),
        }
    }

    /// `[lon, lat]` in degrees → `[x, y]` in metres (x east, y north).
    pub fn rd(&self, lon_lat: [f64; 2]) -> [f64; 2] {
        let mut p = (lon_lat[0].to_radians(), lon_lat[1].to_radians(), 0.0);
        match proj4rs::transform::transform(&self.from, &self.to, &mut p) {
            Ok(()) => [p.0, p.1],
            Err(_) => [f64::NAN, f64::NAN],
        }
    }
}

impl Default for Projector {
    fn default() -> Self {
        Self::new()
    }
}

/// Straight-line distance in kilometres between two grid points.
pub fn km(a: [f64; 2], b: [f64; 2]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt() / 1000.0
}

/// Area-weighted centre of a set of polygons (outer ring first, then holes), in grid metres.
pub fn centroid(polygons: &[Vec<Vec<[f64; 2]>>]) -> [f64; 2] {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for polygon in polygons {
        for (i, ring) in polygon.iter().enumerate() {
            let (a, x, y) = ring_moments(ring);
            // Outer rings add, holes subtract, whatever their winding in the file.
            let sign = if (i == 0) == (a >= 0.0) { 1.0 } else { -1.0 };
            area += sign * a;
            cx += sign * x;
            cy += sign * y;
        }
    }
    if area.abs() < f64::EPSILON {
        let first = polygons
            .first()
            .and_then(|p| p.first())
            .and_then(|r| r.first());
        return first.copied().unwrap_or([0.0, 0.0]);
    }
    [cx / (3.0 * area), cy / (3.0 * area)]
}

fn ring_moments(ring: &[[f64; 2]]) -> (f64, f64, f64) {
    let (mut a, mut x, mut y) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0][0] * w[1][1] - w[1][0] * w[0][1];
        a += cross;
        x += (w[0][0] + w[1][0]) * cross;
        y += (w[0][1] + w[1][1]) * cross;
    }
    (a / 2.0, x / 2.0, y / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amersfoort_tower_is_the_grid_origin() {
        // The Onze Lieve Vrouwetoren in Amersfoort defines RD (155000, 463000).
        let p = Projector::new().rd([5.387_203_658, 52.155_172_894]);
        assert!((p[0] - 155_000.0).abs() < 2.0, "{p:?}");
        assert!((p[1] - 463_000.0).abs() < 2.0, "{p:?}");
    }

    #[test]
    fn utrecht_to_amsterdam_distance() {
        let pr = Projector::new();
        let utrecht = pr.rd([5.1214, 52.0907]);
        let amsterdam = pr.rd([4.9041, 52.3676]);
        let d = km(utrecht, amsterdam);
        assert!((33.0..36.0).contains(&d), "{d}");
    }

    #[test]
    fn centroid_of_square_with_hole() {
        let outer = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
        let hole = vec![[0.0, 0.0], [0.0, 2.0], [2.0, 2.0], [2.0, 0.0], [0.0, 0.0]];
        let c = centroid(&[vec![outer.clone()]]);
        assert_eq!(c, [2.0, 2.0]);
        let c = centroid(&[vec![outer, hole]]);
        // 16 - 4 area; moments: 16*(2,2) - 4*(1,1) = (28,28) / 12
        assert!((c[0] - 28.0 / 12.0).abs() < 1e-9, "{c:?}");
    }
}
