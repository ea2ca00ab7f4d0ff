//! Payment-card numbers: the Luhn check digit.

/// Whether the ASCII digits `digits` pass the Luhn check (the last digit is the check digit).
pub fn luhn_is_valid(digits: &str) -> bool {
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && luhn_sum(digits.bytes().rev(), false).is_multiple_of(10)
}

/// The Luhn check digit to append to `digits`; `None` if they are not all ASCII digits.
pub fn luhn_check_digit(digits: &str) -> Option<char> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum = luhn_sum(digits.bytes().rev(), true);
    char::from_digit((10 - sum % 10) % 10, 10)
}

/// The Luhn sum of digits read from the right; `double_first` when the check digit is not
/// among them yet.
fn luhn_sum(digits: impl Iterator<Item = u8>, double_first: bool) -> u32 {
    digits
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if (i % 2 == 1) != double_first {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        assert!(luhn_is_valid("4111111111111111"));
        assert!(luhn_is_valid("79927398713"));
        assert!(!luhn_is_valid("79927398710"));
        assert_eq!(luhn_check_digit("7992739871"), Some('3'));
        assert_eq!(luhn_check_digit("411111111111111"), Some('1'));
        assert!(!luhn_is_valid("4111a"));
    }
}
