//! Reader of the brat standoff files (`.ann`) of the PolNeAR corpus.
//!
//! Only what attribution scoring needs is kept: text-bound spans (`T` lines)
//! and the events tying them together (`E` lines). Notes (`#`), attributes
//! and the continuation lines that a span text with a newline leaves behind
//! are skipped, so a damaged line costs one annotation, never the file.

use std::collections::HashMap;

/// Half-open `[start, end)` code-point ranges: one for a plain span, several
/// for a discontinuous one (`Content 10 20;25 40`).
pub type Ranges = Vec<(usize, usize)>;

/// One attribution event with its spans resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    /// The event id (`E3`).
    pub id: String,
    /// The content: the union of the `Content` and `Content2` spans, in file order.
    pub content: Ranges,
    /// The source span, when the event has one.
    pub source: Option<Ranges>,
    /// The cue span, when the event has one.
    pub cue: Option<Ranges>,
}

/// Parse one `.ann` file. Events are returned in file order; events of a
/// type other than `Attribution…` (PolNeAR also has `Attribution-no-source`,
/// which counts) and events without any content are left out.
pub fn parse_ann(src: &str) -> Vec<Attribution> {
    // events may name spans defined further down the file, so spans first
    let mut spans: HashMap<&str, Ranges> = HashMap::new();
    for line in src.lines() {
        if let Some((id, ranges)) = text_bound(line) {
            spans.insert(id, ranges);
        }
    }
    let mut out = Vec::new();
    for line in src.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(args)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('E') {
            continue;
        }
        let mut args = args.split_whitespace();
        let Some((typ, _)) = args.next().and_then(|a| a.split_once(':')) else {
            continue;
        };
        if !typ.starts_with("Attribution") {
            continue;
        }
        let mut a = Attribution {
            id: id.to_string(),
            ..Attribution::default()
        };
        for arg in args {
            let Some((role, target)) = arg.split_once(':') else {
                continue;
            };
            let Some(r) = spans.get(target) else { continue };
            // roles may carry a number when repeated (`Content2`)
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role {
                "Content" => a.content.extend_from_slice(r),
                "Source" => a.source.get_or_insert_with(Vec::new).extend_from_slice(r),
                "Cue" => a.cue.get_or_insert_with(Vec::new).extend_from_slice(r),
                _ => {}
            }
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    out
}

/// `T1<TAB>Label 10 20;25 40<TAB>text` → (`T1`, ranges); `None` for any
/// other or malformed line.
fn text_bound(line: &str) -> Option<(&str, Ranges)> {
    let mut fields = line.split('\t');
    let id = fields.next()?;
    if !id.starts_with('T') {
        return None;
    }
    let (_label, ranges) = fields.next()?.split_once(' ')?;
    let mut out = Vec::new();
    for r in ranges.split(';') {
        let mut nums = r.split_whitespace();
        let start: usize = nums.next()?.parse().ok()?;
        let end: usize = nums.next()?.parse().ok()?;
        if nums.next().is_some() || end < start {
            return None;
        }
        out.push((start, end));
    }
    Some((id, out))
}
