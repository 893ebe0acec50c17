//! `homestart schema`: writes the JSON Schema of location files for editors' tools.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use homestart::diag::Diagnostic;
use homestart::t;

use super::report;

/// Where the schema goes, relative to the project (location files point at it).
const FILE: &str = "schema/location.schema.json";

/// Write the JSON Schema of location files to schema/location.schema.json (editors' tools
/// use it to check and autocomplete locations/*.yaml).
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    speak: super::Speak,
}

pub fn run(root: PathBuf, args: Args) -> ExitCode {
    let lang = args.speak.lang(&root);
    match write(&root) {
        Ok(path) => {
            let path = path.display().to_string();
            eprintln!("{}", t!("wrote-file", path = path).show(lang));
            ExitCode::SUCCESS
        }
        Err(d) => report::failed(&d, lang),
    }
}

/// Writes the schema; returns the path written.
fn write(root: &Path) -> Result<PathBuf, Diagnostic> {
    let path = root.join(FILE);
    let text = homestart::locations::schema::json_schema();
    std::fs::create_dir_all(root.join("schema"))
        .and_then(|()| std::fs::write(&path, text))
        .map_err(|e| {
            Diagnostic::error(t!("schema-cannot-write", reason = e.to_string()))
                .in_file(FILE)
                .hint(t!("schema-cannot-write.hint"))
        })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_written_and_a_failure_is_a_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        let written = write(dir.path()).unwrap();
        let text = std::fs::read_to_string(&written).unwrap();
        assert!(text.contains("\"$schema\""), "{text}");

        // A file named `schema` where the folder should be.
        let blocked = tempfile::tempdir().unwrap();
        std::fs::write(blocked.path().join("schema"), "").unwrap();
        let d = write(blocked.path()).unwrap_err();
        assert!(d.is_error());
        assert_eq!(d.path(), Some(FILE));
        let shown = d.render(homestart::messages::Lang::En);
        assert!(
            shown.starts_with("error: schema/location.schema.json: cannot write the schema: "),
            "{shown}"
        );
        assert!(shown.contains("hint: "), "{shown}");
        let shown = d.render(homestart::messages::Lang::Nl);
        assert!(
            shown.starts_with("fout: schema/location.schema.json: kan het schema niet schrijven: "),
            "{shown}"
        );
        assert!(shown.contains("tip: "), "{shown}");
    }
}
