//! Original-script forms of Latin-script names: Arabic script for names the tables know in it,
//! Cyrillic for Russian and Central Asian names (by table, else by transliteration), Chinese
//! characters for Chinese names in the tables.

use crate::origin::Origin;
use crate::tables::{lookup, Hit};
use crate::text::{fold, strip_diacritics};
use crate::variant::compound::Kind;
use crate::variant::parse::{parse, Body, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Arabic,
    Cyrillic,
    Han,
}

fn script_of(s: &str) -> Option<Script> {
    let c = s.chars().find(|c| c.is_alphabetic())?;
    match c as u32 {
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Some(Script::Arabic)
        }
        0x0400..=0x04FF => Some(Script::Cyrillic),
        0x4E00..=0x9FFF => Some(Script::Han),
        _ => None,
    }
}

/// Names of God after `Abd`, folded spellings then the Arabic with its article.
const TAILS: &str = "
rahman rehman rahmane = الرحمن
rahim raheem rehim = الرحيم
aziz azeez = العزيز
karim kareem krim = الكريم
qadir qader kadir kader gadir qadeer = القادر
latif lateef = اللطيف
majid majeed maged = المجيد
hamid hameed = الحميد
halim haleem = الحليم
hakim hakeem = الحكيم
jabbar = الجبار
ghani gani = الغني
ghaffar gaffar ghafar = الغفار
ghafoor ghafur ghafour = الغفور
wahab wahhab = الوهاب
salam salaam slam = السلام
razzaq razaq razak razzak razik = الرزاق
rauf raouf = الرؤوف
basit baset = الباسط
fattah fatah = الفتاح
hadi hady = الهادي
malik malek = المالك
mumin moumen moemen = المؤمن
nasir nasser naser nacer = الناصر
quddus = القدوس
rashid rasheed = الرشيد
sattar satar = الستار
samad samed samat = الصمد
wahid waheed = الواحد
wadud wadood = الودود
jalil jaleel = الجليل
mannan = المنان
muttalib mutalib motaleb = المطلب
qayyum qayum = القيوم
ilah = الإله
bari baari = الباري
hafiz hafeez = الحفيظ
jawad = الجواد
khaliq khalek khaleq = الخالق
matin mateen = المتين
qahhar = القهار
sabur saboor = الصبور
shakur shakoor = الشكور
tawwab = التواب
wali = الولي
haq hak haqq = الحق
moneim munim monem mounim = المنعم
muhsin mohsen mohsin = المحسن
muiz moez = المعز
rab rabb = الرب
hai hay = الحي
";

/// Heads of `... al-Din` and `...ullah` names.
const HEADS: &str = "
salah = صلاح
nasr nassr = نصر
nur noor nour = نور
saif sayf seif = سيف
ala alaa = علاء
kamal = كمال
jamal gamal = جمال
shams = شمس
fakhr = فخر
zain zein = زين
baha bahaa = بهاء
imad emad = عماد
najm = نجم
qutb = قطب
sadr = صدر
taqi = تقي
zia diya = ضياء
muhyi mohi muhi = محيي
izz ezz = عز
badr = بدر
sharaf = شرف
khair khayr kheir = خير
husam hossam = حسام
nizam = نظام
rukn = ركن
shihab shehab = شهاب
jalal = جلال
siraj = سراج
habib = حبيب
rahmat rahma = رحمة
hikmat hekmat = حكمة
zabih zabi = ذبيح
naqib nakib = نقيب
aman = أمان
asad assad = أسد
sami = سميع
hayat = حياة
ubaid obaid = عبيد
fazl fazal fazil = فضل
inayat enayat = عناية
ata = عطاء
hibat = هبة
karam = كرم
ruh rouh = روح
hamd = حمد
amin = أمين
khalil = خليل
fath = فتح
";

fn find(table: &'static str, folded: &str) -> Option<&'static str> {
    table.lines().find_map(|l| {
        let (keys, script) = l.split_once('=')?;
        keys.split_whitespace()
            .any(|k| k == folded)
            .then(|| script.trim())
    })
}

/// The name in its original script, when every element is known: `"Muhammad bin Ali
/// al-Masri"` -> `"محمد بن علي المصري"`, `"Ivan Petrov"` -> `"Иван Петров"`, `"Zhang Wei"` ->
/// `"张伟"`. Russian and Central Asian names not in the tables are transliterated into
/// Cyrillic; an Arabic- or Chinese-origin name with an element the tables do not know gives
/// `None`, as do Western names.
///
/// ```
/// assert_eq!(flowtrace_names::original_script("Ivan Petrov").as_deref(), Some("Иван Петров"));
/// ```
pub fn original_script(name: &str) -> Option<String> {
    let units = parse(name);
    if units.is_empty() {
        return None;
    }
    let hits: Vec<Vec<Hit>> = units.iter().map(|u| lookup(&u.body_text())).collect();
    let script = choose_script(&units, &hits)?;
    let origin = preferred_origin(&hits, script);
    let mut parts = Vec::with_capacity(units.len());
    let n = units.len();
    for (i, (u, h)) in units.iter().zip(&hits).enumerate() {
        // Chinese names start with the family name, others end with it.
        let family = if script == Script::Han {
            i == 0
        } else {
            n > 1 && i == n - 1
        };
        parts.push(unit_script(u, h, script, origin, family)?);
    }
    let sep = if script == Script::Han { "" } else { " " };
    Some(parts.join(sep))
}

/// The script most of the name's elements are known in.
fn choose_script(units: &[Unit], hits: &[Vec<Hit>]) -> Option<Script> {
    let mut counts = [0usize; 3];
    for (u, h) in units.iter().zip(hits) {
        let mut seen = [false; 3];
        for hit in h {
            if let Some(s) = script_of(hit.entry.script) {
                seen[s as usize] = true;
            }
        }
        if u.article.is_some() || u.is_compound() || !u.link.is_empty() {
            seen[Script::Arabic as usize] |= u.link.iter().all(|l| link_script(l).is_some());
        }
        for (c, s) in counts.iter_mut().zip(seen) {
            *c += usize::from(s);
        }
    }
    let slavic = units.iter().any(|u| {
        let f = fold(&u.body_text());
        ["ov", "ova", "ev", "eva", "vich", "vna", "sky", "skaya"]
            .iter()
            .any(|e| f.ends_with(e))
    });
    if slavic {
        counts[Script::Cyrillic as usize] += units.len();
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i))?;
    (counts[best] > 0).then_some([Script::Arabic, Script::Cyrillic, Script::Han][best])
}

/// Between Arabic and Persian spellings of the same name, the origin most elements come from.
fn preferred_origin(hits: &[Vec<Hit>], script: Script) -> Option<Origin> {
    let mut counts: Vec<(Origin, usize)> = Vec::new();
    for h in hits {
        for hit in h
            .iter()
            .filter(|h| script_of(h.entry.script) == Some(script))
        {
            match counts.iter_mut().find(|(o, _)| *o == hit.origin) {
                Some((_, c)) => *c += 1,
                None => counts.push((hit.origin, 1)),
            }
        }
    }
    counts
        .iter()
        .max_by_key(|&&(o, c)| (c, std::cmp::Reverse(o)))
        .map(|&(o, _)| o)
}

fn link_script(link: &str) -> Option<&'static str> {
    Some(match fold(link).as_str() {
        "bin" | "ibn" | "ben" | "bn" => "بن",
        "bint" | "binti" => "بنت",
        "abu" | "abou" | "abo" | "aboo" => "أبو",
        "umm" | "um" => "أم",
        "ould" | "wuld" => "ولد",
        "mint" => "منت",
        _ => return None,
    })
}

fn unit_script(
    u: &Unit,
    hits: &[Hit],
    script: Script,
    origin: Option<Origin>,
    family: bool,
) -> Option<String> {
    let mut out = String::new();
    for l in &u.link {
        out.push_str(link_script(l)?);
        out.push(' ');
    }
    let known = hits
        .iter()
        .filter(|h| script_of(h.entry.script) == Some(script))
        .max_by_key(|h| (h.family == family, Some(h.origin) == origin));
    let body = match (known, &u.body) {
        (Some(h), _) => h.entry.script.to_string(),
        (None, Body::Compound(c, _)) if script == Script::Arabic => compound_script(c)?,
        (None, _) if script == Script::Cyrillic => cyrillic_word(&u.body_text())?,
        _ => return None,
    };
    if u.article.is_some() && script == Script::Arabic {
        out.push_str("ال");
    }
    out.push_str(&body);
    Some(out)
}

fn compound_script(c: &crate::variant::compound::Compound) -> Option<String> {
    let head = || {
        lookup(&c.head)
            .iter()
            .find(|h| script_of(h.entry.script) == Some(Script::Arabic))
            .map(|h| h.entry.script)
            .or_else(|| find(HEADS, &fold(&c.head)))
    };
    Some(match c.kind {
        Kind::Abd => format!("عبد {}", find(TAILS, &fold(&c.tail))?),
        Kind::Din => format!("{} الدين", head()?),
        Kind::Allah => format!("{} الله", head()?),
    })
}

/// Russian-style Latin to Cyrillic, for names the tables do not have (`Petrova`,
/// `Sergeyevich`).
fn cyrillic_word(word: &str) -> Option<String> {
    const MULTI: &[(&str, &str)] = &[
        ("shch", "щ"),
        ("iy", "ий"),
        ("yy", "ый"),
        ("zh", "ж"),
        ("kh", "х"),
        ("ts", "ц"),
        ("ch", "ч"),
        ("sh", "ш"),
        ("yu", "ю"),
        ("ya", "я"),
        ("yo", "ё"),
        ("ye", "е"),
        ("ju", "ю"),
        ("ja", "я"),
        ("ks", "кс"),
    ];
    let w = strip_diacritics(word).to_lowercase();
    if !w
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-')
    {
        return None;
    }
    let mut out = String::new();
    let mut rest = w.as_str();
    while !rest.is_empty() {
        if let Some((from, to)) = MULTI.iter().find(|(f, _)| rest.starts_with(f)) {
            out.push_str(to);
            rest = &rest[from.len()..];
            continue;
        }
        let c = rest.as_bytes()[0];
        let prev_vowel = out.chars().last().is_some_and(|p| "аеёиоуыэюя".contains(p));
        out.push_str(match c {
            b'a' => "а",
            b'b' => "б",
            b'v' | b'w' => "в",
            b'g' => "г",
            b'd' => "д",
            b'e' => "е",
            b'z' => "з",
            b'i' => "и",
            b'y' if prev_vowel => "й",
            b'y' => "ы",
            b'j' => "й",
            b'k' | b'q' => "к",
            b'l' => "л",
            b'm' => "м",
            b'n' => "н",
            b'o' => "о",
            b'p' => "п",
            b'r' => "р",
            b's' => "с",
            b't' => "т",
            b'u' => "у",
            b'f' => "ф",
            b'h' => "х",
            b'c' => "к",
            b'x' => "кс",
            b'\'' => "ь",
            b'-' => "-",
            _ => return None,
        });
        rest = &rest[1..];
    }
    // Capitalise like the Latin.
    let mut cs = out.chars();
    let first = cs.next()?;
    Some(first.to_uppercase().chain(cs).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_names() {
        assert_eq!(
            original_script("Muhammad bin Ali al-Masri").as_deref(),
            Some("محمد بن علي المصري")
        );
        assert_eq!(
            original_script("Abdulrahman").as_deref(),
            Some("عبد الرحمن")
        );
        assert_eq!(
            original_script("Abd al-Basit").as_deref(),
            Some("عبد الباسط")
        );
        assert_eq!(
            original_script("Salah ud-Din").as_deref(),
            Some("صلاح الدين")
        );
    }

    #[test]
    fn cyrillic_and_han() {
        assert_eq!(
            original_script("Ivan Petrov").as_deref(),
            Some("Иван Петров")
        );
        assert_eq!(
            original_script("Anna Sergeyevna Petrova").as_deref(),
            Some("Анна Сергеевна Петрова")
        );
        assert_eq!(original_script("Zhang Wei").as_deref(), Some("张伟"));
        assert_eq!(original_script("John Smith"), None);
    }
}
