//! The checks across files, each a function from the loaded project to its problems, with its
//! own tests. A new rule is one function and one test in the module of what it reads.
//!
//! - [`site`]: rules over the placed pages, menus and string tables, before anything renders;
//! - [`templates`]: every page's template exists;
//! - [`translations`]: which translations are outdated (warnings);
//! - [`links`]: every link of every page reaches a page, file or anchor of the rendered site.

pub mod links;
pub mod site;
pub mod strings;
pub mod templates;
pub mod translations;

pub use links::{Outputs, ids, links};
pub use site::{placeholders, site};
pub use templates::templates;
