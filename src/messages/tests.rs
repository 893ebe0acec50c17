//! The catalogues hold each other's keys, parse cleanly, and hold every key the code uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// Every message and attribute of one language, with the variables its words use.
fn keys(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut keys = BTreeMap::new();
    for (area, text) in lang.catalogue() {
        let resource = FluentResource::try_new((*text).to_string())
            .unwrap_or_else(|(_, e)| panic!("{}/{area}.ftl does not parse: {e:?}", lang.code()));
        for entry in resource.entries() {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let mut add = |key: String, pattern: &ast::Pattern<&str>| {
                let mut vars = BTreeSet::new();
                variables(pattern, &mut vars);
                let again = keys.insert(key.clone(), vars);
                assert!(again.is_none(), "{}: `{key}` twice", lang.code());
            };
            if let Some(value) = &m.value {
                add(m.id.name.to_string(), value);
            }
            for a in &m.attributes {
                add(format!("{}.{}", m.id.name, a.id.name), &a.value);
            }
        }
    }
    keys
}

fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_variables(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                inline_variables(p, out);
            }
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_have_the_same_keys_with_the_same_variables() {
    let (nl, en) = (keys(Lang::Nl), keys(Lang::En));
    for (key, vars) in &en {
        let Some(theirs) = nl.get(key) else {
            panic!("nl lacks `{key}`, which en has");
        };
        assert_eq!(
            theirs, vars,
            "`{key}` uses other variables in nl than in en"
        );
    }
    for key in nl.keys() {
        assert!(en.contains_key(key), "en lacks `{key}`, which nl has");
    }
}

#[test]
fn every_catalogue_file_is_loaded() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/messages");
    for lang in Lang::ALL {
        let mut files: Vec<String> = std::fs::read_dir(here.join(lang.code()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut listed: Vec<String> = lang
            .catalogue()
            .iter()
            .map(|(area, _)| format!("{area}.ftl"))
            .collect();
        listed.sort();
        assert_eq!(
            files,
            listed,
            "catalogue!() in messages/mod.rs lists {}/",
            lang.code()
        );
    }
}

/// The keys the code names (`t!("key"…` and `Text::new("key")`, on one line or two).
fn keys_in_code() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().ends_with("messages/tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for opening in ["t!(", "Text::new("] {
            for (at, _) in text.match_indices(opening) {
                // Not the end of another macro's name (`eprintln!("`).
                let before = text[..at].chars().next_back().unwrap_or(' ');
                let line = text[..at].rsplit('\n').next().unwrap_or_default();
                if before.is_alphanumeric() || before == '_' || line.trim_start().starts_with("//")
                {
                    continue;
                }
                let Some(rest) = text[at + opening.len()..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let key = &rest[..rest.find('"').unwrap()];
                if key != "key" {
                    found.insert(key.to_string());
                }
            }
        }
    }
    found
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogues_and_every_message_is_used() {
    let used = keys_in_code();
    let en = keys(Lang::En);
    for key in &used {
        assert!(
            en.contains_key(key.as_str()),
            "the code uses `{key}`, which en/ lacks"
        );
    }
    let ids: BTreeSet<&str> = used.iter().map(|k| k.split('.').next().unwrap()).collect();
    for key in en.keys() {
        let id = key.split('.').next().unwrap();
        assert!(
            ids.contains(id),
            "`{key}` is in the catalogues but no code uses it"
        );
    }
}

#[test]
fn texts_are_put_into_words_in_the_language_asked_for() {
    let text = crate::t!("errors-and-warnings", errors = 1_usize, warnings = 2_usize);
    assert_eq!(text.show(Lang::En), "1 error, 2 warnings");
    assert_eq!(text.show(Lang::Nl), "1 fout, 2 waarschuwingen");
    assert_eq!(text.code(), "errors-and-warnings");
    // A text inside a text is put into the same language.
    let outer = crate::t!("check-summary", counts = text);
    assert_eq!(outer.show(Lang::Nl), "check: 1 fout, 2 waarschuwingen");
}
