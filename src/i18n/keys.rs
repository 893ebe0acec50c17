//! The string keys the tool reads from Rust, by when it reads them. A table without one of
//! them would print an empty text where the key is read, so each list is required of the
//! default table whenever what reads it is part of the site (every other table has the same
//! keys). A test reads `src/` and fails when code reads a key that is in none of the lists.

/// Read by every build: dates, the listing pages' addresses, the page for unknown addresses.
/// Required when the tables load.
pub const ALWAYS: &[&str] = &[
    "date_format",
    "month_1",
    "month_2",
    "month_3",
    "month_4",
    "month_5",
    "month_6",
    "month_7",
    "month_8",
    "month_9",
    "month_10",
    "month_11",
    "month_12",
    "not_found_title",
    "pagination_path",
];

/// Read by the registry's pages (locations, municipalities, their maps and the lookup's
/// index). Required when the site has them.
pub const REGISTRY: &[&str] = &[
    "ages_range",
    "ages_range_pregnancy",
    "az_summary",
    "coverage_map_label",
    "day_1",
    "day_2",
    "day_3",
    "day_4",
    "day_5",
    "day_6",
    "day_7",
    "distance_km",
    "districts_only",
    "districts_not_offered",
    "location_description",
    "lookup_coordinator",
    "lookup_count",
    "lookup_count_one",
    "lookup_digits",
    "lookup_in_one",
    "lookup_in_several",
    "lookup_kind_alias",
    "lookup_kind_municipality",
    "lookup_kind_place",
    "lookup_kind_postcode",
    "lookup_kind_former",
    "lookup_former",
    "lookup_did_you_mean",
    "lookup_empty",
    "lookup_more",
    "lookup_none",
    "lookup_postcode_unknown",
    "map_item_not",
    "map_item_offered",
    "map_label",
    "municipality_call",
    "municipality_description_not",
    "municipality_description_offered",
    "municipality_nearest",
    "municipality_nearest_intro",
    "municipality_not_offered",
    "municipality_offered",
    "municipality_offered_by",
    "municipality_title",
    "referral_step_1",
    "referral_step_2",
    "referral_step_3",
    "referral_step_4",
    "status_not_offered",
    "status_offered",
    "whole_municipality",
];

/// Read by the PDF leaflets. Required when a page has `pdf:`.
pub const LEAFLETS: &[&str] = &[
    "example_data",
    "leaflet_call",
    "leaflet_call_text",
    "leaflet_contact_general",
    "leaflet_fact_ages",
    "leaflet_fact_free",
    "leaflet_fact_home",
    "leaflet_fact_start",
    "leaflet_fact_weekly",
    "leaflet_find_number",
    "leaflet_no_number",
    "leaflet_qr_alt",
    "location_phone",
    "lookup_coordinator",
    "page_n_of_m",
    "site_tagline",
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// What a piece of Rust reads from string tables: keys written as literals in the key
    /// argument of `s.get(…)`, `s.fill(…)`, `strings[…].get(…)` (also inside an `if`), and the
    /// prefixes of keys made with `format!("day_{…}")`. `self` counts in i18n.rs only, where it
    /// is a table. Keys passed through a variable are found by [`indirect`].
    #[derive(Debug, Default, PartialEq)]
    struct Reads {
        keys: BTreeSet<String>,
        prefixes: BTreeSet<String>,
        /// Calls whose key is not written in the call.
        indirect: usize,
    }

    fn reads(text: &str, self_is_table: bool, out: &mut Reads) {
        let b = text.as_bytes();
        for (at, call) in text
            .match_indices(".get(")
            .chain(text.match_indices(".fill("))
        {
            let receiver = receiver(&text[..at]);
            if !(receiver == "s" || receiver == "strings" || (self_is_table && receiver == "self"))
            {
                continue;
            }
            let start = at + call.len();
            let end = argument_end(b, start);
            let arg = &text[start..end];
            let literals = literals(arg);
            if literals.is_empty() {
                out.indirect += 1;
            }
            for (before, lit) in literals {
                if before.trim_end().ends_with("format!(") {
                    out.prefixes
                        .insert(lit.split('{').next().unwrap_or("").to_string());
                } else {
                    out.keys.insert(lit.to_string());
                }
            }
        }
    }

    /// The name a method is called on: `s`, `strings` in `strings[i]`, `strings` in `self.strings[0]`.
    fn receiver(before: &str) -> &str {
        let mut end = before.len();
        let b = before.as_bytes();
        if end > 0 && b[end - 1] == b']' {
            let mut depth = 0;
            while end > 0 {
                end -= 1;
                match b[end] {
                    b']' => depth += 1,
                    b'[' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        let start = before[..end]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        &before[start..end]
    }

    /// Where the first argument of a call ends: its `,` or `)` outside brackets and strings.
    fn argument_end(b: &[u8], start: usize) -> usize {
        let mut depth = 0i32;
        let mut i = start;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth == 0 => return i,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => return i,
                _ => {}
            }
            i += 1;
        }
        i
    }

    /// The string literals of a piece of code, each with the code before it.
    fn literals(code: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        let mut rest = 0;
        while let Some(open) = code[rest..].find('"').map(|i| rest + i) {
            let b = code.as_bytes();
            let mut close = open + 1;
            while close < b.len() && b[close] != b'"' {
                close += if b[close] == b'\\' { 2 } else { 1 };
            }
            let close = close.min(code.len());
            out.push((&code[..open], &code[open + 1..close]));
            rest = (close + 1).min(code.len());
        }
        out
    }

    /// Every Rust file of the crate without its tests (its `mod tests`, and `tests.rs`), by path.
    fn sources() -> Vec<(String, String)> {
        fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                panic!("cannot read {}", dir.display());
            };
            let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    let code = text
                        .split("#[cfg(test)]\nmod tests")
                        .next()
                        .unwrap_or("")
                        .to_string();
                    out.push((path.display().to_string(), code));
                }
            }
        }
        let mut out = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    fn listed() -> BTreeSet<&'static str> {
        ALWAYS
            .iter()
            .chain(REGISTRY)
            .chain(LEAFLETS)
            .copied()
            .collect()
    }

    /// The keys of the shipped default table.
    fn shipped() -> BTreeSet<String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/nl.yaml");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        text.lines()
            .filter(|l| !l.starts_with(['#', ' ']))
            .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_string()))
            .collect()
    }

    #[test]
    fn the_scan_finds_keys_in_every_form_the_code_writes_them() {
        let code = r#"
            let a = s.get("one");
            let b = strings[p.lang()].get("two");
            let c = self.strings[0].fill(
                "three",
                &[("name", &x)],
            );
            let d = s.get(if x { "four" } else { "five" });
            let e = s.get(&format!("six_{}", n));
            let f = s.fill(key, &[]);
            let g = root.get("not_a_table");
            let h = self.get("seven");
        "#;
        let mut r = Reads::default();
        reads(code, false, &mut r);
        assert_eq!(
            r.keys.iter().map(String::as_str).collect::<Vec<_>>(),
            ["five", "four", "one", "three", "two"]
        );
        assert_eq!(r.prefixes.iter().collect::<Vec<_>>(), ["six_"]);
        assert_eq!(r.indirect, 1);
        reads(code, true, &mut r);
        assert!(r.keys.contains("seven"));
    }

    /// Fails when code reads a key none of the lists has: add it to the list of what reads it.
    #[test]
    fn every_key_the_code_reads_is_listed() {
        let listed = listed();
        let mut all = Reads::default();
        let mut indirect_files = Vec::new();
        for (path, code) in sources() {
            let mut r = Reads::default();
            reads(&code, path.ends_with("i18n.rs"), &mut r);
            if r.indirect > 0 {
                indirect_files.push((path, code));
            }
            all.keys.extend(r.keys);
            all.prefixes.extend(r.prefixes);
        }
        // The scan sees the code: today about 30 keys written in calls, and 3 families.
        assert!(all.keys.len() >= 25, "{all:?}");
        let unlisted: Vec<&String> = all
            .keys
            .iter()
            .filter(|k| !listed.contains(k.as_str()))
            .collect();
        assert!(
            unlisted.is_empty(),
            "keys read but not listed in i18n/keys.rs: {unlisted:?}"
        );
        for prefix in &all.prefixes {
            assert!(
                listed.iter().any(|k| k.starts_with(prefix.as_str())),
                "keys `{prefix}…` are read but none is listed in i18n/keys.rs"
            );
        }
        assert!(all.prefixes.contains("month_") && all.prefixes.contains("day_"));
        // A key passed through a variable (`let key = "ages_range"; s.fill(key, …)`, a table
        // of keys): every key of the shipped table written in such a file counts as read.
        let shipped = shipped();
        for (path, code) in &indirect_files {
            for key in &shipped {
                assert!(
                    !code.contains(&format!("\"{key}\"")) || listed.contains(key.as_str()),
                    "{path} reads `{key}` through a variable; list it in i18n/keys.rs"
                );
            }
        }
        assert!(
            indirect_files
                .iter()
                .any(|(p, _)| p.ends_with("lookup/mod.rs")),
            "{:?}",
            indirect_files.iter().map(|(p, _)| p).collect::<Vec<_>>()
        );
    }

    /// The shipped tables pass the checks they are held to.
    #[test]
    fn the_shipped_table_has_every_listed_key() {
        let shipped = shipped();
        assert!(shipped.len() > 100, "{shipped:?}");
        let missing: Vec<&str> = listed()
            .into_iter()
            .filter(|k| !shipped.contains(*k))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
