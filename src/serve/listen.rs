//! The preview's connections: a small async runtime (hyper on tokio) instead of a thread per
//! connection, so thousands of open sockets cost a few kilobytes each, not a thread each.
//! Idle connections are closed after a while and the number of connections is capped, so
//! neither a forgetful client nor a flood can exhaust the process's memory or file handles.

use std::convert::Infallible;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use socket2::{Domain, Protocol, Socket, Type};
use tokio::sync::Semaphore;

use super::http::{self, Shared};
use crate::diag::Diagnostic;
use crate::t;

/// Threads that answer requests. Every answer is a copy from memory, so two keep up with
/// any browser (and the builder and rayon want the cores more).
const WORKERS: usize = 2;

/// How long a connection may sit without a complete request header: from when it opens to
/// its first byte, from its first byte to the header's end, and from an answer to the next
/// header's end (hyper measures the last two with one timer, so the keep-alive idle timeout
/// and the header timeout are the same). 30 s lets a browser reuse its connections while
/// someone reads a page, and sends away clients that open connections and never (or only
/// slowly) ask anything; a browser reconnects to 127.0.0.1 in well under a millisecond when
/// it needs to. An open event stream is an answer in progress, not idle, so it stays open.
/// `HOMESTART_SERVE_IDLE_MS` overrides it (tests use it so as not to wait 30 s).
const IDLE: Duration = Duration::from_secs(30);
const IDLE_ENV: &str = "HOMESTART_SERVE_IDLE_MS";

/// Most connections open at once; more wait in the system's queue until one closes. Far
/// beyond what browsers open (six per site plus one event stream per tab), and kept below
/// the open-file limit so the builder can still read the project.
const MAX_CONNECTIONS: u64 = 4096;
/// Open files left for the builder, the watcher and the runtime.
const RESERVED_FILES: u64 = 256;

/// How long connections may idle and how many may be open.
pub struct Limits {
    idle: Duration,
    connections: usize,
}

impl Limits {
    /// Reads `HOMESTART_SERVE_IDLE_MS`, and raises the open-file limit as far as the system
    /// allows (the soft limit is often 1024, fewer than a busy preview may want) to cap the
    /// connections below it.
    pub fn new() -> Result<Limits, Diagnostic> {
        let idle = match std::env::var(IDLE_ENV) {
            Err(_) => IDLE,
            Ok(ms) => match ms.trim().parse::<u64>() {
                Ok(ms) if ms > 0 => Duration::from_millis(ms),
                _ => {
                    return Err(
                        Diagnostic::error(t!("preview-idle", var = IDLE_ENV, value = ms))
                            .hint(t!("preview-idle.hint", seconds = IDLE.as_secs())),
                    );
                }
            },
        };
        let files = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
        let connections = files
            .saturating_sub(RESERVED_FILES)
            .clamp(16, MAX_CONNECTIONS);
        Ok(Limits {
            idle,
            connections: usize::try_from(connections).unwrap_or(16),
        })
    }
}

/// Largest request header accepted (hyper answers 431 beyond it); leaves room for cookies
/// other programs on 127.0.0.1 may have set.
const MAX_HEADER: usize = 64 * 1024;

/// Connections the system may hold for us before we accept them. A browser opening a page
/// makes a burst of connections; std's default (128) drops the excess, and each dropped
/// connection waits a second before it tries again.
const BACKLOG: i32 = 1024;

/// Listens on 127.0.0.1 only: the preview is not meant to be reachable from the network.
pub fn bind(port: u16) -> std::io::Result<TcpListener> {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
    // As std does: a restart may take the port again at once.
    socket.set_reuse_address(true)?;
    socket.bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

/// Answers requests until the process ends.
pub fn serve(listener: TcpListener, shared: Arc<Shared>, limits: Limits) -> Result<(), Diagnostic> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .thread_name("homestart-http")
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Diagnostic::error(t!("preview-start", reason = e.to_string())))?;
    runtime.block_on(accept(listener, shared, limits))
}

async fn accept(
    listener: TcpListener,
    shared: Arc<Shared>,
    Limits { idle, connections }: Limits,
) -> Result<(), Diagnostic> {
    let listener = listener
        .set_nonblocking(true)
        .and_then(|()| tokio::net::TcpListener::from_std(listener))
        .map_err(|e| Diagnostic::error(t!("preview-start", reason = e.to_string())))?;
    let slots = Arc::new(Semaphore::new(connections));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(idle)
        .max_header_size(MAX_HEADER)
        .max_buf_size(MAX_HEADER);
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return Ok(()); // the semaphore is never closed
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file handles, or the client gave up: wait rather than spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        // Small writes (one event, one short answer) go out at once.
        let _ = stream.set_nodelay(true);
        let shared = shared.clone();
        let service = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
            let res = http::answer(req.uri().path(), &shared);
            async move { Ok::<_, Infallible>(res) }
        });
        let http = http.clone();
        tokio::spawn(async move {
            // hyper takes some 16 KiB of buffers per connection at once; a connection that
            // has sent nothing yet is held without them (about 1 KiB), and closed after
            // `idle` if it never does. (`readable()` fires at once for a new socket, so the
            // wait is a peek at the first byte.)
            let first = tokio::time::timeout(idle, stream.peek(&mut [0u8; 1])).await;
            if let Ok(Ok(1..)) = first {
                let _ = http.serve_connection(TokioIo::new(stream), service).await;
            }
            drop(slot);
        });
    }
}
