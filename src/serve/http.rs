//! The preview's HTTP side: built files from memory, the reload script and its event stream,
//! and the error page while a build has errors. Addresses are only ever looked up among the
//! built files, so no address — encoded or not — reaches the disk.

use std::collections::HashMap;
use std::io::Write;
use std::net::TcpListener;
use std::sync::{Arc, Mutex, mpsc};

use tiny_http::{Header, Request, Response, Server, StatusCode};

use super::{Builder, Snapshot};
use crate::check::percent_decode;
use crate::diag::Diagnostic;
use crate::render::escape_xml;

const LIVE_JS: &str = "/__homestart/live.js";
const EVENTS: &str = "/__homestart/events";
/// Reloads the tab when a build finishes (and reconnects after the server restarts).
/// Marks the page once connected (`data-homestart-live`), for tests and the curious.
const LIVE_SCRIPT: &str = "(function(){var v=null;var es=new EventSource('/__homestart/events');\
es.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;\
document.documentElement.setAttribute('data-homestart-live',v);};})();\n";

/// What the builder thread and the request threads share.
#[derive(Default)]
pub struct Shared {
    snapshot: Mutex<Snapshot>,
    /// One sender per open event stream.
    clients: Mutex<Vec<mpsc::Sender<u64>>>,
}

impl Shared {
    /// Takes over the builder's files and errors and tells every open tab.
    pub fn publish(&self, builder: &Builder) {
        let version = {
            let Ok(mut s) = self.snapshot.lock() else {
                return;
            };
            if builder.errors.is_empty() || s.files.is_empty() {
                s.files = Arc::new(builder.files().clone());
            }
            s.errors = builder.errors.clone();
            s.version += 1;
            s.version
        };
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(version).is_ok());
        }
    }
}

/// Answers requests until the process ends.
pub fn serve(listener: TcpListener, shared: Arc<Shared>) -> Result<(), Diagnostic> {
    let server = Server::from_listener(listener, None)
        .map_err(|e| Diagnostic::error(format!("cannot start the web server: {e}")))?;
    for request in server.incoming_requests() {
        let shared = shared.clone();
        // A thread per request: event streams stay open for as long as a tab does.
        std::thread::spawn(move || answer(request, &shared));
    }
    Ok(())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn answer(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS {
        let (tx, rx) = mpsc::channel();
        let version = shared.snapshot.lock().map(|s| s.version).unwrap_or(0);
        let _ = tx.send(version);
        if let Ok(mut clients) = shared.clients.lock() {
            clients.push(tx);
        }
        // Written straight to the connection and flushed per event (a response body would be
        // buffered); the stream ends when the tab goes away and a write fails.
        let mut w = request.into_writer();
        let _ = (|| -> std::io::Result<()> {
            w.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n")?;
            w.flush()?;
            for v in rx {
                write!(w, "data: {v}\n\n")?;
                w.flush()?;
            }
            Ok(())
        })();
        return;
    }
    if path == LIVE_JS {
        let _ = request.respond(
            Response::from_string(LIVE_SCRIPT)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store")),
        );
        return;
    }
    let (files, errors) = match shared.snapshot.lock() {
        Ok(s) => (s.files.clone(), s.errors.clone()),
        Err(_) => return,
    };
    let (status, key, location) = match resolve(&files, path) {
        Found::File(key) => (200, Some(key), None),
        Found::Redirect(to) => (301, None, Some(to)),
        Found::Missing => (
            404,
            files
                .contains_key("404.html")
                .then(|| "404.html".to_string()),
            None,
        ),
        Found::Bad => (400, None, None),
    };
    if let Some(to) = location {
        let _ =
            request.respond(Response::empty(StatusCode(301)).with_header(header("Location", &to)));
        return;
    }
    let is_html = key.as_deref().is_none_or(|k| k.ends_with(".html"));
    if !errors.is_empty() && is_html {
        let body = with_live_script(error_page(&errors).into_bytes());
        let _ = request.respond(
            Response::from_data(body)
                .with_status_code(StatusCode(500))
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store")),
        );
        return;
    }
    let body = match key.as_deref().and_then(|k| files.get(k)) {
        Some(bytes) if is_html => with_live_script(bytes.clone()),
        Some(bytes) => bytes.clone(),
        None => b"not found".to_vec(),
    };
    let kind = key
        .as_deref()
        .map_or("text/plain; charset=utf-8", content_type);
    let _ = request.respond(
        Response::from_data(body)
            .with_status_code(StatusCode(status))
            .with_header(header("Content-Type", kind))
            .with_header(header("Cache-Control", "no-store")),
    );
}

#[derive(Debug, PartialEq)]
enum Found {
    File(String),
    Redirect(String),
    Missing,
    Bad,
}

/// The built file an address names: `/` and `/over/` are their `index.html`, `/over` is sent
/// on to `/over/`. Escapes are decoded first; `..`, `.`, backslashes and NUL are refused.
fn resolve(files: &HashMap<String, Vec<u8>>, path: &str) -> Found {
    let Some(decoded) = percent_decode(path) else {
        return Found::Bad;
    };
    let Some(rest) = decoded.strip_prefix('/') else {
        return Found::Bad;
    };
    if rest.contains(['\\', '\0']) || rest.split('/').any(|seg| seg == ".." || seg == ".") {
        return Found::Bad;
    }
    let key = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    if files.contains_key(&key) {
        Found::File(key)
    } else if files.contains_key(&format!("{rest}/index.html")) {
        Found::Redirect(format!("{path}/"))
    } else {
        Found::Missing
    }
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "geojson" => "application/geo+json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn with_live_script(mut html: Vec<u8>) -> Vec<u8> {
    html.extend_from_slice(format!("<script src=\"{LIVE_JS}\"></script>").as_bytes());
    html
}

/// The page shown in place of every page while the project has errors.
fn error_page(errors: &[Diagnostic]) -> String {
    let mut out = String::from(
        "<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\">\
         <title>Build errors – homestart</title><style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2a2e}\
         h1{color:#8f1d00}pre{background:#f6f1e9;padding:1rem;overflow-x:auto;white-space:pre-wrap}</style><main>",
    );
    out.push_str(&format!(
        "<h1>The site has {} error{}</h1><p>Fix the file and save it: this page reloads by itself.</p>",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    ));
    for d in errors {
        out.push_str(&format!(
            "<section><h2>{}</h2><p>{}</p><pre>{}</pre>{}</section>",
            escape_xml(&d.location()),
            escape_xml(&d.message),
            escape_xml(&d.render()),
            d.hint
                .as_deref()
                .map(|h| format!("<p><strong>Hint:</strong> {}</p>", escape_xml(h)))
                .unwrap_or_default(),
        ));
    }
    out.push_str("</main>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_resolve_only_to_built_files() {
        let files: HashMap<String, Vec<u8>> = ["index.html", "over/index.html", "css/site.css"]
            .into_iter()
            .map(|k| (k.to_string(), Vec::new()))
            .collect();
        assert_eq!(resolve(&files, "/"), Found::File("index.html".into()));
        assert_eq!(
            resolve(&files, "/over/"),
            Found::File("over/index.html".into())
        );
        assert_eq!(resolve(&files, "/over"), Found::Redirect("/over/".into()));
        assert_eq!(
            resolve(&files, "/css/site.css"),
            Found::File("css/site.css".into())
        );
        assert_eq!(
            resolve(&files, "/%6Fver/"),
            Found::File("over/index.html".into())
        );
        assert_eq!(resolve(&files, "/nope/"), Found::Missing);
        for evil in [
            "/../site.yaml",
            "/..%2fsite.yaml",
            "/%2e%2e/site.yaml",
            "/over/..%2F..%2Fetc/passwd",
            "/a%5c..%5cb",
            "/%00",
            "/%zz",
            "/%ff",
            "/./index.html",
        ] {
            assert_eq!(resolve(&files, evil), Found::Bad, "{evil}");
        }
    }
}
