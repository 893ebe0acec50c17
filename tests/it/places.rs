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
    .position(|l| l.starts_with("Maarssen,GM1904,"))
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

/// The shipped tables, measured against the shipped boundaries (not against the codes the
/// tables give): every municipality a row names contains the row's position or lies within
/// the stated distance of it.
#[test]
fn shipped_rows_lie_in_or_near_every_municipality_they_name() {
    use homestart::geo::places::locate::{Locator, NEAR_KM};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let geo = homestart::geo::load(root).expect("the shipped division loads");
    let locator = Locator::new(&geo);
    for (file, at_least) in [("geo/postcodes.csv", 4000), ("geo/places.csv", 2800)] {
        let mut reader = csv::Reader::from_path(root.join(file)).unwrap();
        let mut rows = 0;
        for record in reader.records() {
            let r = record.unwrap();
            let (lat, lon): (f64, f64) = (r[2].parse().unwrap(), r[3].parse().unwrap());
            let at = locator.grid([lon, lat]).unwrap();
            for code in r[1].split('|') {
                let m = geo.by_code(code).unwrap();
                let km = locator.km_to(m, at);
                assert!(
                    km <= NEAR_KM,
                    "{file}: {} at {lat}, {lon} lies {km:.1} km from {code}",
                    &r[0]
                );
            }
            rows += 1;
        }
        assert!(rows >= at_least, "{file}: {rows} rows");
    }
}

/// The postcodes that answered wrongly: each answers with the municipality it lies in, or the
/// lookup says it does not know it. Never a municipality elsewhere in the country.
#[test]
fn reported_postcodes_answer_right_or_not_at_all() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let geo = homestart::geo::load(root).unwrap();
    let answer = |code: u16| -> Option<Vec<&str>> {
        let p = geo.places.postcodes.iter().find(|p| p.code == code)?;
        Some(
            p.municipalities
                .iter()
                .map(|&m| geo.municipalities[m].name.as_str())
                .collect(),
        )
    };
    // Answered, and only with the right municipality.
    assert_eq!(answer(9999).unwrap(), ["Het Hogeland"]);
    assert_eq!(answer(3523).unwrap(), ["Utrecht"]);
    assert_eq!(answer(3921).unwrap(), ["Rhenen"]);
    assert_eq!(answer(2324).unwrap(), ["Leiden"]);
    // Known only from rows that carry another place's position: not known, or right.
    for (code, around) in [
        (5217, &["'s-Hertogenbosch"][..]),
        (1954, &["Velsen", "Beverwijk", "Heemskerk"][..]),
        (1234, &["Wijdemeren"][..]),
    ] {
        if let Some(names) = answer(code) {
            assert!(
                names.iter().all(|n| around.contains(n)),
                "{code}: {names:?}"
            );
        }
    }
}

#[test]
fn import_derives_municipalities_from_positions_and_reports_what_it_left_out() {
    let s = site();
    let pc = s.root().join("geonames-pc4.csv");
    // Four Den Bosch postcodes; 5217 with The Hague's centre (accuracy 0); 9999 with
    // Roermond's (accuracy 4) beside two area-centred rows in Het Hogeland.
    std::fs::write(
        &pc,
        "pc4,place_name,province,lat,lon,accuracy\n\
         5211,'s-Hertogenbosch,North Brabant,51.6893,5.3035,6.0\n\
         5212,'s-Hertogenbosch,North Brabant,51.697,5.309,6.0\n\
         5216,'s-Hertogenbosch,North Brabant,51.6819,5.3224,6.0\n\
         5217,'s-Gravenhage,South Holland,52.0983,4.2828,0.0\n\
         9999,Stitswerd,Groningen,53.3603,6.5982,6.0\n\
         9999,Kantens,Groningen,53.3507,6.6023,6.0\n\
         9999,Roermond,Limburg,51.1934,5.988,4.0\n\
         9998,Rottum,Groningen,53.3707,6.5811,6.0\n",
    )
    .unwrap();
    let towns = s.root().join("geonames-places.csv");
    std::fs::write(
        &towns,
        "place,statcode,geonames_admin2,lat,lon,population\n\
         Elst,GM1734,Gemeente Overbetuwe,51.91917,5.84167,11000\n",
    )
    .unwrap();
    let read = |rel: &str| std::fs::read_to_string(s.root().join(rel)).unwrap();
    let before = read("geo/postcodes.csv");
    let args = |pc: &std::path::Path| {
        vec![
            "import-places".to_string(),
            "--places".into(),
            towns.to_str().unwrap().into(),
            "--postcodes".into(),
            pc.to_str().unwrap().into(),
        ]
    };
    let argv = args(&pc);
    let run = homestart(
        s.root(),
        &argv.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_has(
        &run.stdout,
        &[
            "8 rows read, 6 used, 2 left out",
            "line 5: 5217 's-Gravenhage: a place's centre, not the postcode's; 84 km",
            "line 8: 9999 Roermond: a place's centre",
            "postcodes the lookup will say it does not know (1): 5217",
        ],
    );
    let table = read("geo/postcodes.csv");
    assert!(
        table.starts_with("postcode,municipalities,lat,lon\n5211,GM0796,51.6893,5.3035\n"),
        "{table}"
    );
    assert!(!table.contains("5217"), "{table}");
    assert_eq!(table.matches("9999,GM1966,").count(), 2, "{table}");
    let places = read("geo/places.csv");
    assert!(
        places.contains("\nElst,GM1734,51.91917,5.84167\n"),
        "{places}"
    );
    assert!(
        places.contains("\nStitswerd,GM1966,53.3603,6.5982\n"),
        "{places}"
    );
    assert!(
        !places.contains("Roermond"),
        "a dropped row names no town: {places}"
    );
    assert_eq!(s.build(&[]).code, 0, "the site builds with the new tables");

    // A latitude that is not one: an error at its column, and nothing written.
    std::fs::write(
        &pc,
        "pc4,place_name,lat,lon,accuracy\n5211,X,5l.6893,5.3035,6\n",
    )
    .unwrap();
    let argv = args(&pc);
    let run = homestart(
        s.root(),
        &argv.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 1);
    assert_has(
        &run.stderr,
        &[
            "geonames-pc4.csv:2:8",
            "`5l.6893` is not a latitude",
            "nothing in geo/ was changed",
        ],
    );
    assert_ne!(read("geo/postcodes.csv"), before);
    assert_eq!(read("geo/postcodes.csv"), table);
}

#[test]
fn the_build_refuses_a_row_placed_far_from_what_it_names() {
    let err = crate::common::broken(site(), |s| {
        let read = |rel: &str| std::fs::read_to_string(s.root().join(rel)).unwrap();
        let pcs = read("geo/postcodes.csv");
        // 5216 moved to The Hague's centre (the source's mistake for 5217).
        let row = pcs
            .lines()
            .find(|l| l.starts_with("5216,"))
            .unwrap()
            .to_string();
        s.write(
            "geo/postcodes.csv",
            &pcs.replacen(&row, "5216,GM0796,52.0983,4.2828", 1),
        );
        let places = read("geo/places.csv");
        let tiel = places
            .lines()
            .find(|l| l.starts_with("Tiel,"))
            .unwrap()
            .to_string();
        s.write(
            "geo/places.csv",
            &places.replacen(&tiel, "Tiel,GM0281|GM0363,51.88667,5.42917", 1),
        );
    });
    let shipped = |file: &str, start: &str| {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .unwrap()
            .lines()
            .position(|l| l.starts_with(start))
            .unwrap()
            + 1
    };
    assert_has(
        &err,
        &[
            &format!(
                "geo/postcodes.csv:{}:6",
                shipped("geo/postcodes.csv", "5216,")
            ),
            "`5216` lies 75 km from 's-Hertogenbosch (GM0796), which this row names",
            &format!(
                "geo/postcodes.csv:{}:1",
                shipped("geo/postcodes.csv", "5216,")
            ),
            "postcode 5216 lies 84 km from the nearest postcode 52xx",
            &format!("geo/places.csv:{}:6", shipped("geo/places.csv", "Tiel,")),
            "`Tiel` lies 49 km from Amsterdam (GM0363)",
            "a row names only the municipality its position (lat, lon) lies in",
        ],
    );
}
