//! IBANs (ISO 13616): the country's length and the mod-97 check.

/// Length of the IBAN of each country that issues them (the IBAN registry), sorted by code.
const LENGTHS: [(&str, usize); 89] = [
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BI", 27),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DJ", 27),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HN", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MN", 20),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NI", 28),
    ("NL", 18),
    ("NO", 15),
    ("OM", 23),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("RU", 33),
    ("SA", 24),
    ("SC", 31),
    ("SD", 18),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SO", 23),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
    ("YE", 30),
];

/// The IBAN length of `country` (two upper-case letters), if it issues IBANs.
pub fn iban_length(country: &str) -> Option<usize> {
    LENGTHS
        .binary_search_by(|(code, _)| (*code).cmp(country))
        .ok()
        .map(|i| LENGTHS[i].1)
}

/// The remainder mod 97 of the number ISO 7064 reads from `text` (letters A-Z count 10 to 35);
/// `None` if it holds anything but ASCII digits and upper-case letters.
fn mod97(text: impl Iterator<Item = u8>) -> Option<u32> {
    let mut rest = 0u32;
    for b in text {
        rest = match b {
            b'0'..=b'9' => (rest * 10 + u32::from(b - b'0')) % 97,
            b'A'..=b'Z' => (rest * 100 + u32::from(b - b'A') + 10) % 97,
            _ => return None,
        };
    }
    Some(rest)
}

/// Whether `iban` (electronic form: no spaces, upper case) has its country's length, check
/// digits 02 to 98 and a remainder of 1 mod 97.
pub fn iban_is_valid(iban: &str) -> bool {
    let b = iban.as_bytes();
    let (Some(country), Some(digits)) = (iban.get(..2), iban.get(2..4)) else {
        return false;
    };
    if iban_length(country) != Some(b.len()) {
        return false;
    }
    let Ok(check) = digits.parse::<u32>() else {
        return false;
    };
    let rearranged = b[4..].iter().chain(&b[..4]).copied();
    (2..=98).contains(&check) && mod97(rearranged) == Some(1)
}

/// The valid IBAN of `country` with basic account number `bban` (upper case), with its check
/// digits computed; `None` if the country issues no IBANs, the length is wrong or `bban` holds
/// anything but digits and upper-case letters.
pub fn iban_from_bban(country: &str, bban: &str) -> Option<String> {
    if iban_length(country)? != bban.len() + 4 {
        return None;
    }
    let rest = mod97(bban.bytes().chain(country.bytes()).chain(*b"00"))?;
    Some(format!("{country}{:02}{bban}", 98 - rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(iban_length("DE"), Some(22));
        assert_eq!(iban_length("US"), None);
    }

    #[test]
    fn checks_and_makes_check_digits() {
        // The registry's own examples.
        assert!(iban_is_valid("GB82WEST12345698765432"));
        assert!(iban_is_valid("DE89370400440532013000"));
        assert!(!iban_is_valid("GB82WEST12345698765431"));
        assert!(!iban_is_valid("GB82WEST1234569876543"));
        assert!(!iban_is_valid("É1234"));
        assert!(!iban_is_valid("GB+2WEST12345698765432"));
        assert_eq!(
            iban_from_bban("DE", "370400440532013000").as_deref(),
            Some("DE89370400440532013000")
        );
        assert_eq!(iban_from_bban("DE", "3704"), None);
    }
}
