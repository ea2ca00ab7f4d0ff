//! Currencies as one-byte ids: ISO 4217 codes plus the names the AMLworld files spell out.
//!
//! A transfer stores its currency as a `u8` so a column of them costs one byte a row. The table is
//! fixed at compile time, so an id means the same currency in every file and every run; readers
//! reject a currency they do not find here rather than inventing one.

use std::fmt;

/// A known currency, stored as an index into [`CURRENCIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(u8);

/// One row of the currency table: the ISO 4217 code and, where AMLworld uses one, its long name.
#[derive(Clone, Copy, Debug)]
pub struct CurrencyInfo {
    /// ISO 4217 alphabetic code (`BTC` for Bitcoin, which ISO does not list).
    pub code: &'static str,
    /// The name AMLworld CSV files use, e.g. `US Dollar`; `None` where AMLworld has none.
    pub amlworld_name: Option<&'static str>,
}

const fn aml(code: &'static str, name: &'static str) -> CurrencyInfo {
    CurrencyInfo {
        code,
        amlworld_name: Some(name),
    }
}

const fn iso(code: &'static str) -> CurrencyInfo {
    CurrencyInfo {
        code,
        amlworld_name: None,
    }
}

/// Every currency flowtrace knows. AMLworld's fifteen come first so their ids are small and stable.
pub const CURRENCIES: &[CurrencyInfo] = &[
    aml("USD", "US Dollar"),
    aml("EUR", "Euro"),
    aml("CNY", "Yuan"),
    aml("JPY", "Yen"),
    aml("INR", "Rupee"),
    aml("RUB", "Ruble"),
    aml("GBP", "UK Pound"),
    aml("CAD", "Canadian Dollar"),
    aml("AUD", "Australian Dollar"),
    aml("CHF", "Swiss Franc"),
    aml("ILS", "Shekel"),
    aml("MXN", "Mexican Peso"),
    aml("BRL", "Brazil Real"),
    aml("SAR", "Saudi Riyal"),
    aml("BTC", "Bitcoin"),
    iso("AED"),
    iso("AFN"),
    iso("ALL"),
    iso("AMD"),
    iso("AOA"),
    iso("ARS"),
    iso("AZN"),
    iso("BAM"),
    iso("BDT"),
    iso("BGN"),
    iso("BHD"),
    iso("BIF"),
    iso("BND"),
    iso("BOB"),
    iso("BWP"),
    iso("BYN"),
    iso("CDF"),
    iso("CLP"),
    iso("COP"),
    iso("CRC"),
    iso("CZK"),
    iso("DJF"),
    iso("DKK"),
    iso("DOP"),
    iso("DZD"),
    iso("EGP"),
    iso("ERN"),
    iso("ETB"),
    iso("GEL"),
    iso("GHS"),
    iso("GMD"),
    iso("GNF"),
    iso("GTQ"),
    iso("HKD"),
    iso("HNL"),
    iso("HUF"),
    iso("IDR"),
    iso("IQD"),
    iso("IRR"),
    iso("ISK"),
    iso("JMD"),
    iso("JOD"),
    iso("KES"),
    iso("KGS"),
    iso("KHR"),
    iso("KMF"),
    iso("KPW"),
    iso("KRW"),
    iso("KWD"),
    iso("KZT"),
    iso("LAK"),
    iso("LBP"),
    iso("LKR"),
    iso("LRD"),
    iso("LYD"),
    iso("MAD"),
    iso("MDL"),
    iso("MGA"),
    iso("MKD"),
    iso("MMK"),
    iso("MNT"),
    iso("MRU"),
    iso("MUR"),
    iso("MVR"),
    iso("MWK"),
    iso("MYR"),
    iso("MZN"),
    iso("NAD"),
    iso("NGN"),
    iso("NIO"),
    iso("NOK"),
    iso("NPR"),
    iso("NZD"),
    iso("OMR"),
    iso("PAB"),
    iso("PEN"),
    iso("PHP"),
    iso("PKR"),
    iso("PLN"),
    iso("PYG"),
    iso("QAR"),
    iso("RON"),
    iso("RSD"),
    iso("RWF"),
    iso("SCR"),
    iso("SDG"),
    iso("SEK"),
    iso("SGD"),
    iso("SLE"),
    iso("SOS"),
    iso("SRD"),
    iso("SSP"),
    iso("SYP"),
    iso("SZL"),
    iso("THB"),
    iso("TJS"),
    iso("TMT"),
    iso("TND"),
    iso("TRY"),
    iso("TTD"),
    iso("TWD"),
    iso("TZS"),
    iso("UAH"),
    iso("UGX"),
    iso("UYU"),
    iso("UZS"),
    iso("VES"),
    iso("VND"),
    iso("XAF"),
    iso("XOF"),
    iso("YER"),
    iso("ZAR"),
    iso("ZMW"),
    iso("ZWL"),
    iso("XAU"),
    iso("XAG"),
    iso("USDT"),
    iso("ETH"),
];

impl Currency {
    /// US Dollar, the currency AMLworld and most reports convert to.
    pub const USD: Currency = Currency(0);

    /// The currency with this table index, if there is one.
    pub fn from_index(index: u8) -> Option<Currency> {
        (usize::from(index) < CURRENCIES.len()).then_some(Currency(index))
    }

    /// Looks up an AMLworld long name (`US Dollar`) or an ISO code (`USD`, case-insensitive).
    pub fn parse(text: &str) -> Option<Currency> {
        Self::from_amlworld_name(text).or_else(|| Self::from_code(text))
    }

    /// Looks up an AMLworld long name exactly as the files spell it.
    pub fn from_amlworld_name(name: &str) -> Option<Currency> {
        // A match compiles to a length switch and one comparison: this runs twice per CSV row.
        let index = match name {
            "US Dollar" => 0,
            "Euro" => 1,
            "Yuan" => 2,
            "Yen" => 3,
            "Rupee" => 4,
            "Ruble" => 5,
            "UK Pound" => 6,
            "Canadian Dollar" => 7,
            "Australian Dollar" => 8,
            "Swiss Franc" => 9,
            "Shekel" => 10,
            "Mexican Peso" => 11,
            "Brazil Real" => 12,
            "Saudi Riyal" => 13,
            "Bitcoin" => 14,
            _ => return None,
        };
        Some(Currency(index))
    }

    /// Looks up an ISO 4217 code, ignoring ASCII case.
    pub fn from_code(code: &str) -> Option<Currency> {
        CURRENCIES
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(code))
            .map(|i| Currency(i as u8))
    }

    /// The table index, as stored in transfer columns.
    pub fn index(self) -> u8 {
        self.0
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        CURRENCIES[usize::from(self.0)].code
    }

    /// The AMLworld long name where there is one, otherwise the ISO code.
    pub fn amlworld_name(self) -> &'static str {
        let info = CURRENCIES[usize::from(self.0)];
        info.amlworld_name.unwrap_or(info.code)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_fits_a_byte_and_codes_are_unique() {
        assert!(CURRENCIES.len() <= 256);
        let mut codes: Vec<_> = CURRENCIES.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CURRENCIES.len());
    }

    #[test]
    fn the_name_match_agrees_with_the_table() {
        for (i, info) in CURRENCIES.iter().enumerate() {
            if let Some(name) = info.amlworld_name {
                assert_eq!(Currency::from_amlworld_name(name), Some(Currency(i as u8)));
            }
        }
    }

    #[test]
    fn amlworld_names_and_codes_meet() {
        let usd = Currency::parse("US Dollar").unwrap();
        assert_eq!(usd, Currency::USD);
        assert_eq!(Currency::parse("usd"), Some(usd));
        assert_eq!(Currency::parse("Brazil Real").unwrap().code(), "BRL");
        assert_eq!(Currency::parse("AED").unwrap().amlworld_name(), "AED");
        assert_eq!(Currency::parse("US dollar"), None);
        assert_eq!(Currency::parse("Dollar"), None);
    }
}
