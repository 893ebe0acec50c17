# Het live voorbeeld: wat de terminal zegt en de pagina die je ziet zolang de site fouten bevat.

serve-port = kan niet serveren op poort { $port }: { $reason }
    .hint = kies een andere poort met --port
    .hint-in-use = een ander programma (misschien een andere `homestart serve`) gebruikt die poort; probeer `homestart serve --port { $next }`
serve-watch = kan het project niet in de gaten houden op wijzigingen: { $reason }
    .hint = verhoog op Linux fs.inotify.max_user_watches, of bouw met `homestart build`
serve-serving = voorbeeld op http://127.0.0.1:{ $port }/ (concepten inbegrepen) — sla een bestand op en de pagina ververst; Ctrl+C stopt
serve-errors = { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}: de browser toont ze tot ze opgelost zijn ({ $ms } ms)
serve-built = { $pages } pagina's gebouwd in { $ms } ms
serve-rebuilt = { $pages ->
    [one] 1 pagina
   *[other] { $pages } pagina's
} opnieuw gebouwd in { $ms } ms
serve-error-title = Fouten bij het bouwen – homestart
serve-error-heading = De site bevat { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}
serve-error-reload = Verbeter het bestand en sla het op: deze pagina ververst vanzelf.
