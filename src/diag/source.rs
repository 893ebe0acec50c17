//! The files a project read, kept whole so a diagnostic can quote them, and the positions
//! (line, column, project-relative path) diagnostics give.

use std::path::Path;
use std::sync::Arc;

use super::Diagnostic;
use crate::t;

/// A file the project read, kept so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the project root, with forward slashes (stable across machines).
    pub path: String,
    pub text: String,
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Arc<Source> {
        Arc::new(Source {
            path: path.into(),
            text: text.into(),
        })
    }

    /// Reads a file the user named on the command line (an import's source table), shown by
    /// the name as given: it is outside the project by nature.
    pub fn read_input(path: &Path) -> Result<Arc<Source>, Diagnostic> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(t!("file-unreadable", reason = e.to_string()))
                .in_file(shown.clone())
                .hint(t!("file-unreadable.hint-input"))
        })?;
        Source::from_bytes(shown, bytes)
    }

    /// As [`Source::read`], for bytes already in memory.
    pub fn from_bytes(rel: String, bytes: Vec<u8>) -> Result<Arc<Source>, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                if let Some(at) = first_control(text.as_bytes()) {
                    let c = text[at..].chars().next().unwrap_or_default();
                    let (line, column) = line_col(&text, at);
                    return Err(Diagnostic::error(t!(
                        "file-control-character",
                        code = format!("{:04X}", c as u32),
                        line = line,
                        column = column
                    ))
                    .in_file(rel)
                    .at_position(line, column)
                    .hint(t!("file-control-character.hint")));
                }
                Ok(Source::new(rel, text))
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]);
                let (line, column) = line_col(&prefix, prefix.len());
                Err(Diagnostic::error(t!(
                    "file-not-utf8",
                    byte = format!("{:02X}", bytes[valid]),
                    line = line,
                    column = column
                ))
                .in_file(rel)
                .at_position(line, column)
                .hint(t!("file-not-utf8.hint")))
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }

    /// Byte offset of the start of a 1-based line (end of text if past the end).
    pub fn line_start(&self, line: usize) -> usize {
        if line <= 1 {
            return 0;
        }
        self.text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(self.text.len(), |(i, _)| i + 1)
    }
}

/// Where the first character [`is_control`] refuses starts, read byte by byte: every such
/// character begins with a byte below 0x20, 0x7F, 0xC2 (U+0080–U+009F) or 0xEF (U+FEFF,
/// U+FFFE, U+FFFF), and other bytes are passed over without decoding (a page is read once
/// per build, and decoding every character cost more than reading it).
fn first_control(bytes: &[u8]) -> Option<usize> {
    const SUSPECT: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
            b += 1;
        }
        t[0x7F] = true;
        t[0xC2] = true;
        t[0xEF] = true;
        t
    };
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(|&b| SUSPECT[b as usize]) {
        let start = at + i;
        let end = (start + 3).min(bytes.len());
        // A lead byte starts a character in valid UTF-8; decode just that one.
        let c = std::str::from_utf8(&bytes[start..end])
            .or_else(|e| std::str::from_utf8(&bytes[start..start + e.valid_up_to()]))
            .ok()
            .and_then(|s| s.chars().next());
        if c.is_some_and(is_control) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Control characters other than tab and line breaks, a byte-order mark inside the text and
/// the non-characters U+FFFE/U+FFFF: no page, table or template needs them, they are
/// invisible in an editor, HTML forbids most, and a tagged PDF (PDF/UA) all of them.
fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Path relative to the project root with forward slashes, for messages and stable sorting.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\ncé:x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'é' is two bytes; ':' is the third character on line 2.
        assert_eq!(line_col(text, 6), (2, 3));
    }

    #[test]
    fn invisible_characters_are_located() {
        for (c, code) in [
            ('\u{0}', "U+0000"),
            ('\u{85}', "U+0085"),
            ('\u{feff}', "U+FEFF"),
        ] {
            let d =
                Source::from_bytes("a.md".into(), format!("ab\ncd{c}e").into_bytes()).unwrap_err();
            assert!(d.message().contains(code), "{}", d.message());
            assert_eq!((d.line(), d.column()), (2, 3));
        }
        assert!(Source::from_bytes("a.md".into(), b"\xEF\xBB\xBFa\tb\r\n".to_vec()).is_ok());
    }

    #[test]
    fn the_byte_scan_finds_the_character_a_decoding_scan_finds() {
        let decoding = |t: &str| {
            t.char_indices()
                .find(|(_, c)| is_control(*c))
                .map(|(i, _)| i)
        };
        for t in [
            "",
            "gewoon",
            "é ë ° \u{a0} ｆ \u{fffd}",
            "a\u{9f}b",
            "x\u{ffff}",
            "\u{7f}",
            "\u{fffe}",
        ] {
            assert_eq!(first_control(t.as_bytes()), decoding(t), "{t:?}");
        }
        proptest::proptest!(|(t in "\\PC*(\\p{Cc}|\u{feff}|\u{fffe}|\u{ffff}|[\u{80}-\u{ff}\u{fe00}-\u{ffff}])?\\PC*")| {
            proptest::prop_assert_eq!(first_control(t.as_bytes()), decoding(&t));
        });
    }

    #[test]
    fn non_utf8_is_located_and_bom_dropped() {
        let err = Source::from_bytes("a.md".into(), b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 5));
        assert!(err.location().starts_with("a.md:2:5"));
        let ok = Source::from_bytes("b.md".into(), "\u{feff}title".as_bytes().to_vec()).unwrap();
        assert_eq!(&*ok.text, "title");
    }
}
