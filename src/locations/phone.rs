//! Dutch phone numbers: parsed and checked with libphonenumber's metadata (the phonenumber
//! crate), shown in the grouping Dutch readers expect, dialled as `tel:+31…`.

use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber, Type, country::Id};
use serde::Serialize;

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

/// Why a number was refused, in words for an editor (the hint comes with it).
#[derive(Debug, PartialEq, Eq)]
pub struct PhoneError {
    pub message: String,
    pub hint: String,
}

pub fn parse(written: &str) -> Result<Phone, PhoneError> {
    let refuse = |message: String| PhoneError {
        message,
        hint: "write a Dutch number with its area code, e.g. 030 123 45 67 or 06 12 34 56 78"
            .into(),
    };
    let trimmed = written.trim();
    if trimmed.is_empty() {
        return Err(refuse("the phone number is empty".into()));
    }
    let number: PhoneNumber = phonenumber::parse(Some(Id::NL), trimmed)
        .map_err(|_| refuse(format!("`{trimmed}` is not a phone number")))?;
    if number.code().value() != 31 {
        return Err(PhoneError {
            message: format!("`{trimmed}` is not a Dutch phone number"),
            hint: "families and referrers call a Dutch number; write it with its area code, e.g. 030 123 45 67".into(),
        });
    }
    if !phonenumber::is_valid(&number) {
        return Err(refuse(format!(
            "`{trimmed}` is not a valid Dutch phone number"
        )));
    }
    if matches!(
        number.number_type(&DATABASE),
        Type::PremiumRate | Type::SharedCost
    ) {
        return Err(PhoneError {
            message: format!("`{trimmed}` is a paid service number"),
            hint: "the programme is free for families: give a regular, mobile or 0800 number"
                .into(),
        });
    }
    let national = number.format().mode(Mode::National).to_string();
    Ok(Phone {
        written: trimmed.to_string(),
        display: group(&national),
        e164: number.format().mode(Mode::E164).to_string(),
    })
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
        assert!(
            parse("+32 2 123 45 67")
                .unwrap_err()
                .message
                .contains("not a Dutch")
        );
        assert!(parse("12345").unwrap_err().message.contains("not a valid"));
        assert!(
            parse("bel ons")
                .unwrap_err()
                .message
                .contains("not a phone number")
        );
        assert!(parse("0900 1234567").unwrap_err().message.contains("paid"));
        assert!(parse("").is_err());
    }
}
