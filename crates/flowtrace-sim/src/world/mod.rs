//! The simulated world's fixed parts: countries, banks and account holders.

pub mod countries;
pub mod population;
