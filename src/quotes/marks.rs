//! Quotation marks: which characters open or close a quotation, and how
//! they pair, per paragraph, with nesting and multi-paragraph quotations.

use crate::model::Span;
use crate::text::Segments;

/// Quotation-mark families: a mark only closes a quotation opened by its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: decided by context.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    role: Role,
}

/// A paired quotation: its parts (content inside the marks, trimmed) and the
/// outer spans including the marks.
#[derive(Debug, Clone, PartialEq)]
pub struct RawQuote {
    pub parts: Vec<Span>,
    pub outer: Vec<Span>,
    /// How the marks were paired: `marks` (balanced), `marks_multi_paragraph`,
    /// `marks_unclosed` (closed at the paragraph end), `marks_unopened`.
    pub method: &'static str,
}

fn prev_char(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}
fn next_char(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// The bytes a quotation mark can start with (see [`marks`]), by byte: one
/// load per byte in the scan.
const MARK_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The quotation marks of one paragraph, in order, with apostrophes removed.
fn marks(para: &str, base: usize) -> Vec<Mark> {
    let mut out = Vec::new();
    marks_into(para, base, &mut out);
    out
}

/// [`marks`] into `out` (cleared first), kept from one paragraph to the next.
fn marks_into(para: &str, base: usize, out: &mut Vec<Mark>) {
    out.clear();
    let bytes = para.as_bytes();
    // every mark below is ", ' or ` or starts with byte C2 (« ») or E2 (the
    // rest), and those two are only ever lead bytes: a byte scan skips to
    // the candidates instead of decoding every character
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|&b| MARK_LEAD[b as usize]) {
        let i = at + k;
        let c = next_char(para, i).unwrap_or('\u{FFFD}');
        at = i + c.len_utf8();
        if !matches!(
            c,
            '“' | '„'
                | '‟'
                | '”'
                | '"'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '`'
                | '‘'
                | '‚'
                | '’'
                | '\''
        ) {
            continue;
        }
        let prev = prev_char(para, i);
        let next = next_char(para, i + c.len_utf8());
        let prev_alnum = prev.is_some_and(|p| p.is_alphanumeric());
        let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
        let prev_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let next_end = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
        let mut push = |len: usize, family: Family, role: Role| {
            out.push(Mark {
                pos: base + i,
                len,
                family,
                role,
            })
        };
        match c {
            // “ closes a German „quotation“: after a word and before a space
            '“' if !prev_space && next_end => push(3, Family::Double, Role::Close),
            '“' | '„' | '‟' => push(c.len_utf8(), Family::Double, Role::Open),
            // a closing mark at the start of a paragraph or after a space, right
            // before a word, is used as an opening mark (”Like this.”)
            '”' if prev_space && next_alnum => push(3, Family::Double, Role::Open),
            '”' => push(c.len_utf8(), Family::Double, Role::Close),
            '"' => push(1, Family::Double, Role::Either),
            '«' => push(2, Family::Guillemet, Role::Open),
            '»' => push(2, Family::Guillemet, Role::Close),
            '‹' => push(3, Family::SingleGuillemet, Role::Open),
            '›' => push(3, Family::SingleGuillemet, Role::Close),
            '`' if next == Some('`') => {
                at += 1;
                push(2, Family::Double, Role::Open);
            }
            '\'' if next == Some('\'') => {
                // ''word'' : two straight single quotes used as a double quote
                at += 1;
                let after = next_char(para, i + 2);
                let role = if prev_space && after.is_some_and(|a| !a.is_whitespace()) {
                    Role::Open
                } else {
                    Role::Close
                };
                push(2, Family::Double, role);
            }
            '‘' if !prev_space && next_end => push(3, Family::Single, Role::Close),
            '‘' | '‚' => {
                // '90s, ‘em: an elision, not a quotation
                if next.is_some_and(|n| n.is_ascii_digit()) || (c == '‚' && !prev_space) {
                    continue;
                }
                push(3, Family::Single, Role::Open);
            }
            '’' | '\'' => {
                // don't, Lee's: inside a word it is an apostrophe
                if prev_alnum && next_alnum {
                    continue;
                }
                if prev_space && next.is_some_and(|n| n.is_ascii_digit()) {
                    continue; // '90s
                }
                let len = c.len_utf8();
                if prev_space && next_alnum {
                    push(len, Family::Single, Role::Open);
                } else if !prev_space {
                    // closing, or a plural possessive (the players' union): decided at pairing
                    push(len, Family::Single, Role::Close);
                }
            }
            _ => {}
        }
    }
}

/// Straight double quotes: open when the previous character is a space (or
/// the paragraph starts) and the next is not; close otherwise.
fn straight_role(text: &str, m: &Mark, double_open: bool) -> Role {
    let prev = prev_char(text, m.pos);
    let next = next_char(text, m.pos + m.len);
    let prev_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let next_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
    match (prev_space, next_space) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => {
            if double_open {
                Role::Close
            } else {
                Role::Open
            }
        }
    }
}

struct Open {
    mark: Mark,
    family: Family,
}

/// Pair the quotation marks of the whole article. Only outermost quotations
/// are returned (a quotation inside a quotation belongs to its outer one).
pub fn pair(text: &str, seg: &Segments) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    // an outer quotation left open at the end of the previous paragraph
    let mut carried: Option<(RawQuote, Family)> = None;
    // byte length of the mark that opened the carried quotation (1: straight)
    let mut carried_open_len: Option<usize> = None;
    let n = seg.paragraphs.len();
    // the marks and open quotations of a paragraph, in buffers kept from one
    // paragraph to the next
    // (with room for a paragraph's marks: growing them from empty was a few
    // reallocations per article)
    let mut ms: Vec<Mark> = Vec::with_capacity(16);
    let mut stack: Vec<Open> = Vec::with_capacity(8);
    let mut pi = 0;
    while pi < n {
        let p = seg.paragraphs[pi];
        let para = &text[p.start..p.end];
        marks_into(para, p.start, &mut ms);
        stack.clear();
        let mut k = 0;
        // continuation of a quotation from the previous paragraph
        let carried_straight = carried_open_len.map(|l| l == 1);
        if let Some((mut q, fam)) = carried.take() {
            let first = ms.first().copied();
            // the same quotation re-opens with the same kind of mark: a straight
            // quote is not continued by a curly one (a different quoting layer)
            let opens_again = first.is_some_and(|m| {
                m.pos == p.start
                    && (m.role == Role::Open || m.role == Role::Either)
                    && m.family == fam
                    && (m.len == 1) == (carried_straight == Some(true))
            });
            let first_is_close = first.is_some_and(|m| {
                m.family == fam
                    && (m.role == Role::Close
                        || (m.role == Role::Either && straight_role(text, &m, true) == Role::Close))
            });
            if opens_again {
                // “…¶“… : the same quotation goes on
                let m = first.unwrap();
                stack.push(Open {
                    mark: Mark {
                        pos: m.pos,
                        len: m.len,
                        family: fam,
                        role: Role::Open,
                    },
                    family: fam,
                });
                q.method = "marks_multi_paragraph";
                carried_parts_into(&mut stack, q, &mut out);
                k = 1;
            } else if first_is_close {
                // “… ¶ …” : closes here
                let m = first.unwrap();
                push_part(text, &mut q, p.start, m.pos, p.start, m.pos + m.len);
                q.method = "marks_multi_paragraph";
                out.push(q);
                k = 1;
            } else if ms.is_empty() && pi + 1 < n && pi < n {
                // a paragraph without marks inside a quotation that a later
                // paragraph closes: look ahead (at most 4 paragraphs) for an
                // orphan closing mark before any opening one
                if closes_ahead(text, seg, pi + 1, fam, 4) {
                    push_part(text, &mut q, p.start, p.end, p.start, p.end);
                    carried = Some((q, fam));
                    pi += 1;
                    continue;
                }
                finish_unclosed(text, &mut q, &mut out);
            } else {
                finish_unclosed(text, &mut q, &mut out);
            }
        }
        while k < ms.len() {
            let m = ms[k];
            k += 1;
            let role = match m.role {
                Role::Either => straight_role(text, &m, stack.iter().any(|o| o.family == m.family)),
                r => r,
            };
            match role {
                Role::Open => {
                    // a double quote cannot nest in a double quote: an earlier one
                    // still open was never closed, so it ends where this one starts
                    if m.family != Family::Single {
                        if let Some(idx) = stack.iter().position(|o| o.family == m.family) {
                            let open = stack[idx].mark;
                            stack.truncate(idx);
                            if stack.is_empty() {
                                emit_unclosed(text, &mut out, open, m.pos);
                            }
                        }
                    }
                    stack.push(Open {
                        mark: m,
                        family: m.family,
                    });
                }
                Role::Close => {
                    if let Some(idx) = stack.iter().rposition(|o| o.family == m.family) {
                        let open = stack[idx].mark;
                        stack.truncate(idx);
                        if stack.is_empty() {
                            emit(text, &mut out, open, m);
                        }
                    } else if k == 1
                        && m.family != Family::Single
                        && stack.is_empty()
                        && out
                            .last()
                            .is_none_or(|q| q.outer.last().is_none_or(|o| o.end <= p.start))
                    {
                        // an orphan closing mark: the quotation opened at the paragraph start
                        let content_start = p.start;
                        let words = text[content_start..m.pos].split_whitespace().count();
                        if words >= 3 && k == 1 {
                            let mut q = RawQuote {
                                parts: vec![],
                                outer: vec![],
                                method: "marks_unopened",
                            };
                            push_part(
                                text,
                                &mut q,
                                content_start,
                                m.pos,
                                content_start,
                                m.pos + m.len,
                            );
                            if !q.parts.is_empty() {
                                out.push(q);
                            }
                        }
                    }
                }
                Role::Either => unreachable!(),
            }
        }
        // what is still open at the paragraph end: the outermost non-single quotation
        if let Some(o) = stack.iter().find(|o| o.family != Family::Single) {
            let mut q = RawQuote {
                parts: vec![],
                outer: vec![],
                method: "marks_unclosed",
            };
            push_part(
                text,
                &mut q,
                o.mark.pos + o.mark.len,
                p.end,
                o.mark.pos,
                p.end,
            );
            carried = Some((q, o.family));
            carried_open_len = Some(o.mark.len);
        }
        pi += 1;
    }
    if let Some((mut q, _)) = carried {
        finish_unclosed(text, &mut q, &mut out);
    }
    for q in out.iter_mut() {
        if q.method == "pending_multi_paragraph" {
            q.method = "marks_unclosed";
        }
    }
    out.sort_by_key(|q| q.parts.first().map(|p| p.start));
    out
}

/// A multi-paragraph quotation that re-opens: keep its parts so far, the
/// closing mark will complete it. We store the parts in `out` as a pending
/// entry marked by method and merge when it closes.
fn carried_parts_into(_stack: &mut [Open], q: RawQuote, out: &mut Vec<RawQuote>) {
    // emitted now; the next emitted quotation in this paragraph that starts at
    // the re-opening mark is merged into it (see `emit`)
    out.push(RawQuote {
        method: "pending_multi_paragraph",
        ..q
    });
}

fn emit(text: &str, out: &mut Vec<RawQuote>, open: Mark, close: Mark) {
    let start = open.pos + open.len;
    if let Some(last) = out.last_mut() {
        if last.method == "pending_multi_paragraph" {
            push_part(
                text,
                last,
                start,
                close.pos,
                open.pos,
                close.pos + close.len,
            );
            last.method = "marks_multi_paragraph";
            return;
        }
    }
    let mut q = RawQuote {
        parts: vec![],
        outer: vec![],
        method: "marks",
    };
    push_part(
        text,
        &mut q,
        start,
        close.pos,
        open.pos,
        close.pos + close.len,
    );
    if !q.parts.is_empty() {
        out.push(q);
    }
}

fn emit_unclosed(text: &str, out: &mut Vec<RawQuote>, open: Mark, end: usize) {
    let start = open.pos + open.len;
    if let Some(last) = out.last_mut() {
        if last.method == "pending_multi_paragraph" {
            push_part(text, last, start, end, open.pos, end);
            last.method = "marks_multi_paragraph";
            return;
        }
    }
    let mut q = RawQuote {
        parts: vec![],
        outer: vec![],
        method: "marks_unclosed",
    };
    push_part(text, &mut q, start, end, open.pos, end);
    if !q.parts.is_empty() {
        out.push(q);
    }
}

fn finish_unclosed(_text: &str, q: &mut RawQuote, out: &mut Vec<RawQuote>) {
    // a re-opened quotation that never closed again was pushed as pending
    if let Some(last) = out.last_mut() {
        if last.method == "pending_multi_paragraph" {
            last.method = "marks_unclosed";
        }
    }
    if q.parts.is_empty() {
        return;
    }
    if q.method != "marks_multi_paragraph" {
        q.method = "marks_unclosed";
    }
    out.push(q.clone());
}

fn push_part(
    text: &str,
    q: &mut RawQuote,
    start: usize,
    end: usize,
    outer_start: usize,
    outer_end: usize,
) {
    let s = &text[start..end];
    let ls = s.len() - s.trim_start().len();
    let te = s.trim_end().len();
    if te > ls {
        q.parts.push(Span::new(start + ls, start + te));
        q.outer.push(Span::new(outer_start, outer_end));
    }
}

fn closes_ahead(text: &str, seg: &Segments, from: usize, fam: Family, max: usize) -> bool {
    for p in seg.paragraphs.iter().skip(from).take(max) {
        let ms = marks(&text[p.start..p.end], p.start);
        if let Some(m) = ms.first() {
            return m.family == fam
                && (m.role == Role::Close
                    || (m.role == Role::Either && straight_role(text, m, true) == Role::Close));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn quotes(text: &str) -> Vec<(Vec<&str>, &'static str)> {
        let seg = segment(text);
        pair(text, &seg)
            .into_iter()
            .map(|q| (q.parts.iter().map(|p| p.text(text)).collect(), q.method))
            .collect()
    }

    #[test]
    fn every_mark_style() {
        for (text, want) in [
            ("He said \"we won\" today.", "we won"),
            ("He said “we won” today.", "we won"),
            ("Er sagte „wir gewinnen“ heute.", "wir gewinnen"),
            ("Il a dit « nous gagnons » hier.", "nous gagnons"),
            ("She said ‹ maybe › then.", "maybe"),
            ("She said ‘we won’ today.", "we won"),
            ("She said 'we won' today.", "we won"),
            ("She said ``we won'' today.", "we won"),
            ("She said ''we won'' today.", "we won"),
            ("She said ‚we won‘ today.", "we won"),
        ] {
            assert_eq!(quotes(text), vec![(vec![want], "marks")], "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("Don't touch the '90s records of the players' union, Lee's aide said."),
            vec![]
        );
        assert_eq!(
            quotes("“It isn't over,” Kim's aide said."),
            vec![(vec!["It isn't over,"], "marks")]
        );
    }

    #[test]
    fn nesting_keeps_the_outer_quote() {
        assert_eq!(
            quotes("“She told me ‘never again’ and left,” he said."),
            vec![(vec!["She told me ‘never again’ and left,"], "marks")]
        );
        assert_eq!(
            quotes("\"He called it 'absurd' twice,\" she said."),
            vec![(vec!["He called it 'absurd' twice,"], "marks")]
        );
    }

    #[test]
    fn multi_paragraph_reopened() {
        let text = "Lee said: “The first part goes on.\n“And the second part ends,” he added.";
        assert_eq!(
            quotes(text),
            vec![(
                vec!["The first part goes on.", "And the second part ends,"],
                "marks_multi_paragraph"
            )]
        );
    }

    #[test]
    fn multi_paragraph_closed_later() {
        let text = "Lee said: “The first part.\nA middle part without marks.\nThe end”.\nAfter.";
        assert_eq!(
            quotes(text),
            vec![(
                vec!["The first part.", "A middle part without marks.", "The end"],
                "marks_multi_paragraph"
            )]
        );
    }

    #[test]
    fn unclosed_stops_at_paragraph_end() {
        let text = "Lee said: “This never closes.\nA normal paragraph follows here.\nAnother “quoted bit” here.";
        assert_eq!(
            quotes(text),
            vec![
                (vec!["This never closes."], "marks_unclosed"),
                (vec!["quoted bit"], "marks")
            ]
        );
    }

    #[test]
    fn unclosed_before_a_new_opening_mark() {
        let text = "He hoped that “this ends soon. “It will end,” he added.";
        assert_eq!(
            quotes(text),
            vec![
                (vec!["this ends soon."], "marks_unclosed"),
                (vec!["It will end,"], "marks")
            ]
        );
    }

    #[test]
    fn unbalanced_garbage_is_bounded() {
        let text = "“ “ “ a\nb ” ” ” ” c\n\"\"\"";
        // no panic, nothing spans beyond the marks' paragraphs
        let got = quotes(text);
        assert!(got.len() <= 3);
    }
}
