//! The money world an online world points into: the accounts that donation appeals advertise,
//! with the payment identifier each one gives out (its IBAN, or a card number where there are
//! no IBANs; [`crate::output::identifier`]), read from a generated world's `accounts.csv` and
//! `roles.csv`. Accounts without an identifier (cash desks) are never advertised.

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
    /// Its payment identifier (an IBAN or a card number), as `accounts.csv` gives it.
    pub identifier: String,
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
        let header = accounts.lines().next().map(split).unwrap_or_default();
        if header.last().map(String::as_str) != Some("identifier") {
            return Err(SimError::MoneyWorld {
                path: dir.join("accounts.csv"),
                problem: "no identifier column (a world written by an older flowtrace? simulate it again)".into(),
            });
        }
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
            let [bank, account, _, _, name, kind, country, role, identifier] = f.as_slice() else {
                continue;
            };
            if identifier.is_empty() {
                continue;
            }
            let target = MoneyAccount {
                bank: bank.clone(),
                account: account.clone(),
                country: country.clone(),
                name: name.clone(),
                identifier: identifier.clone(),
            };
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

/// `identifier` written in groups of four, as people type IBANs and card numbers.
pub fn grouped(identifier: &str) -> String {
    let chars: Vec<char> = identifier.chars().collect();
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
    fn quoted_fields_and_groups() {
        assert_eq!(split(r#"a,"b, ""c""",d"#), ["a", "b, \"c\"", "d"]);
        assert_eq!(
            grouped("GB82WEST12345698765432"),
            "GB82 WEST 1234 5698 7654 32"
        );
    }
}
