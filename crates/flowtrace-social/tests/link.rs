//! Payment identifiers in posts: every kind valid and invalid (checksums computed here), the
//! spellings appeals use to slip past filters, and the join to a tiny transfer file.

use std::path::Path;

use flowtrace_social::link::{
    base58check_encode, eip55, find_identifiers, link_messages, segwit_encode, write_links_csv,
    AccountIndex, Check, IdKind,
};
use flowtrace_social::{read_messages, MessageFormat, ReadOptions};

/// An IBAN with its check digits computed by ISO 7064 mod 97-10, independently of the crate.
fn iban(country: &str, bban: &str) -> String {
    let digits: String = format!("{bban}{country}00")
        .chars()
        .map(|c| c.to_digit(36).unwrap().to_string())
        .collect();
    let rest = digits
        .bytes()
        .fold(0u32, |r, b| (r * 10 + u32::from(b - b'0')) % 97);
    format!("{country}{:02}{bban}", 98 - rest)
}

/// `digits` with the Luhn check digit appended, independently of the crate.
fn luhn(digits: &str) -> String {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            }
        })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

/// Changes one character of `s` (at `at`) to a different one of the same class.
fn mistype(s: &str, at: usize) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    chars[at] = match chars[at] {
        '9' => '8',
        c if c.is_ascii_digit() => (c as u8 + 1) as char,
        'z' => 'y',
        'Z' => 'Y',
        c if c.is_ascii_lowercase() => (c as u8 + 1) as char,
        c => (c as u8 + 1) as char,
    };
    chars.into_iter().collect()
}

fn grouped(s: &str, sep: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(sep)
}

fn one(text: &str) -> (IdKind, Check, String) {
    let found = find_identifiers(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    let f = &found[0];
    assert_eq!(&text[f.span.0..f.span.1], f.written);
    (f.kind, f.check, f.canonical.clone())
}

#[test]
fn ibans_in_every_spelling_and_mistyped() {
    let de = iban("DE", "370400440532013000");
    assert_eq!(de, "DE89370400440532013000");
    let tr = iban("TR", "0006100519786457841326");
    let fullwidth: String = grouped(&tr, " ")
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 + 0xFEE0).unwrap()
            } else {
                c
            }
        })
        .collect();
    for text in [
        format!("send to {de} today"),
        format!("IBAN: {}.", grouped(&de, " ")),
        format!("iban {}", grouped(&de, "\u{00A0}")),
        format!("({})", grouped(&de.to_lowercase(), "-")),
        format!("x {}\u{200B}{} y", &de[..10], &de[10..]),
    ] {
        assert_eq!(
            one(&text),
            (IdKind::Iban, Check::Valid, de.clone()),
            "{text}"
        );
    }
    assert_eq!(one(&fullwidth), (IdKind::Iban, Check::Valid, tr.clone()));
    // One digit wrong, two digits swapped, one group short: reported, invalid.
    let wrong = mistype(&de, 12);
    assert_eq!(one(&wrong), (IdKind::Iban, Check::Invalid, wrong.clone()));
    let swapped = format!("{}{}{}{}", &de[..12], &de[13..14], &de[12..13], &de[14..]);
    assert_ne!(swapped, de);
    assert_eq!(one(&swapped).1, Check::Invalid);
    assert_eq!(one(&grouped(&de[..18], " ")).1, Check::Invalid);
    // Words that start like an IBAN are not one.
    assert!(find_identifiers("DE12 is a code, AT20 a model").is_empty());
}

#[test]
fn cards_bank_accounts_and_phones() {
    let card = luhn("411111111111111");
    assert_eq!(card, "4111111111111111");
    let amex = luhn("37828224631000");
    for text in [
        format!("card {}", grouped(&card, " ")),
        format!("card {}", grouped(&card, "\u{2013}")),
        format!("{card}!"),
        format!("prepaid {} 50 EUR", grouped(&card, " ")),
    ] {
        assert_eq!(
            one(&text),
            (IdKind::Card, Check::Valid, card.clone()),
            "{text}"
        );
    }
    assert_eq!(one(&amex), (IdKind::Card, Check::Valid, amex.clone()));
    assert_eq!(one(&mistype(&card, 5)).1, Check::Invalid);

    for text in [
        "bank 0210 account 8000A1B2C",
        "Bank no. 0210, acct: 8000A1B2C",
        "account 8000A1B2C at bank 0210",
        "pay 0210:8000A1B2C now",
        "BANK #0210 ACCOUNT NUMBER 8000A1B2C",
    ] {
        assert_eq!(
            one(text),
            (
                IdKind::BankAccount,
                Check::NotApplicable,
                "0210:8000A1B2C".into()
            ),
            "{text}"
        );
    }
    let found = find_identifiers("bank 0210 account 8000A1B2C");
    assert_eq!(found[0].account, Some(("0210".into(), "8000A1B2C".into())));

    for (text, number) in [
        ("whatsapp +44 20 7946 0958", "+442079460958"),
        ("+49 (0)30 1234-5678.", "+493012345678"),
        ("tel:+90.532.111.22.33", "+905321112233"),
        ("\u{FF0B}٩٦٦٥٠١٢٣٤٥٦٧", "+966501234567"),
    ] {
        assert_eq!(
            one(text),
            (IdKind::Phone, Check::NotApplicable, number.into()),
            "{text}"
        );
    }
    for text in [
        "meet at 10:30 on 2024-11-29",
        "order 12345, room 7",
        "call +12 34",
        "bank holiday account closed",
        "1234567890123",
    ] {
        assert!(
            find_identifiers(text).is_empty(),
            "{text}: {:?}",
            find_identifiers(text)
        );
    }
}

#[test]
fn crypto_addresses_valid_invalid_and_unchecked() {
    let p2pkh = base58check_encode(0, &[0x3c; 20]);
    let p2sh = base58check_encode(5, &[0xa1; 20]);
    assert!(p2pkh.starts_with('1') && p2sh.starts_with('3'));
    let segwit = segwit_encode("bc", 0, &[0x42; 20]).unwrap();
    let taproot = segwit_encode("bc", 1, &[0x17; 32]).unwrap();
    for address in [&p2pkh, &p2sh] {
        assert_eq!(
            one(&format!("btc: {address}")),
            (IdKind::Bitcoin, Check::Valid, address.clone())
        );
        let bad = mistype(address, 10);
        assert_eq!(one(&bad).1, Check::Invalid, "{bad}");
    }
    for address in [&segwit, &taproot] {
        assert_eq!(
            one(address),
            (IdKind::Bitcoin, Check::Valid, address.clone())
        );
        assert_eq!(
            one(&address.to_uppercase()),
            (IdKind::Bitcoin, Check::Valid, address.clone())
        );
        assert_eq!(one(&mistype(address, 20)).1, Check::Invalid);
    }
    // A version-1 program with version-0's checksum constant.
    let mut wrong_constant = segwit_encode("bc", 0, &[0x17; 32]).unwrap();
    wrong_constant.replace_range(3..4, "p");
    assert_eq!(one(&wrong_constant).1, Check::Invalid);

    let lower = format!("0x{}", "ab12".repeat(10));
    let checksummed = eip55(&lower).unwrap();
    assert_ne!(
        checksummed, lower,
        "the test address needs letters of both cases"
    );
    assert_eq!(
        one(&format!("eth {checksummed}")),
        (IdKind::Ethereum, Check::Valid, lower.clone())
    );
    assert_eq!(
        one(&lower),
        (IdKind::Ethereum, Check::NotApplicable, lower.clone())
    );
    let flipped: String = checksummed
        .char_indices()
        .map(|(i, c)| {
            let first_letter = checksummed[2..]
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap()
                + 2;
            if i == first_letter {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            } else {
                c
            }
        })
        .collect();
    assert_eq!(one(&flipped), (IdKind::Ethereum, Check::Invalid, lower));
}

const TRANSFERS: &str = "\
Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering
2022/09/01 00:02,0011,800111111,0210,8000A1B2C,100.00,Euro,100.00,Euro,ACH,0
2022/09/01 00:05,0012,800222222,0210,8000A1B2C,50.00,Euro,50.00,Euro,ACH,0
2022/09/01 01:00,0210,8000A1B2C,0099,800999999,140.00,Euro,140.00,Euro,Wire,0
2022/09/01 02:00,0011,800111111,0012,800222222,10.00,Euro,10.00,Euro,Cash,0
";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn joins_identifiers_to_accounts_and_never_links_an_invalid_one() {
    let dir = tempfile::tempdir().unwrap();
    let transfers = write(dir.path(), "tx.csv", TRANSFERS);
    let good = iban("GB", "WEST12345698765432");
    let bad = mistype(&good, 8);
    let wallet = base58check_encode(0, &[7; 20]);
    let mapping = format!(
        "bank,account,identifier\n0099,800999999,{}\n0012,800222222,{wallet}\n0011,800111111,{bad}\n9999,1,+441234567890\n",
        grouped(&good, " ")
    );
    let mapping = write(dir.path(), "ids.csv", &mapping);
    let posts = format!(
        "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n\
         1,u1,a,,,\"Donate: bank 0210 account 8000A1B2C, or {good}\",10,\n\
         2,u2,b,,,\"wallet {wallet} and again {wallet}\",20,\n\
         3,u3,c,,,\"typo: {bad}\",30,\n\
         4,u4,d,,,\"nothing here\",40,https://pay.example/0210:8000A1B2C\n\
         5,u5,e,,,\"bank 0210 account 8000FFFFF\",50,\n"
    );
    let posts = write(dir.path(), "posts.csv", &posts);

    let loaded = flowtrace_io::read_transfers(
        &transfers,
        flowtrace_io::FileFormat::AmlworldCsv,
        &flowtrace_io::ReadOptions::default(),
    )
    .unwrap();
    let mut index = AccountIndex::new(&loaded.accounts, &loaded.transfers);
    let report = index.read_mapping(&mapping).unwrap();
    assert_eq!(
        (report.rows, report.mapped, report.unknown_accounts),
        (4, 3, 1)
    );
    let options = ReadOptions {
        keep_text: true,
        ..ReadOptions::default()
    };
    let messages = read_messages(&posts, MessageFormat::ToolkitCsv, &options)
        .unwrap()
        .messages;
    let links = link_messages(&messages, &index);

    let rows: Vec<(String, &str, Check, Option<String>)> = links
        .iter()
        .map(|l| {
            let account = l.account.map(|a| {
                format!(
                    "{}:{}",
                    index.accounts().bank(a),
                    index.accounts().number(a)
                )
            });
            (
                messages.message_key(l.message).to_string(),
                l.identifier.kind.name(),
                l.identifier.check,
                account,
            )
        })
        .collect();
    let acct = |s: &str| Some(s.to_string());
    assert_eq!(
        rows,
        [
            (
                "1".into(),
                "bank_account",
                Check::NotApplicable,
                acct("0210:8000A1B2C")
            ),
            ("1".into(), "iban", Check::Valid, acct("0099:800999999")),
            ("2".into(), "bitcoin", Check::Valid, acct("0012:800222222")),
            ("3".into(), "iban", Check::Invalid, None),
            (
                "4".into(),
                "bank_account",
                Check::NotApplicable,
                acct("0210:8000A1B2C")
            ),
            ("5".into(), "bank_account", Check::NotApplicable, None),
        ]
    );
    let hub = loaded.accounts.lookup("0210", "8000A1B2C").unwrap();
    assert_eq!((index.transfers_in(hub), index.transfers_out(hub)), (2, 1));

    let mut csv = Vec::new();
    write_links_csv(&links, &messages, &index, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with(
        "message_id,user_id,identifier,kind,check,account,transfers_in,transfers_out,written\n"
    ));
    assert!(csv.contains("\"1\",\"u1\",\"0210:8000A1B2C\",bank_account,none,\"0210:8000A1B2C\",2,1,\"bank 0210 account 8000A1B2C\"\n"), "{csv}");
    assert!(csv.contains(",iban,invalid,,,,"), "{csv}");
}

#[test]
fn a_bad_mapping_file_names_file_line_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let transfers = write(dir.path(), "tx.csv", TRANSFERS);
    let loaded = flowtrace_io::read_transfers(
        &transfers,
        flowtrace_io::FileFormat::AmlworldCsv,
        &flowtrace_io::ReadOptions::default(),
    )
    .unwrap();
    let mut index = AccountIndex::new(&loaded.accounts, &loaded.transfers);
    let no_column = write(dir.path(), "a.csv", "bank,account\n1,2\n");
    let e = index.read_mapping(&no_column).unwrap_err().to_string();
    assert!(
        e.ends_with(
            "a.csv: line 1: no `identifier` or `identifiers` column in the header `bank,account`"
        ),
        "{e}"
    );
    let short_row = write(dir.path(), "b.csv", "bank,account,identifier\n1,2,x\n1,2\n");
    let e = index.read_mapping(&short_row).unwrap_err().to_string();
    assert!(
        e.ends_with("b.csv: line 3: 2 fields, the header has 3"),
        "{e}"
    );
}
