//! Generated corpora for benchmarks and scale tests: base articles (the
//! embedded sample, or a directory of .txt files) varied into as many
//! distinct articles as wanted: paragraphs shuffled, ids and publication
//! dates distinct. Deterministic: the same bases and size give the same bytes.

use std::io::{self, Write};
use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::article::parse_published;

/// One article to vary.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    /// Paragraphs, without the blank lines between them.
    pub paragraphs: Vec<String>,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// The sample articles embedded in the binary.
pub fn sample_bases() -> Vec<Base> {
    super::SAMPLE_JSONL
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            Base {
                id: s("id").unwrap_or_else(|| "sample".into()),
                title: s("title"),
                source: s("source"),
                published: s("published").and_then(|p| parse_published(&p)),
                paragraphs: paragraphs(&s("text").unwrap_or_default()),
            }
        })
        .collect()
}

/// Every `.txt` file of `dir` (sorted by name; id = file stem; files that
/// are not UTF-8 are skipped).
pub fn txt_bases(dir: &Path) -> io::Result<Vec<Base>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Base {
            id,
            title: None,
            source: None,
            published: None,
            paragraphs: paragraphs(&text),
        });
    }
    Ok(out)
}

/// splitmix64: a small, seedable, well-mixed generator, enough to shuffle
/// paragraphs reproducibly (no statistical quality is needed here).
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Article `n` of the generated corpus, as a JSON object.
pub fn article(bases: &[Base], n: usize) -> serde_json::Value {
    let base = &bases[n % bases.len()];
    let copy = n / bases.len();
    let mut rng = Mix(n as u64);
    let mut paras: Vec<&str> = base.paragraphs.iter().map(String::as_str).collect();
    // the first copy is the article as written; later ones are shuffled
    if copy > 0 {
        for i in (1..paras.len()).rev() {
            paras.swap(i, rng.below(i + 1));
        }
    }
    let start = base
        .published
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date"));
    // spread the copies over about ten years
    let published = start
        .checked_add_days(Days::new((copy % 3650) as u64))
        .unwrap_or(start);
    let mut v = serde_json::json!({
        "id": format!("{}-{copy:06}", base.id),
        "published": published.to_string(),
        "text": paras.join("\n\n"),
    });
    if let Some(t) = &base.title {
        v["title"] = t.clone().into();
    }
    if let Some(s) = &base.source {
        v["source"] = s.clone().into();
    }
    v
}

/// Write generated articles as JSON Lines until at least `text_bytes` bytes
/// of article text were written. Returns (articles, text bytes).
pub fn write_jsonl(
    bases: &[Base],
    text_bytes: u64,
    out: &mut impl Write,
) -> io::Result<(u64, u64)> {
    if bases.iter().all(|b| b.paragraphs.is_empty()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "no article with text to generate a corpus from",
        ));
    }
    let (mut n, mut bytes) = (0u64, 0u64);
    while bytes < text_bytes {
        let v = article(bases, n as usize);
        bytes += v["text"].as_str().map_or(0, |t| t.len() as u64);
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok((n, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Vec<Base> {
        vec![Base {
            id: "b".into(),
            title: None,
            source: Some("Bay Times".into()),
            published: NaiveDate::from_ymd_opt(2022, 5, 1),
            paragraphs: vec![
                "One.".into(),
                "Two.".into(),
                "Three.".into(),
                "Four.".into(),
            ],
        }]
    }

    #[test]
    fn copies_differ_and_repeat() {
        let a0 = article(&base(), 0);
        assert_eq!(a0["text"], "One.\n\nTwo.\n\nThree.\n\nFour.");
        assert_eq!(
            (a0["id"].as_str(), a0["published"].as_str()),
            (Some("b-000000"), Some("2022-05-01"))
        );
        let a3 = article(&base(), 3);
        assert_eq!(
            (a3["id"].as_str(), a3["published"].as_str()),
            (Some("b-000003"), Some("2022-05-04"))
        );
        let mut paras: Vec<&str> = a3["text"].as_str().unwrap().split("\n\n").collect();
        paras.sort();
        assert_eq!(paras, vec!["Four.", "One.", "Three.", "Two."]);
        assert_eq!(article(&base(), 3), a3);
    }

    #[test]
    fn jsonl_reaches_the_size() {
        let mut buf = Vec::new();
        let (n, bytes) = write_jsonl(&base(), 100, &mut buf).unwrap();
        assert_eq!((n, bytes), (4, 100));
        assert_eq!(buf.iter().filter(|&&b| b == b'\n').count(), 4);
        assert!(write_jsonl(&[], 10, &mut Vec::new()).is_err());
    }

    #[test]
    fn sample_has_bases() {
        let b = sample_bases();
        assert_eq!(b.len(), 20);
        assert!(b
            .iter()
            .all(|b| !b.paragraphs.is_empty() && b.published.is_some()));
    }
}
