//! The coverage map of the whole country: every municipality a link to its page, coloured by
//! coverage with a second cue (hatching for part of a municipality), drawn from the simplified
//! boundaries so neighbours still share their borders exactly.

use std::fmt::Write as _;

use super::{Fill, SMALL_UNIT, UNIT, bounds, extend, hatch_defs, markup, path_ring, to_svg};
use crate::geo::{Geography, Municipality};

/// One municipality on the map.
pub struct Item<'a> {
    pub url: &'a str,
    /// Accessible name: "Utrecht — aangeboden door …, 0–6 jaar".
    pub label: String,
    pub fill: Fill,
}

/// How much detail to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The map page: borders simplified at 150 m, drawn in 100 m units.
    Full,
    /// Beside the lookup on the home and referrers' pages: a third of the bytes.
    Small,
}

/// The country's municipalities as SVG paths at one level of detail. They are the same in
/// every language: drawn once, then labelled per language by [`coverage_map`].
pub struct Outlines {
    detail: Detail,
    /// Width and height in SVG units; `None` without boundaries.
    size: Option<(i64, i64)>,
    /// Each municipality's path data and its centre, in SVG units.
    shapes: Vec<(String, (i64, i64))>,
}

impl Outlines {
    pub fn new(geo: &Geography, detail: Detail) -> Self {
        let unit = match detail {
            Detail::Full => UNIT,
            Detail::Small => SMALL_UNIT,
        };
        fn outline(m: &Municipality, detail: Detail) -> &[Vec<Vec<[f64; 2]>>] {
            match detail {
                Detail::Full => &m.outline,
                Detail::Small => &m.outline_small,
            }
        }
        let mut b = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for m in &geo.municipalities {
            extend(&mut b, bounds(outline(m, detail)));
        }
        if !b[0].is_finite() {
            return Outlines {
                detail,
                size: None,
                shapes: Vec::new(),
            };
        }
        let to_svg = |p: [f64; 2]| to_svg(b, p, unit);
        let shapes = geo
            .municipalities
            .iter()
            .map(|m| {
                let mut d = String::new();
                for ring in outline(m, detail).iter().flatten() {
                    path_ring(&mut d, ring.iter().map(|&p| to_svg(p)));
                }
                (d, to_svg(m.centre))
            })
            .collect();
        Outlines {
            detail,
            size: Some(to_svg([b[2], b[1]])),
            shapes,
        }
    }
}

/// The map as inline SVG. Links are out of the tab order except the first: with JavaScript,
/// arrow keys move between them (roving focus); without it, the A–Z list is the way in.
/// `items` are `outlines`' municipalities, in the order of `geo`.
pub fn coverage_map(geo: &Geography, outlines: &Outlines, items: &[Item], label: &str) -> String {
    let (unit, class) = match outlines.detail {
        Detail::Full => (UNIT, "coverage-map"),
        Detail::Small => (SMALL_UNIT, "coverage-map coverage-map-small"),
    };
    let Some((w, h)) = outlines.size else {
        return String::new();
    };
    // Written as the page's minifier would write it (see `markup`): the map is not minified.
    let mut svg = String::from("<svg");
    markup::attr(&mut svg, "class", class);
    let _ = write!(
        svg,
        " xmlns=http://www.w3.org/2000/svg viewbox=\"0 0 {w} {h}\" role=group tabindex=-1"
    );
    markup::attr(&mut svg, "aria-label", label);
    svg.push('>');
    svg.push_str(&hatch_defs(UNIT / unit));
    for (i, ((m, item), (d, (cx, cy)))) in geo
        .municipalities
        .iter()
        .zip(items)
        .zip(&outlines.shapes)
        .enumerate()
    {
        let class = match item.fill {
            Fill::Served => "map-served",
            Fill::Partial => "map-part",
            Fill::Other => "map-other",
        };
        svg.push_str("<a");
        markup::attr(&mut svg, "href", item.url);
        let _ = write!(
            svg,
            " class={class} tabindex={}",
            if i == 0 { 0 } else { -1 }
        );
        markup::attr(&mut svg, "aria-label", &item.label);
        markup::attr(&mut svg, "data-code", &m.code);
        let _ = write!(svg, " data-c=\"{cx} {cy}\">");
        if !d.is_empty() {
            let _ = write!(svg, "<path d=\"{d}\"/>");
        }
        svg.push_str("</a>");
    }
    svg.push_str("</svg>");
    svg
}
