//! The integration tests, one module per area, in one test binary: every test binary links
//! the whole crate with typst, and nine of them meant nine such links (and nine crates to
//! compile). Run one area with a filter: `cargo test --release --test it serve::`.

mod common;

mod build;
mod check;
mod content;
mod editors;
mod errors;
mod escaping;
mod guide;
mod leaflets;
mod places;
mod registry;
mod serve;
mod structured;
