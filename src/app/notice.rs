//! Remembers that the user acknowledged the safety notice, so it is shown
//! once: `<data_dir>/safety-acknowledged`.

use std::io;
use std::path::{Path, PathBuf};

const FILE: &str = "safety-acknowledged";

fn marker(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

pub fn acknowledged(data_dir: &Path) -> bool {
    marker(data_dir).exists()
}

/// Records the acknowledgement (atomically, like every file limber writes).
pub fn acknowledge(data_dir: &Path) -> io::Result<()> {
    crate::edit::write_atomic(
        &marker(data_dir),
        b"The safety notice was shown and acknowledged.\n",
    )
    .map_err(|e| io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acknowledging_creates_the_marker_once_the_directory_exists() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("nested/limber");
        assert!(!acknowledged(&data));
        acknowledge(&data).unwrap();
        assert!(acknowledged(&data));
    }
}
