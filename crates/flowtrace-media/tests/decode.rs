//! Decoding: every supported format hashes the same pixels to the same hash, and corrupt,
//! empty, truncated or unsupported files give an error naming the file instead of a panic.

use std::io::Cursor;

use flowtrace_media::pdq;
use image::{ImageFormat, Rgb, RgbImage};

fn picture() -> RgbImage {
    RgbImage::from_fn(120, 90, |x, y| {
        let (dx, dy) = (x as i32 - 70, y as i32 - 40);
        let disc = dx * dx + dy * dy < 600;
        Rgb([(x * 2) as u8, if disc { 220 } else { (y * 2) as u8 }, 90])
    })
}

fn encode(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    img.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

#[test]
fn lossless_formats_give_the_pixels_hash() {
    let img = picture();
    let want = pdq::hash_rgb(img.as_raw(), 120, 90).unwrap();
    for format in [ImageFormat::Png, ImageFormat::WebP] {
        let got = pdq::hash_image_bytes(&encode(&img, format)).unwrap();
        assert_eq!(got, want, "{format:?}");
    }
    let got = pdq::hash_image_bytes(&encode(&img, ImageFormat::Jpeg)).unwrap();
    let distance = got.hash.distance(&want.hash);
    assert!(distance <= 31, "JPEG is lossy but close: {distance} bits");
    // GIF holds 256 colours at most: a picture with four is kept exactly.
    let four = RgbImage::from_fn(100, 80, |x, y| {
        Rgb([
            [0, 200][(x / 25 % 2) as usize],
            [30, 180][(y / 20 % 2) as usize],
            60,
        ])
    });
    let want = pdq::hash_rgb(four.as_raw(), 100, 80).unwrap();
    assert_eq!(
        pdq::hash_image_bytes(&encode(&four, ImageFormat::Gif)).unwrap(),
        want
    );
}

#[test]
fn bad_files_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let png = encode(&picture(), ImageFormat::Png);
    let jpeg = encode(&picture(), ImageFormat::Jpeg);
    let mut corrupt = png.clone();
    corrupt[60..200].fill(0xAB);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.jpg", Vec::new()),
        ("truncated.png", png[..png.len() / 2].to_vec()),
        ("truncated.jpg", jpeg[..40].to_vec()),
        ("corrupt.png", corrupt),
        ("text.gif", b"GIF89a but not really".to_vec()),
        ("bmp.bmp", b"BM\x00\x00".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = pdq::hash_image_file(&path).expect_err(name);
        assert!(err.to_string().contains(name), "{err}");
    }
    let missing = dir.path().join("missing.png");
    let err = pdq::hash_image_file(&missing).unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[test]
fn images_below_five_pixels_get_the_zero_hash() {
    let img = RgbImage::from_pixel(4, 100, Rgb([200, 10, 10]));
    let got = pdq::hash_image_bytes(&encode(&img, ImageFormat::Png)).unwrap();
    assert_eq!((got.hash, got.quality), (pdq::Hash256::default(), 0));
}
