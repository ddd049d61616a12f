//! From what the user typed (files, directories, globs, `-`) to the list of
//! input sources, each with its format and compression.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use super::stream::Compression;
use super::{FieldMap, Format, Record, Records};
use crate::error::{Error, Result};

const SUPPORTED: &str = ".jsonl, .ndjson, .txt, .csv (each also .gz or .zst) and .parquet";

/// One input to read.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The path as shown in locations and the manifest (`-` for standard input).
    pub label: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// The format; `Auto` only when the file name did not tell (an error record).
    pub format: Format,
    pub compression: Compression,
    /// File size in bytes; `None` for standard input.
    pub size: Option<u64>,
}

impl Source {
    /// The records of this source (opened lazily by the caller's chain).
    pub fn records(&self, fields: &Arc<FieldMap>, counter: &Arc<AtomicU64>) -> Records {
        if self.format == Format::Auto {
            let reason = format!(
                "cannot tell the format from the file name (supported: {SUPPORTED}); pass --format"
            );
            return Box::new(std::iter::once(Record::error(&self.label, reason)));
        }
        // An empty file is a valid, empty input (a .txt file is one empty article).
        if self.size == Some(0) && self.format != Format::Txt {
            return Box::new(std::iter::empty());
        }
        match self.format {
            Format::Jsonl => super::jsonl::records(self, fields, counter),
            Format::Txt => super::txt::records(self, counter),
            Format::Csv => super::csv::records(self, fields, counter),
            Format::Parquet | Format::Auto => super::parquet::records(self, fields, counter),
        }
    }
}

/// Resolve every spec, in the order given. Fails when one matches nothing.
pub(crate) fn resolve(specs: &[String], forced: Format) -> Result<Vec<Source>> {
    if specs.is_empty() {
        return Err(Error::Input("no input given".into()));
    }
    let mut sources = Vec::new();
    for spec in specs {
        if spec == "-" {
            let format = if forced == Format::Auto {
                Format::Jsonl
            } else {
                forced
            };
            sources.push(Source {
                label: "-".into(),
                path: None,
                format,
                compression: Compression::None,
                size: None,
            });
            continue;
        }
        let path = Path::new(spec);
        if path.is_dir() {
            let before = sources.len();
            walk(path, forced, &mut HashSet::new(), &mut sources)?;
            if sources.len() == before {
                return Err(Error::Input(format!(
                    "directory {spec} contains no input files (supported: {SUPPORTED})"
                )));
            }
        } else if path.exists() {
            // A file (even one named like a glob), or a pipe such as `<(zcat a.gz)` or /dev/stdin.
            sources.push(file_source(path, forced, true)?);
        } else if spec.contains(['*', '?', '[']) {
            let before = sources.len();
            glob_sources(spec, forced, &mut sources)?;
            if sources.len() == before {
                return Err(Error::Input(format!(
                    "no input files match {spec} (supported: {SUPPORTED})"
                )));
            }
        } else {
            return Err(Error::Input(format!("input {spec} not found")));
        }
    }
    Ok(sources)
}

fn glob_sources(spec: &str, forced: Format, sources: &mut Vec<Source>) -> Result<()> {
    let paths =
        glob::glob(spec).map_err(|e| Error::Input(format!("bad glob pattern {spec}: {e}")))?;
    let mut matched: Vec<PathBuf> = paths.filter_map(|p| p.ok()).collect();
    matched.sort();
    for path in matched {
        if path.is_dir() {
            walk(&path, forced, &mut HashSet::new(), sources)?;
        } else if path.is_file() {
            let source = file_source(&path, forced, false)?;
            if wanted(source.format, forced) {
                sources.push(source);
            }
        }
    }
    Ok(())
}

/// Every supported file under `dir`, sorted by path. Hidden entries are
/// skipped; `seen` stops a symbolic link loop.
fn walk(
    dir: &Path,
    forced: Format,
    seen: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
) -> Result<()> {
    let canonical = dir
        .canonicalize()
        .map_err(|e| Error::io(format!("cannot read directory {}", dir.display()), e))?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read directory {}", dir.display()), e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, forced, seen, sources)?;
        } else if path.is_file() {
            let source = file_source(&path, forced, false)?;
            if wanted(source.format, forced) {
                sources.push(source);
            }
        }
    }
    Ok(())
}

/// Whether a file found in a directory or by a glob is an input: a file of
/// another kind (a README) is not.
fn wanted(detected: Format, forced: Format) -> bool {
    detected != Format::Auto && (forced == Format::Auto || detected == forced)
}

fn file_source(path: &Path, forced: Format, explicit: bool) -> Result<Source> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    // A pipe has no size (and must not pass for an empty file).
    let size = meta.is_file().then_some(meta.len());
    let (detected, compression) = detect(path);
    // A file named on its own takes the forced format whatever its name.
    let format = if forced != Format::Auto && explicit {
        forced
    } else {
        detected
    };
    Ok(Source {
        label: path.display().to_string(),
        path: Some(path.to_path_buf()),
        format,
        compression,
        size,
    })
}

/// Format and compression from the file name (`news.jsonl.zst` → JSONL, zstd).
pub(crate) fn detect(path: &Path) -> (Format, Compression) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (inner, compression) = if let Some(inner) = name.strip_suffix(".gz") {
        (inner, Compression::Gzip)
    } else if let Some(inner) = name.strip_suffix(".zst") {
        (inner, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let format = match inner.rsplit_once('.').map(|(_, ext)| ext) {
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("txt") => Format::Txt,
        Some("csv") => Format::Csv,
        // Parquet compresses its own pages; a compressed Parquet file is not supported.
        Some("parquet") if compression == Compression::None => Format::Parquet,
        _ => Format::Auto,
    };
    (format, compression)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        let d = |s: &str| detect(Path::new(s));
        assert_eq!(d("a/b.jsonl"), (Format::Jsonl, Compression::None));
        assert_eq!(d("b.NDJSON.gz"), (Format::Jsonl, Compression::Gzip));
        assert_eq!(d("b.jsonl.zst"), (Format::Jsonl, Compression::Zstd));
        assert_eq!(d("x.txt"), (Format::Txt, Compression::None));
        assert_eq!(d("x.csv.gz"), (Format::Csv, Compression::Gzip));
        assert_eq!(d("x.parquet"), (Format::Parquet, Compression::None));
        assert_eq!(d("x.parquet.gz").0, Format::Auto);
        assert_eq!(d("x.json").0, Format::Auto);
        assert_eq!(d("README").0, Format::Auto);
    }
}
