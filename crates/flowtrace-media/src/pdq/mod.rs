//! PDQ, Meta's perceptual image hash, written from its published description so that it
//! matches the C++ reference bit for bit on the same pixels (tested against PyPI `pdqhash`).
//!
//! The pipeline: luminance ([`Luma`]) -> two passes of a Jarosz box filter and point sampling
//! to 64 x 64 ([`jarosz`]) -> quality from the gradients -> 16 x 16 low-frequency DCT
//! coefficients -> one bit per coefficient above their median ([`dct`]). Two hashes of the
//! same picture after resizing or recompression differ in a few bits; ThreatExchange calls
//! 31 bits or fewer of 256 a match.
//!
//! ```
//! use flowtrace_media::pdq;
//!
//! // A 100 x 80 image with a diagonal gradient.
//! let rgb: Vec<u8> = (0..80 * 100).flat_map(|p| {
//!     let v = ((p % 100 + p / 100) * 255 / 180) as u8;
//!     [v, v / 2, 255 - v]
//! }).collect();
//! let result = pdq::hash_rgb(&rgb, 100, 80).expect("100 * 80 * 3 bytes");
//! println!("{} quality {}", result.hash, result.quality);
//! ```

pub mod dct;
mod hash;
pub mod jarosz;
mod luma;

use std::path::Path;

pub use dct::Dihedral;
pub use hash::{Hash256, HexError};
pub use luma::{decode, Luma};

use crate::error::MediaError;

/// Images with a side shorter than this get the all-zero hash and quality 0, as in the reference.
pub const MIN_SIDE: usize = 5;

/// The reference's number of row-then-column box-filter passes.
const JAROSZ_PASSES: usize = 2;

/// A PDQ hash and its quality (0 to 100; below 50 the hash says little about the image).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pdq {
    /// The 256-bit hash.
    pub hash: Hash256,
    /// Gradient-based quality, 0 to 100.
    pub quality: u8,
}

/// The 64 x 64 block the DCT runs on. A 64 x 64 image is used as it is (the reference skips
/// the filter for it when hashing once, but not when computing the dihedral hashes).
fn downsample(mut luma: Luma, skip_if_64: bool) -> [[f32; 64]; 64] {
    let (rows, cols) = (luma.rows, luma.cols);
    if skip_if_64 && rows == 64 && cols == 64 {
        return jarosz::decimate_to_64(&luma.values, rows, cols);
    }
    let mut scratch = vec![0.0f32; luma.values.len()];
    jarosz::jarosz_filter(&mut luma.values, &mut scratch, rows, cols, JAROSZ_PASSES);
    jarosz::decimate_to_64(&luma.values, rows, cols)
}

fn too_small(luma: &Luma) -> bool {
    luma.rows < MIN_SIDE || luma.cols < MIN_SIDE
}

/// The PDQ hash of a grey image.
pub fn hash_luma(luma: Luma) -> Pdq {
    if too_small(&luma) {
        return Pdq {
            hash: Hash256::default(),
            quality: 0,
        };
    }
    let block = downsample(luma, true);
    let quality = dct::quality(&block);
    let hash = dct::to_bits(&dct::dct_64_to_16(&block));
    Pdq { hash, quality }
}

/// The hashes of the image under all eight rotations and mirrorings (in [`Dihedral::ALL`]
/// order) and its quality, from one downsampling and one DCT. Matching a query's eight hashes
/// against a bank finds rotated or mirrored copies.
pub fn hash_luma_dihedral(luma: Luma) -> ([Hash256; 8], u8) {
    if too_small(&luma) {
        return ([Hash256::default(); 8], 0);
    }
    let block = downsample(luma, false);
    let quality = dct::quality(&block);
    let coefficients = dct::dct_64_to_16(&block);
    let hashes = Dihedral::ALL.map(|g| dct::to_bits(&dct::transform(&coefficients, g)));
    (hashes, quality)
}

/// The PDQ hash of packed 8-bit RGB pixels; `None` if `rgb` is not `width * height * 3` bytes.
pub fn hash_rgb(rgb: &[u8], width: usize, height: usize) -> Option<Pdq> {
    Luma::from_rgb(rgb, width, height).map(hash_luma)
}

/// Decodes an image file's bytes and hashes it.
pub fn hash_image_bytes(bytes: &[u8]) -> Result<Pdq, image::ImageError> {
    Ok(hash_luma(Luma::from_image(&decode(bytes)?)))
}

/// Reads, decodes and hashes an image file; errors name the file.
pub fn hash_image_file(path: &Path) -> Result<Pdq, MediaError> {
    let bytes = std::fs::read(path).map_err(|source| MediaError::Read {
        path: path.to_owned(),
        source,
    })?;
    hash_image_bytes(&bytes).map_err(|source| MediaError::Decode {
        path: path.to_owned(),
        source,
    })
}
