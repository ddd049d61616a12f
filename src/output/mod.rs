//! Parquet output: one directory of tables, written atomically, with a manifest.

use serde::{Deserialize, Serialize};

/// `_manifest.json`: what was run, on what, and what came out.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub tool: String,
    pub tool_version: String,
    pub schema_version: u32,
    /// The options of the run.
    pub config: serde_json::Value,
    /// The resolved inputs.
    pub inputs: Vec<String>,
    /// Rows per table.
    pub counts: std::collections::BTreeMap<String, u64>,
    /// Seconds per stage and in total.
    pub timings: std::collections::BTreeMap<String, f64>,
    /// Bytes of input text read.
    pub input_bytes: u64,
}
