//! Parquet output: one directory of tables, written atomically, with a manifest.

mod atomic;
mod writer;

use serde::{Deserialize, Serialize};

pub use atomic::StagedDir;
pub use writer::{table_files, OutputWriter};

/// Name of the manifest file in an output directory.
pub const MANIFEST_FILE: &str = "_manifest.json";

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
    /// Rows added by the last run, per table, when it resumed an earlier
    /// output (`counts` are then the totals); empty otherwise.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub added: std::collections::BTreeMap<String, u64>,
}

impl Manifest {
    /// A manifest for this version of sayso, counts and timings still empty.
    pub fn new(config: serde_json::Value, inputs: Vec<String>) -> Manifest {
        Manifest {
            tool: "sayso".into(),
            tool_version: crate::VERSION.into(),
            schema_version: crate::SCHEMA_VERSION,
            config,
            inputs,
            ..Manifest::default()
        }
    }

    /// Rows written to table `name` (0 when absent).
    pub fn count(&self, name: &str) -> u64 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// Errors rows written by the last run (not by the runs it resumed).
    pub fn errors_this_run(&self) -> u64 {
        self.added
            .get("errors")
            .copied()
            .unwrap_or_else(|| self.count("errors"))
    }

    /// Read `_manifest.json` of an output directory.
    pub fn read(dir: &std::path::Path) -> crate::error::Result<Manifest> {
        let path = dir.join(MANIFEST_FILE);
        let bytes = std::fs::read(&path)
            .map_err(|e| crate::Error::io(format!("cannot read {}", path.display()), e))?;
        serde_json::from_slice(&bytes).map_err(|e| {
            crate::Error::Output(format!("{} is not a sayso manifest: {e}", path.display()))
        })
    }
}
