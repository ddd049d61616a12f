//! The bad-input corpus: one file per kind of bad input, each with the
//! exact articles and `errors` rows it must give, checked end to end through
//! the `sayso` binary (and, from the same `expected.json`, through Python in
//! tests/python/test_badinput.py).
//!
//! The small files are generated here and committed under
//! tests/data/badinput/; `badinput_files_are_up_to_date` fails when they
//! drift from this generator. Regenerate them with
//!
//! ```text
//! SAYSO_WRITE_BADINPUT=1 cargo test --test tests badinput_files_are_up_to_date
//! ```
//!
//! The big files (a 10 MB single-line article, hundreds of thousands of
//! quotation marks, a huge CSV field) are only recipes in `expected.json`,
//! built at test time.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use serde_json::{json, Value};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/badinput")
}

/// One input file and what it must give.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// Ids of its rows in `articles` (in input order).
    articles: Vec<String>,
    /// Its rows in `errors` (bad records, warnings, duplicate ids).
    errors: usize,
    why: &'static str,
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The id sayso gives an article without one.
fn hash_id(text: &str) -> String {
    sayso::Article::new(text).article_id()
}

fn lines(ls: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in ls {
        out.extend_from_slice(l);
        out.push(b'\n');
    }
    out
}

/// Deterministic noise (xorshift64), for the binary cases.
fn noise(n: usize, mut x: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Gzip without compression (stored blocks), so a cut at byte `n` of the
/// content is a cut at byte `n + 15` of the file, and the complete lines
/// before it are known.
fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

const GZIP_STORED_HEADER: usize = 10 + 5;

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 3).unwrap()
}

fn numbered_lines(prefix: &str, n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 1..=n {
        s.push_str(
            &json!({"id": format!("{prefix}-{i}"), "text": format!("“Line {i} is complete,” the clerk said.")})
                .to_string(),
        );
        s.push('\n');
    }
    s.into_bytes()
}

fn parquet_bytes() -> Vec<u8> {
    use arrow_array::{ArrayRef, RecordBatch, StringArray};
    let batch = RecordBatch::try_from_iter([
        (
            "id",
            Arc::new(StringArray::from(vec!["pq-1", "pq-2", "pq-3"])) as ArrayRef,
        ),
        (
            "text",
            Arc::new(StringArray::from(vec!["One.", "Two.", "Three."])) as ArrayRef,
        ),
    ])
    .unwrap();
    let mut buf = Vec::new();
    let mut w = parquet::arrow::ArrowWriter::try_new(&mut buf, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    buf
}

/// Every committed case.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    cases.push(Case {
        name: "invalid_utf8.jsonl",
        bytes: lines(&[
            br#"{"id": "u8-1", "text": "A valid line."}"#,
            b"{\"id\": \"u8-2\", \"text\": \"caf\xe9, a Latin-1 byte\"}",
            b"{\"id\": \"u8-3\", \"text\": \"a character cut short \xe2\x80\"}",
            b"{\"id\": \"u8-4\", \"text\": \"an overlong slash \xc0\xaf\"}",
            b"{\"id\xff\": \"u8-5\", \"text\": \"a bad byte in a key\"}",
            b"{\"id\": \"u8-6\", \"text\": \"a surrogate \xed\xa0\x80 in UTF-8\"}",
        ]),
        articles: ids(&["u8-1"]),
        errors: 5,
        why: "a line that is not UTF-8 is one errors row, wherever the bad byte is",
    });
    let deep = format!(
        "{{\"id\": \"mj-9\", \"text\": \"deep\", \"x\": {}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    let deep_text = format!(
        "{{\"id\": \"mj-12\", \"text\": {}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    cases.push(Case {
        name: "malformed_json.jsonl",
        bytes: lines(&[
            br#"{"id": "mj-1", "text": "Fine."}"#,
            br#"{"id": "mj-2", "text": "no closing brace""#,
            br#"{"id": "mj-3", "text": "a trailing comma",}"#,
            br#"{'id': 'mj-4', 'text': 'single quotes'}"#,
            br#"{id: "mj-5", text: "bare keys"}"#,
            br#"{"id": "mj-6", "text": "two"} {"id": "mj-7", "text": "objects"}"#,
            br#"{"id": "mj-8", "text": NaN}"#,
            deep.as_bytes(),
            br#"{"id": "mj-10", "text": "escapes \"ok\" \u00e9 \\ \/"}"#,
            b"{\"id\": \"mj-11\", \"text\": \"a raw\ttab\"}",
            b"}",
            deep_text.as_bytes(),
        ]),
        articles: ids(&["mj-1", "mj-9", "mj-10"]),
        errors: 9,
        why: "syntax errors, trailing values, raw control characters in strings and nesting past the parser's depth limit in the text are errors rows; escapes are fine, and so is deep nesting in a field that is not read (skipped without recursion)",
    });
    cases.push(Case {
        name: "non_object_lines.jsonl",
        bytes: lines(&[
            b"[1, 2]",
            br#""a string""#,
            b"42",
            b"true",
            b"null",
            br#"{"id": "no-1", "text": "The only object."}"#,
        ]),
        articles: ids(&["no-1"]),
        errors: 5,
        why: "every JSON value that is not an object is an errors row",
    });
    cases.push(Case {
        name: "text_fields.jsonl",
        bytes: lines(&[
            br#"{"id": "tf-1"}"#,
            br#"{"id": "tf-2", "text": null}"#,
            br#"{"id": "tf-3", "text": 7}"#,
            br#"{"id": "tf-4", "text": ["a", "list"]}"#,
            br#"{"id": "tf-5", "text": {"body": "nested"}}"#,
            br#"{"id": "tf-6", "text": false}"#,
            br#"{"id": "tf-7", "text": ""}"#,
            br#"{"id": "tf-8", "text": "   \n  "}"#,
            br#"{"id": "tf-9", "body": "in another field"}"#,
        ]),
        articles: ids(&["tf-7", "tf-8"]),
        errors: 7,
        why: "missing, null and non-string text are errors rows; empty and blank text are articles",
    });
    cases.push(Case {
        name: "published_dates.jsonl",
        bytes: lines(&[
            br#"{"id": "pd-1", "text": "A.", "published": "next tuesday"}"#,
            br#"{"id": "pd-2", "text": "B.", "published": "2021-13-45"}"#,
            br#"{"id": "pd-3", "text": "C.", "published": "31/12/2019"}"#,
            br#"{"id": "pd-4", "text": "D.", "published": 20210304}"#,
            br#"{"id": "pd-5", "text": "E.", "published": true}"#,
            br#"{"id": "pd-6", "text": "F.", "published": ""}"#,
            br#"{"id": "pd-7", "text": "G.", "published": "2021-02-29"}"#,
            br#"{"id": "pd-8", "text": "H.", "published": "2021-03-04T10:00:00+02:00"}"#,
            br#"{"id": "pd-9", "text": "I.", "published": null}"#,
            br#"{"id": "pd-10", "text": "J.", "published": "0000-00-00"}"#,
            br#"{"id": "pd-11", "text": "K.", "published": ["2021-01-01"]}"#,
        ]),
        articles: ids(&[
            "pd-1", "pd-2", "pd-3", "pd-4", "pd-5", "pd-6", "pd-7", "pd-8", "pd-9", "pd-10",
            "pd-11",
        ]),
        errors: 8,
        why: "an unparseable or mistyped date keeps the article, without a date, and adds one errors row; empty and null dates are no date",
    });
    cases.push(Case {
        name: "duplicate_ids.jsonl",
        bytes: lines(&[
            br#"{"id": "dup", "text": "First."}"#,
            br#"{"id": "dup", "text": "Second."}"#,
            br#"{"id": "dup", "text": "Third."}"#,
            br#"{"id": 70, "text": "A numeric id."}"#,
            br#"{"id": "70", "text": "The same id as a string."}"#,
            br#"{"id": "", "text": "No id, same text."}"#,
            br#"{"text": "No id, same text."}"#,
        ]),
        articles: vec![
            "dup".into(),
            "dup~2".into(),
            "dup~3".into(),
            "70".into(),
            "70~2".into(),
            hash_id("No id, same text."),
            format!("{}~2", hash_id("No id, same text.")),
        ],
        errors: 4,
        why: "a repeated id (given, numeric, or the text hash) keeps the article under id~N and adds one errors row",
    });
    cases.push(Case {
        name: "control_chars.jsonl",
        bytes: lines(&[
            br#"{"id": "cc-1", "text": "NUL \u0000 bell \u0007 escape \u001b[31m red \u001b[0m."}"#,
            br#"{"id": "cc-2", "text": "Next line \u0085 line separator \u2028 paragraph \u2029 \u201cWe agree,\u201d said Ana Veld."}"#,
            br#"{"id": "cc-3", "text": "Form feed \f backspace \b delete \u007f."}"#,
            b"{\"id\": \"cc-4\", \"text\": \"a raw \x00 byte\"}",
            b"{\"id\": \"cc-5\", \"text\": \"a raw \x1b escape\"}",
            br#"{"id": "cc-6", "text": "C1 controls \u0080 \u009f."}"#,
        ]),
        articles: ids(&["cc-1", "cc-2", "cc-3", "cc-6"]),
        errors: 2,
        why: "escaped control characters are kept in the text; raw ones inside a JSON string are invalid JSON",
    });
    cases.push(Case {
        name: "bidi_emoji_combining.jsonl",
        bytes: lines(&[
            "{\"id\": \"bx-1\", \"text\": \"\u{202e}The mayor said: «\u{200f}שלום\u{200f}» and left.\u{202c}\"}".as_bytes(),
            "{\"id\": \"bx-2\", \"text\": \"قال الوزير: “سنفوز\u{61c}” أمس.\"}".as_bytes(),
            "{\"id\": \"bx-3\", \"text\": \"“We won 👩‍👩‍👧 🇳🇴 👍🏽!” Kari Nord said.\"}".as_bytes(),
            "{\"id\": \"bx-4\", \"text\": \"“Z\u{338}\u{322}a\u{337}l\u{336}g\u{335}o\u{334} text,” E\u{301}mile Zola\u{308} said.\"}".as_bytes(),
            format!("{{\"id\": \"bx-5\", \"text\": \"{}\"}}", "\u{301}".repeat(5000)).as_bytes(),
            "{\"id\": \"bx-6\", \"text\": \"\u{feff}Zero\u{200b}width\u{200b}spaces, va\u{fe0f}riation \u{2764}\u{fe0f} and \u{1f3f3}\u{fe0f}\u{200d}\u{1f308}.\"}".as_bytes(),
        ]),
        articles: ids(&["bx-1", "bx-2", "bx-3", "bx-4", "bx-5", "bx-6"]),
        errors: 0,
        why: "direction marks, emoji sequences and combining characters are text like any other",
    });
    // 20 lines cut inside line 13: 12 articles and one error for the file.
    let content = numbered_lines("gz", 20);
    let twelve: usize = content
        .split_inclusive(|&b| b == b'\n')
        .take(12)
        .map(<[u8]>::len)
        .sum();
    let mut gz = gzip_stored(&content);
    gz.truncate(GZIP_STORED_HEADER + twelve + 10);
    cases.push(Case {
        name: "truncated.jsonl.gz",
        bytes: gz,
        articles: (1..=12).map(|i| format!("gz-{i}")).collect(),
        errors: 1,
        why: "a cut gzip stream keeps the complete lines before the cut and adds one errors row",
    });
    // One zstd block (the content is small) cannot be decoded in part.
    let mut zst = zstd(&numbered_lines("zs", 20));
    zst.truncate(zst.len() / 2);
    cases.push(Case {
        name: "truncated.jsonl.zst",
        bytes: zst,
        articles: vec![],
        errors: 1,
        why: "a cut zstd frame whose only block is lost gives one errors row",
    });
    let mut csv = String::from("id,text\n");
    for i in 1..=10 {
        csv.push_str(&format!("cz-{i},\"Row {i}, with a comma.\"\n"));
    }
    let six: usize = csv.split_inclusive('\n').take(7).map(str::len).sum();
    let mut csv_gz = gzip_stored(csv.as_bytes());
    csv_gz.truncate(GZIP_STORED_HEADER + six + 8);
    cases.push(Case {
        name: "truncated.csv.gz",
        bytes: csv_gz,
        articles: (1..=6).map(|i| format!("cz-{i}")).collect(),
        errors: 1,
        why: "a cut gzip CSV keeps the complete rows before the cut and adds one errors row",
    });
    cases.push(Case {
        name: "latin1.txt",
        bytes: b"The mayor \x93will decide in May\x94, said Jos\xe9 Mart\xednez.\n".to_vec(),
        articles: ids(&["latin1"]),
        errors: 1,
        why: "a .txt file that is not UTF-8 is decoded as Windows-1252 with one warning row",
    });
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "“Ja,” sa Åse Berg.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    cases.push(Case {
        name: "utf16.txt",
        bytes: utf16,
        articles: ids(&["utf16"]),
        errors: 1,
        why: "a .txt file with a UTF-16 byte order mark is decoded as UTF-16 with one warning row",
    });
    let mut binary = b"\x7fELF\x02\x01\x01\x00".to_vec();
    binary.extend(noise(4096, 0x9E37_79B9_7F4A_7C15));
    cases.push(Case {
        name: "binary.txt",
        bytes: binary,
        articles: ids(&["binary"]),
        errors: 1,
        why: "binary data in a .txt file is decoded as Windows-1252 text with one warning row",
    });
    let mut binary_lines = Vec::new();
    for i in 0..32 {
        let mut l = noise(63, 0x1234_5678 + i);
        for b in &mut l {
            if *b == b'\n' {
                *b = 0;
            }
        }
        l[0] = 0x80 | (i as u8); // never blank, never an opening brace
        binary_lines.extend(l);
        binary_lines.push(b'\n');
    }
    cases.push(Case {
        name: "binary.jsonl",
        bytes: binary_lines,
        articles: vec![],
        errors: 32,
        why: "binary data as JSON Lines: every line is one errors row",
    });
    for (name, why) in [
        ("empty.jsonl", "an empty JSON Lines file gives nothing"),
        ("empty.csv", "an empty CSV file gives nothing"),
        (
            "empty.parquet",
            "an empty (zero-byte) Parquet file gives nothing",
        ),
    ] {
        cases.push(Case {
            name,
            bytes: vec![],
            articles: vec![],
            errors: 0,
            why,
        });
    }
    cases.push(Case {
        name: "empty.txt",
        bytes: vec![],
        articles: ids(&["empty"]),
        errors: 0,
        why: "an empty .txt file is one empty article",
    });
    cases.push(Case {
        name: "blank_lines.jsonl",
        bytes: b"\xef\xbb\xbf\n\n   \n\t\r\n\r\n".to_vec(),
        articles: vec![],
        errors: 0,
        why: "a byte order mark and blank lines give nothing",
    });
    let mut bad_csv = b"\xef\xbb\xbfid,title,text,published\n".to_vec();
    bad_csv.extend_from_slice(b"cs-1,T,Plain text.,2021-01-01\n");
    bad_csv.extend_from_slice(b"cs-2,too,few\n");
    bad_csv.extend_from_slice(
        b"cs-3,T,\"quoted, with a comma, \"\"quotes\"\"\nand a newline\",2021-01-02\n",
    );
    bad_csv.extend_from_slice(b"cs-4,T,caf\xe9,\n");
    bad_csv.extend_from_slice(b"cs-5,T,Text.,not a date\n");
    bad_csv.extend_from_slice(b"cs-6,T,one,two,extra\n");
    bad_csv.extend_from_slice(b"cs-7,T,\"never closed, so it runs\ncs-8,T,to the end,2021-01-04\n");
    cases.push(Case {
        name: "bad_rows.csv",
        bytes: bad_csv,
        articles: ids(&["cs-1", "cs-3", "cs-5"]),
        errors: 5,
        why: "rows with the wrong number of fields or bad UTF-8 are errors rows; an unclosed quote runs to the end of the file (one row)",
    });
    cases.push(Case {
        name: "no_text_column.csv",
        bytes: b"id,body\n1,a\n2,b\n".to_vec(),
        articles: vec![],
        errors: 1,
        why: "a CSV without the text column is one errors row for the file",
    });
    cases.push(Case {
        name: "not_parquet.parquet",
        bytes: b"this is a text file with a Parquet name\n".to_vec(),
        articles: vec![],
        errors: 1,
        why: "a file that is not Parquet is one errors row",
    });
    let mut damaged = parquet_bytes();
    damaged.truncate(damaged.len() / 2);
    cases.push(Case {
        name: "damaged.parquet",
        bytes: damaged,
        articles: vec![],
        errors: 1,
        why: "a cut Parquet file is one errors row",
    });
    cases.push(Case {
        name: "notes.md",
        bytes: b"Not an input: a directory read skips files of other kinds.\n".to_vec(),
        articles: vec![],
        errors: 0,
        why: "a file of another kind in a directory is skipped",
    });
    cases.push(Case {
        name: ".hidden.jsonl",
        bytes: b"{\"id\": \"hidden\", \"text\": \"Skipped.\"}\n".to_vec(),
        articles: vec![],
        errors: 0,
        why: "hidden files in a directory are skipped",
    });
    cases
}

/// The big files, as recipes: rows of `unit` repeated `count` times.
fn recipes() -> Value {
    json!([
        {
            "file": "one_line_10mb.jsonl",
            "format": "jsonl",
            "why": "a 10 MB article on a single line is one article",
            "rows": [{"id": "big-10mb", "count": 86_957,
                      "unit": "The board said that the ferry “will run again,” and Ode Lunn told reporters it was late. "}]
        },
        {
            "file": "quote_marks.jsonl",
            "format": "jsonl",
            "why": "hundreds of thousands of quotation marks finish (no quadratic pairing)",
            "rows": [
                {"id": "qm-straight", "count": 300_000, "unit": "\""},
                {"id": "qm-curly", "count": 100_000, "unit": "“”"},
                {"id": "qm-mixed", "count": 20_000, "unit": "« ‹ „ ‚ ‘ ' `` "}
            ]
        },
        {
            "file": "huge_field.csv",
            "format": "csv",
            "why": "a 2 MB CSV field with commas, doubled quotes and newlines is one article",
            "rows": [
                {"id": "hf-1", "count": 40_000, "unit": "Costs, said \"the clerk\", rose.\n"},
                {"id": "hf-2", "count": 1, "unit": "A short row after the huge one."}
            ]
        }
    ])
}

/// Write a recipe's file into `dir` (the same bytes Python builds).
fn build(recipe: &Value, dir: &Path) {
    let mut out = String::new();
    let csv = recipe["format"] == "csv";
    if csv {
        out.push_str("id,text\n");
    }
    for row in recipe["rows"].as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let text = row["unit"]
            .as_str()
            .unwrap()
            .repeat(row["count"].as_u64().unwrap() as usize);
        if csv {
            out.push_str(&format!("{id},\"{}\"\n", text.replace('"', "\"\"")));
        } else {
            out.push_str(&json!({"id": id, "text": text}).to_string());
            out.push('\n');
        }
    }
    std::fs::write(dir.join(recipe["file"].as_str().unwrap()), out).unwrap();
}

/// `expected.json`: what every file gives, and the recipes of the big files.
fn expected() -> Value {
    let mut files = serde_json::Map::new();
    for c in cases() {
        files.insert(
            c.name.into(),
            json!({"articles": c.articles, "errors": c.errors, "why": c.why}),
        );
    }
    for r in recipes().as_array().unwrap() {
        let ids: Vec<&Value> = r["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["id"])
            .collect();
        files.insert(
            r["file"].as_str().unwrap().into(),
            json!({"articles": ids, "errors": 0, "why": r["why"]}),
        );
    }
    json!({"files": files, "generated": recipes()})
}

fn expected_text() -> String {
    serde_json::to_string_pretty(&expected()).unwrap() + "\n"
}

#[test]
fn badinput_files_are_up_to_date() {
    let d = dir();
    let write = std::env::var_os("SAYSO_WRITE_BADINPUT").is_some();
    let mut want: BTreeMap<String, Vec<u8>> = cases()
        .into_iter()
        .map(|c| (c.name.to_string(), c.bytes))
        .collect();
    want.insert("expected.json".into(), expected_text().into_bytes());
    if write {
        std::fs::create_dir_all(&d).unwrap();
        for (name, bytes) in &want {
            std::fs::write(d.join(name), bytes).unwrap();
        }
    }
    let mut have = BTreeMap::new();
    for e in std::fs::read_dir(&d).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name != "README.md" {
            have.insert(name, std::fs::read(&p).unwrap());
        }
    }
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&have),
        names(&want),
        "regenerate with SAYSO_WRITE_BADINPUT=1"
    );
    for (name, bytes) in &want {
        assert!(
            &have[name] == bytes,
            "{name} differs from its generator; regenerate with SAYSO_WRITE_BADINPUT=1"
        );
    }
}

/// Column `col` of every row of `table` in the output directory.
fn column(out: &Path, table: &str, col: &str) -> Vec<Option<String>> {
    use arrow_array::cast::AsArray;
    use arrow_array::Array;
    let file = std::fs::File::open(out.join(format!("{table}.parquet"))).unwrap();
    let reader =
        parquet::arrow::arrow_reader::ParquetRecordBatchReader::try_new(file, 1024).unwrap();
    let mut values = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        let c = batch.column_by_name(col).unwrap();
        let c = arrow_cast_to_strings(c.as_ref());
        values.extend(c);
    }
    fn arrow_cast_to_strings(a: &dyn Array) -> Vec<Option<String>> {
        match a.data_type() {
            arrow_schema::DataType::Utf8 => a
                .as_string::<i32>()
                .iter()
                .map(|s| s.map(String::from))
                .collect(),
            arrow_schema::DataType::LargeUtf8 => a
                .as_string::<i64>()
                .iter()
                .map(|s| s.map(String::from))
                .collect(),
            t => panic!("column of type {t}"),
        }
    }
    values
}

fn rows(out: &Path, table: &str) -> u64 {
    let file = std::fs::File::open(out.join(format!("{table}.parquet"))).unwrap();
    let r = parquet::file::reader::SerializedFileReader::new(file).unwrap();
    use parquet::file::reader::FileReader;
    r.metadata().file_metadata().num_rows() as u64
}

#[test]
fn cli_converts_the_bad_input_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("badinput");
    std::fs::create_dir(&input).unwrap();
    for c in cases() {
        std::fs::write(input.join(c.name), &c.bytes).unwrap();
    }
    for r in recipes().as_array().unwrap() {
        build(r, &input);
    }
    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args([
            "convert",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--json", "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
    let manifest: Value = serde_json::from_slice(&o.stdout).unwrap();
    let exp = expected();
    let files = exp["files"].as_object().unwrap();

    // Articles: exactly the expected ids, file by file in input order (the
    // directory is read sorted by name).
    let mut want_ids = Vec::new();
    let mut names: Vec<&String> = files.keys().filter(|n| !n.starts_with('.')).collect();
    names.sort();
    for name in &names {
        for id in files[*name]["articles"].as_array().unwrap() {
            want_ids.push(Some(id.as_str().unwrap().to_string()));
        }
    }
    assert_eq!(column(&out, "articles", "article_id"), want_ids);

    // Errors: the expected number per file, each naming its file (and line
    // or row when there is one) and saying why.
    let inputs = column(&out, "errors", "input");
    let reasons = column(&out, "errors", "error");
    let prefix = format!("{}/", input.display());
    let mut per_file: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in inputs.iter().zip(&reasons) {
        let i = i.as_deref().unwrap();
        let file = i
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("errors row for {i}"));
        let file = file.split(':').next().unwrap();
        assert!(
            !r.as_deref().unwrap().trim().is_empty(),
            "empty reason for {i}"
        );
        // Bad lines and rows are located; a CSV without the text column is
        // an error for the whole file.
        if file.ends_with(".jsonl") || file.ends_with(".csv") && file != "no_text_column.csv" {
            let n = i.rsplit(':').next().unwrap();
            assert!(n.parse::<u64>().is_ok(), "no line or row in {i}");
        }
        *per_file.entry(file.to_string()).or_default() += 1;
    }
    let want_errors: BTreeMap<String, usize> = files
        .iter()
        .map(|(n, v)| (n.clone(), v["errors"].as_u64().unwrap() as usize))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(per_file, want_errors);

    // The manifest: its counts are the rows of each table, and every input
    // file of the directory is listed.
    let counts = manifest["counts"].as_object().unwrap();
    for (table, n) in counts {
        assert_eq!(rows(&out, table), n.as_u64().unwrap(), "{table}");
    }
    assert_eq!(counts["articles"], want_ids.len());
    assert_eq!(counts["errors"], want_errors.values().sum::<usize>());
    let listed: Vec<&str> = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().strip_prefix(&prefix).unwrap())
        .collect();
    let readable: Vec<&str> = names
        .iter()
        .map(|n| n.as_str())
        .filter(|n| !n.ends_with(".md"))
        .collect();
    assert_eq!(listed, readable);
}

#[test]
fn strict_fails_on_the_bad_input_corpus_after_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for c in cases()
        .into_iter()
        .filter(|c| c.name == "text_fields.jsonl")
    {
        std::fs::write(input.join(c.name), &c.bytes).unwrap();
    }
    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args([
            "convert",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--strict", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(rows(&out, "errors"), 7);
    assert_eq!(rows(&out, "articles"), 2);
}
