//! `serve` under load: thousands of idle connections cost no threads and are closed after the
//! idle timeout, parallel requests stay fast, a bad timeout setting is named.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::{get, start_with};
use crate::common::{Site, assert_has};

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
