//! Maps drawn at build time as inline SVG from the project's own boundaries: no tiles, no
//! map library in the browser, no request to another host.

use std::fmt::Write as _;

use crate::geo::Geography;

pub mod markup;
pub mod national;

/// Grid metres per SVG unit: 100 m is finer than the boundaries' own precision (~70–110 m).
pub(crate) const UNIT: f64 = 100.0;
/// Grid metres per SVG unit of the small country map (shown about 20 rem wide).
pub(crate) const SMALL_UNIT: f64 = 400.0;

/// How a municipality is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Home-Start in the whole municipality.
    Served,
    /// Only in some districts: hatched, so it differs by more than colour.
    Partial,
    Other,
}

/// A small map without its label: the drawing is the same in every language.
#[derive(Debug, Clone, Default)]
pub struct AreaMap {
    /// Up to the label's place in `<title>`; empty for a map of nothing.
    head: String,
    /// After the label.
    tail: String,
}

impl AreaMap {
    /// The map as inline SVG, labelled for screen readers by `label` (nothing for an empty map).
    pub fn labelled(&self, label: &str) -> String {
        if self.head.is_empty() {
            return String::new();
        }
        format!("{}{}{}", self.head, markup::title_text(label), self.tail)
    }
}

/// A small map around the municipalities in `focus` (outlined), each municipality in view
/// drawn by `fill`; its label comes per language ([`AreaMap::labelled`]).
pub fn area_map(geo: &Geography, focus: &[usize], fill: impl Fn(usize) -> Fill) -> AreaMap {
    if focus.is_empty() {
        return AreaMap::default();
    }
    let mut bbox = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for &m in focus {
        extend(&mut bbox, bounds(&geo.municipalities[m].outline));
    }
    // Pad by a fifth of the larger side (at least 5 km) so neighbours show.
    let pad = ((bbox[2] - bbox[0]).max(bbox[3] - bbox[1]) * 0.2).max(5_000.0);
    let view = [bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad];
    let to_svg = |p: [f64; 2]| to_svg(view, p, UNIT);
    let (mut other, mut served, mut partial, mut outline) =
        (String::new(), String::new(), String::new(), String::new());
    for (i, m) in geo.municipalities.iter().enumerate() {
        let b = bounds(&m.outline);
        if b[2] < view[0] || b[0] > view[2] || b[3] < view[1] || b[1] > view[3] {
            continue;
        }
        let out = match fill(i) {
            Fill::Served => &mut served,
            Fill::Partial => &mut partial,
            Fill::Other => &mut other,
        };
        for ring in m.outline.iter().flatten() {
            path_ring(out, ring.iter().map(|&p| to_svg(p)));
            if focus.contains(&i) {
                path_ring(&mut outline, ring.iter().map(|&p| to_svg(p)));
            }
        }
    }
    let (w, h) = to_svg([view[2], view[1]]);
    // Written as the page's minifier would write it (see `markup`): the map is not minified.
    let head = format!(
        "<svg class=area-map xmlns=http://www.w3.org/2000/svg viewbox=\"0 0 {w} {h}\" role=img aria-labelledby=area-map-title><title id=area-map-title>"
    );
    let mut svg = String::from("</title>");
    if !partial.is_empty() {
        svg.push_str(&hatch_defs(1.0));
    }
    for (class, d) in [
        ("map-other", &other),
        ("map-served", &served),
        ("map-part", &partial),
        ("map-focus", &outline),
    ] {
        if !d.is_empty() {
            let _ = write!(svg, "<path class={class} d=\"{d}\"/>");
        }
    }
    svg.push_str("</svg>");
    AreaMap { head, tail: svg }
}

/// The hatching for municipalities served in part (one per page: maps never share a page).
/// `scale` shrinks it for maps drawn in coarser units, so stripes look alike on screen.
pub(crate) fn hatch_defs(scale: f64) -> String {
    let (size, line) = (14.0 * scale, 6.0 * scale);
    format!(
        "<defs><pattern id=map-hatch width={size} height={size} patternunits=userSpaceOnUse patterntransform=rotate(45)><rect width={size} height={size} class=map-hatch-bg /><rect width={line} height={size} class=map-hatch-line /></pattern></defs>"
    )
}

/// A grid point in SVG units of `unit` metres inside the view `[min x, min y, max x, max y]`
/// (y downwards).
pub(crate) fn to_svg(view: [f64; 4], p: [f64; 2], unit: f64) -> (i64, i64) {
    (
        ((p[0] - view[0]) / unit).round() as i64,
        ((view[3] - p[1]) / unit).round() as i64,
    )
}

/// Appends one closed ring as `M x y` plus relative steps, skipping steps that round to zero.
pub(crate) fn path_ring(out: &mut String, points: impl Iterator<Item = (i64, i64)>) {
    let mut last: Option<(i64, i64)> = None;
    let mut count = 0;
    let start = out.len();
    for p in points {
        match last {
            None => {
                let _ = write!(out, "M{} {}", p.0, p.1);
            }
            Some(l) if l == p => continue,
            Some(l) => {
                let (dx, dy) = (p.0 - l.0, p.1 - l.1);
                if count == 1 {
                    out.push('l');
                } else if dx >= 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{dx}");
                if dy >= 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{dy}");
            }
        }
        last = Some(p);
        count += 1;
    }
    if count < 3 {
        out.truncate(start); // collapsed to a point or a line at this scale
    } else {
        out.push('z');
    }
}

pub(crate) fn bounds(polygons: &[Vec<Vec<[f64; 2]>>]) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for p in polygons.iter().flatten().flatten() {
        b[0] = b[0].min(p[0]);
        b[1] = b[1].min(p[1]);
        b[2] = b[2].max(p[0]);
        b[3] = b[3].max(p[1]);
    }
    b
}

pub(crate) fn extend(b: &mut [f64; 4], o: [f64; 4]) {
    b[0] = b[0].min(o[0]);
    b[1] = b[1].min(o[1]);
    b[2] = b[2].max(o[2]);
    b[3] = b[3].max(o[3]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::minify;

    /// Maps go into pages after the minifier (see `render::fragments`): drawn from the shipped
    /// boundaries with labels like the registry's, each must be exactly what the minifier
    /// makes of it. (Labels with quotes or ampersands: `markup`'s tests.)
    #[test]
    fn maps_are_drawn_as_the_minifier_writes_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let geo = crate::geo::load(root).expect("geo/ loads");
        let fills = [Fill::Served, Fill::Partial, Fill::Other];
        let labels = [
            "Kaart: het werkgebied van 's-Hertogenbosch",
            "Home-Start Rijnmond (Zuid) — 0–6 jaar, 2 locaties",
            "خريطة منطقة Súdwest-Fryslân",
        ];
        for (i, label) in labels.iter().enumerate() {
            let map = area_map(&geo, &[i * 40, i * 40 + 1], |m| fills[m % 3]);
            let svg = map.labelled(label);
            assert!(svg.starts_with("<svg"));
            assert_eq!(String::from_utf8(minify::html(&svg)).unwrap(), svg);
        }
        let urls: Vec<String> = (0..geo.municipalities.len())
            .map(|m| match m % 3 {
                0 => format!("/gemeenten/{}/", geo.municipalities[m].slug),
                1 => format!("/en/municipalities/#m-{}", geo.municipalities[m].slug),
                _ => format!("/ti/memhdarat/#{}", geo.municipalities[m].code),
            })
            .collect();
        let items: Vec<national::Item> = (0..geo.municipalities.len())
            .map(|m| national::Item {
                url: &urls[m],
                label: format!("{} — {}", geo.municipalities[m].display, labels[m % 3]),
                fill: fills[m % 3],
            })
            .collect();
        for detail in [national::Detail::Full, national::Detail::Small] {
            let outlines = national::Outlines::new(&geo, detail);
            let svg = national::coverage_map(&geo, &outlines, &items, labels[1]);
            assert!(svg.contains("data-code=GM"));
            assert_eq!(String::from_utf8(minify::html(&svg)).unwrap(), svg);
        }
    }

    #[test]
    fn ring_path_is_relative_and_closed() {
        let mut s = String::new();
        path_ring(
            &mut s,
            [(10, 10), (12, 10), (12, 10), (12, 13), (10, 10)].into_iter(),
        );
        assert_eq!(s, "M10 10l2 0 0 3-2-3z");
        let mut s = String::new();
        path_ring(&mut s, [(1, 1), (1, 1), (1, 1)].into_iter());
        assert_eq!(s, "");
    }
}
