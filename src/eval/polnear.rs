//! Attribution evaluation on the PolNeAR layout (`text/` + `attributions/`).
//!
//! # Layout
//!
//! `DIR/text/NAME.txt` holds an article and `DIR/attributions/NAME_XXXX.ann`
//! its brat annotation by annotator `XXXX`; when an article has several, the
//! lexicographically first is used. Publisher and publication date come from
//! `metadata.tsv` (in `DIR` or beside it), else from the name
//! (`publisher_YYYY-MM-DD_slug`).
//!
//! # Definitions
//!
//! - **Gold items** are the attribution events with a content (`Attribution`
//!   and `Attribution-no-source`); a discontinuous content is the union of
//!   its parts. Each has a class, `direct`, `mixed` or `indirect`
//!   ([`super::quoting`] says which characters count as quoted).
//! - **Predictions** are the claims rows and the quotes rows that do not lie
//!   wholly inside a claims row (such a row is the quoted fragment of a mixed
//!   claim, scored as part of it); a prediction's content is the union of
//!   its `parts`.
//! - **Match**: overlap of at least half of the gold's and half of the
//!   prediction's characters, whitespace and quotation marks left out;
//!   one-to-one, largest overlap first ([`super::overlap`]).
//! - **Source** of a matched pair: [`super::source_rule`].
//! - **content** P/R/F1: all predictions against all gold items. **quote**
//!   P/R/F1: the predictions of kind direct or mixed (quotes rows not inside
//!   a claim, and mixed claims) against the gold direct and mixed items,
//!   matched separately. **end-to-end**: content matches whose source is
//!   also correct. Recall by class and source accuracy use the content
//!   matching; source accuracy on quotes uses the quote matching.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::brat::{self, Ranges};
use super::overlap::{greedy_match, intersect, normalize, Counter};
use super::quoting::{classify, enclosed, GoldClass};
use super::source_rule::{ranges_text, source_correct};
use crate::article::{parse_published, Article};
use crate::error::{Error, Result};
use crate::model::{Extraction, Kind, Utterance};
use crate::text::OffsetMap;

/// One gold attribution, in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldItem {
    /// The content ranges, normalised (sorted, merged, within the text).
    pub content: Ranges,
    /// The source ranges, normalised; `None` when the attribution has no source.
    pub source: Option<Ranges>,
    /// The cue ranges, normalised; `None` when the attribution has no cue.
    pub cue: Option<Ranges>,
    pub class: GoldClass,
}

/// One annotated article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// File stem of the text (`publisher_YYYY-MM-DD_slug`).
    pub name: String,
    pub text: String,
    pub published: Option<NaiveDate>,
    /// Publisher.
    pub source: Option<String>,
    pub items: Vec<GoldItem>,
}

impl GoldArticle {
    /// Build from the text and its parsed attributions (classes computed here).
    pub fn new(
        name: impl Into<String>,
        text: impl Into<String>,
        attributions: &[brat::Attribution],
    ) -> GoldArticle {
        let text = text.into();
        let chars: Vec<char> = text.chars().collect();
        let enc = enclosed(&chars);
        let items = attributions
            .iter()
            .map(|a| {
                let content = normalize(&a.content, chars.len());
                GoldItem {
                    class: classify(&chars, &enc, &content),
                    source: a.source.as_ref().map(|s| normalize(s, chars.len())),
                    cue: a.cue.as_ref().map(|c| normalize(c, chars.len())),
                    content,
                }
            })
            .filter(|g| !g.content.is_empty())
            .collect();
        GoldArticle {
            name: name.into(),
            text,
            published: None,
            source: None,
            items,
        }
    }

    /// The input article handed to extraction.
    pub fn article(&self) -> Article {
        Article {
            id: Some(self.name.clone()),
            text: self.text.clone(),
            source: self.source.clone(),
            published: self.published,
            ..Article::default()
        }
    }
}

/// Precision, recall and F1 of one matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(tp: usize, predicted: usize, gold: usize) -> Prf {
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            tp,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// `hits` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
    pub value: f64,
}

impl Ratio {
    fn new(hits: usize, total: usize) -> Ratio {
        Ratio {
            hits,
            total,
            value: ratio(hits, total),
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Gold items per class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct GoldCounts {
    pub direct: usize,
    pub mixed: usize,
    pub indirect: usize,
    pub total: usize,
}

/// Prediction rows per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PredictionCounts {
    /// Quotes rows of kind direct (not inside a claim).
    pub direct: usize,
    /// Quotes rows of kind mixed not inside a claim, and claims of kind mixed.
    pub mixed: usize,
    pub indirect: usize,
    pub according_to: usize,
    /// Quotes rows inside a claim: not scored on their own.
    pub quotes_inside_claims: usize,
    /// Scored predictions.
    pub total: usize,
}

/// Recall of the gold items of each class (content matching).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ClassRecall {
    pub direct: Ratio,
    pub mixed: Ratio,
    pub indirect: Ratio,
}

/// Outcomes of the predictions of one `method`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MethodCounts {
    pub predictions: usize,
    pub matched: usize,
    pub spurious: usize,
    pub wrong_source: usize,
}

/// A gold item no prediction matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedGold {
    pub article: String,
    pub class: GoldClass,
    pub content: String,
    /// The content's character ranges in the article text (code points), to
    /// look at the context of a miss.
    pub content_ranges: Ranges,
    pub source: Option<String>,
    pub cue: Option<String>,
    /// The unmatched prediction overlapping this item most, if any: a
    /// boundary error rather than a miss.
    pub nearest: Option<Nearest>,
}

/// An unmatched prediction overlapping a missed gold item: how much of
/// each side the overlap covers (the match needs 0.5 of both).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nearest {
    pub text: String,
    /// Its character ranges in the article text (code points).
    pub ranges: Ranges,
    pub method: String,
    pub of_gold: f64,
    pub of_prediction: f64,
}

/// Why gold items were missed: no prediction overlaps them, or one does
/// but covers too little of the gold (too short) or holds too much beyond
/// it (too long).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MissCauses {
    pub not_found: usize,
    pub too_short: usize,
    pub too_long: usize,
}

/// A prediction that matched no gold item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spurious {
    pub article: String,
    pub kind: String,
    pub text: String,
    /// Its character ranges in the article text (code points).
    pub ranges: Ranges,
    pub method: String,
    /// The base form of the cue that produced it, to audit cues by precision.
    pub cue_lemma: Option<String>,
}

/// The `by_cue` key of a row: its cue's base form, `-` without a cue.
fn cue_key(row: &Utterance) -> String {
    row.cue_lemma.clone().unwrap_or_else(|| "-".to_string())
}

/// A matched pair whose source is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongSource {
    pub article: String,
    pub content: String,
    pub gold_source: Option<String>,
    pub speaker: Option<String>,
    pub mention: Option<String>,
    pub method: String,
}

/// Scores of one evaluation run (definitions in the module docs).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PolnearReport {
    /// Articles scored.
    pub articles: usize,
    /// Texts without any annotation file (not scored).
    pub unannotated: usize,
    pub gold: GoldCounts,
    pub predictions: PredictionCounts,
    pub content: Prf,
    pub quote: Prf,
    pub end_to_end: Prf,
    pub recall_by_class: ClassRecall,
    /// Correct sources among content matches.
    pub source_accuracy: Ratio,
    /// Correct sources among quote matches.
    pub quote_source_accuracy: Ratio,
    /// Outcomes per prediction `method` (sieve), for error analysis.
    pub by_method: BTreeMap<String, MethodCounts>,
    /// Outcomes per cue base form (`-` without a cue): which cues cost
    /// precision. In the JSON report only.
    pub by_cue: BTreeMap<String, MethodCounts>,
    pub miss_causes: MissCauses,
    pub missed: Vec<MissedGold>,
    pub spurious: Vec<Spurious>,
    pub wrong_sources: Vec<WrongSource>,
}

impl PolnearReport {
    /// A human-readable table, with the examples of misses below it.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let g = &self.gold;
        let p = &self.predictions;
        let _ = writeln!(
            s,
            "PolNeAR attribution: {} articles ({} without annotation skipped)",
            self.articles, self.unannotated
        );
        let _ = writeln!(
            s,
            "gold: {} ({} direct, {} mixed, {} indirect)",
            g.total, g.direct, g.mixed, g.indirect
        );
        let _ = writeln!(
            s,
            "predictions: {} ({} direct, {} mixed, {} indirect, {} according_to; {} quotes inside claims not scored)",
            p.total, p.direct, p.mixed, p.indirect, p.according_to, p.quotes_inside_claims
        );
        let _ = writeln!(
            s,
            "\n{:<12} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "", "P", "R", "F1", "tp", "pred", "gold"
        );
        for (name, m) in [
            ("content", &self.content),
            ("quote", &self.quote),
            ("end-to-end", &self.end_to_end),
        ] {
            let _ = writeln!(
                s,
                "{:<12} {:>7.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
                name, m.precision, m.recall, m.f1, m.tp, m.predicted, m.gold
            );
        }
        let r = &self.recall_by_class;
        let _ = writeln!(s, "\nrecall by class:");
        for (name, x) in [
            ("direct", &r.direct),
            ("mixed", &r.mixed),
            ("indirect", &r.indirect),
        ] {
            let _ = writeln!(
                s,
                "  {:<10} {:>7.3} ({}/{})",
                name, x.value, x.hits, x.total
            );
        }
        let _ = writeln!(s, "\nsource accuracy:");
        for (name, x) in [
            ("all pairs", &self.source_accuracy),
            ("quote pairs", &self.quote_source_accuracy),
        ] {
            let _ = writeln!(
                s,
                "  {:<11} {:>7.3} ({}/{})",
                name, x.value, x.hits, x.total
            );
        }
        if !self.by_method.is_empty() {
            let _ = writeln!(
                s,
                "\n{:<24} {:>6} {:>8} {:>9} {:>13}",
                "method", "rows", "matched", "spurious", "wrong source"
            );
            for (m, c) in &self.by_method {
                let _ = writeln!(
                    s,
                    "{:<24} {:>6} {:>8} {:>9} {:>13}",
                    m, c.predictions, c.matched, c.spurious, c.wrong_source
                );
            }
        }
        let c = &self.miss_causes;
        let _ = writeln!(
            s,
            "\nmissed gold: {} with no overlapping prediction, {} overlapped by a prediction too short, {} by one too long",
            c.not_found, c.too_short, c.too_long
        );
        if !self.missed.is_empty() {
            let _ = writeln!(s, "\nmissed gold:");
            for m in &self.missed {
                let src = m.source.as_deref().unwrap_or("-");
                let cue = m.cue.as_deref().unwrap_or("-");
                let _ = writeln!(
                    s,
                    "  [{}] {} | source: {} | cue: {} | {}",
                    m.class.as_str(),
                    m.content,
                    src,
                    cue,
                    m.article
                );
                if let Some(n) = &m.nearest {
                    let _ = writeln!(
                        s,
                        "      nearest ({}, {:.2} of gold, {:.2} of it): {}",
                        n.method, n.of_gold, n.of_prediction, n.text
                    );
                }
            }
        }
        if !self.spurious.is_empty() {
            let _ = writeln!(s, "\nspurious predictions:");
            for m in &self.spurious {
                let _ = writeln!(s, "  [{} {}] {} | {}", m.kind, m.method, m.text, m.article);
            }
        }
        if !self.wrong_sources.is_empty() {
            let _ = writeln!(s, "\nwrong sources:");
            for m in &self.wrong_sources {
                let _ = writeln!(
                    s,
                    "  [{}] gold: {} | speaker: {} | mention: {} | {} | {}",
                    m.method,
                    m.gold_source.as_deref().unwrap_or("-"),
                    m.speaker.as_deref().unwrap_or("-"),
                    m.mention.as_deref().unwrap_or("-"),
                    m.content,
                    m.article
                );
            }
        }
        s
    }
}

/// Longest excerpt kept in the examples of misses, in characters.
const EXCERPT: usize = 100;

fn excerpt(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT {
        flat
    } else {
        let mut out: String = flat.chars().take(EXCERPT).collect();
        out.push('…');
        out
    }
}

/// One scored prediction, in code points.
struct Pred<'x> {
    row: &'x Utterance,
    content: Ranges,
    mention: Option<Ranges>,
    /// Counts in the quote matching (direct or mixed).
    quote_kind: bool,
}

/// The predictions of one extraction, in code points: claims, then the quotes
/// rows not inside a claim. Also returns the number of quotes rows inside claims.
fn predictions<'x>(x: &'x Extraction, len: usize) -> (Vec<Pred<'x>>, usize) {
    let map = OffsetMap::new(&x.article.text);
    let cp = |spans: &mut dyn Iterator<Item = &crate::model::Span>| -> Ranges {
        let v: Ranges = spans
            .map(|s| (map.char_offset(s.start), map.char_offset(s.end)))
            .collect();
        normalize(&v, len)
    };
    let mut out = Vec::new();
    let mut inside = 0;
    let claims = x.claims.iter().map(|c| (c, false));
    let quotes = x.quotes.iter().map(|q| (q, true));
    for (row, is_quote) in claims.chain(quotes) {
        if is_quote && x.claims.iter().any(|c| row.span.within(&c.span)) {
            inside += 1;
            continue;
        }
        let parts: Vec<_> = if row.parts.is_empty() {
            vec![row.span]
        } else {
            row.parts.clone()
        };
        out.push(Pred {
            row,
            content: cp(&mut parts.iter()),
            mention: row.mention.map(|m| cp(&mut std::iter::once(&m))),
            quote_kind: is_quote || row.kind == Kind::Mixed,
        });
    }
    (out, inside)
}

/// Score extractions against their gold articles, keeping up to
/// `show_misses` examples of each kind of error (in article order).
pub fn score(articles: &[(GoldArticle, Extraction)], show_misses: usize) -> PolnearReport {
    let mut r = PolnearReport {
        articles: articles.len(),
        ..PolnearReport::default()
    };
    let (mut content_tp, mut quote_tp, mut quote_gold, mut quote_pred, mut e2e_tp) =
        (0, 0, 0, 0, 0);
    let (mut src_ok, mut src_n, mut qsrc_ok, mut qsrc_n) = (0, 0, 0, 0);
    let mut class_hits: HashMap<GoldClass, usize> = HashMap::new();

    for (gold, x) in articles {
        let chars: Vec<char> = gold.text.chars().collect();
        let counter = Counter::new(&chars);
        let (preds, inside) = predictions(x, chars.len());

        // counts
        for g in &gold.items {
            match g.class {
                GoldClass::Direct => r.gold.direct += 1,
                GoldClass::Mixed => r.gold.mixed += 1,
                GoldClass::Indirect => r.gold.indirect += 1,
            }
        }
        r.gold.total += gold.items.len();
        r.predictions.quotes_inside_claims += inside;
        r.predictions.total += preds.len();
        for p in &preds {
            match p.row.kind {
                Kind::Direct => r.predictions.direct += 1,
                Kind::Mixed => r.predictions.mixed += 1,
                Kind::Indirect => r.predictions.indirect += 1,
                Kind::AccordingTo => r.predictions.according_to += 1,
            }
            r.by_method
                .entry(p.row.method.to_string())
                .or_default()
                .predictions += 1;
            r.by_cue.entry(cue_key(p.row)).or_default().predictions += 1;
        }

        let correct = |g: &GoldItem, p: &Pred| {
            source_correct(
                &chars,
                g.source.as_deref(),
                p.row.speaker.as_deref(),
                p.mention.as_deref(),
            )
        };

        // content matching
        let gold_c: Vec<Ranges> = gold.items.iter().map(|g| g.content.clone()).collect();
        let pred_c: Vec<Ranges> = preds.iter().map(|p| p.content.clone()).collect();
        let pairs = greedy_match(&counter, &gold_c, &pred_c);
        let mut gold_hit = vec![false; gold.items.len()];
        let mut pred_hit = vec![false; preds.len()];
        for &(gi, pi) in &pairs {
            gold_hit[gi] = true;
            pred_hit[pi] = true;
            let (g, p) = (&gold.items[gi], &preds[pi]);
            *class_hits.entry(g.class).or_default() += 1;
            let m = r.by_method.entry(p.row.method.to_string()).or_default();
            m.matched += 1;
            let c = r.by_cue.entry(cue_key(p.row)).or_default();
            c.matched += 1;
            src_n += 1;
            if correct(g, p) {
                src_ok += 1;
                e2e_tp += 1;
            } else {
                c.wrong_source += 1;
                let m = r.by_method.entry(p.row.method.to_string()).or_default();
                m.wrong_source += 1;
                if r.wrong_sources.len() < show_misses {
                    r.wrong_sources.push(WrongSource {
                        article: gold.name.clone(),
                        content: excerpt(&ranges_text(&chars, &g.content)),
                        gold_source: g.source.as_ref().map(|s| excerpt(&ranges_text(&chars, s))),
                        speaker: p.row.speaker.clone(),
                        mention: p.mention.as_ref().map(|m| excerpt(&ranges_text(&chars, m))),
                        method: p.row.method.to_string(),
                    });
                }
            }
        }
        content_tp += pairs.len();
        for (g, _) in gold.items.iter().zip(&gold_hit).filter(|(_, &hit)| !hit) {
            let nearest = nearest_unmatched(&counter, &g.content, &preds, &pred_hit);
            match &nearest {
                None => r.miss_causes.not_found += 1,
                Some((_, of_gold, _)) if *of_gold < 0.5 => r.miss_causes.too_short += 1,
                Some(_) => r.miss_causes.too_long += 1,
            }
            if r.missed.len() < show_misses {
                let nearest = nearest.map(|(pi, of_gold, of_prediction)| Nearest {
                    text: excerpt(&ranges_text(&chars, &preds[pi].content)),
                    ranges: preds[pi].content.clone(),
                    method: preds[pi].row.method.to_string(),
                    of_gold,
                    of_prediction,
                });
                r.missed.push(MissedGold {
                    article: gold.name.clone(),
                    class: g.class,
                    content: excerpt(&ranges_text(&chars, &g.content)),
                    content_ranges: g.content.clone(),
                    source: g.source.as_ref().map(|s| excerpt(&ranges_text(&chars, s))),
                    cue: g.cue.as_ref().map(|c| excerpt(&ranges_text(&chars, c))),
                    nearest,
                });
            }
        }
        for (p, _) in preds.iter().zip(&pred_hit).filter(|(_, &hit)| !hit) {
            r.by_method
                .entry(p.row.method.to_string())
                .or_default()
                .spurious += 1;
            r.by_cue.entry(cue_key(p.row)).or_default().spurious += 1;
            if r.spurious.len() < show_misses {
                r.spurious.push(Spurious {
                    article: gold.name.clone(),
                    kind: p.row.kind.as_str().to_string(),
                    text: excerpt(&ranges_text(&chars, &p.content)),
                    ranges: p.content.clone(),
                    method: p.row.method.to_string(),
                    cue_lemma: p.row.cue_lemma.clone(),
                });
            }
        }

        // quote matching
        let qgold: Vec<&GoldItem> = gold
            .items
            .iter()
            .filter(|g| g.class != GoldClass::Indirect)
            .collect();
        let qpred: Vec<&Pred> = preds.iter().filter(|p| p.quote_kind).collect();
        let gold_q: Vec<Ranges> = qgold.iter().map(|g| g.content.clone()).collect();
        let pred_q: Vec<Ranges> = qpred.iter().map(|p| p.content.clone()).collect();
        let qpairs = greedy_match(&counter, &gold_q, &pred_q);
        quote_gold += qgold.len();
        quote_pred += qpred.len();
        quote_tp += qpairs.len();
        for &(gi, pi) in &qpairs {
            qsrc_n += 1;
            qsrc_ok += usize::from(correct(qgold[gi], qpred[pi]));
        }
    }

    r.content = Prf::new(content_tp, r.predictions.total, r.gold.total);
    r.quote = Prf::new(quote_tp, quote_pred, quote_gold);
    r.end_to_end = Prf::new(e2e_tp, r.predictions.total, r.gold.total);
    let hits = |c| class_hits.get(&c).copied().unwrap_or(0);
    r.recall_by_class = ClassRecall {
        direct: Ratio::new(hits(GoldClass::Direct), r.gold.direct),
        mixed: Ratio::new(hits(GoldClass::Mixed), r.gold.mixed),
        indirect: Ratio::new(hits(GoldClass::Indirect), r.gold.indirect),
    };
    r.source_accuracy = Ratio::new(src_ok, src_n);
    r.quote_source_accuracy = Ratio::new(qsrc_ok, qsrc_n);
    r
}

/// The unmatched prediction sharing the most counted characters with
/// `gold`: its index and the share of the gold and of itself the overlap
/// covers.
fn nearest_unmatched(
    counter: &Counter,
    gold: &[(usize, usize)],
    preds: &[Pred],
    pred_hit: &[bool],
) -> Option<(usize, f64, f64)> {
    let gold_n = counter.count(gold).max(1) as f64;
    let mut best: Option<(usize, usize)> = None;
    for (pi, p) in preds.iter().enumerate() {
        if pred_hit[pi] {
            continue;
        }
        let ov = counter.count(&intersect(gold, &p.content));
        if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
            best = Some((pi, ov));
        }
    }
    best.map(|(pi, ov)| {
        let pred_n = counter.count(&preds[pi].content).max(1) as f64;
        (pi, ov as f64 / gold_n, ov as f64 / pred_n)
    })
}

/// Read the gold articles of `dir` (sorted by name) and the number of texts
/// that have no annotation file.
pub fn load(dir: &Path) -> Result<(Vec<GoldArticle>, usize)> {
    let texts = list(&dir.join("text"), ".txt")?;
    let anns = list(&dir.join("attributions"), ".ann")?;
    // NAME_XXXX.ann → NAME; sorted listing, so the first seen is the first
    let mut first_ann: HashMap<String, PathBuf> = HashMap::new();
    for (stem, path) in anns {
        if let Some((name, _annotator)) = stem.rsplit_once('_') {
            first_ann.entry(name.to_string()).or_insert(path);
        }
    }
    let meta = metadata(dir)?;
    let mut out = Vec::new();
    let mut unannotated = 0;
    for (name, path) in texts {
        let Some(ann) = first_ann.get(&name) else {
            unannotated += 1;
            continue;
        };
        let text = read(&path)?;
        let attributions = brat::parse_ann(&read(ann)?);
        let mut g = GoldArticle::new(name.clone(), text, &attributions);
        let (source, published) = match meta.get(&name) {
            Some((s, p)) => (s.clone(), *p),
            None => (None, None),
        };
        let (name_source, name_date) = from_name(&name);
        g.source = source.or(name_source);
        g.published = published.or(name_date);
        out.push(g);
    }
    Ok((out, unannotated))
}

/// Publisher and date from a name `publisher_YYYY-MM-DD_slug`.
pub fn from_name(name: &str) -> (Option<String>, Option<NaiveDate>) {
    let mut it = name.splitn(3, '_');
    let publisher = it.next().filter(|s| !s.is_empty()).map(str::to_string);
    match it.next().and_then(parse_published) {
        Some(d) => (publisher, Some(d)),
        None => (None, None),
    }
}

type Metadata = HashMap<String, (Option<String>, Option<NaiveDate>)>;

/// `metadata.tsv` in `dir` or its parent: filename → (publisher, date).
/// Absent is fine (names carry both); present but unreadable is an error.
fn metadata(dir: &Path) -> Result<Metadata> {
    let mut out = HashMap::new();
    let Some(path) = [dir.join("metadata.tsv"), dir.join("../metadata.tsv")]
        .into_iter()
        .find(|p| p.is_file())
    else {
        return Ok(out);
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .flexible(true)
        .from_path(&path)
        .map_err(|e| Error::Eval(format!("{}: {e}", path.display())))?;
    let headers = rdr
        .headers()
        .map_err(|e| Error::Eval(format!("{}: {e}", path.display())))?
        .clone();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let (Some(fname), publisher, date) =
        (col("filename"), col("publisher"), col("publication_date"))
    else {
        return Ok(out);
    };
    for row in rdr.records().flatten() {
        let Some(name) = row.get(fname) else { continue };
        let publisher = publisher
            .and_then(|i| row.get(i))
            .filter(|s| !s.is_empty() && *s != "None");
        let date = date.and_then(|i| row.get(i)).and_then(parse_published);
        out.insert(name.to_string(), (publisher.map(str::to_string), date));
    }
    Ok(out)
}

/// Files of `dir` ending in `ext`, as (stem, path), sorted by file name.
fn list(dir: &Path, ext: &str) -> Result<Vec<(String, PathBuf)>> {
    let entries =
        fs::read_dir(dir).map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?;
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if let Some(stem) = file.strip_suffix(ext) {
            out.push((stem.to_string(), entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}

/// Evaluate on `dir` (with `text/` and `attributions/`), keeping up to
/// `show_misses` example misses per error class in the report. Articles are
/// extracted in parallel; the report does not depend on the thread count.
pub fn run(dir: &Path, show_misses: usize) -> Result<PolnearReport> {
    let (golds, unannotated) = load(dir)?;
    let pairs: Vec<(GoldArticle, Extraction)> = golds
        .into_par_iter()
        .map(|g| {
            let x = crate::extract(g.article());
            (g, x)
        })
        .collect();
    let mut r = score(&pairs, show_misses);
    r.unannotated = unannotated;
    Ok(r)
}
