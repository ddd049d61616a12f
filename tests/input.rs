//! Tests: input. Each case writes its own small bad input into a temporary
//! directory and asserts the exact records that come out.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use chrono::NaiveDate;
use sayso::input::{open, FieldMap, Format, InputOptions, Inputs, Record};
use sayso::Article;

fn spec(p: &Path) -> String {
    p.display().to_string()
}

fn read(specs: &[String], opts: &InputOptions) -> Vec<Record> {
    open(specs, opts).expect("open").collect()
}

fn read_one(p: &Path) -> Vec<Record> {
    read(&[spec(p)], &InputOptions::default())
}

fn ok(location: impl Into<String>, article: Article) -> Record {
    Record {
        location: location.into(),
        result: Ok(article),
        warnings: vec![],
    }
}

fn err(location: impl Into<String>, reason: &str) -> Record {
    Record {
        location: location.into(),
        result: Err(reason.into()),
        warnings: vec![],
    }
}

fn art(id: Option<&str>, text: &str) -> Article {
    Article {
        id: id.map(String::from),
        ..Article::new(text)
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn write(p: &Path, bytes: &[u8]) {
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(p, bytes).unwrap();
}

/// Assert record by record, so a failure shows the first differing one.
fn assert_records(got: &[Record], want: &[Record]) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "record {i}");
    }
    assert_eq!(got.len(), want.len(), "number of records: {got:#?}");
}

#[test]
fn inputs_is_send() {
    fn send<T: Send>() {}
    send::<Inputs>();
}

#[test]
fn jsonl_every_bad_line_is_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.jsonl");
    let mut bytes = Vec::new();
    for line in [
        &br#"{"id": "a1", "text": "First body.", "title": "A title", "source": "Daily Example", "url": "http://example.org/1", "published": "2021-03-04T10:00:00Z", "language": "en", "extra": {"nested": [1, 2]}}"#[..],
        b"",
        b"   ",
        br#"{"text": }"#,
        b"[1, 2]",
        b"42",
        br#"{"title": "no body"}"#,
        br#"{"text": null}"#,
        br#"{"text": 5}"#,
        br#"{"id": "empty", "text": ""}"#,
        b"{\"text\": \"caf\xff\"}",
        br#"{"id": 17, "text": "Second body.", "published": "next tuesday"}"#,
        br#"{"text": "Third body.", "published": 20210304}"#,
        br#"{"text": "Fourth body.", "title": ["a", "list"], "id": true}"#,
    ] {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    // The last line has no newline and Windows line ends are fine.
    bytes.extend_from_slice(b"{\"text\": \"Last\\nbody.\"}\r\n{\"text\": \"no newline\"}");
    write(&p, &bytes);
    let loc = |n: u32| format!("{}:{n}", p.display());
    let first = Article {
        id: Some("a1".into()),
        text: "First body.".into(),
        title: Some("A title".into()),
        source: Some("Daily Example".into()),
        url: Some("http://example.org/1".into()),
        published: date(2021, 3, 4),
        language: Some("en".into()),
    };
    let want = vec![
        ok(loc(1), first),
        err(loc(4), "line 4: not valid JSON (expected value at column 10); each line must be one JSON object"),
        err(loc(5), "line 5: a JSON array, expected a JSON object (one article per line)"),
        err(loc(6), "line 6: a JSON number, expected a JSON object (one article per line)"),
        err(loc(7), "missing field \"text\" (set --text-field if your text is in another field)"),
        err(loc(8), "field \"text\" is null, expected a string"),
        err(loc(9), "field \"text\" is a number, expected a string"),
        ok(loc(10), art(Some("empty"), "")),
        err(loc(11), "line 11: not valid UTF-8 (byte 0xFF at byte 14 of the line); JSON Lines input must be UTF-8"),
        Record {
            location: loc(12),
            result: Ok(art(Some("17"), "Second body.")),
            warnings: vec!["published \"next tuesday\" is not an ISO 8601 date; kept the article without a date".into()],
        },
        Record {
            location: loc(13),
            result: Ok(art(None, "Third body.")),
            warnings: vec![
                "published is a number (20210304), expected an ISO 8601 date string; kept the article without a date".into(),
            ],
        },
        Record {
            location: loc(14),
            result: Ok(art(None, "Fourth body.")),
            warnings: vec![
                "field \"id\" is a boolean, expected a string or a number; the article id is a hash of the text".into(),
                "field \"title\" is an array, expected a string; left empty".into(),
            ],
        },
        ok(loc(15), art(None, "Last\nbody.")),
        ok(loc(16), art(None, "no newline")),
    ];
    assert_records(&read_one(&p), &want);
}

#[test]
fn jsonl_remapped_fields_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mapped.ndjson");
    write(&p, "\u{feff}{\"uuid\": \"u-1\", \"body\": \"Mapped.\", \"date\": \"2020-02-29\", \"text\": \"not this\"}\n{\"text\": \"only text\"}\n".as_bytes());
    let fields = FieldMap {
        id: "uuid".into(),
        text: "body".into(),
        published: "date".into(),
        ..FieldMap::default()
    };
    let opts = InputOptions {
        fields,
        ..InputOptions::default()
    };
    let got = read(&[spec(&p)], &opts);
    let want = vec![
        ok(
            format!("{}:1", p.display()),
            Article {
                published: date(2020, 2, 29),
                ..art(Some("u-1"), "Mapped.")
            },
        ),
        err(
            format!("{}:2", p.display()),
            "missing field \"body\" (set --text-field if your text is in another field)",
        ),
    ];
    assert_records(&got, &want);
}

#[test]
fn text_is_kept_exactly() {
    // Control characters, right-to-left marks, emoji sequences, combining
    // accents, tabs and Windows line ends inside the text.
    let text = "a\u{0007}b\u{0000}\tc \u{200F}\u{05E9}\u{05DC}\u{05D5}\u{05DD}\u{200E} \u{1F469}\u{200D}\u{1F467} e\u{0301}\r\nnext\u{2028}para\u{FEFF}";
    let dir = tempfile::tempdir().unwrap();
    let escaped = dir.path().join("escaped.jsonl");
    let json = serde_json::json!({ "text": text }).to_string();
    write(&escaped, format!("{json}\n").as_bytes());
    // The same text with every non-control character written raw.
    let raw = dir.path().join("raw.jsonl");
    let raw_json = json.replace("\\u2028", "\u{2028}");
    write(&raw, format!("{raw_json}\n").as_bytes());
    let txt = dir.path().join("t.txt");
    write(&txt, text.as_bytes());
    let got = read(
        &[spec(&escaped), spec(&raw), spec(&txt)],
        &InputOptions::default(),
    );
    let want = vec![
        ok(format!("{}:1", escaped.display()), art(None, text)),
        ok(format!("{}:1", raw.display()), art(None, text)),
        ok(spec(&txt), art(Some("t"), text)),
    ];
    assert_records(&got, &want);
}

fn lines(n: usize) -> Vec<u8> {
    (1..=n).flat_map(|i| format!("{{\"id\": \"n{i}\", \"text\": \"Body number {i} with some padding to compress.\"}}\n").into_bytes()).collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 3).unwrap()
}

#[test]
fn compressed_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let plain = lines(300);
    let gz = dir.path().join("c.jsonl.gz");
    let zst = dir.path().join("c.jsonl.zst");
    write(&gz, &gzip(&plain));
    write(&zst, &zstd(&plain));
    // Concatenated gzip members (as parallel compressors write) are one stream.
    let multi = dir.path().join("multi.jsonl.gz");
    let mut both = gzip(&plain[..plain.len() / 2]);
    both.extend(gzip(&plain[plain.len() / 2..]));
    write(&multi, &both);
    for p in [&gz, &zst, &multi] {
        let got = read_one(p);
        let want: Vec<Record> = (1..=300)
            .map(|i| {
                ok(
                    format!("{}:{i}", p.display()),
                    art(
                        Some(&format!("n{i}")),
                        &format!("Body number {i} with some padding to compress."),
                    ),
                )
            })
            .collect();
        assert_records(&got, &want);
    }
}

#[test]
fn truncated_compressed_streams_keep_complete_lines() {
    let dir = tempfile::tempdir().unwrap();
    // Incompressible-ish ids so the cut lands in the middle of the data.
    // Large enough for several zstd blocks (128 KiB each): a cut stream
    // keeps only whole blocks.
    let plain: Vec<u8> = (1..=20_000)
        .flat_map(|i| {
            format!(
                "{{\"id\": \"{:x}\", \"text\": \"t{i}\"}}\n",
                (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            )
            .into_bytes()
        })
        .collect();
    for (name, bytes) in [
        ("cut.jsonl.gz", gzip(&plain)),
        ("cut.jsonl.zst", zstd(&plain)),
    ] {
        let p = dir.path().join(name);
        write(&p, &bytes[..bytes.len() / 2]);
        let got = read_one(&p);
        let (last, articles) = got.split_last().unwrap();
        let n = articles.len();
        assert!(n > 10 && n < 20_000, "{name}: {n} complete lines");
        for (i, r) in articles.iter().enumerate() {
            assert_eq!(r.location, format!("{}:{}", p.display(), i + 1));
            assert_eq!(r.result.as_ref().unwrap().text, format!("t{}", i + 1));
        }
        assert_eq!(
            last,
            &err(
                spec(&p),
                &format!("compressed stream ends early (truncated file?) after line {n}")
            )
        );
    }
}

#[test]
fn not_really_compressed_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("fake.jsonl.gz");
    write(&p, b"{\"text\": \"plain, not gzip\"}\n");
    let got = read_one(&p);
    assert_eq!(got.len(), 1);
    let reason = got[0].result.as_ref().unwrap_err();
    assert!(
        reason.starts_with("cannot decompress after line 0: ")
            && reason.ends_with("(is the file really gzip?)"),
        "{reason}"
    );
}

#[test]
fn empty_files_give_no_records() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "e.jsonl",
        "e.csv",
        "e.parquet",
        "e.jsonl.gz",
        "e.jsonl.zst",
        "blank.jsonl",
        "header_only.csv",
        "z.jsonl.gz",
        "z.jsonl.zst",
    ];
    for name in &names[..5] {
        write(&dir.path().join(name), b"");
    }
    write(&dir.path().join("blank.jsonl"), b"\n  \n\r\n");
    write(&dir.path().join("header_only.csv"), b"id,text\n");
    write(&dir.path().join("z.jsonl.gz"), &gzip(b""));
    write(&dir.path().join("z.jsonl.zst"), &zstd(b""));
    let specs: Vec<String> = names.iter().map(|n| spec(&dir.path().join(n))).collect();
    let inputs = open(&specs, &InputOptions::default()).unwrap();
    assert_eq!(inputs.paths, specs);
    assert_records(&inputs.collect::<Vec<_>>(), &[]);
    // An empty .txt file is still one (empty) article: one file, one article.
    let t = dir.path().join("empty.txt");
    write(&t, b"");
    assert_records(&read_one(&t), &[ok(spec(&t), art(Some("empty"), ""))]);
}

#[test]
fn txt_directory_sorted_recursive() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("b.txt"), "Second file.\n".as_bytes());
    write(&d.join("a.txt"), "First file.".as_bytes());
    write(&d.join("sub/c.txt"), b"caf\xe9 \x93quoted\x94");
    write(&d.join("README.md"), b"not an input");
    write(&d.join(".hidden.txt"), b"skipped");
    write(&d.join("d.txt.gz"), &gzip("Compressed text.".as_bytes()));
    let inputs = open(&[spec(d)], &InputOptions::default()).unwrap();
    assert_eq!(
        inputs.total_bytes,
        Some(13 + 11 + 13 + std::fs::metadata(d.join("d.txt.gz")).unwrap().len())
    );
    let counter = Arc::clone(&inputs.bytes_read);
    let total = inputs.total_bytes;
    let got: Vec<Record> = inputs.collect();
    assert_eq!(Some(counter.load(Ordering::Relaxed)), total);
    let want = vec![
        ok(spec(&d.join("a.txt")), art(Some("a"), "First file.")),
        ok(spec(&d.join("b.txt")), art(Some("b"), "Second file.\n")),
        ok(spec(&d.join("d.txt.gz")), art(Some("d"), "Compressed text.")),
        Record {
            location: spec(&d.join("sub/c.txt")),
            result: Ok(art(Some("c"), "café “quoted”")),
            warnings: vec![
                "not valid UTF-8 (byte 0xE9 at byte 4); decoded as Windows-1252 (Latin-1), check the text if the file used another encoding".into(),
            ],
        },
    ];
    assert_records(&got, &want);
}

#[test]
fn glob_and_forced_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("x2.jsonl"), b"{\"text\": \"two\"}\n");
    write(&d.join("x1.jsonl"), b"{\"text\": \"one\"}\n");
    write(&d.join("y.jsonl"), b"{\"text\": \"not matched\"}\n");
    write(&d.join("x3.json"), b"{\"text\": \"three\"}\n");
    let pattern = format!("{}/x*", d.display());
    // The glob takes supported files only, in name order.
    let got = read(&[pattern], &InputOptions::default());
    let want = vec![
        ok(
            format!("{}:1", d.join("x1.jsonl").display()),
            art(None, "one"),
        ),
        ok(
            format!("{}:1", d.join("x2.jsonl").display()),
            art(None, "two"),
        ),
    ];
    assert_records(&got, &want);
    // A file named explicitly: its extension does not tell, so one error
    // record, unless the format is forced.
    let json = d.join("x3.json");
    let got = read_one(&json);
    assert_records(
        &got,
        &[err(
            spec(&json),
            "cannot tell the format from the file name (supported: .jsonl, .ndjson, .txt, .csv (each also .gz or .zst) and .parquet); pass --format",
        )],
    );
    // A file whose name looks like a glob is taken as the file.
    let odd = d.join("odd[1].jsonl");
    write(&odd, b"{\"text\": \"odd\"}\n");
    assert_records(
        &read_one(&odd),
        &[ok(format!("{}:1", odd.display()), art(None, "odd"))],
    );
    let forced = InputOptions {
        format: Format::Jsonl,
        ..InputOptions::default()
    };
    assert_records(
        &read(&[spec(&json)], &forced),
        &[ok(format!("{}:1", json.display()), art(None, "three"))],
    );
}

#[test]
fn specs_that_match_nothing_fail() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let missing = spec(&d.join("nope.jsonl"));
    let e = open(std::slice::from_ref(&missing), &InputOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert_eq!(e, format!("input error: input {missing} not found"));
    let pattern = format!("{}/*.jsonl", d.display());
    let e = open(std::slice::from_ref(&pattern), &InputOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert!(
        e.starts_with(&format!("input error: no input files match {pattern}")),
        "{e}"
    );
    write(&d.join("sub/notes.md"), b"x");
    let sub = spec(&d.join("sub"));
    let e = open(std::slice::from_ref(&sub), &InputOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert!(
        e.starts_with(&format!(
            "input error: directory {sub} contains no input files"
        )),
        "{e}"
    );
    assert!(open(&[], &InputOptions::default()).is_err());
}

#[test]
fn csv_remapped_with_bad_rows_and_huge_field() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.csv");
    let huge = "word ".repeat(1_000_000); // 5 MB in one field
    let mut csv = String::from("\u{feff}uuid,headline,body,date\n");
    csv.push_str("7,\"A, title\",\"Line one.\nLine \"\"two\"\".\",2019-12-31\n");
    csv.push_str("8,too,few\n");
    csv.push_str(&format!("9,,{huge},\n"));
    csv.push_str("10,T,Body,31/12/2019\n");
    csv.push_str(",,,\n");
    write(&p, csv.as_bytes());
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.extend_from_slice(b"11,T,caf\xe9,\n12,T,After.,2020-01-01\n");
    write(&p, &bytes);
    let fields = FieldMap {
        id: "uuid".into(),
        title: "headline".into(),
        text: "body".into(),
        published: "date".into(),
        ..FieldMap::default()
    };
    let opts = InputOptions {
        fields,
        ..InputOptions::default()
    };
    let got = read(&[spec(&p)], &opts);
    let loc = |n: u32| format!("{}:{n}", p.display());
    let want = vec![
        ok(
            loc(1),
            Article {
                title: Some("A, title".into()),
                published: date(2019, 12, 31),
                ..art(Some("7"), "Line one.\nLine \"two\".")
            },
        ),
        err(
            loc(2),
            "row has 3 fields, the header has 4 (line 4); quote fields that contain the delimiter",
        ),
        ok(loc(3), art(Some("9"), &huge)),
        Record {
            location: loc(4),
            result: Ok(Article {
                title: Some("T".into()),
                ..art(Some("10"), "Body")
            }),
            warnings: vec![
                "date \"31/12/2019\" is not an ISO 8601 date; kept the article without a date"
                    .into(),
            ],
        },
        // An empty text cell is an empty article.
        ok(loc(5), art(None, "")),
        err(
            loc(6),
            "field 3 is not valid UTF-8; CSV input must be UTF-8",
        ),
        ok(
            loc(7),
            Article {
                title: Some("T".into()),
                published: date(2020, 1, 1),
                ..art(Some("12"), "After.")
            },
        ),
    ];
    assert_records(&got, &want);
}

#[test]
fn csv_without_text_column_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("no_text.csv");
    write(&p, b"id,content\n1,a\n2,b\n");
    let want = [err(
        spec(&p),
        "no column \"text\" in the header (id, content); set --text-field if your text is in another column; no rows were read",
    )];
    assert_records(&read_one(&p), &want);
}

#[test]
fn csv_gz_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.csv.gz");
    write(&p, &gzip(b"text,id\nhello,h1\n"));
    assert_records(
        &read_one(&p),
        &[ok(format!("{}:1", p.display()), art(Some("h1"), "hello"))],
    );
}

mod parquet_files {
    use super::*;
    use arrow_array::types::Int32Type;
    use arrow_array::{
        ArrayRef, Date32Array, DictionaryArray, Int64Array, RecordBatch, StringArray,
    };
    use parquet::arrow::ArrowWriter;
    use parquet::file::properties::WriterProperties;

    fn write_parquet(p: &Path, batches: &[RecordBatch]) {
        let file = std::fs::File::create(p).unwrap();
        // Small row groups and batches so reading crosses batch boundaries.
        let props = WriterProperties::builder()
            .set_max_row_group_row_count(Some(2))
            .build();
        let mut w = ArrowWriter::try_new(file, batches[0].schema(), Some(props)).unwrap();
        for b in batches {
            w.write(b).unwrap();
        }
        w.close().unwrap();
    }

    #[test]
    fn remapped_columns_typed_values() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.parquet");
        let days = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap())
                .num_days() as i32
        };
        let batch = RecordBatch::try_from_iter([
            (
                "uuid",
                Arc::new(Int64Array::from(vec![
                    Some(101),
                    None,
                    Some(103),
                    Some(104),
                ])) as ArrayRef,
            ),
            (
                "body",
                Arc::new(StringArray::from(vec![
                    Some("Body one."),
                    Some("Body two."),
                    None,
                    Some(""),
                ])) as ArrayRef,
            ),
            (
                "day",
                Arc::new(Date32Array::from(vec![
                    Some(days(2018, 5, 6)),
                    None,
                    None,
                    None,
                ])) as ArrayRef,
            ),
            (
                "outlet",
                Arc::new(
                    vec![
                        Some("Example Times"),
                        Some("Example Post"),
                        None,
                        Some("Example Times"),
                    ]
                    .into_iter()
                    .collect::<DictionaryArray<Int32Type>>(),
                ) as ArrayRef,
            ),
            (
                "unused",
                Arc::new(StringArray::from(vec!["x", "y", "z", "w"])) as ArrayRef,
            ),
        ])
        .unwrap();
        write_parquet(&p, &[batch]);
        let fields = FieldMap {
            id: "uuid".into(),
            text: "body".into(),
            published: "day".into(),
            source: "outlet".into(),
            ..FieldMap::default()
        };
        let opts = InputOptions {
            fields,
            ..InputOptions::default()
        };
        let got = read(&[spec(&p)], &opts);
        let loc = |n: u32| format!("{}:{n}", p.display());
        let want = vec![
            ok(
                loc(1),
                Article {
                    published: date(2018, 5, 6),
                    source: Some("Example Times".into()),
                    ..art(Some("101"), "Body one.")
                },
            ),
            ok(
                loc(2),
                Article {
                    source: Some("Example Post".into()),
                    ..art(None, "Body two.")
                },
            ),
            err(loc(3), "field \"body\" is null, expected a string"),
            ok(
                loc(4),
                Article {
                    source: Some("Example Times".into()),
                    ..art(Some("104"), "")
                },
            ),
        ];
        assert_records(&got, &want);
    }

    #[test]
    fn without_text_column_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.parquet");
        let batch = RecordBatch::try_from_iter([(
            "content",
            Arc::new(StringArray::from(vec!["a"])) as ArrayRef,
        )])
        .unwrap();
        write_parquet(&p, &[batch]);
        let want = [err(spec(&p), "no column \"text\" (content); set --text-field if your text is in another column; no rows were read")];
        assert_records(&read_one(&p), &want);
    }

    #[test]
    fn not_parquet_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("fake.parquet");
        write(&p, b"id,text\n1,this is a CSV file\n");
        let got = read_one(&p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].location, spec(&p));
        let reason = got[0].result.as_ref().unwrap_err();
        assert!(
            reason.starts_with("not a readable Parquet file ("),
            "{reason}"
        );
    }
}

#[test]
fn bytes_read_reaches_total() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl.zst");
    write(&a, &lines(50));
    write(&b, &zstd(&lines(50)));
    let inputs = open(&[spec(&a), spec(&b)], &InputOptions::default()).unwrap();
    let total = inputs.total_bytes.unwrap();
    assert_eq!(
        total,
        std::fs::metadata(&a).unwrap().len() + std::fs::metadata(&b).unwrap().len()
    );
    let counter = Arc::clone(&inputs.bytes_read);
    assert_eq!(inputs.count(), 100);
    assert_eq!(counter.load(Ordering::Relaxed), total);
}

#[test]
fn seed_articles_read_as_txt() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let seeds = shared.join("seeds");
    let got = read_one(&seeds);
    assert!(!got.is_empty());
    for r in &got {
        let a = r.result.as_ref().expect("seed article");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert!(!a.text.is_empty());
        let stem = Path::new(&r.location)
            .file_stem()
            .unwrap()
            .to_string_lossy();
        assert_eq!(a.id.as_deref(), Some(&*stem));
    }
}
