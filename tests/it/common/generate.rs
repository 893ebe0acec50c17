//! A large, valid location registry for scale tests and the benchmark: the project's own
//! `locations/*.yaml` used as templates, each copy with a new slug, name, numbers and area.
//!
//! Location `i` serves one district of the `i`-th served municipality (round-robin), and every
//! seventh location a district of a second one, so many locations share a municipality without
//! a conflict. A few municipalities are left unserved, so their pages need the nearest
//! locations. Phone numbers are real Dutch formats (030 landline, 06 mobile), all distinct.
//! The districts are written to `geo/districts.csv` as each municipality's division, with one
//! more per municipality that no location serves, so every split city is partly covered.

use std::path::Path;

/// Every `UNSERVED`-th municipality gets no location.
const UNSERVED: usize = 30;

/// Replaces the files in `root/locations/` by `count` generated ones; returns their slugs.
pub fn registry(root: &Path, count: usize) -> Vec<String> {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut templates: Vec<String> = std::fs::read_dir(project.join("locations"))
        .expect("the project's locations/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| std::fs::read_to_string(p).expect("template"))
        .collect();
    templates.sort();
    let geo = homestart::geo::load(project).expect("the project's geo/");
    // Written by name where the name is unambiguous (as editors do), else by CBS code.
    let names: Vec<String> = geo
        .municipalities
        .iter()
        .enumerate()
        .filter(|(m, _)| m % UNSERVED != UNSERVED - 1)
        .map(|(m, muni)| match geo.resolve(&muni.name) {
            homestart::geo::Resolved::One(i) if i == m => muni.name.clone(),
            _ => muni.code.clone(),
        })
        .collect();
    let dir = root.join("locations");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(root.join("geo")).expect("geo/");
    std::fs::create_dir_all(&dir).expect("locations/");
    let mut slugs = Vec::with_capacity(count);
    let mut division = String::from("municipality,district\n");
    let code = |name: &str| match geo.resolve(name) {
        homestart::geo::Resolved::One(m) => geo.municipalities[m].code.clone(),
        _ => name.to_string(),
    };
    for name in &names {
        division += &format!("{},Elders\n", code(name));
    }
    for i in 0..count {
        let slug = format!("proef-{i:05}");
        let mut areas = vec![(names[i % names.len()].as_str(), format!("Wijk {i}"))];
        if i % 7 == 0 {
            areas.push((
                names[(i * 13 + 5) % names.len()].as_str(),
                format!("Buurt {i}"),
            ));
        }
        for (name, district) in &areas {
            division += &format!("{},{district}\n", code(name));
        }
        let text = location(&templates[i % templates.len()], i, &areas);
        std::fs::write(dir.join(format!("{slug}.yaml")), text).expect("write location");
        slugs.push(slug);
    }
    std::fs::write(root.join("geo/districts.csv"), division).expect("geo/districts.csv");
    slugs
}

/// The template with this location's name, numbers and areas; everything else kept.
fn location(template: &str, i: usize, areas: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut coordinator = 0;
    for line in template.lines() {
        let key = line.trim_start().trim_start_matches("- ");
        let indent = &line[..line.len() - line.trim_start().len()];
        let lead = if line.trim_start().starts_with("- ") {
            format!("{indent}- ")
        } else {
            indent.to_string()
        };
        if line.starts_with("municipalities:") {
            break;
        } else if line.starts_with("name:") {
            out += &format!("name: Home-Start Proef {i:05}\n");
        } else if line.starts_with("phone:") {
            out += &format!("phone: {}\n", landline(i));
        } else if line.starts_with("email:") {
            out += &format!("email: proef-{i:05}@home-start.example\n");
        } else if !indent.is_empty() && key.starts_with("name:") {
            coordinator += 1;
            out += &format!("{lead}name: Coördinator {coordinator} van Proef {i:05}\n");
        } else if !indent.is_empty() && key.starts_with("phone:") {
            out += &format!("{lead}phone: {}\n", mobile(i * 4 + coordinator));
        } else if !indent.is_empty() && key.starts_with("email:") {
            out += &format!("{lead}email: c{coordinator}.proef-{i:05}@home-start.example\n");
        } else {
            out += line;
            out.push('\n');
        }
    }
    out += "municipalities:\n";
    for (name, district) in areas {
        out += &format!("  - municipality: \"{name}\"\n    districts: [{district}]\n");
    }
    out
}

/// `030 2xx xx xx`: an Utrecht number, one per location.
fn landline(n: usize) -> String {
    let d = format!("2{:06}", n % 1_000_000);
    format!("030 {} {} {}", &d[..3], &d[3..5], &d[5..])
}

/// `06 1x xx xx xx`: a mobile number, one per coordinator.
fn mobile(n: usize) -> String {
    let d = format!("1{:07}", n % 10_000_000);
    format!("06 {} {} {} {}", &d[..2], &d[2..4], &d[4..6], &d[6..])
}
