//! Streaming Parquet writer for the seven tables of an output directory.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::{ArrowWriter, ProjectionMask};
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

use super::atomic::{io_error, StagedDir};
use super::{Manifest, MANIFEST_FILE};
use crate::error::Result;
use crate::table::{schema, Tables, TABLE_NAMES};

/// Rows per batch when a finished table is read back to be rewritten: the
/// rewrite holds one batch at a time, whatever the size of the table.
const REWRITE_BATCH_ROWS: usize = 8 * 1024;

/// Rows per row group: large enough for good compression and fast scans,
/// small enough that a row group of quotes stays a few MB in memory.
const ROW_GROUP_ROWS: usize = 64 * 1024;
/// Flush a row group early once this many bytes are buffered: article texts
/// are large, and memory must stay bounded by a batch, not by a row group.
const ROW_GROUP_BYTES: usize = 64 * 1024 * 1024;

struct TableWriter {
    name: &'static str,
    /// The file being written (`NAME.parquet`, or `NAME/part-NNNNN.parquet`).
    path: PathBuf,
    /// `None` once closed (by [`OutputWriter::rewrite`]).
    writer: Option<ArrowWriter<BufWriter<File>>>,
    rows: u64,
    /// Parts already finished, in order (partitioned output only).
    done: Vec<PathBuf>,
    /// The table will be rewritten before the end (see
    /// [`OutputWriter::will_rewrite`]): its files are written plainly.
    interim: bool,
}

/// Writes tables batch by batch into a staged directory, then commits it.
pub struct OutputWriter {
    dir: StagedDir,
    tables: Vec<TableWriter>,
    /// Next part number, when every table is a directory of parts.
    part: Option<usize>,
}

/// Where table `name` (part `part`, when partitioned) is written under `root`.
fn table_path(root: &Path, name: &str, part: Option<usize>) -> PathBuf {
    match part {
        Some(n) => root.join(name).join(format!("part-{n:05}.parquet")),
        None => root.join(format!("{name}.parquet")),
    }
}

fn open_writer(name: &str, path: &Path) -> Result<ArrowWriter<BufWriter<File>>> {
    open_writer_with(path, name, properties(name))
}

fn open_writer_with(
    path: &Path,
    name: &str,
    props: WriterProperties,
) -> Result<ArrowWriter<BufWriter<File>>> {
    let file = File::create(path).map_err(|e| io_error("create", path, e))?;
    ArrowWriter::try_new(
        BufWriter::new(file),
        schema(name).expect("known table"),
        Some(props),
    )
    .map_err(|e| parquet_error(path, e))
}

/// The writer of a table's current file: final, or plain when the table
/// will be rewritten anyway.
fn open_table_writer(
    name: &str,
    path: &Path,
    interim: bool,
) -> Result<ArrowWriter<BufWriter<File>>> {
    if interim {
        open_writer_with(path, name, interim_properties())
    } else {
        open_writer(name, path)
    }
}

/// The Parquet files of table `name` in an output directory, in order:
/// `NAME.parquet`, or the parts `NAME/part-*.parquet` of a partitioned output.
pub fn table_files(dir: &Path, name: &str) -> Result<Vec<PathBuf>> {
    let single = dir.join(format!("{name}.parquet"));
    let parts = dir.join(name);
    if !parts.is_dir() {
        return Ok(vec![single]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&parts)
        .map_err(|e| io_error("read", &parts, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
                && p.extension().is_some_and(|e| e == "parquet")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Columns whose values (almost) never repeat: a dictionary for them is
/// wasted work (building it was the costliest part of encoding) and falls
/// back to plain encoding anyway once it outgrows its page.
const NO_DICTIONARY: [(&str, &str); 16] = [
    ("articles", "article_id"),
    ("articles", "url"),
    ("articles", "title"),
    ("articles", "text"),
    // the rows of one article are next to each other: zstd compresses the
    // repeats of its id as well as a dictionary would, without a hash lookup
    // per row
    ("quotes", "article_id"),
    ("quotes", "quote_id"),
    ("quotes", "text"),
    ("claims", "article_id"),
    ("claims", "claim_id"),
    ("claims", "text"),
    ("speakers", "article_id"),
    ("dates", "article_id"),
    ("dates", "date_id"),
    ("clusters", "cluster_id"),
    ("clusters", "text"),
    ("clusters", "quote_ids.list.item"),
];

/// Free-text columns: min/max statistics of prose prune nothing.
const NO_STATISTICS: [(&str, &str); 6] = [
    ("articles", "url"),
    ("articles", "title"),
    ("articles", "text"),
    ("quotes", "text"),
    ("claims", "text"),
    ("clusters", "text"),
];

/// A dotted Parquet column path (`quote_ids.list.item`).
fn path(dotted: &str) -> ColumnPath {
    ColumnPath::new(dotted.split('.').map(str::to_string).collect())
}

fn properties(name: &str) -> WriterProperties {
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_created_by(format!("sayso {}", crate::VERSION));
    for (table, column) in NO_DICTIONARY {
        if table == name {
            b = b.set_column_dictionary_enabled(path(column), false);
        }
    }
    // Numbers and dates are written plainly: offsets and counts hardly
    // repeat within a page, and where they do (sentence numbers, dates of
    // one day) zstd takes the repeats as well as a dictionary did. Hashing
    // every value into a dictionary was some 1.5% of a conversion; the
    // PolNeAR tables are 2% smaller without it.
    if let Some(sc) = schema(name) {
        for f in sc.fields() {
            if matches!(
                f.data_type(),
                DataType::Int32 | DataType::Date32 | DataType::Float32
            ) {
                b = b.set_column_dictionary_enabled(path(f.name()), false);
            }
        }
    }
    for (table, column) in NO_STATISTICS {
        if table == name {
            b = b.set_column_statistics_enabled(path(column), EnabledStatistics::None);
        }
    }
    b.build()
}

/// Properties of a file that is only read back once, to be rewritten:
/// no compression, dictionaries or statistics, all of which the rewrite
/// computes again (and reading them back would cost as much). The final
/// file depends only on the rows read back, not on how they were stored.
fn interim_properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::UNCOMPRESSED)
        .set_dictionary_enabled(false)
        .set_statistics_enabled(EnabledStatistics::None)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .build()
}

impl OutputWriter {
    /// Create the staged directory for `target` and open one Parquet writer
    /// per table. Fails with [`crate::Error::OutputExists`] when `target`
    /// exists and `overwrite` is false.
    pub fn create(target: &Path, overwrite: bool) -> Result<OutputWriter> {
        OutputWriter::open(target, overwrite, None)
    }

    /// Like [`Self::create`], but every table is a directory of parts
    /// (`quotes/part-00000.parquet`, …), the layout `pl.scan_parquet` and
    /// DuckDB read as one table; [`Self::rotate`] starts the next part.
    pub fn create_partitioned(target: &Path, overwrite: bool) -> Result<OutputWriter> {
        OutputWriter::open(target, overwrite, Some(0))
    }

    fn open(target: &Path, overwrite: bool, part: Option<usize>) -> Result<OutputWriter> {
        let dir = StagedDir::create(target, overwrite)?;
        let mut tables = Vec::with_capacity(TABLE_NAMES.len());
        for name in TABLE_NAMES {
            if part.is_some() {
                let sub = dir.path().join(name);
                std::fs::create_dir(&sub).map_err(|e| io_error("create", &sub, e))?;
            }
            let path = table_path(dir.path(), name, part);
            let writer = open_writer(name, &path)?;
            tables.push(TableWriter {
                name,
                path,
                writer: Some(writer),
                rows: 0,
                done: Vec::new(),
                interim: false,
            });
        }
        Ok(OutputWriter {
            dir,
            tables,
            part: part.map(|n| n + 1),
        })
    }

    /// Reopen the output directory `target` to add rows to it: a new staged
    /// directory holds the earlier files (hard links, or copies where links
    /// are refused) as the first parts of every table, and new parts after
    /// them; `target` itself is not touched until [`Self::finish`] swaps the
    /// directories, so a failure leaves it as it was. The `clusters` table
    /// starts empty (it is recomputed over all quotes); the other tables
    /// keep their rows, counted from the earlier manifest, which is returned.
    pub fn resume(target: &Path) -> Result<(OutputWriter, Manifest)> {
        let old = Manifest::read(target)?;
        let dir = StagedDir::create(target, true)?;
        let mut tables = Vec::with_capacity(TABLE_NAMES.len());
        let mut next_part = 0usize;
        let mut olds = Vec::with_capacity(TABLE_NAMES.len());
        for name in TABLE_NAMES {
            let sub = dir.path().join(name);
            std::fs::create_dir(&sub).map_err(|e| io_error("create", &sub, e))?;
            let files: Vec<PathBuf> = table_files(target, name)?
                .into_iter()
                .filter(|p| p.is_file())
                .collect();
            next_part = next_part.max(files.len());
            olds.push(files);
        }
        for (name, files) in TABLE_NAMES.into_iter().zip(olds) {
            let mut done = Vec::new();
            if name != "clusters" {
                for (i, file) in files.iter().enumerate() {
                    let path = table_path(dir.path(), name, Some(i));
                    if std::fs::hard_link(file, &path).is_err() {
                        std::fs::copy(file, &path).map_err(|e| io_error("copy", file, e))?;
                    }
                    done.push(path);
                }
            }
            let path = table_path(dir.path(), name, Some(next_part));
            let writer = open_writer(name, &path)?;
            tables.push(TableWriter {
                name,
                path,
                writer: Some(writer),
                rows: if name == "clusters" {
                    0
                } else {
                    old.count(name)
                },
                done,
                interim: false,
            });
        }
        let writer = OutputWriter {
            dir,
            tables,
            part: Some(next_part + 1),
        };
        Ok((writer, old))
    }

    /// Read back the parts of table `name` that were complete when this
    /// writer was opened or rotated (not the one being written), only
    /// `columns`, batch by batch.
    pub fn scan_done(
        &self,
        name: &str,
        columns: &[&str],
        mut f: impl FnMut(RecordBatch) -> Result<()>,
    ) -> Result<()> {
        let Some(t) = self.tables.iter().find(|t| t.name == name) else {
            return Err(crate::Error::Output(format!("no table named {name}")));
        };
        for path in &t.done {
            scan_file(path, columns, &mut f)?;
        }
        Ok(())
    }

    /// Finish the current part of every table and start the next one
    /// (partitioned output only; single files ignore this).
    pub fn rotate(&mut self) -> Result<()> {
        let Some(part) = self.part else { return Ok(()) };
        for t in &mut self.tables {
            if t.writer.is_none() {
                continue; // rewritten already: complete
            }
            t.close()?;
            let path = table_path(self.dir.path(), t.name, Some(part));
            t.writer = Some(open_table_writer(t.name, &path, t.interim)?);
            t.done.push(std::mem::replace(&mut t.path, path));
        }
        self.part = Some(part + 1);
        Ok(())
    }

    /// Announce that table `name` will be rewritten (by [`Self::rewrite`] or
    /// [`Self::rewrite_emitting`]) before [`Self::finish`]: until then its
    /// batches are stored plainly (see [`interim_properties`]), which saves
    /// encoding and compressing them twice. Call it before the first batch
    /// of `name` is written; the rewritten file is the same either way.
    pub fn will_rewrite(&mut self, name: &str) -> Result<()> {
        let Some(t) = self.tables.iter_mut().find(|t| t.name == name) else {
            return Err(crate::Error::Output(format!("no table named {name}")));
        };
        let Some(w) = t.writer.as_ref() else {
            return Ok(()); // rewritten already
        };
        if t.interim {
            return Ok(());
        }
        if w.in_progress_rows() > 0 || !w.flushed_row_groups().is_empty() {
            return Err(crate::Error::Output(format!(
                "{name}: rows were written before the rewrite was announced"
            )));
        }
        // the file holds no row yet: drop its writer (which only flushes the
        // magic bytes), then create it again with the plain properties
        t.writer = None;
        t.writer = Some(open_table_writer(t.name, &t.path, true)?);
        t.interim = true;
        Ok(())
    }

    /// Close table `name` and rewrite it batch by batch through `f` (which
    /// must keep the rows and the schema; e.g. fill a column known only once
    /// every batch was written). Memory stays at one batch: the table is
    /// streamed from its file into a new file in the staged directory, which
    /// then replaces it; nothing of this is visible before [`Self::finish`].
    /// No more batches can be appended to `name` afterwards.
    pub fn rewrite(
        &mut self,
        name: &str,
        mut f: impl FnMut(RecordBatch) -> Result<RecordBatch>,
    ) -> Result<()> {
        self.rewrite_emitting(name, None, |b| Ok((f(b)?, Vec::new())))
    }

    /// Like [`Self::rewrite`], but `f` may also return batches to append to
    /// table `into` (e.g. the clusters rows whose first quote was just read),
    /// so a table derived from another one is written as it is streamed.
    pub fn rewrite_emitting(
        &mut self,
        name: &str,
        into: Option<&str>,
        mut f: impl FnMut(RecordBatch) -> Result<(RecordBatch, Vec<RecordBatch>)>,
    ) -> Result<()> {
        let (mut target, mut other) = (None, None);
        for t in self.tables.iter_mut() {
            if t.name == name {
                target = Some(t);
            } else if Some(t.name) == into {
                other = Some(t);
            }
        }
        let Some(t) = target else {
            return Err(crate::Error::Output(format!("no table named {name}")));
        };
        if into.is_some() && other.is_none() {
            return Err(crate::Error::Output(format!(
                "no other table named {}",
                into.unwrap_or_default()
            )));
        }
        t.close()?;
        let mut rows = 0u64;
        for path in t.done.iter().chain(std::iter::once(&t.path)) {
            rows += rewrite_file(name, path, &mut |b| {
                let (b, extra) = f(b)?;
                if let Some(o) = other.as_deref_mut() {
                    for e in &extra {
                        o.write(e)?;
                    }
                }
                Ok(b)
            })?;
        }
        if rows != t.rows {
            return Err(crate::Error::Output(format!(
                "rewriting {name}: {rows} rows read back, {} written",
                t.rows
            )));
        }
        Ok(())
    }

    /// Close table `name` and read it back batch by batch, only `columns`
    /// (in the table's order), e.g. to look up a few values before a
    /// [`Self::rewrite`]. No more batches can be appended to `name` afterwards.
    pub fn scan(
        &mut self,
        name: &str,
        columns: &[&str],
        mut f: impl FnMut(RecordBatch) -> Result<()>,
    ) -> Result<()> {
        let Some(t) = self.tables.iter_mut().find(|t| t.name == name) else {
            return Err(crate::Error::Output(format!("no table named {name}")));
        };
        t.close()?;
        for path in t.done.iter().chain(std::iter::once(&t.path)) {
            scan_file(path, columns, &mut f)?;
        }
        Ok(())
    }

    /// End the row group in progress of every table, so that a pass over
    /// the whole corpus (clusters) does not hold them in memory meanwhile.
    pub fn flush(&mut self) -> Result<()> {
        for t in &mut self.tables {
            if let Some(w) = t.writer.as_mut() {
                w.flush().map_err(|e| parquet_error(&t.path, e))?;
            }
        }
        Ok(())
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
        self.tables
            .iter()
            .find(|t| t.name == name)
            .map_or(0, |t| t.rows)
    }

    /// Close every table, write the manifest (with the row counts filled in)
    /// and move the directory into place.
    pub fn finish(self, manifest: &mut Manifest) -> Result<()> {
        let OutputWriter { dir, tables, .. } = self;
        for mut t in tables {
            manifest.counts.insert(t.name.to_string(), t.rows);
            t.close()?;
        }
        let path = dir.path().join(MANIFEST_FILE);
        let json =
            serde_json::to_vec_pretty(manifest).map_err(|e| crate::Error::Output(e.to_string()))?;
        std::fs::write(&path, json).map_err(|e| io_error("write", &path, e))?;
        dir.commit()
    }
}

/// Read `columns` of one Parquet file, batch by batch.
fn scan_file(
    path: &Path,
    columns: &[&str],
    f: &mut impl FnMut(RecordBatch) -> Result<()>,
) -> Result<()> {
    let file = File::open(path).map_err(|e| io_error("read back", path, e))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| parquet_error(path, e))?;
    let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
    let reader = builder
        .with_projection(mask)
        .with_batch_size(REWRITE_BATCH_ROWS)
        .build()
        .map_err(|e| parquet_error(path, e))?;
    for batch in reader {
        f(batch.map_err(|e| {
            crate::Error::Output(format!("cannot read back {}: {e}", path.display()))
        })?)?;
    }
    Ok(())
}

/// Stream one Parquet file of table `name` through `f` into a new file that
/// then replaces it. Returns the rows written.
fn rewrite_file(
    name: &str,
    path: &Path,
    f: &mut impl FnMut(RecordBatch) -> Result<RecordBatch>,
) -> Result<u64> {
    let file = File::open(path).map_err(|e| io_error("read back", path, e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.with_batch_size(REWRITE_BATCH_ROWS).build())
        .map_err(|e| parquet_error(path, e))?;
    let new_path = path.with_extension("parquet.rewrite");
    let mut writer = open_writer(name, &new_path)?;
    let mut rows = 0u64;
    for batch in reader {
        let batch = batch.map_err(|e| {
            crate::Error::Output(format!("cannot read back {}: {e}", path.display()))
        })?;
        let batch = f(batch)?;
        rows += batch.num_rows() as u64;
        writer
            .write(&batch)
            .map_err(|e| parquet_error(&new_path, e))?;
    }
    sync(writer, &new_path)?;
    std::fs::rename(&new_path, path).map_err(|e| io_error("replace", path, e))?;
    Ok(rows)
}

/// Write the footer of a Parquet file and sync it to disk.
fn sync(writer: ArrowWriter<BufWriter<File>>, path: &Path) -> Result<()> {
    let inner = writer.into_inner().map_err(|e| parquet_error(path, e))?;
    let file = inner
        .into_inner()
        .map_err(|e| io_error("write", path, e.into_error()))?;
    file.sync_all().map_err(|e| io_error("write", path, e))
}

impl TableWriter {
    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let Some(writer) = self.writer.as_mut() else {
            return Err(crate::Error::Output(format!(
                "{} is already closed",
                self.path.display()
            )));
        };
        writer
            .write(batch)
            .map_err(|e| parquet_error(&self.path, e))?;
        self.rows += batch.num_rows() as u64;
        if writer.in_progress_size() > ROW_GROUP_BYTES {
            writer.flush().map_err(|e| parquet_error(&self.path, e))?;
        }
        Ok(())
    }

    /// Finish the file (once; later calls do nothing).
    fn close(&mut self) -> Result<()> {
        match self.writer.take() {
            Some(w) => sync(w, &self.path),
            None => Ok(()),
        }
    }
}

/// A Parquet error while writing `path`, with what to do when it is the disk.
fn parquet_error(path: &Path, e: parquet::errors::ParquetError) -> crate::Error {
    let msg = e.to_string();
    // The writer wraps the I/O error in its own type; its number is in the text.
    let hint = [20, 27, 28, 30]
        .into_iter()
        .find(|n| msg.contains(&format!("(os error {n})")))
        .map_or("", |n| {
            super::atomic::os_hint(&std::io::Error::from_raw_os_error(n))
        });
    crate::Error::Output(format!("cannot write {}: {msg}{hint}", path.display()))
}
