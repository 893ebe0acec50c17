//! `homestart serve` as an editor uses it: start on a free port, edit a page and see the
//! rebuilt page and the reload event, break it and see the errors in the browser, fix it and
//! see it recover; encoded traversal is refused; a port in use is named; thousands of idle
//! connections cost no threads and are closed after the idle timeout.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Site, assert_has};

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

/// Threads and resident memory (KiB) of a process, from /proc.
fn threads_and_rss(pid: u32) -> (usize, usize) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let field = |name: &str| -> usize {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {status}"))
    };
    (field("Threads:"), field("VmRSS:"))
}

/// Whether the server has closed this connection (without waiting).
fn closed(mut s: &TcpStream) -> bool {
    match s.read(&mut [0u8; 64]) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() != ErrorKind::WouldBlock,
    }
}

/// 50 clients asking 20 pages each, a new connection per request, while the server's threads
/// are sampled: the time of each request, and the most threads the server had.
fn load(port: u16, pid: u32, expected: &str) -> (Vec<Duration>, usize) {
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        std::thread::spawn(move || {
            let mut most = 0;
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                most = most.max(threads_and_rss(pid).0);
                std::thread::sleep(Duration::from_millis(5));
            }
            most
        })
    };
    let clients: Vec<_> = (0..50)
        .map(|_| {
            let expected = expected.to_string();
            std::thread::spawn(move || {
                (0..20)
                    .map(|_| {
                        let start = Instant::now();
                        let (status, body) = get(port, "/over/");
                        let took = start.elapsed();
                        assert_eq!(status, 200);
                        assert!(body == expected, "a wrong body: {body}");
                        took
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let took: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("every request is answered"))
        .collect();
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let most_threads = sampler.join().unwrap();
    (took, most_threads)
}

#[test]
#[cfg(target_os = "linux")]
fn thousands_of_idle_connections_cost_no_threads_and_are_closed_after_the_idle_timeout() {
    // Each idle connection is an open file here and one in the server (which inherits this
    // limit); a soft limit of 1024 is common, so raise it to the hard one.
    let files = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let idle_n = 2000.min(usize::try_from(files.saturating_sub(400)).unwrap_or(0));
    let scaled = if idle_n < 2000 {
        format!(" (scaled down to {idle_n} idle connections: the open-file limit is {files})")
    } else {
        String::new()
    };
    let idle_ms = 5000;
    let site = Site::fixture("basic");
    let server = start_with(
        &site,
        0,
        &[("HOMESTART_SERVE_IDLE_MS", &idle_ms.to_string())],
    )
    .expect("serve starts");
    let (port, pid) = (server.port, server.child.id());
    let (status, expected) = get(port, "/over/");
    assert_eq!(status, 200);
    let (threads_before, rss_before) = threads_and_rss(pid);

    // A connection that asked once and keeps the connection alive; half of the others send
    // nothing, half only part of a request, like a stalled or malicious client.
    let opened = Instant::now();
    let mut kept = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(kept, "GET /over/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    kept.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut answer = Vec::new();
    while !answer.ends_with(b"</script>") {
        let mut buf = [0u8; 4096];
        let k = kept.read(&mut buf).unwrap();
        assert!(k > 0, "{}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buf[..k]);
    }
    let silent: Vec<TcpStream> = (0..idle_n / 2)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let (_, rss_silent) = threads_and_rss(pid);
    let partial: Vec<TcpStream> = (0..idle_n - idle_n / 2)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET /over/ HTTP/1.1\r\nHost: 127.0").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let (_, rss_idle) = threads_and_rss(pid);

    // Meanwhile 50 clients ask 20 pages each, a new connection per request.
    let (mut took, most_threads) = load(port, pid, &expected);
    let loaded = opened.elapsed();
    took.sort();
    let (median, p99, max) = (
        took[took.len() / 2],
        took[took.len() * 99 / 100],
        took[took.len() - 1],
    );
    eprintln!(
        "{idle_n} idle connections: threads {threads_before} → at most {most_threads}, \
         RSS {rss_before} → {rss_silent} (silent half) → {rss_idle} KiB (all); \
         {} requests: median {median:?}, p99 {p99:?}, max {max:?}{scaled}",
        took.len()
    );
    assert_eq!(took.len(), 1000);
    assert!(p99 < Duration::from_millis(100), "p99 {p99:?}{scaled}");
    // The runtime's few threads, the builder, the watcher and rayon's pool, whatever the
    // number of connections (a thread per connection was 2,000 more).
    let rayon = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    assert!(
        most_threads <= 16 + rayon,
        "{most_threads} threads with {idle_n} idle connections{scaled}"
    );
    // A connection that has sent nothing costs about 1 KiB (a thread cost ~27 KiB).
    let per_silent = (rss_silent.saturating_sub(rss_before)) * 1024 / (idle_n / 2).max(1);
    assert!(
        per_silent < 10 * 1024,
        "{per_silent} bytes per silent connection{scaled}"
    );

    // All idle connections are still open after the load, and closed after the timeout.
    assert!(
        loaded < Duration::from_millis(idle_ms),
        "the load took {loaded:?}, longer than the idle timeout: too slow to test{scaled}"
    );
    let mut idle: Vec<TcpStream> = silent.into_iter().chain(partial).chain([kept]).collect();
    for s in &idle {
        s.set_nonblocking(true).unwrap();
    }
    let open_now = idle.iter().filter(|s| !closed(s)).count();
    assert_eq!(
        open_now,
        idle.len(),
        "closed before the idle timeout{scaled}"
    );
    let deadline = opened + Duration::from_millis(idle_ms + 5000);
    loop {
        std::thread::sleep(Duration::from_millis(200));
        idle.retain(|s| !closed(s));
        if idle.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{} idle connections still open {:?} after they opened (timeout {idle_ms} ms)",
            idle.len(),
            opened.elapsed()
        );
    }
    assert!(opened.elapsed() >= Duration::from_millis(idle_ms));
    assert_eq!(get(port, "/over/").1, expected, "the server keeps serving");
}

#[test]
fn an_idle_timeout_that_is_not_a_number_is_named() {
    let site = Site::fixture("basic");
    let err = start_with(&site, 0, &[("HOMESTART_SERVE_IDLE_MS", "soon")])
        .err()
        .expect("serve refuses to start");
    assert_has(
        &err,
        &[
            "exit Some(1)",
            "HOMESTART_SERVE_IDLE_MS is `soon`, not a number of milliseconds",
            "unset it",
        ],
    );
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
