//! How the clustering pass grows with the number of quotations, on one core:
//! `cargo run --release --example scaling_clusters [N ...]` (default 10 000,
//! 100 000 and 1 000 000 quotations). Each size runs in a process of its
//! own, so its peak resident memory is its own.
//!
//! The quotations are synthetic but duplicated the way news is: statements
//! are drawn with a heavy-tailed popularity (the most quoted one recurs in
//! thousands of articles), and a copy is often reworded (a word replaced or
//! added, as translations do), truncated, or left without a speaker.

use std::time::Instant;

use sayso::clusters::{content_words, ArticleSketch, Clusterer, QuoteSketch};

/// splitmix64: a small deterministic generator, the same corpus every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
}

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ren", "tu", "sa", "vel", "do", "ni", "por", "ge", "al", "ris", "ba", "tem",
    "un",
];
const GLUE: [&str; 8] = ["the", "of", "and", "we", "will", "to", "in", "is"];

fn word(n: usize) -> String {
    let mut w = String::new();
    let mut k = n + 16;
    while k > 0 {
        w.push_str(SYLLABLES[k % 16]);
        k /= 16;
    }
    w
}

/// Statement `i`: 8–24 words, a quarter of them function words.
fn statement(i: usize) -> Vec<String> {
    let mut r = Rng(i as u64 ^ 0xABCD);
    let n = 8 + r.below(17);
    (0..n)
        .map(|_| {
            if r.below(4) == 0 {
                GLUE[r.below(GLUE.len())].to_string()
            } else {
                // a vocabulary of 30 000 words, frequent ones first
                word((30_000.0 * r.unit().powi(2)) as usize)
            }
        })
        .collect()
}

fn copy_of(words: &[String], r: &mut Rng) -> String {
    let mut w = words.to_vec();
    match r.below(10) {
        // a translation: one word replaced, or one added
        0 => {
            let at = r.below(w.len());
            w[at] = word(r.below(30_000));
        }
        1 => w.insert(r.below(w.len()), "really".into()),
        // a truncation to 60–90 % of the words
        2 => w.truncate((w.len() as f64 * (0.6 + 0.3 * r.unit())) as usize),
        _ => {}
    }
    w.join(" ")
}

fn speaker(statement: usize) -> String {
    format!("{} {}", word(statement % 5000), word(7 + statement % 5003))
}

fn rss_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| sayso::cli::bench::status_mb(&s, field))
        .unwrap_or(0.0)
}

/// Cluster `n` quotations and print one line of the curve.
fn one(n: usize) {
    let statements = (n / 3).max(1);
    let mut r = Rng(n as u64);
    let mut c = Clusterer::new();
    let (mut words_s, mut add_s) = (0.0, 0.0);
    let mut made = 0usize;
    let mut article = 0usize;
    while made < n {
        let k = (1 + r.below(9)).min(n - made);
        let mut quotes = Vec::with_capacity(k);
        for j in 0..k {
            // heavy-tailed popularity: P(index < x) = (x / statements)^(1/4)
            let s = ((statements as f64) * r.unit().powi(4)) as usize;
            let text = copy_of(&statement(s), &mut r);
            let name = (r.below(10) != 0).then(|| speaker(s));
            let t = Instant::now();
            let words = content_words(&text);
            words_s += t.elapsed().as_secs_f64();
            quotes.push(QuoteSketch {
                start: (j * 100) as u32,
                text_len: text.len() as u32,
                words,
                speaker_id: name.as_deref().map(sayso::speakers::speaker_id),
                speaker: name,
                date: chrono::NaiveDate::from_num_days_from_ce_opt(738_000 + r.below(700) as i32),
            });
        }
        let a = ArticleSketch {
            article_id: format!("article-{article:08}"),
            source: Some(format!("outlet-{}", r.below(200))),
            quotes,
        };
        let t = Instant::now();
        c.add(&a);
        add_s += t.elapsed().as_secs_f64();
        made += k;
        article += 1;
    }
    let t = Instant::now();
    let found = c.finish();
    let finish_s = t.elapsed().as_secs_f64();
    // every clusters row with its quote ids, as the conversion writes them
    let t = Instant::now();
    let mut largest = 0;
    for k in 0..found.len() {
        largest = largest.max(found.row(k, String::new()).quote_ids.len());
    }
    let rows_s = t.elapsed().as_secs_f64();
    println!(
        "{n:>9} quotes {article:>8} articles {:>8} clusters (largest {largest:>6}): \
         cluster {:>6.2} s (add {add_s:.2} + finish {finish_s:.2}), rows {rows_s:>5.2} s, \
         content words {words_s:>5.2} s, peak RSS {:>6.0} MB",
        found.len(),
        add_s + finish_s,
        rss_mb("VmHWM"),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = args.as_slice() {
        if flag == "--one" {
            one(n.parse().expect("a number of quotations"));
            return;
        }
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        args.iter()
            .map(|a| a.parse().expect("sizes are numbers of quotations"))
            .collect()
    };
    let me = std::env::current_exe().expect("the path of this example");
    for n in sizes {
        let status = std::process::Command::new(&me)
            .args(["--one", &n.to_string()])
            .status()
            .expect("run one size");
        assert!(status.success(), "{n} quotations: {status}");
    }
}
