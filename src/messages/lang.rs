//! Which language the tool speaks to the editor, and how one run chooses it.

use std::path::Path;

use unic_langid::LanguageIdentifier;

/// The variable that overrides site.yaml for one shell (`HOMESTART_LANG=en homestart check`).
pub const ENV: &str = "HOMESTART_LANG";

/// A language the tool has words in. The order is the bundles' order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl = 0,
    En = 1,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// `nl`, `NL`, `nl_NL`, `nl-BE`, …: the language part decides.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code
            .trim()
            .split(['-', '_', '.'])
            .next()?
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    pub(super) fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Nl => unic_langid::langid!("nl"),
            Lang::En => unic_langid::langid!("en"),
        }
    }

    pub(super) fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Nl => super::NL,
            Lang::En => super::EN,
        }
    }

    /// The language of one run: `--lang`, else `HOMESTART_LANG`, else site.yaml's
    /// `editor_language`, else the site's default (first) language; English when that is a
    /// language the tool has no words in.
    pub fn for_run(flag: Option<&str>, root: &Path) -> Lang {
        let env = std::env::var(ENV).ok();
        let site = std::fs::read_to_string(root.join("site.yaml")).unwrap_or_default();
        Lang::choose(flag, env.as_deref(), &site)
    }

    /// [`Lang::for_run`] without the environment: what each source says, in order.
    pub fn choose(flag: Option<&str>, env: Option<&str>, site_yaml: &str) -> Lang {
        [flag, env.filter(|e| !e.trim().is_empty())]
            .into_iter()
            .flatten()
            .find_map(Lang::from_code)
            .or_else(|| site_language(site_yaml).and_then(|c| Lang::from_code(&c)))
            .unwrap_or(Lang::En)
    }
}

/// site.yaml's choice, read leniently: a site.yaml with mistakes still says which language its
/// editors read, and the message about those mistakes should be in it.
fn site_language(text: &str) -> Option<String> {
    if let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        let chosen = value.get("editor_language").and_then(|v| v.as_str());
        let first = || value.get("languages")?.get(0)?.get("code")?.as_str();
        if let Some(code) = chosen.or_else(first) {
            return Some(code.to_string());
        }
    }
    // Unreadable YAML: the first line that names a language.
    let value_of = |line: &str, key: &str| {
        let rest = line.trim_start().trim_start_matches("- ").trim_start();
        let v = rest.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        Some(
            v.split('#')
                .next()?
                .trim()
                .trim_matches(['"', '\''])
                .to_string(),
        )
    };
    let lines = || text.lines();
    lines()
        .find_map(|l| value_of(l, "editor_language"))
        .or_else(|| lines().find_map(|l| value_of(l, "code")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_environment_then_site_yaml() {
        let site = "languages:\n  - code: nl\n    name: Nederlands\n";
        assert_eq!(Lang::choose(None, None, site), Lang::Nl);
        assert_eq!(Lang::choose(None, Some("en_GB.UTF-8"), site), Lang::En);
        assert_eq!(Lang::choose(Some("nl"), Some("en"), site), Lang::Nl);
        assert_eq!(Lang::choose(None, Some(""), site), Lang::Nl);
        let chosen = format!("editor_language: en\n{site}");
        assert_eq!(Lang::choose(None, None, &chosen), Lang::En);
        // A site in a language the tool has no words in: English.
        assert_eq!(
            Lang::choose(None, None, "languages:\n  - code: pl\n"),
            Lang::En
        );
        // A broken site.yaml still says which language its editors read.
        let broken = "title: [\nlanguages:\n  - code: nl\n";
        assert_eq!(Lang::choose(None, None, broken), Lang::Nl);
        assert_eq!(Lang::choose(None, None, ""), Lang::En);
    }
}
