//! Fuzzing of every reader: valid seed inputs (written here, no corpus text)
//! damaged byte by byte — truncated, bits flipped, NULs, invalid UTF-8,
//! byte order marks, stray quotes and delimiters, huge lines inserted — then
//! read through `sayso::input::open`. What must hold for every input:
//!
//! - no panic, and an answer within [`HANG`] (a reader never hangs);
//! - every record is accounted for: for JSON Lines each non-blank line is
//!   exactly one record, an article exactly when the line is a JSON object
//!   with a string `text` (checked against `serde_json` as an independent
//!   oracle); for CSV each row the `csv` crate finds (leniently, any number
//!   of fields) is exactly one record, an article exactly when it has the
//!   header's number of fields and is UTF-8; a .txt file is one record;
//! - a damaged compressed stream keeps the complete lines read before the
//!   damage and adds ONE error record for the file, last; it never drops rows
//!   silently (no error record means every row of the intact input);
//! - error records carry the file, the line or row (`path:N`) when there is
//!   one, and a non-empty reason.
//!
//! Cases per reader: `PROPTEST_CASES` (default 256; each case is a few
//! milliseconds); standard input through the binary: `SAYSO_STDIN_CASES`
//! (default 24). The bounded random run by hand, like `fuzz_extract`:
//!
//! ```text
//! SAYSO_FUZZ_SECS=120 cargo test --release --test tests -- --ignored fuzz_readers --nocapture
//! ```
//!
//! (`SAYSO_FUZZ_READER=csv` runs one reader). It writes every failing input
//! to `tests/data/crashers/readers/`, which `replay_reader_crashers` reads on
//! every `cargo test`.

use std::fs;
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use sayso::input::{open, InputOptions, Record};

/// A reader that has not answered after this long is taken to hang (the
/// largest case is a few hundred kilobytes, read in milliseconds).
const HANG: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------------------
// Readers and their seeds.

/// A compressor of a whole file.
type Compress = fn(&[u8]) -> Vec<u8>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Jsonl,
    JsonlGz,
    JsonlZst,
    Txt,
    TxtGz,
    Csv,
    CsvZst,
    Parquet,
}

const READERS: [Reader; 8] = [
    Reader::Jsonl,
    Reader::JsonlGz,
    Reader::JsonlZst,
    Reader::Txt,
    Reader::TxtGz,
    Reader::Csv,
    Reader::CsvZst,
    Reader::Parquet,
];

impl Reader {
    fn ext(self) -> &'static str {
        match self {
            Reader::Jsonl => "jsonl",
            Reader::JsonlGz => "jsonl.gz",
            Reader::JsonlZst => "jsonl.zst",
            Reader::Txt => "txt",
            Reader::TxtGz => "txt.gz",
            Reader::Csv => "csv",
            Reader::CsvZst => "csv.zst",
            Reader::Parquet => "parquet",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Reader::Jsonl => "jsonl",
            Reader::JsonlGz => "jsonl-gz",
            Reader::JsonlZst => "jsonl-zst",
            Reader::Txt => "txt",
            Reader::TxtGz => "txt-gz",
            Reader::Csv => "csv",
            Reader::CsvZst => "csv-zst",
            Reader::Parquet => "parquet",
        }
    }

    fn from_file_name(name: &str) -> Option<Reader> {
        READERS
            .into_iter()
            .filter(|r| name.ends_with(&format!(".{}", r.ext())))
            .max_by_key(|r| r.ext().len())
    }

    /// The uncompressed seed the mutations start from.
    fn seed(self) -> Vec<u8> {
        match self {
            Reader::Jsonl | Reader::JsonlGz | Reader::JsonlZst => JSONL_SEED.as_bytes().to_vec(),
            Reader::Txt | Reader::TxtGz => TXT_SEED.as_bytes().to_vec(),
            Reader::Csv | Reader::CsvZst => CSV_SEED.as_bytes().to_vec(),
            Reader::Parquet => parquet_seed().to_vec(),
        }
    }

    fn compression(self) -> Option<Compress> {
        match self {
            Reader::JsonlGz | Reader::TxtGz => Some(gzip),
            Reader::JsonlZst | Reader::CsvZst => Some(zstd),
            _ => None,
        }
    }
}

const JSONL_SEED: &str = concat!(
    r#"{"id": "s1", "text": "“The bridge opens in June,” Ilse Marrow said on Tuesday.", "published": "2022-05-03", "title": "Bridge"}"#,
    "\n",
    r#"{"id": 2, "text": "Tarn Okafor told the board that costs rose.\nIt was late.", "extra": {"deep": [1, {"x": null}]}}"#,
    "\n\n",
    r#"{"text": "Escapes: \"quoted\" \u00e9 \ud83d\ude00 \\ end", "source": "The Example Post", "published": "yesterday"}"#,
    "\r\n",
    r#"{"id": "s4", "text": "", "language": "en", "url": null}"#,
    "\n",
    r#"{"id": "s5", "text": "Kurz: « Nein », sagte Vera Lind."}"#,
    "\n",
    r#"[1, 2, 3]"#,
    "\n",
    r#"{"id": "s7", "text": 42}"#,
    "\n",
    r#"{"id": "s8", "text": "Last line without a newline."}"#,
);

const TXT_SEED: &str = "Harbour works stall\n\n“We are two months behind,” said Pell Ardent, the site manager.\nCafé owners — and one 🚢 fan — complained.\n";

const CSV_SEED: &str = concat!(
    "id,title,text,published\n",
    "c1,Plain,The council met on Monday.,2021-02-03\n",
    "c2,\"Comma, title\",\"“We will appeal,” Rosa Quill said, twice.\",2021-02-04\n",
    "c3,Quotes,\"She said \"\"no\"\" and left.\nA second line.\",\n",
    "c4,,Ünïcödé text 🎈 here.,not a date\n",
    "c5,Last,\"Tail row\",2021-02-05",
);

/// A Parquet file of 30 rows in row groups of 8, with a null text and a
/// typed date column.
fn parquet_seed() -> &'static [u8] {
    static SEED: OnceLock<Vec<u8>> = OnceLock::new();
    SEED.get_or_init(|| {
        use arrow_array::{ArrayRef, Date32Array, RecordBatch, StringArray};
        let ids: Vec<String> = (0..30).map(|i| format!("p{i}")).collect();
        let texts: Vec<Option<String>> = (0..30)
            .map(|i| (i != 7).then(|| format!("“Row {i} is here,” Nils Aubert said. Café ✓ {i}.")))
            .collect();
        let dates: Vec<Option<i32>> = (0..30)
            .map(|i| (i % 4 != 0).then_some(19_000 + i))
            .collect();
        let batch = RecordBatch::try_from_iter([
            ("id", Arc::new(StringArray::from(ids)) as ArrayRef),
            ("text", Arc::new(StringArray::from(texts)) as ArrayRef),
            ("published", Arc::new(Date32Array::from(dates)) as ArrayRef),
        ])
        .unwrap();
        let props = parquet::file::properties::WriterProperties::builder()
            .set_max_row_group_row_count(Some(8))
            .build();
        let mut buf = Vec::new();
        let mut w =
            parquet::arrow::ArrowWriter::try_new(&mut buf, batch.schema(), Some(props)).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        buf
    })
}

const PARQUET_ROWS: u64 = 30;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// With a frame checksum, as the zstd command line writes by default.
fn zstd(bytes: &[u8]) -> Vec<u8> {
    let mut e = zstd::stream::write::Encoder::new(Vec::new(), 3).unwrap();
    e.include_checksum(true).unwrap();
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

// ---------------------------------------------------------------------------
// Mutations.

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    FlipBit(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
}

const PIECES: &[&[u8]] = &[
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\"",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"\n",
    b"\r",
    b"\r\n",
    b",",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"text\": ",
    b"\"\"",
    b"null",
    b"1e999",
    b"\x1b[31m",
    "\u{202e}\u{200f}".as_bytes(),
    "e\u{301}\u{301}".as_bytes(),
    "👩‍👩‍👧".as_bytes(),
];

/// Pieces that break parsers: NUL, lone and overlong UTF-8 bytes, a UTF-16
/// surrogate in UTF-8, byte order marks, line ends, JSON and CSV syntax, and
/// long runs (a huge line, many quotation marks).
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        2 => prop::collection::vec(any::<u8>(), 1..64),
        1 => (1usize..200_000).prop_map(|n| vec![b'x'; n]),
        1 => (1usize..50_000).prop_map(|n| vec![b'"'; n]),
        1 => (1usize..20_000).prop_map(|n| "“".repeat(n).into_bytes()),
        1 => (1usize..5_000).prop_map(|n| "[".repeat(n).into_bytes()),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>;
    prop_oneof![
        1 => at().prop_map(Mutation::Truncate),
        3 => (at(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        4 => (at(), piece()).prop_map(|(i, p)| Mutation::Insert(i, p)),
        1 => (at(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (at(), 1usize..400).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let pos = |i: &prop::sample::Index| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::Truncate(i) => bytes.truncate(pos(i)),
        Mutation::FlipBit(i, b) if len > 0 => bytes[i.index(len)] ^= 1 << b,
        Mutation::FlipBit(..) => {}
        Mutation::Insert(i, p) => {
            let at = pos(i);
            bytes.splice(at..at, p.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = pos(i);
            bytes.drain(at..(at + n).min(len));
        }
        Mutation::Duplicate(i, n) => {
            let at = pos(i);
            let copy = bytes[at..(at + n).min(len)].to_vec();
            bytes.splice(at..at, copy);
        }
    }
}

/// Damage done to the compressed bytes, after compression.
#[derive(Debug, Clone)]
enum Damage {
    None,
    Truncate(prop::sample::Index),
    FlipBit(prop::sample::Index, u8),
}

#[derive(Debug, Clone)]
struct Case {
    reader: Reader,
    /// The (mutated) uncompressed content.
    plain: Vec<u8>,
    damage: Damage,
}

impl Case {
    /// The bytes of the input file.
    fn file(&self) -> Vec<u8> {
        let Some(compress) = self.reader.compression() else {
            return self.plain.clone();
        };
        let mut bytes = compress(&self.plain);
        match &self.damage {
            Damage::None => {}
            Damage::Truncate(i) => bytes.truncate(i.index(bytes.len())),
            Damage::FlipBit(i, b) => {
                let at = i.index(bytes.len());
                bytes[at] ^= 1 << b;
            }
        }
        bytes
    }
}

fn case(reader: Reader) -> impl Strategy<Value = Case> {
    let damage = prop_oneof![
        2 => Just(Damage::None),
        1 => any::<prop::sample::Index>().prop_map(Damage::Truncate),
        1 => (any::<prop::sample::Index>(), 0u8..8).prop_map(|(i, b)| Damage::FlipBit(i, b)),
    ];
    (prop::collection::vec(mutation(), 0..6), damage).prop_map(move |(ms, damage)| {
        let mut plain = reader.seed();
        for m in &ms {
            apply(&mut plain, m);
        }
        Case {
            reader,
            plain,
            damage,
        }
    })
}

// ---------------------------------------------------------------------------
// Reading, with the panic and hang oracles.

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// Every record of `path`, read on another thread so that a hang is reported
/// instead of blocking the test run.
fn read_all(path: &Path) -> Result<Vec<Record>, String> {
    let spec = path.display().to_string();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = panic::catch_unwind(|| {
            open(&[spec], &InputOptions::default()).map(|i| i.collect::<Vec<_>>())
        });
        let _ = tx.send(r.map_err(|p| panic_message(&*p)));
    });
    match rx.recv_timeout(HANG) {
        Ok(Ok(Ok(records))) => Ok(records),
        Ok(Ok(Err(e))) => Err(format!("open failed: {e}")),
        Ok(Err(p)) => Err(format!("panic: {p}")),
        Err(_) => Err(format!(
            "no answer after {} s: the reader hangs",
            HANG.as_secs()
        )),
    }
}

/// Row records (`label:N`) by number, and the file-level error records.
struct Split {
    rows: Vec<(u64, bool)>,
    file_errors: usize,
}

/// The invariants that hold whatever the input: locations name the file and
/// a line or row in increasing order, a file-level record is an error and
/// comes last, every reason and warning says something.
fn well_formed(reader: Reader, label: &str, records: &[Record]) -> Result<Split, String> {
    let mut split = Split {
        rows: Vec::new(),
        file_errors: 0,
    };
    for (i, r) in records.iter().enumerate() {
        if let Err(reason) = &r.result {
            if reason.trim().is_empty() {
                return Err(format!("record {i} ({}) has an empty reason", r.location));
            }
        }
        if r.warnings.iter().any(|w| w.trim().is_empty()) {
            return Err(format!("record {i} ({}) has an empty warning", r.location));
        }
        if r.location == label {
            if reader == Reader::Txt || reader == Reader::TxtGz {
                continue;
            }
            if r.result.is_ok() {
                return Err(format!("record {i}: an article located at the file only"));
            }
            if i + 1 != records.len() {
                return Err(format!(
                    "record {i}: a file-level error that is not the last record"
                ));
            }
            split.file_errors += 1;
            continue;
        }
        let n: u64 = r
            .location
            .strip_prefix(label)
            .and_then(|s| s.strip_prefix(':'))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("record {i}: location {:?} is not {label}:N", r.location))?;
        if let Some(&(last, _)) = split.rows.last() {
            if n <= last {
                return Err(format!("record {i}: row {n} after row {last}"));
            }
        }
        split.rows.push((n, r.result.is_ok()));
    }
    if matches!(reader, Reader::Txt | Reader::TxtGz) && records.len() != 1 {
        return Err(format!(
            "a .txt file gave {} records, not one",
            records.len()
        ));
    }
    Ok(split)
}

// ---------------------------------------------------------------------------
// Independent oracles: what the records must be, from the input alone.

/// JSON Lines: (line number, is an article) for every non-blank line;
/// `None` when either answer is right (see [`jsonl_line`]).
fn jsonl_oracle(bytes: &[u8]) -> Vec<(u64, Option<bool>)> {
    let mut out = Vec::new();
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    for (i, line) in lines.into_iter().enumerate() {
        let n = i as u64 + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = if n == 1 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push((n, jsonl_line(line)));
    }
    out
}

/// Whether one line is an article: a JSON object with a string `text`.
/// A lone UTF-16 surrogate escape (`"\ud800"`) or a number out of the f64
/// range (`1e999`) is where JSON parsers legitimately differ:
/// `serde_json::Value` refuses them anywhere, the reader only in the fields
/// it keeps (it skips the others unparsed), so such a line may go either way.
fn jsonl_line(line: &[u8]) -> Option<bool> {
    let Ok(s) = std::str::from_utf8(line) else {
        return Some(false);
    };
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(v) => Some(v.get("text").is_some_and(serde_json::Value::is_string)),
        Err(e) if has_surrogate_escape(s) || e.to_string().contains("number out of range") => None,
        Err(_) => Some(false),
    }
}

/// Whether `s` has a `\uD800`–`\uDFFF` escape.
fn has_surrogate_escape(s: &str) -> bool {
    s.to_ascii_lowercase().match_indices("\\ud").any(|(i, m)| {
        s[i + m.len()..].starts_with(|c: char| matches!(c, '8'..='9' | 'a'..='f' | 'A'..='F'))
    })
}

/// Rows as read against the oracle's rows.
fn agree(rows: &[(u64, bool)], want: &[(u64, Option<bool>)]) -> bool {
    rows.len() == want.len() && rows_prefix(rows, want)
}

fn rows_prefix(rows: &[(u64, bool)], want: &[(u64, Option<bool>)]) -> bool {
    rows.len() <= want.len()
        && rows
            .iter()
            .zip(want)
            .all(|(r, w)| r.0 == w.0 && w.1.is_none_or(|a| a == r.1))
}

/// CSV: `None` when the file gives one error record instead of rows (no
/// text column, or a header that is not UTF-8); else (row, is an article)
/// for every row the lenient reader finds.
fn csv_oracle(bytes: &[u8]) -> Option<Vec<(u64, Option<bool>)>> {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = r.byte_headers().ok()?.clone();
    if header.is_empty() {
        return Some(Vec::new());
    }
    let names: Vec<&str> = header
        .iter()
        .map(|h| std::str::from_utf8(h).ok())
        .collect::<Option<_>>()?;
    let has_text = names.iter().enumerate().any(|(i, h)| {
        (if i == 0 {
            h.trim_start_matches('\u{feff}')
        } else {
            h
        }) == "text"
    });
    if !has_text {
        return None;
    }
    let mut out = Vec::new();
    for (i, row) in r.byte_records().enumerate() {
        let row = row.expect("in-memory CSV");
        let article =
            row.len() == header.len() && row.iter().all(|f| std::str::from_utf8(f).is_ok());
        out.push((i as u64 + 1, Some(article)));
    }
    Some(out)
}

/// The text a .txt reader must give for these bytes, when they are UTF-8.
fn txt_oracle(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()
}

// ---------------------------------------------------------------------------
// The check of one case.

/// Reads the case's file and checks every invariant; `Err` says which broke.
fn check(case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join(format!("in.{}", case.reader.ext()));
    let file = case.file();
    fs::write(&path, &file).map_err(|e| e.to_string())?;
    let label = path.display().to_string();
    let records = read_all(&path)?;
    let split = well_formed(case.reader, &label, &records)?;
    let intact = matches!(case.damage, Damage::None) || case.reader.compression().is_none();
    let empty = file.is_empty();
    match case.reader {
        Reader::Jsonl | Reader::JsonlGz | Reader::JsonlZst => {
            let want = if empty {
                Vec::new()
            } else {
                jsonl_oracle(&case.plain)
            };
            if intact || split.file_errors == 0 {
                // Intact, or damage the decoder did not notice: every line, exactly.
                if split.file_errors != 0 {
                    return Err(format!("an error for an intact stream: {records:?}"));
                }
                if !agree(&split.rows, &want) {
                    return Err(format!("rows {:?}\nexpected {want:?}", split.rows));
                }
            } else if matches!(case.damage, Damage::Truncate(_)) && !rows_prefix(&split.rows, &want)
            {
                // Truncated: the complete lines before the cut, then the error.
                return Err(format!(
                    "rows of a truncated stream {:?} are not a prefix of {want:?}",
                    split.rows
                ));
            }
        }
        Reader::Txt | Reader::TxtGz => {
            let r = &records[0];
            if empty {
                // An empty .txt is one empty article; an empty .txt.gz is
                // not a gzip stream at all, so one error.
                return match (&r.result, case.reader) {
                    (Ok(a), Reader::Txt) if a.text.is_empty() => Ok(()),
                    (Err(_), Reader::TxtGz) => Ok(()),
                    (other, _) => Err(format!("an empty file gave {other:?}")),
                };
            }
            match (&r.result, intact || r.result.is_ok()) {
                (Ok(a), true) => {
                    if let Some(text) = txt_oracle(&case.plain) {
                        if a.text != text {
                            return Err("the text differs from the UTF-8 file".into());
                        }
                        if !r.warnings.is_empty() {
                            return Err(format!("warnings on a UTF-8 file: {:?}", r.warnings));
                        }
                    } else if r.warnings.len() != 1 {
                        return Err(format!(
                            "a file that is not UTF-8 must give one warning: {:?}",
                            r.warnings
                        ));
                    }
                    if a.id.as_deref() != Some("in") {
                        return Err(format!("id {:?}, expected the stem", a.id));
                    }
                }
                (Err(e), true) => return Err(format!("an intact .txt gave an error: {e}")),
                (_, false) => {}
            }
        }
        Reader::Csv | Reader::CsvZst => {
            let want = if empty {
                Some(Vec::new())
            } else {
                csv_oracle(&case.plain)
            };
            match want {
                None => {
                    if intact && (records.len() != 1 || split.file_errors != 1) {
                        return Err(format!("expected one error for the file: {records:?}"));
                    }
                }
                Some(want) => {
                    if intact || split.file_errors == 0 {
                        if split.file_errors != 0 || !agree(&split.rows, &want) {
                            return Err(format!(
                                "rows {:?} (file errors {})\nexpected {want:?}",
                                split.rows, split.file_errors
                            ));
                        }
                    } else if matches!(case.damage, Damage::Truncate(_))
                        && !rows_prefix(&split.rows, &want)
                    {
                        return Err(format!(
                            "rows of a truncated stream {:?} are not a prefix of {want:?}",
                            split.rows
                        ));
                    }
                }
            }
        }
        Reader::Parquet => {
            let numbers: Vec<u64> = split.rows.iter().map(|r| r.0).collect();
            let k = numbers.len() as u64;
            if numbers != (1..=k).collect::<Vec<_>>() {
                return Err(format!("rows not numbered 1..{k}: {numbers:?}"));
            }
            // Untouched bytes: every row; damaged: all rows, or an error says why.
            if case.plain == parquet_seed() && (split.file_errors != 0 || k != PARQUET_ROWS) {
                return Err(format!(
                    "the seed gave {k} rows and {} errors",
                    split.file_errors
                ));
            }
            if split.file_errors == 0 && k != 0 && k != PARQUET_ROWS {
                return Err(format!(
                    "{k} of {PARQUET_ROWS} rows without an error record"
                ));
            }
        }
    }
    Ok(())
}

fn config(default_cases: u32) -> ProptestConfig {
    config_from("PROPTEST_CASES", default_cases)
}

/// Cases from `var`, else `default_cases`.
fn config_from(var: &str, default_cases: u32) -> ProptestConfig {
    let cases = std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn run(reader: Reader) {
    let mut runner = TestRunner::new(config(256));
    let result = runner.run(&case(reader), |c| {
        check(&c).map_err(|e| TestCaseError::fail(format!("{e}\nfile bytes: {:?}", c.file())))
    });
    if let Err(e) = result {
        panic!("{} reader: {e}", reader.name());
    }
}

#[test]
fn fuzz_jsonl_plain() {
    run(Reader::Jsonl);
}

#[test]
fn fuzz_jsonl_gzip() {
    run(Reader::JsonlGz);
}

#[test]
fn fuzz_jsonl_zstd() {
    run(Reader::JsonlZst);
}

#[test]
fn fuzz_txt() {
    run(Reader::Txt);
}

#[test]
fn fuzz_txt_gzip() {
    run(Reader::TxtGz);
}

#[test]
fn fuzz_csv() {
    run(Reader::Csv);
}

#[test]
fn fuzz_csv_zstd() {
    run(Reader::CsvZst);
}

#[test]
fn fuzz_parquet() {
    run(Reader::Parquet);
}

// ---------------------------------------------------------------------------
// Standard input, through the binary: JSON Lines piped into `convert -`.

/// `sayso convert -` on `bytes`: (exit code, articles, errors) from the manifest.
fn convert_stdin(bytes: &[u8]) -> Result<(i32, u64, u64), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args([
            "convert",
            "-",
            "--out",
            out.to_str().unwrap(),
            "--json",
            "--quiet",
        ])
        .args(["--jobs", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let deadline = Instant::now() + HANG;
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err("convert - did not finish: it hangs".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = writer.join();
    let o = child.wait_with_output().map_err(|e| e.to_string())?;
    let code = o.status.code().ok_or("killed by a signal")?;
    if code != 0 {
        return Err(format!(
            "exit {code}: {}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    let m: serde_json::Value = serde_json::from_slice(&o.stdout).map_err(|e| e.to_string())?;
    let count = |t: &str| m["counts"][t].as_u64().unwrap_or(u64::MAX);
    Ok((code, count("articles"), count("errors")))
}

proptest! {
    // Each case runs the binary: 24 by default, `SAYSO_STDIN_CASES` for more.
    #![proptest_config(config_from("SAYSO_STDIN_CASES", 24))]

    /// Every non-blank line of standard input is an article or an errors row:
    /// articles exactly as the oracle says, errors rows at least for every
    /// other line (warnings and duplicate ids add more).
    #[test]
    fn fuzz_stdin(c in case(Reader::Jsonl).prop_filter("small", |c| c.plain.len() < 40_000)) {
        let want = jsonl_oracle(&c.plain);
        let articles = want.iter().filter(|w| w.1 == Some(true)).count() as u64;
        let either = want.iter().filter(|w| w.1.is_none()).count() as u64;
        let (_, got_articles, got_errors) = convert_stdin(&c.plain).map_err(TestCaseError::fail)?;
        prop_assert!((articles..=articles + either).contains(&got_articles), "{} articles, expected {}: input {:?}", got_articles, articles, String::from_utf8_lossy(&c.plain));
        prop_assert!(got_articles + got_errors >= want.len() as u64);
    }
}

// ---------------------------------------------------------------------------
// Crashers of the readers, replayed on every run.

fn crashers_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/crashers/readers")
}

/// Every file under tests/data/crashers/readers/ is read again: no panic, no
/// hang, well-formed records (the oracle needs the intact input, which a
/// damaged compressed file no longer has).
#[test]
fn replay_reader_crashers() {
    let mut files: Vec<PathBuf> = fs::read_dir(crashers_dir())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut n = 0;
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let Some(reader) = Reader::from_file_name(&name) else {
            continue;
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("in.{}", reader.ext()));
        fs::copy(&f, &path).unwrap();
        let records = read_all(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Err(e) = well_formed(reader, &path.display().to_string(), &records) {
            panic!("{name}: {e}");
        }
        if reader.compression().is_none() {
            let c = Case {
                reader,
                plain: fs::read(&f).unwrap(),
                damage: Damage::None,
            };
            check(&c).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        n += 1;
    }
    eprintln!("replayed {n} reader crasher inputs");
}

/// Runs random cases of every reader (or `SAYSO_FUZZ_READER`) for
/// `SAYSO_FUZZ_SECS` seconds each (default 10), writes each failing input to
/// tests/data/crashers/readers/, and fails when it found any.
#[test]
#[ignore = "bounded fuzz run; use --release and SAYSO_FUZZ_SECS"]
fn fuzz_readers() {
    let secs: u64 = std::env::var("SAYSO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let only = std::env::var("SAYSO_FUZZ_READER").ok();
    let dir = crashers_dir();
    let mut found = Vec::new();
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    for reader in READERS {
        if only.as_deref().is_some_and(|o| o != reader.name()) {
            continue;
        }
        let strategy = case(reader);
        let mut runner = TestRunner::new(config(256));
        let deadline = Instant::now() + Duration::from_secs(secs);
        let mut runs = 0u64;
        let mut failed = 0u64;
        while Instant::now() < deadline {
            let c = strategy.new_tree(&mut runner).expect("generator").current();
            let r = panic::catch_unwind(AssertUnwindSafe(|| check(&c)));
            runs += 1;
            let why = match r {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e,
                Err(p) => format!("the check panicked: {}", panic_message(&*p)),
            };
            failed += 1;
            let file = c.file();
            let name = format!(
                "{}-{:016x}.{}",
                reader.name(),
                sayso::article::fnv1a64(&file),
                reader.ext()
            );
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join(&name), &file).unwrap();
            eprintln!("{name}: {}", why.chars().take(400).collect::<String>());
            found.push(name);
        }
        eprintln!(
            "fuzz_readers {}: {runs} inputs in {secs} s, {failed} failed",
            reader.name()
        );
    }
    panic::set_hook(hook);
    assert!(found.is_empty(), "inputs that fail: {found:?}");
}

#[test]
fn oracles_agree_with_the_seeds() {
    // The seeds themselves: every line or row, as written above.
    assert_eq!(
        jsonl_oracle(JSONL_SEED.as_bytes()),
        [1, 2, 4, 5, 6, 7, 8, 9].map(|n| (n, Some(n < 7 || n == 9)))
    );
    assert_eq!(
        csv_oracle(CSV_SEED.as_bytes()).unwrap(),
        [1, 2, 3, 4, 5].map(|n| (n, Some(true)))
    );
    for reader in READERS {
        let c = Case {
            reader,
            plain: reader.seed(),
            damage: Damage::None,
        };
        check(&c).unwrap_or_else(|e| panic!("{}: {e}", reader.name()));
    }
}
