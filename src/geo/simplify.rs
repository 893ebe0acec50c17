//! Simplifies municipal boundaries for maps without opening gaps between neighbours.
//!
//! Neighbours share their border vertex for vertex. Each ring is cut at its junctions (points
//! where more than two border lines meet), every piece is simplified on its own with
//! Douglas–Peucker, always walked in the same direction, so the two municipalities on either
//! side of a border get exactly the same simplified line.

use std::collections::HashMap;

type Point = [f64; 2];
type Key = (i64, i64);

fn key(p: Point) -> Key {
    // Grid metres rounded to centimetres: equal input coordinates give equal keys.
    ((p[0] * 100.0).round() as i64, (p[1] * 100.0).round() as i64)
}

/// Simplifies every ring of every shape (shapes → polygons → rings), keeping any point whose
/// removal would move the line by more than `tolerance` (in the coordinates' unit).
pub fn simplify(shapes: &[Vec<Vec<Vec<Point>>>], tolerance: f64) -> Vec<Vec<Vec<Vec<Point>>>> {
    // Neighbouring points of every vertex, over all rings: more than two means a junction.
    let mut neighbours: HashMap<Key, Vec<Key>> = HashMap::new();
    for ring in shapes.iter().flatten().flatten() {
        let n = open_len(ring);
        for i in 0..n {
            let here = key(ring[i]);
            let prev = key(ring[(i + n - 1) % n]);
            let next = key(ring[(i + 1) % n]);
            let list = neighbours.entry(here).or_default();
            for k in [prev, next] {
                if !list.contains(&k) {
                    list.push(k);
                }
            }
        }
    }
    let is_junction = |p: Point| {
        let k = key(p);
        neighbours.get(&k).is_some_and(|l| l.len() > 2)
    };
    shapes
        .iter()
        .map(|shape| {
            shape
                .iter()
                .map(|polygon| {
                    polygon
                        .iter()
                        .map(|ring| {
                            // A part thinner than the tolerance would collapse to a line and
                            // leave a hole: it keeps its few original points instead.
                            let simplified = simplify_ring(ring, &is_junction, tolerance);
                            if simplified.len() >= 4 {
                                simplified
                            } else {
                                ring.clone()
                            }
                        })
                        .filter(|r| open_len(r) >= 3)
                        .collect()
                })
                .filter(|p: &Vec<Vec<Point>>| !p.is_empty())
                .collect()
        })
        .collect()
}

/// Number of distinct points of a ring that may repeat its first point at the end.
fn open_len(ring: &[Point]) -> usize {
    if ring.len() > 1 && key(ring[0]) == key(ring[ring.len() - 1]) {
        ring.len() - 1
    } else {
        ring.len()
    }
}

fn simplify_ring(
    ring: &[Point],
    is_junction: &dyn Fn(Point) -> bool,
    tolerance: f64,
) -> Vec<Point> {
    let n = open_len(ring);
    if n < 3 {
        return Vec::new();
    }
    let pts = &ring[..n];
    let junctions: Vec<usize> = (0..n).filter(|&i| is_junction(pts[i])).collect();
    let mut out: Vec<Point> = Vec::with_capacity(n);
    if junctions.is_empty() {
        // An island or a ring with one neighbour all round: start at its smallest point so
        // both sides (if any) start alike, and keep it.
        let start = (0..n).min_by_key(|&i| key(pts[i])).unwrap_or(0);
        let arc: Vec<Point> = (0..=n).map(|j| pts[(start + j) % n]).collect();
        out.extend(simplify_arc(&arc, tolerance));
        out.pop();
    } else {
        for (j, &a) in junctions.iter().enumerate() {
            let b = junctions[(j + 1) % junctions.len()];
            let len = if b > a { b - a } else { b + n - a };
            let arc: Vec<Point> = (0..=len).map(|k| pts[(a + k) % n]).collect();
            let simplified = simplify_arc(&arc, tolerance);
            out.extend_from_slice(&simplified[..simplified.len() - 1]);
        }
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

/// Douglas–Peucker on an open line, endpoints kept, computed in a canonical direction so a
/// border shared by two rings (walked in opposite directions) simplifies identically.
fn simplify_arc(arc: &[Point], tolerance: f64) -> Vec<Point> {
    let reversed = key(arc[arc.len() - 1]) < key(arc[0])
        || (key(arc[arc.len() - 1]) == key(arc[0])
            && arc.len() > 2
            && key(arc[arc.len() - 2]) < key(arc[1]));
    let mut line: Vec<Point> = arc.to_vec();
    if reversed {
        line.reverse();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut far, mut dist) = (a, -1.0);
        for (i, p) in line.iter().enumerate().take(b).skip(a + 1) {
            let d = distance_to_segment(*p, line[a], line[b]);
            if d > dist {
                (far, dist) = (i, d);
            }
        }
        if dist > tolerance {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
    let mut out: Vec<Point> = line
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect();
    if reversed {
        out.reverse();
    }
    out
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - x).powi(2) + (p[1] - y).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Two squares sharing a wiggly border: after simplification the border is the same line
    /// in both, so no gap or overlap opens.
    #[test]
    fn shared_border_stays_shared() {
        let border: Vec<Point> = (0..=20)
            .map(|i| {
                [
                    10.0 + if i % 2 == 0 { 0.3 } else { -0.3 } * (i as f64 % 3.0),
                    i as f64,
                ]
            })
            .collect();
        let mut left: Vec<Point> = vec![[0.0, 0.0]];
        left.extend(border.iter().copied());
        left.extend([[0.0, 20.0], [0.0, 0.0]]);
        let mut right: Vec<Point> = border.iter().rev().copied().collect();
        right.extend([[20.0, 0.0], [20.0, 20.0]]);
        right.push(right[0]);
        // Make the corners junctions by a third shape touching them.
        let third: Vec<Point> = vec![border[0], [10.0, -5.0], [0.0, 0.0], border[0]];
        let out = simplify(
            &[vec![vec![left]], vec![vec![right]], vec![vec![third]]],
            0.5,
        );
        let set = |r: &Vec<Point>| -> HashSet<Key> { r.iter().map(|&p| key(p)).collect() };
        let l = set(&out[0][0][0]);
        let r = set(&out[1][0][0]);
        let on_border: HashSet<Key> = border.iter().map(|&p| key(p)).collect();
        let l_border: HashSet<&Key> = l.intersection(&on_border).collect();
        let r_border: HashSet<&Key> = r.intersection(&on_border).collect();
        assert_eq!(l_border, r_border, "both sides keep the same border points");
        assert!(l_border.len() < border.len(), "the border was simplified");
    }

    #[test]
    fn straight_points_dropped_corners_kept() {
        let ring = vec![
            [0.0, 0.0],
            [5.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [0.0, 0.0],
        ];
        let out = simplify(&[vec![vec![ring]]], 0.1);
        assert_eq!(out[0][0][0].len(), 5, "{:?}", out[0][0][0]);
    }

    /// On the real 2026 division, for both outlines the maps draw (the map page's and the
    /// small map's): every border point two municipalities share before simplification is
    /// kept by both or dropped by both.
    #[test]
    fn no_gaps_between_the_342_municipalities() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let geo = crate::geo::load(root).expect("project geo/ loads");
        let shapes: Vec<_> = geo.municipalities.iter().map(|m| m.rd.clone()).collect();
        let points = |s: &Vec<Vec<Vec<Point>>>| -> HashSet<Key> {
            s.iter().flatten().flatten().map(|&p| key(p)).collect()
        };
        let before: Vec<HashSet<Key>> = shapes.iter().map(points).collect();
        let outlines: [Vec<_>; 2] = [
            geo.municipalities
                .iter()
                .map(|m| m.outline.clone())
                .collect(),
            geo.municipalities
                .iter()
                .map(|m| m.outline_small.clone())
                .collect(),
        ];
        for out in &outlines {
            let after: Vec<HashSet<Key>> = out.iter().map(points).collect();
            let (mut pairs, mut total_before, mut total_after) = (0, 0, 0);
            for i in 0..shapes.len() {
                total_before += before[i].len();
                total_after += after[i].len();
                assert!(
                    !after[i].is_empty(),
                    "{} vanished",
                    geo.municipalities[i].name
                );
                for j in i + 1..shapes.len() {
                    let shared: HashSet<&Key> = before[i].intersection(&before[j]).collect();
                    if shared.len() < 2 {
                        continue;
                    }
                    pairs += 1;
                    let kept_i: HashSet<&&Key> =
                        shared.iter().filter(|k| after[i].contains(k)).collect();
                    let kept_j: HashSet<&&Key> =
                        shared.iter().filter(|k| after[j].contains(k)).collect();
                    assert_eq!(
                        kept_i, kept_j,
                        "{} / {}",
                        geo.municipalities[i].name, geo.municipalities[j].name
                    );
                }
            }
            assert!(pairs > 800, "neighbour pairs found: {pairs}");
            assert!(
                total_after < total_before,
                "{total_before} → {total_after} points"
            );
            eprintln!("{total_before} → {total_after} distinct points");
        }
    }
}
