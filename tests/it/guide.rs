//! The editors' guides quote the three most common error messages: they must stay exactly what
//! the tool prints. Each mistake is made on a copy of the project and checked.

use std::path::Path;

use crate::common::{edit_file as edit, homestart_as_editor, project_copy};

/// The ```text blocks of a guide.
fn quoted_errors(guide: &str) -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(guide)).unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```text") => current = Some(Vec::new()),
            (Some(_), "```") => blocks.push(current.take().unwrap().join("\n")),
            (Some(lines), l) => lines.push(l),
            _ => {}
        }
    }
    blocks
}

#[test]
fn the_guides_quote_the_messages_the_tool_prints() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = project_copy();
    let root = dir.path();

    // Mistakes 1 and 2 (one run reports both), then 3 once they are fixed.
    edit(
        root,
        "locations/amersfoort.yaml",
        "  - Leusden\n",
        "  - Leusdn\n",
    );
    edit(
        root,
        "locations/amersfoort.yaml",
        "phone: 033 657 81 61 ",
        "phone: 033 657 81 6  ",
    );
    // Each guide quotes the messages in its own language: Dutch, the site's first language,
    // by default; English with `--lang en`.
    let run = |root: &Path, lang: &str| homestart_as_editor(root, &["check", "--lang", lang]);
    let first = [run(root, "nl"), run(root, "en")];
    std::fs::copy(
        project.join("locations/amersfoort.yaml"),
        root.join("locations/amersfoort.yaml"),
    )
    .unwrap();
    edit(
        root,
        "content/nl/verwijzers.md",
        "](/gemeenten/)",
        "](/gemeente/)",
    );
    let second = [run(root, "nl"), run(root, "en")];
    for (i, guide) in ["docs/redactiegids.md", "docs/editors-guide.md"]
        .into_iter()
        .enumerate()
    {
        assert_eq!((first[i].code, second[i].code), (1, 1));
        let printed = format!("{}\n{}", first[i].stderr, second[i].stderr);
        let blocks = quoted_errors(guide);
        assert!(blocks.len() >= 3, "{guide} quotes the three messages");
        for block in blocks {
            assert!(
                printed.contains(&block),
                "{guide} quotes a message the tool no longer prints:\n{block}\n\nThe tool prints:\n{printed}"
            );
        }
    }
}

/// The git host's workflow installs the tool with the README's command and runs the check
/// with annotations on pull requests and the build on main.
#[test]
fn the_workflow_follows_the_readme() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(project.join(".github/workflows/site.yml")).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let readme = std::fs::read_to_string(project.join("README.md")).unwrap();
    let runs = |job: &str| -> Vec<String> {
        yaml["jobs"][job]["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|s| s["run"].as_str().map(str::to_string))
            .collect()
    };
    assert!(yaml["on"]["pull_request"].is_null() && yaml["on"].get("pull_request").is_some());
    let check = runs("check");
    assert!(
        check.contains(&"homestart check --format github".to_string()),
        "{check:?}"
    );
    assert!(
        runs("publish")
            .iter()
            .any(|r| r.starts_with("homestart build --base-url"))
    );
    for job in ["check", "publish"] {
        let install = runs(job)
            .into_iter()
            .find(|r| r.starts_with("cargo install"))
            .unwrap();
        assert!(
            readme.contains(&install),
            "README.md does not say `{install}`"
        );
    }
}

/// The release workflow builds for Linux, macOS and Windows and packs with the script that
/// tests/run.sh runs on Linux, so what CI tries is what editors download.
#[test]
fn the_release_workflow_packs_for_every_platform_with_the_tested_script() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(project.join(".github/workflows/release.yml")).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let matrix = yaml["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap();
    let platforms: Vec<&str> = matrix
        .iter()
        .map(|m| m["platform"].as_str().unwrap())
        .collect();
    for want in [
        "linux-x86_64",
        "macos-arm64",
        "macos-x86_64",
        "windows-x86_64",
    ] {
        assert!(platforms.contains(&want), "{platforms:?} lacks {want}");
    }
    let steps: Vec<String> = yaml["jobs"]["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_string))
        .collect();
    assert!(steps.contains(&"cargo build --release --locked".to_string()));
    assert!(
        steps
            .iter()
            .any(|r| r.starts_with(".github/release/package.sh ")),
        "{steps:?}"
    );
    let run = std::fs::read_to_string(project.join("tests/run.sh")).unwrap();
    assert!(run.contains(".github/release/package.sh linux-x86_64 "));
}

/// The README's folder layout names every part of `src/`, and every `src/` path it names
/// exists: a new module gets its line, a moved one its new place.
#[test]
fn the_folder_layout_names_every_part_of_src() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let table = readme
        .split("## Folder layout")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("README.md has a folder layout");
    let named: Vec<&str> = table
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|p| p.starts_with("src/"))
        .collect();
    for path in &named {
        assert!(
            root.join(path.trim_end_matches('/')).exists(),
            "README.md names {path}, which does not exist"
        );
    }
    let mut parts: Vec<String> = std::fs::read_dir(root.join("src"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() {
                format!("src/{name}/")
            } else {
                format!("src/{name}")
            }
        })
        .collect();
    parts.sort();
    for part in parts.iter().filter(|p| *p != "src/lib.rs") {
        assert!(
            named.contains(&part.as_str()),
            "README.md's folder layout does not name {part}"
        );
    }
}
