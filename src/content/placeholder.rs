//! The placeholders `homestart new` writes where only the editor knows the value ("INVULLEN:
//! naam van de coördinator"). A file that still holds one is refused at the placeholder itself,
//! so an unfinished name, address, phone number or text is never published.

use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::t;

/// Starts every placeholder; what follows on the line says what to fill in.
pub const MARK: &str = "INVULLEN:";

/// A placeholder value with what to write instead, as `new` writes it (quoted, so it is valid
/// YAML and Markdown anywhere).
pub fn value(what: &str) -> String {
    format!("\"{MARK} {what}\"")
}

/// The same in running text (Markdown), where no quotes are needed.
pub fn text(what: &str) -> String {
    format!("{MARK} {what}")
}

/// Every placeholder left in a file, each at its own position.
pub fn find(src: &Arc<Source>) -> Vec<Diagnostic> {
    src.text
        .match_indices(MARK)
        .map(|(at, _)| {
            let line_end = src.text[at..].find('\n').map_or(src.text.len(), |n| at + n);
            // The placeholder's own text, without the closing quote and a trailing comment.
            let written = src.text[at..line_end]
                .split(" #")
                .next()
                .unwrap_or("")
                .trim_end()
                .trim_end_matches('"');
            let what = written[MARK.len()..].trim();
            Diagnostic::error(t!("placeholder-not-filled", what = what))
                .at(src, at..at + written.len())
                .hint(t!(
                    "placeholder-not-filled.hint",
                    written = written,
                    what = what
                ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn each_placeholder_is_an_error_at_its_own_place() {
        let text = format!(
            "name: Home-Start X\nphone: {}   # algemeen nummer\ncity: {}\n",
            value("telefoonnummer"),
            value("plaats")
        );
        let src = Source::new("locations/x.yaml", text);
        let found = find(&src);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line(), found[0].column()), (2, 9));
        assert_eq!(found[0].message(), "not filled in yet: telefoonnummer");
        assert!(
            found[0]
                .hint_text()
                .unwrap_or_default()
                .contains("`INVULLEN: telefoonnummer`")
        );
        assert_eq!(
            found[0].message_in(Lang::Nl),
            "nog niet ingevuld: telefoonnummer"
        );
        assert!(
            found[0]
                .hint_in(Lang::Nl)
                .unwrap_or_default()
                .starts_with("vul hier in: telefoonnummer. Vervang `INVULLEN: telefoonnummer`")
        );
        assert_eq!((found[1].line(), found[1].column()), (3, 8));
        assert!(find(&Source::new("x.md", "Geen INVULLEN hier.\n")).is_empty());
    }
}
