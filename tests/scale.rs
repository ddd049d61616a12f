//! Scale: the output does not depend on the number of threads, and memory
//! stays bounded on a large corpus (run by hand: it needs a release build).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use sayso::pipeline::{convert, ConvertOptions};
use sayso::table::TABLE_NAMES;

/// A generated JSON Lines corpus of `mb` MB of article text in `dir`, from
/// the embedded sample, or from the .txt files of `$SAYSO_SCALE_FROM`.
fn corpus(dir: &Path, mb: f64) -> PathBuf {
    let bases = match std::env::var_os("SAYSO_SCALE_FROM") {
        Some(d) => sayso::cli::corpus::txt_bases(Path::new(&d)).unwrap(),
        None => sayso::cli::corpus::sample_bases(),
    };
    let path = dir.join("corpus.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    sayso::cli::corpus::write_jsonl(&bases, (mb * 1e6) as u64, &mut w).unwrap();
    std::io::Write::flush(&mut w).unwrap();
    path
}

#[test]
fn same_parquet_bytes_for_any_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 2.0).display().to_string();
    let mut outs = Vec::new();
    for jobs in [1, 2, 4] {
        let out = tmp.path().join(format!("j{jobs}"));
        let opts = ConvertOptions {
            jobs: Some(jobs),
            ..ConvertOptions::default()
        };
        let m = convert(std::slice::from_ref(&input), &out, &opts, None).unwrap();
        assert_eq!(m.count("errors"), 0);
        assert!(m.count("articles") > 5000, "{}", m.count("articles"));
        // the sample repeated: its quotes recur, so clusters span many articles
        assert!(
            m.count("clusters") < m.count("quotes") / 10,
            "{} clusters, {} quotes",
            m.count("clusters"),
            m.count("quotes")
        );
        outs.push(out);
    }
    for name in TABLE_NAMES {
        let file = format!("{name}.parquet");
        let first = std::fs::read(outs[0].join(&file)).unwrap();
        for out in &outs[1..] {
            assert!(
                std::fs::read(out.join(&file)).unwrap() == first,
                "{file} differs in {}",
                out.display()
            );
        }
    }
}

/// The release binary: `$SAYSO_BIN`, else `target/release/sayso`.
fn release_binary() -> PathBuf {
    let p = std::env::var_os("SAYSO_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/sayso"));
    assert!(
        p.is_file(),
        "no release binary at {}: run `cargo build --release` first (or set SAYSO_BIN)",
        p.display()
    );
    p
}

fn rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    sayso::cli::bench::status_mb(&status, "VmRSS")
}

/// Converts ~200 MB of text (`$SAYSO_SCALE_MB` to change it) with the release
/// binary, sampling its resident memory every 100 ms. `$SAYSO_SCALE_ARGS`
/// adds convert options (e.g. `--no-clusters --jobs 1`).
/// `cargo build --release && cargo test --test tests scale::memory -- --ignored --nocapture`
#[test]
#[ignore = "slow: needs a release build and a few minutes"]
fn memory_stays_bounded_on_a_large_corpus() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("skipped: needs /proc (Linux) to sample memory");
        return;
    }
    let mb: f64 = std::env::var("SAYSO_SCALE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200.0);
    let bin = release_binary();
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), mb);
    let out = tmp.path().join("out");
    let started = Instant::now();
    let extra = std::env::var("SAYSO_SCALE_ARGS").unwrap_or_default();
    let mut child = Command::new(&bin)
        .arg("convert")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .args(extra.split_whitespace())
        .spawn()
        .unwrap();
    let mut peak = 0.0f64;
    let status = loop {
        if let Some(rss) = rss_mb(child.id()) {
            peak = peak.max(rss);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let secs = started.elapsed().as_secs_f64();
    assert!(status.success(), "{status}");
    let m = sayso::output::Manifest::read(&out).unwrap();
    eprintln!(
        "{mb} MB of text, {} articles, {} quotes, {} clusters: peak RSS {peak:.0} MB, {secs:.1} s",
        m.count("articles"),
        m.count("quotes"),
        m.count("clusters")
    );
    assert!(peak > 0.0);
    assert!(peak <= 300.0, "peak RSS {peak:.0} MB");
}
