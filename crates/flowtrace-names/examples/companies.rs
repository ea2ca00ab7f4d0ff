//! Prints sample organisation names: `cargo run -p flowtrace-names --example companies`.

use flowtrace_names::{company_in, company_of, Culture, OrgKind};

fn main() {
    for culture in Culture::ALL {
        print!("{culture:?}:");
        for kind in OrgKind::ALL {
            print!(" [{}]", company_of(culture, kind, 7 + kind as u64));
        }
        println!();
    }
    for c in ["DE", "GB", "AE", "RU", "NL", "US"] {
        let names: Vec<String> = (0..6).map(|k| company_in(c, OrgKind::Company, k)).collect();
        println!("{c}: {}", names.join(" | "));
    }
}
