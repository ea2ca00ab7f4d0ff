//! What online accounts write: languages, ordinary chatter, propaganda slogans, URLs and the
//! PDQ-like media hashes propaganda items carry.

use crate::random::SimRng;

/// A language accounts post in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Arabic (Arabic script).
    Ar,
    /// French.
    Fr,
    /// German.
    De,
    /// Turkish.
    Tr,
    /// Russian (Cyrillic).
    Ru,
    /// Spanish.
    Es,
    /// Urdu (Arabic script).
    Ur,
    /// Chinese.
    Zh,
}

impl Lang {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Tr => "tr",
            Lang::Ru => "ru",
            Lang::Es => "es",
            Lang::Ur => "ur",
            Lang::Zh => "zh",
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "today", "coffee", "match", "weather", "new", "great", "work", "family", "friends",
                "watch", "game", "music", "city", "train", "late", "again", "finally", "love",
                "weekend", "news", "photo", "this", "really", "good", "morning", "night", "food",
                "happy", "birthday", "traffic", "school", "video",
            ],
            Lang::Ar => &[
                "اليوم",
                "صباح",
                "الخير",
                "الحمد",
                "لله",
                "القهوة",
                "المباراة",
                "الطقس",
                "جديد",
                "العمل",
                "العائلة",
                "الأصدقاء",
                "جميل",
                "مساء",
                "رمضان",
                "كريم",
                "السوق",
                "المدينة",
                "الأخبار",
                "صورة",
                "فيديو",
                "سعيد",
                "شكرا",
                "كثيرا",
                "الطريق",
            ],
            Lang::Fr => &[
                "aujourd'hui",
                "café",
                "match",
                "temps",
                "nouveau",
                "super",
                "travail",
                "famille",
                "amis",
                "regarder",
                "musique",
                "ville",
                "train",
                "encore",
                "enfin",
                "week-end",
                "photo",
                "vraiment",
                "bonjour",
                "soir",
                "manger",
                "école",
                "vidéo",
            ],
            Lang::De => &[
                "heute",
                "Kaffee",
                "Spiel",
                "Wetter",
                "neu",
                "super",
                "Arbeit",
                "Familie",
                "Freunde",
                "Musik",
                "Stadt",
                "Zug",
                "wieder",
                "endlich",
                "Wochenende",
                "Foto",
                "wirklich",
                "Morgen",
                "Abend",
                "Essen",
                "Schule",
                "Video",
            ],
            Lang::Tr => &[
                "bugün",
                "kahve",
                "maç",
                "hava",
                "yeni",
                "harika",
                "iş",
                "aile",
                "arkadaşlar",
                "müzik",
                "şehir",
                "tren",
                "yine",
                "sonunda",
                "hafta",
                "sonu",
                "fotoğraf",
                "gerçekten",
                "günaydın",
                "akşam",
                "yemek",
                "okul",
            ],
            Lang::Ru => &[
                "сегодня",
                "кофе",
                "матч",
                "погода",
                "новый",
                "отлично",
                "работа",
                "семья",
                "друзья",
                "музыка",
                "город",
                "поезд",
                "опять",
                "наконец",
                "выходные",
                "фото",
                "правда",
                "утро",
                "вечер",
                "еда",
                "школа",
                "видео",
            ],
            Lang::Es => &[
                "hoy", "café", "partido", "tiempo", "nuevo", "genial", "trabajo", "familia",
                "amigos", "música", "ciudad", "tren", "otra", "vez", "por", "fin", "foto",
                "buenos", "días", "noche", "comida", "escuela", "vídeo",
            ],
            Lang::Ur => &[
                "آج",
                "چائے",
                "میچ",
                "موسم",
                "نیا",
                "بہت",
                "اچھا",
                "کام",
                "خاندان",
                "دوست",
                "شہر",
                "پھر",
                "آخرکار",
                "تصویر",
                "صبح",
                "شام",
                "کھانا",
                "اسکول",
            ],
            Lang::Zh => &[
                "今天", "咖啡", "比赛", "天气", "新的", "很好", "工作", "家人", "朋友", "音乐",
                "城市", "火车", "终于", "周末", "照片", "早上", "晚上", "好吃", "学校", "视频",
            ],
        }
    }

    /// Slogans and calls that propaganda posts are built from (in the supporters' languages;
    /// others fall back to English).
    fn slogans(self) -> &'static [&'static str] {
        match self {
            Lang::Ar => &[
                "باقية وتتمدد",
                "انصروا إخوانكم",
                "النصر قادم",
                "انشروا الإصدار",
                "يا أمة الإسلام",
                "الجهاد ماض",
                "إصدار جديد",
                "لا تنسوا الأسرى",
            ],
            Lang::Fr => &[
                "soutenez vos frères",
                "nouvelle publication",
                "partagez avant suppression",
                "la victoire approche",
                "ne les oubliez pas",
            ],
            Lang::Tr => &[
                "kardeşlerinize destek",
                "yeni yayın",
                "paylaşın",
                "zafer yakın",
            ],
            Lang::Ru => &[
                "поддержите братьев",
                "новый выпуск",
                "распространяйте",
                "победа близка",
            ],
            _ => &[
                "support your brothers",
                "new release out now",
                "share before it is deleted",
                "victory is near",
                "do not forget the prisoners",
                "spread the word",
            ],
        }
    }

    /// Text of a donation appeal, with `{}` where the identifier goes.
    pub fn appeal(self, rng: &mut SimRng) -> &'static str {
        let templates: &[&str] = match self {
            Lang::Ar => &[
                "إخوانكم في المخيمات بحاجة إليكم، تبرعوا: {}",
                "ادعموا الأسر المحتاجة، الحساب {} جزاكم الله خيرا",
            ],
            Lang::Fr => &[
                "Les sœurs des camps ont besoin de vous, faites un don : {}",
                "Aidez les familles, virement sur {} merci",
            ],
            _ => &[
                "Brothers and sisters in the camps need your help. Donate: {}",
                "Every dollar frees a family. Send to {} and share",
                "Winter is coming for the orphans, give what you can: {}",
            ],
        };
        rng.pick::<&str>(templates)
    }

    /// Text of a legitimate charity appeal, with `{name}` and `{}` for the charity and its
    /// account.
    pub fn charity_appeal(self, rng: &mut SimRng) -> &'static str {
        let templates: &[&str] = match self {
            Lang::Fr => &["{name} lance son appel d'hiver, dons : {}"],
            Lang::De => &["{name} sammelt für die Flutopfer, Spendenkonto {}"],
            Lang::Ar => &["{name} حملة الشتاء، للتبرع: {}"],
            _ => &[
                "{name} winter appeal: donate to {} #charity",
                "Proud to support {name} this year. Donations: {}",
            ],
        };
        rng.pick::<&str>(templates)
    }
}

/// `count` words of everyday chatter in `lang`.
pub fn chatter(lang: Lang, count: usize, rng: &mut SimRng) -> String {
    let words = lang.words();
    let mut out = String::new();
    for k in 0..count {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick::<&str>(words));
    }
    out
}

/// A propaganda line: a slogan, a few words and a hashtag, in `lang`.
pub fn propaganda(lang: Lang, rng: &mut SimRng) -> String {
    let slogan = rng.pick(lang.slogans());
    let tags = [
        "#Nashir", "#Amaq", "#Ghuraba", "#Sahwa", "#Bayan", "#Khilafa",
    ];
    format!(
        "{} {} {} {}",
        slogan,
        chatter(lang, 2 + rng.below(3), rng),
        rng.pick(&tags),
        rng.between(100, 9_999)
    )
}

/// A small edit of `text` that the toolkit's normalisation does not undo (a word swapped, an
/// emoji or punctuation added): near-identical, but not the same co-tweet.
pub fn small_edit(text: &str, lang: Lang, rng: &mut SimRng) -> String {
    match rng.below(3) {
        0 => format!("{text} 🔥"),
        1 => format!("{text}!!"),
        _ => {
            let mut words: Vec<&str> = text.split(' ').collect();
            let k = rng.below(words.len());
            words[k] = *rng.pick(lang.words());
            words.join(" ")
        }
    }
}

/// A copy of `text` that normalises to the same co-tweet text (case, spacing, a leading
/// mention changed), as copy-paste accounts post it.
pub fn same_after_normalising(text: &str, mention: &str, rng: &mut SimRng) -> String {
    match rng.below(4) {
        0 => text.to_string(),
        1 => format!("@{mention} {text}"),
        // Upper case only for ASCII: `ı` or `ß` would not come back from lower case.
        3 if text.is_ascii() => text.to_uppercase(),
        _ => text.replacen(' ', "  ", 1),
    }
}

/// Hosts of ordinary links, most popular first.
const NEWS: [&str; 12] = [
    "https://www.youtube.com/watch?v=",
    "https://www.bbc.co.uk/news/",
    "https://www.aljazeera.net/news/",
    "https://www.lemonde.fr/article/",
    "https://www.spiegel.de/a-",
    "https://www.reuters.com/world/",
    "https://www.instagram.com/p/",
    "https://www.hurriyet.com.tr/gundem/",
    "https://ria.ru/news/",
    "https://elpais.com/a/",
    "https://www.dawn.com/news/",
    "https://www.weibo.com/",
];

/// Hosts where propaganda is stored and linked to ("beacons": file hosts, paste sites,
/// archives, small platforms).
const BEACONS: [&str; 7] = [
    "https://archive.org/details/",
    "https://justpaste.it/",
    "https://files.fm/u/",
    "https://t.me/",
    "https://www.mediafire.com/file/",
    "https://telegra.ph/",
    "https://top4top.io/p_",
];

/// The ordinary URL at popularity rank `rank` of a world seeded with `seed`.
pub fn news_url(seed: u64, rank: usize) -> String {
    let id = crate::random::mix(seed ^ rank as u64) & 0xFF_FFFF_FFFF;
    format!("{}{:x}", NEWS[rank % NEWS.len()], id)
}

/// A fresh propaganda link.
pub fn beacon_url(rng: &mut SimRng) -> String {
    format!(
        "{}{:x}",
        rng.pick(&BEACONS),
        rng.next_u64() & 0xFFFF_FFFF_FFFF
    )
}

/// A 256-bit PDQ-like hash as 64 hexadecimal digits.
pub fn media_hash(rng: &mut SimRng) -> [u64; 4] {
    [
        rng.next_u64(),
        rng.next_u64(),
        rng.next_u64(),
        rng.next_u64(),
    ]
}

/// `hash` with `bits` random bits flipped: the same image re-encoded or cropped a little.
pub fn near_hash(hash: [u64; 4], bits: usize, rng: &mut SimRng) -> [u64; 4] {
    let mut out = hash;
    for _ in 0..bits {
        let b = rng.below(256);
        out[b / 64] ^= 1 << (b % 64);
    }
    out
}

/// The hash as 64 lowercase hexadecimal digits.
pub fn hex(hash: [u64; 4]) -> String {
    hash.iter().map(|w| format!("{w:016x}")).collect()
}
