//! TempEval-3 style evaluation of temporal expressions on TimeML files.
//!
//! The text of a file is its `TEXT` element with every tag stripped and the
//! XML entities decoded; gold offsets are code points into that text. The
//! publication date is the `CREATION_TIME` TIMEX3 (usually in `DCT`, outside
//! `TEXT`), which is not itself scored.
//!
//! Measures (UzZaman et al. 2013): strict extent match = identical span;
//! relaxed = overlapping span, one-to-one; P = matched / predicted, R =
//! matched / gold. Type and value: a relaxed match whose attribute equals the
//! gold one is a true positive (P = correct / predicted, R = correct / gold).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::text::{segment, OffsetMap};

/// How many examples each error list keeps.
const TOP: usize = 12;

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(tp_p: usize, predicted: usize, tp_r: usize, gold: usize) -> Prf {
        let precision = if predicted == 0 {
            0.0
        } else {
            tp_p as f64 / predicted as f64
        };
        let recall = if gold == 0 {
            0.0
        } else {
            tp_r as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// A surface form and how often it occurred in an error class.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Count {
    pub text: String,
    pub count: usize,
}

/// A relaxed match whose value differs from the gold one.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WrongValue {
    pub text: String,
    pub gold: String,
    pub predicted: String,
    pub count: usize,
}

/// Scores of one directory (or of everything evaluated).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub name: String,
    pub files: usize,
    pub gold: usize,
    pub predicted: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    #[serde(rename = "type")]
    pub typ: Prf,
    pub value: Prf,
    /// Gold expressions with no overlapping prediction, by lowercased surface.
    pub missed: Vec<Count>,
    /// Predictions overlapping no gold expression, by lowercased surface.
    pub spurious: Vec<Count>,
    pub wrong_values: Vec<WrongValue>,
    /// Relaxed matches with another extent: gold surface, predicted surface.
    pub wrong_extents: Vec<Count>,
}

/// Scores of one evaluation run: one row per directory holding `.tml`
/// files, and the total.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TimemlReport {
    pub directories: Vec<Scores>,
    pub total: Scores,
}

impl TimemlReport {
    /// A human-readable table.
    pub fn render(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "{:<24} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6}  {:>6}\n",
            "timeml",
            "files",
            "gold",
            "pred",
            "str.P",
            "str.R",
            "str.F1",
            "rel.P",
            "rel.R",
            "rel.F1",
            "typeF1",
            "valF1"
        ));
        let rows = self
            .directories
            .iter()
            .chain(std::iter::once(&self.total).filter(|_| self.directories.len() != 1));
        for d in rows {
            s.push_str(&format!(
                "{:<24} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3}  {:>6.3}\n",
                d.name,
                d.files,
                d.gold,
                d.predicted,
                d.strict.precision,
                d.strict.recall,
                d.strict.f1,
                d.relaxed.precision,
                d.relaxed.recall,
                d.relaxed.f1,
                d.typ.f1,
                d.value.f1
            ));
        }
        let t = &self.total;
        let list = |title: &str, items: &[Count]| -> String {
            let body: Vec<String> = items
                .iter()
                .map(|c| format!("{} ({})", c.text, c.count))
                .collect();
            format!("{title}: {}\n", body.join(", "))
        };
        s.push('\n');
        s.push_str(&list("missed", &t.missed));
        s.push_str(&list("spurious", &t.spurious));
        let wrong: Vec<String> = t
            .wrong_values
            .iter()
            .map(|w| {
                format!(
                    "{} gold {} got {} ({})",
                    w.text, w.gold, w.predicted, w.count
                )
            })
            .collect();
        s.push_str(&format!("wrong values: {}\n", wrong.join("; ")));
        s.push_str(&list("wrong extents", &t.wrong_extents));
        s
    }
}

/// One annotated expression, in code points of the document text.
#[derive(Debug, Clone)]
struct Ann {
    start: usize,
    end: usize,
    typ: String,
    value: String,
}

/// A parsed TimeML document.
#[derive(Debug)]
struct Doc {
    text: String,
    dct: Option<NaiveDate>,
    gold: Vec<Ann>,
}

/// Raw tallies, summed over files.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed: usize,
    typ: usize,
    value: usize,
    missed: HashMap<String, usize>,
    spurious: HashMap<String, usize>,
    wrong: HashMap<(String, String, String), usize>,
    extents: HashMap<String, usize>,
}

/// Evaluate on every `.tml` file under `dir` (recursively).
pub fn run(dir: &Path) -> Result<TimemlReport> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    if files.is_empty() {
        return Err(Error::Eval(format!(
            "no .tml files under {}",
            dir.display()
        )));
    }
    files.sort();
    let mut per_dir: BTreeMap<PathBuf, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for f in &files {
        let raw = std::fs::read_to_string(f)
            .map_err(|e| Error::io(format!("reading {}", f.display()), e))?;
        let doc = parse(&raw).map_err(|e| Error::Eval(format!("{}: {e}", f.display())))?;
        let parent = f.parent().map(Path::to_path_buf).unwrap_or_default();
        let t = per_dir.entry(parent).or_default();
        score(&doc, t);
        score(&doc, &mut total);
    }
    let directories = per_dir
        .into_iter()
        .map(|(p, t)| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            finish(name, t)
        })
        .collect();
    Ok(TimemlReport {
        directories,
        total: finish("total".into(), total),
    })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let rd =
        std::fs::read_dir(dir).map_err(|e| Error::io(format!("reading {}", dir.display()), e))?;
    for entry in rd {
        let entry = entry.map_err(|e| Error::io(format!("reading {}", dir.display()), e))?;
        let p = entry.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Tag one document and add its counts to `t`.
fn score(doc: &Doc, t: &mut Tally) {
    let seg = segment(&doc.text);
    let map = OffsetMap::new(&doc.text);
    let pred: Vec<Ann> = crate::dates::tag(&doc.text, &seg, doc.dct)
        .into_iter()
        .map(|x| Ann {
            start: map.char_offset(x.span.start),
            end: map.char_offset(x.span.end),
            typ: x.typ.as_str().to_string(),
            value: x.value,
        })
        .collect();
    let chars: Vec<char> = doc.text.chars().collect();
    let surface = |a: &Ann| {
        chars[a.start.min(chars.len())..a.end.min(chars.len())]
            .iter()
            .collect::<String>()
            .to_lowercase()
    };

    t.files += 1;
    t.gold += doc.gold.len();
    t.predicted += pred.len();
    t.strict += doc
        .gold
        .iter()
        .filter(|g| pred.iter().any(|p| p.start == g.start && p.end == g.end))
        .count();

    // one-to-one relaxed matching: each gold takes the unused prediction with
    // the largest overlap
    let mut used = vec![false; pred.len()];
    for g in &doc.gold {
        let best = pred
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && p.start < g.end && g.start < p.end)
            .max_by_key(|(_, p)| p.end.min(g.end) - p.start.max(g.start))
            .map(|(i, _)| i);
        match best {
            Some(i) => {
                used[i] = true;
                let p = &pred[i];
                t.relaxed += 1;
                if (p.start, p.end) != (g.start, g.end) {
                    *t.extents
                        .entry(format!("{} → {}", surface(g), surface(p)))
                        .or_default() += 1;
                }
                t.typ += usize::from(p.typ == g.typ);
                if p.value == g.value {
                    t.value += 1;
                } else {
                    *t.wrong
                        .entry((surface(g), g.value.clone(), p.value.clone()))
                        .or_default() += 1;
                }
            }
            None => *t.missed.entry(surface(g)).or_default() += 1,
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            *t.spurious.entry(surface(p)).or_default() += 1;
        }
    }
}

fn top(m: HashMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = m
        .into_iter()
        .map(|(text, count)| Count { text, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
    v.truncate(TOP);
    v
}

fn finish(name: String, t: Tally) -> Scores {
    let mut wrong: Vec<WrongValue> = t
        .wrong
        .into_iter()
        .map(|((text, gold, predicted), count)| WrongValue {
            text,
            gold,
            predicted,
            count,
        })
        .collect();
    // ties broken by every field: the tally is a HashMap, its order random
    wrong.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.text.cmp(&b.text))
            .then_with(|| a.gold.cmp(&b.gold))
            .then_with(|| a.predicted.cmp(&b.predicted))
    });
    wrong.truncate(TOP);
    Scores {
        name,
        files: t.files,
        gold: t.gold,
        predicted: t.predicted,
        strict: Prf::new(t.strict, t.predicted, t.strict, t.gold),
        relaxed: Prf::new(t.relaxed, t.predicted, t.relaxed, t.gold),
        typ: Prf::new(t.typ, t.predicted, t.typ, t.gold),
        value: Prf::new(t.value, t.predicted, t.value, t.gold),
        missed: top(t.missed),
        spurious: top(t.spurious),
        wrong_values: wrong,
        wrong_extents: top(t.extents),
    }
}

/// The value of attribute `name` in the inside of a tag (`TIMEX3 tid="t1" …`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
        let after = rest[i + name.len()..].trim_start();
        if before_ok {
            if let Some(after) = after.strip_prefix('=') {
                let after = after.trim_start();
                let q = after.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &after[1..];
                    return body.find(q).map(|e| &body[..e]);
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// Decode one XML entity starting at `s` (after the `&`); returns the text and
/// the bytes consumed (including `;`).
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';').filter(|&e| e <= 10)?;
    let name = &s[..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)?
        }
    };
    Some((c, end + 1))
}

fn parse(raw: &str) -> std::result::Result<Doc, String> {
    let dct = find_dct(raw);
    let open = raw.find("<TEXT>").ok_or("no <TEXT> element")?;
    let body_start = open + "<TEXT>".len();
    let close = raw[body_start..]
        .find("</TEXT>")
        .map(|i| body_start + i)
        .ok_or("no </TEXT>")?;
    let body = &raw[body_start..close];

    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut open_timex: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').ok_or("unterminated tag")?;
            let tag = &rest[1..end];
            if tag.starts_with("TIMEX3") {
                let typ = attr(tag, "type").unwrap_or("").to_string();
                let value = attr(tag, "value").unwrap_or("").to_string();
                let creation = attr(tag, "functionInDocument") == Some("CREATION_TIME");
                if !creation {
                    open_timex = Some((chars, typ, value));
                }
            } else if tag.starts_with("/TIMEX3") {
                if let Some((start, typ, value)) = open_timex.take() {
                    gold.push(Ann {
                        start,
                        end: chars,
                        typ,
                        value,
                    });
                }
            }
            i += end + 1;
        } else if let Some((c, n)) = rest.strip_prefix('&').and_then(entity) {
            text.push(c);
            chars += 1;
            i += n + 1;
        } else {
            let c = rest.chars().next().ok_or("bad text")?;
            text.push(c);
            chars += 1;
            i += c.len_utf8();
        }
    }
    Ok(Doc { text, dct, gold })
}

/// The date of the `CREATION_TIME` TIMEX3, anywhere in the file.
fn find_dct(raw: &str) -> Option<NaiveDate> {
    let mut rest = raw;
    while let Some(i) = rest.find("<TIMEX3") {
        let after = &rest[i..];
        let end = after.find('>')?;
        let tag = &after[1..end];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            let v = attr(tag, "value")?;
            return NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d").ok();
        }
        rest = &after[end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_strips_tags_and_decodes_entities() {
        let raw = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2001-02-03\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n<TEXT>A &amp; B <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2001-02-02\">yesterday</TIMEX3>.</TEXT>";
        let d = parse(raw).unwrap();
        assert_eq!(d.text, "A & B met yesterday.");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2001, 2, 3));
        assert_eq!(d.gold.len(), 1);
        assert_eq!((d.gold[0].start, d.gold[0].end), (10, 19));
        assert_eq!(d.gold[0].value, "2001-02-02");
    }

    #[test]
    fn prf() {
        let p = Prf::new(1, 2, 1, 4);
        assert_eq!(p.precision, 0.5);
        assert_eq!(p.recall, 0.25);
        assert!((p.f1 - 1.0 / 3.0).abs() < 1e-12);
    }
}
