# The live preview: what the terminal says and the page shown while the site has errors.

serve-port = cannot serve on port { $port }: { $reason }
    .hint = try another port with --port
    .hint-in-use = another program (perhaps another `homestart serve`) uses it; try `homestart serve --port { $next }`
serve-watch = cannot watch the project for changes: { $reason }
    .hint = on Linux, raise fs.inotify.max_user_watches, or build with `homestart build`
serve-serving = serving http://127.0.0.1:{ $port }/ (drafts included) — save a file and the page reloads; Ctrl+C stops
serve-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}: the browser shows them until they are fixed ({ $ms } ms)
serve-built = built { $pages } pages in { $ms } ms
serve-rebuilt = rebuilt { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} in { $ms } ms
serve-error-title = Build errors – homestart
serve-error-heading = The site has { $count ->
    [one] 1 error
   *[other] { $count } errors
}
serve-error-reload = Fix the file and save it: this page reloads by itself.
