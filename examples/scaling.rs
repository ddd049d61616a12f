//! How extraction time grows with input size for repetitive inputs:
//! `cargo run --release --example scaling`.
use std::time::Instant;
fn main() {
    let cases: [(&str, &str); 4] = [
        ("he said", "he said "),
        ("mixed marks", "« ‹ „ ‚ ‘ ' `` "),
        ("according to", "According to "),
        (
            "line",
            "“We won,” Ana Reyes said, and he told Bo Li that “it is over” in Rome. ",
        ),
    ];
    for (name, unit) in cases {
        for n in [2_000usize, 4_000, 8_000, 16_000] {
            let text = unit.repeat(n);
            let t = Instant::now();
            let x = sayso::extract(sayso::Article::new(text.clone()));
            println!(
                "{name:<14} {:>8} bytes: {:>8.3} s ({} quotes, {} claims)",
                text.len(),
                t.elapsed().as_secs_f64(),
                x.quotes.len(),
                x.claims.len()
            );
        }
    }
}
