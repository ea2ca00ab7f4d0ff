//! The countries of a simulated world: how much of the economy each holds, its currency, which
//! name origins its people carry, and whether it is a high-risk corridor for terrorist financing.

/// Where account holders' names come from, in the proportions a country's population shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameOrigin {
    /// English, French, German, Dutch names.
    Western,
    /// Arabic names in their Levantine, Gulf and Maghrebi spellings.
    Arabic,
    /// Persian and Pashto names.
    Persian,
    /// Turkish names.
    Turkish,
    /// Russian names.
    Russian,
    /// Uzbek, Tajik, Kazakh, Chechen and Dagestani names.
    CentralAsian,
    /// Urdu and Hindi names.
    SouthAsian,
    /// Somali and East African names.
    Somali,
    /// Hausa and other West African names.
    WestAfrican,
    /// Spanish and Portuguese names.
    Latin,
    /// Chinese names in pinyin.
    Chinese,
}

/// A country of the simulated world.
#[derive(Clone, Copy, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// English short name, used in bank names.
    pub name: &'static str,
    /// ISO 4217 code of the currency its accounts hold (one of AMLworld's fifteen).
    pub currency: &'static str,
    /// Share of banks and accounts, relative to the other countries.
    pub weight: f64,
    /// A conduit or conflict-zone jurisdiction that terrorist financing flows towards
    /// (FATF and AUSTRAC name Turkey, Lebanon, Jordan, the UAE and the conflict zones).
    pub high_risk: bool,
    /// Name origins of its account holders with relative weights.
    pub origins: &'static [(NameOrigin, f64)],
}

use NameOrigin::*;

const fn c(
    code: &'static str,
    name: &'static str,
    currency: &'static str,
    weight: f64,
    high_risk: bool,
    origins: &'static [(NameOrigin, f64)],
) -> Country {
    Country {
        code,
        name,
        currency,
        weight,
        high_risk,
        origins,
    }
}

/// Every country the simulator uses. Corridor countries hold few accounts, as in reality, so
/// that flows towards them stand out only when a detector looks for them.
pub const COUNTRIES: &[Country] = &[
    c(
        "US",
        "United States",
        "USD",
        26.0,
        false,
        &[
            (Western, 70.0),
            (Latin, 14.0),
            (Arabic, 3.0),
            (SouthAsian, 4.0),
            (Chinese, 4.0),
            (Somali, 1.0),
            (WestAfrican, 2.0),
            (Russian, 2.0),
        ],
    ),
    c(
        "GB",
        "United Kingdom",
        "GBP",
        9.0,
        false,
        &[
            (Western, 78.0),
            (SouthAsian, 10.0),
            (Arabic, 4.0),
            (Somali, 2.0),
            (WestAfrican, 3.0),
            (Turkish, 1.0),
            (Chinese, 2.0),
        ],
    ),
    c(
        "DE",
        "Germany",
        "EUR",
        8.0,
        false,
        &[
            (Western, 76.0),
            (Turkish, 10.0),
            (Arabic, 4.0),
            (Russian, 5.0),
            (CentralAsian, 2.0),
            (Persian, 1.0),
            (Latin, 2.0),
        ],
    ),
    c(
        "FR",
        "France",
        "EUR",
        7.0,
        false,
        &[
            (Western, 74.0),
            (Arabic, 16.0),
            (WestAfrican, 5.0),
            (Turkish, 2.0),
            (Latin, 3.0),
        ],
    ),
    c(
        "NL",
        "Netherlands",
        "EUR",
        3.0,
        false,
        &[
            (Western, 80.0),
            (Arabic, 8.0),
            (Turkish, 7.0),
            (Somali, 2.0),
            (Latin, 3.0),
        ],
    ),
    c(
        "BE",
        "Belgium",
        "EUR",
        2.0,
        false,
        &[
            (Western, 80.0),
            (Arabic, 12.0),
            (Turkish, 5.0),
            (WestAfrican, 3.0),
        ],
    ),
    c(
        "ES",
        "Spain",
        "EUR",
        4.0,
        false,
        &[(Latin, 86.0), (Arabic, 8.0), (Western, 6.0)],
    ),
    c(
        "IT",
        "Italy",
        "EUR",
        4.0,
        false,
        &[
            (Latin, 80.0),
            (Western, 10.0),
            (Arabic, 6.0),
            (WestAfrican, 4.0),
        ],
    ),
    c(
        "CH",
        "Switzerland",
        "CHF",
        2.0,
        false,
        &[(Western, 85.0), (Latin, 8.0), (Turkish, 3.0), (Arabic, 4.0)],
    ),
    c(
        "RU",
        "Russia",
        "RUB",
        5.0,
        false,
        &[(Russian, 80.0), (CentralAsian, 18.0), (Turkish, 2.0)],
    ),
    c("CN", "China", "CNY", 8.0, false, &[(Chinese, 100.0)]),
    c("JP", "Japan", "JPY", 4.0, false, &[(Chinese, 100.0)]),
    c("IN", "India", "INR", 5.0, false, &[(SouthAsian, 100.0)]),
    c(
        "CA",
        "Canada",
        "CAD",
        3.0,
        false,
        &[
            (Western, 72.0),
            (SouthAsian, 8.0),
            (Chinese, 8.0),
            (Arabic, 5.0),
            (Somali, 2.0),
            (Latin, 5.0),
        ],
    ),
    c(
        "AU",
        "Australia",
        "AUD",
        2.5,
        false,
        &[
            (Western, 80.0),
            (Chinese, 8.0),
            (SouthAsian, 6.0),
            (Arabic, 6.0),
        ],
    ),
    c(
        "IL",
        "Israel",
        "ILS",
        1.0,
        false,
        &[(Western, 60.0), (Russian, 20.0), (Arabic, 20.0)],
    ),
    c("MX", "Mexico", "MXN", 2.5, false, &[(Latin, 100.0)]),
    c(
        "BR",
        "Brazil",
        "BRL",
        3.0,
        false,
        &[(Latin, 95.0), (Arabic, 5.0)],
    ),
    c(
        "SA",
        "Saudi Arabia",
        "SAR",
        1.5,
        false,
        &[(Arabic, 85.0), (SouthAsian, 15.0)],
    ),
    c(
        "AE",
        "United Arab Emirates",
        "USD",
        0.8,
        true,
        &[
            (Arabic, 55.0),
            (SouthAsian, 35.0),
            (Persian, 5.0),
            (Western, 5.0),
        ],
    ),
    c(
        "TR",
        "Turkey",
        "EUR",
        0.8,
        true,
        &[(Turkish, 85.0), (Arabic, 12.0), (CentralAsian, 3.0)],
    ),
    c("LB", "Lebanon", "USD", 0.3, true, &[(Arabic, 100.0)]),
    c("JO", "Jordan", "USD", 0.3, true, &[(Arabic, 100.0)]),
    c(
        "IQ",
        "Iraq",
        "USD",
        0.2,
        true,
        &[(Arabic, 85.0), (Persian, 15.0)],
    ),
    c("SY", "Syria", "USD", 0.05, true, &[(Arabic, 100.0)]),
    c("SO", "Somalia", "USD", 0.05, true, &[(Somali, 100.0)]),
    c("AF", "Afghanistan", "USD", 0.05, true, &[(Persian, 100.0)]),
    c(
        "KZ",
        "Kazakhstan",
        "RUB",
        0.4,
        false,
        &[(CentralAsian, 80.0), (Russian, 20.0)],
    ),
    c("NG", "Nigeria", "USD", 0.5, false, &[(WestAfrican, 100.0)]),
    c(
        "PK",
        "Pakistan",
        "USD",
        0.5,
        false,
        &[(SouthAsian, 90.0), (Persian, 10.0)],
    ),
];

/// Approximate value of one unit of a currency in US dollars (late-2022 levels), for
/// cross-border conversions. Fixed, so conversions are deterministic.
pub fn usd_per_unit(code: &str) -> f64 {
    match code {
        "USD" => 1.0,
        "EUR" => 1.0,
        "CNY" => 0.14,
        "JPY" => 0.0071,
        "INR" => 0.012,
        "RUB" => 0.016,
        "GBP" => 1.17,
        "CAD" => 0.74,
        "AUD" => 0.66,
        "CHF" => 1.03,
        "ILS" => 0.29,
        "MXN" => 0.05,
        "BRL" => 0.19,
        "SAR" => 0.27,
        "BTC" => 19_000.0,
        _ => 1.0,
    }
}
