//! Synthetic posts for the tests: coordinated cells hidden in ordinary traffic, with the cases
//! that trip implementations up (ties, window edges, empty and doubled URLs, mentions, quoting).

#![allow(dead_code)]

use std::fmt::Write as _;

/// The toolkit's CSV header.
pub const HEADER: &str = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

/// A fixed-algorithm generator (SplitMix64), so a seed is the same data on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// One row of the toolkit's CSV, fields unquoted.
#[derive(Clone, Debug)]
pub struct Row {
    pub message_id: String,
    pub user_id: String,
    pub repost_id: String,
    pub reply_id: String,
    pub message: String,
    pub timestamp: String,
    pub urls: String,
}

const TEXTS: [&str; 6] = [
    "Join the convoy",
    "support the brothers, donate",
    "read this",
    "@news says \"stay\", now",
    "line one\nline two",
    "",
];

const URLS: [&str; 6] = [
    "archive.org/a",
    "youtu.be/x1",
    "paste.site/9",
    "files.host/f",
    "t.me/chan",
    "ex.com/?q=1,2",
];

/// About `n` posts by `users` accounts over an hour: ordinary traffic plus planted cells that
/// share a URL, a repost, a text or a reply target within `window` seconds.
pub fn synthetic_posts(seed: u64, n: usize, users: u64, window: u32) -> Vec<Row> {
    let mut rng = Rng::new(seed);
    let mut rows: Vec<Row> = Vec::new();
    let w = f64::from(window);
    while rows.len() < n {
        if rng.chance(25) {
            plant_cell(&mut rng, &mut rows, users, w);
        } else {
            ordinary_post(&mut rng, &mut rows, users);
        }
    }
    rows
}

fn next_id(rows: &[Row]) -> String {
    format!("m{}", rows.len() + 1)
}

fn user(rng: &mut Rng, users: u64) -> String {
    format!("u{:02}", rng.below(users))
}

fn urls(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => String::new(),
        4 => format!("{}  {}", rng.pick(&URLS), rng.pick(&URLS)),
        5 => format!("{} ", rng.pick(&URLS)),
        6 => format!("{} {}", rng.pick(&URLS), rng.pick(&URLS)),
        _ => rng.pick(&URLS).to_string(),
    }
}

fn timestamp(rng: &mut Rng) -> f64 {
    let t = rng.below(3600) as f64;
    if rng.chance(10) {
        t + 0.25
    } else {
        t
    }
}

fn ordinary_post(rng: &mut Rng, rows: &mut Vec<Row>, users: u64) {
    let kind = rng.below(10);
    let target = if rows.is_empty() || rng.chance(30) {
        format!("ext{}", rng.below(8))
    } else {
        rows[rng.below(rows.len() as u64) as usize]
            .message_id
            .clone()
    };
    let row = Row {
        message_id: next_id(rows),
        user_id: user(rng, users),
        repost_id: if kind < 2 {
            target.clone()
        } else {
            String::new()
        },
        reply_id: if (2..4).contains(&kind) {
            target
        } else {
            String::new()
        },
        message: rng.pick(&TEXTS).to_string(),
        timestamp: fmt_time(timestamp(rng)),
        // Reposts carry URLs too, which co-link must ignore.
        urls: urls(rng),
    };
    rows.push(row);
}

/// Three to six accounts doing the same thing within seconds, some on the window's very edge.
fn plant_cell(rng: &mut Rng, rows: &mut Vec<Row>, users: u64, window: f64) {
    let size = 3 + rng.below(4);
    let start = timestamp(rng);
    let what = rng.below(4);
    let url = rng.pick(&URLS).to_string();
    let text = format!("Coordinated message {}", rng.below(3));
    let target = format!("ext{}", rng.below(8));
    for i in 0..size {
        let t = match i {
            0 => start,
            // Exactly on the window's edge (included), and just past it (excluded).
            1 => start + window,
            2 if rng.chance(50) => start + window + 0.5,
            _ if rng.chance(20) => start,
            _ => start + rng.below((window as u64).max(1)) as f64,
        };
        let mention = if rng.chance(50) { "@someone " } else { "" };
        let text = if rng.chance(50) {
            format!("{mention}{text}")
        } else {
            format!("{mention}  {}", text.to_uppercase())
        };
        rows.push(Row {
            message_id: next_id(rows),
            user_id: user(rng, users),
            repost_id: if what == 1 {
                target.clone()
            } else {
                String::new()
            },
            reply_id: if what == 3 {
                target.clone()
            } else {
                String::new()
            },
            message: text,
            timestamp: fmt_time(t),
            urls: if what == 0 { url.clone() } else { urls(rng) },
        });
    }
}

fn fmt_time(t: f64) -> String {
    if t.fract() == 0.0 {
        format!("{}", t as i64)
    } else {
        format!("{t}")
    }
}

/// The rows as the toolkit's CSV, quoted the way Python's `csv` writer quotes.
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for r in rows {
        let fields = [
            &r.message_id,
            &r.user_id,
            &r.user_id,
            &r.repost_id,
            &r.reply_id,
            &r.message,
            &r.timestamp,
            &r.urls,
        ];
        let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        let _ = writeln!(out, "{}", quoted.join(","));
    }
    out
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
