//! Time each extraction stage over a directory of .txt articles:
//! `cargo run --release --example stage_times -- DIR [DIR…]`.
use std::time::Instant;

fn main() {
    let mut texts = Vec::new();
    for dir in std::env::args().skip(1) {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("directory")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(t);
            }
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    let pubd = chrono::NaiveDate::from_ymd_opt(2016, 9, 20);
    let mut t_seg = 0.0;
    let mut t_dates = 0.0;
    let mut t_quotes = 0.0;
    let mut t_doc = 0.0;
    let mut t_attr = 0.0;
    let mut t_claims = 0.0;
    for _ in 0..3 {
        for text in &texts {
            let t = Instant::now();
            let seg = sayso::text::segment(text);
            t_seg += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let _d = sayso::dates::tag(text, &seg, pubd);
            t_dates += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let mut quotes = sayso::quotes::detect(text, &seg);
            t_quotes += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let quoted = quotes
                .iter()
                .flat_map(|q| q.marks.iter().copied())
                .collect();
            let doc = sayso::attribution::Document::new(text, &seg, quoted);
            t_doc += t.elapsed().as_secs_f64();
            let t = Instant::now();
            sayso::attribution::attribute(&doc, &mut quotes);
            t_attr += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let _c = sayso::claims::find(&doc, &mut quotes);
            t_claims += t.elapsed().as_secs_f64();
        }
    }
    let r = |s: f64| 3.0 * mb / s;
    println!("{mb:.1} MB x3: segment {:.0} MB/s, dates {:.0} MB/s, quotes {:.0} MB/s, document (tokens, cues, mentions, coref) {:.0} MB/s, sieves {:.0} MB/s, claims {:.0} MB/s", r(t_seg), r(t_dates), r(t_quotes), r(t_doc), r(t_attr), r(t_claims));
    let total = t_seg + t_dates + t_quotes + t_doc + t_attr + t_claims;
    println!("extraction total {:.1} MB/s", r(total));
}
