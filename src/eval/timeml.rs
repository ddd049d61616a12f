//! TempEval-3 style evaluation of temporal expressions on TimeML files.

use std::path::Path;

use serde::Serialize;

use crate::error::Result;

/// Scores of one evaluation run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TimemlReport {}

impl TimemlReport {
    /// A human-readable table.
    pub fn render(&self) -> String {
        String::new()
    }
}

/// Evaluate on every `.tml` file under `dir`.
pub fn run(dir: &Path) -> Result<TimemlReport> {
    let _ = dir;
    Err(crate::Error::Eval("not yet implemented".into()))
}
