//! The reload event stream (`/__homestart/events`, Server-Sent Events): one `data: <build
//! number>` when the tab connects and one per finished build after that, for as long as the
//! tab stays open. Each stream is a response body polled by its connection's task and woken
//! by a `watch` channel, so an open tab holds no thread; a closed tab's stream is dropped
//! with its connection.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame};
use tokio::sync::watch;

/// The next build number, and the receiver to wait on after it.
type Next = Pin<Box<dyn Future<Output = Option<(u64, watch::Receiver<u64>)>> + Send>>;

pub struct Events {
    next: Next,
}

impl Events {
    /// A stream of the builds `rx` announces, starting with the current one, so a tab knows
    /// which build it shows and reloads only when another one follows.
    pub fn new(mut rx: watch::Receiver<u64>) -> Self {
        rx.mark_changed();
        Events {
            next: Box::pin(next_build(rx)),
        }
    }
}

/// Waits for a build newer than the last one seen (builds finished meanwhile count as one:
/// a tab reloads once); `None` once the server stops publishing.
async fn next_build(mut rx: watch::Receiver<u64>) -> Option<(u64, watch::Receiver<u64>)> {
    rx.changed().await.ok()?;
    let version = *rx.borrow_and_update();
    Some((version, rx))
}

impl Body for Events {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.next.as_mut().poll(cx) {
            Poll::Ready(Some((version, rx))) => {
                self.next = Box::pin(next_build(rx));
                let event = Bytes::from(format!("data: {version}\n\n"));
                Poll::Ready(Some(Ok(Frame::data(event))))
            }
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    async fn next_event(events: &mut Events) -> Option<String> {
        let frame = events.frame().await?.ok()?;
        Some(String::from_utf8_lossy(&frame.into_data().ok()?).into_owned())
    }

    #[test]
    fn a_tab_hears_the_current_build_then_each_new_one_and_the_end() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        runtime.block_on(async {
            let (tx, rx) = watch::channel(3);
            let mut events = Events::new(rx);
            assert_eq!(
                next_event(&mut events).await.as_deref(),
                Some("data: 3\n\n")
            );
            let nothing_yet = tokio::time::timeout(
                std::time::Duration::from_millis(20),
                next_event(&mut events),
            );
            assert!(nothing_yet.await.is_err(), "no event without a build");
            tx.send_replace(4);
            tx.send_replace(5);
            assert_eq!(
                next_event(&mut events).await.as_deref(),
                Some("data: 5\n\n")
            );
            drop(tx);
            assert_eq!(next_event(&mut events).await, None);
        });
    }
}
