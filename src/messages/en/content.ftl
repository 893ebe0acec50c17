# Pages: the content/ folder, a page's front matter and Markdown text, page addresses, and the templates that turn pages into HTML.

## The content/ folder

# The folder content/ cannot be read (usually: it does not exist).
content-unreadable = cannot read the content folder: { $reason }
    .hint = create content/<language>/ folders, e.g. content/nl/_index.md
# Something directly in content/ that is not the folder of a language listed in site.yaml.
# $folders (in .hint): the language folders, e.g. "content/nl/, content/en/"
content-not-language-folder = `{ $name }` in content/ is not a language folder
    .hint-typo = did you mean content/{ $suggestion }/?
    .hint = pages live in a folder per language: { $folders }, … (languages are listed in site.yaml)
# A folder inside content/<language>/ cannot be read.
content-folder-unreadable = cannot read folder: { $reason }
content-symlink = links (symlinks) are not followed in content/
    .hint = put the file itself in content/, or remove the link
# A file in content/ that is not a Markdown page (an image, a PDF, …).
content-not-markdown = only Markdown pages (.md) belong in content/
    .hint = put images and downloads in static/ and link to them as /img/name.jpg
# A language of site.yaml without content/<code>/_index.md.
content-no-home = language `{ $code }` has no home page
    .hint = create content/{ $code }/_index.md with at least a title
# The home page (_index.md of a language) has `draft: true`.
content-home-draft = a language's home page cannot be a draft
    .hint = remove `draft: true`: every other page of the language links to its home page

## Front matter: the YAML between the two `---` lines at the top of a page

frontmatter-missing = page has no front matter
    .hint = start the file with a line `---`, then `title: …`, then another `---` line
# The first `---` line has no second `---` line after it.
frontmatter-unclosed = front matter is not closed
    .hint = add a line `---` after the last front-matter line, before the text of the page
frontmatter-title-empty = title is empty
    .hint = every page needs a title: it becomes the page heading and the browser tab text
# $date: what the editor wrote after `date:`
frontmatter-date-invalid = `{ $date }` is not a valid date
    .hint = write dates as YYYY-MM-DD, e.g. 2026-03-14
    .hint-order = write the year first, then the month, then the day: `date: { $suggestion }`
# $slug: what the editor wrote after `slug:`; $suggestion: a usable slug made from it
frontmatter-slug-invalid = slug `{ $slug }` cannot be used in a web address
    .hint = use lowercase letters a–z, digits and hyphens, e.g. `{ $suggestion }`
frontmatter-translation-key-empty = translation_key is empty
    .hint = remove the line (the file's path is the key), or name the Dutch page this translates
frontmatter-paginate-by-zero = paginate_by must be at least 1
    .hint = 10 is a good number of entries per page
# `sort_by`, `paginate_by` or `feed` on a page that is not a section's _index.md (a listing page).
frontmatter-section-only = `{ $key }` only applies to a section's _index.md
    .hint = move it to the _index.md of this folder, or remove it

## Placeholders `homestart new` writes ("INVULLEN: …"); INVULLEN stays as it is in every language

# $what: what to fill in, as `homestart new` wrote it after "INVULLEN:" (in Dutch);
# $written (in .hint): the placeholder as it stands in the file, e.g. "INVULLEN: plaats"
placeholder-not-filled = not filled in yet: { $what }
    .hint = replace `{ $written }` (with its quotes) by { $what }; `homestart new` left it here

## The Markdown text of a page

# A link to an address with a scheme that is not allowed (javascript:, data:, …); $scheme without the colon.
markdown-link-scheme = a link to a `{ $scheme }:` address is not allowed
    .hint = links may lead to a page of this site (/contact/) or to an address starting with https://, http://, mailto: or tel:
# An image whose address has a scheme (data:, javascript:, …); $scheme without the colon.
markdown-image-scheme = images cannot be taken from a `{ $scheme }:` address
    .hint = put the image in static/img/ and write ![description](/img/name.jpg)
# An address starting with // or holding a backslash, which browsers read as another website.
markdown-address-ambiguous = this address leads to another website in a way that is easy to misread
    .hint = write a page of this site with one leading slash (/contact/) and only forward slashes, or another website in full (https://example.org/)
# An image from another website (https://…).
markdown-image-external = images must come from this site
    .hint = pages never load anything from other websites: put the image in static/img/ and write ![description](/img/name.jpg)
# `## Heading {#id}` with an id holding other characters; $suggestion: a usable id
markdown-heading-id = heading id `{ $id }` may only contain letters, digits, `-` and `_`
    .hint = write it like {"{"}#{ $suggestion }{"}"}
markdown-heading-class = heading class `{ $class }` may only contain letters, digits, `-` and `_`
    .hint = write it like {"{"}.intro{"}"}
# Something other than an id or a class after a heading, e.g. `## Heading {onclick=…}`; $name: what was written
markdown-heading-attribute = `{ $name }` is not allowed after a heading
    .hint = only an id ({"{"}#name{"}"}) and classes ({"{"}.name{"}"}) may follow a heading
# Lists, quotes or emphasis inside each other more than $max (32) levels deep.
markdown-too-deep = text is nested more than { $max } levels deep (lists, quotes or emphasis inside each other)
    .hint = a list or quote inside another is fine a few levels deep; remove the extra `>`, `*` or indentation from here on
# A link written as [text][name] with no line `[name]: address` in the page.
markdown-reference-undefined = link reference `[{ $reference }]` is not defined
    .hint = add a line `[{ $reference }]: https://…` below the text, or write the link as [text](address)
# A warning: a `# Heading` (level 1) in the text, the level of the page title.
markdown-heading-h1 = a `#` heading inside the page repeats the page title level
    .hint = the title is the page's main heading; use `##` for sections of the text
# ![](…) with nothing between the brackets: the description for people who cannot see the image.
markdown-image-no-alt = image has no alternative text
    .hint = describe the image between the brackets: ![Two children reading with a volunteer](…)
# [text]() with nothing between the parentheses.
markdown-link-no-address = link has no address
    .hint = write the address between the parentheses: [text](/contact/)
markdown-html = HTML is not allowed in page text
    .hint = use Markdown instead (**bold**, [link](/contact/), ## heading); if you meant a literal `<`, write `\<`

## Page addresses, made from folder and file names

url-folder-name-invalid = folder name `{ $name }` cannot be used in a web address
    .hint = rename the folder to lowercase letters, digits and hyphens, or set `slug:` in its _index.md
# $name: the file name without .md; $suggestion: a usable slug made from it
url-file-name-invalid = file name `{ $name }` cannot be used in a web address
    .hint = rename the file to lowercase letters, digits and hyphens, or add `slug: { $suggestion }`

## Templates (templates/*.html), written by whoever maintains the site's design

template-folder-missing = the templates folder is missing
    .hint = the project needs a templates/ folder with base.html, page.html, …
# $message: the template engine's (Tera's) own message, in English
template-error = template error: { $message }
    .hint-functions = functions available here: asset(path=…), section_pages(key=…, lang=…, limit=…), range(…)
    .hint-variable = check the spelling of the variable; `{"{{"} x | default(value="") {"}}"}` allows a missing value
    .hint-asset = asset paths are relative to static/, e.g. asset(path="css/site.css")
    .hint-docs = see the Tera documentation on template syntax: https://keats.github.io/tera/
    .hint-named = check the template named in the message
# {% extends "x.html" %} names a template that does not exist.
template-parent-missing = template `{ $template }` extends `{ $parent }`, which does not exist
    .hint-typo = did you mean `{ $suggestion }`?
    .hint = create templates/{ $parent } or fix the name
# Tera was asked to render a template it has not loaded.
template-not-found = template `{ $name }` does not exist
    .hint-typo = did you mean `{ $suggestion }`?
    .hint = create templates/{ $name }
# asset(path=…) in a template names a file static/ does not have; .typo: with the file probably meant
template-asset-missing = template error: there is no file static/{ $path }
    .typo = template error: there is no file static/{ $path }; did you mean `{ $suggestion }`?
# section_pages(key=…) in a template names no section (a folder's _index.md, e.g. "verhalen/_index"); .typo: with the key probably meant
template-section-missing = template error: there is no section with key `{ $key }`
    .typo = template error: there is no section with key `{ $key }`; did you mean `{ $suggestion }`?
