//! Attribution evaluation on the PolNeAR layout (`text/` + `attributions/`).

use std::path::Path;

use serde::Serialize;

use crate::error::Result;

/// Scores of one evaluation run (definitions in the module docs).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PolnearReport {}

impl PolnearReport {
    /// A human-readable table.
    pub fn render(&self) -> String {
        String::new()
    }
}

/// Evaluate on `dir` (with `text/` and `attributions/`), keeping up to
/// `show_misses` example misses per error class in the report.
pub fn run(dir: &Path, show_misses: usize) -> Result<PolnearReport> {
    let _ = (dir, show_misses);
    Err(crate::Error::Eval("not yet implemented".into()))
}
