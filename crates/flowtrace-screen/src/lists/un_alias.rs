//! UN alias values that hold more than one name. The list packs spellings into one value
//! (`Qasim Soleimani; Qasem Sulaimani`), puts the original script beside the Latin one
//! (`Jin Tiesan (金铁三)`, `Abu Muhammad (original script: Абу Мухаммад)`) or the Latin spellings
//! beside the original (`حسن غول (Hassan Ghul; Hassan Gul)`). A matcher compares names one by
//! one, so each becomes a name of its own.

use super::clean;
use crate::model::NameScript;

/// The names in one alias value, in the order written; the value itself when it holds one.
pub(crate) fn split_alias(value: &str) -> Vec<String> {
    // The marker says which script a name is in; it is not part of any name.
    let value = value.replace("(original script)", "");
    let mut names = Vec::new();
    for part in value.split(';') {
        names.extend(split_part(part.trim()).into_iter().filter_map(clean));
    }
    if names.is_empty() {
        names.extend(clean(&value));
    }
    names
}

/// One `;`-separated part. A bracket the split left open starts the list of other spellings;
/// one it left closed ends it.
fn split_part(part: &str) -> Vec<&str> {
    let opens = part.matches('(').count();
    let closes = part.matches(')').count();
    if opens > closes {
        return match part.rsplit_once(" (") {
            Some((before, inside)) => vec![before, inside],
            None => vec![part.trim_start_matches('(')],
        };
    }
    if closes > opens {
        let trimmed = part.strip_suffix(')').or_else(|| part.strip_prefix(')'));
        return vec![trimmed.unwrap_or(part)];
    }
    split_scripts(part)
}

/// `Latin (Original)`: two names when the bracket holds another script, else the part whole
/// (`AL-HARAMAIN FOUNDATION (PAKISTAN)` stays one name).
fn split_scripts(part: &str) -> Vec<&str> {
    let split = part
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("));
    let Some((latin, original)) = split else {
        return vec![part];
    };
    let original = original
        .strip_prefix("original script:")
        .unwrap_or(original);
    let scripts = (NameScript::of(latin), NameScript::of(original));
    match scripts {
        (NameScript::Latin, NameScript::Original) => vec![latin, original],
        _ => vec![part],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_stays_one() {
        assert_eq!(split_alias("Samir al-Basri"), ["Samir al-Basri"]);
        assert_eq!(
            split_alias("AL-HARAMAIN FOUNDATION (PAKISTAN)"),
            ["AL-HARAMAIN FOUNDATION (PAKISTAN)"]
        );
    }

    #[test]
    fn spellings_split_on_semicolons() {
        assert_eq!(
            split_alias("Haj Qasem; Haji Qassem; Sardar Soleimani"),
            ["Haj Qasem", "Haji Qassem", "Sardar Soleimani"]
        );
    }

    #[test]
    fn original_script_beside_latin_splits() {
        assert_eq!(split_alias("Jin Tiesan (金铁三)"), ["Jin Tiesan", "金铁三"]);
        assert_eq!(
            split_alias("Abu Muhammad (original script: Абу Мухаммад)"),
            ["Abu Muhammad", "Абу Мухаммад"]
        );
    }

    #[test]
    fn latin_spellings_beside_the_original_split() {
        assert_eq!(
            split_alias("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)"),
            ["حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"]
        );
    }

    #[test]
    fn the_hts_value_gives_each_name_once_with_its_acronym() {
        let value = "Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); \
                     Hay’at Tahrir al-Sham; Tahrir al-Sham Hay’at)";
        assert_eq!(
            split_alias(value),
            [
                "Hay’at Tahrir al-Sham (HTS)",
                "هيئة تحرير الشام",
                "Hay’at Tahrir al-Sham",
                "Tahrir al-Sham Hay’at"
            ]
        );
    }
}
