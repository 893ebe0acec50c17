//! The shape of a location file, before its values are read: the keys each mapping may hold,
//! the keys it must hold, and the day names, each reported at its place.

use std::sync::Arc;

use super::schema::{self, Weekday};
use crate::diag::{Diagnostic, Source, suggest};
use crate::messages::Text;
use crate::t;
use crate::yaml::tree::Node;

/// A mapping of a location file: the keys it may hold, those it must, and what an editor calls
/// it where a key is unknown (`inside`) and where one is missing (`part`).
pub(super) struct Mapping<'a> {
    pub node: &'a Node,
    pub known: &'static [&'static str],
    required: &'static [&'static str],
    inside: Text,
    part: Text,
}

/// Every mapping of a location file: the file, its address, each coordinator, each
/// municipality written with details.
pub(super) fn mappings(root: &Node) -> Vec<Mapping<'_>> {
    let mapping = |node, known, required, inside, part| Mapping {
        node,
        known,
        required,
        inside,
        part,
    };
    let mut out = vec![mapping(
        root,
        schema::TOP_KEYS,
        schema::TOP_REQUIRED,
        t!("location-in.file"),
        t!("location-part.location"),
    )];
    if let Some(address) = root.get("address") {
        out.push(mapping(
            address,
            schema::ADDRESS_KEYS,
            schema::ADDRESS_KEYS,
            t!("location-in.address"),
            t!("location-part.address"),
        ));
    }
    let items = |key| root.get(key).map(Node::items).unwrap_or_default();
    for c in items("coordinators") {
        out.push(mapping(
            c,
            schema::COORDINATOR_KEYS,
            schema::COORDINATOR_KEYS,
            t!("location-in.coordinator"),
            t!("location-part.coordinator"),
        ));
    }
    for m in items("municipalities") {
        if matches!(m, Node::Map { .. }) {
            out.push(mapping(
                m,
                schema::AREA_KEYS,
                schema::AREA_REQUIRED,
                t!("location-in.area"),
                t!("location-part.area"),
            ));
        }
    }
    out
}

/// Unknown and missing keys, and day names, at every level.
pub(super) fn shape(src: &Arc<Source>, root: &Node) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if !matches!(root, Node::Map { .. }) {
        return vec![
            Diagnostic::error(t!("location-not-a-map"))
                .at(src, root.span())
                .hint(t!("location-not-a-map.hint")),
        ];
    }
    for m in mappings(root) {
        errors.extend(m.node.unknown_keys(src, m.known, m.inside));
        errors.extend(missing(src, m.node, m.required, m.part));
    }
    for m in root
        .get("municipalities")
        .map(Node::items)
        .unwrap_or_default()
    {
        match m {
            Node::Map { .. } => {}
            Node::Scalar { text, quoted, .. }
                if *quoted || !matches!(text.trim(), "" | "~" | "null" | "Null" | "NULL") => {}
            _ => errors.push(
                Diagnostic::error(t!("location-area-not-a-name"))
                    .at(src, m.span())
                    .hint(t!("location-area-not-a-name.hint-one-per-line")),
            ),
        }
    }
    for day in root
        .get("opening_days")
        .map(Node::items)
        .unwrap_or_default()
    {
        let Some(text) = day.as_str() else { continue };
        let lower = text.trim().to_lowercase();
        if !Weekday::NAMES.contains(&lower.as_str()) {
            let d = Diagnostic::error(t!("location-day-unknown", day = text)).at(src, day.span());
            errors.push(match suggest(&lower, Weekday::NAMES) {
                Some(s) => d.hint(t!("location-day-unknown.hint-typo", suggestion = s)),
                None => d.hint(t!(
                    "location-day-unknown.hint",
                    days = Weekday::NAMES.join(", ")
                )),
            });
        }
    }
    errors
}

/// The required keys `node` lacks; `what` names the part of the file (`location-part`).
fn missing(src: &Arc<Source>, node: &Node, required: &[&str], what: Text) -> Vec<Diagnostic> {
    let Node::Map { span, .. } = node else {
        return Vec::new();
    };
    required
        .iter()
        .filter(|k| node.entry(k).is_none())
        .map(|&k| {
            let hint = match k {
                "address" => t!("location-key-missing.hint-address"),
                "coordinators" => t!("location-key-missing.hint-coordinators"),
                "municipalities" => t!("location-key-missing.hint-municipalities"),
                _ => t!("location-key-missing.hint", key = k, example = example(k)),
            };
            Diagnostic::error(t!("location-key-missing", what = what.clone(), key = k))
                .at(src, span.start..span.start)
                .hint(hint)
        })
        .collect()
}

fn example(key: &str) -> &'static str {
    match key {
        "name" => "Home-Start Voorbeeld",
        "organisation" => "Stichting Welzijn Voorbeeld",
        "street" => "Voorbeeldstraat 1",
        "postcode" => "1234 AB",
        "city" => "Utrecht",
        "phone" => "030 123 45 67",
        "email" => "naam@voorbeeld.nl",
        "opening_days" => "[maandag, dinsdag, donderdag]",
        "ages" => "0-6",
        "municipality" => "Utrecht",
        _ => "…",
    }
}
