//! The money world an online world points into: the accounts that donation appeals advertise,
//! read from a generated world's `accounts.csv` and `roles.csv`, and the IBAN-like form of an
//! account that posts write.
//!
//! **IBAN rule.** A money-world account `bank, account` in country `CC` is written
//! `CC kk L BBBBBBBB AAAAAAAAA`: `L` the number of digits of the bank id (zero padding of bank
//! ids is significant, so `010` and `10` differ), the bank id left-padded with zeros to eight
//! digits, then the nine-character account number; `kk` are ISO 13616 check digits (the whole
//! string, first four characters moved to the end and letters counted A = 10 ... Z = 35, is 1
//! modulo 97). Accounts whose bank id is longer than eight digits, or whose number is not nine
//! letters and digits (cash desks), have no IBAN.

use std::path::Path;

use crate::SimError;

/// A money-world account an appeal can point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoneyAccount {
    /// Bank id.
    pub bank: String,
    /// Account number.
    pub account: String,
    /// ISO country code of its bank.
    pub country: String,
    /// Holder's name.
    pub name: String,
}

/// The accounts of a money world that appeals advertise.
#[derive(Clone, Debug, Default)]
pub struct MoneyTargets {
    /// Collectors of crowdfunding and charity-diversion schemes: where donors are asked to pay.
    pub schemes: Vec<MoneyAccount>,
    /// Charities that take part in no scheme.
    pub charities: Vec<MoneyAccount>,
    /// Ordinary persons, whose numbers the invalid decoys are made from.
    pub persons: Vec<MoneyAccount>,
}

impl MoneyTargets {
    /// Reads `accounts.csv` and `roles.csv` of the money world in `dir`.
    pub fn read(dir: &Path) -> Result<MoneyTargets, SimError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|source| SimError::Io { path, source })
        };
        let (accounts, roles) = (read("accounts.csv")?, read("roles.csv")?);
        let mut scheme_keys: Vec<(String, String)> = roles
            .lines()
            .skip(1)
            .map(split)
            .filter(|f| {
                f.len() == 5
                    && f[4] == "collector"
                    && (f[1] == "CROWDFUNDING" || f[1] == "CHARITY-DIVERSION")
            })
            .map(|f| (f[2].clone(), f[3].clone()))
            .collect();
        scheme_keys.sort();
        scheme_keys.dedup();
        let mut targets = MoneyTargets::default();
        for f in accounts.lines().skip(1).map(split) {
            let [bank, account, _, _, name, kind, country, role] = f.as_slice() else {
                continue;
            };
            let target = MoneyAccount {
                bank: bank.clone(),
                account: account.clone(),
                country: country.clone(),
                name: name.clone(),
            };
            if iban(country, bank, account).is_none() {
                continue;
            }
            let key = (bank.clone(), account.clone());
            if scheme_keys.binary_search(&key).is_ok() {
                targets.schemes.push(target);
            } else if kind == "charity" && role == "ordinary" {
                targets.charities.push(target);
            } else if kind == "person" && role == "ordinary" && targets.persons.len() < 10_000 {
                targets.persons.push(target);
            }
        }
        Ok(targets)
    }
}

/// Splits a CSV line whose fields may be quoted (holder names hold commas and quotes).
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("never empty").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            _ => fields.last_mut().expect("never empty").push(c),
        }
    }
    fields
}

/// The IBAN-like form of a money-world account (see the [module documentation](self)).
pub fn iban(country: &str, bank: &str, account: &str) -> Option<String> {
    let ok = country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=8).contains(&bank.len())
        && bank.bytes().all(|b| b.is_ascii_digit())
        && account.len() == 9
        && account
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    if !ok {
        return None;
    }
    let bban = format!("{}{bank:0>8}{account}", bank.len());
    let check = 98 - mod97(&format!("{bban}{country}00"))?;
    Some(format!("{country}{check:02}{bban}"))
}

/// Whether `text` (spaces allowed) passes the IBAN checksum.
pub fn iban_valid(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    if compact.len() < 5 || !compact.is_ascii() {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    mod97(&format!("{tail}{head}")) == Some(1)
}

/// The money-world `(bank, account)` an IBAN of this rule stands for, if its checksum holds.
pub fn iban_account(text: &str) -> Option<(String, String)> {
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    if compact.len() != 22 || !iban_valid(&compact) {
        return None;
    }
    let digits = compact[4..5].parse::<usize>().ok().filter(|&d| d >= 1)?;
    let bank = &compact[5..13];
    Some((bank[8 - digits..].to_string(), compact[13..].to_string()))
}

/// The number `text` spells (digits as themselves, A = 10 ... Z = 35) modulo 97.
fn mod97(text: &str) -> Option<u32> {
    let mut rest = 0u32;
    for c in text.chars() {
        let value = c.to_digit(36)?;
        rest = if value < 10 {
            (rest * 10 + value) % 97
        } else {
            (rest * 100 + value) % 97
        };
    }
    Some(rest)
}

/// `iban` written in groups of four, as people type it.
pub fn grouped(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_iban_checks_out() {
        assert!(iban_valid("GB82 WEST 1234 5698 7654 32"));
        assert!(!iban_valid("GB83 WEST 1234 5698 7654 32"));
    }

    #[test]
    fn money_accounts_round_trip() {
        let i = iban("DE", "010", "8000EBD30").unwrap();
        assert_eq!(i.len(), 22);
        assert!(iban_valid(&i) && iban_valid(&grouped(&i)));
        assert_eq!(iban_account(&i), Some(("010".into(), "8000EBD30".into())));
        let j = iban("DE", "10", "8000EBD30").unwrap();
        assert_ne!(i, j);
        assert_eq!(iban_account(&j).unwrap().0, "10");
        assert_eq!(iban("DE", "010", "CASH01"), None);
    }
}
