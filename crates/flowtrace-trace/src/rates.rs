//! Exchange rates that put every amount of a trace in one base currency.
//!
//! Traced amounts are compared, summed and split across transfers in many currencies, so each
//! is converted first. Rates come either from a file or from the transfers themselves: a
//! transfer paid in one currency and received in another states a rate, and the median of those
//! stated rates per currency pair is robust to the odd fee or typo. Currencies that no transfer
//! links to the base stay unconverted (counted 1:1) and are reported, not guessed.

use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

use flowtrace_graph::{Currency, Transfers, CURRENCIES};

use crate::TraceError;

/// Base-currency value of one unit of each currency.
#[derive(Clone, Debug)]
pub struct Rates {
    base: Currency,
    per_unit: Vec<Option<f64>>,
}

impl Rates {
    /// Every currency counted 1:1 as `base` (for single-currency data and tests).
    pub fn identity(base: Currency) -> Rates {
        Rates {
            base,
            per_unit: vec![Some(1.0); CURRENCIES.len()],
        }
    }

    /// Rates implied by the cross-currency transfers: per pair the median of received/paid,
    /// chained outwards from `base` (US dollars when the data uses them, else the currency most
    /// transfers are paid in).
    pub fn implied(transfers: &Transfers) -> Rates {
        let mut stated: BTreeMap<(u8, u8), Vec<f64>> = BTreeMap::new();
        let mut paid_in = vec![0u64; CURRENCIES.len()];
        for id in 0..transfers.len() as u32 {
            let (from, to) = (transfers.currency_paid(id), transfers.currency_received(id));
            paid_in[from.index() as usize] += 1;
            if from == to {
                continue;
            }
            let (paid, received) = (transfers.amount_paid(id), transfers.amount_received(id));
            if paid > 0.0 && received > 0.0 {
                // One unit of `from` is worth received/paid units of `to`.
                stated
                    .entry((from.index(), to.index()))
                    .or_default()
                    .push(received / paid);
            }
        }
        let base = if paid_in[Currency::USD.index() as usize] > 0 || paid_in.iter().all(|&n| n == 0)
        {
            Currency::USD
        } else {
            let most = (0..paid_in.len()).max_by_key(|&i| paid_in[i]).unwrap_or(0);
            Currency::from_index(most as u8).unwrap_or(Currency::USD)
        };
        let mut links: Vec<Vec<(usize, f64)>> = vec![Vec::new(); CURRENCIES.len()];
        for ((from, to), mut rates) in stated {
            let rate = median(&mut rates);
            links[from as usize].push((to as usize, rate));
            links[to as usize].push((from as usize, 1.0 / rate));
        }
        let mut per_unit = vec![None; CURRENCIES.len()];
        per_unit[base.index() as usize] = Some(1.0);
        let mut queue = VecDeque::from([base.index() as usize]);
        while let Some(c) = queue.pop_front() {
            let value = per_unit[c].unwrap_or(1.0);
            for &(other, rate) in &links[c] {
                // One unit of `c` buys `rate` units of `other`.
                if per_unit[other].is_none() {
                    per_unit[other] = Some(value / rate);
                    queue.push_back(other);
                }
            }
        }
        Rates { base, per_unit }
    }

    /// Reads `currency,rate` lines (a header line is allowed): `rate` is the value of one unit
    /// of `currency` in `base`, and currencies are ISO codes or AMLworld names.
    pub fn read(path: &Path, base: Currency) -> Result<Rates, TraceError> {
        let text = std::fs::read_to_string(path).map_err(|e| TraceError::Input {
            path: path.to_path_buf(),
            line: 0,
            reason: e.to_string(),
        })?;
        let mut per_unit = vec![None; CURRENCIES.len()];
        per_unit[base.index() as usize] = Some(1.0);
        for (n, line) in text.lines().enumerate() {
            let fail = |reason: String| TraceError::Input {
                path: path.to_path_buf(),
                line: n + 1,
                reason,
            };
            let line = line.trim();
            if line.is_empty() || (n == 0 && line.to_ascii_lowercase().starts_with("currency")) {
                continue;
            }
            let (code, rate) = line
                .split_once(',')
                .ok_or_else(|| fail("expected `currency,rate`".into()))?;
            let currency = Currency::parse(code.trim())
                .ok_or_else(|| fail(format!("unknown currency `{}`", code.trim())))?;
            let rate: f64 = rate
                .trim()
                .parse()
                .ok()
                .filter(|r: &f64| r.is_finite() && *r > 0.0)
                .ok_or_else(|| fail(format!("rate `{}` is not a positive number", rate.trim())))?;
            per_unit[currency.index() as usize] = Some(rate);
        }
        Ok(Rates { base, per_unit })
    }

    /// The base currency.
    pub fn base(&self) -> Currency {
        self.base
    }

    /// `amount` of `currency` in the base currency (1:1 when the rate is unknown).
    #[inline]
    pub fn to_base(&self, amount: f64, currency: Currency) -> f64 {
        amount * self.per_unit[currency.index() as usize].unwrap_or(1.0)
    }

    /// Whether `currency` has a known rate.
    pub fn knows(&self, currency: Currency) -> bool {
        self.per_unit[currency.index() as usize].is_some()
    }

    /// Base-currency value of one unit of `currency`, if known.
    pub fn rate(&self, currency: Currency) -> Option<f64> {
        self.per_unit[currency.index() as usize]
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;
    use flowtrace_graph::{Accounts, PaymentFormat, Transfer, TransferBuilder};

    fn transfers(rows: &[(f64, &str, f64, &str)]) -> Transfers {
        let mut accounts = Accounts::new();
        let a = accounts.intern("1", "a").unwrap();
        let b = accounts.intern("1", "b").unwrap();
        let mut builder = TransferBuilder::new();
        for (i, &(paid, pc, received, rc)) in rows.iter().enumerate() {
            let mut t = Transfer::new(
                a,
                b,
                i as i64,
                paid,
                Currency::parse(pc).unwrap(),
                PaymentFormat::Wire,
            );
            t.amount_received = received;
            t.currency_received = Currency::parse(rc).unwrap();
            builder.push(&t).unwrap();
        }
        builder.finish()
    }

    #[test]
    fn implied_rates_chain_through_pairs_and_ignore_outliers() {
        let t = transfers(&[
            (100.0, "EUR", 110.0, "USD"),
            (200.0, "EUR", 220.0, "USD"),
            (10.0, "EUR", 9_999.0, "USD"), // a typo the median ignores
            (100.0, "EUR", 1_600.0, "MXN"),
            (5.0, "USD", 5.0, "USD"),
        ]);
        let rates = Rates::implied(&t);
        assert_eq!(rates.base(), Currency::USD);
        assert!((rates.to_base(1.0, Currency::parse("EUR").unwrap()) - 1.1).abs() < 1e-9);
        // 1 EUR = 16 MXN = 1.1 USD, so 1 MXN = 1.1/16 USD.
        let mxn = rates.rate(Currency::parse("MXN").unwrap()).unwrap();
        assert!((mxn - 1.1 / 16.0).abs() < 1e-12);
        assert!(!rates.knows(Currency::parse("JPY").unwrap()));
    }

    #[test]
    fn rates_file_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rates.csv");
        std::fs::write(&path, "currency,rate\nEUR,1.1\nXYZ,2\n").unwrap();
        let err = Rates::read(&path, Currency::USD).unwrap_err().to_string();
        assert!(err.contains("rates.csv") && err.contains("line 3"), "{err}");
        std::fs::write(&path, "EUR,1.1\nJPY,-1\n").unwrap();
        let err = Rates::read(&path, Currency::USD).unwrap_err().to_string();
        assert!(err.contains("line 2") && err.contains("positive"), "{err}");
        std::fs::write(&path, "EUR,1.1\n").unwrap();
        let rates = Rates::read(&path, Currency::USD).unwrap();
        assert_eq!(rates.to_base(10.0, Currency::parse("EUR").unwrap()), 11.0);
    }
}
