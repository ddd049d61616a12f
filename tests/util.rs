//! Shared helpers of the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the repository (or `$SAYSO_SHARED`), when present.
/// Tests that need it skip with a message when it is absent.
pub fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("SAYSO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared not found (set SAYSO_SHARED to run this test)");
        None
    }
}
