//! Streaming Parquet writer for the seven tables of an output directory.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use super::atomic::{io_error, StagedDir};
use super::{Manifest, MANIFEST_FILE};
use crate::error::Result;
use crate::table::{schema, Tables, TABLE_NAMES};

/// Rows per row group: large enough for good compression and fast scans,
/// small enough that a row group of quotes stays a few MB in memory.
const ROW_GROUP_ROWS: usize = 64 * 1024;
/// Flush a row group early once this many bytes are buffered: article texts
/// are large, and memory must stay bounded by a batch, not by a row group.
const ROW_GROUP_BYTES: usize = 64 * 1024 * 1024;

struct TableWriter {
    name: &'static str,
    path: std::path::PathBuf,
    writer: ArrowWriter<BufWriter<File>>,
    rows: u64,
}

/// Writes tables batch by batch into a staged directory, then commits it.
pub struct OutputWriter {
    dir: StagedDir,
    tables: Vec<TableWriter>,
}

fn properties(name: &str) -> WriterProperties {
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_created_by(format!("sayso {}", crate::VERSION));
    // article bodies never repeat: a dictionary page for them is wasted work
    if name == "articles" {
        b = b.set_column_dictionary_enabled(ColumnPath::from("text"), false);
    }
    b.build()
}

impl OutputWriter {
    /// Create the staged directory for `target` and open one Parquet writer
    /// per table. Fails with [`crate::Error::OutputExists`] when `target`
    /// exists and `overwrite` is false.
    pub fn create(target: &Path, overwrite: bool) -> Result<OutputWriter> {
        let dir = StagedDir::create(target, overwrite)?;
        let mut tables = Vec::with_capacity(TABLE_NAMES.len());
        for name in TABLE_NAMES {
            let path = dir.path().join(format!("{name}.parquet"));
            let file = File::create(&path).map_err(|e| io_error("create", &path, e))?;
            let writer = ArrowWriter::try_new(BufWriter::new(file), schema(name).expect("known table"), Some(properties(name)))?;
            tables.push(TableWriter { name, path, writer, rows: 0 });
        }
        Ok(OutputWriter { dir, tables })
    }

    /// The final output directory.
    pub fn target(&self) -> &Path {
        self.dir.target()
    }

    /// Append one batch of every table.
    pub fn write(&mut self, tables: &Tables) -> Result<()> {
        for t in &mut self.tables {
            let batch = tables.get(t.name).expect("known table");
            t.write(batch)?;
        }
        Ok(())
    }

    /// Append a batch to one table (e.g. clusters, built at the end).
    pub fn write_table(&mut self, name: &str, batch: &RecordBatch) -> Result<()> {
        match self.tables.iter_mut().find(|t| t.name == name) {
            Some(t) => t.write(batch),
            None => Err(crate::Error::Output(format!("no table named {name}"))),
        }
    }

    /// Rows written so far to table `name`.
    pub fn rows(&self, name: &str) -> u64 {
        self.tables.iter().find(|t| t.name == name).map_or(0, |t| t.rows)
    }

    /// Close every table, write the manifest (with the row counts filled in)
    /// and move the directory into place.
    pub fn finish(self, manifest: &mut Manifest) -> Result<()> {
        let OutputWriter { dir, tables } = self;
        for t in tables {
            manifest.counts.insert(t.name.to_string(), t.rows);
            let path = t.path;
            let inner = t.writer.into_inner().map_err(|e| parquet_error(&path, e))?;
            let file = inner.into_inner().map_err(|e| io_error("write", &path, e.into_error()))?;
            file.sync_all().map_err(|e| io_error("write", &path, e))?;
        }
        let path = dir.path().join(MANIFEST_FILE);
        let json = serde_json::to_vec_pretty(manifest).map_err(|e| crate::Error::Output(e.to_string()))?;
        std::fs::write(&path, json).map_err(|e| io_error("write", &path, e))?;
        dir.commit()
    }
}

impl TableWriter {
    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        self.writer.write(batch).map_err(|e| parquet_error(&self.path, e))?;
        self.rows += batch.num_rows() as u64;
        if self.writer.in_progress_size() > ROW_GROUP_BYTES {
            self.writer.flush().map_err(|e| parquet_error(&self.path, e))?;
        }
        Ok(())
    }
}

/// A Parquet error while writing `path`, with what to do when it is the disk.
fn parquet_error(path: &Path, e: parquet::errors::ParquetError) -> crate::Error {
    let msg = e.to_string();
    let hint = if msg.contains("No space left") || msg.contains("os error 28") {
        "; the disk is full: free some space or choose another --out"
    } else {
        ""
    };
    crate::Error::Output(format!("cannot write {}: {msg}{hint}", path.display()))
}
