//! Prints spelling variants of a few names:
//! `cargo run -p flowtrace-names --example variants [name...]`.

use flowtrace_names::{variants, Variation};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let names = if args.is_empty() {
        vec![
            "Sayf al-Adl".to_string(),
            "Mohammed".into(),
            "Abd al-Rahman bin Yusuf Al-Qahtani".into(),
            "Yevgeniy Aleksandrovich Sergeyev".into(),
            "Salahuddin Haqqani".into(),
            "Hussein Qasim".into(),
            "Jürgen Müller".into(),
            "Zhang Xiaoming".into(),
        ]
    } else {
        args
    };
    for name in names {
        for s in Variation::ALL {
            println!("{name} [{s:?}]: {}", variants(&name, 12, 1, s).join(" | "));
        }
    }
}
