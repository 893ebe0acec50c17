//! One diagnostic type for every stage, so every message an editor sees has the same shape:
//! what is wrong, where (file:line:column with a snippet), and how to fix it.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::term::{self, Config};

mod excerpt;
use excerpt::Quoted;

/// A file the project read, kept so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the project root, with forward slashes (stable across machines).
    pub path: String,
    pub text: Arc<str>,
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Arc<Source> {
        Arc::new(Source {
            path: path.into(),
            text: text.into(),
        })
    }

    /// Reads a text file of the project: UTF-8 required (a clear error otherwise), a leading
    /// byte-order mark dropped, line endings kept (CRLF is handled by every parser we use).
    /// A link, or a file outside `root`, is refused before anything is read (so no error
    /// message ever quotes a file that is not part of the project).
    pub fn read(root: &Path, path: &Path) -> Result<Arc<Source>, Diagnostic> {
        let bytes = crate::files::read(root, path)?;
        Source::from_bytes(rel_path(root, path), bytes)
    }

    /// As [`Source::read`], for a kind of file with a size limit of its own.
    pub fn read_at_most(
        root: &Path,
        path: &Path,
        limit: u64,
        what: &str,
    ) -> Result<Arc<Source>, Diagnostic> {
        let bytes = crate::files::read_at_most(root, path, limit, what)?;
        Source::from_bytes(rel_path(root, path), bytes)
    }

    /// Reads a file the user named on the command line (an import's source table), shown by
    /// the name as given: it is outside the project by nature.
    pub fn read_input(path: &Path) -> Result<Arc<Source>, Diagnostic> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(format!("cannot read file: {e}"))
                .in_file(shown.clone())
                .hint("check the path you gave")
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
                if let Some((at, c)) = text.char_indices().find(|(_, c)| is_control(*c)) {
                    let (line, column) = line_col(&text, at);
                    let mut d = Diagnostic::error(format!(
                        "the file contains an invisible control character (U+{:04X}) at line {line}, column {column}",
                        c as u32
                    ))
                    .in_file(rel)
                    .hint("delete it (it is not text; it often comes along when copying from a PDF or a word processor)");
                    d.line = line;
                    d.column = column;
                    return Err(d);
                }
                Ok(Source::new(rel, text))
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]);
                let (line, column) = line_col(&prefix, prefix.len());
                let mut d = Diagnostic::error(format!(
                    "file is not UTF-8 text (invalid byte 0x{:02X} at line {line}, column {column})",
                    bytes[valid]
                ))
                .in_file(rel)
                .hint("save the file with UTF-8 encoding (in most editors: \"Save with encoding\" → UTF-8)");
                d.line = line;
                d.column = column;
                Err(d)
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Something wrong in the project, pointing at the file and place that needs fixing.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// The file at fault; `None` only for problems that belong to no file (e.g. an I/O failure).
    pub path: Option<String>,
    source: Option<Arc<Source>>,
    span: Option<Range<usize>>,
    pub line: usize,
    pub column: usize,
    pub hint: Option<String>,
    /// A second place that explains the first, e.g. the other page with the same URL.
    pub related: Option<(String, usize, usize)>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message.into())
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message.into())
    }

    fn new(severity: Severity, message: String) -> Self {
        Diagnostic {
            severity,
            message,
            path: None,
            source: None,
            span: None,
            line: 0,
            column: 0,
            hint: None,
            related: None,
        }
    }

    /// Points at a byte range of a source file.
    pub fn at(mut self, source: &Arc<Source>, span: Range<usize>) -> Self {
        let start = span.start.min(source.text.len());
        let end = span.end.clamp(start, source.text.len());
        let (line, column) = source.line_col(start);
        self.path = Some(source.path.clone());
        self.line = line;
        self.column = column;
        self.span = Some(start..end);
        self.source = Some(source.clone());
        self
    }

    /// Points at a 1-based line and column of a source file (for parsers that report positions).
    pub fn at_line_col(self, source: &Arc<Source>, line: usize, column: usize) -> Self {
        let start = source.line_start(line);
        let offset = source.text[start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(source.text.len(), |(i, _)| start + i);
        let end = source.text[offset..]
            .find(['\n', ':', ' '])
            .map_or(source.text.len(), |i| offset + i.max(1));
        self.at(source, offset..end.min(source.text.len()))
    }

    /// Names a file without quoting it (unreadable or binary files).
    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn related(mut self, source: &Arc<Source>, offset: usize) -> Self {
        let (line, column) = source.line_col(offset);
        self.related = Some((source.path.clone(), line, column));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or as much of it as is known).
    pub fn location(&self) -> String {
        match (&self.path, self.line) {
            (Some(p), 0) => p.clone(),
            (Some(p), l) => format!("{p}:{l}:{}", self.column),
            (None, _) => String::from("(project)"),
        }
    }

    /// The human form: headline with location, quoted source, hint.
    pub fn render(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        match (&self.source, &self.span) {
            (Some(source), Some(span)) => {
                let mut notes = Vec::new();
                if let Some(hint) = &self.hint {
                    notes.push(format!("hint: {hint}"));
                }
                if let Some((p, l, c)) = &self.related {
                    notes.push(format!("see also: {p}:{l}:{c}"));
                }
                let cs = |span: Range<usize>| {
                    match self.severity {
                        Severity::Error => CsDiagnostic::error(),
                        Severity::Warning => CsDiagnostic::warning(),
                    }
                    .with_message(format!("{}: {}", self.location(), self.message))
                    .with_labels(vec![Label::primary((), span)])
                    .with_notes(notes.clone())
                };
                let config = Config::default();
                let emitted = match excerpt::quote(&source.path, &source.text, span.clone()) {
                    Quoted::Whole(file, span) => term::emit_into_string(&config, &file, &cs(span)),
                    Quoted::Cut(file, span) => term::emit_into_string(&config, &file, &cs(span)),
                };
                match emitted {
                    Ok(s) => out.push_str(&s),
                    Err(_) => {
                        let _ = writeln!(out, "{kind}: {}: {}", self.location(), self.message);
                    }
                }
            }
            _ => {
                let _ = writeln!(out, "{kind}: {}: {}", self.location(), self.message);
                if let Some(hint) = &self.hint {
                    let _ = writeln!(out, "  = hint: {hint}");
                }
                if let Some((p, l, c)) = &self.related {
                    let _ = writeln!(out, "  = see also: {p}:{l}:{c}");
                }
            }
        }
        out
    }
}

impl Diagnostic {
    /// A GitHub Actions workflow command: the pull request shows it on the offending line.
    pub fn github(&self) -> String {
        // Workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`.
        let data = |s: &str| {
            s.replace('%', "%25")
                .replace('\r', "%0D")
                .replace('\n', "%0A")
        };
        let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(p) = &self.path {
            props.push(format!("file={}", prop(p)));
            if self.line > 0 {
                props.push(format!("line={}", self.line));
                props.push(format!("col={}", self.column));
            }
        }
        props.push(format!(
            "title={}",
            prop(&format!("homestart: {}", self.location()))
        ));
        let mut message = self.message.clone();
        if let Some(hint) = &self.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        if let Some((p, l, c)) = &self.related {
            message.push_str(&format!("\nsee also: {p}:{l}:{c}"));
        }
        format!("::{kind} {}::{}", props.join(","), data(&message))
    }

    /// The machine-readable form (`check --format json`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "severity": match self.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "file": self.path,
            "line": (self.line > 0).then_some(self.line),
            "column": (self.line > 0).then_some(self.column),
            "message": self.message,
            "hint": self.hint,
            "related": self.related.as_ref().map(|(p, l, c)| serde_json::json!({"file": p, "line": l, "column": c})),
        })
    }
}

/// All problems of one run, collected so an editor sees every mistake at once.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Errors as shown (the same error from many pages of one template counts once).
    pub fn error_count(&self) -> usize {
        self.sorted().into_iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.sorted().into_iter().filter(|d| !d.is_error()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file and position, so output is the same on every run.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        v.dedup_by(|a, b| {
            a.path == b.path && a.line == b.line && a.column == b.column && a.message == b.message
        });
        v
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// Suggests the candidate closest to a misspelt word, if one is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
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
    fn rendered_message_names_file_line_column_and_hint() {
        let src = Source::new("content/nl/over.md", "---\ntitel: Over\n---\n");
        let d = Diagnostic::error("unknown key `titel`")
            .at(&src, 4..9)
            .hint("did you mean `title`?");
        let text = d.render();
        assert!(text.contains("content/nl/over.md:2:1"), "{text}");
        assert!(text.contains("did you mean `title`?"), "{text}");
        assert!(text.contains("titel: Over"), "{text}");
    }

    #[test]
    fn at_line_col_points_at_the_token() {
        let src = Source::new("a.yaml", "one: 1\ntwo: [\n");
        let d = Diagnostic::error("x").at_line_col(&src, 2, 6);
        assert_eq!((d.line, d.column), (2, 6));
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
            assert!(d.message.contains(code), "{}", d.message);
            assert_eq!((d.line, d.column), (2, 3));
        }
        assert!(Source::from_bytes("a.md".into(), b"\xEF\xBB\xBFa\tb\r\n".to_vec()).is_ok());
    }

    #[test]
    fn non_utf8_is_located_and_bom_dropped() {
        let err = Source::from_bytes("a.md".into(), b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!((err.line, err.column), (2, 5));
        assert!(err.location().starts_with("a.md:2:5"));
        let ok = Source::from_bytes("b.md".into(), "\u{feff}title".as_bytes().to_vec()).unwrap();
        assert_eq!(&*ok.text, "title");
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let keys = ["title", "description", "slug"];
        assert_eq!(suggest("titel", keys), Some("title"));
        assert_eq!(suggest("descripton", keys), Some("description"));
        assert_eq!(suggest("zzzz", keys), None);
    }
}
