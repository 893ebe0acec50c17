//! Checks of location files: first the shape (keys, required fields, day names; `shape.rs`) on
//! the position-keeping YAML tree, then the typed parse, then the facts (municipalities exist,
//! phone numbers dial, ages make sense). What no single file can see is in `conflicts.rs`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::schema::{AreaEntry, LocationFile};
use super::shape::{mappings, shape};
use super::values::{has_markup, normalise_postcode, parse_ages};
use super::{Ages, Area, Coordinator, Location, phone, slug_of};
use crate::content::frontmatter::is_valid_slug;
use crate::diag::{Diagnostic, Source};
use crate::geo::{Geography, Municipality, Resolved, districts, fold};
use crate::messages::{Arg, Text};
use crate::t;
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
    errors.extend(tree::duplicate_keys(&src, &root));
    // A value `homestart new` left, or a key that is missing: the facts of the file would
    // only repeat them. Unknown keys and keys written twice are left out, and the rest of the
    // file is checked, so one run names every mistake.
    errors.extend(crate::content::placeholder::find(&src));
    let only_left_out =
        |d: &Diagnostic| matches!(d.code(), "yaml-unknown-key" | "yaml-duplicate-key");
    if !errors.iter().all(only_left_out) {
        return (None, errors);
    }
    let mut left_out = tree::repeated_entries(&root);
    for m in mappings(&root) {
        left_out.extend(m.node.entries_outside(m.known));
    }
    let text = crate::yaml::without(&src.text, 0..src.text.len(), &left_out);
    let parsed: LocationFile = match serde_yaml::from_str(&text) {
        Ok(p) => p,
        Err(e) if e.to_string().contains("untagged enum AreaEntry") => {
            let d = Diagnostic::error(t!("location-area-not-a-name"))
                .hint(t!("location-area-not-a-name.hint"));
            errors.push(crate::yaml::at_error(&src, 0, &e, d));
            return (None, errors);
        }
        Err(e) => {
            let what = crate::t!("yaml-what-location");
            errors.push(crate::yaml::from_error(
                &src,
                0..src.text.len(),
                &root,
                &e,
                &what,
            ));
            return (None, errors);
        }
    };
    let mut c = Checker {
        src: &src,
        root: &root,
        errors,
    };
    let loc = c.facts(parsed, geo);
    (loc.filter(|_| c.errors.is_empty()), c.errors)
}

struct Checker<'a> {
    src: &'a Arc<Source>,
    root: &'a Node,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: Text, hint: Text) {
        self.errors
            .push(Diagnostic::error(message).at(self.src, span).hint(hint));
    }

    /// Plain text only: a registry value never becomes markup, wherever it is shown. `what`
    /// names the field (`location-field`).
    fn text(&mut self, node: Option<&Node>, value: &str, what: Text) -> String {
        let span = node.map_or(0..0, Node::span);
        let value = value.trim();
        if value.is_empty() {
            self.error(
                span,
                t!("location-empty", what = what.clone()),
                t!("location-empty.hint", what = what),
            );
        } else if has_markup(value) {
            self.error(
                span,
                t!("location-markup", what = what),
                t!("location-markup.hint"),
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
                t!("location-email-invalid", email = value),
                t!("location-email-invalid.hint"),
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
                    t!("location-ages-invalid", ages = written, why = why),
                    t!("location-ages-invalid.hint"),
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
                t!("location-slug-invalid", slug = &slug),
                t!(
                    "location-slug-invalid.hint",
                    suggestion = crate::content::frontmatter::slugify(&slug)
                ),
            );
        }
        let name = self.text(root.get("name"), &f.name, t!("location-field.name"));
        let organisation = self.text(
            root.get("organisation"),
            &f.organisation,
            t!("location-field.organisation"),
        );
        let address = root.get("address");
        let street = self.text(
            address.and_then(|a| a.get("street")),
            &f.address.street,
            t!("location-field.street"),
        );
        let city = self.text(
            address.and_then(|a| a.get("city")),
            &f.address.city,
            t!("location-field.city"),
        );
        let postcode = match normalise_postcode(&f.address.postcode) {
            Some(p) => p,
            None => {
                self.error(
                    address.map_or(0..0, |a| a.value_span("postcode")),
                    t!(
                        "location-postcode-invalid",
                        postcode = f.address.postcode.trim()
                    ),
                    t!("location-postcode-invalid.hint"),
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
                    t!("location-field.coordinator-name"),
                ),
                phone: self.phone(node.and_then(|n| n.get("phone")), &c.phone),
                email: self.email(node.and_then(|n| n.get("email")), &c.email),
            });
        }
        if coordinators.is_empty() {
            self.error(
                root.value_span("coordinators"),
                t!("location-no-coordinator"),
                t!("location-no-coordinator.hint"),
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
                t!("location-no-municipality"),
                t!("location-no-municipality.hint"),
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
                let text = self.text(district_nodes.get(j), d, t!("location-field.district"));
                let Some(official) = self.district(&geo.municipalities[m], &text, at.clone())
                else {
                    continue;
                };
                if !folded.insert(fold(&official)) {
                    self.error(
                        at,
                        t!("location-district-twice", district = &text),
                        t!("location-district-twice.hint"),
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
                        Diagnostic::error(t!(
                            "location-municipality-twice",
                            municipality = &geo.municipalities[m].display
                        ))
                        .at(self.src, span.clone())
                        .related(self.src, prev.span.start)
                        .hint(t!("location-municipality-twice.hint")),
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
                t!("location-no-division", municipality = &muni.display),
                t!(
                    "location-no-division.hint",
                    municipality = &muni.display,
                    code = &muni.code
                ),
            );
            return None;
        }
        match districts::resolve(&muni.districts, written) {
            Ok(d) => Some(d.to_string()),
            Err(near) => {
                let all = muni.districts.join(", ");
                let hint = match near.as_slice() {
                    [] => t!(
                        "location-district-unknown.hint",
                        municipality = &muni.display,
                        districts = all
                    ),
                    [one] => t!(
                        "location-district-unknown.hint-typo",
                        suggestion = *one,
                        municipality = &muni.display,
                        districts = all
                    ),
                    many => t!(
                        "location-district-unknown.hint-typos",
                        suggestions = many
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        municipality = &muni.display,
                        districts = all
                    ),
                };
                self.error(
                    at,
                    t!(
                        "location-district-unknown",
                        district = written,
                        municipality = &muni.display
                    ),
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
                t!("location-municipality-ambiguous", written = written),
                t!(
                    "location-municipality-ambiguous.hint",
                    candidates = names(&list)
                ),
            ),
            Resolved::Merged(m) => self.error(
                span,
                t!(
                    "location-municipality-merged",
                    former = &m.former,
                    date = &m.date,
                    into = names(&m.into)
                ),
                if m.into.len() == 1 {
                    t!(
                        "location-municipality-merged.hint",
                        name = &geo.municipalities[m.into[0]].name
                    )
                } else {
                    t!("location-municipality-merged.hint-split")
                },
            ),
            Resolved::Unknown(near) => self.error(
                span,
                t!(
                    "location-municipality-unknown",
                    written = written,
                    year = geo.year
                ),
                if near.is_empty() {
                    t!("location-municipality-unknown.hint")
                } else {
                    t!(
                        "location-municipality-unknown.hint-typo",
                        names = either(&near)
                    )
                },
            ),
        }
        None
    }
}

/// `a`, `a` or `b`, `a` or `b` or `c`: names quoted and joined by the language's "or".
fn either(names: &[String]) -> Arg {
    match names {
        [] => Arg::Str(String::new()),
        [one] => Arg::Str(format!("`{one}`")),
        [first, rest @ ..] => t!(
            "location-municipality-unknown.or",
            first = format!("`{first}`"),
            rest = either(rest)
        )
        .into(),
    }
}
