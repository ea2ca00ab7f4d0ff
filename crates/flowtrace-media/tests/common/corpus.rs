//! The generated image corpus for the PDQ parity test and benchmark: the library's synthetic
//! pictures ([`flowtrace_media::synthetic`]) at several sizes, including the reference's
//! special cases, and the edits platforms see on re-uploads. Deterministic: the same images on
//! every run.

// Each test or example that includes this module uses a part of it.
#![allow(dead_code, unused_imports)]

pub use flowtrace_media::synthetic::{edits, Rng};
use flowtrace_media::synthetic::{shapes, stripes, texture};
use image::{Rgb, RgbImage};

/// The base pictures: every kind at several sizes, including the reference's special cases
/// (exactly 64 x 64, the 5-pixel minimum, below it, a flat image whose coefficients tie).
pub fn base_images() -> Vec<(String, RgbImage)> {
    let mut rng = Rng(7);
    let sizes = [
        (640, 480),
        (333, 500),
        (1200, 800),
        (64, 64),
        (129, 97),
        (250, 250),
    ];
    let mut out = Vec::new();
    for (k, &(w, h)) in sizes.iter().enumerate() {
        out.push((format!("shapes{k}-{w}x{h}"), shapes(&mut rng, w, h)));
        out.push((format!("texture{k}-{w}x{h}"), texture(&mut rng, w, h)));
        out.push((format!("stripes{k}-{w}x{h}"), stripes(&mut rng, w, h)));
    }
    out.push(("tiny-5x6".into(), texture(&mut rng, 5, 6)));
    out.push(("too-small-4x9".into(), texture(&mut rng, 4, 9)));
    out.push((
        "flat-100x100".into(),
        RgbImage::from_pixel(100, 100, Rgb([90, 90, 90])),
    ));
    out
}
