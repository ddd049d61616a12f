//! The matching rule: overlap of two contents, counted over characters that
//! are neither whitespace nor quotation marks, and one-to-one greedy matching.
//!
//! Whitespace and marks are left out so that a prediction which stops inside
//! the marks (`We won`) and a gold content which includes them (`“We won”`)
//! count as the same text.

use super::quoting::is_quote_mark;

/// Sorted, merged, non-empty ranges clamped to `[0, len)`.
pub fn normalize(ranges: &[(usize, usize)], len: usize) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(s, e)| (s.min(len), e.min(len)))
        .filter(|(s, e)| s < e)
        .collect();
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The intersection of two normalised range lists.
pub fn intersect(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        let (s, e) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if s < e {
            out.push((s, e));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Counts the characters that matter for matching in any set of ranges of
/// one text, in O(ranges) after an O(text) prefix sum.
#[derive(Debug, Clone)]
pub struct Counter {
    prefix: Vec<u32>,
}

impl Counter {
    /// Prefix counts of the characters of `chars` that are neither whitespace
    /// nor quotation marks.
    pub fn new(chars: &[char]) -> Counter {
        let mut prefix = Vec::with_capacity(chars.len() + 1);
        let mut n = 0u32;
        prefix.push(0);
        for &c in chars {
            n += u32::from(!c.is_whitespace() && !is_quote_mark(c));
            prefix.push(n);
        }
        Counter { prefix }
    }

    /// Length of the text in code points.
    pub fn len(&self) -> usize {
        self.prefix.len() - 1
    }

    /// Is the text empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Counted characters in normalised `ranges`.
    pub fn count(&self, ranges: &[(usize, usize)]) -> usize {
        ranges
            .iter()
            .map(|&(s, e)| {
                (self.prefix[e.min(self.len())] - self.prefix[s.min(self.len())]) as usize
            })
            .sum()
    }
}

/// Does an overlap of `overlap` counted characters match a gold of `gold`
/// and a prediction of `pred` counted characters? At least half of each,
/// and not nothing.
pub fn is_match(overlap: usize, gold: usize, pred: usize) -> bool {
    overlap > 0 && 2 * overlap >= gold && 2 * overlap >= pred
}

/// One-to-one matching of normalised gold and predicted contents of one
/// text: every pair passing [`is_match`] is a candidate; the largest
/// overlaps are taken first (ties: earlier gold, then earlier prediction,
/// so the result is deterministic). Returns `(gold index, prediction
/// index)` pairs sorted by gold index.
pub fn greedy_match(
    counter: &Counter,
    gold: &[Vec<(usize, usize)>],
    pred: &[Vec<(usize, usize)>],
) -> Vec<(usize, usize)> {
    let gold_n: Vec<usize> = gold.iter().map(|g| counter.count(g)).collect();
    let pred_n: Vec<usize> = pred.iter().map(|p| counter.count(p)).collect();
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            // cheap rejection on the outer bounds before intersecting
            let (Some(gf), Some(gl), Some(pf), Some(pl)) =
                (g.first(), g.last(), p.first(), p.last())
            else {
                continue;
            };
            if gl.1 <= pf.0 || pl.1 <= gf.0 {
                continue;
            }
            let ov = counter.count(&intersect(g, p));
            if is_match(ov, gold_n[gi], pred_n[pi]) {
                candidates.push((ov, gi, pi));
            }
        }
    }
    candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, gi, pi) in candidates {
        if !gold_used[gi] && !pred_used[pi] {
            gold_used[gi] = true;
            pred_used[pi] = true;
            out.push((gi, pi));
        }
    }
    out.sort_unstable();
    out
}
