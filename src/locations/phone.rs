//! Dutch phone numbers: parsed and checked with libphonenumber's metadata (the phonenumber
//! crate), shown in the grouping Dutch readers expect, dialled as `tel:+31…`.
//!
//! Only the Dutch part of the metadata is loaded (`phone-nl.xml`): the crate's full database
//! compiles the patterns of every country on first use, ~70 ms of every build. The full one
//! is consulted only to explain why a number was refused.

use std::sync::OnceLock;

use phonenumber::metadata::Database;
use phonenumber::{Type, country::Id};
use serde::Serialize;

use crate::messages::Text;
use crate::t;

/// libphonenumber's metadata of the Netherlands, unchanged (Apache-2.0).
const NL_METADATA: &str = include_str!("phone-nl.xml");

/// The Dutch numbering plan, parsed once per process (immutable afterwards).
fn dutch() -> &'static Database {
    static NL: OnceLock<Database> = OnceLock::new();
    NL.get_or_init(|| Database::parse(NL_METADATA).expect("phone-nl.xml is valid metadata"))
}

/// A checked phone number in its three forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// As the editor wrote it.
    pub written: String,
    /// Dutch grouping, e.g. `030 123 45 67`, `06 12 34 56 78`.
    pub display: String,
    /// International form for `tel:` links and data files, e.g. `+31301234567`.
    pub e164: String,
}

/// Why a number was refused, for an editor (the hint comes with it).
#[derive(Debug, PartialEq, Eq)]
pub struct PhoneError {
    pub message: Text,
    pub hint: Text,
    /// Where in the written value the mistake is, when it is one spot (a letter).
    pub at: Option<std::ops::Range<usize>>,
}

pub fn parse(written: &str) -> Result<Phone, PhoneError> {
    let refuse = |message: Text| PhoneError {
        message,
        hint: t!("phone-hint"),
        at: None,
    };
    let trimmed = written.trim();
    if trimmed.is_empty() {
        return Err(refuse(t!("phone-empty")));
    }
    if let Some(letter) = letter(written) {
        return Err(letter);
    }
    let number = match phonenumber::parse_with(dutch(), Some(Id::NL), trimmed) {
        Ok(n) if n.code().value() == 31 && n.is_valid_with(dutch()) => n,
        Ok(n) if n.code().value() == 31 => {
            let digits = n.national().to_string();
            // The shape of a Dutch number (length, first digits) but no type has it: say which
            // start is not in use.
            let shaped = dutch()
                .by_id("NL")
                .is_some_and(|m| m.descriptors().general().is_match(&digits));
            return Err(match unused_prefix(&digits).filter(|_| shaped) {
                Some(prefix) => PhoneError {
                    message: t!("phone-unused-range", number = trimmed, prefix = prefix),
                    hint: t!("phone-unused-range.hint"),
                    at: None,
                },
                None => refusal(trimmed, refuse),
            });
        }
        // Refused: the whole world's metadata tells a foreign number from no number at all.
        _ => return Err(refusal(trimmed, refuse)),
    };
    if matches!(
        number.number_type(dutch()),
        Type::PremiumRate | Type::SharedCost
    ) {
        return Err(PhoneError {
            message: t!("phone-paid", number = trimmed),
            hint: t!("phone-paid.hint"),
            at: None,
        });
    }
    let digits = number.national().to_string();
    Ok(Phone {
        written: trimmed.to_string(),
        display: group(&national_format(dutch(), &digits)),
        e164: format!("+31{digits}"),
    })
}

/// libphonenumber's national format (`030 123 4567`) from the Dutch metadata alone. The
/// crate's own formatter opens the full database whatever it is given (~70 ms); this follows
/// its rules: the first format whose leading digits and pattern match, with the national
/// prefix put before the first group where the format asks for it.
fn national_format(db: &Database, digits: &str) -> String {
    let Some(meta) = db.by_id("NL") else {
        return digits.to_string();
    };
    let chosen = meta.formats().iter().find(|f| {
        let leading = f
            .leading_digits()
            .last()
            .is_none_or(|l| l.find(digits).is_some_and(|m| m.start() == 0));
        leading
            && f.pattern()
                .find(digits)
                .is_some_and(|m| m.start() == 0 && m.end() == digits.len())
    });
    let Some(format) = chosen else {
        return digits.to_string();
    };
    let mut template = format.format().to_string();
    if let Some(rule) = format.national_prefix()
        && let Some(at) = template.find('$')
        && template[at + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        let first = template[at..at + 2].to_string();
        let rule = rule
            .replace("$NP", meta.national_prefix().unwrap_or(""))
            .replace("$FG", &first);
        template.replace_range(at..at + 2, &rule);
    }
    format
        .pattern()
        .replace(digits, template.as_str())
        .into_owned()
}

/// Why the Dutch numbering plan refused `trimmed`, judged with the full database.
fn refusal(trimmed: &str, refuse: impl Fn(Text) -> PhoneError) -> PhoneError {
    let Ok(number) = phonenumber::parse(Some(Id::NL), trimmed) else {
        return refuse(t!("phone-not-a-number", number = trimmed));
    };
    if number.code().value() != 31 {
        return PhoneError {
            message: t!("phone-not-dutch", number = trimmed),
            hint: t!("phone-not-dutch.hint"),
            at: None,
        };
    }
    refuse(t!("phone-invalid", number = trimmed))
}

/// A letter among the digits. libphonenumber reads letters as phone-keypad letters (`6l` is
/// dialled as `65`), so a typo like `l` for `1` would publish another number: refused, at the
/// letter. (Text without any digit is "not a phone number", said by the parser.)
fn letter(written: &str) -> Option<PhoneError> {
    if !written.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (at, c) = written.char_indices().find(|(_, c)| c.is_alphabetic())?;
    let meant = match c {
        'l' | 'I' | 'i' => Some('1'),
        'O' | 'o' => Some('0'),
        'S' | 's' => Some('5'),
        'B' => Some('8'),
        'Z' | 'z' => Some('2'),
        _ => None,
    };
    Some(PhoneError {
        message: t!("phone-letter", number = written.trim(), letter = c),
        hint: match meant {
            Some(d) => t!("phone-letter.hint-digit", digit = d),
            None => t!("phone-letter.hint"),
        },
        at: Some(at..at + c.len_utf8()),
    })
}

/// The numbers in use: every number type's pattern of the Dutch plan joined (the general
/// pattern is broader: it also covers ranges no type has, like 06 9…).
fn types_pattern() -> Option<String> {
    let types = NL_METADATA.split("</generalDesc>").nth(1)?;
    let types = types.split("</territory>").next()?;
    let patterns: Vec<String> = types
        .split("<nationalNumberPattern>")
        .skip(1)
        .filter_map(|p| p.split("</nationalNumberPattern>").next())
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    (!patterns.is_empty()).then(|| format!("(?:{})", patterns.join(")|(?:")))
}

/// The shortest start of `digits` that no Dutch number has, written as dialled at home
/// (`06 98`), or `None` when every start is possible (the number is too long or too short).
fn unused_prefix(digits: &str) -> Option<String> {
    use regex_automata::hybrid::dfa::DFA;
    use regex_automata::{Anchored, Input};
    let dfa = DFA::new(&types_pattern()?).ok()?;
    let mut cache = dfa.create_cache();
    let input = Input::new(digits).anchored(Anchored::Yes);
    let mut state = dfa.start_state_forward(&mut cache, &input).ok()?;
    for (i, b) in digits.bytes().enumerate() {
        state = dfa.next_state(&mut cache, state, b).ok()?;
        if state.is_match() {
            return None; // a whole number fits: this one is too long
        }
        if state.is_dead() {
            let prefix = &digits[..=i];
            return Some(match prefix.strip_prefix('6') {
                Some(rest) if !rest.is_empty() => format!("06 {rest}"),
                _ => format!("0{prefix}"),
            });
        }
    }
    None
}

/// Regroups libphonenumber's national format the Dutch way: area code, then the subscriber
/// number in pairs after an opening triple (`030 123 45 67`, `0575 12 34 56`, `06 12 34 56 78`).
fn group(national: &str) -> String {
    let Some((area, rest)) = national.split_once(' ') else {
        return national.to_string();
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let geographic = area.len() == 3 || area.len() == 4;
    let parts: Vec<&str> = match (area, digits.len()) {
        ("06", 8) => vec![&digits[0..2], &digits[2..4], &digits[4..6], &digits[6..8]],
        (a, 7) if geographic && !a.starts_with("08") && !a.starts_with("09") => {
            vec![&digits[0..3], &digits[3..5], &digits[5..7]]
        }
        (a, 6) if geographic && !a.starts_with("08") && !a.starts_with("09") => {
            vec![&digits[0..2], &digits[2..4], &digits[4..6]]
        }
        _ => return national.to_string(),
    };
    format!("{area} {}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use phonenumber::Mode;

    /// What an editor reads, in English.
    fn refused(written: &str) -> String {
        parse(written).unwrap_err().message.to_string()
    }

    #[test]
    fn dutch_numbers_grouped_and_dialable() {
        let p = parse("030-1234567").unwrap();
        assert_eq!(p.display, "030 123 45 67");
        assert_eq!(p.e164, "+31301234567");
        assert_eq!(parse("+31 6 1234 5678").unwrap().display, "06 12 34 56 78");
        assert_eq!(parse("0575 123456").unwrap().display, "0575 12 34 56");
        assert_eq!(parse("0031 20 555 0199").unwrap().display, "020 555 01 99");
        assert_eq!(parse("088 123 4567").unwrap().display, "088 123 4567");
        assert_eq!(parse("0800 1234").unwrap().e164, "+318001234");
    }

    #[test]
    fn foreign_invalid_and_paid_numbers_refused() {
        assert!(refused("+32 2 123 45 67").contains("not a Dutch"));
        assert!(refused("12345").contains("not a valid"));
        assert!(refused("bel ons").contains("not a phone number"));
        assert!(refused("0900 1234567").contains("paid"));
        assert!(parse("").is_err());
        // In the editor's language.
        let e = parse("12345").unwrap_err();
        assert!(
            e.message
                .show(Lang::Nl)
                .starts_with("`12345` is geen geldig Nederlands telefoonnummer"),
            "{e:?}"
        );
        assert!(
            e.hint.show(Lang::Nl).contains("vergelijk de cijfers"),
            "{e:?}"
        );
        assert_eq!(
            refused("0900 1234567"),
            "`0900 1234567` is a paid service number"
        );
    }

    /// A letter is never read as a keypad digit: refused at its place, with the digit it
    /// looks like.
    #[test]
    fn letters_are_refused_where_they_are() {
        for (written, letter, at, meant) in [
            ("033 657 81 6l", 'l', 12, Some('1')),
            ("033 657 81 8I", 'I', 12, Some('1')),
            ("033 6S7 81 61", 'S', 5, Some('5')),
            ("  030 12O 45 67", 'O', 8, Some('0')),
            ("030 123 45 67 (ma-vr)", 'm', 15, None),
        ] {
            let e = parse(written).unwrap_err();
            assert!(
                e.message
                    .to_string()
                    .contains(&format!("the letter `{letter}`")),
                "{written}: {e:?}"
            );
            assert_eq!(e.at, Some(at..at + 1), "{written}");
            assert_eq!(&written[at..at + 1], letter.to_string());
            if let Some(d) = meant {
                assert!(
                    e.hint.to_string().contains(&format!("the digit `{d}`")),
                    "{written}: {e:?}"
                );
                assert!(
                    e.hint.show(Lang::Nl).contains(&format!("het cijfer `{d}`")),
                    "{written}: {e:?}"
                );
            }
        }
    }

    /// A number in a range no operator uses says so, with the start no number has; one that
    /// is only too long or short keeps the general message.
    #[test]
    fn unused_ranges_are_named() {
        let e = parse("06 98 76 54 32").unwrap_err();
        assert!(
            e.message
                .to_string()
                .ends_with("no Dutch number starts with 06 9 …"),
            "{e:?}"
        );
        assert!(!e.hint.to_string().contains("area code"), "{e:?}");
        assert!(refused("030 123 45 6").contains("not a valid Dutch"));
        assert_eq!(unused_prefix("612345678"), None);
        assert_eq!(unused_prefix("301234567"), None);
    }

    /// The Dutch extract and our formatter must judge and show every number exactly as the
    /// crate does with its full database (this fails when the crate's metadata moves on
    /// without phone-nl.xml, or the formatter misses one of its rules).
    #[test]
    fn dutch_extract_agrees_with_the_full_database() {
        use phonenumber::metadata::DATABASE;
        let reference = |written: &str| -> Result<Phone, String> {
            let trimmed = written.trim();
            let n = phonenumber::parse(Some(Id::NL), trimmed).map_err(|_| "no number")?;
            if n.code().value() != 31 || !n.is_valid() {
                return Err("not Dutch or not valid".into());
            }
            if matches!(
                n.number_type(&DATABASE),
                Type::PremiumRate | Type::SharedCost
            ) {
                return Err("paid".into());
            }
            Ok(Phone {
                written: trimmed.to_string(),
                display: group(&n.format().mode(Mode::National).to_string()),
                e164: n.format().mode(Mode::E164).to_string(),
            })
        };
        let mut numbers = vec!["0800 1234".to_string(), "14 020".into(), "112".into()];
        let mut seed = 12345u64;
        for prefix in (10..100).map(|p| format!("0{p}")).chain(
            [
                "06", "0800", "0900", "0906", "0909", "084", "085", "087", "088", "097", "0970",
            ]
            .map(String::from),
        ) {
            for len in 6..=9 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let digits = format!("{:09}", seed >> 33);
                let rest = &digits[..len.min(digits.len())];
                numbers.push(format!("{prefix}{rest}"));
                numbers.push(format!("+31 {}{rest}", &prefix[1..]));
            }
        }
        let mut valid = 0;
        for n in &numbers {
            let ours = parse(n);
            let theirs = reference(n);
            assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "{n}: {ours:?}");
            valid += usize::from(ours.is_ok());
        }
        assert!(
            valid > 100,
            "the sample must hold valid numbers too: {valid}"
        );
    }
}
