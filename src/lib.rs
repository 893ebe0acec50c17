//! homestart: builds the Home-Start website from Markdown pages, string tables and templates.
//!
//! The build is one pipeline ([`pipeline`]); each module below is one concept of it.

// Diagnostics are large (message, hint, quoted source) but only travel on the cold error
// path, where one per problem is exactly what an editor needs; boxing them buys nothing.
#![allow(clippy::result_large_err)]
// No function longer than clippy.toml allows: one that is can be read in one go.
#![warn(clippy::too_many_lines)]

pub mod assets;
pub mod check;
pub mod config;
pub mod content;
pub mod coverage;
pub mod diag;
pub mod escape;
pub mod files;
pub mod geo;
pub mod i18n;
pub mod leaflets;
pub mod locations;
pub mod map;
pub mod messages;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod yaml;
