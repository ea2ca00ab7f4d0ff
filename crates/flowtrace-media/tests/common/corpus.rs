//! A generated image corpus for the PDQ parity test and benchmark: photo-like synthetic
//! pictures (smooth gradients with shapes, multi-octave noise textures, soft stripes) at
//! several sizes, and the edits platforms see on re-uploads (resized, recompressed, cropped,
//! rotated, flipped, watermarked). Deterministic: the same images on every run.

#![allow(dead_code)]

use image::imageops::{self, FilterType};
use image::{Rgb, RgbImage};

/// A small deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn clamp(v: f64) -> u8 {
    v.round().clamp(0.0, 255.0) as u8
}

/// A gradient sky with filled circles and rectangles in random colours.
fn shapes(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
    let top = [rng.unit() * 255.0, rng.unit() * 255.0, rng.unit() * 255.0];
    let bottom = [rng.unit() * 255.0, rng.unit() * 255.0, rng.unit() * 255.0];
    let mut img = RgbImage::from_fn(w, h, |x, y| {
        let t = (y as f64 + 0.3 * x as f64) / (h as f64 + 0.3 * w as f64);
        Rgb(std::array::from_fn(|c| {
            clamp(top[c] * (1.0 - t) + bottom[c] * t)
        }))
    });
    for _ in 0..(4 + rng.below(6)) {
        let colour = Rgb([
            rng.below(256) as u8,
            rng.below(256) as u8,
            rng.below(256) as u8,
        ]);
        let (cx, cy) = (rng.unit() * w as f64, rng.unit() * h as f64);
        let r = (0.05 + 0.25 * rng.unit()) * w.min(h) as f64;
        let round = rng.below(2) == 0;
        for (x, y, p) in img.enumerate_pixels_mut() {
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let inside = if round {
                dx * dx + dy * dy < r * r
            } else {
                dx.abs() < r && dy.abs() < r * 0.6
            };
            if inside {
                *p = colour;
            }
        }
    }
    img
}

/// Multi-octave value noise: smooth random grids bilinearly interpolated, like foliage or rock.
fn texture(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
    let octaves: Vec<(usize, Vec<f64>)> = [4usize, 9, 23, 61]
        .iter()
        .map(|&n| (n, (0..(n + 1) * (n + 1) * 3).map(|_| rng.unit()).collect()))
        .collect();
    RgbImage::from_fn(w, h, |x, y| {
        let (u, v) = (x as f64 / w as f64, y as f64 / h as f64);
        Rgb(std::array::from_fn(|c| {
            let mut sum = 0.0;
            let mut amp = 1.0;
            for (n, grid) in &octaves {
                let (gx, gy) = (u * *n as f64, v * *n as f64);
                let (ix, iy) = (gx as usize, gy as usize);
                let (fx, fy) = (gx - ix as f64, gy - iy as f64);
                let at = |i: usize, j: usize| grid[((j * (n + 1)) + i) * 3 + c];
                let top = at(ix, iy) * (1.0 - fx) + at(ix + 1, iy) * fx;
                let bot = at(ix, iy + 1) * (1.0 - fx) + at(ix + 1, iy + 1) * fx;
                sum += amp * (top * (1.0 - fy) + bot * fy);
                amp *= 0.5;
            }
            clamp(sum / 1.875 * 255.0)
        }))
    })
}

/// Soft stripes at a random angle with a vignette.
fn stripes(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
    let angle = rng.unit() * std::f64::consts::PI;
    let period = 8.0 + rng.unit() * 40.0;
    let tint = [rng.unit(), rng.unit(), rng.unit()];
    RgbImage::from_fn(w, h, |x, y| {
        let s = (x as f64 * angle.cos() + y as f64 * angle.sin()) / period;
        let (dx, dy) = (x as f64 / w as f64 - 0.5, y as f64 / h as f64 - 0.5);
        let vignette = 1.0 - 1.2 * (dx * dx + dy * dy);
        let v = (0.5 + 0.5 * (s * std::f64::consts::TAU).sin()) * vignette;
        Rgb(std::array::from_fn(|c| {
            clamp(255.0 * v * (0.3 + 0.7 * tint[c]))
        }))
    })
}

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

fn recompress(img: &RgbImage, quality: u8) -> RgbImage {
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
    img.write_with_encoder(encoder)
        .expect("JPEG encoding to memory");
    image::load_from_memory(&bytes)
        .expect("our own JPEG decodes")
        .to_rgb8()
}

/// A translucent white banner with dark "text" blocks in the lower right corner.
fn watermark(img: &RgbImage) -> RgbImage {
    let mut out = img.clone();
    let (w, h) = img.dimensions();
    let (x0, y0) = (w * 55 / 100, h * 85 / 100);
    for (x, y, p) in out.enumerate_pixels_mut() {
        if x >= x0 && y >= y0 && y < h * 95 / 100 {
            let letter = ((x - x0) / 6) % 3 != 2 && (y - y0) % 9 > 2;
            for c in p.0.iter_mut() {
                *c = if letter {
                    *c / 4
                } else {
                    ((*c as u16 + 255) / 2) as u8
                };
            }
        }
    }
    out
}

/// The edits a re-upload typically carries, by name.
pub fn edits(img: &RgbImage) -> Vec<(&'static str, RgbImage)> {
    let (w, h) = img.dimensions();
    let crop = |f: u32| {
        imageops::crop_imm(
            img,
            w * f / 100,
            h * f / 100,
            w - 2 * w * f / 100,
            h - 2 * h * f / 100,
        )
        .to_image()
    };
    vec![
        (
            "resize-50%",
            imageops::resize(img, (w / 2).max(1), (h / 2).max(1), FilterType::Triangle),
        ),
        (
            "resize-150%",
            imageops::resize(img, w * 3 / 2, h * 3 / 2, FilterType::CatmullRom),
        ),
        ("jpeg-q90", recompress(img, 90)),
        ("jpeg-q50", recompress(img, 50)),
        ("jpeg-q20", recompress(img, 20)),
        ("crop-5%", crop(5)),
        ("crop-15%", crop(15)),
        ("rotate-90", imageops::rotate90(img)),
        ("rotate-180", imageops::rotate180(img)),
        ("flip-horizontal", imageops::flip_horizontal(img)),
        ("flip-vertical", imageops::flip_vertical(img)),
        ("watermark", watermark(img)),
    ]
}
