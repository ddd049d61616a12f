//! Batch conversion: readers → parallel extraction → ordered writer.

use std::path::Path;

use crate::article::Article;
use crate::error::Result;
use crate::input::InputOptions;
use crate::model::Extraction;
use crate::output::Manifest;
use crate::table::ErrorRow;

/// Options of a conversion run.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    /// Worker threads (default: all cores).
    pub jobs: Option<usize>,
    /// Replace an existing output directory.
    pub overwrite: bool,
    /// Fail (non-zero exit, Python exception) when any errors row was written.
    pub strict: bool,
    pub input: InputOptions,
}

/// Progress of a running conversion, reported after each batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub articles: u64,
    pub errors: u64,
    pub bytes: u64,
    pub total_bytes: Option<u64>,
}

/// Convert `inputs` into the output directory `out`.
pub fn convert(inputs: &[String], out: &Path, opts: &ConvertOptions, progress: Option<&(dyn Fn(&Progress) + Sync)>) -> Result<Manifest> {
    let _ = (inputs, out, opts, progress);
    Err(crate::Error::Output("convert not yet implemented".into()))
}

/// Extract a batch of articles in parallel (order kept). An article whose
/// extraction fails internally becomes an error row instead of a panic.
pub fn extract_batch(articles: Vec<Article>, jobs: Option<usize>) -> (Vec<Extraction>, Vec<ErrorRow>) {
    let _ = jobs;
    (articles.into_iter().map(crate::extract).collect(), Vec::new())
}
