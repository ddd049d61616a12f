//! `sayso show` and the demo's who-said-what table: read an output directory back.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayAccessor, Date32Array, DictionaryArray, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::{FileReader, SerializedFileReader};

use super::Failure;
use crate::error::{Error, Result};
use crate::output::table_files;
use crate::table::TABLE_NAMES;

/// One quote as shown: speaker, text, method, date.
pub struct QuoteLine {
    pub speaker: String,
    pub text: String,
    pub method: String,
    pub date: String,
}

fn open(dir: &Path, path: &Path) -> Result<File> {
    File::open(path).map_err(|e| {
        Error::io(
            format!(
                "cannot open {} (is {} a sayso output directory?)",
                path.display(),
                dir.display()
            ),
            e,
        )
    })
}

/// Rows of `table` (all its parts), from the Parquet footers only.
fn count(dir: &Path, table: &str) -> Result<u64> {
    let mut n = 0;
    for path in table_files(dir, table)? {
        let reader = SerializedFileReader::new(open(dir, &path)?)?;
        n += reader.metadata().file_metadata().num_rows().max(0) as u64;
    }
    Ok(n)
}

fn strings(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let Some(col) = batch.column_by_name(name) else {
        return vec![None; batch.num_rows()];
    };
    if let Some(a) = col.as_any().downcast_ref::<StringArray>() {
        return (0..a.len())
            .map(|i| a.is_valid(i).then(|| a.value(i).to_string()))
            .collect();
    }
    if let Some(d) = col.as_any().downcast_ref::<DictionaryArray<Int32Type>>() {
        if let Some(t) = d.downcast_dict::<StringArray>() {
            return (0..d.len())
                .map(|i| d.is_valid(i).then(|| t.value(i).to_string()))
                .collect();
        }
    }
    vec![None; batch.num_rows()]
}

/// The first `limit` quotes of an output directory.
pub fn read_quotes(dir: &Path, limit: usize) -> Result<Vec<QuoteLine>> {
    let mut out = Vec::new();
    for path in table_files(dir, "quotes")? {
        let reader = ParquetRecordBatchReaderBuilder::try_new(open(dir, &path)?)?.build()?;
        read_lines(reader, limit, &mut out)?;
    }
    Ok(out)
}

fn read_lines(
    reader: parquet::arrow::arrow_reader::ParquetRecordBatchReader,
    limit: usize,
    out: &mut Vec<QuoteLine>,
) -> Result<()> {
    for batch in reader {
        let batch = batch?;
        let speaker = strings(&batch, "speaker");
        let text = strings(&batch, "text");
        let method = strings(&batch, "method");
        let dates = batch
            .column_by_name("date")
            .and_then(|c| c.as_any().downcast_ref::<Date32Array>().cloned());
        for i in 0..batch.num_rows() {
            if out.len() >= limit {
                return Ok(());
            }
            let date = dates.as_ref().and_then(|d| {
                if d.is_valid(i) {
                    d.value_as_date(i)
                } else {
                    None
                }
            });
            out.push(QuoteLine {
                speaker: speaker[i].clone().unwrap_or_else(|| "?".into()),
                text: text[i].clone().unwrap_or_default(),
                method: method[i].clone().unwrap_or_default(),
                date: date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            });
        }
    }
    Ok(())
}

/// `s` cut to `n` characters, with an ellipsis when cut; newlines flattened.
fn truncate(s: &str, n: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= n {
        flat
    } else {
        flat.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

fn pad(s: &str, n: usize) -> String {
    let len = s.chars().count();
    format!("{s}{}", " ".repeat(n.saturating_sub(len)))
}

/// An aligned table: speaker, quote (~60 characters), and the date or method.
pub fn quote_table(rows: &[QuoteLine], with_date: bool) -> String {
    let speakers: Vec<String> = rows.iter().map(|r| truncate(&r.speaker, 24)).collect();
    let texts: Vec<String> = rows.iter().map(|r| truncate(&r.text, 60)).collect();
    let w1 = speakers
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .max(7);
    let w2 = texts
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    let last = if with_date { "date" } else { "method" };
    let mut out = format!("{}  {}  {last}\n", pad("speaker", w1), pad("quote", w2));
    for (i, r) in rows.iter().enumerate() {
        let tail = if with_date { &r.date } else { &r.method };
        out.push_str(&format!(
            "{}  {}  {tail}\n",
            pad(&speakers[i], w1),
            pad(&texts[i], w2)
        ));
    }
    out
}

pub fn show(dir: &Path, rows: usize) -> std::result::Result<(), Failure> {
    let mut text = format!("{}\n", dir.display());
    for name in TABLE_NAMES {
        text.push_str(&format!("  {:<10} {:>9} rows\n", name, count(dir, name)?));
    }
    let quotes = read_quotes(dir, rows)?;
    if !quotes.is_empty() {
        text.push('\n');
        text.push_str(&quote_table(&quotes, false));
    }
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
