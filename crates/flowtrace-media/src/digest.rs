//! MD5 and SHA-256 of files, for exact-copy matching against banks that carry them (GIFCT and
//! Tech Against Terrorism share both). Files are streamed, so size does not matter.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use md5::Md5;
use sha2::{Digest, Sha256};

use crate::error::MediaError;

/// A file's cryptographic digests as lower-case hex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDigests {
    /// MD5, 32 hex digits.
    pub md5: String,
    /// SHA-256, 64 hex digits.
    pub sha256: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// MD5 and SHA-256 of everything `reader` yields, in one pass.
pub fn digest_reader(mut reader: impl Read) -> io::Result<FileDigests> {
    let (mut md5, mut sha256) = (Md5::new(), Sha256::new());
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        md5.update(&buf[..n]);
        sha256.update(&buf[..n]);
    }
    Ok(FileDigests {
        md5: hex(&md5.finalize()),
        sha256: hex(&sha256.finalize()),
    })
}

/// MD5 and SHA-256 of bytes in memory.
pub fn digest_bytes(bytes: &[u8]) -> FileDigests {
    FileDigests {
        md5: hex(&Md5::digest(bytes)),
        sha256: hex(&Sha256::digest(bytes)),
    }
}

/// MD5 and SHA-256 of a file; errors name the file.
pub fn digest_file(path: &Path) -> Result<FileDigests, MediaError> {
    let read_error = |source| MediaError::Read {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    digest_reader(file).map_err(read_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers() {
        let d = digest_bytes(b"abc");
        assert_eq!(d.md5, "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            d.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(digest_reader(&b"abc"[..]).unwrap(), d);
        assert_eq!(digest_bytes(b"").md5, "d41d8cd98f00b204e9800998ecf8427e");
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = digest_file(Path::new("/no/such/file.jpg")).unwrap_err();
        assert!(err.to_string().contains("/no/such/file.jpg"), "{err}");
    }
}
