//! `homestart serve` as an editor uses it: start on a free port, edit a page and see the
//! rebuilt page and the reload event, break it and see the errors in the browser, fix it and
//! see it recover; encoded traversal is refused; a port in use is named; the server under
//! load in `load`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Site, assert_has};

mod load;

/// The server process, stopped when the test ends (also on failure).
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site, port: u16) -> Result<Server, String> {
    start_with(site, port, &[])
}

fn start_with(site: &Site, port: u16, env: &[(&str, &str)]) -> Result<Server, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_homestart"));
    command
        .arg("--root")
        .arg(site.root())
        .envs(env.iter().copied());
    spawn(command, port)
}

fn spawn(mut command: Command, port: u16) -> Result<Server, String> {
    let mut child = command
        .env(homestart::messages::lang::ENV, "en")
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("homestart starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    if line.is_empty() {
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        return Err(format!("exit {:?}: {err}", status.code()));
    }
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    Ok(Server { child, port })
}

/// GET `path` (sent as written, escapes included): status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let status = raw[9..12].parse().unwrap();
    let body = raw
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// An open event stream; `next` waits for the next build number.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET /__homestart/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        Events {
            stream,
            seen: String::new(),
        }
    }

    /// The build numbers announced so far, waiting up to 10 s for at least `n`.
    fn wait_for(&mut self, n: usize) -> Vec<u64> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let numbers: Vec<u64> = self
                .seen
                .split("data: ")
                .skip(1)
                .filter_map(|s| s.split('\n').next()?.trim().parse().ok())
                .collect();
            if numbers.len() >= n || Instant::now() > deadline {
                return numbers;
            }
            let mut buf = [0u8; 512];
            if let Ok(k) = self.stream.read(&mut buf) {
                self.seen.push_str(&String::from_utf8_lossy(&buf[..k]));
            }
        }
    }
}

#[test]
fn edit_break_fix_and_reload() {
    let site = Site::fixture("basic");
    let server = start(&site, 0).expect("serve starts");
    let port = server.port;

    let (status, home) = get(port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<h1>Welkom</h1>"), "{home}");
    assert!(home.ends_with("<script src=\"/__homestart/live.js\"></script>"));
    let (status, script) = get(port, "/__homestart/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource('/__homestart/events')"));
    assert_eq!(get(port, "/over").0, 301);

    let mut events = Events::open(port);
    let first = events.wait_for(1);
    assert_eq!(first.len(), 1, "the stream starts with the current build");

    // An edit: the page is rebuilt and a reload is announced.
    let page = "content/nl/over.md";
    site.write(
        page,
        "---\ntitle: Over ons\n---\n## Wat we doen\n\nTekst.\n\nEen nieuwe alinea.\n",
    );
    let after_edit = events.wait_for(2);
    assert!(
        after_edit.len() >= 2 && after_edit[1] > after_edit[0],
        "{after_edit:?}"
    );
    let (status, over) = get(port, "/over/");
    assert_eq!(status, 200);
    assert!(over.contains("Een nieuwe alinea."), "{over}");

    // A broken edit: every page shows the error with file, line and hint.
    site.write(page, "---\ntitle: Over ons\ndescripton: x\n---\nTekst.\n");
    let n = events.wait_for(after_edit.len() + 1).len();
    let (status, shown) = get(port, "/over/");
    assert_eq!(status, 500);
    assert_has(
        &shown,
        &[
            "<h2>content/nl/over.md:3:1</h2>",
            "unknown key `descripton` in front matter",
            "<strong>hint:</strong> did you mean `description`?",
            "/__homestart/live.js",
        ],
    );
    assert_eq!(
        get(port, "/").0,
        500,
        "every page shows the errors, not a stale page"
    );

    // The fix: the preview recovers by itself.
    site.write(page, "---\ntitle: Over ons\n---\nHersteld.\n");
    events.wait_for(n + 1);
    let (status, fixed) = get(port, "/over/");
    assert_eq!(status, 200);
    assert!(fixed.contains("Hersteld."), "{fixed}");

    // A new page and a deleted one are picked up too.
    site.write(
        "content/nl/nieuw.md",
        "---\ntitle: Nieuw\n---\nNieuwe pagina.\n",
    );
    events.wait_for(n + 2);
    assert!(get(port, "/nieuw/").1.contains("Nieuwe pagina."));
    site.remove("content/nl/nieuw.md");
    events.wait_for(n + 3);
    assert_eq!(get(port, "/nieuw/").0, 404);

    // Only built files are served, whatever the address's encoding.
    std::fs::write(site.root().join("secret.txt"), "do not serve").unwrap();
    for evil in [
        "/../site.yaml",
        "/..%2fsite.yaml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/over/..%2F..%2Fsite.yaml",
        "/..%5csite.yaml",
        "/secret.txt",
        "/%2e%2e%2fsecret.txt",
    ] {
        let (status, body) = get(port, evil);
        assert!(status == 400 || status == 404, "{evil}: {status}");
        assert!(
            !body.contains("do not serve") && !body.contains("languages:"),
            "{evil}"
        );
    }
}

#[test]
fn a_relative_root_is_watched_too() {
    let site = Site::fixture("basic");
    let mut command = Command::new(env!("CARGO_BIN_EXE_homestart"));
    command.current_dir(site.root()).args(["--root", "."]);
    let server = spawn(command, 0).expect("serve starts");
    let mut events = Events::open(server.port);
    let before = events.wait_for(1).len();
    site.write(
        "content/nl/over.md",
        "---\ntitle: Over ons\n---\nBewerkt.\n",
    );
    assert!(
        events.wait_for(before + 1).len() > before,
        "no rebuild after a save"
    );
    assert!(get(server.port, "/over/").1.contains("Bewerkt."));
}

#[test]
fn a_port_in_use_is_named_with_another_to_try() {
    let site = Site::fixture("basic");
    let first = start(&site, 0).expect("serve starts");
    let err = start(&site, first.port)
        .err()
        .expect("the second server cannot start");
    assert_has(
        &err,
        &[
            "exit Some(1)",
            &format!("cannot serve on port {}", first.port),
            &format!("try `homestart serve --port {}`", first.port + 1),
        ],
    );
}

#[test]
fn a_flood_of_changes_makes_few_builds_and_ends_on_the_last_state() {
    let site = Site::fixture("basic");
    let server = start(&site, 0).expect("serve starts");
    let mut events = Events::open(server.port);
    let before = events.wait_for(1);
    // 100 saves as fast as the disk allows, like a checkout or a search-and-replace.
    for i in 0..100 {
        site.write(
            "content/nl/over.md",
            &format!("---\ntitle: Over ons\n---\n## Wat we doen\n\nTekst.\n\nVersie {i}.\n"),
        );
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = get(server.port, "/over/");
        if status == 200 && body.contains("Versie 99.") {
            break;
        }
        assert!(Instant::now() < deadline, "the last save never showed");
        std::thread::sleep(Duration::from_millis(50));
    }
    let builds = events.wait_for(2).len() - before.len();
    assert!((1..50).contains(&builds), "100 saves made {builds} builds");
}

/// GET `path` as raw bytes: the whole answer, also when it is not UTF-8.
fn get_raw(port: u16, path: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut request = b"GET ".to_vec();
    request.extend_from_slice(path);
    request.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    s.write_all(&request).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    raw
}

#[test]
fn an_address_that_is_not_ascii_or_a_huge_header_gets_an_answer_and_the_server_keeps_serving() {
    let site = Site::fixture("basic");
    let server = start(&site, 0).expect("serve starts");
    for path in [
        &b"/h%C3%A9llo"[..],
        b"/h%C3%A9llo/",
        "/héllo".as_bytes(),
        b"/h\xe9llo",
        "/over?x=é".as_bytes(),
        b"/%FF",
    ] {
        let raw = get_raw(server.port, path);
        let shown = String::from_utf8_lossy(path);
        let (head, _) = raw
            .split_at_checked(raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(0))
            .unwrap_or_default();
        assert!(
            raw.starts_with(b"HTTP/1.1 ") && head.is_ascii(),
            "{shown}: {:?}",
            String::from_utf8_lossy(&raw)
        );
        let status = &raw[9..12];
        assert!(
            [&b"301"[..], b"400", b"404"].contains(&status),
            "{shown}: {}",
            String::from_utf8_lossy(&raw)
        );
    }
    // A header beyond 64 KiB is refused, not buffered.
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {}\r\n\r\n",
        "a".repeat(100_000)
    );
    let _ = s.write_all(huge.as_bytes());
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    assert!(
        raw.starts_with(b"HTTP/1.1 431 "),
        "{}",
        String::from_utf8_lossy(&raw)
    );
    let (status, home) = get(server.port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<h1>Welkom</h1>"));
}

/// A file in a folder whose name is not ASCII (`static/ä/`) is served at its encoded address;
/// the same folder asked for with raw UTF-8 or Latin-1 bytes, with or without its slash, gets
/// an answer with an ASCII header, and the server keeps serving.
#[test]
fn a_folder_that_is_not_ascii_is_served_and_raw_addresses_get_an_answer() {
    let site = Site::fixture("basic");
    site.write("static/ä/note.txt", "umlaut\n");
    // The file's fingerprinted name, from a build elsewhere.
    let out = tempfile::tempdir().unwrap();
    let run = site.build(&["--out", out.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let name = std::fs::read_dir(out.path().join("ä"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with("note."))
        .unwrap();
    let server = start(&site, 0).expect("serve starts");
    let file = get_raw(server.port, format!("/%C3%A4/{name}").as_bytes());
    assert!(
        file.starts_with(b"HTTP/1.1 200 ") && file.ends_with(b"\r\n\r\numlaut\n"),
        "{}",
        String::from_utf8_lossy(&file)
    );
    for path in [
        "/ä".as_bytes(),
        "/ä/".as_bytes(),
        format!("/ä/{name}").as_bytes(),
        b"/\xe4/",
        b"/%C3%A4",
        b"/%C3%A4/",
    ] {
        let raw = get_raw(server.port, path);
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n");
        let head = &raw[..end.unwrap_or(raw.len())];
        assert!(
            raw.starts_with(b"HTTP/1.1 ") && head.is_ascii(),
            "{}: {:?}",
            String::from_utf8_lossy(path),
            String::from_utf8_lossy(&raw)
        );
        let status = raw.get(9..12).unwrap_or_default();
        assert!(
            [&b"200"[..], b"400", b"404"].contains(&status),
            "{}: {}",
            String::from_utf8_lossy(path),
            String::from_utf8_lossy(&raw)
        );
    }
    let (status, home) = get(server.port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<h1>Welkom</h1>"));
}

/// An edit to a page's text renders only that page (and the listings showing its summary),
/// through the same render as a full build: every file then equals a fresh full build's.
#[test]
fn a_partial_rebuild_gives_the_files_of_a_full_build() {
    use homestart::pipeline::Options;
    use homestart::serve::Builder;
    let site = Site::fixture("basic");
    let opts = Options::at(site.root().to_path_buf());
    let mut builder = Builder::new(opts.clone());
    let first = builder.build(&[]);
    assert!(first.full && first.errors == 0, "{first:?}");
    site.edit(
        "content/nl/over.md",
        "Tekst.",
        "Andere tekst, met [een link](/nieuws/).",
    );
    site.edit(
        "content/nl/nieuws/bericht-2.md",
        "Inhoud van bericht 2.",
        "Een nieuwe eerste alinea.",
    );
    let changed = [
        site.root().join("content/nl/over.md"),
        site.root().join("content/nl/nieuws/bericht-2.md"),
    ];
    let partial = builder.build(&changed);
    assert!(!partial.full && partial.errors == 0, "{partial:?}");
    assert!(
        partial.pages >= 3,
        "the pages and the news listing: {partial:?}"
    );
    let mut fresh = Builder::new(opts);
    assert_eq!(fresh.build(&[]).errors, 0);
    let (a, b) = (builder.files(), fresh.files());
    let mut differ: Vec<&String> = b.keys().filter(|k| a.get(*k) != b.get(*k)).collect();
    differ.sort();
    assert!(differ.is_empty(), "differ from a full build: {differ:?}");
    assert_eq!(a.len(), b.len());
    let page = String::from_utf8_lossy(&a["over/index.html"]);
    assert!(page.contains("Andere tekst"), "{page}");
}
