//! A simulated transfer, as the generator emits it before it is written.

use flowtrace_graph::{Currency, PaymentFormat};

use crate::world::population::{convert, AccountIdx, Population};

/// Pattern id of transfers that belong to no planted pattern.
pub const BACKGROUND: u32 = 0;

/// One transfer. Amounts are in minor units (cents; satoshi for Bitcoin) so that writing and
/// reading them back is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimTransfer {
    /// UTC seconds, on a whole minute (AMLworld times have minutes only).
    pub ts: i64,
    /// Payer.
    pub from: AccountIdx,
    /// Payee.
    pub to: AccountIdx,
    /// Amount paid, in minor units of `paid_currency`.
    pub paid: i64,
    /// Currency paid in.
    pub paid_currency: Currency,
    /// Amount received, in minor units of `received_currency`.
    pub received: i64,
    /// Currency received in.
    pub received_currency: Currency,
    /// How it was paid.
    pub format: PaymentFormat,
    /// Planted pattern it belongs to, or [`BACKGROUND`].
    pub pattern: u32,
    /// Whether it is a follow-on transfer of the pattern's proceeds rather than the pattern
    /// itself (labelled illicit, not listed in the patterns file).
    pub propagated: bool,
}

impl SimTransfer {
    /// A transfer of `amount` (major units of the payer's currency) from `from` to `to`; the
    /// payee receives it converted into its own currency.
    pub fn new(
        pop: &Population,
        ts: i64,
        from: AccountIdx,
        to: AccountIdx,
        amount: f64,
        format: PaymentFormat,
    ) -> SimTransfer {
        let paid_currency = if format == PaymentFormat::Bitcoin {
            btc()
        } else {
            pop.currency(from)
        };
        let received_currency = if format == PaymentFormat::Bitcoin {
            btc()
        } else {
            pop.currency(to)
        };
        let received = convert(amount, paid_currency, received_currency);
        SimTransfer {
            ts: ts - ts.rem_euclid(60),
            from,
            to,
            paid: to_minor(amount, paid_currency),
            paid_currency,
            received: to_minor(received, received_currency),
            received_currency,
            format,
            pattern: BACKGROUND,
            propagated: false,
        }
    }

    /// Whether the transfer is illicit (`Is Laundering` = 1).
    pub fn illicit(&self) -> bool {
        self.pattern != BACKGROUND
    }

    /// The amount paid in major units.
    pub fn paid_major(&self) -> f64 {
        self.paid as f64 / scale(self.paid_currency) as f64
    }
}

/// Bitcoin, the currency of `Bitcoin`-format transfers.
pub fn btc() -> Currency {
    Currency::from_code("BTC").expect("BTC is a known currency")
}

/// Minor units per major unit: 10^8 satoshi for Bitcoin, 100 for everything else.
pub fn scale(currency: Currency) -> i64 {
    if currency.code() == "BTC" {
        100_000_000
    } else {
        100
    }
}

/// Decimal places written for `currency`.
pub fn decimals(currency: Currency) -> usize {
    if currency.code() == "BTC" {
        8
    } else {
        2
    }
}

fn to_minor(amount: f64, currency: Currency) -> i64 {
    // At least one minor unit: a zero-amount transfer is not a payment.
    ((amount * scale(currency) as f64).round() as i64).max(1)
}
