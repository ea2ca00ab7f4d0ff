//! Synthetic photo-like pictures and the edits a re-upload carries, for tests, benchmarks and
//! the demo: smooth gradients with shapes, multi-octave noise textures and soft stripes, then
//! resized, recompressed, cropped, rotated, flipped or watermarked copies. Deterministic: the
//! same seed gives the same pixels on every machine.
//!
//! ```
//! use flowtrace_media::{pdq, synthetic};
//!
//! let original = &synthetic::pictures(7, 1, 320, 240)[0];
//! let copy = synthetic::recompress(original, 50);
//! let a = pdq::hash_image_bytes(&synthetic::png_bytes(original).unwrap()).unwrap();
//! let b = pdq::hash_rgb(copy.as_raw(), 320, 240).unwrap();
//! assert!(a.hash.distance(&b.hash) <= 31);
//! ```

use std::io::Cursor;

use image::imageops::{self, FilterType};
use image::{ImageFormat, Rgb};

/// The pictures' type: 8-bit RGB, as the `image` crate holds it.
pub use image::RgbImage;

/// A small deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    // An endless generator, not an iterator: an `Option` would only get in the way.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn clamp(v: f64) -> u8 {
    v.round().clamp(0.0, 255.0) as u8
}

/// A gradient sky with filled circles and rectangles in random colours.
pub fn shapes(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
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
pub fn texture(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
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
pub fn stripes(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
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

/// The JPEG file of `img` at `quality` (1 to 100).
pub fn jpeg_bytes(img: &RgbImage, quality: u8) -> Result<Vec<u8>, image::ImageError> {
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
    img.write_with_encoder(encoder)?;
    Ok(bytes)
}

/// `img` saved as a JPEG at `quality` and decoded again: what a re-upload through a platform
/// that recompresses does to it.
pub fn recompress(img: &RgbImage, quality: u8) -> RgbImage {
    // Encoding an RGB image to memory and decoding our own output cannot fail; if it ever
    // did, the unedited picture is the honest fallback for a generator.
    jpeg_bytes(img, quality)
        .and_then(|bytes| image::load_from_memory(&bytes))
        .map_or_else(|_| img.clone(), |decoded| decoded.to_rgb8())
}

/// A translucent white banner with dark "text" blocks in the lower right corner.
pub fn watermark(img: &RgbImage) -> RgbImage {
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

/// A photo-like scene: a noise texture with a few objects laid over it, each a soft-edged disc
/// or box of one colour that still lets the texture show through (as light and shadow do).
/// Unlike the flat [`shapes`] and the periodic [`stripes`], its PDQ quality is high and its
/// hash behaves under edits as a photograph's does.
pub fn scene(rng: &mut Rng, w: u32, h: u32) -> RgbImage {
    let mut img = texture(rng, w, h);
    for _ in 0..(3 + rng.below(4)) {
        let colour = [rng.unit(), rng.unit(), rng.unit()].map(|c| c * 255.0);
        let (cx, cy) = (rng.unit() * w as f64, rng.unit() * h as f64);
        let r = (0.08 + 0.2 * rng.unit()) * w.min(h) as f64;
        let round = rng.below(2) == 0;
        for (x, y, p) in img.enumerate_pixels_mut() {
            let (dx, dy) = ((x as f64 - cx) / r, (y as f64 - cy) / r);
            let reach = if round {
                (dx * dx + dy * dy).sqrt()
            } else {
                dx.abs().max(dy.abs() / 0.6)
            };
            // Full cover inside, fading to none over the outer tenth of the radius.
            let cover = 0.7 * ((1.0 - reach) * 10.0).clamp(0.0, 1.0);
            for (c, v) in p.0.iter_mut().enumerate() {
                *v = clamp(f64::from(*v) * (1.0 - cover) + colour[c] * cover);
            }
        }
    }
    img
}

/// `count` different [`scene`]s of `width` x `height` from `seed`.
pub fn pictures(seed: u64, count: usize, width: u32, height: u32) -> Vec<RgbImage> {
    let mut rng = Rng(seed);
    (0..count).map(|_| scene(&mut rng, width, height)).collect()
}

/// The PNG file of `img`.
pub fn png_bytes(img: &RgbImage) -> Result<Vec<u8>, image::ImageError> {
    let mut bytes = Cursor::new(Vec::new());
    img.write_to(&mut bytes, ImageFormat::Png)?;
    Ok(bytes.into_inner())
}
