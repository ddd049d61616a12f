//! Which characters of an article lie inside quotation marks, and the class
//! (direct, mixed, indirect) of a gold attribution that follows from it.
//!
//! Enclosure is decided on the whole article, not on the annotated content,
//! so a content that starts right after its opening mark (or stops before
//! the closing one) still counts as quoted. Marks are paired within one
//! paragraph (a line of the text):
//!
//! - a straight `"` toggles: the first opens, the next closes;
//! - a curly `“` opens and `”` closes; `«` opens and `»` closes (a second
//!   opening mark before the closing one restarts the pair, as a stray mark
//!   is likelier than nesting of the same mark);
//! - typewriter marks: ``` `` ``` opens and a doubled apostrophe `''`
//!   closes; a `''` with no open pair opens one (some archives write
//!   `''Yes,'' she said.`);
//! - a mark left open at the end of its paragraph encloses nothing: only
//!   matched pairs count.
//!
//! Single quotation marks are not paired: `’` is far more often an
//! apostrophe (`Lee’s`) than a closing mark.

use std::ops::Range;

/// Characters that are quotation marks (double marks only; see module docs).
/// They count neither as content nor as overlap when spans are compared.
pub const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '‟', '«', '»'];

/// Is `c` a double quotation mark?
pub fn is_quote_mark(c: char) -> bool {
    QUOTE_MARKS.contains(&c)
}

/// The class of a gold attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldClass {
    /// Quotation marks enclose at least half of the content.
    Direct,
    /// Some of the content is quoted, or it holds a quotation mark.
    Mixed,
    /// No quotation at all.
    Indirect,
}

impl GoldClass {
    /// Lowercase name, as in reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            GoldClass::Direct => "direct",
            GoldClass::Mixed => "mixed",
            GoldClass::Indirect => "indirect",
        }
    }
}

/// For each code point of `chars`, whether a matched pair of quotation
/// marks of its paragraph encloses it (the marks themselves are not enclosed).
pub fn enclosed(chars: &[char]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        let end = chars[start..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |i| start + i);
        mark_paragraph(chars, start..end, &mut out);
        start = end + 1;
    }
    out
}

fn mark_paragraph(chars: &[char], para: Range<usize>, out: &mut [bool]) {
    let (mut straight, mut curly, mut angle, mut doubled): (
        Option<usize>,
        Option<usize>,
        Option<usize>,
        Option<usize>,
    ) = (None, None, None, None);
    let mut fill =
        |open: usize, close: usize| out[open + 1..close].iter_mut().for_each(|e| *e = true);
    let mut i = para.start;
    while i < para.end {
        let next = (i + 1 < para.end).then(|| chars[i + 1]);
        match (chars[i], next) {
            // Typewriter style: `` opens, a doubled apostrophe '' closes, or
            // toggles like a straight mark when it also opens (''Yes,'' he said).
            ('`', Some('`')) => {
                doubled = Some(i + 1);
                i += 1;
            }
            ('\'', Some('\'')) => {
                match doubled.take() {
                    Some(o) => fill(o, i),
                    None => doubled = Some(i + 1),
                }
                i += 1;
            }
            ('"', _) => match straight.take() {
                Some(o) => fill(o, i),
                None => straight = Some(i),
            },
            ('“', _) => curly = Some(i),
            ('”', _) => {
                if let Some(o) = curly.take() {
                    fill(o, i)
                }
            }
            ('«', _) => angle = Some(i),
            ('»', _) => {
                if let Some(o) = angle.take() {
                    fill(o, i)
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// The class of a content made of `ranges` (code points into `chars`, whose
/// enclosure is `enc`, from [`enclosed`]).
///
/// `direct` when enclosed characters are at least half of the content's
/// characters that are neither whitespace nor quotation marks (marks are
/// left out of both counts, so `“No.”` is as direct as `No.` inside marks);
/// `mixed` when at least one character is enclosed or the content holds a
/// quotation mark; `indirect` otherwise.
pub fn classify(chars: &[char], enc: &[bool], ranges: &[(usize, usize)]) -> GoldClass {
    let n = chars.len().min(enc.len());
    let (mut counted, mut quoted, mut has_mark) = (0usize, 0usize, false);
    for &(s, e) in crate::eval::overlap::normalize(ranges, n).iter() {
        for i in s..e {
            let c = chars[i];
            let doubled = (c == '\'' || c == '`') && (i + 1 < e && chars[i + 1] == c);
            if is_quote_mark(c) || doubled {
                has_mark = true;
            } else if !c.is_whitespace() {
                counted += 1;
                quoted += usize::from(enc[i]);
            }
        }
    }
    if counted > 0 && 2 * quoted >= counted {
        GoldClass::Direct
    } else if quoted > 0 || has_mark {
        GoldClass::Mixed
    } else {
        GoldClass::Indirect
    }
}
