# What the commands print for a person, beside the problems.

check-summary = check: { $counts }
build-failed = build failed: { $counts }; the output folder was left as it was
build-done = built { $pages } pages in { $languages } languages ({ $files } files: { $written } written, { $unchanged } unchanged, { $removed } removed) in { $ms } ms → { $out }
build-pdfs = { $pdfs } PDF leaflets: { $typeset } typeset, { $unchanged } unchanged (from { $cache })
build-peak-memory = peak memory { $mib } MiB
import-failed = import failed: nothing in geo/ was changed
translations-project-broken = the project has errors; fix them first (see `homestart check`)
translations-marked = marked { $what }
wrote-file = wrote { $path }
schema-cannot-write = cannot write the schema: { $reason }
    .hint = check that schema/ is a folder you may write in
new-wrote = wrote { $path }: fill it in, then `homestart check` (or `homestart build`)
