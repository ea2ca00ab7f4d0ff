//! Every hash a bank may hold for one image file, from one read of it: PDQ with its quality
//! (and, on request, the PDQ hashes of its seven rotations and mirror images), MD5 and SHA-256.

use std::path::Path;

use crate::digest::{digest_bytes, FileDigests};
use crate::error::MediaError;
use crate::pdq::{self, Hash256, Luma, Pdq};

/// The hashes of one image file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileHashes {
    /// PDQ hash and quality of the picture as it is.
    pub pdq: Pdq,
    /// The PDQ hashes of the picture under the eight rotations and mirrorings, in
    /// [`pdq::Dihedral::ALL`] order, when asked for.
    pub dihedral: Option<[Hash256; 8]>,
    /// MD5 and SHA-256 of the file's bytes.
    pub digests: FileDigests,
}

/// Hashes an image file's bytes; `dihedral` also computes the rotated and mirrored hashes.
pub fn hash_image_bytes(bytes: &[u8], dihedral: bool) -> Result<FileHashes, image::ImageError> {
    let luma = Luma::from_image(&pdq::decode(bytes)?);
    let dihedral = dihedral.then(|| pdq::hash_luma_dihedral(luma.clone()).0);
    Ok(FileHashes {
        pdq: pdq::hash_luma(luma),
        dihedral,
        digests: digest_bytes(bytes),
    })
}

/// Reads and hashes an image file; errors name the file and say whether it could not be read
/// or not decoded.
pub fn hash_image_file(path: &Path, dihedral: bool) -> Result<FileHashes, MediaError> {
    let bytes = std::fs::read(path).map_err(|source| MediaError::Read {
        path: path.to_owned(),
        source,
    })?;
    hash_image_bytes(&bytes, dihedral).map_err(|source| MediaError::Decode {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic;

    #[test]
    fn one_read_gives_every_hash() {
        let picture = &synthetic::pictures(3, 1, 120, 90)[0];
        let png = synthetic::png_bytes(picture).unwrap();
        let got = hash_image_bytes(&png, true).unwrap();
        assert_eq!(got.pdq, pdq::hash_rgb(picture.as_raw(), 120, 90).unwrap());
        assert_eq!(got.digests, digest_bytes(&png));
        assert_eq!(got.dihedral.unwrap()[0], got.pdq.hash);
        assert!(hash_image_bytes(&png, false).unwrap().dihedral.is_none());
        assert!(hash_image_bytes(b"not an image", false).is_err());
    }
}
