//! The Python module `sayso._sayso` (feature `python`, built by maturin).
//!
//! Every entry point follows one shape: convert Python arguments into owned
//! Rust values while holding the GIL, run the work with the GIL released
//! (`py.detach`) inside `catch_unwind`, then hand Arrow tables back through
//! the Arrow PyCapsule interface, which pyarrow, polars and DuckDB import
//! without copying the column buffers.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use arrow_array::RecordBatch;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3_arrow::{PyRecordBatch, PySchema, PyTable};

use crate::article::{parse_published, Article};
use crate::input::{FieldMap, Format, InputOptions};
use crate::pipeline::{ConvertOptions, DEFAULT_MAX_ARTICLE_BYTES};
use crate::table::{self, ErrorRow, Tables, TABLE_NAMES};
use crate::Error;

create_exception!(
    sayso,
    SaysoError,
    PyException,
    "Base class of every error raised by sayso."
);
create_exception!(
    sayso,
    InputError,
    SaysoError,
    "An input could not be read or is not a valid article."
);
create_exception!(
    sayso,
    OutputError,
    SaysoError,
    "The output could not be written."
);
create_exception!(
    sayso,
    OutputExistsError,
    OutputError,
    "The output directory exists and `overwrite=True` was not given."
);
create_exception!(
    sayso,
    EvalError,
    SaysoError,
    "A file needed for evaluation could not be read or parsed."
);

/// One error class per kind of failure, so callers can catch what they can
/// handle (a missing input) without swallowing everything else.
fn to_py_err(err: Error) -> PyErr {
    let msg = err.to_string();
    match err {
        Error::Input(_) => InputError::new_err(msg),
        Error::Output(_) | Error::Parquet(_) | Error::Arrow(_) => OutputError::new_err(msg),
        Error::OutputExists(_) => OutputExistsError::new_err(msg),
        Error::Eval(_) => EvalError::new_err(msg),
        Error::Io { .. } => SaysoError::new_err(msg),
    }
}

/// Run `work` without the GIL. A panic in the core becomes a `SaysoError`
/// instead of pyo3's `PanicException`, which derives from `BaseException`
/// and so escapes ordinary `except Exception` handlers.
fn run_detached<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, Error> + Send,
) -> PyResult<T> {
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(work)));
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(to_py_err(err)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_string());
            Err(SaysoError::new_err(format!(
                "internal error (please report it): {what}"
            )))
        }
    }
}

/// The UTF-8 of a Python `str`; a lone surrogate cannot be article text.
fn utf8(s: &Bound<'_, PyString>, field: &str, item: Option<usize>) -> PyResult<String> {
    match s.to_cow() {
        Ok(s) => Ok(s.into_owned()),
        Err(_) => Err(InputError::new_err(format!(
            "{}field '{field}' is not valid Unicode (lone surrogate)",
            where_(item)
        ))),
    }
}

/// An optional string argument: `None` or a `str`; anything else is an input error.
fn opt_str(
    value: Option<&Bound<'_, PyAny>>,
    field: &str,
    item: Option<usize>,
) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => Ok(Some(utf8(s, field, item)?)),
            Err(_) => Err(InputError::new_err(format!(
                "{}field '{field}' must be a string or None, not {}",
                where_(item),
                v.get_type().name()?
            ))),
        },
    }
}

fn where_(item: Option<usize>) -> String {
    match item {
        Some(i) => format!("article {i}: "),
        None => String::new(),
    }
}

/// `published` as an ISO string, a `datetime.date` or a `datetime.datetime`
/// (read through attributes, which the stable ABI allows).
fn published_arg(
    value: Option<&Bound<'_, PyAny>>,
    item: Option<usize>,
) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(v) = value else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        let s = utf8(s, "published", item)?;
        return match parse_published(&s) {
            Some(d) => Ok(Some(d)),
            None => Err(InputError::new_err(format!(
                "{}published {s:?} is not an ISO 8601 date (YYYY-MM-DD)",
                where_(item)
            ))),
        };
    }
    let ymd = (|| -> PyResult<(i32, u32, u32)> {
        Ok((
            v.getattr("year")?.extract()?,
            v.getattr("month")?.extract()?,
            v.getattr("day")?.extract()?,
        ))
    })();
    match ymd {
        Ok((y, m, d)) => match chrono::NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => Ok(Some(date)),
            None => Err(InputError::new_err(format!(
                "{}published {y}-{m}-{d} is not a calendar date",
                where_(item)
            ))),
        },
        Err(_) => Err(InputError::new_err(format!(
            "{}published must be an ISO date string or a datetime.date, not {}",
            where_(item),
            v.get_type().name()?
        ))),
    }
}

/// One item of `extract_batch`: a `str` (the text) or a dict of article fields.
fn article_from_item(item: &Bound<'_, PyAny>, index: usize) -> PyResult<Article> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Article::new(utf8(s, "text", Some(index))?));
    }
    let Ok(d) = item.cast::<PyDict>() else {
        return Err(InputError::new_err(format!(
            "article {index}: expected a str or a dict with a 'text' field, not {}",
            item.get_type().name()?
        )));
    };
    let text = match d.get_item("text")? {
        Some(t) => match t.cast::<PyString>() {
            Ok(s) => utf8(s, "text", Some(index))?,
            Err(_) => {
                return Err(InputError::new_err(format!(
                    "article {index}: field 'text' must be a string, not {}",
                    t.get_type().name()?
                )))
            }
        },
        None => {
            return Err(InputError::new_err(format!(
                "article {index}: missing field 'text'"
            )))
        }
    };
    let field = |name: &str| -> PyResult<Option<String>> {
        opt_str(d.get_item(name)?.as_ref(), name, Some(index))
    };
    Ok(Article {
        id: field("id")?,
        text,
        title: field("title")?,
        source: field("source")?,
        url: field("url")?,
        published: published_arg(d.get_item("published")?.as_ref(), Some(index))?,
        language: field("language")?,
    })
}

/// A table handed to Python: the record batch shares its buffers with the
/// capsule, so importing it copies nothing.
fn py_table(batch: &RecordBatch) -> PyResult<PyTable> {
    PyTable::try_new(vec![batch.clone()], batch.schema())
}

/// The tables extracted from one or more articles.
///
/// Each attribute is an Arrow table exported through the Arrow PyCapsule
/// interface (`__arrow_c_stream__`): `pyarrow.table(x.quotes)`,
/// `polars.DataFrame(x.quotes)` and `duckdb.sql("from x_quotes")` read it
/// without copying.
#[pyclass(module = "sayso", name = "Extraction", frozen)]
pub struct PyExtraction {
    tables: Tables,
}

#[pymethods]
impl PyExtraction {
    /// One row per article (metadata and text).
    #[getter]
    fn articles(&self) -> PyResult<PyTable> {
        py_table(&self.tables.articles)
    }
    /// Direct and mixed quotations.
    #[getter]
    fn quotes(&self) -> PyResult<PyTable> {
        py_table(&self.tables.quotes)
    }
    /// Reported speech without (full) quotation marks.
    #[getter]
    fn claims(&self) -> PyResult<PyTable> {
        py_table(&self.tables.claims)
    }
    /// One row per speaker per article.
    #[getter]
    fn speakers(&self) -> PyResult<PyTable> {
        py_table(&self.tables.speakers)
    }
    /// Temporal expressions, normalised to TIMEX3.
    #[getter]
    fn dates(&self) -> PyResult<PyTable> {
        py_table(&self.tables.dates)
    }
    /// The same quotation across articles.
    #[getter]
    fn clusters(&self) -> PyResult<PyTable> {
        py_table(&self.tables.clusters)
    }
    /// Inputs that could not be processed, and why.
    #[getter]
    fn errors(&self) -> PyResult<PyTable> {
        py_table(&self.tables.errors)
    }

    /// The table called `name` (one of `sayso.TABLES`).
    fn table(&self, name: &str) -> PyResult<PyTable> {
        match self.tables.get(name) {
            Some(batch) => py_table(batch),
            None => Err(PyValueError::new_err(format!(
                "no table {name:?}; tables are {}",
                TABLE_NAMES.join(", ")
            ))),
        }
    }

    /// Row counts per table.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for name in TABLE_NAMES {
            d.set_item(name, self.tables.get(name).map_or(0, |b| b.num_rows()))?;
        }
        Ok(d)
    }

    /// A dict of `polars.DataFrame`, one per table.
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("sayso._frames")?
            .call_method1("to_polars", (slf,))
    }

    /// A dict of `pandas.DataFrame` (pyarrow-backed `ArrowDtype` columns), one per table.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("sayso._frames")?
            .call_method1("to_pandas", (slf,))
    }

    fn __repr__(&self) -> String {
        let counts: Vec<String> = TABLE_NAMES
            .iter()
            .map(|name| {
                format!(
                    "{name}={}",
                    self.tables.get(name).map_or(0, |b| b.num_rows())
                )
            })
            .collect();
        format!("Extraction({})", counts.join(", "))
    }
}

fn build_tables(
    py: Python<'_>,
    articles: Vec<Article>,
    jobs: Option<usize>,
) -> PyResult<PyExtraction> {
    let tables = run_detached(py, move || {
        let (extractions, errors) = crate::pipeline::extract_batch(articles, jobs);
        table::build(&extractions, &errors)
    })?;
    Ok(PyExtraction { tables })
}

/// Extract quotes, claims, speakers and dates from one article.
///
/// `published` is an ISO 8601 date string or a `datetime.date`; the other
/// fields are optional metadata carried to the `articles` table. Offsets in
/// every table are code point offsets, so `text[start:end]` is the span.
///
/// >>> x = sayso.extract("“We will win,” Maria Lopez said.", published="2024-05-01", id="a1")
/// >>> q = pyarrow.table(x.quotes).to_pylist()[0]
/// >>> (q["text"], q["speaker"], q["date"])
/// ('We will win,', 'Maria Lopez', datetime.date(2024, 5, 1))
#[pyfunction]
#[pyo3(signature = (text, *, published=None, id=None, title=None, source=None, url=None, language=None))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
    title: Option<&Bound<'_, PyAny>>,
    source: Option<&Bound<'_, PyAny>>,
    url: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyExtraction> {
    let Ok(text) = text.cast::<PyString>() else {
        return Err(InputError::new_err(format!(
            "text must be a string, not {}",
            text.get_type().name()?
        )));
    };
    let article = Article {
        id: opt_str(id, "id", None)?,
        text: utf8(text, "text", None)?,
        title: opt_str(title, "title", None)?,
        source: opt_str(source, "source", None)?,
        url: opt_str(url, "url", None)?,
        published: published_arg(published, None)?,
        language: opt_str(language, "language", None)?,
    };
    build_tables(py, vec![article], Some(1))
}

/// Extract from many articles in parallel; rows keep the input order.
///
/// Each item is a `str` (the text) or a dict with a `text` string and any of
/// `id`, `title`, `source`, `url`, `published`, `language`. An item that is
/// neither raises `InputError` naming its index. `jobs` threads (default: all cores).
///
/// >>> x = sayso.extract_batch(["“Yes,” Ann Lee said.", {"id": "b", "text": "No news."}])
/// >>> pyarrow.table(x.articles).column("article_id").to_pylist()[1]
/// 'b'
#[pyfunction]
#[pyo3(signature = (articles, *, jobs=None))]
fn extract_batch(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    jobs: Option<usize>,
) -> PyResult<PyExtraction> {
    if articles.is_instance_of::<PyString>() || articles.is_instance_of::<PyDict>() {
        return Err(InputError::new_err(
            "articles must be an iterable of str or dict (wrap a single article in a list)",
        ));
    }
    let mut batch = Vec::new();
    for (index, item) in articles.try_iter()?.enumerate() {
        batch.push(article_from_item(&item?, index)?);
    }
    build_tables(py, batch, jobs)
}

/// A path argument: `str` or any `os.PathLike`.
fn fspath(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let os = obj.py().import("os")?;
    let p = os.call_method1("fspath", (obj,))?;
    match p.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(InputError::new_err(
            "paths must be str or os.PathLike of str, not bytes",
        )),
    }
}

fn parse_format(format: &str) -> PyResult<Format> {
    Ok(match format {
        "auto" => Format::Auto,
        "jsonl" => Format::Jsonl,
        "txt" => Format::Txt,
        "parquet" => Format::Parquet,
        "csv" => Format::Csv,
        other => {
            return Err(PyValueError::new_err(format!(
                "format must be one of auto, jsonl, txt, parquet, csv; got {other:?}"
            )))
        }
    })
}

/// Convert input files into an output directory of Parquet tables; returns the manifest.
///
/// The same run as `sayso convert`: `inputs` is a path or a list of paths
/// (JSON Lines, `.txt` directories or globs, Parquet, CSV); fields can be
/// renamed (`text_field="body"`). Raises `InputError` when an input does not
/// exist, `OutputExistsError` when `out` exists and `overwrite` is false, and
/// with `strict=True` an `OutputError` when any input row failed (the output
/// is still written). Articles longer than `max_article_bytes` (default
/// 20 MB) become `errors` rows.
///
/// >>> manifest = sayso.convert("articles.jsonl", "out", overwrite=True)  # doctest: +SKIP
/// >>> manifest["counts"]["quotes"]  # doctest: +SKIP
/// 42
#[pyfunction]
#[pyo3(signature = (
    inputs, out, *, jobs=None, overwrite=false, strict=false, format="auto",
    text_field="text", id_field="id", title_field="title", source_field="source",
    url_field="url", published_field="published", language_field="language",
    max_article_bytes=None
))]
#[allow(clippy::too_many_arguments)]
fn convert<'py>(
    py: Python<'py>,
    inputs: &Bound<'py, PyAny>,
    out: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    overwrite: bool,
    strict: bool,
    format: &str,
    text_field: &str,
    id_field: &str,
    title_field: &str,
    source_field: &str,
    url_field: &str,
    published_field: &str,
    language_field: &str,
    max_article_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let single = inputs.is_instance_of::<PyString>() || inputs.hasattr("__fspath__")?;
    let specs: Vec<String> = if single {
        vec![fspath(inputs)?]
    } else {
        let mut v = Vec::new();
        for item in inputs.try_iter()? {
            v.push(fspath(&item?)?);
        }
        v
    };
    let out = PathBuf::from(fspath(out)?);
    let opts = ConvertOptions {
        jobs,
        overwrite,
        strict,
        input: InputOptions {
            format: parse_format(format)?,
            fields: FieldMap {
                text: text_field.into(),
                id: id_field.into(),
                title: title_field.into(),
                source: source_field.into(),
                url: url_field.into(),
                published: published_field.into(),
                language: language_field.into(),
            },
        },
        max_article_bytes,
        // clusters on and one file per table, as the CLI defaults
        ..ConvertOptions::default()
    };
    let manifest = run_detached(py, move || {
        crate::pipeline::convert(&specs, &out, &opts, None)
    })?;
    let json = serde_json::to_string(&manifest)
        .map_err(|e| SaysoError::new_err(format!("manifest: {e}")))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// Turn the records of one Arrow batch into articles and `errors` rows,
/// by the rules `convert` applies while reading (warnings and oversize
/// articles become rows; duplicate ids are left to the caller, since a
/// batch cannot see the other batches of a distributed run).
fn admit(records: Vec<crate::input::Record>) -> (Vec<Article>, Vec<ErrorRow>) {
    let mut articles = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    for rec in records {
        let article = match rec.result {
            Ok(a) => a,
            Err(error) => {
                errors.push(ErrorRow {
                    input: rec.location,
                    article_id: None,
                    error,
                });
                continue;
            }
        };
        let id = article.article_id();
        for w in rec.warnings {
            errors.push(ErrorRow {
                input: rec.location.clone(),
                article_id: Some(id.clone()),
                error: w,
            });
        }
        if article.text.len() > DEFAULT_MAX_ARTICLE_BYTES {
            errors.push(ErrorRow {
                input: rec.location,
                article_id: Some(id),
                error: format!(
                    "article text is {:.1} MB, over the limit of {:.1} MB; split it",
                    article.text.len() as f64 / 1e6,
                    DEFAULT_MAX_ARTICLE_BYTES as f64 / 1e6
                ),
            });
            continue;
        }
        articles.push(article);
    }
    (articles, errors)
}

/// Extract every table from an Arrow record batch (or table) of articles, one article
/// per row (the entry point of distributed runs: Arrow in, Arrow out, no
/// Python objects per row).
///
/// Columns are read by name (`text`, `id`, `title`, `source`, `url`,
/// `published`, `language`; only `text` is required) with the same rules as
/// a Parquet input of `convert`, so the same article gives the same rows and
/// ids. A row that cannot be an article becomes an `errors` row located at
/// `{label}:{first_row + i + 1}`. `jobs` threads (default 1: distributed
/// engines give each task one core).
///
/// >>> b = pyarrow.record_batch({"id": ["a1"], "text": ["“Yes,” Ann Lee said."]})
/// >>> pyarrow.table(sayso.extract_arrow(b).quotes).column("quote_id").to_pylist()
/// ['a1:q:1']
#[pyfunction]
#[pyo3(signature = (batch, *, label="batch", first_row=0, jobs=1))]
fn extract_arrow(
    py: Python<'_>,
    batch: &Bound<'_, PyAny>,
    label: &str,
    first_row: u64,
    jobs: usize,
) -> PyResult<PyExtraction> {
    let batches = arrow_batches(batch)?;
    let label = label.to_string();
    let tables = run_detached(py, move || {
        let fields = FieldMap::default();
        let mut records = Vec::new();
        let mut row = first_row;
        for b in &batches {
            records.extend(crate::input::batch_records(b, &label, row, &fields));
            row += b.num_rows() as u64;
        }
        drop(batches);
        let (articles, mut errors) = admit(records);
        let (extractions, panics) = crate::pipeline::extract_batch(articles, Some(jobs.max(1)));
        errors.extend(panics);
        table::build(&extractions, &errors)
    })?;
    Ok(PyExtraction { tables })
}

/// The record batches of an Arrow batch (`__arrow_c_array__`) or table or
/// stream (`__arrow_c_stream__`); anything else is an input error.
fn arrow_batches(obj: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    if obj.hasattr("__arrow_c_array__")? {
        return Ok(vec![obj.extract::<PyRecordBatch>()?.into_inner()]);
    }
    if obj.hasattr("__arrow_c_stream__")? {
        return Ok(obj.extract::<PyTable>()?.into_inner().0);
    }
    Err(InputError::new_err(format!(
        "expected an Arrow record batch or table (an object with __arrow_c_array__ or __arrow_c_stream__, such as pyarrow.RecordBatch), not {}",
        obj.get_type().name()?
    )))
}

/// Cluster quotations across articles, as the corpus-wide pass of `convert`.
///
/// `quotes` holds the `quotes` columns `quote_id`, `article_id`, `text`,
/// `speaker`, `speaker_id` (strings), `start` (int32) and `date` (date32),
/// the rows of an article together and in order of `start`; `articles` the
/// `articles` columns `article_id` (string) and `source` (dictionary of
/// strings). Returns the `clusters` table and a table of `quote_id`,
/// `cluster_id`, one row per quotes row in the same order.
///
/// >>> clusters, ids = sayso.cluster_quotes(quotes_batch, articles_batch)  # doctest: +SKIP
#[pyfunction]
fn cluster_quotes(
    py: Python<'_>,
    quotes: PyRecordBatch,
    articles: PyRecordBatch,
) -> PyResult<(PyTable, PyTable)> {
    let (quotes, articles) = (quotes.into_inner(), articles.into_inner());
    let (clusters, ids) = run_detached(py, move || {
        // the outlet of each article, whatever the order of the articles rows
        let sources = article_sources(&articles)?;
        let sketches = table::sketches_with(&quotes, |a| sources.get(a).cloned())?;
        let column = |name: &str| {
            quotes
                .column_by_name(name)
                .and_then(|c| c.as_any().downcast_ref::<arrow_array::StringArray>())
                .cloned()
                .ok_or_else(|| Error::Input(format!("quotes.{name} must be a string column")))
        };
        let (text, quote_ids) = (column("text")?, column("quote_id")?);
        let texts: Vec<&str> = (0..arrow_array::Array::len(&text))
            .map(|i| text.value(i))
            .collect();
        let (found, assignment) = crate::clusters::cluster_texts(&sketches, &texts);
        let cluster_ids: arrow_array::StringArray = assignment
            .iter()
            .map(|&c| found.get(c).map(|f| f.cluster_id.as_str()))
            .collect();
        let ids = RecordBatch::try_from_iter([
            (
                "quote_id",
                std::sync::Arc::new(quote_ids) as arrow_array::ArrayRef,
            ),
            (
                "cluster_id",
                std::sync::Arc::new(cluster_ids) as arrow_array::ArrayRef,
            ),
        ])?;
        Ok((table::build_clusters(&found)?, ids))
    })?;
    Ok((py_table(&clusters)?, py_table(&ids)?))
}

/// `article_id` → `source` of an `articles` batch (source as plain or
/// dictionary-encoded strings).
fn article_sources(
    articles: &RecordBatch,
) -> crate::error::Result<rustc_hash::FxHashMap<String, String>> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int32Type;
    use arrow_array::{Array, ArrayAccessor, StringArray};
    let ids = articles
        .column_by_name("article_id")
        .and_then(|c| c.as_any().downcast_ref::<StringArray>())
        .ok_or_else(|| Error::Input("articles.article_id must be a string column".into()))?;
    let column = articles
        .column_by_name("source")
        .ok_or_else(|| Error::Input("articles has no source column".into()))?;
    let source_at: Box<dyn Fn(usize) -> Option<String>> =
        if let Some(plain) = column.as_any().downcast_ref::<StringArray>() {
            Box::new(move |i| plain.is_valid(i).then(|| plain.value(i).to_string()))
        } else if let Some(dict) = column
            .as_dictionary_opt::<Int32Type>()
            .and_then(|d| d.downcast_dict::<StringArray>())
        {
            Box::new(move |i| dict.is_valid(i).then(|| dict.value(i).to_string()))
        } else {
            return Err(Error::Input(
                "articles.source must be strings or a dictionary of strings".into(),
            ));
        };
    let mut out = rustc_hash::FxHashMap::default();
    for i in 0..ids.len() {
        if let (true, Some(src)) = (ids.is_valid(i), source_at(i)) {
            out.entry(ids.value(i).to_string()).or_insert(src);
        }
    }
    Ok(out)
}

/// The Arrow schema of table `name`, or None for an unknown name.
///
/// >>> pyarrow.schema(sayso.schema("quotes")).field("start").type
/// DataType(int32)
#[pyfunction]
fn schema(name: &str) -> Option<PySchema> {
    table::schema(name).map(PySchema::new)
}

/// Run the command line with `argv` (including the program name); returns the exit code.
///
/// >>> sayso.cli_main(["sayso", "--version"])  # doctest: +SKIP
/// 0
#[pyfunction]
fn cli_main(py: Python<'_>, argv: Vec<String>) -> PyResult<i32> {
    #[cfg(feature = "cli")]
    return run_detached(py, move || Ok(crate::cli::main_from_args(argv)));
    #[cfg(not(feature = "cli"))]
    {
        let _ = (py, argv);
        Err(SaysoError::new_err(
            "this build of sayso has no command line (feature `cli`)",
        ))
    }
}

#[pymodule(gil_used = false)]
fn _sayso(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", crate::VERSION)?;
    m.add("SCHEMA_VERSION", crate::SCHEMA_VERSION)?;
    m.add("TABLES", PyList::new(py, TABLE_NAMES)?.to_tuple())?;
    m.add("SaysoError", py.get_type::<SaysoError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("OutputError", py.get_type::<OutputError>())?;
    m.add("OutputExistsError", py.get_type::<OutputExistsError>())?;
    m.add("EvalError", py.get_type::<EvalError>())?;
    m.add_class::<PyExtraction>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(convert, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    Ok(())
}
