//! Throughput of the whole conversion (read → extract → write Parquet →
//! clusters) on a generated corpus: the sample articles varied (paragraphs
//! shuffled, distinct ids and dates), written as JSON Lines and read back by
//! the real reader.
//!
//! `cargo bench --bench pipeline` (release build); `SAYSO_BENCH_MB` sets the
//! size (default 10). `sayso bench` gives the same figures per stage.

use sayso::cli::bench::{run, BenchOptions};

fn main() {
    let mb: f64 = std::env::var("SAYSO_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let report = run(&BenchOptions {
        mb,
        jobs,
        from: None,
    })
    .expect("benchmark");
    print!("{}", report.render());
}
