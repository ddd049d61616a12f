//! Builders: [`Extraction`]s → one `RecordBatch` per table.
//!
//! Every span is turned into code points here, with one [`OffsetMap`] per
//! article. A span that does not fit its text (an extraction bug) yields an
//! empty string rather than a panic: a bad row must not cost the batch.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Int32Builder, LargeStringBuilder, ListBuilder,
    StringBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray};
use arrow_buffer::NullBuffer;
use chrono::{Datelike, NaiveDate};

use super::{schema, ErrorRow};
use crate::error::Result;
use crate::model::{Extraction, Span, Utterance};
use crate::text::OffsetMap;

/// Days since 1970-01-01, Arrow's `date32`.
pub fn date32(d: NaiveDate) -> i32 {
    // 719_163 = days from 0001-01-01 (CE day 1) to 1970-01-01
    d.num_days_from_ce() - 719_163
}

/// Offsets and counts are `int32` in the contract; texts beyond 2^31 code
/// points are refused earlier by the size limit, so saturating is only a guard.
fn i32_of(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Append `{article_id}:{tag}:{start}` without a `String` per row, nor the
/// formatting machinery (one id per row of four tables).
fn append_id(b: &mut StringBuilder, article_id: &str, tag: char, start: usize) {
    use std::fmt::Write;
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = start;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // writing into a StringBuilder cannot fail; append_value("") ends the value
    let _ = b.write_str(article_id);
    let _ = b.write_char(':');
    let _ = b.write_char(tag);
    let _ = b.write_char(':');
    let _ = b.write_str(std::str::from_utf8(&digits[at..]).unwrap_or("0"));
    b.append_value("");
}

fn batch(name: &str, columns: Vec<ArrayRef>) -> Result<RecordBatch> {
    let schema = schema(name).expect("known table");
    Ok(RecordBatch::try_new(schema, columns)?)
}

/// A builder of `rows` short strings (ids, names, cues, dates as written);
/// a longer one grows its buffer.
///
/// The builders of a table chunk are sized for its rows: `new()` makes room
/// for 1024 rows, 4 KB blocks where a chunk of 32 articles has some 30 to
/// 100 rows, and each request of over 1 KB has glibc's malloc merge all its
/// small free blocks first.
fn short(rows: usize) -> StringBuilder {
    StringBuilder::with_capacity(rows, rows * 24)
}

/// The `articles` table.
pub fn articles(xs: &[Extraction]) -> Result<RecordBatch> {
    // every builder sized for the rows it gets (see `short`)
    let n = xs.len();
    let bytes = |f: fn(&Extraction) -> Option<&String>| -> usize {
        xs.iter().map(|x| f(x).map_or(0, String::len)).sum()
    };
    let mut id = StringBuilder::with_capacity(n, bytes(|x| Some(&x.article_id)));
    let mut source = ScanDict::default();
    let mut url = StringBuilder::with_capacity(n, bytes(|x| x.article.url.as_ref()));
    let mut title = StringBuilder::with_capacity(n, bytes(|x| x.article.title.as_ref()));
    let mut published = Date32Builder::with_capacity(n);
    let mut inferred = BooleanBuilder::with_capacity(n);
    let mut language = ScanDict::default();
    // sized up front: growing a buffer of megabytes by doubling copies it
    let text_bytes: usize = xs.iter().map(|x| x.article.text.len()).sum();
    let mut text = LargeStringBuilder::with_capacity(xs.len(), text_bytes);
    let (mut nq, mut nc, mut nd) = (
        Int32Builder::with_capacity(n),
        Int32Builder::with_capacity(n),
        Int32Builder::with_capacity(n),
    );
    for x in xs {
        let a = &x.article;
        id.append_value(&x.article_id);
        source.append_option(a.source.as_deref());
        url.append_option(a.url.as_deref());
        title.append_option(a.title.as_deref());
        published.append_option(x.published.map(date32));
        inferred.append_value(x.published_inferred);
        language.append(a.language.as_deref().unwrap_or("en"));
        text.append_value(&a.text);
        nq.append_value(i32_of(x.quotes.len()));
        nc.append_value(i32_of(x.claims.len()));
        nd.append_value(i32_of(x.dates.len()));
    }
    batch(
        "articles",
        vec![
            Arc::new(id.finish()),
            Arc::new(source.finish()?),
            Arc::new(url.finish()),
            Arc::new(title.finish()),
            Arc::new(published.finish()),
            Arc::new(inferred.finish()),
            Arc::new(language.finish()?),
            Arc::new(text.finish()),
            Arc::new(nq.finish()),
            Arc::new(nc.finish()),
            Arc::new(nd.finish()),
        ],
    )
}

/// A dictionary column of a few distinct values per batch (kind, date
/// source, method, cue lemma, outlet, language, the TIMEX3 type, modifier
/// and anchor): keys found by a scan of the values met so far, numbered in
/// order of first appearance as
/// [`StringDictionaryBuilder`](arrow_array::builder::StringDictionaryBuilder) does, without
/// hashing every row nor a hash table per batch. The values are borrowed
/// from the extractions until the batch is finished.
#[derive(Default)]
struct ScanDict<'a> {
    values: Vec<&'a str>,
    /// The key of the row before.
    last: usize,
    keys: Vec<i32>,
    /// Which rows have a value; `None` while every row has one.
    valid: Option<Vec<bool>>,
}

impl<'a> ScanDict<'a> {
    /// Room for the keys of `rows` rows: growing the key vector from empty
    /// cost a few reallocations per column and chunk.
    fn with_capacity(rows: usize) -> ScanDict<'a> {
        ScanDict {
            keys: Vec::with_capacity(rows),
            ..ScanDict::default()
        }
    }

    fn append(&mut self, v: &'a str) {
        // a row mostly repeats the value of the row before, often the same
        // (static) string: one pointer compare instead of a scan of string
        // compares
        let k = match self.values.get(self.last) {
            Some(&s) if std::ptr::eq(s, v) => self.last,
            _ => match self.values.iter().position(|&s| s == v) {
                Some(k) => k,
                None => {
                    self.values.push(v);
                    self.values.len() - 1
                }
            },
        };
        self.last = k;
        self.keys.push(i32_of(k));
        if let Some(valid) = &mut self.valid {
            valid.push(true);
        }
    }

    fn append_option(&mut self, v: Option<&'a str>) {
        match v {
            Some(v) => self.append(v),
            None => {
                let n = self.keys.len();
                self.valid.get_or_insert_with(|| vec![true; n]).push(false);
                // the key of a null row is never read
                self.keys.push(0);
            }
        }
    }

    fn finish(&mut self) -> Result<DictionaryArray<Int32Type>> {
        let keys = std::mem::take(&mut self.keys);
        let keys = match self.valid.take() {
            None => Int32Array::from(keys),
            Some(valid) => Int32Array::new(keys.into(), Some(NullBuffer::from(valid))),
        };
        let values = StringArray::from(std::mem::take(&mut self.values));
        self.last = 0;
        Ok(DictionaryArray::try_new(keys, Arc::new(values))?)
    }
}

/// Column builders shared by `quotes` and `claims`.
struct UtteranceCols<'a> {
    id: StringBuilder,
    article_id: StringBuilder,
    text: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    kind: ScanDict<'a>,
    speaker: StringBuilder,
    speaker_id: StringBuilder,
    mention: StringBuilder,
    mention_start: Int32Builder,
    mention_end: Int32Builder,
    cue: StringBuilder,
    cue_lemma: ScanDict<'a>,
    cue_start: Int32Builder,
    cue_end: Int32Builder,
    addressee: StringBuilder,
    sentence: Int32Builder,
    paragraph: Int32Builder,
    date: Date32Builder,
    date_source: ScanDict<'a>,
    method: ScanDict<'a>,
    confidence: Float32Builder,
    cluster_id: StringBuilder,
}

impl<'a> UtteranceCols<'a> {
    /// Builders sized for `rows` rows whose texts take `text_bytes`: a
    /// builder's default room (1024 values) is a large allocation to fill
    /// with the few dozen rows of a chunk, or to grow by copying.
    fn with_capacity(rows: usize, text_bytes: usize) -> UtteranceCols<'a> {
        let short = || short(rows);
        let int = || Int32Builder::with_capacity(rows);
        UtteranceCols {
            id: short(),
            article_id: short(),
            text: StringBuilder::with_capacity(rows, text_bytes),
            start: int(),
            end: int(),
            kind: ScanDict::with_capacity(rows),
            speaker: short(),
            speaker_id: short(),
            mention: short(),
            mention_start: int(),
            mention_end: int(),
            cue: short(),
            cue_lemma: ScanDict::with_capacity(rows),
            cue_start: int(),
            cue_end: int(),
            addressee: short(),
            sentence: int(),
            paragraph: int(),
            date: Date32Builder::with_capacity(rows),
            date_source: ScanDict::with_capacity(rows),
            method: ScanDict::with_capacity(rows),
            confidence: Float32Builder::with_capacity(rows),
            cluster_id: short(),
        }
    }

    fn push(&mut self, x: &Extraction, map: &OffsetMap, tag: char, u: &'a Utterance) {
        let text = x.article.text.as_str();
        let start = map.char_offset(u.span.start);
        append_id(&mut self.id, &x.article_id, tag, start);
        self.article_id.append_value(&x.article_id);
        self.text.append_value(&u.text);
        self.start.append_value(i32_of(start));
        self.end.append_value(i32_of(map.char_offset(u.span.end)));
        self.kind.append(u.kind.as_str());
        self.speaker.append_option(u.speaker.as_deref());
        self.speaker_id.append_option(u.speaker_id.as_deref());
        self.mention
            .append_option(u.mention.map(|s| slice(text, s)));
        self.mention_start
            .append_option(u.mention.map(|s| i32_of(map.char_offset(s.start))));
        self.mention_end
            .append_option(u.mention.map(|s| i32_of(map.char_offset(s.end))));
        self.cue.append_option(u.cue.map(|s| slice(text, s)));
        self.cue_lemma.append_option(u.cue_lemma.as_deref());
        self.cue_start
            .append_option(u.cue.map(|s| i32_of(map.char_offset(s.start))));
        self.cue_end
            .append_option(u.cue.map(|s| i32_of(map.char_offset(s.end))));
        self.addressee.append_option(u.addressee.as_deref());
        self.sentence.append_value(i32_of(u.sentence));
        self.paragraph.append_value(i32_of(u.paragraph));
        self.date.append_option(u.date.map(date32));
        self.date_source.append(u.date_source.as_str());
        self.method.append(u.method);
        // the contract says [0, 1]; NaN (never expected) becomes 0
        let c = if u.confidence.is_nan() {
            0.0
        } else {
            u.confidence.clamp(0.0, 1.0)
        };
        self.confidence.append_value(c);
        self.cluster_id.append_option(u.cluster_id.as_deref());
    }

    fn finish(mut self, name: &str) -> Result<RecordBatch> {
        batch(
            name,
            vec![
                Arc::new(self.id.finish()),
                Arc::new(self.article_id.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.kind.finish()?),
                Arc::new(self.speaker.finish()),
                Arc::new(self.speaker_id.finish()),
                Arc::new(self.mention.finish()),
                Arc::new(self.mention_start.finish()),
                Arc::new(self.mention_end.finish()),
                Arc::new(self.cue.finish()),
                Arc::new(self.cue_lemma.finish()?),
                Arc::new(self.cue_start.finish()),
                Arc::new(self.cue_end.finish()),
                Arc::new(self.addressee.finish()),
                Arc::new(self.sentence.finish()),
                Arc::new(self.paragraph.finish()),
                Arc::new(self.date.finish()),
                Arc::new(self.date_source.finish()?),
                Arc::new(self.method.finish()?),
                Arc::new(self.confidence.finish()),
                Arc::new(self.cluster_id.finish()),
            ],
        )
    }
}

/// The offset map of each article that has rows in `quotes`, `claims` or
/// `dates`: built once, for all three (a pass over each non-ASCII text).
pub fn offset_maps(xs: &[Extraction]) -> Vec<Option<OffsetMap<'_>>> {
    xs.iter()
        .map(|x| {
            let rows = !(x.quotes.is_empty() && x.claims.is_empty() && x.dates.is_empty());
            rows.then(|| OffsetMap::new(&x.article.text))
        })
        .collect()
}

/// The `quotes` and `claims` tables; `maps` are [`offset_maps`] of `xs`.
pub fn utterances(
    xs: &[Extraction],
    maps: &[Option<OffsetMap<'_>>],
) -> Result<(RecordBatch, RecordBatch)> {
    let size = |f: fn(&Extraction) -> &[Utterance]| {
        xs.iter()
            .flat_map(f)
            .fold((0, 0), |(n, bytes), u| (n + 1, bytes + u.text.len()))
    };
    let (n, bytes) = size(|x| &x.quotes);
    let mut quotes = UtteranceCols::with_capacity(n, bytes);
    let (n, bytes) = size(|x| &x.claims);
    let mut claims = UtteranceCols::with_capacity(n, bytes);
    for (x, map) in xs.iter().zip(maps) {
        let Some(map) = map else { continue };
        for u in &x.quotes {
            quotes.push(x, map, 'q', u);
        }
        for u in &x.claims {
            claims.push(x, map, 'c', u);
        }
    }
    Ok((quotes.finish("quotes")?, claims.finish("claims")?))
}

fn append_list(b: &mut ListBuilder<StringBuilder>, items: &[String]) {
    for s in items {
        b.values().append_value(s);
    }
    b.append(true);
}

/// The `speakers` table.
pub fn speakers(xs: &[Extraction]) -> Result<RecordBatch> {
    let n: usize = xs.iter().map(|x| x.speakers.len()).sum();
    let (mut sid, mut aid, mut name) = (short(n), short(n), short(n));
    let (mut aliases, mut roles) = (
        ListBuilder::with_capacity(short(n), n),
        ListBuilder::with_capacity(short(n), n),
    );
    let (mut nm, mut nq, mut nc) = (
        Int32Builder::with_capacity(n),
        Int32Builder::with_capacity(n),
        Int32Builder::with_capacity(n),
    );
    for x in xs {
        for s in &x.speakers {
            sid.append_value(&s.speaker_id);
            aid.append_value(&x.article_id);
            name.append_value(&s.name);
            append_list(&mut aliases, &s.aliases);
            append_list(&mut roles, &s.roles);
            nm.append_value(i32::try_from(s.n_mentions).unwrap_or(i32::MAX));
            nq.append_value(i32::try_from(s.n_quotes).unwrap_or(i32::MAX));
            nc.append_value(i32::try_from(s.n_claims).unwrap_or(i32::MAX));
        }
    }
    batch(
        "speakers",
        vec![
            Arc::new(sid.finish()),
            Arc::new(aid.finish()),
            Arc::new(name.finish()),
            Arc::new(aliases.finish()),
            Arc::new(roles.finish()),
            Arc::new(nm.finish()),
            Arc::new(nq.finish()),
            Arc::new(nc.finish()),
        ],
    )
}

/// The `dates` table; `maps` are [`offset_maps`] of `xs`.
pub fn dates(xs: &[Extraction], maps: &[Option<OffsetMap<'_>>]) -> Result<RecordBatch> {
    let n: usize = xs
        .iter()
        .zip(maps)
        .filter(|(_, map)| map.is_some())
        .map(|(x, _)| x.dates.len())
        .sum();
    let (mut id, mut aid, mut text) = (short(n), short(n), short(n));
    let (mut start, mut end) = (
        Int32Builder::with_capacity(n),
        Int32Builder::with_capacity(n),
    );
    let (mut typ, mut value, mut modifier) = (ScanDict::default(), short(n), ScanDict::default());
    let (mut begin, mut end_date, mut anchor) = (
        Date32Builder::with_capacity(n),
        Date32Builder::with_capacity(n),
        ScanDict::default(),
    );
    for (x, map) in xs.iter().zip(maps) {
        let Some(map) = map else { continue };
        for t in &x.dates {
            let s = map.char_offset(t.span.start);
            append_id(&mut id, &x.article_id, 'd', s);
            aid.append_value(&x.article_id);
            text.append_value(slice(&x.article.text, t.span));
            start.append_value(i32_of(s));
            end.append_value(i32_of(map.char_offset(t.span.end)));
            typ.append(t.typ.as_str());
            value.append_value(&t.value);
            modifier.append_option(t.modifier);
            begin.append_option(t.begin.map(date32));
            end_date.append_option(t.end_date.map(date32));
            anchor.append(t.anchor.as_str());
        }
    }
    batch(
        "dates",
        vec![
            Arc::new(id.finish()),
            Arc::new(aid.finish()),
            Arc::new(text.finish()),
            Arc::new(start.finish()),
            Arc::new(end.finish()),
            Arc::new(typ.finish()?),
            Arc::new(value.finish()),
            Arc::new(modifier.finish()?),
            Arc::new(begin.finish()),
            Arc::new(end_date.finish()),
            Arc::new(anchor.finish()?),
        ],
    )
}

/// The `errors` table.
pub fn errors(rows: &[ErrorRow]) -> Result<RecordBatch> {
    let (mut input, mut aid, mut error) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for r in rows {
        input.append_value(&r.input);
        aid.append_option(r.article_id.as_deref());
        error.append_value(&r.error);
    }
    batch(
        "errors",
        vec![
            Arc::new(input.finish()),
            Arc::new(aid.finish()),
            Arc::new(error.finish()),
        ],
    )
}

/// One row of the `clusters` table: the corpus-wide pass's own cluster type.
pub use crate::clusters::Cluster as ClusterRow;

/// The `clusters` table.
pub fn clusters(rows: &[ClusterRow]) -> Result<RecordBatch> {
    let mut b = ClustersBuilder::default();
    for r in rows {
        b.start_row(r);
        b.end_row();
    }
    b.finish()
}

/// Builds `clusters` batches row by row. Member ids can be written straight
/// into the list column ([`Self::add_quote_id`]): a cluster of a million
/// copies would otherwise first hold a million `String`s.
#[derive(Default)]
pub struct ClustersBuilder {
    id: StringBuilder,
    text: StringBuilder,
    speaker: StringBuilder,
    sid: StringBuilder,
    na: Int32Builder,
    ns: Int32Builder,
    first: Date32Builder,
    qids: ListBuilder<StringBuilder>,
    rows: usize,
}

impl ClustersBuilder {
    /// Begin a row: every column of `r`, and its `quote_ids` so far.
    pub fn start_row(&mut self, r: &ClusterRow) {
        self.id.append_value(&r.cluster_id);
        self.text.append_value(&r.text);
        self.speaker.append_option(r.speaker.as_deref());
        self.sid.append_option(r.speaker_id.as_deref());
        self.na
            .append_value(i32::try_from(r.n_articles).unwrap_or(i32::MAX));
        self.ns
            .append_value(i32::try_from(r.n_sources).unwrap_or(i32::MAX));
        self.first.append_option(r.first_date.map(date32));
        for q in &r.quote_ids {
            self.qids.values().append_value(q);
        }
    }

    /// Add `{article_id}:q:{start}` to the quote ids of the row begun.
    pub fn add_quote_id(&mut self, article_id: &str, start: u32) {
        append_id(self.qids.values(), article_id, 'q', start as usize);
    }

    /// End the row begun.
    pub fn end_row(&mut self) {
        self.qids.append(true);
        self.rows += 1;
    }

    /// Rows built since the last [`Self::finish`].
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Bytes of quote ids held: a batch is finished once it holds enough.
    pub fn id_bytes(&self) -> usize {
        self.qids.values_ref().values_slice().len()
    }

    /// The batch of the rows built so far; the builder starts again empty.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        self.rows = 0;
        batch(
            "clusters",
            vec![
                Arc::new(self.id.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.speaker.finish()),
                Arc::new(self.sid.finish()),
                Arc::new(self.na.finish()),
                Arc::new(self.ns.finish()),
                Arc::new(self.first.finish()),
                Arc::new(self.qids.finish()),
            ],
        )
    }
}
