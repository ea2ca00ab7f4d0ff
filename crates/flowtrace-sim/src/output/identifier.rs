//! The payment identifier of a simulated account, the one its holder gives out to be paid:
//! written to `accounts.csv` and advertised by the online world's donation appeals.
//!
//! **Countries that issue IBANs** (ISO 13616): `CC kk` then a basic account number of the
//! country's length, made of the bank's number (its id without zero padding, left-padded or cut
//! to the digits left over) and the account number as ten decimal digits (the eight hexadecimal
//! digits after the leading `8`); `kk` are the check digits (the whole string, first four
//! characters moved to the end and letters counted A = 10 ... Z = 35, is 1 modulo 97). A
//! Belgian IBAN has 16 characters, a German one 22, a Russian one 33.
//!
//! **Countries without IBANs** (the United States, Canada, Australia): a 16-digit debit-card
//! number, `4`, four digits of the bank's number, the ten-digit account number and a Luhn check
//! digit.
//!
//! Distinct accounts get distinct identifiers, because distinct accounts have distinct numbers.
//! Cash desks (`CASH01`) have none.

/// IBAN length of each simulated country that issues IBANs (from the IBAN registry).
const IBAN_LENGTHS: [(&str, usize); 17] = [
    ("AE", 23),
    ("BE", 16),
    ("BR", 29),
    ("CH", 21),
    ("DE", 22),
    ("ES", 24),
    ("FR", 27),
    ("GB", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IT", 27),
    ("KZ", 20),
    ("NL", 18),
    ("PK", 24),
    ("RU", 33),
    ("SA", 24),
    ("TR", 26),
];

/// Digits of the account number in an identifier.
const ACCOUNT_DIGITS: usize = 10;

/// The IBAN length of `country`, if it is a simulated country that issues IBANs.
pub fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .iter()
        .find(|(code, _)| *code == country)
        .map(|&(_, len)| len)
}

/// The payment identifier of account `account` at bank `bank` in `country` (see the [module
/// documentation](self)); `None` for cash desks and numbers not of the simulator's form.
pub fn payment_identifier(country: &str, bank: &str, account: &str) -> Option<String> {
    let number = account_digits(account)?;
    let bank = bank.trim_start_matches('0');
    if !bank.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match iban_length(country) {
        Some(len) => {
            let bban = format!("{}{number}", fit(bank, len - 4 - ACCOUNT_DIGITS));
            let check = 98 - mod97(bban.bytes().chain(country.bytes()).chain(*b"00"));
            Some(format!("{country}{check:02}{bban}"))
        }
        None => {
            let body = format!("4{}{number}", fit(bank, 4));
            Some(format!("{body}{}", luhn_digit(&body)))
        }
    }
}

/// The ten decimal digits of an account number `8` + eight hexadecimal digits.
fn account_digits(account: &str) -> Option<String> {
    let hex = account.strip_prefix('8').filter(|h| h.len() == 8)?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = u32::from_str_radix(hex, 16).ok()?;
    Some(format!("{value:0ACCOUNT_DIGITS$}"))
}

/// `digits` left-padded with zeros, or cut to their last `width`.
fn fit(digits: &str, width: usize) -> String {
    let tail = &digits[digits.len().saturating_sub(width)..];
    format!("{tail:0>width$}")
}

/// The number ISO 7064 reads from `text` (digits, A = 10 ... Z = 35) modulo 97.
fn mod97(text: impl Iterator<Item = u8>) -> u32 {
    text.fold(0, |rest, b| match b {
        b'0'..=b'9' => (rest * 10 + u32::from(b - b'0')) % 97,
        _ => (rest * 100 + u32::from(b.to_ascii_uppercase() - b'A') + 10) % 97,
    })
}

/// The Luhn check digit that completes `digits`.
fn luhn_digit(digits: &str) -> u32 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let twice = 2 * d;
                twice / 10 + twice % 10
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iban_valid(iban: &str) -> bool {
        let (head, tail) = iban.split_at(4);
        mod97(tail.bytes().chain(head.bytes())) == 1
    }

    #[test]
    fn ibans_have_their_country_length_and_check_digits() {
        for (country, len) in IBAN_LENGTHS {
            let iban = payment_identifier(country, "0010", "8000EBD30").unwrap();
            assert_eq!(iban.len(), len, "{iban}");
            assert!(iban_valid(&iban), "{iban}");
        }
        // The registry's example, rebuilt from its parts.
        assert!(iban_valid("GB82WEST12345698765432"));
        let de = payment_identifier("DE", "00952", "80A1B2C3D").unwrap();
        assert_eq!(&de[4..12], "00000952");
        assert_eq!(&de[12..], format!("{:010}", 0x0A1B_2C3D));
    }

    #[test]
    fn cards_where_there_are_no_ibans() {
        let card = payment_identifier("US", "010", "8000EBD30").unwrap();
        assert_eq!(card.len(), 16);
        assert!(card.starts_with("40010"));
        // Luhn: the whole number, check digit included, sums to a multiple of ten.
        assert_eq!(luhn_digit(&card[..15]), card[15..].parse::<u32>().unwrap());
        assert_eq!(luhn_digit("7992739871"), 3);
    }

    #[test]
    fn distinct_accounts_distinct_identifiers_and_none_for_cash() {
        let a = payment_identifier("BE", "0010", "80000000A").unwrap();
        let b = payment_identifier("BE", "0017", "80000000B").unwrap();
        assert_ne!(a, b);
        assert_eq!(payment_identifier("DE", "010", "CASH01"), None);
        assert_eq!(payment_identifier("DE", "010", "8000EBD3"), None);
    }
}
