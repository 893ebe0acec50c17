//! The tool's own words: every diagnostic, hint, line of command output, the preview's error
//! page and the comments of files `homestart new` writes, in Dutch and in English.
//!
//! Code never holds the words, only a key and its arguments ([`Text`], made with [`t!`]); they
//! are put into words where they are shown, in the editor's language ([`Lang`]). The words are
//! Fluent catalogues, one folder per language (`nl/`, `en/`) and in it one file per area, so a
//! translator sees a message beside its hint (an attribute `.hint`). A message's key is also its
//! stable `code` in `check --format json` and `--format github`, for tools to match on.

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub mod lang;
pub use lang::Lang;

/// The catalogue files of one language, by area; a test checks this lists every file of both
/// folders.
macro_rules! catalogue {
    ($lang:literal: $($area:literal),* $(,)?) => {
        &[$(($area, include_str!(concat!($lang, "/", $area, ".ftl")))),*]
    };
}

pub(crate) const NL: &[(&str, &str)] = catalogue!("nl": "check", "commands", "common", "content", "geo", "leaflets", "locations", "output", "project", "serve", "yaml");
pub(crate) const EN: &[(&str, &str)] = catalogue!("en": "check", "commands", "common", "content", "geo", "leaflets", "locations", "output", "project", "serve", "yaml");

/// A message in no language yet: a catalogue key (`message` or `message.attribute`) and its
/// arguments. Ordered and compared by key and arguments, so sorting and removing repeated
/// problems does not depend on the language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument: words from outside the catalogue (a file name, a parser's message), a number
/// (plural forms choose by it), or another message, put into the same language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Str(String),
    Num(i64),
    Text(Box<Text>),
}

/// Makes a [`Text`]: `t!("link-nowhere", url = href)`; each argument is anything that turns
/// into an [`Arg`] (strings, counts, other texts).
#[macro_export]
macro_rules! t {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Text::new($key)$(.arg(stringify!($name), $value))*
    };
}

impl Text {
    pub fn new(key: &'static str) -> Self {
        Text {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The kind of problem, the same in every language: the message's key without attribute.
    pub fn code(&self) -> &'static str {
        self.key.split('.').next().unwrap_or(self.key)
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// In words, in `lang`; a key missing there comes from the English catalogue, and a key
    /// missing in both (which a test rules out) is shown as itself rather than lost.
    pub fn show(&self, lang: Lang) -> String {
        [lang, Lang::En]
            .into_iter()
            .find_map(|l| self.format(l))
            .unwrap_or_else(|| self.key.to_string())
    }

    fn format(&self, lang: Lang) -> Option<String> {
        let bundle = bundle(lang);
        let (id, attribute) = match self.key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (self.key, None),
        };
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Text(t) => FluentValue::from(t.show(lang)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned(),
        )
    }
}

/// Tests of other things build diagnostics from plain words; the tool itself cannot.
#[cfg(test)]
impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::new("verbatim").arg("text", s)
    }
}

/// English, for tests and logs that are not meant for an editor.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.show(Lang::En))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Str(c.to_string())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(Box::new(t))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

type Bundle = FluentBundle<FluentResource>;

/// The bundle of one language, parsed once per process.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [load(Lang::Nl), load(Lang::En)]);
    &bundles[lang as usize]
}

fn load(lang: Lang) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    // No Unicode isolation marks around arguments: the words go to terminals and logs.
    bundle.set_use_isolating(false);
    for (_, text) in lang.catalogue() {
        // A test rules out syntax errors and repeated keys; at run time a broken entry is
        // skipped rather than taking the others with it.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

#[cfg(test)]
mod tests;
