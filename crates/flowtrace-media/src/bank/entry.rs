//! What a bank holds: typed hash values with their labels, checked on the way in.

use std::fmt;
use std::str::FromStr;

/// The kinds of hash a bank keeps, named as ThreatExchange and HMA name them in CSV files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HashType {
    /// Meta's PDQ perceptual image hash, 64 hex digits.
    Pdq,
    /// MD5 of the file, 32 hex digits.
    Md5,
    /// SHA-256 of the file, 64 hex digits.
    Sha256,
}

impl HashType {
    /// The name used in CSV files and the database.
    pub fn name(self) -> &'static str {
        match self {
            HashType::Pdq => "pdq",
            HashType::Md5 => "md5",
            HashType::Sha256 => "sha256",
        }
    }

    fn hex_digits(self) -> usize {
        match self {
            HashType::Md5 => 32,
            HashType::Pdq | HashType::Sha256 => 64,
        }
    }

    /// The value in canonical form (trimmed, lower-case), or why it is not one of this type.
    pub fn normalise(self, value: &str) -> Result<String, String> {
        let value = value.trim().to_ascii_lowercase();
        if value.len() != self.hex_digits() {
            return Err(format!(
                "a {} hash has {} hex digits, {value:?} has {}",
                self.name(),
                self.hex_digits(),
                value.chars().count()
            ));
        }
        if let Some(c) = value.chars().find(|c| !c.is_ascii_hexdigit()) {
            return Err(format!(
                "{c:?} in {} hash {value:?} is not a hex digit",
                self.name()
            ));
        }
        Ok(value)
    }
}

impl fmt::Display for HashType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for HashType {
    type Err = String;

    /// Accepts the names HMA and ThreatExchange use (`pdq`, `md5`, `sha256`, with the
    /// `hash_` prefix or a dash, any case).
    fn from_str(s: &str) -> Result<Self, String> {
        let key = s.trim().to_ascii_lowercase().replace('-', "");
        match key.strip_prefix("hash_").unwrap_or(&key) {
            "pdq" => Ok(HashType::Pdq),
            "md5" => Ok(HashType::Md5),
            "sha256" => Ok(HashType::Sha256),
            _ => Err(format!(
                "unknown hash type {s:?} (expected pdq, md5 or sha256)"
            )),
        }
    }
}

/// One banked hash with its labels (ideology, item id, source... whatever the partner sent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankEntry {
    /// What kind of hash.
    pub hash_type: HashType,
    /// The value in canonical lower-case hex.
    pub hash_value: String,
    /// Free-form labels in the order given.
    pub labels: Vec<String>,
}

impl BankEntry {
    /// An entry with its value checked and made canonical.
    pub fn new(hash_type: HashType, value: &str, labels: Vec<String>) -> Result<Self, String> {
        Ok(BankEntry {
            hash_type,
            hash_value: hash_type.normalise(value)?,
            labels,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values_are_checked() {
        assert_eq!("PDQ".parse::<HashType>(), Ok(HashType::Pdq));
        assert_eq!("hash_sha256".parse::<HashType>(), Ok(HashType::Sha256));
        assert_eq!("sha-256".parse::<HashType>(), Ok(HashType::Sha256));
        assert!("phash".parse::<HashType>().is_err());
        let md5 = "900150983CD24FB0D6963F7D28E17F72";
        assert_eq!(HashType::Md5.normalise(md5).unwrap(), md5.to_lowercase());
        assert!(HashType::Pdq
            .normalise(md5)
            .unwrap_err()
            .contains("64 hex digits"));
        assert!(HashType::Md5
            .normalise(&"z".repeat(32))
            .unwrap_err()
            .contains("not a hex digit"));
    }
}
