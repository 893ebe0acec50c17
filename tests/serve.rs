//! `homestart serve` as an editor uses it: start on a free port, edit a page and see the
//! rebuilt page and the reload event, break it and see the errors in the browser, fix it and
//! see it recover; encoded traversal is refused; a port in use is named.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Site, assert_has};

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
    let mut child = Command::new(env!("CARGO_BIN_EXE_homestart"))
        .arg("--root")
        .arg(site.root())
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
            "<strong>Hint:</strong> did you mean `description`?",
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
