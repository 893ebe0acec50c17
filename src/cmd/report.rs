//! What every command prints the same way: problems (sorted, each followed by a blank line)
//! and the closing line of a refused import.

use std::process::ExitCode;

use homestart::diag::{Diagnostic, Diagnostics};
use homestart::messages::Lang;
use homestart::t;

/// Every problem, sorted by file and position, on stderr.
pub fn diagnostics(diags: &Diagnostics, lang: Lang) {
    for d in diags.sorted() {
        eprint!("{}", d.render(lang));
        eprintln!();
    }
}

/// The end of a command that stopped on one problem: the problem, and failure.
pub fn failed(d: &Diagnostic, lang: Lang) -> ExitCode {
    eprint!("{}", d.render(lang));
    ExitCode::FAILURE
}

/// The end of a refused import: every error, and that geo/ is as it was.
pub fn import_failed(errors: Vec<Diagnostic>, lang: Lang) -> ExitCode {
    let mut diags = Diagnostics::default();
    diags.extend(errors);
    diagnostics(&diags, lang);
    eprintln!("{}", t!("import-failed").show(lang));
    ExitCode::FAILURE
}

/// "1 error, 2 warnings", in words.
pub fn counts(diags: &Diagnostics, lang: Lang) -> String {
    t!(
        "errors-and-warnings",
        errors = diags.error_count(),
        warnings = diags.warning_count()
    )
    .show(lang)
}

/// The process's peak resident memory (Linux: VmHWM in /proc/self/status), for `--timings`.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
