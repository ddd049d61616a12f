//! Parquet: one article per row, read batch by batch, only the mapped columns.

use std::borrow::Cow;
use std::fs::File;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ProjectionMask;

use super::fields::{build_article, Value, N_FIELDS, TEXT};
use super::resolve::Source;
use super::{FieldMap, Record, Records};

/// Rows per batch: articles are a few kilobytes each, so a batch stays at a
/// few megabytes.
const BATCH_ROWS: usize = 512;

pub(crate) fn records(
    source: &Source,
    fields: &Arc<FieldMap>,
    counter: &Arc<AtomicU64>,
) -> Records {
    let opened = super::guard::guarded(|| open(source, fields)).unwrap_or_else(|panic| {
        Err(format!(
            "not a readable Parquet file (the decoder failed: {panic}); the file may be damaged"
        ))
    });
    match opened {
        Ok(Some(rows)) => Box::new(ParquetRows {
            counter: Arc::clone(counter),
            ..rows
        }),
        Ok(None) => Box::new(std::iter::empty()),
        Err(reason) => Box::new(std::iter::once(Record::error(&source.label, reason))),
    }
}

fn open(source: &Source, fields: &Arc<FieldMap>) -> Result<Option<ParquetRows>, String> {
    let Some(path) = &source.path else {
        return Err("Parquet cannot be read from standard input; pass the file's path".into());
    };
    let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| format!("not a readable Parquet file ({e})"))?;
    let names = fields.names();
    let schema = Arc::clone(builder.schema());
    let present: Vec<usize> = (0..schema.fields().len())
        .filter(|&i| names.contains(&schema.field(i).name().as_str()))
        .collect();
    if schema.index_of(names[TEXT]).is_err() {
        let listed: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        return Err(format!(
            "no column \"{}\" ({}); set --text-field if your text is in another column; no rows were read",
            names[TEXT],
            listed.join(", ")
        ));
    }
    let total_rows = builder.metadata().file_metadata().num_rows().max(0) as u64;
    if total_rows == 0 {
        return Ok(None);
    }
    // Top-level columns only, so an arrow field index is a Parquet root index.
    let mask = ProjectionMask::roots(builder.parquet_schema(), present);
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| format!("not a readable Parquet file ({e})"))?;
    Ok(Some(ParquetRows {
        reader,
        source: source.clone(),
        fields: Arc::clone(fields),
        batch: None,
        in_batch: 0,
        n: 0,
        total_rows,
        counted: 0,
        counter: Arc::default(),
        done: false,
    }))
}

struct ParquetRows {
    reader: ParquetRecordBatchReader,
    source: Source,
    fields: Arc<FieldMap>,
    batch: Option<RecordBatch>,
    in_batch: usize,
    /// Rows read so far (the 1-based number of the current row).
    n: u64,
    total_rows: u64,
    /// Bytes already added to `counter` for this file.
    counted: u64,
    counter: Arc<AtomicU64>,
    done: bool,
}

impl Iterator for ParquetRows {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        loop {
            if self.done {
                return None;
            }
            if let Some(batch) = &self.batch {
                if self.in_batch < batch.num_rows() {
                    self.n += 1;
                    let location = format!("{}:{}", self.source.label, self.n);
                    let record = row(batch, self.in_batch, location, &self.fields);
                    self.in_batch += 1;
                    return Some(record);
                }
            }
            let next = match super::guard::guarded(|| self.reader.next()) {
                Ok(next) => next.map(|r| r.map_err(|e| e.to_string())),
                Err(panic) => Some(Err(format!("the decoder failed: {panic}"))),
            };
            match next {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Ok(batch)) => {
                    self.advance_progress(batch.num_rows() as u64);
                    self.batch = Some(batch);
                    self.in_batch = 0;
                }
                Some(Err(e)) => {
                    self.done = true;
                    let reason = format!(
                        "cannot read the rows after row {} ({e}); the file may be damaged",
                        self.n
                    );
                    return Some(Record::error(&self.source.label, reason));
                }
            }
        }
    }
}

/// Row `i` of a batch as a record.
pub(super) fn row(batch: &RecordBatch, i: usize, location: String, fields: &FieldMap) -> Record {
    let columns: [Option<&dyn Array>; N_FIELDS] = fields.names().map(|name| {
        batch
            .schema_ref()
            .index_of(name)
            .ok()
            .map(|c| batch.column(c).as_ref())
    });
    let values = columns.map(|c| c.map_or(Value::Missing, |c| value(c, i)));
    match build_article(values, fields) {
        Ok((article, warnings)) => Record {
            location,
            result: Ok(article),
            warnings,
        },
        Err(reason) => Record::error(location, reason),
    }
}

impl ParquetRows {
    /// Progress in file bytes, in proportion to the rows read (Parquet
    /// reads column chunks, so there is no byte position to follow).
    fn advance_progress(&mut self, rows: u64) {
        let size = self.source.size.unwrap_or(0);
        let done = (self.n + rows).min(self.total_rows);
        let target = (size * done).checked_div(self.total_rows).unwrap_or(size);
        if target > self.counted {
            self.counter
                .fetch_add(target - self.counted, Ordering::Relaxed);
            self.counted = target;
        }
    }
}

/// One cell, whatever the column's Arrow type.
fn value(array: &dyn Array, i: usize) -> Value<'_> {
    if array.is_null(i) {
        return Value::Null;
    }
    let num = |s: String| Value::Number(s);
    match array.data_type() {
        DataType::Utf8 => Value::Str(Cow::Borrowed(array.as_string::<i32>().value(i))),
        DataType::LargeUtf8 => Value::Str(Cow::Borrowed(array.as_string::<i64>().value(i))),
        DataType::Utf8View => Value::Str(Cow::Borrowed(array.as_string_view().value(i))),
        DataType::Int8 => num(array.as_primitive::<Int8Type>().value(i).to_string()),
        DataType::Int16 => num(array.as_primitive::<Int16Type>().value(i).to_string()),
        DataType::Int32 => num(array.as_primitive::<Int32Type>().value(i).to_string()),
        DataType::Int64 => num(array.as_primitive::<Int64Type>().value(i).to_string()),
        DataType::UInt8 => num(array.as_primitive::<UInt8Type>().value(i).to_string()),
        DataType::UInt16 => num(array.as_primitive::<UInt16Type>().value(i).to_string()),
        DataType::UInt32 => num(array.as_primitive::<UInt32Type>().value(i).to_string()),
        DataType::UInt64 => num(array.as_primitive::<UInt64Type>().value(i).to_string()),
        DataType::Float32 => num(array.as_primitive::<Float32Type>().value(i).to_string()),
        DataType::Float64 => num(array.as_primitive::<Float64Type>().value(i).to_string()),
        DataType::Boolean => Value::Bool(array.as_boolean().value(i)),
        DataType::Date32 => date(array.as_primitive::<Date32Type>().value_as_date(i)),
        DataType::Date64 => date(array.as_primitive::<Date64Type>().value_as_date(i)),
        // The calendar date of the instant as stored (UTC for a zoned timestamp).
        DataType::Timestamp(TimeUnit::Second, _) => datetime(
            array
                .as_primitive::<TimestampSecondType>()
                .value_as_datetime(i),
        ),
        DataType::Timestamp(TimeUnit::Millisecond, _) => datetime(
            array
                .as_primitive::<TimestampMillisecondType>()
                .value_as_datetime(i),
        ),
        DataType::Timestamp(TimeUnit::Microsecond, _) => datetime(
            array
                .as_primitive::<TimestampMicrosecondType>()
                .value_as_datetime(i),
        ),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => datetime(
            array
                .as_primitive::<TimestampNanosecondType>()
                .value_as_datetime(i),
        ),
        // Dictionary-encoded strings, as pandas and polars write categoricals.
        DataType::Dictionary(_, _) => {
            let dict = array.as_any_dictionary();
            let values = dict.values();
            let key = match dict.keys().data_type() {
                DataType::Int8 => dict.keys().as_primitive::<Int8Type>().value(i) as i64,
                DataType::Int16 => dict.keys().as_primitive::<Int16Type>().value(i) as i64,
                DataType::Int32 => dict.keys().as_primitive::<Int32Type>().value(i) as i64,
                DataType::Int64 => dict.keys().as_primitive::<Int64Type>().value(i),
                DataType::UInt8 => dict.keys().as_primitive::<UInt8Type>().value(i) as i64,
                DataType::UInt16 => dict.keys().as_primitive::<UInt16Type>().value(i) as i64,
                DataType::UInt32 => dict.keys().as_primitive::<UInt32Type>().value(i) as i64,
                DataType::UInt64 => dict.keys().as_primitive::<UInt64Type>().value(i) as i64,
                _ => return Value::Other("a dictionary column"),
            };
            match usize::try_from(key) {
                Ok(k) if k < values.len() => value(values.as_ref(), k),
                _ => Value::Other("a dictionary column with a bad key"),
            }
        }
        DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView
        | DataType::FixedSizeBinary(_) => Value::Other("binary (not a string)"),
        DataType::List(_)
        | DataType::LargeList(_)
        | DataType::FixedSizeList(_, _)
        | DataType::ListView(_) => Value::Other("a list"),
        DataType::Struct(_) | DataType::Map(_, _) => Value::Other("a struct"),
        _ => Value::Other("a column of an unsupported type"),
    }
}

fn date(d: Option<NaiveDate>) -> Value<'static> {
    d.map_or(Value::Other("a date out of range"), Value::Date)
}

fn datetime(d: Option<chrono::NaiveDateTime>) -> Value<'static> {
    date(d.map(|d| d.date()))
}
