//! The `sayso` binary, run in temporary directories.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn sayso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .output()
        .expect("run sayso")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A JSONL corpus of `n` short articles (the last `bad` lines broken).
fn corpus(dir: &Path, n: usize, bad: usize) -> PathBuf {
    let mut s = String::new();
    for i in 0..n {
        let text = format!("“We will finish the road in {} weeks,” said Mira Castellane, the regional planner.\n\nShe said the work would start soon.", i + 2);
        s.push_str(
            &serde_json::json!({"id": format!("n{i}"), "text": text, "published": "2024-03-04"})
                .to_string(),
        );
        s.push('\n');
    }
    for _ in 0..bad {
        s.push_str("{not json\n");
    }
    let p = dir.join("in.jsonl");
    std::fs::write(&p, s).unwrap();
    p
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn convert_prints_summary_and_writes_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 3, 0);
    let out = tmp.path().join("out");
    let o = sayso(&["convert", path(&input), "--out", path(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("converted 3 articles (0 errors): 3 quotes, "),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&format!("→ {}", out.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.join("_manifest.json").is_file());
    assert!(stdout(&o).is_empty());
}

#[test]
fn json_prints_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 2, 1);
    let out = tmp.path().join("out");
    let o = sayso(&[
        "convert",
        path(&input),
        "--out",
        path(&out),
        "--json",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let m: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(m["counts"]["articles"], 2);
    assert_eq!(m["counts"]["errors"], 1);
    assert_eq!(m["tool"], "sayso");
}

#[test]
fn exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 2, 1);
    let out = tmp.path().join("out");
    // no such input: 2, one line, nothing written
    let o = sayso(&[
        "convert",
        path(&tmp.path().join("missing.jsonl")),
        "--out",
        path(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
    assert!(!out.exists());
    // errors rows: still 0, and the summary counts them
    let o = sayso(&["convert", path(&input), "--out", path(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("converted 2 articles (1 errors)"),
        "{}",
        stderr(&o)
    );
    // exists without --overwrite: 2
    let o = sayso(&["convert", path(&input), "--out", path(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--overwrite"), "{}", stderr(&o));
    // --strict with errors rows: 1, output written
    let o = sayso(&[
        "convert",
        path(&input),
        "--out",
        path(&out),
        "--overwrite",
        "--strict",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(out.join("errors.parquet").is_file());
    // bad arguments: 2
    assert_eq!(
        sayso(&["convert", "--jobs", "0", "x", "--out", "y"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn demo_prints_who_said_what() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("demo");
    let o = sayso(&["demo", "--out", path(&out), "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("speaker ") && lines[0].trim_end().ends_with("date"),
        "{text}"
    );
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("_manifest.json")).unwrap()).unwrap();
    assert_eq!(m["counts"]["articles"], 20);
    assert_eq!(
        lines.len() as u64 - 1,
        m["counts"]["quotes"].as_u64().unwrap()
    );
    assert!(lines.len() > 10);
    // every row ends with a date of 2024 or `-`
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.ends_with('-') || l.contains(" 2024-")),
        "{text}"
    );
    // a second run replaces its own output
    assert_eq!(
        sayso(&["demo", "--out", path(&out), "--quiet"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn show_counts_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("demo");
    assert_eq!(
        sayso(&["demo", "--out", path(&out), "--quiet"])
            .status
            .code(),
        Some(0)
    );
    let o = sayso(&["show", path(&out), "--rows", "3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let articles = text
        .lines()
        .find(|l| l.trim_start().starts_with("articles"))
        .unwrap();
    assert_eq!(
        articles.split_whitespace().collect::<Vec<_>>(),
        ["articles", "20", "rows"]
    );
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("errors ")),
        "{text}"
    );
    let header = text
        .lines()
        .position(|l| l.starts_with("speaker "))
        .unwrap();
    assert_eq!(text.lines().count() - header - 1, 3, "{text}");
    let o = sayso(&["show", path(&tmp.path().join("nope"))]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn schema_json_parses() {
    let o = sayso(&["schema", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let tables = v["tables"].as_object().unwrap();
    assert_eq!(tables.len(), 7);
    assert_eq!(v["tables"]["quotes"][0]["name"], "quote_id");
    assert_eq!(v["tables"]["articles"][7]["type"], "large_string");
    let text = stdout(&sayso(&["schema"]));
    assert!(
        text.contains("quotes.parquet") && text.contains("cue_lemma"),
        "{text}"
    );
}

#[test]
fn every_help_has_examples() {
    for cmd in [
        &["--help"][..],
        &["convert", "--help"],
        &["demo", "--help"],
        &["show", "--help"],
        &["schema", "--help"],
        &["eval", "polnear", "--help"],
        &["eval", "timeml", "--help"],
        &["completions", "--help"],
    ] {
        let o = sayso(cmd);
        assert_eq!(o.status.code(), Some(0), "{cmd:?}");
        assert!(stdout(&o).contains("EXAMPLES:"), "{cmd:?}");
    }
    let o = sayso(&["--version"]);
    assert_eq!(
        stdout(&o).trim(),
        format!("sayso {}", env!("CARGO_PKG_VERSION"))
    );
    let o = sayso(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("sayso"));
}

#[test]
fn same_output_for_any_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 700, 2);
    let mut files = Vec::new();
    for jobs in ["1", "2"] {
        let out = tmp.path().join(format!("j{jobs}"));
        let o = sayso(&[
            "convert",
            path(&input),
            "--out",
            path(&out),
            "--jobs",
            jobs,
            "--quiet",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        files.push(out);
    }
    for name in sayso::table::TABLE_NAMES {
        let a = std::fs::read(files[0].join(format!("{name}.parquet"))).unwrap();
        let b = std::fs::read(files[1].join(format!("{name}.parquet"))).unwrap();
        assert!(
            a == b,
            "{name}.parquet differs between --jobs 1 and --jobs 2"
        );
    }
}

#[cfg(unix)]
#[test]
fn killed_run_leaves_no_output() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 60_000, 0);
    let out = tmp.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args([
            "convert",
            path(&input),
            "--out",
            path(&out),
            "--jobs",
            "1",
            "--quiet",
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until the run has started writing (its temporary directory exists)
    let started = || {
        std::fs::read_dir(tmp.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".out.tmp-")
        })
    };
    while !started() {
        if child.try_wait().unwrap().is_some() {
            panic!("the run ended before it could be killed; make the input bigger");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(!out.exists(), "a killed run left {}", out.display());
    // the next run cleans the stale temporary directory and succeeds
    let small = corpus(tmp.path(), 2, 0);
    assert_eq!(
        sayso(&["convert", path(&small), "--out", path(&out), "--quiet"])
            .status
            .code(),
        Some(0)
    );
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(!left.iter().any(|n| n.starts_with(".out.")), "{left:?}");
}

#[test]
fn bench_reports_every_stage_as_json() {
    let o = sayso(&["bench", "--mb", "0.05", "--jobs", "2", "--json", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = v["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "read (JSONL parse)",
            "segment",
            "quotes (detect + attribute)",
            "claims",
            "speakers (coreference)",
            "dates",
            "extraction (sum of the above but read)",
            "tables (Arrow build)",
            "Parquet write"
        ]
    );
    let jobs: Vec<u64> = v["end_to_end"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["jobs"].as_u64().unwrap())
        .collect();
    assert_eq!(jobs, vec![1, 2]);
    let runs = v["end_to_end"].as_array().unwrap();
    assert_eq!(runs[0]["articles"], runs[1]["articles"]);
    assert_eq!(runs[0]["quotes"], runs[1]["quotes"]);
    assert_eq!(runs[0]["clusters"], runs[1]["clusters"]);
    assert!(v["text_mb"].as_f64().unwrap() >= 0.05);
    if cfg!(target_os = "linux") {
        assert!(v["peak_rss_mb"].as_f64().unwrap() > 1.0);
    }
}

#[test]
fn bench_from_a_directory_of_txt() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("a.txt"),
        "“The tram line opens in May,” said Vera Quist.\n\nShe said the tickets would be free.",
    )
    .unwrap();
    let o = sayso(&[
        "bench",
        "--mb",
        "0.01",
        "--jobs",
        "1",
        "--from",
        path(tmp.path()),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // 87 bytes of text an article: 115 articles reach 10 000 bytes
    assert!(
        out.starts_with("corpus: 0.0 MB of text in 115 articles, varied from the .txt files of "),
        "{out}"
    );
    // one thread only: no second end-to-end row
    assert_eq!(
        out.lines()
            .filter(|l| l.trim_start().starts_with("1 "))
            .count(),
        1,
        "{out}"
    );
    assert!(
        !out.lines().any(|l| l.trim_start().starts_with("2 ")),
        "{out}"
    );
}

#[test]
fn no_clusters_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 3, 0);
    // the three quotes differ by one number out of five content words
    // (Jaccard 0.6): one wording of one statement for the clustering pass
    for (flag, clusters) in [(None, 1), (Some("--no-clusters"), 0)] {
        let out = tmp.path().join(format!("out-{clusters}"));
        let mut args = vec![
            "convert",
            path(&input),
            "--out",
            path(&out),
            "--json",
            "--quiet",
        ];
        args.extend(flag);
        let o = sayso(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let m: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(m["counts"]["clusters"], clusters, "{m}");
        assert_eq!(m["config"]["clusters"], flag.is_none());
    }
}

#[test]
fn part_size_writes_parts_that_show_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 3, 0);
    let out = tmp.path().join("out");
    let o = sayso(&[
        "convert",
        path(&input),
        "--out",
        path(&out),
        "--part-size",
        "0.001",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("quotes/part-00000.parquet").is_file());
    assert!(!out.join("quotes.parquet").exists());
    let o = sayso(&["show", path(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("  quotes             3 rows\n"),
        "{}",
        stdout(&o)
    );
}
