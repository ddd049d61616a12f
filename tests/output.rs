//! Tables and the Parquet output directory: schema, exact rows, errors rows,
//! atomicity, determinism.

use std::fs::File;
use std::path::Path;

use arrow_array::{Array, Int32Array, RecordBatch, RecordBatchReader, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use sayso::input::{Inputs, Record};
use sayso::output::Manifest;
use sayso::pipeline::{convert_inputs, ConvertOptions};
use sayso::table::{schema, type_name, TABLE_NAMES};
use sayso::Article;

fn read(dir: &Path, name: &str) -> (arrow_schema::SchemaRef, Vec<RecordBatch>) {
    let file = File::open(dir.join(format!("{name}.parquet"))).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let schema = reader.schema();
    (schema, reader.map(|b| b.unwrap()).collect())
}

fn column<'a, T: 'static>(b: &'a RecordBatch, name: &str) -> &'a T {
    b.column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .as_any()
        .downcast_ref::<T>()
        .unwrap()
}

fn strings(dir: &Path, table: &str, col: &str) -> Vec<Option<String>> {
    let (_, batches) = read(dir, table);
    let mut out = Vec::new();
    for b in &batches {
        let a: &StringArray = column(b, col);
        out.extend((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i).to_string())));
    }
    out
}

fn ok(location: &str, article: Article) -> Record {
    Record {
        location: location.into(),
        result: Ok(article),
        warnings: vec![],
    }
}

fn article(id: &str, text: &str) -> Article {
    Article {
        id: Some(id.into()),
        ..Article::new(text)
    }
}

fn run(records: Vec<Record>, out: &Path, opts: &ConvertOptions) -> sayso::error::Result<Manifest> {
    convert_inputs(
        Inputs::from_iter(records.into_iter(), None, vec!["mem".into()]),
        out,
        opts,
        None,
    )
}

/// The sample corpus as records (as the readers would yield it).
fn sample() -> Vec<Record> {
    sayso::cli::SAMPLE_JSONL
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().map(str::to_string);
            let a = Article {
                id: s("id"),
                text: s("text").unwrap(),
                title: s("title"),
                source: s("source"),
                url: s("url"),
                published: s("published").and_then(|p| sayso::article::parse_published(&p)),
                language: None,
            };
            ok(&format!("sample.jsonl:{}", i + 1), a)
        })
        .collect()
}

#[test]
fn parquet_schema_is_schema_v1() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run(sample(), &out, &ConvertOptions::default()).unwrap();
    for name in TABLE_NAMES {
        let (got, _) = read(&out, name);
        let want = schema(name).unwrap();
        assert_eq!(got.fields().len(), want.fields().len(), "{name}");
        for (g, w) in got.fields().iter().zip(want.fields()) {
            assert_eq!(
                (g.name(), g.data_type(), g.is_nullable()),
                (w.name(), w.data_type(), w.is_nullable()),
                "{name}"
            );
        }
    }
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 8, "{names:?}");
}

/// Every column of SCHEMA.md, in order, with its type and `?`.
#[test]
fn schema_matches_schema_md() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let Ok(md) = std::fs::read_to_string(shared.join("design/SCHEMA.md")) else {
        eprintln!("skipped: design/SCHEMA.md not found");
        return;
    };
    let mut tables: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            tables.push((h.split_whitespace().next().unwrap().to_string(), Vec::new()));
        } else if line.starts_with("| ")
            && !line.starts_with("| column")
            && !line.starts_with("| field")
        {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if let Some((_, cols)) = tables.last_mut() {
                for c in cells[1].split(',') {
                    cols.push((c.trim().to_string(), cells[2].to_string()));
                }
            }
        }
    }
    // claims has no table of its own: "same columns as quotes"
    tables.retain(|t| !t.1.is_empty());
    let quotes = tables.iter().find(|t| t.0 == "quotes").unwrap().1.clone();
    let claims: Vec<_> = quotes
        .iter()
        .map(|(c, t)| {
            (
                if c == "quote_id" {
                    "claim_id".to_string()
                } else {
                    c.clone()
                },
                t.clone(),
            )
        })
        .collect();
    tables.push(("claims".into(), claims));
    for name in TABLE_NAMES {
        let (_, want) = tables
            .iter()
            .find(|t| t.0 == name)
            .unwrap_or_else(|| panic!("{name} not in SCHEMA.md"));
        let s = schema(name).unwrap();
        let got: Vec<(String, String)> = s
            .fields()
            .iter()
            .map(|f| {
                // dictionary encoding is a storage detail; SCHEMA.md says `string`
                let t = type_name(f.data_type()).replace("dictionary<string>", "string");
                (
                    f.name().clone(),
                    format!("{t}{}", if f.is_nullable() { "?" } else { "" }),
                )
            })
            .collect();
        assert_eq!(&got, want, "{name}");
    }
}

#[test]
fn code_point_offsets_in_rows() {
    // bytes ≠ code points before the quote: ë (2 bytes), 😀 (4), Пётр (8)
    let text = "Zoë 😀 Пётр said: “Привет, мир” and left.";
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run(
        vec![ok("mem:1", article("t1", text))],
        &out,
        &ConvertOptions::default(),
    )
    .unwrap();
    let (_, b) = read(&out, "quotes");
    assert_eq!(b.iter().map(|b| b.num_rows()).sum::<usize>(), 1);
    let ids: &StringArray = column(&b[0], "quote_id");
    let start: &Int32Array = column(&b[0], "start");
    let end: &Int32Array = column(&b[0], "end");
    assert_eq!(
        (ids.value(0), start.value(0), end.value(0)),
        ("t1:q:18", 18, 29)
    );
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[18..29].iter().collect::<String>(), "Привет, мир");
    let (_, a) = read(&out, "articles");
    let stored: &arrow_array::LargeStringArray = column(&a[0], "text");
    assert_eq!(stored.value(0), text);
}

#[test]
fn every_record_ends_in_articles_or_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let records = vec![
        ok("in.jsonl:1", article("a", "One.")),
        Record {
            location: "in.jsonl:2".into(),
            result: Err("line 2 is not valid JSON".into()),
            warnings: vec![],
        },
        Record {
            location: "in.jsonl:3".into(),
            result: Ok(article("b", "Two.")),
            warnings: vec!["bad date".into()],
        },
        ok("in.jsonl:4", article("a", "Three.")),
        ok("in.jsonl:5", article("big", &"x".repeat(2000))),
        ok("in.jsonl:6", article("a", "Four.")),
    ];
    let opts = ConvertOptions {
        max_article_bytes: Some(1000),
        ..ConvertOptions::default()
    };
    let m = run(records, &out, &opts).unwrap();
    assert_eq!(
        strings(&out, "articles", "article_id"),
        vec![
            Some("a".into()),
            Some("b".into()),
            Some("a~2".into()),
            Some("a~3".into())
        ]
    );
    assert_eq!(
        strings(&out, "errors", "input"),
        [
            "in.jsonl:2",
            "in.jsonl:3",
            "in.jsonl:4",
            "in.jsonl:5",
            "in.jsonl:6"
        ]
        .map(|s| Some(s.to_string()))
        .to_vec()
    );
    assert_eq!(
        strings(&out, "errors", "article_id"),
        vec![
            None,
            Some("b".into()),
            Some("a~2".into()),
            Some("big".into()),
            Some("a~3".into())
        ]
    );
    let errors = strings(&out, "errors", "error");
    assert_eq!(errors[0].as_deref(), Some("line 2 is not valid JSON"));
    assert_eq!(errors[1].as_deref(), Some("bad date"));
    assert!(
        errors[2]
            .as_deref()
            .unwrap()
            .starts_with("duplicate article id \"a\""),
        "{errors:?}"
    );
    assert!(
        errors[3].as_deref().unwrap().contains("over the limit"),
        "{errors:?}"
    );
    assert_eq!((m.count("articles"), m.count("errors")), (4, 5));
    assert_eq!(Manifest::read(&out).unwrap().counts, m.counts);
}

#[test]
fn empty_run_writes_every_table() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let m = run(vec![], &out, &ConvertOptions::default()).unwrap();
    for name in TABLE_NAMES {
        assert_eq!(m.count(name), 0);
        let (s, b) = read(&out, name);
        assert_eq!(s.fields().len(), schema(name).unwrap().fields().len());
        assert!(b.iter().all(|b| b.num_rows() == 0));
    }
    assert_eq!((m.tool.as_str(), m.schema_version), ("sayso", 1));
}

#[test]
fn strict_fails_after_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let bad = Record {
        location: "x:1".into(),
        result: Err("broken".into()),
        warnings: vec![],
    };
    let opts = ConvertOptions {
        strict: true,
        ..ConvertOptions::default()
    };
    let e = run(vec![bad], &out, &opts).unwrap_err();
    assert!(e.to_string().contains("errors.parquet"), "{e}");
    assert_eq!(Manifest::read(&out).unwrap().count("errors"), 1);
}

#[test]
fn existing_dir_needs_overwrite_and_survives_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run(
        vec![ok("m:1", article("first", "Hello."))],
        &out,
        &ConvertOptions::default(),
    )
    .unwrap();
    let e = run(
        vec![ok("m:1", article("second", "Hello."))],
        &out,
        &ConvertOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, sayso::Error::OutputExists(_)), "{e}");
    // a reader that dies halfway: the old output stays, nothing half-written appears
    let dying = (0..3).map(|i| {
        if i == 2 {
            panic!("reader died");
        }
        ok("m:1", article(&format!("x{i}"), "Hello."))
    });
    let opts = ConvertOptions {
        overwrite: true,
        ..ConvertOptions::default()
    };
    let r = convert_inputs(Inputs::from_iter(dying, None, vec![]), &out, &opts, None);
    assert!(r.is_err());
    assert_eq!(
        strings(&out, "articles", "article_id"),
        vec![Some("first".into())]
    );
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("out")]);
    run(vec![ok("m:1", article("third", "Hello."))], &out, &opts).unwrap();
    assert_eq!(
        strings(&out, "articles", "article_id"),
        vec![Some("third".into())]
    );
}

#[test]
fn same_tables_for_any_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    // many batches: the sample repeated with distinct ids
    let many = || {
        (0..30).flat_map(|k| {
            sample().into_iter().map(move |mut r| {
                if let Ok(a) = &mut r.result {
                    a.id = Some(format!("{}-{k}", a.id.as_deref().unwrap()));
                }
                r
            })
        })
    };
    let mut outs = Vec::new();
    for jobs in [1, 2] {
        let out = tmp.path().join(format!("j{jobs}"));
        let opts = ConvertOptions {
            jobs: Some(jobs),
            ..ConvertOptions::default()
        };
        convert_inputs(Inputs::from_iter(many(), None, vec![]), &out, &opts, None).unwrap();
        outs.push(out);
    }
    for name in TABLE_NAMES {
        let a: Vec<RecordBatch> = read(&outs[0], name).1;
        let b: Vec<RecordBatch> = read(&outs[1], name).1;
        assert_eq!(a, b, "{name}");
    }
    assert_eq!(Manifest::read(&outs[0]).unwrap().count("articles"), 600);
}

/// Rows of `clusters`: (cluster_id, n_articles, quote_ids).
fn clusters(dir: &Path) -> Vec<(String, i32, Vec<String>)> {
    let mut out = Vec::new();
    for b in read(dir, "clusters").1 {
        let ids: &StringArray = column(&b, "cluster_id");
        let n: &Int32Array = column(&b, "n_articles");
        let q: &arrow_array::ListArray = column(&b, "quote_ids");
        for i in 0..b.num_rows() {
            let members = q.value(i);
            let members = members.as_any().downcast_ref::<StringArray>().unwrap();
            out.push((
                ids.value(i).to_string(),
                n.value(i),
                members.iter().map(|s| s.unwrap().to_string()).collect(),
            ));
        }
    }
    out
}

fn news(id: &str, source: &str, text: &str) -> Record {
    let a = Article {
        source: Some(source.into()),
        published: chrono::NaiveDate::from_ymd_opt(2023, 9, 12),
        ..article(id, text)
    };
    ok(id, a)
}

/// Two outlets quote one statement in slightly different wording; a third
/// article quotes something else.
fn cluster_corpus() -> Vec<Record> {
    vec![
        news("east", "Eastern Tribune", "“The new water plant will supply every village in the district by next spring,” said Halla Brunvik, the district engineer."),
        news("west", "Western Echo", "“The new water plant will really supply every village in the district by next spring,” Halla Brunvik said on Tuesday."),
        news("north", "Northern Voice", "“Our orchestra is going on tour across three continents this winter,” said Pim Okafor, the conductor."),
    ]
}

#[test]
fn same_statement_in_two_articles_is_one_cluster() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let m = run(cluster_corpus(), &out, &ConvertOptions::default()).unwrap();
    assert_eq!(
        strings(&out, "quotes", "quote_id"),
        vec![
            Some("east:q:1".into()),
            Some("west:q:1".into()),
            Some("north:q:1".into())
        ]
    );
    let cl = clusters(&out);
    assert_eq!(cl.len(), 2, "{cl:?}");
    assert_eq!(m.count("clusters"), 2);
    assert_eq!(
        (cl[0].1, cl[0].2.clone()),
        (2, vec!["east:q:1".to_string(), "west:q:1".to_string()])
    );
    assert_eq!(
        (cl[1].1, cl[1].2.clone()),
        (1, vec!["north:q:1".to_string()])
    );
    assert_ne!(cl[0].0, cl[1].0);
    let ids = strings(&out, "quotes", "cluster_id");
    assert_eq!(
        ids,
        vec![
            Some(cl[0].0.clone()),
            Some(cl[0].0.clone()),
            Some(cl[1].0.clone())
        ]
    );
    let (_, b) = read(&out, "clusters");
    let speaker: &StringArray = column(&b[0], "speaker");
    let sources: &Int32Array = column(&b[0], "n_sources");
    assert_eq!((speaker.value(0), sources.value(0)), ("Halla Brunvik", 2));
    // the quotes table keeps the schema of the contract after the rewrite
    assert_eq!(
        read(&out, "quotes").0.fields(),
        schema("quotes").unwrap().fields()
    );
}

#[test]
fn no_clusters_leaves_them_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let opts = ConvertOptions {
        clusters: false,
        ..ConvertOptions::default()
    };
    let m = run(cluster_corpus(), &out, &opts).unwrap();
    assert_eq!(m.count("quotes"), 3);
    assert_eq!(m.count("clusters"), 0);
    assert_eq!(
        strings(&out, "quotes", "cluster_id"),
        vec![None, None, None]
    );
}

/// Every row of a column over the parts of a partitioned table.
fn part_strings(dir: &Path, table: &str, col: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for path in sayso::output::table_files(dir, table).unwrap() {
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        for b in reader {
            let b = b.unwrap();
            let a: &StringArray = column(&b, col);
            out.extend((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i).to_string())));
        }
    }
    out
}

#[test]
fn partitioned_output_holds_the_same_rows() {
    let tmp = tempfile::tempdir().unwrap();
    // 600 articles: batches of 256, 256 and 88, one part each
    let many = || {
        (0..30).flat_map(|k| {
            sample().into_iter().map(move |mut r| {
                if let Ok(a) = &mut r.result {
                    a.id = Some(format!("{}-{k}", a.id.as_deref().unwrap()));
                }
                r
            })
        })
    };
    let single = tmp.path().join("single");
    convert_inputs(
        Inputs::from_iter(many(), None, vec![]),
        &single,
        &ConvertOptions::default(),
        None,
    )
    .unwrap();
    let parts = tmp.path().join("parts");
    let opts = ConvertOptions {
        part_bytes: Some(1),
        ..ConvertOptions::default()
    };
    let m = convert_inputs(Inputs::from_iter(many(), None, vec![]), &parts, &opts, None).unwrap();
    for name in TABLE_NAMES {
        let files = sayso::output::table_files(&parts, name).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&parts).unwrap().display().to_string())
            .collect();
        let expect: Vec<String> = (0..3)
            .map(|i| format!("{name}/part-0000{i}.parquet"))
            .collect();
        assert_eq!(names, expect);
        assert!(!single.join(name).exists());
    }
    assert_eq!(m.count("articles"), 600);
    assert_eq!(
        part_strings(&parts, "articles", "article_id"),
        strings(&single, "articles", "article_id")
    );
    assert_eq!(
        part_strings(&parts, "quotes", "quote_id"),
        strings(&single, "quotes", "quote_id")
    );
    let ids = part_strings(&parts, "quotes", "cluster_id");
    assert!(ids.iter().all(Option::is_some));
    assert_eq!(ids, strings(&single, "quotes", "cluster_id"));
    assert_eq!(
        part_strings(&parts, "clusters", "cluster_id"),
        strings(&single, "clusters", "cluster_id")
    );
}

#[test]
fn free_text_has_no_dictionary_nor_statistics() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run(cluster_corpus(), &out, &ConvertOptions::default()).unwrap();
    let file = File::open(out.join("quotes.parquet")).unwrap();
    let meta = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .metadata()
        .clone();
    let chunk = |name: &str| {
        meta.row_group(0)
            .columns()
            .iter()
            .find(|c| c.column_path().string() == name)
            .unwrap()
            .clone()
    };
    // ids repeat only on neighbouring rows, which zstd takes care of
    for name in ["quote_id", "text", "article_id"] {
        assert!(chunk(name).dictionary_page_offset().is_none(), "{name}");
    }
    assert!(chunk("text").statistics().is_none());
    assert!(chunk("article_id").statistics().is_some());
    for name in ["kind", "speaker_id"] {
        assert!(chunk(name).dictionary_page_offset().is_some(), "{name}");
        assert!(chunk(name).statistics().is_some(), "{name}");
    }
}

/// One value of a column of the schema, as text (`null` for a null).
fn cell(c: &arrow_array::ArrayRef, i: usize) -> String {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float32Type, Int32Type};
    use arrow_schema::DataType;
    if c.is_null(i) {
        return "null".into();
    }
    match c.data_type() {
        DataType::Utf8 => c.as_string::<i32>().value(i).to_string(),
        DataType::LargeUtf8 => c.as_string::<i64>().value(i).to_string(),
        DataType::Int32 => c.as_primitive::<Int32Type>().value(i).to_string(),
        DataType::Float32 => c.as_primitive::<Float32Type>().value(i).to_string(),
        DataType::Date32 => c.as_primitive::<Date32Type>().value(i).to_string(),
        DataType::Boolean => c.as_boolean().value(i).to_string(),
        DataType::Dictionary(_, _) => {
            let d = c.as_dictionary::<Int32Type>();
            let k = d.keys().value(i) as usize;
            d.values().as_string::<i32>().value(k).to_string()
        }
        DataType::List(_) => {
            let items = c.as_list::<i32>().value(i);
            let items = items.as_string::<i32>();
            format!(
                "[{}]",
                items
                    .iter()
                    .map(|s| s.unwrap_or("null"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        other => panic!("no test display for {other}"),
    }
}

/// Every row of every table of an output directory (single files or parts),
/// each row as its values joined, sorted: the table as a set of rows.
fn row_set(dir: &Path, table: &str) -> Vec<String> {
    let mut rows = Vec::new();
    for path in sayso::output::table_files(dir, table).unwrap() {
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        for b in reader {
            let b = b.unwrap();
            for i in 0..b.num_rows() {
                let row: Vec<String> = b.columns().iter().map(|c| cell(c, i)).collect();
                rows.push(row.join(" | "));
            }
        }
    }
    rows.sort();
    rows
}

/// The sample and the cluster corpus, split in two runs: the statement quoted
/// by two outlets has one copy in each half.
fn halves() -> (Vec<Record>, Vec<Record>) {
    let mut a = sample();
    let mut b = a.split_off(a.len() / 2);
    let mut c = cluster_corpus();
    b.push(c.pop().unwrap());
    b.push(c.pop().unwrap());
    a.push(c.pop().unwrap());
    (a, b)
}

#[test]
fn resume_adds_to_an_output_as_if_converted_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = halves();
    let once = tmp.path().join("once");
    let all: Vec<Record> = a.iter().cloned().chain(b.iter().cloned()).collect();
    let m_once = run(all, &once, &ConvertOptions::default()).unwrap();

    let out = tmp.path().join("out");
    run(a.clone(), &out, &ConvertOptions::default()).unwrap();
    let articles_a = std::fs::read(out.join("articles.parquet")).unwrap();
    let resume = ConvertOptions {
        resume: true,
        ..ConvertOptions::default()
    };
    let m = run(b, &out, &resume).unwrap();
    // the earlier tables became the first parts, untouched (not extracted again)
    assert!(!out.join("articles.parquet").exists());
    assert_eq!(
        std::fs::read(out.join("articles/part-00000.parquet")).unwrap(),
        articles_a
    );
    assert_eq!(sayso::output::table_files(&out, "quotes").unwrap().len(), 2);
    for name in TABLE_NAMES {
        assert_eq!(m.count(name), m_once.count(name), "{name}");
        assert_eq!(row_set(&out, name), row_set(&once, name), "{name}");
    }
    assert_eq!(
        m.added["articles"],
        m_once.count("articles") - a.len() as u64
    );
    assert_eq!(m.inputs, vec!["mem".to_string(), "mem".to_string()]);
    // the statement split over the two runs is one cluster
    assert!(row_set(&out, "clusters")
        .iter()
        .any(|r| r.contains("Halla Brunvik | halla-brunvik | 2 | 2")));

    // the same articles again: all skipped with a note, nothing else changes
    let before = row_set(&out, "quotes");
    let n_a = a.len() as u64;
    let m2 = run(a, &out, &resume).unwrap();
    assert_eq!(m2.added["articles"], 0);
    assert_eq!(m2.added["errors"], n_a);
    assert_eq!(m2.errors_this_run(), n_a);
    assert_eq!(row_set(&out, "quotes"), before);
    assert!(row_set(&out, "errors")
        .iter()
        .all(|r| r.contains("already in the output")));
}

#[test]
fn a_failed_resume_leaves_the_output_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run(cluster_corpus(), &out, &ConvertOptions::default()).unwrap();
    let quotes = std::fs::read(out.join("quotes.parquet")).unwrap();
    // a resume into a directory that is not a sayso output fails up front
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "x").unwrap();
    let resume = ConvertOptions {
        resume: true,
        ..ConvertOptions::default()
    };
    assert!(run(cluster_corpus(), &foreign, &resume).is_err());
    assert!(foreign.join("notes.txt").is_file());
    // a resume whose clustering pass cannot read an earlier part fails, and
    // the earlier output stays as it was
    let broken = tmp.path().join("broken");
    run(cluster_corpus(), &broken, &ConvertOptions::default()).unwrap();
    std::fs::write(broken.join("quotes.parquet"), b"not parquet").unwrap();
    assert!(run(sample(), &broken, &resume).is_err());
    assert_eq!(
        std::fs::read(broken.join("quotes.parquet")).unwrap(),
        b"not parquet"
    );
    assert!(broken.join("articles.parquet").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(std::fs::read(out.join("quotes.parquet")).unwrap(), quotes);
}
