//! Crypto-currency addresses and their checksums: Bitcoin base58check (P2PKH `1...`, P2SH
//! `3...`), Bitcoin segwit bech32 (BIP 173, version 0) and bech32m (BIP 350, versions 1 to 16),
//! and Ethereum's EIP-55 mixed-case checksum.

use super::digest::{keccak256, sha256};

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BECH32: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32_CONST: u32 = 1;
const BECH32M_CONST: u32 = 0x2bc8_30a3;

/// Whether `c` is a base58 digit.
pub fn is_base58(c: u8) -> bool {
    BASE58.contains(&c)
}

/// Decodes base58 text (leading `1`s are zero bytes); `None` on a character outside the
/// alphabet.
pub fn base58_decode(text: &str) -> Option<Vec<u8>> {
    let mut number: Vec<u8> = Vec::new(); // big-endian
    for c in text.bytes() {
        let mut carry = BASE58.iter().position(|&d| d == c)? as u32;
        for byte in number.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            number.insert(0, (carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let zeros = text.bytes().take_while(|&c| c == b'1').count();
    let mut out = vec![0u8; zeros];
    out.extend(number);
    Some(out)
}

/// Encodes bytes as base58.
pub fn base58_encode(bytes: &[u8]) -> String {
    let mut digits: Vec<u8> = Vec::new(); // little-endian base-58 digits
    for &b in bytes {
        let mut carry = u32::from(b);
        for d in digits.iter_mut() {
            carry += u32::from(*d) << 8;
            *d = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    let mut out = "1".repeat(zeros);
    out.extend(digits.iter().rev().map(|&d| BASE58[d as usize] as char));
    out
}

/// The first four bytes of SHA-256 applied twice: base58check's checksum.
fn checksum4(payload: &[u8]) -> [u8; 4] {
    let h = sha256(&sha256(payload));
    [h[0], h[1], h[2], h[3]]
}

/// `version` and `payload` with their checksum, in base58 (a P2PKH address for version 0 and a
/// 20-byte key hash, P2SH for version 5).
pub fn base58check_encode(version: u8, payload: &[u8]) -> String {
    let mut bytes = vec![version];
    bytes.extend_from_slice(payload);
    let sum = checksum4(&bytes);
    bytes.extend_from_slice(&sum);
    base58_encode(&bytes)
}

/// Whether `address` is a Bitcoin mainnet P2PKH or P2SH address with a correct checksum.
pub fn bitcoin_base58_is_valid(address: &str) -> bool {
    let Some(bytes) = base58_decode(address) else {
        return false;
    };
    if bytes.len() != 25 || !matches!(bytes[0], 0x00 | 0x05) {
        return false;
    }
    checksum4(&bytes[..21]) == bytes[21..]
}

fn polymod(values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk = 1u32;
    for v in values {
        let top = chk >> 25;
        chk = ((chk & 0x01ff_ffff) << 5) ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

fn hrp_expand(hrp: &str) -> impl Iterator<Item = u8> + '_ {
    hrp.bytes()
        .map(|b| b >> 5)
        .chain(std::iter::once(0))
        .chain(hrp.bytes().map(|b| b & 31))
}

/// Regroups bits: `from`-bit groups to `to`-bit groups; `pad` pads the last group with zeros
/// (encoding), otherwise leftover bits must be fewer than `from` and zero (decoding).
fn convert_bits(data: &[u8], from: u32, to: u32, pad: bool) -> Option<Vec<u8>> {
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    let max = (1u32 << to) - 1;
    for &v in data {
        acc = (acc << from) | u32::from(v);
        bits += from;
        while bits >= to {
            bits -= to;
            out.push(((acc >> bits) & max) as u8);
        }
    }
    if pad {
        if bits > 0 {
            out.push(((acc << (to - bits)) & max) as u8);
        }
    } else if bits >= from || ((acc << (to - bits)) & max) != 0 {
        return None;
    }
    Some(out)
}

/// A segwit address: human-readable part `hrp` (`bc` mainnet, `tb` testnet), witness
/// `version` and `program`, bech32 for version 0 and bech32m above.
pub fn segwit_encode(hrp: &str, version: u8, program: &[u8]) -> Option<String> {
    let mut data = vec![version];
    data.extend(convert_bits(program, 8, 5, true)?);
    let constant = if version == 0 {
        BECH32_CONST
    } else {
        BECH32M_CONST
    };
    let values: Vec<u8> = hrp_expand(hrp).chain(data.iter().copied()).collect();
    let check = polymod(values.into_iter().chain([0u8; 6])) ^ constant;
    let mut out = format!("{hrp}1");
    for d in data {
        out.push(BECH32[d as usize] as char);
    }
    for i in 0..6 {
        out.push(BECH32[((check >> (5 * (5 - i))) & 31) as usize] as char);
    }
    Some(out)
}

/// Whether `address` is a valid Bitcoin segwit address (mainnet `bc`, testnet `tb`, regtest
/// `bcrt`): one case throughout, the right checksum constant for its version, and a program of
/// the length that version allows.
pub fn segwit_is_valid(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    if address.len() > 90 || (lower != address && address.to_ascii_uppercase() != address) {
        return false;
    }
    let Some(sep) = lower.rfind('1') else {
        return false;
    };
    let (hrp, rest) = (&lower[..sep], &lower.as_bytes()[sep + 1..]);
    if !matches!(hrp, "bc" | "tb" | "bcrt") || rest.len() < 7 {
        return false;
    }
    let Some(data) = rest
        .iter()
        .map(|c| BECH32.iter().position(|d| d == c).map(|p| p as u8))
        .collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    let constant = polymod(hrp_expand(hrp).chain(data.iter().copied()));
    let (version, program) = (data[0], &data[1..data.len() - 6]);
    let Some(program) = convert_bits(program, 5, 8, false) else {
        return false;
    };
    match version {
        0 => constant == BECH32_CONST && matches!(program.len(), 20 | 32),
        1..=16 => constant == BECH32M_CONST && (2..=40).contains(&program.len()),
        _ => false,
    }
}

/// The EIP-55 spelling of a 40-hex-digit Ethereum address (`0x` and the digits, letters
/// capitalised where the Keccak-256 of the lower-case hex has a nibble of 8 or more);
/// `None` if `address` is not `0x` and 40 hex digits.
pub fn eip55(address: &str) -> Option<String> {
    let hex = address.strip_prefix("0x")?;
    if hex.len() != 40 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let lower = hex.to_ascii_lowercase();
    let hash = keccak256(lower.as_bytes());
    let mut out = String::from("0x");
    for (i, c) in lower.chars().enumerate() {
        let nibble = (hash[i / 2] >> (if i % 2 == 0 { 4 } else { 0 })) & 0xf;
        out.push(if nibble >= 8 {
            c.to_ascii_uppercase()
        } else {
            c
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base58_round_trips_with_leading_zeros() {
        for bytes in [&[][..], &[0, 0, 1, 2, 255][..], &[255; 25][..]] {
            assert_eq!(base58_decode(&base58_encode(bytes)).unwrap(), bytes);
        }
        assert_eq!(base58_decode("0OIl"), None);
    }

    #[test]
    fn bitcoin_addresses() {
        // The genesis block's address.
        assert!(bitcoin_base58_is_valid(
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
        ));
        assert!(!bitcoin_base58_is_valid(
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"
        ));
        let p2sh = base58check_encode(5, &[7; 20]);
        assert!(p2sh.starts_with('3') && bitcoin_base58_is_valid(&p2sh));
        // BIP 173 and BIP 350 examples.
        assert!(segwit_is_valid(
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"
        ));
        assert!(segwit_is_valid(
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y"
        ));
        // Version 1 with bech32 (not bech32m) is invalid.
        assert!(!segwit_is_valid(
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx"
        ));
        let made = segwit_encode("bc", 0, &[9; 32]).unwrap();
        assert!(segwit_is_valid(&made));
        assert!(!segwit_is_valid(
            "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"
        ));
    }

    #[test]
    fn eip55_examples() {
        for a in [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ] {
            assert_eq!(eip55(a).as_deref(), Some(a));
        }
    }
}
