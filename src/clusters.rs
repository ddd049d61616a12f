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
//!
//! Memory is what makes this pass scale: it is the one part of a conversion
//! that sees the whole corpus. A [`Clusterer`] keeps, per quotation, 20 bytes
//! (article number, start, wording number, text length, date) and, per
//! distinct *wording* (same content words, same speaker), its word hashes
//! (8 bytes a word), its speaker as two `u32` into interned strings, and,
//! while clustering, 64 bytes of LSH bucket heads. Copies of one statement
//! across thousands of articles thus cost 20 bytes each; a new wording some
//! 0.2 KB. Article ids are front-coded, outlets and speakers interned. No
//! quote text is kept: the representative wording of a cluster is read back
//! from the written `quotes` table (see [`Clustering::rep`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{Datelike, NaiveDate};

use crate::article::fnv1a64;

const HASHES: usize = 32;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const MIN_WORDS: usize = 4;
const CONTAINMENT: f64 = 0.8;
const JACCARD: f64 = 0.6;
/// Representatives kept per LSH bucket (distinct speakers may share one).
const REPS_PER_BUCKET: usize = 4;
/// "No value" in the compact `u32` / `i32` columns.
const NONE: u32 = u32::MAX;
const NO_DATE: i32 = i32::MIN;

fn stopwords() -> &'static FxHashSet<&'static [u8]> {
    // looked up once per word of every quotation: a fast hash, no need for
    // SipHash's protection (the keys are a fixed list); bytes, as the words
    // are lowered into a byte buffer
    static S: OnceLock<FxHashSet<&'static [u8]>> = OnceLock::new();
    S.get_or_init(|| {
        crate::lexicon::lines(include_str!("../lexicons/stopwords.txt"))
            .map(str::as_bytes)
            .collect()
    })
}

/// The content words of a quotation, lowercased, as sorted distinct hashes.
pub fn content_words(text: &str) -> Vec<u64> {
    let stop = stopwords();
    // words are the runs of alphanumeric characters, lowered character by
    // character as they are read: one pass, no test per word of its bytes;
    // ASCII (nearly all of it) byte by byte, without decoding
    let mut lower: Vec<u8> = Vec::with_capacity(32);
    let mut out: Vec<u64> = Vec::new();
    let mut end_word = |lower: &mut Vec<u8>| {
        if !lower.is_empty() && !stop.contains(lower.as_slice()) {
            out.push(fnv1a64(lower));
        }
        lower.clear();
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // `is_alphanumeric` and `to_lowercase` are these for ASCII
            if b.is_ascii_alphanumeric() {
                lower.push(b.to_ascii_lowercase());
            } else {
                end_word(&mut lower);
            }
            i += 1;
            continue;
        }
        // `i` is a character boundary: ASCII bytes and whole characters
        // were stepped over before it
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                lower.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        } else {
            end_word(&mut lower);
        }
    }
    end_word(&mut lower);
    out.sort_unstable();
    out.dedup();
    out
}

/// What clustering needs of one quotes row; computed by the workers from
/// the row alone (no corpus-wide state).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSketch {
    /// Code point start: the row's id is `{article_id}:q:{start}`.
    pub start: u32,
    /// Bytes of its text: the longest wording represents a cluster.
    pub text_len: u32,
    /// [`content_words`] of its text.
    pub words: Vec<u64>,
    pub speaker_id: Option<String>,
    pub speaker: Option<String>,
    pub date: Option<NaiveDate>,
}

/// The quotes rows of one article, in row order.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSketch {
    pub article_id: String,
    pub source: Option<String>,
    pub quotes: Vec<QuoteSketch>,
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

/// Strings stored once, numbered in order of first appearance.
#[derive(Default)]
struct Interner {
    index: FxHashMap<Arc<str>, u32>,
    strings: Vec<Arc<str>>,
}

impl Interner {
    fn get(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        let s: Arc<str> = Arc::from(s);
        self.strings.push(s.clone());
        self.index.insert(s, i);
        i
    }
    fn str(&self, i: u32) -> Option<&str> {
        self.strings.get(i as usize).map(|s| &**s)
    }
}

/// Strings front-coded in blocks of 16: each block starts with a whole
/// string, the others store only what differs from the one before (length
/// of the shared prefix, then the rest). Article ids of one corpus tend to
/// share long prefixes (`reuters-2024-000123`), so they cost a few bytes
/// each instead of their length plus an 8-byte offset.
#[derive(Default)]
struct Ids {
    bytes: Vec<u8>,
    blocks: Vec<usize>,
    n: usize,
    last: Vec<u8>,
}

const IDS_BLOCK: usize = 16;

fn put_varint(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> usize {
    let (mut v, mut shift) = (0usize, 0);
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= usize::from(b & 0x7F) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

impl Ids {
    fn len(&self) -> usize {
        self.n
    }

    fn push(&mut self, s: &str) {
        let s = s.as_bytes();
        let shared = if self.n % IDS_BLOCK == 0 {
            self.blocks.push(self.bytes.len());
            0
        } else {
            self.last.iter().zip(s).take_while(|(a, b)| a == b).count()
        };
        put_varint(&mut self.bytes, shared);
        put_varint(&mut self.bytes, s.len() - shared);
        self.bytes.extend_from_slice(&s[shared..]);
        self.last.clear();
        self.last.extend_from_slice(s);
        self.n += 1;
    }

    /// The bytes of id `i`, into `cur` (cleared first).
    fn get_into(&self, i: usize, cur: &mut Vec<u8>) {
        cur.clear();
        let mut at = self.blocks[i / IDS_BLOCK];
        for _ in 0..=i % IDS_BLOCK {
            let shared = get_varint(&self.bytes, &mut at);
            let rest = get_varint(&self.bytes, &mut at);
            cur.truncate(shared);
            cur.extend_from_slice(&self.bytes[at..at + rest]);
            at += rest;
        }
    }
}

/// One quotes row: 12 bytes. Its text length and date matter only through
/// the longest and earliest of its wording, kept per wording
/// ([`FormBest`]): copies of a statement cost these 12 bytes each.
#[derive(Debug, Clone, Copy)]
struct QuoteRef {
    article: u32,
    start: u32,
    form: u32,
}

/// What the clusters table needs of a wording's quotations besides their
/// ids: the longest one (the earliest of equals) and the earliest date.
#[derive(Debug, Clone, Copy)]
struct FormBest {
    rep: u32,
    rep_len: u32,
    /// Days from the common era, or [`NO_DATE`].
    date: i32,
}

/// Quotations, added in row order, then clustered by [`Self::finish`].
#[derive(Default)]
pub struct Clusterer {
    /// Article ids (only articles with quotes).
    article_ids: Ids,
    article_source: Vec<u32>,
    sources: Interner,
    speaker_ids: Interner,
    speakers: Interner,
    quotes: Vec<QuoteRef>,
    /// Distinct wordings: content-word hashes and speaker of each form.
    form_of: FxHashMap<u64, u32>,
    form_words: Vec<u64>,
    form_ends: Vec<usize>,
    form_speaker: Vec<(u32, u32)>,
    form_best: Vec<FormBest>,
}

impl Clusterer {
    pub fn new() -> Clusterer {
        Clusterer::default()
    }

    /// Quotations added so far.
    pub fn len(&self) -> usize {
        self.quotes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }

    /// Add the quotes rows of one article (articles in row order).
    pub fn add(&mut self, a: &ArticleSketch) {
        if a.quotes.is_empty() {
            return;
        }
        let article = self.article_ids.len() as u32;
        self.article_ids.push(&a.article_id);
        let source = self.sources.get(a.source.as_deref());
        self.article_source.push(source);
        for q in &a.quotes {
            let sid = self.speaker_ids.get(q.speaker_id.as_deref());
            let name = self.speakers.get(q.speaker.as_deref());
            let form = self.form(&q.words, (sid, name));
            let row = self.quotes.len() as u32;
            let best = &mut self.form_best[form as usize];
            if best.rep == NONE || q.text_len > best.rep_len {
                (best.rep, best.rep_len) = (row, q.text_len);
            }
            let date = q.date.map_or(NO_DATE, |d| d.num_days_from_ce());
            if date != NO_DATE && (best.date == NO_DATE || date < best.date) {
                best.date = date;
            }
            self.quotes.push(QuoteRef {
                article,
                start: q.start,
                form,
            });
        }
    }

    fn words(&self, form: u32) -> &[u64] {
        let f = form as usize;
        let from = if f == 0 { 0 } else { self.form_ends[f - 1] };
        &self.form_words[from..self.form_ends[f]]
    }

    /// The number of this wording, a new one if never seen.
    fn form(&mut self, words: &[u64], speaker: (u32, u32)) -> u32 {
        let mut h = mix(words.len() as u64, u64::from(speaker.0));
        h = mix(h, u64::from(speaker.1));
        for &w in words {
            h = mix(h ^ w, 0xF0);
        }
        if let Some(&f) = self.form_of.get(&h) {
            if self.words(f) == words && self.form_speaker[f as usize] == speaker {
                return f;
            }
            // a 64-bit collision: a form of its own, found by LSH instead
        }
        let f = self.form_speaker.len() as u32;
        self.form_words.extend_from_slice(words);
        self.form_ends.push(self.form_words.len());
        self.form_speaker.push(speaker);
        self.form_best.push(FormBest {
            rep: NONE,
            rep_len: 0,
            date: NO_DATE,
        });
        self.form_of.entry(h).or_insert(f);
        f
    }

    /// For every wording long enough for LSH and every band, the first
    /// wording (lowest number) with the same band hash, at `form * BANDS +
    /// band`. Computed band by band with a sort: 4 bytes per wording and band
    /// (plus 16 for the band being sorted), where a hash map of every bucket
    /// cost some 20 bytes per entry, and twice that while it grew.
    fn first_in_bucket(&self) -> Vec<u32> {
        let n = self.form_speaker.len();
        let mut first = vec![NONE; n * BANDS];
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for b in 0..BANDS {
            pairs.clear();
            for f in 0..n as u32 {
                let w = self.words(f);
                if w.len() < MIN_WORDS {
                    continue;
                }
                // rows b*ROWS.. of the MinHash signature, and the band hash of them
                let mut h = b as u64;
                for r in 0..ROWS {
                    let seed = (b * ROWS + r) as u64 + 1;
                    let min = w.iter().map(|&x| mix(x, seed)).min().unwrap_or(u64::MAX);
                    h = mix(h ^ min, 0x5EED);
                }
                pairs.push((h, f));
            }
            pairs.sort_unstable();
            for group in pairs.chunk_by(|x, y| x.0 == y.0) {
                let lead = group[0].1;
                for &(_, f) in group {
                    first[f as usize * BANDS + b] = lead;
                }
            }
        }
        first
    }

    fn speakers_agree(&self, a: u32, b: u32) -> bool {
        let (sa, na) = self.form_speaker[a as usize];
        let (sb, nb) = self.form_speaker[b as usize];
        match (sa != NONE, sb != NONE) {
            (true, true) => sa == sb,
            // one side resolved: a stated name must not contradict it
            (true, false) | (false, true) => na == NONE || nb == NONE || na == nb,
            (false, false) => true,
        }
    }

    /// Group the quotations. Consumes the word hashes; what remains is what
    /// the clusters table and the `cluster_id` column need.
    pub fn finish(self) -> Clustering {
        let n_forms = self.form_speaker.len();
        let mut uf = UnionFind((0..n_forms as u32).collect());
        // short quotations: identical wording and same speaker only
        let mut exact: HashMap<(u64, u32, bool), u32> = HashMap::new();
        // LSH buckets: each wording is compared with the first wording of
        // its bucket in every band, and with a few more representatives kept
        // only when a newcomer matched none. Never with every member, so a
        // bucket of many copies costs little.
        let first = self.first_in_bucket();
        let mut more_reps: HashMap<u64, Vec<u32>> = HashMap::new();
        for f in 0..n_forms as u32 {
            let w = self.words(f);
            if w.len() < MIN_WORDS {
                if w.is_empty() {
                    continue;
                }
                let (sid, name) = self.form_speaker[f as usize];
                let key = if sid != NONE {
                    (sid, true)
                } else if name != NONE {
                    (name, false)
                } else {
                    continue;
                };
                let wh = w.iter().fold(0u64, |h, &x| mix(h ^ x, 0x5A));
                match exact.get(&(wh, key.0, key.1)) {
                    Some(&g) if self.words(g) == w => uf.union(f, g),
                    Some(_) => {}
                    None => {
                        exact.insert((wh, key.0, key.1), f);
                    }
                }
                continue;
            }
            for b in 0..BANDS {
                let rep = first[f as usize * BANDS + b];
                if rep == f {
                    continue; // the first of its bucket
                }
                let h = (u64::from(rep) << 8) | b as u64;
                let more = more_reps.get(&h).map_or(&[][..], Vec::as_slice);
                let mut joined = false;
                for &g in std::iter::once(&rep).chain(more) {
                    if uf.find(f) == uf.find(g)
                        || (self.speakers_agree(f, g) && similar(w, self.words(g)))
                    {
                        uf.union(f, g);
                        joined = true;
                        break;
                    }
                }
                if !joined && 1 + more.len() < REPS_PER_BUCKET {
                    more_reps.entry(h).or_default().push(f);
                }
            }
        }
        drop((exact, first, more_reps));
        let Clusterer {
            article_ids,
            article_source,
            speaker_ids,
            speakers,
            quotes,
            form_speaker,
            form_best,
            form_of,
            form_words,
            form_ends,
            sources,
        } = self;
        // the word hashes are done with: freed before the members are gathered
        drop((form_of, form_words, form_ends, sources));
        Clustering::gather(
            Names {
                article_ids,
                speaker_ids,
                speakers,
                last_article: RefCell::new((u32::MAX, Vec::new())),
            },
            &article_source,
            quotes,
            (&form_speaker, &form_best),
            uf,
        )
    }
}

/// The strings a clustering result still needs.
struct Names {
    article_ids: Ids,
    speaker_ids: Interner,
    speakers: Interner,
    /// The article id decoded last, and its number: the quotes rows of an
    /// article come one after the other, and decoding an id walks up to
    /// [`IDS_BLOCK`] entries (it was a `String` per row checked).
    last_article: RefCell<(u32, Vec<u8>)>,
}

impl Names {
    fn article(&self, a: u32) -> String {
        self.with_article(a, str::to_string)
    }

    /// `f` of the id of article `a`, decoded once for a run of rows of `a`.
    fn with_article<R>(&self, a: u32, f: impl FnOnce(&str) -> R) -> R {
        let mut last = self.last_article.borrow_mut();
        let (n, bytes) = &mut *last;
        if *n != a {
            self.article_ids.get_into(a as usize, bytes);
            *n = a;
        }
        // whole UTF-8 strings went in, so whole ones come out
        f(std::str::from_utf8(bytes).unwrap_or_default())
    }
}

/// What one cluster is, without its text and quote ids (36 bytes).
#[derive(Debug, Clone, Copy)]
struct Summary {
    first: u32,
    /// The quotation with the longest text (the earliest of equals).
    rep: u32,
    rep_len: u32,
    n_articles: u32,
    last_article: u32,
    n_sources: u32,
    first_date: i32,
    /// Majority speaker id, and the first quotation that has it.
    speaker_id: u32,
    speaker_row: u32,
}

/// The clusters found: in order of their first quotation, every quotation in
/// exactly one (possibly alone).
pub struct Clustering {
    names: Names,
    quotes: Vec<QuoteRef>,
    /// Speaker (id, name) of each quotation's wording.
    form_speaker: Vec<(u32, u32)>,
    cluster_of_form: Vec<u32>,
    clusters: Vec<Summary>,
    /// Quotation numbers grouped by cluster (`member_ends` delimits them).
    members: Vec<u32>,
    member_ends: Vec<u32>,
}

impl Clustering {
    fn gather(
        names: Names,
        article_source: &[u32],
        quotes: Vec<QuoteRef>,
        (form_speaker, form_best): (&[(u32, u32)], &[FormBest]),
        mut uf: UnionFind,
    ) -> Clustering {
        let n_forms = form_speaker.len();
        // clusters numbered in order of their first quotation
        let mut cluster_of_root = vec![NONE; n_forms];
        let mut cluster_of_form = vec![NONE; n_forms];
        let mut clusters: Vec<Summary> = Vec::new();
        // (cluster, speaker id) → (count, first quotation), for every speaker
        // id of a cluster but the first one seen
        let mut votes: HashMap<(u32, u32), (u32, u32)> = HashMap::new();
        let mut first_votes: Vec<u32> = Vec::new();
        for (q, r) in quotes.iter().enumerate() {
            let q = q as u32;
            let f = r.form as usize;
            let c = match cluster_of_form[f] {
                NONE => {
                    let best = form_best[f];
                    let root = uf.find(r.form) as usize;
                    if cluster_of_root[root] == NONE {
                        cluster_of_root[root] = clusters.len() as u32;
                        clusters.push(Summary {
                            first: q,
                            rep: best.rep,
                            rep_len: best.rep_len,
                            n_articles: 0,
                            last_article: NONE,
                            n_sources: 0,
                            first_date: NO_DATE,
                            speaker_id: NONE,
                            speaker_row: NONE,
                        });
                        first_votes.push(0);
                    }
                    let c = cluster_of_root[root];
                    cluster_of_form[f] = c;
                    // a wording met for the first time brings its longest
                    // quotation (the earliest of equals) and earliest date
                    let s = &mut clusters[c as usize];
                    if best.rep_len > s.rep_len || (best.rep_len == s.rep_len && best.rep < s.rep) {
                        s.rep = best.rep;
                        s.rep_len = best.rep_len;
                    }
                    if best.date != NO_DATE && (s.first_date == NO_DATE || best.date < s.first_date)
                    {
                        s.first_date = best.date;
                    }
                    c
                }
                c => c,
            };
            let s = &mut clusters[c as usize];
            if s.last_article != r.article {
                s.last_article = r.article;
                s.n_articles += 1;
            }
            let sid = form_speaker[f].0;
            if sid != NONE {
                if s.speaker_id == NONE || s.speaker_id == sid {
                    if s.speaker_id == NONE {
                        s.speaker_id = sid;
                        s.speaker_row = q;
                    }
                    first_votes[c as usize] += 1;
                } else {
                    votes.entry((c, sid)).or_insert((0, q)).0 += 1;
                }
            }
        }
        drop((cluster_of_root, uf));
        // majority speaker: most quotations, the earliest seen among equals
        let mut best: HashMap<u32, (u32, u32, u32)> = HashMap::new();
        for (&(c, sid), &(count, row)) in &votes {
            let first = (first_votes[c as usize], clusters[c as usize].speaker_row);
            let e = best.entry(c).or_insert((first.0, first.1, NONE));
            if count > e.0 || (count == e.0 && row < e.1) {
                *e = (count, row, sid);
            }
        }
        for (c, (_, row, sid)) in best {
            if sid != NONE {
                let s = &mut clusters[c as usize];
                s.speaker_id = sid;
                s.speaker_row = row;
            }
        }
        drop((votes, first_votes));
        // members grouped by cluster, in quotation order (a counting sort)
        let mut member_ends = vec![0u32; clusters.len()];
        for r in &quotes {
            member_ends[cluster_of_form[r.form as usize] as usize] += 1;
        }
        let mut next = Vec::with_capacity(clusters.len());
        let mut total = 0u32;
        for n in member_ends.iter_mut() {
            next.push(total);
            total += *n;
            *n = total;
        }
        let mut members = vec![0u32; quotes.len()];
        for (q, r) in quotes.iter().enumerate() {
            let c = cluster_of_form[r.form as usize] as usize;
            members[next[c] as usize] = q as u32;
            next[c] += 1;
        }
        drop(next);
        // distinct outlets, cluster by cluster: a scratch list as long as the
        // largest cluster, where a list of (cluster, outlet) pairs grew with
        // the corpus (100 MB for 4 M quotations whose outlets alternate)
        let mut outlets: Vec<u32> = Vec::new();
        let mut from = 0usize;
        for (s, &end) in clusters.iter_mut().zip(&member_ends) {
            outlets.clear();
            outlets.extend(
                members[from..end as usize]
                    .iter()
                    .map(|&q| article_source[quotes[q as usize].article as usize])
                    .filter(|&o| o != NONE),
            );
            outlets.sort_unstable();
            outlets.dedup();
            s.n_sources = outlets.len() as u32;
            from = end as usize;
        }
        drop(outlets);
        Clustering {
            names,
            quotes,
            form_speaker: form_speaker.to_vec(),
            cluster_of_form,
            clusters,
            members,
            member_ends,
        }
    }

    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    /// Number of quotations clustered.
    pub fn n_quotes(&self) -> usize {
        self.quotes.len()
    }

    /// The cluster of quotation `q` (row number in the quotes table).
    pub fn cluster_of(&self, q: usize) -> usize {
        self.cluster_of_form[self.quotes[q].form as usize] as usize
    }

    /// The quotation whose text represents cluster `c` (the longest wording).
    pub fn rep(&self, c: usize) -> usize {
        self.clusters[c].rep as usize
    }

    /// The first quotation of cluster `c`: clusters are in this order.
    pub fn first(&self, c: usize) -> usize {
        self.clusters[c].first as usize
    }

    /// `{article_id}:q:{start}` of quotation `q`, as the quotes table has it.
    pub fn quote_id(&self, q: usize) -> String {
        let r = &self.quotes[q];
        format!("{}:q:{}", self.names.article(r.article), r.start)
    }

    /// Does quotes row `q` have the id `id`? (Checks that rows and keys line up.)
    pub fn has_quote_id(&self, q: usize, id: &str) -> bool {
        let r = &self.quotes[q];
        self.names.with_article(r.article, |a| {
            id.strip_prefix(a)
                .and_then(|rest| rest.strip_prefix(":q:"))
                .is_some_and(|n| n.parse::<u32>() == Ok(r.start))
        })
    }

    /// The stable id of cluster `c`: a hash of its first quotation's id.
    pub fn cluster_id(&self, c: usize) -> String {
        cluster_id_of(cluster_key(&self.quote_id(self.first(c))))
    }

    /// The row of cluster `c`, given the text of its [`Self::rep`] quotation.
    pub fn row(&self, c: usize, text: String) -> Cluster {
        let mut row = self.head(c, text);
        self.member_ids(c, |a, start| row.quote_ids.push(format!("{a}:q:{start}")));
        row
    }

    /// Calls `f(article_id, start)` for every quotation of cluster `c`, in
    /// order: its quote ids, without holding them all.
    pub fn member_ids(&self, c: usize, mut f: impl FnMut(&str, u32)) {
        for &q in self.members(c) {
            let r = &self.quotes[q as usize];
            self.names.with_article(r.article, |a| f(a, r.start));
        }
    }

    fn members(&self, c: usize) -> &[u32] {
        let from = if c == 0 {
            0
        } else {
            self.member_ends[c - 1] as usize
        };
        &self.members[from..self.member_ends[c] as usize]
    }

    /// The row of cluster `c` without its quote ids (see [`Self::member_ids`]).
    pub fn head(&self, c: usize, text: String) -> Cluster {
        let s = &self.clusters[c];
        let speaker = (s.speaker_row != NONE)
            .then(|| self.form_speaker[self.quotes[s.speaker_row as usize].form as usize].1)
            .and_then(|n| self.names.speakers.str(n))
            .map(str::to_string);
        Cluster {
            cluster_id: self.cluster_id(c),
            text,
            speaker,
            speaker_id: self.names.speaker_ids.str(s.speaker_id).map(str::to_string),
            n_articles: s.n_articles,
            n_sources: s.n_sources,
            first_date: (s.first_date != NO_DATE)
                .then(|| NaiveDate::from_num_days_from_ce_opt(s.first_date))
                .flatten(),
            quote_ids: Vec::new(),
        }
    }
}

/// The key of the cluster whose first quotation has the id `first_quote_id`
/// (never 0 in practice; see [`cluster_id_of`]).
pub fn cluster_key(first_quote_id: &str) -> u64 {
    fnv1a64(first_quote_id.as_bytes())
}

/// The `cluster_id` of a cluster key.
pub fn cluster_id_of(key: u64) -> String {
    // `format!("k{key:016x}")` without the formatting machinery: one per
    // quotes row when the quotes are rewritten
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(17);
    s.push('k');
    for shift in (0..16).rev() {
        s.push(char::from(HEX[((key >> (4 * shift)) & 0xF) as usize]));
    }
    s
}

fn mix(h: u64, seed: u64) -> u64 {
    // splitmix64 of the word hash and the seed: independent hash functions
    let mut z = h ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let up = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = up;
            x = up;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // the smaller number is the root (a choice, not needed for ids)
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi as usize] = lo;
        }
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

/// Cluster quotations held in memory with their texts (tests, small inputs):
/// the clusters in order of their first quotation and, per quotation, the
/// number of its cluster.
pub fn cluster_texts(articles: &[ArticleSketch], texts: &[&str]) -> (Vec<Cluster>, Vec<usize>) {
    let mut c = Clusterer::new();
    for a in articles {
        c.add(a);
    }
    let found = c.finish();
    let rows = (0..found.len())
        .map(|k| found.row(k, texts[found.rep(k)].to_string()))
        .collect();
    let assignment = (0..found.n_quotes()).map(|q| found.cluster_of(q)).collect();
    (rows, assignment)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One article per quotation: (article id, outlet, text, speaker).
    fn run(qs: &[(&str, &str, &str, &str)]) -> (Vec<Cluster>, Vec<usize>) {
        let articles: Vec<ArticleSketch> = qs
            .iter()
            .map(|(id, source, text, speaker)| ArticleSketch {
                article_id: id.to_string(),
                source: Some(source.to_string()),
                quotes: vec![QuoteSketch {
                    start: 1,
                    text_len: text.len() as u32,
                    words: content_words(text),
                    speaker_id: Some(crate::speakers::speaker_id(speaker)),
                    speaker: Some(speaker.to_string()),
                    date: NaiveDate::from_ymd_opt(2024, 3, 1),
                }],
            })
            .collect();
        let texts: Vec<&str> = qs.iter().map(|q| q.2).collect();
        cluster_texts(&articles, &texts)
    }

    #[test]
    fn content_words_lower_by_character() {
        // the words as `char` iteration and `to_lowercase` give them
        fn reference(text: &str) -> Vec<u64> {
            let stop = stopwords();
            let mut out = Vec::new();
            let mut word = String::new();
            for c in text.chars().chain(std::iter::once(' ')) {
                if c.is_alphanumeric() {
                    word.extend(c.to_lowercase());
                } else {
                    if !word.is_empty() && !stop.contains(word.as_bytes()) {
                        out.push(fnv1a64(word.as_bytes()));
                    }
                    word.clear();
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        }
        for text in [
            "The Minister said “we will win” — again, in 2024!",
            "ÉLYSÉE Straße İstanbul ΣΟΦΙΑ naïve café’s 3½ ﬁne",
            "",
            "  and the of  ",
        ] {
            assert_eq!(content_words(text), reference(text), "{text}");
        }
    }

    #[test]
    fn cluster_ids_are_sixteen_hex_digits() {
        for key in [0u64, 1, 0xABC, u64::MAX, 0x0123_4567_89AB_CDEF] {
            assert_eq!(cluster_id_of(key), format!("k{key:016x}"));
        }
    }

    #[test]
    fn two_translations_of_one_statement_cluster() {
        let (cl, asg) = run(&[
            (
                "a",
                "Daily One",
                "the repair work on the northern dam is coming to an end",
                "Ida Holm",
            ),
            (
                "b",
                "Evening Two",
                "the repair work on the northern dam is really coming to an end",
                "Ida Holm",
            ),
        ]);
        assert_eq!(cl.len(), 1);
        assert_eq!(asg, vec![0, 0]);
        assert_eq!(cl[0].n_articles, 2);
        assert_eq!(cl[0].n_sources, 2);
        assert_eq!(cl[0].speaker_id.as_deref(), Some("ida-holm"));
        assert_eq!(cl[0].speaker.as_deref(), Some("Ida Holm"));
        assert_eq!(cl[0].quote_ids, vec!["a:q:1", "b:q:1"]);
        assert_eq!(
            cl[0].cluster_id,
            format!("k{:016x}", fnv1a64("a:q:1".as_bytes()))
        );
        assert_eq!(
            cl[0].text,
            "the repair work on the northern dam is really coming to an end"
        );
    }

    #[test]
    fn a_truncated_quote_joins_the_full_one() {
        let (_, asg) = run(&[
            (
                "a",
                "X",
                "We will rebuild every bridge the flood destroyed, and we will start in the spring",
                "Ida Holm",
            ),
            (
                "b",
                "Y",
                "We will rebuild every bridge the flood destroyed",
                "Ida Holm",
            ),
        ]);
        assert_eq!(asg, vec![0, 0]);
    }

    #[test]
    fn different_statements_on_one_topic_stay_apart() {
        let (_, asg) = run(&[
            (
                "a",
                "X",
                "The northern dam needs new gates before the autumn rains arrive",
                "Ida Holm",
            ),
            (
                "b",
                "Y",
                "Funding for the northern dam was cut twice by the previous government",
                "Ida Holm",
            ),
        ]);
        assert_eq!(asg, vec![0, 1]);
    }

    #[test]
    fn same_words_by_different_speakers_stay_apart() {
        let (_, asg) = run(&[
            (
                "a",
                "X",
                "We will not accept this budget under any circumstances",
                "Ida Holm",
            ),
            (
                "b",
                "Y",
                "We will not accept this budget under any circumstances",
                "Oskar Lind",
            ),
        ]);
        assert_eq!(asg, vec![0, 1]);
    }

    #[test]
    fn short_phrases_need_the_same_speaker() {
        let (cl, asg) = run(&[
            ("a", "X", "Budget talks failed", "Ida Holm"),
            ("b", "X", "Budget talks failed", "Oskar Lind"),
            ("c", "Y", "budget talks failed", "Ida Holm"),
        ]);
        assert_eq!(asg, vec![0, 1, 0]);
        assert_eq!(cl[0].n_sources, 2);
        // equal lengths: the earliest wording represents the cluster
        assert_eq!(cl[0].text, "Budget talks failed");
    }

    #[test]
    fn majority_speaker_and_first_date() {
        let text = "Every school in the valley will reopen on Monday morning";
        let q = |start, speaker: Option<&str>, day| QuoteSketch {
            start,
            text_len: text.len() as u32,
            words: content_words(text),
            speaker_id: speaker.map(crate::speakers::speaker_id),
            speaker: speaker.map(str::to_string),
            date: NaiveDate::from_ymd_opt(2024, 3, day),
        };
        let a = ArticleSketch {
            article_id: "a".into(),
            source: None,
            quotes: vec![q(5, None, 9), q(40, Some("Bo Ek"), 4)],
        };
        let b = ArticleSketch {
            article_id: "b".into(),
            source: Some("Z".into()),
            quotes: vec![q(7, Some("Bo Ek"), 6), q(90, None, 2)],
        };
        let (cl, asg) = cluster_texts(&[a, b], &[text; 4]);
        assert_eq!(asg, vec![0, 0, 0, 0]);
        let c = &cl[0];
        assert_eq!(c.speaker.as_deref(), Some("Bo Ek"));
        assert_eq!((c.n_articles, c.n_sources), (2, 1));
        assert_eq!(c.first_date, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(c.quote_ids, vec!["a:q:5", "a:q:40", "b:q:7", "b:q:90"]);
    }

    #[test]
    fn front_coded_ids_come_back_whole() {
        let words = ["a-001", "a-002", "a-0021", "b", "", "é-ü", "é-ü2", "x"];
        let mut ids = Ids::default();
        let all: Vec<String> = (0..40).map(|i| format!("{}{i}", words[i % 8])).collect();
        for s in &all {
            ids.push(s);
        }
        assert_eq!(ids.len(), 40);
        let mut cur = Vec::new();
        for (i, s) in all.iter().enumerate() {
            ids.get_into(i, &mut cur);
            assert_eq!(cur, s.as_bytes());
        }
        // out of order, through the reused buffer
        for (i, s) in all.iter().enumerate().rev() {
            ids.get_into(i, &mut cur);
            assert_eq!(cur, s.as_bytes());
        }
    }

    #[test]
    fn a_huge_bucket_of_copies_is_one_cluster() {
        let text = "Every school in the valley will reopen on Monday morning";
        let ids: Vec<String> = (0..5000).map(|i| format!("a{i}")).collect();
        let qs: Vec<(&str, &str, &str, &str)> = ids
            .iter()
            .map(|id| (id.as_str(), "X", text, "Ida Holm"))
            .collect();
        let (cl, _) = run(&qs);
        assert_eq!(cl.len(), 1);
        assert_eq!(cl[0].quote_ids.len(), 5000);
        assert_eq!(cl[0].n_articles, 5000);
    }
}
