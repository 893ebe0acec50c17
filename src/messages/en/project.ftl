# site.yaml, the project's files and folders, and the files `homestart new` writes.

site-editor-language = the tool has no messages in `{ $code }`
    .hint = write `editor_language: nl` or `editor_language: en`, or leave the line out to use the site's first language

# site.yaml could not be read (the message above it says why).
site-file-needed = every site needs a site.yaml at the project root; see README.md
site-base-url = base URL `{ $url }` is not an http(s) URL
    .hint = write it like https://www.example.org/ or https://example.org/homestart/
site-no-languages = no languages listed
    .hint = list at least the default language, e.g. `- {"{"}code: nl, name: Nederlands, locale: nl_NL{"}"}`
site-language-code = language code `{ $code }` is not a lowercase language code
    .hint = use the two-letter code, e.g. nl, en, ar
site-language-twice = language `{ $code }` is listed twice
    .hint = remove one of the two entries
# $codes: the site's language codes, separated by commas.
site-registry-pages = registry.pages: `{ $code }` is not one of the site's languages
    .hint = use the codes under `languages:`: { $codes }
site-paginate-by = paginate_by must be at least 1
    .hint = 10 is a good number of entries per page

## Reading the project's files and folders.

file-outside-project = this file is not part of the project
    .hint = homestart reads only files inside the project folder
file-path-outside = this path leads outside the project
    .hint = homestart reads only files inside the project folder
# A symbolic link: a file that only points at another file or folder.
file-link = this is a link (symlink) to somewhere else; homestart does not follow links
    .hint = put the file or folder itself in the project, or remove the link
# $reason: the system's explanation.
file-unreadable = cannot read file: { $reason }
    .hint = check that the file exists and is readable
    .hint-input = check the path you gave
# $size and $limit: sizes like "40.2 MB"; $what: one of the file-kind messages below.
file-too-large = this file is { $size }; { $what } may be at most { $limit }
    .hint = split it into several files; images and downloads belong in static/
file-kind-project = a project file
file-kind-page = a page
file-kind-location = a location file
folder-unreadable = cannot read folder: { $reason }
    .hint = check the folder's permissions
# An invisible character in a text file; $code is its number, like 00A0.
file-control-character = the file contains an invisible control character (U+{ $code }) at line { $line }, column { $column }
    .hint = delete it (it is not text; it often comes along when copying from a PDF or a word processor)
# $byte: the first byte that is not UTF-8 text, like FF.
file-not-utf8 = file is not UTF-8 text (invalid byte 0x{ $byte } at line { $line }, column { $column })
    .hint = save the file with UTF-8 encoding (in most editors: "Save with encoding" → UTF-8)
project-geo-missing = locations/ needs the municipal division in geo/, which is missing
    .hint = restore geo/ from git, or create it with `homestart import-geo`

## The stages of a build, as `homestart build --timings` lists them.

timing-registry = registry: load + check (in parallel)
timing-load = load config, strings, assets, templates
timing-read = read + parse + Markdown
timing-model = model + checks
timing-registry-views = registry: views, maps, template values
timing-leaflet-plan = leaflet plan
timing-render = render + minify + write, check links
timing-move-in = move changed files in (or swap a new output folder)
timing-total = total

## `homestart new`: its problems, and the comments in the files it writes. Each line of a
## comment becomes a `# ` comment line in the file (keep the line breaks short). Never write
## the placeholder mark (INVULLEN followed by a colon) in a comment: it marks a value still to
## fill in.

new-lang-unknown = `{ $code }` is not a language of this site
    .hint = use one of: { $codes }
new-name-unusable = `{ $name }` gives no usable file name
    .hint = give a name with letters or digits, e.g. `homestart new page "Voor scholen"`
new-original-unreadable = cannot read content/{ $default }/{ $slug }.md: { $reason }
# $lang: the language of the new page; $default: the site's first language.
new-original-missing = a page in `{ $lang }` translates a page of `{ $default }`, and content/{ $default }/{ $slug }.md does not exist
    .hint = give the name of the { $default } page it translates (its file name without .md, e.g. `over`), or create that page first
new-story-lang = stories are written in the site's first language
    .hint = leave out --lang; translate it afterwards with `homestart new page verhalen/<name> --lang { $lang }`
new-location-lang = locations are written once, not per language
    .hint = leave out --lang: the location's pages in every language come from one file
new-exists = { $path } already exists
    .hint = edit that file, or choose another name
new-cannot-write = cannot write { $path }: { $reason }

# The comments of a new page, one per field.
new-page-title = The page's title: the heading on the page and the name in the browser tab.
new-page-description = One or two sentences for search engines and overviews (optional).
new-page-menu = To put the page in the menu, add its name (this file's path without .md) to `menu` in site.yaml.
# Text of the new page itself (Markdown, not a comment), below the placeholder.
new-page-markdown =
    In Markdown: start a section with `## ` and a heading; link to another page with its
    address from the site's root, like this: [home page](/).
# The comment at the top of a new translation; $original: the original page's file.
new-translation =
    Translation of { $original }: same path, so the two pages are linked.
    It starts as a copy of the original: translate the title, the description and the
    text, and give the page an address in this language with `slug`.
    When done: `homestart translations --mark <this file>` records the version translated.
# The comments of a new story, one per field.
new-story-title = A story: shown in the stories list, newest first, and in the feed.
new-story-date = The date the story is published (YYYY-MM-DD).
new-story-author = Only a first name, or "a volunteer": never a family's full name without their written consent.
new-story-draft = While true, the story is not published (preview it with `homestart build --drafts`).
# The comments of a new location file: at the top, then one after each field.
new-location =
    New location. Replace every value that starts with INVULLEN (the site is not built
    while one is left; `homestart check` names each).
    The file name is the web address: locations/<name>.yaml → /locaties/<name>/.
    .organisation = the organisation the location belongs to
    .address = postal address of the office
    .phone = general number (leave out = first coordinator's)
    .opening-days = Dutch day names
    .ages = children's ages in years (core programme 0-6; 0-14 or 0-17 where funded)
    .coordinators = the first coordinator is the main contact
    .municipalities = every municipality served (CBS name, everyday name or code)
# site.yaml's organisation block: an e-mail address the pages link to.
site-email-invalid = organisation `{ $key }`: `{ $value }` is not an e-mail address
    .hint = write one address, e.g. `{ $key }: info@example.org`
