//! Quotation spans: pairing of quotation marks (first version: balanced
//! straight and curly double quotes within a paragraph).

use crate::model::{Kind, Span, Utterance};
use crate::text::Segments;

/// Find the quotations of an article. Rows come back unattributed, ordered
/// by start, with `sentence` and `paragraph` filled.
pub fn detect(text: &str, seg: &Segments) -> Vec<Utterance> {
    let mut out = Vec::new();
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        let para = &text[p.start..p.end];
        let mut open: Option<usize> = None;
        for (i, c) in para.char_indices() {
            match (c, open) {
                ('“', _) => open = Some(i + c.len_utf8()),
                ('"', None) => open = Some(i + 1),
                ('”' | '"', Some(o)) => {
                    if i > o {
                        let span = Span::new(p.start + o, p.start + i);
                        let mut u = Utterance::new(vec![span], text, Kind::Direct, "marks_balanced");
                        u.paragraph = pi;
                        u.sentence = seg.sentence_at(span.start);
                        out.push(u);
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}
