# site.yaml, de bestanden en mappen van het project, en de bestanden die `homestart new` schrijft.

site-editor-language = de meldingen van homestart bestaan niet in `{ $code }`
    .hint = schrijf `editor_language: nl` of `editor_language: en`, of laat de regel weg; dan geldt de eerste taal van de site
