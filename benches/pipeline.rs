//! Throughput of the whole conversion (read → extract → write Parquet) on a
//! generated corpus: the 20 sample articles repeated with distinct ids.
//!
//! `cargo bench --bench pipeline` (release build). Prints MB/s of article
//! text and articles/s for 1 thread and for all threads.

use std::time::Instant;

use sayso::input::{Inputs, Record};
use sayso::pipeline::{convert_inputs, ConvertOptions};
use sayso::Article;

fn corpus(copies: usize) -> Vec<Record> {
    let sample: Vec<serde_json::Value> =
        sayso::cli::SAMPLE_JSONL.lines().map(|l| serde_json::from_str(l).expect("sample line is JSON")).collect();
    let mut out = Vec::with_capacity(copies * sample.len());
    for k in 0..copies {
        for v in &sample {
            let id = format!("{}-{k}", v["id"].as_str().unwrap_or("x"));
            let text = v["text"].as_str().unwrap_or("").to_string();
            out.push(Record { location: id.clone(), result: Ok(Article { id: Some(id), ..Article::new(text) }), warnings: vec![] });
        }
    }
    out
}

fn main() {
    let copies: usize = std::env::var("SAYSO_BENCH_COPIES").ok().and_then(|s| s.parse().ok()).unwrap_or(500);
    let records = corpus(copies);
    let bytes: usize = records.iter().map(|r| r.result.as_ref().map_or(0, |a| a.text.len())).sum();
    let tmp = tempfile::tempdir().expect("temporary directory");
    for jobs in [Some(1), None] {
        let out = tmp.path().join(format!("out-{jobs:?}"));
        let opts = ConvertOptions { jobs, ..ConvertOptions::default() };
        let n = records.len();
        let inputs = Inputs::from_iter(records.clone().into_iter(), Some(bytes as u64), vec![]);
        let t = Instant::now();
        let m = convert_inputs(inputs, &out, &opts, None).expect("conversion");
        let secs = t.elapsed().as_secs_f64();
        println!(
            "pipeline jobs={:<4} {n} articles, {:.1} MB: {secs:.3} s, {:.2} MB/s, {:.0} articles/s, {} quotes",
            jobs.map_or("all".to_string(), |j| j.to_string()),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs,
            n as f64 / secs,
            m.count("quotes")
        );
    }
}
