//! The preview's HTTP side: built files from memory, the reload script and its event stream,
//! and the error page while a build has errors. Addresses are only ever looked up among the
//! built files, so no address — encoded or not — reaches the disk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::{Either, Full};
use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue, LOCATION};
use hyper::{Response, StatusCode};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use tokio::sync::watch;

use super::events::Events;
use super::{Builder, Snapshot};
use crate::diag::Diagnostic;
use crate::escape::escape_xml;
use crate::escape::percent_decode;
use crate::messages::{Lang, Text};
use crate::t;

const LIVE_JS: &str = "/__homestart/live.js";
const EVENTS: &str = "/__homestart/events";
/// Reloads the tab when a build finishes (and reconnects after the server restarts).
/// Marks the page once connected (`data-homestart-live`), for tests and the curious.
const LIVE_SCRIPT: &str = "(function(){var v=null;var es=new EventSource('/__homestart/events');\
es.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;\
document.documentElement.setAttribute('data-homestart-live',v);};})();\n";

/// A whole file from memory, or an open event stream.
pub type Body = Either<Full<Bytes>, Events>;

/// What the builder thread and the connections share.
pub struct Shared {
    snapshot: Mutex<Snapshot>,
    /// The build number; every open event stream watches it.
    version: watch::Sender<u64>,
    /// The language of the error page.
    lang: Lang,
}

impl Shared {
    pub fn new(lang: Lang) -> Self {
        Shared {
            snapshot: Mutex::default(),
            version: watch::Sender::new(0),
            lang,
        }
    }

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
        // Kept even while no tab listens, for the next one to connect.
        self.version.send_replace(version);
    }
}

/// The answer to a request for `path` (the address without its query).
pub fn answer(path: &str, shared: &Shared) -> Response<Body> {
    if path == EVENTS {
        let mut res = Response::new(Either::Right(Events::new(shared.version.subscribe())));
        set(&mut res, CONTENT_TYPE, "text/event-stream");
        return res;
    }
    if path == LIVE_JS {
        return full(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            LIVE_SCRIPT.into(),
        );
    }
    let (files, errors) = match shared.snapshot.lock() {
        Ok(s) => (s.files.clone(), s.errors.clone()),
        Err(_) => {
            return full(
                StatusCode::INTERNAL_SERVER_ERROR,
                TEXT,
                "server error".into(),
            );
        }
    };
    let (status, key) = match resolve(&files, path) {
        Found::File(key) => (StatusCode::OK, Some(key)),
        Found::Redirect(to) => {
            let mut res = full(StatusCode::MOVED_PERMANENTLY, TEXT, Vec::new());
            if let Ok(to) = HeaderValue::from_str(&to) {
                res.headers_mut().insert(LOCATION, to);
            }
            return res;
        }
        Found::Missing => (
            StatusCode::NOT_FOUND,
            files
                .contains_key("404.html")
                .then(|| "404.html".to_string()),
        ),
        Found::Bad => (StatusCode::BAD_REQUEST, None),
    };
    let is_html = key.as_deref().is_none_or(|k| k.ends_with(".html"));
    if !errors.is_empty() && is_html {
        let body = with_live_script(error_page(&errors, shared.lang).into_bytes());
        return full(StatusCode::INTERNAL_SERVER_ERROR, HTML, body);
    }
    let body = match key.as_deref().and_then(|k| files.get(k)) {
        Some(bytes) if is_html => with_live_script(bytes.clone()),
        Some(bytes) => bytes.clone(),
        None => b"not found".to_vec(),
    };
    let kind = key.as_deref().map_or(TEXT, content_type);
    full(status, kind, body)
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

fn full(status: StatusCode, kind: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut res = Response::new(Either::Left(Full::new(Bytes::from(body))));
    *res.status_mut() = status;
    set(&mut res, CONTENT_TYPE, kind);
    res
}

/// Sets a header, and `Cache-Control: no-store` so the preview never shows a stale file.
fn set(res: &mut Response<Body>, name: hyper::header::HeaderName, value: &'static str) {
    let headers = res.headers_mut();
    headers.insert(name, HeaderValue::from_static(value));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
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
        Found::Redirect(location(&format!("{path}/")))
    } else {
        Found::Missing
    }
}

/// What a `Location` header may carry as it is: an address's bytes other than these (and all
/// non-ASCII bytes) are percent-encoded, so `/héllo/` is sent as `/h%C3%A9llo/`. `%` stays, as
/// the address arrives already encoded.
const NOT_IN_LOCATION: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

fn location(path: &str) -> String {
    utf8_percent_encode(path, NOT_IN_LOCATION).to_string()
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

/// The page shown in place of every page while the project has errors: each problem once,
/// with its file and line as a heading, its message, the line itself with the mistake marked,
/// and the hint. Readable on a 320 px phone: long paths wrap, and a long source line scrolls
/// inside its own box so the marks stay under the mistake.
fn error_page(errors: &[Diagnostic], lang: Lang) -> String {
    let words = |t: Text| escape_xml(&t.show(lang));
    let mut out = format!(
        "<!doctype html><html lang={}><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><style>body{{font:1rem/1.5 system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem;color:#1f2a2e}}\
         h1{{color:#8f1d00;font-size:1.5rem}}h2{{font-size:1.1rem;overflow-wrap:anywhere}}section{{border-top:1px solid #ddd;padding-top:.5rem}}\
         pre{{background:#f6f1e9;padding:.75rem;overflow-x:auto;white-space:pre;font-size:.9rem}}</style><main>",
        lang.code(),
        words(t!("serve-error-title")),
    );
    out.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        words(t!("serve-error-heading", count = errors.len())),
        words(t!("serve-error-reload")),
    ));
    for d in errors {
        let excerpt = excerpt_of(d, lang);
        out.push_str(&format!(
            "<section><h2>{}</h2><p>{}</p>{}{}</section>",
            escape_xml(&d.location()),
            escape_xml(&d.message_in(lang)),
            if excerpt.is_empty() {
                String::new()
            } else {
                format!("<pre>{}</pre>", escape_xml(&excerpt))
            },
            d.hint_in(lang)
                .map(|h| format!(
                    "<p><strong>{}:</strong> {}</p>",
                    words(t!("note-hint")),
                    escape_xml(&h)
                ))
                .unwrap_or_default(),
        ));
    }
    out.push_str("</main>");
    out
}

/// The quoted lines with their marks and any "see also" place: the heading above already
/// says where and what, and the hint follows (the terminal's rendering repeats all three).
fn excerpt_of(d: &Diagnostic, lang: Lang) -> String {
    let rendered = d.render(lang);
    let hint = format!("= {}:", t!("note-hint").show(lang));
    let lines: Vec<&str> = rendered
        .lines()
        .skip(1)
        .filter(|l| !l.trim_start().starts_with(&hint))
        .collect();
    lines.join("\n").trim_matches('\n').to_string()
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

    #[test]
    fn a_redirect_to_a_folder_that_is_not_ascii_is_encoded() {
        let files: HashMap<String, Vec<u8>> = [("héllo/index.html".to_string(), Vec::new())].into();
        for address in ["/héllo", "/h%C3%A9llo"] {
            let Found::Redirect(to) = resolve(&files, address) else {
                panic!("{address} is not redirected");
            };
            assert_eq!(to, "/h%C3%A9llo/");
            assert!(HeaderValue::from_str(&to).is_ok());
        }
        assert_eq!(location("/a b/\"<x>`"), "/a%20b/%22%3Cx%3E%60");
    }

    /// Every address, whatever its bytes, gets an answer; a folder that is not ASCII is sent
    /// on with an encoded `Location` (building that header once killed the connection).
    #[test]
    fn an_address_that_is_not_ascii_gets_an_answer_with_an_ascii_location() {
        let shared = Shared::new(Lang::En);
        if let Ok(mut s) = shared.snapshot.lock() {
            s.files = Arc::new(HashMap::from([
                ("ä/index.html".to_string(), "<p>ä</p>".into()),
                ("index.html".to_string(), b"<p>home</p>".to_vec()),
            ]));
        }
        for address in ["/ä", "/%C3%A4", "/a\u{0}b", "/\u{7f}\u{fffd}", "/ä/\"<x>`"] {
            let res = answer(address, &shared);
            assert!(
                [301, 400, 404].contains(&res.status().as_u16()),
                "{address}: {}",
                res.status()
            );
            if res.status() == StatusCode::MOVED_PERMANENTLY {
                assert_eq!(res.headers()[LOCATION], "/%C3%A4/", "{address}");
            }
        }
        assert_eq!(answer("/%C3%A4/", &shared).status(), StatusCode::OK);
        assert_eq!(answer("/", &shared).status(), StatusCode::OK);
    }

    #[test]
    fn the_error_page_shows_each_problem_once() {
        let src = crate::diag::Source::new("content/nl/over.md", "---\ntitel: Over\n---\nTekst.\n");
        let d = Diagnostic::error("unknown key `titel`")
            .at(&src, 4..9)
            .hint("did you mean `title`?");
        let page = error_page(std::slice::from_ref(&d), Lang::En);
        assert_eq!(page.matches("unknown key").count(), 1, "{page}");
        assert_eq!(page.matches("did you mean").count(), 1, "{page}");
        assert!(page.contains("<h2>content/nl/over.md:2:1</h2>"), "{page}");
        assert!(page.contains("titel: Over"), "the line itself: {page}");
        assert!(page.contains("^^^^^"), "its marks: {page}");
        // A second place named by the problem stays on the page.
        let other = crate::diag::Source::new("content/nl/contact.md", "---\ntitle: Over\n---\n");
        let both = Diagnostic::error("two pages have the address /over/")
            .at(&src, 4..9)
            .related(&other, 4);
        let page = error_page(&[both], Lang::En);
        assert!(
            page.contains("see also: content/nl/contact.md:2:1"),
            "{page}"
        );
        // In Dutch: the page's own words, and the problem's.
        let page = error_page(&[d], Lang::Nl);
        assert!(page.starts_with("<!doctype html><html lang=nl>"), "{page}");
        assert!(page.contains("<h1>De site bevat 1 fout</h1>"), "{page}");
        assert!(page.contains("<strong>tip:</strong>"), "{page}");
    }
}
