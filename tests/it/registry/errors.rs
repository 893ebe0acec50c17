//! Each kind of bad input in a location file: the position, the hint, a non-zero exit and
//! the old output untouched (the failure contract of `common::broken`).

use super::{HAAG, OOST, WEST, broken, registry_site};
use crate::common::assert_has;

#[test]
fn translation_that_drops_a_placeholder_is_refused() {
    let err = broken(|s| {
        s.edit(
            "i18n/en.yaml",
            "and the number {phone}, and",
            "and the number, and",
        )
    });
    let line = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/en.yaml"),
    )
    .unwrap()
    .lines()
    .position(|l| l.starts_with("referral_step_2:"))
    .unwrap()
        + 1;
    assert_has(
        &err,
        &[
            &format!("i18n/en.yaml:{line}:18"),
            "`referral_step_2` must contain {phone} like i18n/nl.yaml, but has no placeholders",
            "keep every {name}",
        ],
    );
}

#[test]
fn unknown_municipality_suggests_the_nearest_name() {
    let err = broken(|s| {
        s.edit(
            WEST,
            "  - municipality: utrecht",
            "  - municipality: Utrech",
        )
    });
    assert_has(
        &err,
        &[
            &format!("{WEST}:18:19"),
            "`Utrech` is not a municipality of 2026",
            "did you mean `Utrecht`",
        ],
    );
}

#[test]
fn ambiguous_municipality_lists_the_candidates() {
    let err = broken(|s| s.edit(WEST, "  - GM0356", "  - Bergen"));
    assert_has(
        &err,
        &[
            &format!("{WEST}:20:5"),
            "`Bergen` is the name of more than one municipality",
            "Bergen (NH.) (GM0373)",
            "Bergen (L.) (GM0893)",
        ],
    );
}

#[test]
fn registry_needs_its_sections() {
    let err = broken(|s| s.remove("content/nl/locaties/_index.md"));
    assert_has(
        &err,
        &[
            "site.yaml",
            "registry.locations: no section `locaties/_index` in the default language",
            "create content/nl/locaties/_index.md",
        ],
    );
}

#[test]
fn merged_municipality_names_its_successor() {
    let err = broken(|s| s.edit(WEST, "  - GM0356", "  - Weesp"));
    assert_has(
        &err,
        &[
            &format!("{WEST}:20:5"),
            "`Weesp` no longer exists",
            "since 2022-03-24",
            "write `Amsterdam` instead",
        ],
    );
    let err = broken(|s| s.edit(WEST, "  - GM0356", "  - haaren"));
    assert_has(
        &err,
        &[
            "`Haaren` no longer exists",
            "Boxtel (GM0757)",
            "Tilburg (GM0855)",
            "it was split",
        ],
    );
}

#[test]
fn municipality_claimed_twice() {
    let err = broken(|s| s.edit(HAAG, "  - Rijswijk", "  - Rijswijk\n  - Zeist"));
    assert_has(
        &err,
        &[
            &format!("{OOST}:16:5"),
            "Zeist is claimed by both Home-Start Haaglanden and Home-Start Utrecht Oost",
            &format!("see also: {HAAG}:17:5"),
            "districts:",
        ],
    );
    // The same error in the edited file too, at its own entry, naming the other: a pull
    // request that changed only Haaglanden is annotated there.
    assert_has(
        &err,
        &[&format!("{HAAG}:17:5"), &format!("see also: {OOST}:16:5")],
    );
    assert_eq!(err.matches("Zeist is claimed by both").count(), 2, "{err}");
    let err = broken(|s| s.edit(WEST, "[West, Leidsche Rijn]", "[West, oost]"));
    assert_has(
        &err,
        &[
            "district `Oost` of Utrecht is claimed by both",
            "each district belongs to one location",
            &format!("{WEST}:"),
            &format!("{OOST}:"),
        ],
    );
    assert_eq!(
        err.matches("district `Oost` of Utrecht is claimed by both")
            .count(),
        2,
        "{err}"
    );
}

#[test]
fn hengelo_claimed_by_two_files_is_an_error_in_each() {
    let err = broken(|s| {
        s.edit(HAAG, "  - Rijswijk", "  - Rijswijk\n  - Hengelo");
        s.edit(OOST, "  - Zeist", "  - Zeist\n  - Hengelo");
    });
    assert_eq!(
        err.matches("Hengelo is claimed by both").count(),
        2,
        "{err}"
    );
    assert_has(&err, &[&format!("{HAAG}:17:5"), &format!("{OOST}:17:5")]);
}

#[test]
fn districts_are_checked_against_the_division() {
    let err = broken(|s| {
        s.edit(
            WEST,
            "[West, Leidsche Rijn]",
            "[West, Leidse Rijn, Hoevelakn]",
        );
    });
    assert_has(
        &err,
        &[
            &format!("{WEST}:19:23"),
            "`Leidse Rijn` is not a district of Utrecht",
            "did you mean `Leidsche Rijn`?",
            &format!("{WEST}:19:36"),
            "`Hoevelakn` is not a district of Utrecht",
            "the districts of Utrecht are: Binnenstad, Leidsche Rijn, Noordoost",
        ],
    );
    // Written in other case and spacing, a district is the official one: no error, and the
    // site shows the official spelling.
    let s = registry_site();
    s.edit(WEST, "[West, Leidsche Rijn]", "[west, leidsche  rijn]");
    assert_eq!(s.build(&[]).code, 0);
    assert!(
        s.read("gemeenten/utrecht/index.html")
            .contains("West, Leidsche Rijn")
    );
}
#[test]
fn bad_phone_numbers() {
    let err = broken(|s| {
        s.edit(WEST, "phone: 030 123 45 67", "phone: 12345");
        s.edit(OOST, "phone: 030-2714560", "phone: +32 2 123 45 67");
    });
    assert_has(
        &err,
        &[
            &format!("{WEST}:7:8"),
            "`12345` is not a valid Dutch phone number",
            &format!("{OOST}:11:12"),
            "`+32 2 123 45 67` is not a Dutch phone number",
            "e.g. 030 123 45 67",
        ],
    );
}

/// A letter is never published as another digit: refused at its column, with the digit it
/// looks like; a number in a range no operator uses says which start is not in use.
#[test]
fn letters_and_unused_ranges_in_phone_numbers() {
    let err = broken(|s| {
        s.edit(WEST, "phone: 030 123 45 67", "phone: 030 123 45 6l");
        s.edit(OOST, "phone: 030-2714560", "phone: 06 98 76 54 32");
    });
    assert_has(
        &err,
        &[
            &format!("{WEST}:7:20"),
            "`030 123 45 6l` has the letter `l` where a phone number has digits",
            "did you mean the digit `1`?",
            &format!("{OOST}:11:12"),
            "`06 98 76 54 32` is not a valid Dutch phone number: no Dutch number starts with 06 9 …",
        ],
    );
    assert!(!err.contains("with its area code"), "{err}");
}

#[test]
fn impossible_age_ranges() {
    let err = broken(|s| {
        s.edit(WEST, "ages: 0-6", "ages: 6-0");
        s.edit(OOST, "ages: 0-17", "ages: 0-25");
    });
    assert_has(
        &err,
        &[
            &format!("{WEST}:9:7"),
            "`6-0` is not a possible age range: the youngest age is above the oldest",
            "`0-25` is not a possible age range",
            "e.g. 0-6",
        ],
    );
}

#[test]
fn missing_field_and_unknown_key() {
    let err = broken(|s| {
        s.edit(WEST, "    email: bram@home-start.example\n", "");
        s.edit(OOST, "    email: anna@", "    emial: anna@");
    });
    assert_has(
        &err,
        &[
            &format!("{WEST}:11:5"),
            "this coordinator has no `email`",
            "add a line `email: ",
            &format!("{OOST}:12:5"),
            "unknown key `emial` in a coordinator",
            "did you mean `email`?",
        ],
    );
}

#[test]
fn empty_list_entry_is_named() {
    let err = broken(|s| s.edit(HAAG, "  - Rijswijk", "  -"));
    assert_has(
        &err,
        &[
            &format!("{HAAG}:16:4"),
            "is not a municipality name",
            "one name per line",
        ],
    );
}

#[test]
fn duplicate_location() {
    let err = broken(|s| {
        let text = std::fs::read_to_string(s.root().join(HAAG)).unwrap();
        let copy = text.replace(
            "  - Den Haag\n  - Rijswijk\n  - Leidschendam-Voorburg\n",
            "  - Delft\n",
        );
        s.write("locations/haaglanden-kopie.yaml", &copy);
    });
    assert_has(
        &err,
        &[
            "locations/haaglanden.yaml:1:7",
            "location `Home-Start Haaglanden` is registered twice",
            "see also: locations/haaglanden-kopie.yaml:1:7",
            "merge the two",
            // And in the new file, which is the one a pull request adds.
            "locations/haaglanden-kopie.yaml:1:7: location `Home-Start Haaglanden` is registered twice",
            "see also: locations/haaglanden.yaml:1:7",
        ],
    );
}

#[test]
fn invalid_email() {
    let err = broken(|s| s.edit(OOST, "anna@home-start.example", "anna(at)home-start"));
    assert_has(
        &err,
        &[
            &format!("{OOST}:12:12"),
            "`anna(at)home-start` is not an e-mail address",
        ],
    );
}

#[test]
fn yaml_syntax_error() {
    let err = broken(|s| {
        s.edit(
            HAAG,
            "name: Home-Start Haaglanden",
            "name: [Home-Start Haaglanden",
        )
    });
    assert_has(
        &err,
        &[
            &format!("{HAAG}:1:7"),
            "the list that starts with [ here is not closed with ]",
        ],
    );
}

#[test]
fn html_in_a_registry_field_is_refused() {
    let err = broken(|s| {
        s.edit(
            HAAG,
            "name: Home-Start Haaglanden",
            "name: \"</script><script>alert(1)</script>\"",
        );
        s.edit(
            WEST,
            "[West, Leidsche Rijn]",
            "[West, '\"><img src=x onerror=alert(1)>']",
        );
    });
    assert_has(
        &err,
        &[
            &format!("{HAAG}:1:7"),
            "the location's name contains HTML or script",
            &format!("{WEST}:19:23"),
            "the district name contains HTML or script",
            "write plain text",
        ],
    );
}

#[test]
fn every_error_of_every_file_in_one_run() {
    let err = broken(|s| {
        s.edit(
            WEST,
            "  - municipality: utrecht",
            "  - municipality: Utrech",
        );
        s.edit(WEST, "phone: 030 123 45 67", "phone: 12345");
        s.edit(OOST, "postcode: 3581ab", "postcode: 358 AB");
        s.write("content/nl/kapot.md", "---\ntitel: x\n---\n");
    });
    assert_has(
        &err,
        &[
            "Utrech",
            "12345",
            "`358 AB` is not a Dutch postcode",
            "content/nl/kapot.md:2:1",
            "4 errors",
        ],
    );
}
