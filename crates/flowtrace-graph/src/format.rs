//! Payment formats: how a transfer moved (wire, cash, card, ...), as AMLworld names them.

use std::fmt;

/// How a transfer was paid. The seven AMLworld formats, plus `Unspecified` for sources (such as
/// FollowTheMoney payments) that do not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum PaymentFormat {
    /// Automated Clearing House batch payment.
    Ach = 0,
    /// Bank wire, often cross-border.
    Wire = 1,
    /// Paper cheque.
    Cheque = 2,
    /// Card payment.
    CreditCard = 3,
    /// Cash deposit or withdrawal.
    Cash = 4,
    /// Reinvestment within the same account holder's accounts.
    Reinvestment = 5,
    /// Bitcoin transfer.
    Bitcoin = 6,
    /// The source did not say.
    Unspecified = 7,
}

impl PaymentFormat {
    /// Every format, in id order.
    pub const ALL: [PaymentFormat; 8] = [
        PaymentFormat::Ach,
        PaymentFormat::Wire,
        PaymentFormat::Cheque,
        PaymentFormat::CreditCard,
        PaymentFormat::Cash,
        PaymentFormat::Reinvestment,
        PaymentFormat::Bitcoin,
        PaymentFormat::Unspecified,
    ];

    /// The format with this id (`as u8`), if any.
    pub fn from_index(index: u8) -> Option<PaymentFormat> {
        Self::ALL.get(usize::from(index)).copied()
    }

    /// Parses the AMLworld spelling (`ACH`, `Wire`, `Cheque`, `Credit Card`, `Cash`,
    /// `Reinvestment`, `Bitcoin`); `Unspecified` is accepted too so written files read back.
    pub fn parse(text: &str) -> Option<PaymentFormat> {
        Some(match text {
            "ACH" => PaymentFormat::Ach,
            "Wire" => PaymentFormat::Wire,
            "Cheque" => PaymentFormat::Cheque,
            "Credit Card" => PaymentFormat::CreditCard,
            "Cash" => PaymentFormat::Cash,
            "Reinvestment" => PaymentFormat::Reinvestment,
            "Bitcoin" => PaymentFormat::Bitcoin,
            "Unspecified" => PaymentFormat::Unspecified,
            _ => return None,
        })
    }

    /// The AMLworld spelling.
    pub fn name(self) -> &'static str {
        match self {
            PaymentFormat::Ach => "ACH",
            PaymentFormat::Wire => "Wire",
            PaymentFormat::Cheque => "Cheque",
            PaymentFormat::CreditCard => "Credit Card",
            PaymentFormat::Cash => "Cash",
            PaymentFormat::Reinvestment => "Reinvestment",
            PaymentFormat::Bitcoin => "Bitcoin",
            PaymentFormat::Unspecified => "Unspecified",
        }
    }
}

impl fmt::Display for PaymentFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in PaymentFormat::ALL {
            assert_eq!(PaymentFormat::parse(f.name()), Some(f));
            assert_eq!(PaymentFormat::from_index(f as u8), Some(f));
        }
        assert_eq!(PaymentFormat::parse("credit card"), None);
    }
}
