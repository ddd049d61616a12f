//! The same utterance across articles: quotations are grouped when their
//! content words overlap enough (MinHash signatures with LSH banding, so the
//! work grows with the number of quotations, not with its square), and their
//! speakers do not disagree.
//!
//! Thresholds (measured on pairs written for the tests in this module):
//! - two quotations match when the containment of the smaller set of
//!   content words in the larger is at least 0.8 (a truncated quotation, or a
//!   translation adding a word), or their Jaccard similarity is at least 0.6;
//! - quotations with fewer than 4 content words only match an identical
//!   wording by the same speaker (short phrases such as "thank you" recur
//!   without being the same utterance).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::article::fnv1a64;

/// What clustering needs to know of one quote row.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteKey {
    pub quote_id: String,
    pub article_id: String,
    pub source: Option<String>,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    pub date: Option<NaiveDate>,
}

/// One row of the clusters table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub cluster_id: String,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    pub n_articles: u32,
    pub n_sources: u32,
    pub first_date: Option<NaiveDate>,
    pub quote_ids: Vec<String>,
}

const HASHES: usize = 32;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const MIN_WORDS: usize = 4;
const CONTAINMENT: f64 = 0.8;
const JACCARD: f64 = 0.6;

fn stopwords() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| crate::lexicon::lines(include_str!("../lexicons/stopwords.txt")).collect())
}

/// The content words of a quotation, lowercased, as hashes.
fn content_words(text: &str) -> Vec<u64> {
    let stop = stopwords();
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !stop.contains(w.as_str()))
        .map(|w| fnv1a64(w.as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn mix(h: u64, seed: u64) -> u64 {
    // splitmix64 of the word hash and the seed: independent hash functions
    let mut z = h ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn signature(words: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &w in words {
        for (i, s) in sig.iter_mut().enumerate() {
            let h = mix(w, i as u64 + 1);
            if h < *s {
                *s = h;
            }
        }
    }
    sig
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // the smaller index is the root: clusters are named by their first quote
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

fn speakers_agree(a: &QuoteKey, b: &QuoteKey) -> bool {
    match (&a.speaker_id, &b.speaker_id) {
        (Some(x), Some(y)) => x == y,
        _ => match (&a.speaker, &b.speaker) {
            (Some(x), Some(y)) if a.speaker_id.is_some() || b.speaker_id.is_some() => x == y,
            _ => true,
        },
    }
}

fn similar(wa: &[u64], wb: &[u64]) -> bool {
    let (small, large) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    if small.is_empty() {
        return false;
    }
    let mut inter = 0usize;
    let (mut i, mut j) = (0, 0);
    while i < small.len() && j < large.len() {
        match small[i].cmp(&large[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let containment = inter as f64 / small.len() as f64;
    let jaccard = inter as f64 / (small.len() + large.len() - inter) as f64;
    containment >= CONTAINMENT || jaccard >= JACCARD
}

/// Group quotations into clusters. Returns the clusters (in order of their
/// first quotation) and, for each input quotation, the index of its cluster.
/// Every quotation is in exactly one cluster (possibly alone).
pub fn cluster(quotes: &[QuoteKey]) -> (Vec<Cluster>, Vec<usize>) {
    let n = quotes.len();
    let words: Vec<Vec<u64>> = quotes.iter().map(|q| content_words(&q.text)).collect();
    let mut uf = UnionFind((0..n).collect());
    // short quotations: identical wording and same speaker only
    let mut exact: HashMap<(Vec<u64>, Option<&str>), usize> = HashMap::new();
    // LSH buckets: band hash → the first quotation seen in it. Each newcomer
    // is compared with that representative only, never with every member,
    // so a bucket of thousands of copies costs thousands of comparisons.
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for i in 0..n {
        let w = &words[i];
        if w.len() < MIN_WORDS {
            if w.is_empty() {
                continue;
            }
            let key = (
                w.clone(),
                quotes[i]
                    .speaker_id
                    .as_deref()
                    .or(quotes[i].speaker.as_deref()),
            );
            if key.1.is_none() {
                continue;
            }
            match exact.get(&key) {
                Some(&j) => uf.union(i, j),
                None => {
                    exact.insert(key, i);
                }
            }
            continue;
        }
        let sig = signature(w);
        for b in 0..BANDS {
            let mut h: u64 = b as u64;
            for r in 0..ROWS {
                h = mix(h ^ sig[b * ROWS + r], 0x5EED);
            }
            let reps = buckets.entry((b, h)).or_default();
            // a few representatives per bucket (distinct speakers may share one)
            let mut joined = false;
            for &j in reps.iter() {
                if uf.find(i) == uf.find(j) {
                    joined = true;
                    break;
                }
                if speakers_agree(&quotes[i], &quotes[j]) && similar(w, &words[j]) {
                    uf.union(i, j);
                    joined = true;
                    break;
                }
            }
            if !joined && reps.len() < 4 {
                reps.push(i);
            }
        }
    }
    // gather
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut assignment = vec![0usize; n];
    for i in 0..n {
        let r = uf.find(i);
        let ci = *index_of_root.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[ci].push(i);
        assignment[i] = ci;
    }
    let clusters = members
        .iter()
        .map(|m| {
            let first = &quotes[m[0]];
            // the most complete wording represents the cluster
            let rep = m
                .iter()
                .copied()
                .max_by_key(|&i| (quotes[i].text.len(), std::cmp::Reverse(i)))
                .unwrap_or(m[0]);
            let mut votes: HashMap<&str, (usize, usize)> = HashMap::new();
            for (order, &i) in m.iter().enumerate() {
                if let Some(s) = quotes[i].speaker_id.as_deref() {
                    let e = votes.entry(s).or_insert((0, order));
                    e.0 += 1;
                }
            }
            let majority = votes
                .iter()
                .max_by_key(|(_, (c, order))| (*c, std::cmp::Reverse(*order)))
                .map(|(s, _)| *s);
            let speaker_row = majority.and_then(|s| {
                m.iter()
                    .find(|&&i| quotes[i].speaker_id.as_deref() == Some(s))
            });
            let articles: HashSet<&str> =
                m.iter().map(|&i| quotes[i].article_id.as_str()).collect();
            let sources: HashSet<&str> = m
                .iter()
                .filter_map(|&i| quotes[i].source.as_deref())
                .collect();
            Cluster {
                cluster_id: format!("k{:016x}", fnv1a64(first.quote_id.as_bytes())),
                text: quotes[rep].text.clone(),
                speaker: speaker_row.and_then(|&i| quotes[i].speaker.clone()),
                speaker_id: majority.map(str::to_string),
                n_articles: articles.len() as u32,
                n_sources: sources.len() as u32,
                first_date: m.iter().filter_map(|&i| quotes[i].date).min(),
                quote_ids: m.iter().map(|&i| quotes[i].quote_id.clone()).collect(),
            }
        })
        .collect();
    (clusters, assignment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: &str, article: &str, source: &str, text: &str, speaker: &str) -> QuoteKey {
        QuoteKey {
            quote_id: id.into(),
            article_id: article.into(),
            source: Some(source.into()),
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_id: Some(crate::speakers::speaker_id(speaker)),
            date: NaiveDate::from_ymd_opt(2024, 3, 1),
        }
    }

    #[test]
    fn two_translations_of_one_statement_cluster() {
        let qs = vec![
            q(
                "a:q:1",
                "a",
                "Daily One",
                "the repair work on the northern dam is coming to an end",
                "Ida Holm",
            ),
            q(
                "b:q:5",
                "b",
                "Evening Two",
                "the repair work on the northern dam is really coming to an end",
                "Ida Holm",
            ),
        ];
        let (cl, asg) = cluster(&qs);
        assert_eq!(cl.len(), 1);
        assert_eq!(asg, vec![0, 0]);
        assert_eq!(cl[0].n_articles, 2);
        assert_eq!(cl[0].n_sources, 2);
        assert_eq!(cl[0].speaker_id.as_deref(), Some("ida-holm"));
        assert_eq!(
            cl[0].text,
            "the repair work on the northern dam is really coming to an end"
        );
    }

    #[test]
    fn a_truncated_quote_joins_the_full_one() {
        let qs = vec![
            q(
                "a:q:1",
                "a",
                "X",
                "We will rebuild every bridge the flood destroyed, and we will start in the spring",
                "Ida Holm",
            ),
            q(
                "b:q:1",
                "b",
                "Y",
                "We will rebuild every bridge the flood destroyed",
                "Ida Holm",
            ),
        ];
        assert_eq!(cluster(&qs).1, vec![0, 0]);
    }

    #[test]
    fn different_statements_on_one_topic_stay_apart() {
        let qs = vec![
            q(
                "a:q:1",
                "a",
                "X",
                "The northern dam needs new gates before the autumn rains arrive",
                "Ida Holm",
            ),
            q(
                "b:q:1",
                "b",
                "Y",
                "Funding for the northern dam was cut twice by the previous government",
                "Ida Holm",
            ),
        ];
        assert_eq!(cluster(&qs).1, vec![0, 1]);
    }

    #[test]
    fn same_words_by_different_speakers_stay_apart() {
        let qs = vec![
            q(
                "a:q:1",
                "a",
                "X",
                "We will not accept this budget under any circumstances",
                "Ida Holm",
            ),
            q(
                "b:q:1",
                "b",
                "Y",
                "We will not accept this budget under any circumstances",
                "Oskar Lind",
            ),
        ];
        assert_eq!(cluster(&qs).1, vec![0, 1]);
    }

    #[test]
    fn a_huge_bucket_of_copies_is_one_cluster() {
        let qs: Vec<QuoteKey> = (0..5000)
            .map(|i| {
                q(
                    &format!("a{i}:q:0"),
                    &format!("a{i}"),
                    "X",
                    "Every school in the valley will reopen on Monday morning",
                    "Ida Holm",
                )
            })
            .collect();
        let (cl, _) = cluster(&qs);
        assert_eq!(cl.len(), 1);
        assert_eq!(cl[0].quote_ids.len(), 5000);
        assert_eq!(cl[0].n_articles, 5000);
    }
}
