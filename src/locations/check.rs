//! Checks of location files: first the shape (keys, required fields, day names) on the
//! position-keeping YAML tree, then the typed parse, then the facts (municipalities exist,
//! phone numbers dial, ages make sense). What no single file can see is in `conflicts.rs`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::schema::{self, AreaEntry, LocationFile, Weekday};
use super::values::{has_markup, normalise_postcode, parse_ages};
use super::{Ages, Area, Coordinator, Location, phone, slug_of};
use crate::content::frontmatter::is_valid_slug;
use crate::diag::{Diagnostic, Source, suggest};
use crate::geo::{Geography, Municipality, Resolved, districts, fold};
use crate::messages::Text;
use crate::yaml::tree::{self, Node};

/// Checks one file; returns the location if it had no errors, and every problem found.
pub fn file(src: Arc<Source>, geo: &Geography) -> (Option<Location>, Vec<Diagnostic>) {
    let tabs = crate::yaml::check_tabs(&src, 0..src.text.len());
    if !tabs.is_empty() {
        return (None, tabs);
    }
    let root = match tree::parse(&src, 0..src.text.len()) {
        Ok(r) => r,
        Err(d) => return (None, vec![d]),
    };
    let mut errors = shape(&src, &root);
    // A value `homestart new` left: the facts of an unfinished file would only repeat it.
    errors.extend(crate::content::placeholder::find(&src));
    if !errors.is_empty() {
        return (None, errors);
    }
    let parsed: LocationFile = match serde_yaml::from_str(&src.text) {
        Ok(p) => p,
        Err(e) if e.to_string().contains("untagged enum AreaEntry") => {
            let d = Diagnostic::error("this entry of `municipalities` is not a municipality name")
                .hint("write a name like `  - Utrecht`, or `  - municipality: Utrecht` with `districts:` or `ages:` below it");
            return (None, vec![crate::yaml::at_error(&src, 0, &e, d)]);
        }
        Err(e) => {
            return (
                None,
                vec![crate::yaml::from_error(
                    &src,
                    0,
                    &e,
                    crate::t!("yaml-what-location"),
                )],
            );
        }
    };
    let mut c = Checker {
        src: &src,
        root: &root,
        errors: Vec::new(),
    };
    let loc = c.facts(parsed, geo);
    (loc.filter(|_| c.errors.is_empty()), c.errors)
}

/// Unknown and missing keys, and day names, at every level.
fn shape(src: &Arc<Source>, root: &Node) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if !matches!(root, Node::Map { .. }) {
        return vec![
            Diagnostic::error("a location file must be a list of `key: value` lines")
                .at(src, root.span())
                .hint("start from an existing file in locations/, or run `homestart new location NAME`"),
        ];
    }
    errors.extend(root.unknown_keys(src, schema::TOP_KEYS, "a location file"));
    errors.extend(missing(src, root, schema::TOP_REQUIRED, "this location"));
    if let Some(address) = root.get("address") {
        errors.extend(address.unknown_keys(src, schema::ADDRESS_KEYS, "the address"));
        errors.extend(missing(src, address, schema::ADDRESS_KEYS, "the address"));
    }
    for c in root
        .get("coordinators")
        .map(Node::items)
        .unwrap_or_default()
    {
        errors.extend(c.unknown_keys(src, schema::COORDINATOR_KEYS, "a coordinator"));
        errors.extend(missing(
            src,
            c,
            schema::COORDINATOR_KEYS,
            "this coordinator",
        ));
    }
    for m in root
        .get("municipalities")
        .map(Node::items)
        .unwrap_or_default()
    {
        match m {
            Node::Map { .. } => {
                errors.extend(m.unknown_keys(src, schema::AREA_KEYS, "a municipality entry"));
                errors.extend(missing(
                    src,
                    m,
                    schema::AREA_REQUIRED,
                    "this municipality entry",
                ));
            }
            Node::Scalar { text, quoted, .. }
                if *quoted || !matches!(text.trim(), "" | "~" | "null" | "Null" | "NULL") => {}
            _ => errors.push(
                Diagnostic::error("this entry of `municipalities` is not a municipality name")
                    .at(src, m.span())
                    .hint("write one name per line, like `  - Utrecht`, or `  - municipality: Utrecht` with `districts:` or `ages:` below it"),
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
            let d =
                Diagnostic::error(format!("`{text}` is not a day of the week")).at(src, day.span());
            errors.push(match suggest(&lower, Weekday::NAMES) {
                Some(s) => d.hint(format!("did you mean `{s}`?")),
                None => d.hint(format!(
                    "write Dutch day names: {}",
                    Weekday::NAMES.join(", ")
                )),
            });
        }
    }
    errors
}

fn missing(src: &Arc<Source>, node: &Node, required: &[&str], what: &str) -> Vec<Diagnostic> {
    let Node::Map { span, .. } = node else {
        return Vec::new();
    };
    required
        .iter()
        .filter(|k| node.entry(k).is_none())
        .map(|k| {
            Diagnostic::error(format!("{what} has no `{k}`"))
                .at(src, span.start..span.start)
                .hint(format!("add a line `{k}: {}`", example(k)))
        })
        .collect()
}

fn example(key: &str) -> &'static str {
    match key {
        "name" => "Home-Start Voorbeeld",
        "organisation" => "Stichting Welzijn Voorbeeld",
        "address" => "` with `street:`, `postcode:` and `city:` below it",
        "street" => "Voorbeeldstraat 1",
        "postcode" => "1234 AB",
        "city" => "Utrecht",
        "phone" => "030 123 45 67",
        "email" => "naam@voorbeeld.nl",
        "opening_days" => "[maandag, dinsdag, donderdag]",
        "ages" => "0-6",
        "coordinators" => "` with a list of coordinators (name, phone, email)",
        "municipalities" => "` with a list of municipality names",
        "municipality" => "Utrecht",
        _ => "…",
    }
}

struct Checker<'a> {
    src: &'a Arc<Source>,
    root: &'a Node,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: String, hint: impl Into<Text>) {
        self.errors
            .push(Diagnostic::error(message).at(self.src, span).hint(hint));
    }

    /// Plain text only: a registry value never becomes markup, wherever it is shown.
    fn text(&mut self, node: Option<&Node>, value: &str, what: &str) -> String {
        let span = node.map_or(0..0, Node::span);
        let value = value.trim();
        if value.is_empty() {
            self.error(
                span,
                format!("{what} is empty"),
                format!("write the {what}"),
            );
        } else if has_markup(value) {
            self.error(
                span,
                format!("{what} contains HTML or script"),
                "write plain text: the site does the formatting, and shows `<` and `>` literally",
            );
        }
        value.to_string()
    }

    fn phone(&mut self, node: Option<&Node>, written: &str) -> phone::Phone {
        match phone::parse(written) {
            Ok(p) => p,
            Err(e) => {
                let span = node.map_or(0..0, Node::span);
                // A mistake at one spot (a letter) is pointed at where it is in the file.
                let spot = e.at.as_ref().and_then(|at| {
                    let base = span.start + self.src.text.get(span.clone())?.find(written)?;
                    Some(base + at.start..base + at.end)
                });
                self.error(spot.unwrap_or(span), e.message, e.hint);
                phone::Phone {
                    written: written.to_string(),
                    display: written.to_string(),
                    e164: String::new(),
                }
            }
        }
    }

    fn email(&mut self, node: Option<&Node>, written: &str) -> String {
        let value = written.trim();
        let domain_ok = value
            .rsplit_once('@')
            .is_some_and(|(_, d)| d.contains('.') && !d.ends_with('.'));
        if !email_address::EmailAddress::is_valid(value) || !domain_ok {
            self.error(
                node.map_or(0..0, Node::span),
                format!("`{value}` is not an e-mail address"),
                "write it as name@organisation.nl",
            );
        }
        value.to_string()
    }

    fn ages(&mut self, node: Option<&Node>, written: &str, pregnancy: bool) -> Ages {
        match parse_ages(written) {
            Ok((from, to)) => Ages {
                from,
                to,
                pregnancy,
            },
            Err(why) => {
                self.error(
                    node.map_or(0..0, Node::span),
                    format!("`{written}` is not a possible age range: {why}"),
                    "write the youngest and oldest age in years, e.g. 0-6 (core programme), 0-14 or 0-17",
                );
                Ages {
                    from: 0,
                    to: 6,
                    pregnancy,
                }
            }
        }
    }

    fn facts(&mut self, f: LocationFile, geo: &Geography) -> Option<Location> {
        let root = self.root;
        let slug = slug_of(self.src).to_string();
        if !is_valid_slug(&slug) {
            self.error(
                0..0,
                format!("file name `{slug}` cannot be used in a web address"),
                format!(
                    "rename the file to lowercase letters, digits and hyphens, e.g. {}.yaml",
                    crate::content::frontmatter::slugify(&slug)
                ),
            );
        }
        let name = self.text(root.get("name"), &f.name, "the location's name");
        let organisation = self.text(
            root.get("organisation"),
            &f.organisation,
            "the organisation",
        );
        let address = root.get("address");
        let street = self.text(
            address.and_then(|a| a.get("street")),
            &f.address.street,
            "the street",
        );
        let city = self.text(
            address.and_then(|a| a.get("city")),
            &f.address.city,
            "the city",
        );
        let postcode = match normalise_postcode(&f.address.postcode) {
            Some(p) => p,
            None => {
                self.error(
                    address.map_or(0..0, |a| a.value_span("postcode")),
                    format!("`{}` is not a Dutch postcode", f.address.postcode.trim()),
                    "write four digits and two letters, e.g. 3511 AB",
                );
                String::new()
            }
        };
        let nodes = root
            .get("coordinators")
            .map(Node::items)
            .unwrap_or_default();
        let mut coordinators = Vec::new();
        for (i, c) in f.coordinators.iter().enumerate() {
            let node = nodes.get(i);
            coordinators.push(Coordinator {
                name: self.text(
                    node.and_then(|n| n.get("name")),
                    &c.name,
                    "the coordinator's name",
                ),
                phone: self.phone(node.and_then(|n| n.get("phone")), &c.phone),
                email: self.email(node.and_then(|n| n.get("email")), &c.email),
            });
        }
        if coordinators.is_empty() {
            self.error(
                root.value_span("coordinators"),
                "a location needs at least one coordinator".into(),
                "families and referrers need someone to call: add a coordinator with name, phone and email",
            );
        }
        let phone = match &f.phone {
            Some(p) => Some(self.phone(root.get("phone"), p)),
            None => coordinators.first().map(|c| c.phone.clone()),
        };
        let email = match &f.email {
            Some(e) => Some(self.email(root.get("email"), e)),
            None => coordinators.first().map(|c| c.email.clone()),
        };
        let pregnancy = f.pregnancy.unwrap_or(true);
        let ages = self.ages(root.get("ages"), &f.ages, pregnancy);
        let mut opening_days = f.opening_days.clone();
        opening_days.sort();
        opening_days.dedup();
        let areas = self.areas(&f, ages, geo);
        Some(Location {
            slug,
            name,
            organisation,
            street,
            postcode,
            city,
            phone: phone?,
            email: email?,
            opening_days,
            coordinators,
            areas,
            source: self.src.clone(),
        })
    }

    fn areas(&mut self, f: &LocationFile, ages: Ages, geo: &Geography) -> Vec<Area> {
        let nodes = self
            .root
            .get("municipalities")
            .map(Node::items)
            .unwrap_or_default();
        if f.municipalities.is_empty() {
            self.error(
                self.root.value_span("municipalities"),
                "a location must serve at least one municipality".into(),
                "list the municipalities, e.g. `municipalities: [Utrecht, Zeist]`",
            );
        }
        let mut areas: Vec<Area> = Vec::new();
        // Municipality → its first entry here, so a long list stays linear.
        let mut first_area: HashMap<usize, usize> = HashMap::new();
        for (i, entry) in f.municipalities.iter().enumerate() {
            let node = nodes.get(i);
            let (written, name_node, districts, own_ages, own_preg) = match entry {
                AreaEntry::Name(n) => (n.as_str(), node, Vec::new(), None, None),
                AreaEntry::Detailed(a) => (
                    a.municipality.as_str(),
                    node.and_then(|n| n.get("municipality")),
                    a.districts.clone(),
                    a.ages.as_deref(),
                    a.pregnancy,
                ),
            };
            let span = name_node.map_or(0..0, Node::span);
            let Some(m) = self.municipality(written, span.clone(), geo) else {
                continue;
            };
            let pregnancy = own_preg.unwrap_or(ages.pregnancy);
            let ages = match own_ages {
                Some(a) => self.ages(node.and_then(|n| n.get("ages")), a, pregnancy),
                None => Ages { pregnancy, ..ages },
            };
            let district_nodes = node
                .and_then(|n| n.get("districts"))
                .map(Node::items)
                .unwrap_or_default();
            let mut clean = Vec::new();
            let mut folded = HashSet::new();
            for (j, d) in districts.iter().enumerate() {
                let at = district_nodes.get(j).map_or(span.clone(), Node::span);
                let text = self.text(district_nodes.get(j), d, "the district name");
                let Some(official) = self.district(&geo.municipalities[m], &text, at.clone())
                else {
                    continue;
                };
                if !folded.insert(fold(&official)) {
                    self.error(
                        at,
                        format!("district `{text}` is listed twice"),
                        "remove one of them",
                    );
                }
                clean.push(official);
            }
            if !districts.is_empty() && clean.is_empty() {
                // Every district was wrong (and reported): serving the whole municipality
                // instead would be a wrong answer.
                continue;
            }
            if let Some(prev) = first_area.get(&m).map(|&i| &areas[i]) {
                let both_split = !prev.districts.is_empty() && !clean.is_empty();
                if !both_split {
                    self.errors.push(
                        Diagnostic::error(format!(
                            "{} is listed twice in this location",
                            geo.municipalities[m].display
                        ))
                        .at(self.src, span.clone())
                        .related(self.src, prev.span.start)
                        .hint("list each municipality once; use `districts:` to name parts of it"),
                    );
                }
            }
            first_area.entry(m).or_insert(areas.len());
            areas.push(Area {
                municipality: m,
                districts: clean,
                ages,
                span,
            });
        }
        areas
    }

    /// The official name of a district written for `muni`, or an error with the nearest.
    fn district(&mut self, muni: &Municipality, written: &str, at: Range<usize>) -> Option<String> {
        if muni.districts.is_empty() {
            self.error(
                at,
                format!("{} has no district division in geo/districts.csv", muni.display),
                format!(
                    "add its districts as {} names them, one row each, e.g. `{},Centrum`; or serve the whole municipality without `districts:`",
                    muni.display, muni.code
                ),
            );
            return None;
        }
        match districts::resolve(&muni.districts, written) {
            Ok(d) => Some(d.to_string()),
            Err(near) => {
                let all = muni.districts.join(", ");
                let hint = match near.as_slice() {
                    [] => format!("the districts of {} are: {all}", muni.display),
                    [one] => format!(
                        "did you mean `{one}`? The districts of {} are: {all}",
                        muni.display
                    ),
                    many => format!(
                        "did you mean one of {}? The districts of {} are: {all}",
                        many.iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        muni.display
                    ),
                };
                self.error(
                    at,
                    format!("`{written}` is not a district of {}", muni.display),
                    hint,
                );
                None
            }
        }
    }

    fn municipality(
        &mut self,
        written: &str,
        span: Range<usize>,
        geo: &Geography,
    ) -> Option<usize> {
        let names = |list: &[usize]| -> String {
            list.iter()
                .map(|&i| {
                    format!(
                        "{} ({})",
                        geo.municipalities[i].name, geo.municipalities[i].code
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        match geo.resolve(written) {
            Resolved::One(i) => return Some(i),
            Resolved::Ambiguous(list) => self.error(
                span,
                format!("`{written}` is the name of more than one municipality"),
                format!("write which one you mean: {}", names(&list)),
            ),
            Resolved::Merged(m) => self.error(
                span,
                format!(
                    "municipality `{}` no longer exists: since {} it is part of {}",
                    m.former,
                    m.date,
                    names(&m.into)
                ),
                if m.into.len() == 1 {
                    format!("write `{}` instead", geo.municipalities[m.into[0]].name)
                } else {
                    "it was split: write the municipality (or municipalities) that now hold the villages served".to_string()
                },
            ),
            Resolved::Unknown(near) => self.error(
                span,
                format!("`{written}` is not a municipality of {}", geo.year),
                if near.is_empty() {
                    "use the CBS name or code (e.g. `Utrecht` or `GM0344`); the list is in geo/municipalities.geojson".to_string()
                } else {
                    format!("did you mean {}?", near.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" or "))
                },
            ),
        }
        None
    }
}
