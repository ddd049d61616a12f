//! Batch conversion: readers → parallel extraction → ordered writer.
//!
//! Three stages joined by bounded channels, each handling batches in input
//! order, so the output is identical for any number of threads:
//!
//! 1. one thread reads records and groups them into batches (256 articles or
//!    8 MB of text), turning unreadable records, warnings, oversize articles
//!    and duplicate ids into `errors` rows;
//! 2. one thread hands each batch to a local rayon pool of `jobs` threads,
//!    whose workers extract chunks of 32 articles and build everything of
//!    them that needs no corpus-wide state: Arrow tables (code point
//!    offsets, ids) and the clustering sketches of their quotes;
//! 3. the calling thread only encodes the tables as Parquet, adds the
//!    sketches to the clustering pass, and reports progress.
//!
//! Memory is bounded by the few batches in flight, never by the corpus,
//! except for the clustering pass (see below).
//!
//! Clusters are a corpus-wide pass: while the batches are written, a
//! [`Clusterer`] keeps about 20 bytes per quotes row and one entry per
//! distinct wording (see [`crate::clusters`]). After the last batch it
//! clusters them, then streams `quotes.parquet` back, rewriting it with the
//! `cluster_id` column filled in and writing each `clusters` row as its first
//! quotation goes by (representative texts that come later are read in a
//! first, text-only pass). Everything happens in the staged directory, so
//! the output stays atomic. `clusters: false` (`--no-clusters`) skips it.
//!
//! # Resume
//!
//! With `resume`, the earlier output becomes the first parts of a new
//! staged directory (hard links: nothing is extracted or copied again), its
//! article ids are loaded so that articles met again are skipped (an
//! `errors` row says so), its quotes rows are fed to the clustering pass
//! before the new ones, and the new batches go into new parts. The result
//! holds the rows of one run over both inputs (with the earlier rows first);
//! the old directory is swapped out only at the end.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;
use std::time::{Duration, Instant};

use arrow_array::{Array, ArrayAccessor};
use crossbeam_channel::bounded;
use rayon::prelude::*;

use crate::article::Article;
use crate::clusters::{ArticleSketch, Clusterer};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::input::{Format, InputOptions, Inputs, Record};
use crate::model::Extraction;
use crate::output::{Manifest, OutputWriter};
use crate::table::{self, ErrorRow, Tables, TABLE_NAMES};

/// Articles per batch: enough work to keep every core busy between two
/// hand-offs, few enough that a batch of news articles is a few MB.
const BATCH_ARTICLES: usize = 256;
/// Text bytes per batch, so a corpus of long documents stays bounded too.
const BATCH_BYTES: usize = 8 * 1024 * 1024;
/// Batches waiting between two stages.
const CHANNEL_BATCHES: usize = 2;
/// Default per-article limit: far above any news article, low enough that a
/// mis-split input (a whole corpus in one field) cannot exhaust memory.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 20 * 1024 * 1024;

/// Options of a conversion run.
#[derive(Debug, Clone)]
pub struct ConvertOptions {
    /// Worker threads (default: all cores).
    pub jobs: Option<usize>,
    /// Replace an existing output directory.
    pub overwrite: bool,
    /// Fail (non-zero exit, Python exception) when any errors row was written.
    pub strict: bool,
    pub input: InputOptions,
    /// Articles with more text than this (bytes) become `errors` rows
    /// (default [`DEFAULT_MAX_ARTICLE_BYTES`]).
    pub max_article_bytes: Option<usize>,
    /// Group quotes across articles into `clusters.parquet` and fill
    /// `quotes.cluster_id` (default true). Off, both stay empty, for users
    /// who cluster later or elsewhere.
    pub clusters: bool,
    /// Write every table as a directory of parts (`quotes/part-00000.parquet`,
    /// …), starting a new part once this many bytes of article text went into
    /// the current one (checked between batches of up to 8 MB). `None`: one
    /// file per table.
    pub part_bytes: Option<u64>,
    /// Add the articles to the existing output directory `out` instead of
    /// replacing it (see [`resume`](self#resume)); a missing `out` is
    /// simply created.
    pub resume: bool,
}

impl Default for ConvertOptions {
    fn default() -> ConvertOptions {
        ConvertOptions {
            jobs: None,
            overwrite: false,
            strict: false,
            input: InputOptions::default(),
            max_article_bytes: None,
            clusters: true,
            part_bytes: None,
            resume: false,
        }
    }
}

/// Progress of a running conversion, reported after each batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub articles: u64,
    pub errors: u64,
    pub bytes: u64,
    pub total_bytes: Option<u64>,
}

/// Convert `inputs` into the output directory `out`.
pub fn convert(
    inputs: &[String],
    out: &Path,
    opts: &ConvertOptions,
    progress: Option<&(dyn Fn(&Progress) + Sync)>,
) -> Result<Manifest> {
    let opened = crate::input::open(inputs, &opts.input)?;
    convert_inputs(opened, out, opts, progress)
}

/// Extract a batch of articles in parallel (order kept). An article whose
/// extraction fails internally becomes an error row instead of a panic.
pub fn extract_batch(
    articles: Vec<Article>,
    jobs: Option<usize>,
) -> (Vec<Extraction>, Vec<ErrorRow>) {
    let located: Vec<(String, Article)> = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| (format!("article[{i}]"), a))
        .collect();
    let extractor = Extractor::new();
    match jobs {
        None => extract_located(&extractor, located),
        // one thread is the calling one: starting a pool for it cost more
        // than extracting a short article (`sayso.extract` of one text)
        Some(1) => extract_sequential(&extractor, located),
        Some(n) => match pool(Some(n)) {
            Ok(p) => p.install(|| extract_located(&extractor, located)),
            Err(_) => extract_located(&extractor, located),
        },
    }
}

fn pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    let n = jobs.unwrap_or(0);
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("sayso-extract-{i}"))
        .build()
        .map_err(|e| Error::Output(format!("cannot start {n} worker threads: {e}")))
}

thread_local! {
    /// Set while an article is extracted under `catch_unwind`: its panic
    /// message becomes an errors row, so the default hook must not print it.
    static QUIET_PANIC: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET_PANIC.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Extract every article in the current rayon pool, keeping order; a panic
/// in one article becomes an errors row for it.
fn extract_located(
    extractor: &Extractor,
    articles: Vec<(String, Article)>,
) -> (Vec<Extraction>, Vec<ErrorRow>) {
    install_quiet_hook();
    let results: Vec<std::result::Result<Extraction, ErrorRow>> = articles
        .into_par_iter()
        .map(|(location, article)| extract_one(extractor, location, article))
        .collect();
    let mut ok = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(x) => ok.push(x),
            Err(e) => errors.push(e),
        }
    }
    (ok, errors)
}

/// Extract articles one after the other on the current thread; a panic in
/// one article becomes an errors row for it.
fn extract_sequential(
    extractor: &Extractor,
    articles: Vec<(String, Article)>,
) -> (Vec<Extraction>, Vec<ErrorRow>) {
    install_quiet_hook();
    let mut ok = Vec::with_capacity(articles.len());
    let mut errors = Vec::new();
    for (location, article) in articles {
        match extract_one(extractor, location, article) {
            Ok(x) => ok.push(x),
            Err(e) => errors.push(e),
        }
    }
    (ok, errors)
}

/// Extract one article under `catch_unwind`.
fn extract_one(
    extractor: &Extractor,
    location: String,
    article: Article,
) -> std::result::Result<Extraction, ErrorRow> {
    let article_id = article.article_id();
    QUIET_PANIC.with(|q| q.set(true));
    let r = panic::catch_unwind(AssertUnwindSafe(|| extractor.extract(article)));
    QUIET_PANIC.with(|q| q.set(false));
    r.map_err(|p| ErrorRow {
        input: location,
        article_id: Some(article_id),
        error: format!(
            "internal error while extracting this article ({}); the article was skipped, please report it with its text",
            panic_message(p.as_ref())
        ),
    })
}

/// A batch on its way from the reader to the extractor.
struct Batch {
    articles: Vec<(String, Article)>,
    /// Errors found while reading, in record order.
    errors: Vec<ErrorRow>,
    bytes: u64,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            articles: Vec::new(),
            errors: Vec::new(),
            bytes: 0,
        }
    }
    fn is_full(&self) -> bool {
        self.articles.len() >= BATCH_ARTICLES
            || self.bytes as usize >= BATCH_BYTES
            || self.errors.len() >= BATCH_ARTICLES
    }
    fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.errors.is_empty()
    }
}

/// The reader's bookkeeping: ids seen so far, the size limit.
///
/// Ids are remembered as 64-bit hashes, 8 bytes each where the ids
/// themselves cost some 70 (a corpus of 3 M short articles held 200 MB of
/// them). Two distinct ids share a hash with a probability of about
/// n² / 2⁶⁵ (one in four million for 3 M ids); one of them would then be
/// treated as a duplicate, renamed and reported in `errors`.
#[derive(Default)]
struct Admit {
    seen: HashSet<u64>,
    /// How often each id met more than once was met (only those).
    repeats: HashMap<String, u32>,
    /// Article ids of the output being resumed: such articles are skipped.
    existing: HashSet<u64>,
    max_bytes: usize,
}

/// SipHash with fixed keys: well mixed, and the same in every run.
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

impl Admit {
    /// Turn one record into an article and/or errors rows of `batch`.
    fn record(&mut self, rec: Record, batch: &mut Batch) {
        let Record {
            location,
            result,
            warnings,
        } = rec;
        let mut article = match result {
            Ok(a) => a,
            Err(error) => {
                batch.errors.push(ErrorRow {
                    input: location,
                    article_id: None,
                    error,
                });
                return;
            }
        };
        let id = article.article_id();
        if self.existing.contains(&id_hash(&id)) {
            batch.errors.push(ErrorRow {
                input: location,
                article_id: Some(id),
                error: "an article with this id is already in the output (converted by an earlier run); skipped".into(),
            });
            return;
        }
        for w in warnings {
            batch.errors.push(ErrorRow {
                input: location.clone(),
                article_id: Some(id.clone()),
                error: w,
            });
        }
        if article.text.len() > self.max_bytes {
            batch.errors.push(ErrorRow {
                input: location,
                article_id: Some(id),
                error: format!(
                    "article text is {:.1} MB, over the limit of {:.1} MB; split it, or raise the limit (--max-article-mb)",
                    article.text.len() as f64 / 1e6,
                    self.max_bytes as f64 / 1e6
                ),
            });
            return;
        }
        let id = self.unique_id(id, &location, batch);
        article.id = Some(id);
        batch.bytes += article.text.len() as u64;
        batch.articles.push((location, article));
    }

    /// The id itself the first time; `id~2`, `id~3`… (with an errors row) after.
    fn unique_id(&mut self, id: String, location: &str, batch: &mut Batch) -> String {
        if self.seen.insert(id_hash(&id)) {
            return id;
        }
        let n = self.repeats.entry(id.clone()).or_insert(1);
        *n += 1;
        let mut k = *n;
        let mut new = format!("{id}~{k}");
        while self.seen.contains(&id_hash(&new)) {
            k += 1;
            new = format!("{id}~{k}");
        }
        self.seen.insert(id_hash(&new));
        batch.errors.push(ErrorRow {
            input: location.to_string(),
            article_id: Some(new.clone()),
            error: format!("duplicate article id {id:?} (already used earlier in this run); this article was kept as {new:?}"),
        });
        new
    }
}

fn config_json(opts: &ConvertOptions, jobs: usize) -> serde_json::Value {
    let f = &opts.input.fields;
    let format = match opts.input.format {
        Format::Auto => "auto",
        Format::Jsonl => "jsonl",
        Format::Txt => "txt",
        Format::Parquet => "parquet",
        Format::Csv => "csv",
    };
    serde_json::json!({
        "jobs": jobs,
        "overwrite": opts.overwrite,
        "strict": opts.strict,
        "format": format,
        "fields": {
            "text": f.text, "id": f.id, "title": f.title, "source": f.source,
            "url": f.url, "published": f.published, "language": f.language,
        },
        "max_article_bytes": opts.max_article_bytes.unwrap_or(DEFAULT_MAX_ARTICLE_BYTES),
        "clusters": opts.clusters,
        "part_bytes": opts.part_bytes,
        "resume": opts.resume,
    })
}

/// What a resumed run needs of the output it adds to: the article ids
/// already there (skipped when met again), and, when clustering, the earlier
/// quotes rows fed to `clusterer` first, in their order, so the clusters are
/// those of one run over everything. Holds the ids and outlets of the
/// earlier articles meanwhile.
fn earlier_rows(writer: &OutputWriter, clusterer: Option<&mut Clusterer>) -> Result<HashSet<u64>> {
    let mut ids = HashSet::new();
    let mut outlets: HashMap<String, Option<String>> = HashMap::new();
    let want_outlets = clusterer.is_some();
    writer.scan_done("articles", &["article_id", "source"], |b| {
        let id = table::strings(&b, "article_id")?;
        let source = table::dictionary_strings(&b, "source")?;
        for i in 0..b.num_rows() {
            ids.insert(id_hash(id.value(i)));
            if want_outlets {
                outlets.insert(
                    id.value(i).to_string(),
                    source.is_valid(i).then(|| source.value(i).to_string()),
                );
            }
        }
        Ok(())
    })?;
    if let Some(clusterer) = clusterer {
        let columns = [
            "article_id",
            "text",
            "start",
            "speaker",
            "speaker_id",
            "date",
        ];
        writer.scan_done("quotes", &columns, |b| {
            for a in table::sketches_with(&b, |id| outlets.get(id).cloned().flatten())? {
                clusterer.add(&a);
            }
            Ok(())
        })?;
    }
    Ok(ids)
}

/// Clusters rows per batch, and bytes of their quote ids: a batch is
/// written once either is reached (one cluster may exceed the latter alone).
const CLUSTER_BATCH_ROWS: usize = 16 * 1024;
const CLUSTER_BATCH_BYTES: usize = 8 * 1024 * 1024;

/// The corpus-wide pass: cluster the quotes, then stream `quotes` back once
/// (twice when some cluster is represented by a later, longer quotation) to
/// fill its `cluster_id` column and write each `clusters` row when its first
/// quotation goes by. No quote text is held but those representatives.
fn write_clusters(writer: &mut OutputWriter, clusterer: Clusterer) -> Result<()> {
    writer.flush()?;
    let found = clusterer.finish();
    let mut later: Vec<usize> = (0..found.len())
        .filter(|&c| found.rep(c) != found.first(c))
        .map(|c| found.rep(c))
        .collect();
    later.sort_unstable();
    let mut texts: HashMap<usize, String> = HashMap::with_capacity(later.len());
    if !later.is_empty() {
        let mut row = 0usize;
        let mut next = later.iter().copied().peekable();
        writer.scan("quotes", &["text"], |batch| {
            let text = table::strings(&batch, "text")?;
            for i in 0..batch.num_rows() {
                while next.next_if(|&q| q < row + i).is_some() {}
                if next.next_if_eq(&(row + i)).is_some() {
                    texts.insert(row + i, text.value(i).to_string());
                }
            }
            row += batch.num_rows();
            Ok(())
        })?;
    }
    let mut row = 0usize;
    let mut rows = table::ClustersBuilder::default();
    // each cluster's key (8 bytes), from its first row on
    let mut keys: Vec<u64> = vec![0; found.len()];
    writer.rewrite_emitting("quotes", Some("clusters"), |batch| {
        let (qid, text) = (
            table::strings(&batch, "quote_id")?,
            table::strings(&batch, "text")?,
        );
        let mut ids = Vec::with_capacity(batch.num_rows());
        let mut done = Vec::new();
        for i in 0..batch.num_rows() {
            let q = row + i;
            if q >= found.n_quotes() || !found.has_quote_id(q, qid.value(i)) {
                return Err(Error::Output(format!(
                    "quotes row {q} ({}) does not match the clustering keys",
                    qid.value(i)
                )));
            }
            let c = found.cluster_of(q);
            if found.first(c) == q {
                // this row's id names the cluster: no need to rebuild it
                keys[c] = crate::clusters::cluster_key(qid.value(i));
            }
            ids.push(match keys[c] {
                0 => found.cluster_id(c),
                k => crate::clusters::cluster_id_of(k),
            });
            if found.first(c) == q {
                let rep = found.rep(c);
                let t = if rep == q {
                    text.value(i).to_string()
                } else {
                    texts.remove(&rep).unwrap_or_default()
                };
                rows.start_row(&found.head(c, t));
                found.member_ids(c, |a, start| rows.add_quote_id(a, start));
                rows.end_row();
                if rows.rows() >= CLUSTER_BATCH_ROWS || rows.id_bytes() >= CLUSTER_BATCH_BYTES {
                    done.push(rows.finish()?);
                }
            }
        }
        row += batch.num_rows();
        let batch = table::with_cluster_ids(batch, ids.iter().map(|s| Some(s.as_str())))?;
        Ok((batch, done))
    })?;
    if rows.rows() > 0 {
        writer.write_table("clusters", &rows.finish()?)?;
    }
    Ok(())
}

/// Articles per table chunk: each rayon worker extracts a chunk and builds
/// its Arrow batches, so the writer thread only encodes Parquet. The chunking
/// depends on the input order only, never on the number of threads, so the
/// Parquet bytes are the same for any `jobs`.
const CHUNK_ARTICLES: usize = 32;

/// The tables of one chunk of a batch, built by a worker.
struct Chunk {
    tables: Tables,
    /// What clustering needs of the quotes rows (empty when it is off).
    sketches: Vec<ArticleSketch>,
}

/// What the extraction stage hands to the writer.
struct Built {
    /// In input order; the batch's errors rows are in the first chunk.
    chunks: Vec<Chunk>,
    articles: u64,
    errors: u64,
    bytes: u64,
}

/// Extract one batch in the current rayon pool and build its tables, chunk by
/// chunk, inside the workers.
fn extract_and_build(
    extractor: &Extractor,
    articles: Vec<(String, Article)>,
    mut errors: Vec<ErrorRow>,
    bytes: u64,
    want_keys: bool,
) -> Result<Built> {
    let mut groups: Vec<Vec<(String, Article)>> = Vec::new();
    let mut it = articles.into_iter().peekable();
    while it.peek().is_some() {
        groups.push(it.by_ref().take(CHUNK_ARTICLES).collect());
    }
    let done: Vec<(u64, Vec<ErrorRow>, Result<Chunk>)> = groups
        .into_par_iter()
        .map(|group| {
            let (xs, panics) = extract_sequential(extractor, group);
            let chunk = build_chunk(&xs, &[], want_keys);
            // the extractions are dropped here, in the workers, in parallel:
            // freeing their many small blocks (some 2% of a conversion) was
            // serial work of the thread that hands out the batches
            (xs.len() as u64, panics, chunk)
        })
        .collect();
    let mut chunks = Vec::with_capacity(done.len() + 1);
    let mut extracted = 0u64;
    for (n, panics, chunk) in done {
        extracted += n;
        errors.extend(panics);
        chunks.push(chunk?);
    }
    // errors rows are few: one small chunk of their own, first, so the errors
    // table keeps input order within the batch
    if !errors.is_empty() {
        chunks.insert(0, build_chunk(&[], &errors, false)?);
    }
    Ok(Built {
        chunks,
        articles: extracted,
        errors: errors.len() as u64,
        bytes,
    })
}

fn build_chunk(xs: &[Extraction], errors: &[ErrorRow], want_keys: bool) -> Result<Chunk> {
    let tables = table::build(xs, errors)?;
    let sketches = if want_keys && tables.quotes.num_rows() > 0 {
        table::sketches(&tables.quotes, &tables.articles)?
    } else {
        Vec::new()
    };
    Ok(Chunk { tables, sketches })
}

/// Keep freed memory from piling up in glibc's heap over a long run.
///
/// glibc raises its mmap threshold each time a large block is freed (up to
/// 32 MB), after which batch buffers of up to that size come from the heap,
/// which then fragments between the long-lived vectors of the clustering
/// pass: on a 200 MB corpus the peak RSS was 151 MB with the moving
/// threshold, 102 MB with a fixed one, at the same CPU time. Setting it once fixes it (and
/// stops the moving); 128 KiB is glibc's own starting value. Other
/// allocators manage their own memory and are left alone.
fn bound_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: Once = Once::new();
        // SAFETY: mallopt only sets a tuning parameter of the allocator; it
        // is thread-safe and may be called at any time.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        });
    }
}

/// Convert already opened inputs (see [`crate::input::open`], or
/// [`Inputs::from_iter`] for records built in memory) into `out`, applying
/// `opts.strict` like [`convert`].
pub fn convert_inputs(
    inputs: Inputs,
    out: &Path,
    opts: &ConvertOptions,
    progress: Option<&(dyn Fn(&Progress) + Sync)>,
) -> Result<Manifest> {
    let manifest = write_inputs(inputs, out, opts, progress)?;
    let errors = manifest.count("errors");
    if opts.strict && errors > 0 {
        return Err(Error::Output(format!(
            "strict mode: {errors} input problem(s) were recorded in {}; the output was written",
            out.join("errors.parquet").display()
        )));
    }
    Ok(manifest)
}

/// Like [`convert_inputs`], but returns the manifest even when `opts.strict`
/// is set and errors rows were written (the caller decides, e.g. the exit code).
pub fn write_inputs(
    inputs: Inputs,
    out: &Path,
    opts: &ConvertOptions,
    progress: Option<&(dyn Fn(&Progress) + Sync)>,
) -> Result<Manifest> {
    let started = Instant::now();
    bound_allocator();
    let pool = pool(opts.jobs)?;
    let mut manifest = Manifest::new(
        config_json(opts, pool.current_num_threads()),
        inputs.paths.clone(),
    );
    let total_bytes = inputs.total_bytes;
    let resuming = opts.resume && std::fs::symlink_metadata(out).is_ok();
    let (mut writer, previous) = if resuming {
        let (w, m) = OutputWriter::resume(out)?;
        (w, Some(m))
    } else {
        let w = match opts.part_bytes {
            Some(_) => OutputWriter::create_partitioned(out, opts.overwrite)?,
            None => OutputWriter::create(out, opts.overwrite)?,
        };
        (w, None)
    };
    if opts.clusters {
        // write_clusters rewrites quotes with their cluster ids
        writer.will_rewrite("quotes")?;
    }
    let mut part_bytes = 0u64;
    let extractor = Extractor::new();
    let mut clusterer = Clusterer::new();
    let existing = if resuming {
        earlier_rows(&writer, opts.clusters.then_some(&mut clusterer))?
    } else {
        HashSet::new()
    };
    let mut admit = Admit {
        existing,
        max_bytes: opts.max_article_bytes.unwrap_or(DEFAULT_MAX_ARTICLE_BYTES),
        ..Admit::default()
    };

    let (batch_tx, batch_rx) = bounded::<Batch>(CHANNEL_BATCHES);
    let (built_tx, built_rx) = bounded::<Result<Built>>(CHANNEL_BATCHES);
    let mut done = Progress {
        total_bytes,
        ..Progress::default()
    };
    let mut write_time = Duration::ZERO;

    let (read_time, extract_time) = std::thread::scope(|s| -> Result<(Duration, Duration)> {
        let reader = s.spawn(move || {
            let mut busy = Duration::ZERO;
            let mut batch = Batch::new();
            let mut inputs = inputs;
            loop {
                let t = Instant::now();
                let next = inputs.next();
                let finished = next.is_none();
                if let Some(rec) = next {
                    admit.record(rec, &mut batch);
                }
                busy += t.elapsed();
                if batch.is_full() || (finished && !batch.is_empty()) {
                    let full = std::mem::replace(&mut batch, Batch::new());
                    if batch_tx.send(full).is_err() {
                        return busy; // the writer stopped on an error: stop reading
                    }
                }
                if finished {
                    return busy;
                }
            }
        });
        let extractor_ref = &extractor;
        let pool_ref = &pool;
        let want_keys = opts.clusters;
        let extract = s.spawn(move || {
            let mut busy = Duration::ZERO;
            for batch in batch_rx {
                let t = Instant::now();
                let Batch {
                    articles,
                    errors,
                    bytes,
                } = batch;
                let built = pool_ref.install(|| {
                    extract_and_build(extractor_ref, articles, errors, bytes, want_keys)
                });
                busy += t.elapsed();
                let failed = built.is_err();
                if built_tx.send(built).is_err() || failed {
                    break;
                }
            }
            busy
        });
        let mut result = Ok(());
        for built in &built_rx {
            let t = Instant::now();
            let step = built.and_then(|mut b| {
                // a new part before a batch, never after the last one: no empty trailing part
                if opts
                    .part_bytes
                    .is_some_and(|limit| part_bytes >= limit && b.bytes > 0)
                {
                    writer.rotate()?;
                    part_bytes = 0;
                }
                part_bytes += b.bytes;
                for chunk in &mut b.chunks {
                    writer.write(&chunk.tables)?;
                    for a in chunk.sketches.drain(..) {
                        clusterer.add(&a);
                    }
                }
                done.articles += b.articles;
                done.errors += b.errors;
                done.bytes += b.bytes;
                Ok(())
            });
            write_time += t.elapsed();
            if let Err(e) = step {
                result = Err(e);
                break;
            }
            if let Some(cb) = progress {
                cb(&done);
            }
        }
        drop(built_rx);
        let extract_time = extract
            .join()
            .map_err(|_| Error::Output("extraction thread failed".into()))?;
        let read_time = reader
            .join()
            .map_err(|_| Error::Output("input reader failed".into()))?;
        result.map(|()| (read_time, extract_time))
    })?;

    if opts.clusters {
        let t = Instant::now();
        write_clusters(&mut writer, clusterer)?;
        manifest
            .timings
            .insert("clusters".into(), t.elapsed().as_secs_f64());
    }
    manifest.input_bytes = done.bytes;
    if let Some(prev) = previous {
        for name in TABLE_NAMES {
            let before = if name == "clusters" {
                0
            } else {
                prev.count(name)
            };
            manifest
                .added
                .insert(name.into(), writer.rows(name).saturating_sub(before));
        }
        manifest.inputs = prev.inputs.into_iter().chain(manifest.inputs).collect();
        manifest.input_bytes += prev.input_bytes;
    }
    manifest
        .timings
        .insert("read".into(), read_time.as_secs_f64());
    manifest
        .timings
        .insert("extract".into(), extract_time.as_secs_f64());
    manifest
        .timings
        .insert("write".into(), write_time.as_secs_f64());
    manifest
        .timings
        .insert("total".into(), started.elapsed().as_secs_f64());
    writer.finish(&mut manifest)?;
    Ok(manifest)
}
