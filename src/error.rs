//! The crate's error type.

use std::path::PathBuf;

/// Everything that can stop a whole run (a single bad article never does:
/// it becomes a row of the `errors` table).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input could not be opened at all (no such file, a glob matching nothing).
    #[error("input error: {0}")]
    Input(String),
    /// The output could not be written.
    #[error("output error: {0}")]
    Output(String),
    /// The output directory exists and `overwrite` was not asked for.
    #[error("output directory {0} already exists; pass --overwrite (Python: overwrite=True) to replace it")]
    OutputExists(PathBuf),
    /// A file needed for evaluation could not be read or parsed.
    #[error("evaluation error: {0}")]
    Eval(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

impl Error {
    /// An I/O error with what was being done when it happened.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
