//! Files a test hands to the app: written under the artifacts folder, picked through a file input.

use std::path::{Path, PathBuf};

use super::{Browser, artifacts_dir};

/// Writes `contents` to a file named `name` under the test artifacts and returns its path.
pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = artifacts_dir().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// Picks `path` in the plan menu's "Import JSON" file input.
pub async fn pick_import_file(b: &Browser, path: &Path) {
    let input = b.wait_for("#import-file").await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("the file input takes the path");
}
