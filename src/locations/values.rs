//! Small value checks of the registry (ages, postcodes, markup), kept apart from the file
//! checks so they can be tested on their own.

use crate::messages::Text;
use crate::t;

/// `<b>`, `</script>`, `<!--`, `<?`: anything a browser could read as markup.
pub fn has_markup(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// `0-6`, `0–17`, `0 - 14` → (from, to), for children's ages the programme can serve; or
/// why not (a reason of `location-ages-invalid`).
pub fn parse_ages(s: &str) -> Result<(u8, u8), Text> {
    let (a, b) = s
        .split_once(['-', '–'])
        .ok_or_else(|| t!("location-ages-invalid.why-shape"))?;
    let parse = |x: &str| {
        x.trim()
            .parse::<u8>()
            .map_err(|_| t!("location-ages-invalid.why-not-whole"))
    };
    let (from, to) = (parse(a)?, parse(b)?);
    if from > to {
        return Err(t!("location-ages-invalid.why-reversed"));
    }
    if to > 18 {
        return Err(t!("location-ages-invalid.why-too-old"));
    }
    if from == to {
        return Err(t!("location-ages-invalid.why-single"));
    }
    Ok((from, to))
}

/// `3511ab` → `3511 AB`; `None` if it is not a Dutch postcode.
pub fn normalise_postcode(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let b = compact.as_bytes();
    let ok = b.len() == 6
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_alphabetic);
    ok.then(|| format!("{} {}", &compact[..4], compact[4..].to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn ages() {
        assert_eq!(parse_ages("0-6"), Ok((0, 6)));
        assert_eq!(parse_ages(" 0 – 17 "), Ok((0, 17)));
        assert!(parse_ages("6-0").is_err());
        assert!(parse_ages("0-25").is_err());
        assert!(parse_ages("4-4").is_err());
        assert!(parse_ages("nul-zes").is_err());
        assert!(parse_ages("6").is_err());
        let why = parse_ages("6-0").unwrap_err();
        assert_eq!(why.to_string(), "the youngest age is above the oldest");
        assert_eq!(
            why.show(Lang::Nl),
            "de jongste leeftijd is hoger dan de oudste"
        );
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode("3511ab").as_deref(), Some("3511 AB"));
        assert_eq!(normalise_postcode("3511 AB").as_deref(), Some("3511 AB"));
        assert!(normalise_postcode("0511 AB").is_none());
        assert!(normalise_postcode("35111 AB").is_none());
    }

    #[test]
    fn markup_detected() {
        assert!(has_markup("</script><script>alert(1)</script>"));
        assert!(has_markup("\"><img src=x onerror=alert(1)>"));
        assert!(!has_markup("Welzijn & Zorg <3"));
        assert!(!has_markup("a < b"));
    }
}
