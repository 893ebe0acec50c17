# site.yaml, the project's files and folders, and the files `homestart new` writes.

site-editor-language = the tool has no messages in `{ $code }`
    .hint = write `editor_language: nl` or `editor_language: en`, or leave the line out to use the site's first language
