//! The write errors of one build, one diagnostic per cause: a full disk says so once with a
//! count, not once for each of a thousand files.

use std::io;
use std::sync::Mutex;

use super::Sink;
use crate::diag::Diagnostic;
use crate::t;

/// Passes files on to `inner`, keeping its write errors for [`WriteErrors::into_diagnostics`]
/// instead of returning them.
pub struct WriteErrors<'a> {
    inner: &'a dyn Sink,
    errors: Mutex<Vec<(String, io::Error)>>,
}

impl<'a> WriteErrors<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        WriteErrors {
            inner,
            errors: Mutex::new(Vec::new()),
        }
    }

    /// Writes one file; an error is kept for the end.
    pub fn put(&self, path: &str, bytes: &[u8], made_from: Option<&[u8]>) {
        if let Err(e) = self.inner.write(path, bytes, made_from)
            && let Ok(mut errors) = self.errors.lock()
        {
            errors.push((path.to_string(), e));
        }
    }

    /// One error for each distinct cause, naming the first file (by path) it stopped.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut errors = self.errors.into_inner().unwrap_or_default();
        errors.sort_by(|a, b| a.0.cmp(&b.0));
        let mut causes: Vec<(String, &str, usize)> = Vec::new();
        for (path, e) in &errors {
            let cause = e.to_string();
            match causes.iter_mut().find(|c| c.0 == cause) {
                Some(c) => c.2 += 1,
                None => causes.push((cause, path, 1)),
            }
        }
        causes
            .into_iter()
            .map(|(cause, first, count)| {
                Diagnostic::error(t!(
                    "output-write-failed",
                    count = count,
                    first = first,
                    reason = cause
                ))
                .in_file(first.to_string())
                .hint(t!("output-write-failed.hint"))
            })
            .collect()
    }
}

impl Sink for WriteErrors<'_> {
    fn write(&self, path: &str, bytes: &[u8], made_from: Option<&[u8]>) -> io::Result<()> {
        self.put(path, bytes, made_from);
        Ok(())
    }

    fn reuse(&self, path: &str, made_from: &[u8]) -> bool {
        self.inner.reuse(path, made_from)
    }
}

/// A file that could not be written, for sinks that report errors themselves.
pub fn write_error(path: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::error(t!(
        "output-write-failed",
        count = 1_usize,
        first = path,
        reason = e.to_string()
    ))
    .in_file(path.to_string())
    .hint(t!("output-write-failed.hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_error_per_cause_with_a_count() {
        let full = |path: &str, _: &[u8]| -> io::Result<()> {
            match path {
                p if p.ends_with(".pdf") => Err(io::Error::other("permission denied")),
                "ok.html" => Ok(()),
                _ => Err(io::Error::from_raw_os_error(28)),
            }
        };
        let sink = WriteErrors::new(&full);
        for p in [
            "b/index.html",
            "a/index.html",
            "ok.html",
            "c/index.html",
            "x.pdf",
        ] {
            sink.write(p, b"", None).unwrap();
        }
        let messages: Vec<String> = sink
            .into_diagnostics()
            .into_iter()
            .map(|d| d.message().to_string())
            .collect();
        let enospc = io::Error::from_raw_os_error(28).to_string();
        assert_eq!(
            messages,
            [
                format!("cannot write 3 files: {enospc} (first: a/index.html)"),
                "cannot write x.pdf: permission denied".to_string()
            ]
        );
        let sink = WriteErrors::new(&full);
        for p in ["b/index.html", "a/index.html", "x.pdf"] {
            sink.write(p, b"", None).unwrap();
        }
        let dutch: Vec<String> = sink
            .into_diagnostics()
            .iter()
            .map(|d| d.message_in(crate::messages::Lang::Nl))
            .collect();
        assert_eq!(
            dutch,
            [
                format!("kan 2 bestanden niet schrijven: {enospc} (eerste: a/index.html)"),
                "kan x.pdf niet schrijven: permission denied".to_string()
            ]
        );
    }
}
