//! Images to luminance: decoding JPEG, PNG, WebP and GIF files, and the grey level PDQ hashes.

use std::io::Cursor;

use image::{ImageReader, RgbImage};

/// A grey image as PDQ sees it: `rows` x `cols` luminance values, row-major.
#[derive(Clone, Debug)]
pub struct Luma {
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) values: Vec<f32>,
}

impl Luma {
    /// A grey image from `rows * cols` values (0.0 to 255.0), row-major; `None` if the
    /// number of values is not `rows * cols`.
    pub fn new(rows: usize, cols: usize, values: Vec<f32>) -> Option<Luma> {
        (rows.checked_mul(cols)? == values.len()).then_some(Luma { rows, cols, values })
    }

    /// Height in pixels.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Width in pixels.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The values, row-major.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// Luminance of packed 8-bit RGB (`width * height * 3` bytes, row-major), with the Rec. 601
    /// weights `0.299 R + 0.587 G + 0.114 B`.
    ///
    /// The sum is taken in double precision and then rounded to single, as the PyPI `pdqhash`
    /// binding does (numpy) before it calls the C++ reference; the reference's own file
    /// hasher sums in single precision, which differs in the last bit of some pixels and, rarely,
    /// in a hash bit. Returns `None` when `rgb` is not `width * height * 3` bytes long.
    pub fn from_rgb(rgb: &[u8], width: usize, height: usize) -> Option<Luma> {
        if width.checked_mul(height)?.checked_mul(3)? != rgb.len() {
            return None;
        }
        let values = rgb
            .chunks_exact(3)
            .map(|p| {
                let (r, g, b) = (p[0] as f64, p[1] as f64, p[2] as f64);
                (r * 0.299 + g * 0.587 + b * 0.114) as f32
            })
            .collect();
        Some(Luma {
            rows: height,
            cols: width,
            values,
        })
    }

    /// Luminance of a decoded image.
    pub fn from_image(image: &RgbImage) -> Luma {
        let (w, h) = (image.width() as usize, image.height() as usize);
        // An RgbImage always holds exactly width * height * 3 bytes.
        Luma::from_rgb(image.as_raw(), w, h).unwrap_or(Luma {
            rows: 0,
            cols: 0,
            values: Vec::new(),
        })
    }
}

/// Decodes a JPEG, PNG, WebP or GIF (first frame) from its bytes, whatever its file name says,
/// into 8-bit RGB (alpha dropped, 16-bit channels scaled down). The `image` crate's default
/// limits refuse decompression bombs.
pub fn decode(bytes: &[u8]) -> Result<RgbImage, image::ImageError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(image::ImageError::IoError)?;
    Ok(reader.decode()?.to_rgb8())
}
