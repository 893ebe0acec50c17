//! The place and postcode tables behind the lookup: checked against the division when the
//! site builds, and replaced only by an import that reads cleanly.

use crate::common::{Site, assert_has, homestart};

fn site() -> Site {
    Site::with_project("registry")
}

#[test]
fn bad_rows_in_the_place_tables_are_located() {
    let err = crate::common::broken(site(), |s| {
        let places = std::fs::read_to_string(s.root().join("geo/places.csv")).unwrap();
        s.write(
            "geo/places.csv",
            &places.replacen("Maarssen,GM1904", "Maarssen,GM9999", 1),
        );
        s.write(
            "geo/postcodes.csv",
            "postcode,municipalities\n3511,GM0344\n\n351,GM0344\n3512,\n",
        );
    });
    let line = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geo/places.csv"),
    )
    .unwrap()
    .lines()
    .position(|l| l == "Maarssen,GM1904")
    .unwrap()
        + 1;
    assert_has(
        &err,
        &[
            &format!("geo/places.csv:{line}:1"),
            "`GM9999` (for `Maarssen`) is not a municipality code of 2026",
            "geo/postcodes.csv:4:1",
            "`351` is not a Dutch postcode",
            "geo/postcodes.csv:5:1",
            "`3512` has no municipality",
        ],
    );
}

#[test]
fn import_reads_official_shapes_and_writes_only_when_clean() {
    let s = site();
    let input = s.root().join("woonplaatsen.csv");
    // CBS-style: semicolons, Dutch headers, a place listed once per municipality.
    std::fs::write(
        &input,
        "Woonplaats;Gemeentecode\nMaarssen;1904\nHengelo;0164\nHengelo;1876\n",
    )
    .unwrap();
    let postcodes = s.root().join("pc4.csv");
    std::fs::write(
        &postcodes,
        "pc4,statcodes_by_name,statcodes_by_point\n3511,GM0344,GM0344\n1096,GM0363,GM0363|GM0437\n",
    )
    .unwrap();
    let run = homestart(
        s.root(),
        &[
            "import-places",
            "--places",
            input.to_str().unwrap(),
            "--postcodes",
            postcodes.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let places = std::fs::read_to_string(s.root().join("geo/places.csv")).unwrap();
    assert_eq!(
        places,
        "place,municipalities\nHengelo,GM0164|GM1876\nMaarssen,GM1904\n"
    );
    let pcs = std::fs::read_to_string(s.root().join("geo/postcodes.csv")).unwrap();
    assert_eq!(
        pcs,
        "postcode,municipalities\n1096,GM0363|GM0437\n3511,GM0344\n"
    );
    assert!(
        s.build(&[]).code == 0,
        "the site builds with the new tables"
    );

    // A code of a municipality that no longer exists: nothing is written.
    std::fs::write(&input, "place,statcode\nWeesp,GM0457\n").unwrap();
    let run = homestart(
        s.root(),
        &["import-places", "--places", input.to_str().unwrap()],
    );
    assert_eq!(run.code, 1);
    assert_has(
        &run.stderr,
        &[
            "woonplaatsen.csv:2:1",
            "`GM0457` (for `Weesp`) is not a municipality code of 2026",
            "nothing in geo/ was changed",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(s.root().join("geo/places.csv")).unwrap(),
        places
    );
}
