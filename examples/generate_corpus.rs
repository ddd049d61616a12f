//! Write a generated JSON Lines corpus of a given size (MB of article text),
//! for memory and throughput runs of the real command line:
//!
//! `cargo run --release --example generate_corpus -- OUT.jsonl 200 [--from DIR]`
//!
//! Articles are the embedded sample (or the .txt files of DIR), varied:
//! paragraphs shuffled, ids and publication dates distinct.

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate_corpus OUT.jsonl MB [--from DIR]";
    let (Some(out), Some(mb)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<f64>().ok()),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let bases = match args
        .iter()
        .position(|a| a == "--from")
        .and_then(|i| args.get(i + 1))
    {
        Some(dir) => sayso::cli::corpus::txt_bases(&PathBuf::from(dir)).unwrap_or_else(|e| {
            eprintln!("cannot read {dir}: {e}");
            std::process::exit(2);
        }),
        None => sayso::cli::corpus::sample_bases(),
    };
    let result = std::fs::File::create(out).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        let r = sayso::cli::corpus::write_jsonl(&bases, (mb * 1e6) as u64, &mut w)?;
        w.flush()?;
        Ok(r)
    });
    match result {
        Ok((n, bytes)) => eprintln!(
            "wrote {n} articles, {:.1} MB of text, to {out}",
            bytes as f64 / 1e6
        ),
        Err(e) => {
            eprintln!("cannot write {out}: {e}");
            std::process::exit(1);
        }
    }
}
