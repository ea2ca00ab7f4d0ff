//! Prints a few generated names per culture: `cargo run -p flowtrace-names --example sample`.

use flowtrace_names::{person_of, Culture};

fn main() {
    for culture in Culture::ALL {
        println!("{culture:?}");
        for i in 0..5u64 {
            let key = (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let p = person_of(culture, key);
            let script = p.original_script().unwrap_or_default();
            println!(
                "  {:<48} {:<8} {script}",
                p.full(),
                format!("{:?}", p.gender())
            );
        }
    }
}
