//! One diagnostic type for every stage, so every message an editor sees has the same shape:
//! what is wrong, where (file:line:column with a snippet), and how to fix it.
//!
//! How functions hand problems back, by what the caller can do with them:
//! - `Result<T, Diagnostic>`: one thing failed and there is nothing more to say (a file that
//!   cannot be read);
//! - `Result<T, Vec<Diagnostic>>`: a stage failed, with every problem it found;
//! - `Vec<Diagnostic>`: a check, which produces nothing else;
//! - `(T, Vec<Diagnostic>)`: what could be loaded, beside the problems, so later checks still
//!   run over the rest and one run reports everything.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::term::{self, Config};

use crate::messages::{Lang, Text};

mod excerpt;
mod source;
use excerpt::{View, Views};
pub use source::{Source, line_col, rel_path};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Something wrong in the project, pointing at the file and place that needs fixing.
///
/// Built in one expression (`Diagnostic::error(..).at(..).hint(..)`) and read through its
/// accessors: nothing changes a diagnostic after it is made, so what a stage reported is what
/// the editor sees.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    severity: Severity,
    message: Text,
    /// The file at fault; `None` only for problems that belong to no file (e.g. an I/O failure).
    path: Option<String>,
    source: Option<Arc<Source>>,
    span: Option<Range<usize>>,
    line: usize,
    column: usize,
    hint: Option<Text>,
    related: Option<Related>,
}

/// A second place that explains the first, e.g. the other page with the same URL: a secondary
/// label in the quoted source, and a `see also` note with its position.
#[derive(Debug, Clone)]
struct Related {
    source: Arc<Source>,
    span: Range<usize>,
    line: usize,
    column: usize,
}

impl Related {
    /// `file:line:column`, as the note and the GitHub and JSON forms give it.
    fn place(&self) -> String {
        format!("{}:{}:{}", self.source.path, self.line, self.column)
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<Text>) -> Self {
        Self::new(Severity::Error, message.into())
    }

    pub fn warning(message: impl Into<Text>) -> Self {
        Self::new(Severity::Warning, message.into())
    }

    fn new(severity: Severity, message: Text) -> Self {
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

    /// A line and column in a file named by [`Diagnostic::in_file`] but not quoted (it is
    /// not text).
    fn at_position(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A second place that explains this one: what is written at byte `offset` of `source`
    /// (up to the end of its key, value or list item).
    pub fn related(mut self, source: &Arc<Source>, offset: usize) -> Self {
        let text = &source.text;
        let mut start = offset.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let line = text[start..].split('\n').next().unwrap_or_default();
        let item = &line[..line.find([':', ',', ']', '}', '#']).unwrap_or(line.len())];
        let shown = if item.trim_end().is_empty() {
            line
        } else {
            item
        };
        let end = start + shown.trim_end().len();
        let (line, column) = source.line_col(start);
        self.related = Some(Related {
            source: source.clone(),
            span: start..end,
            line,
            column,
        });
        self
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, without the place, in English (tests and logs; editors get
    /// [`Diagnostic::message_in`] their language).
    pub fn message(&self) -> String {
        self.message.show(Lang::En)
    }

    pub fn message_in(&self, lang: Lang) -> String {
        self.message.show(lang)
    }

    /// The kind of problem, the same in every language (the message's catalogue key).
    pub fn code(&self) -> &'static str {
        self.message.code()
    }

    /// The project-relative path of the file at fault, if the problem belongs to a file.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// 1-based line, or 0 when the diagnostic names a file but no place in it.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column in characters (meaningful when [`Diagnostic::line`] is not 0).
    pub fn column(&self) -> usize {
        self.column
    }

    /// Whether a second place is named ("see also").
    pub fn has_related(&self) -> bool {
        self.related.is_some()
    }

    /// How to fix it, if the stage that found it knows; in English, as [`Diagnostic::message`].
    pub fn hint_text(&self) -> Option<String> {
        self.hint_in(Lang::En)
    }

    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        self.hint.as_ref().map(|h| h.show(lang))
    }

    /// `file:line:column` (or as much of it as is known).
    pub fn location(&self) -> String {
        match (&self.path, self.line) {
            (Some(p), 0) => p.clone(),
            (Some(p), l) => format!("{p}:{l}:{}", self.column),
            (None, _) => String::from("(project)"),
        }
    }

    /// `error` or `warning`, the same in every language (the JSON and GitHub forms).
    fn kind(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// `error` or `warning` in words.
    pub fn kind_in(&self, lang: Lang) -> String {
        match self.severity {
            Severity::Error => crate::t!("severity-error"),
            Severity::Warning => crate::t!("severity-warning"),
        }
        .show(lang)
    }

    /// The human form, in `lang`: headline with location, quoted source, notes.
    pub fn render(&self, lang: Lang) -> String {
        let message = self.message.show(lang);
        let notes = self.notes(lang);
        if let (Some(source), Some(span)) = (&self.source, &self.span)
            && let Some(quoted) = self.quoted(source, span.clone(), &message, notes.clone())
        {
            // The terminal renderer names the severity in English; the editor reads it in
            // their language.
            return match quoted.strip_prefix(self.kind()) {
                Some(rest) => format!("{}{rest}", self.kind_in(lang)),
                None => quoted,
            };
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {}: {message}",
            self.kind_in(lang),
            self.location()
        );
        for note in notes {
            let _ = writeln!(out, "  = {note}");
        }
        out
    }

    /// The hint and the related place, as the notes under a message.
    fn notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(hint) = &self.hint {
            notes.push(format!(
                "{}: {}",
                crate::t!("note-hint").show(lang),
                hint.show(lang)
            ));
        }
        if let Some(related) = &self.related {
            let see = crate::t!("note-see-also").show(lang);
            notes.push(format!("{see}: {}", related.place()));
        }
        notes
    }

    /// The headline, the quoted source with the mistake (and the related place, when there is
    /// one) underlined, and the notes; `None` if the source cannot be quoted.
    fn quoted(
        &self,
        source: &Arc<Source>,
        span: Range<usize>,
        message: &str,
        notes: Vec<String>,
    ) -> Option<String> {
        let headline = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(format!("{}: {message}", self.location()))
        .with_notes(notes);
        let config = Config::default();
        let quote = || excerpt::quote(&source.path, &source.text, span.clone());
        if let Some(related) = &self.related {
            let (view, in_view) = quote();
            let (views, labels) = with_related(source, view, in_view, related);
            let shown = headline.clone().with_labels(labels);
            if let Ok(s) = term::emit_into_string(&config, &views, &shown) {
                return Some(s);
            }
        }
        // Without the related place (or if quoting it failed): the place at fault alone.
        let (view, in_view) = quote();
        let shown = headline.with_labels(vec![Label::primary(0, in_view)]);
        term::emit_into_string(&config, &Views(vec![view]), &shown).ok()
    }
}

/// The views and labels of a message with a related place: one view when both places are in
/// the same file and it is quoted whole, else a second view for the related place.
fn with_related<'a>(
    source: &'a Source,
    view: View<'a>,
    span: Range<usize>,
    related: &'a Related,
) -> (Views<'a>, Vec<Label<usize>>) {
    let (other, other_span) = excerpt::quote(
        &related.source.path,
        &related.source.text,
        related.span.clone(),
    );
    let same_file = related.source.path == source.path && related.source.text == source.text;
    if same_file && matches!((&view, &other), (View::Whole(_), View::Whole(_))) {
        let labels = vec![Label::primary(0, span), Label::secondary(0, other_span)];
        return (Views(vec![view]), labels);
    }
    let labels = vec![Label::primary(0, span), Label::secondary(1, other_span)];
    (Views(vec![view, other]), labels)
}

impl Diagnostic {
    /// A GitHub Actions workflow command: the pull request shows it on the offending line.
    pub fn github(&self, lang: Lang) -> String {
        // Workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`.
        let data = |s: &str| {
            s.replace('%', "%25")
                .replace('\r', "%0D")
                .replace('\n', "%0A")
        };
        let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
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
            prop(&format!("homestart [{}]: {}", self.code(), self.location()))
        ));
        let mut message = self.message.show(lang);
        for note in self.notes(lang) {
            message.push('\n');
            message.push_str(&note);
        }
        format!("::{} {}::{}", self.kind(), props.join(","), data(&message))
    }

    /// The machine-readable form (`check --format json`); its keys come out sorted.
    pub fn json(&self, lang: Lang) -> serde_json::Value {
        let place = (self.line > 0).then_some((self.line, self.column));
        let message = self.message.show(lang);
        let hint = self.hint_in(lang);
        let record = JsonDiagnostic {
            code: self.code(),
            severity: self.kind(),
            file: self.path.as_deref(),
            line: place.map(|p| p.0),
            column: place.map(|p| p.1),
            message: &message,
            hint: hint.as_deref(),
            related: self.related.as_ref().map(|r| JsonPlace {
                file: &r.source.path,
                line: r.line,
                column: r.column,
            }),
        };
        crate::escape::sorted_json(&record)
    }
}

/// A diagnostic in `check --format json`.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    /// The kind of problem, the same in every language, for tools to match on.
    code: &'a str,
    severity: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
    related: Option<JsonPlace<'a>>,
}

#[derive(serde::Serialize)]
struct JsonPlace<'a> {
    file: &'a str,
    line: usize,
    column: usize,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_message_names_file_line_column_and_hint() {
        let src = Source::new("content/nl/over.md", "---\ntitel: Over\n---\n");
        let d = Diagnostic::error("unknown key `titel`")
            .at(&src, 4..9)
            .hint("did you mean `title`?");
        let text = d.render(Lang::En);
        assert!(text.contains("content/nl/over.md:2:1"), "{text}");
        assert!(text.contains("did you mean `title`?"), "{text}");
        assert!(text.contains("titel: Over"), "{text}");
    }

    #[test]
    fn at_line_col_points_at_the_token() {
        let src = Source::new("a.yaml", "one: 1\ntwo: [\n");
        let d = Diagnostic::error("x").at_line_col(&src, 2, 6);
        assert_eq!((d.line(), d.column()), (2, 6));
    }

    #[test]
    fn a_related_place_is_underlined_where_it_is_and_named_in_a_note() {
        let over = Source::new("content/en/over.md", "---\ntitle: Over\nslug: about\n---\n");
        let other = Source::new(
            "content/en/other.md",
            "---\ntitle: Other\nslug: about\n---\n",
        );
        let d = Diagnostic::error("two pages have the address /en/about/")
            .at(&over, 22..27)
            .related(&other, 23);
        let shown = d.render(Lang::En);
        assert!(shown.contains("┌─ content/en/over.md:3:7"), "{shown}");
        assert!(shown.contains("┌─ content/en/other.md:3:7"), "{shown}");
        assert!(shown.contains("│       ^^^^^"), "{shown}");
        assert!(shown.contains("│       -----"), "{shown}");
        assert!(
            shown.contains("= see also: content/en/other.md:3:7"),
            "{shown}"
        );
        // In the same file: one quote with both places marked.
        let shown = Diagnostic::error("x")
            .at(&over, 22..27)
            .related(&over, 4)
            .render(Lang::En);
        assert_eq!(shown.matches("┌─").count(), 1, "{shown}");
        assert!(shown.contains("2 │ title: Over\n  │ -----"), "{shown}");
        assert!(
            shown.contains("3 │ slug: about\n  │       ^^^^^"),
            "{shown}"
        );
        // A list item is underlined whole, spaces included.
        let list = Source::new("l.yaml", "areas:\n  - Den Haag  # x\n  - Den Haag\n");
        let shown = Diagnostic::error("twice")
            .at(&list, 29..37)
            .related(&list, 11)
            .render(Lang::En);
        assert!(
            shown.contains("2 │   - Den Haag  # x\n  │     --------\n"),
            "{shown}"
        );
        // The other forms name the place as before.
        assert!(
            d.github(Lang::En)
                .ends_with("%0Asee also: content/en/other.md:3:7")
        );
        assert_eq!(d.json(Lang::En)["related"]["line"], 3);
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let keys = ["title", "description", "slug"];
        assert_eq!(suggest("titel", keys), Some("title"));
        assert_eq!(suggest("descripton", keys), Some("description"));
        assert_eq!(suggest("zzzz", keys), None);
    }
}
