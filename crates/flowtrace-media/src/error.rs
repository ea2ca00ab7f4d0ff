//! Errors of the media hashers: each names the file and says whether it could not be read or
//! is not an image this crate decodes (JPEG, PNG, WebP, GIF), so a batch can report it and go on.

use std::io;
use std::path::PathBuf;

/// Why a file could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The bytes are not a JPEG, PNG, WebP or GIF image this crate can decode (or are corrupt
    /// or truncated).
    #[error("cannot decode {} as an image (JPEG, PNG, WebP or GIF): {source}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        source: image::ImageError,
    },
}
