//! Extraction of one article: the whole per-article flow.

use crate::article::Article;
use crate::model::{DateSource, Extraction};
use crate::{attribution, claims, dates, quotes, speakers, text};

thread_local! {
    /// The segmentation vectors of the last article extracted on this
    /// thread, for the next one to fill instead of allocating its own.
    static SEGMENTS: std::cell::Cell<text::Segments> =
        std::cell::Cell::new(text::Segments::default());
}

/// Sentences beyond which a thread does not keep an article's segmentation.
const SEGMENTS_MAX: usize = 1 << 14;

/// Extracts quotes, claims, speakers and dates from articles. Lexicons are
/// compiled once (on first use) and shared; an `Extractor` is cheap to clone
/// and `Send + Sync`, so one can serve every thread.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    _private: (),
}

impl Extractor {
    /// An extractor with the default rules.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Extract everything from one article. Pure: no I/O, same input, same output.
    pub fn extract(&self, article: Article) -> Extraction {
        let article_id = article.article_id();
        let text = article.text.as_str();
        // the paragraph and sentence vectors of the thread's last article
        let mut seg = crate::reuse::take(&SEGMENTS);
        text::segment_into(text, &mut seg);

        // dates first: quotes and claims take their date from them
        let (published, published_inferred, timexes) =
            dates::tag_inferring(text, &seg, article.published);

        let mut quotes = quotes::detect(text, &seg);
        // the marks go straight into the document's own (reused) vector
        let quoted = quotes.iter().flat_map(|q| q.marks.iter().copied());
        let doc = attribution::Document::with_quoted(text, &seg, quoted);
        attribution::attribute(&doc, &mut quotes);
        let mut claims = claims::find(&doc, &mut quotes);
        let speakers = speakers::resolve(&doc, &mut quotes, &mut claims);

        for u in quotes.iter_mut().chain(claims.iter_mut()) {
            let (date, source) = dates::utterance_date(&timexes, &seg, u, published);
            u.date = date;
            u.date_source = if date.is_none() {
                DateSource::Unknown
            } else {
                source
            };
        }

        // its buffers go back to the thread for the next article
        drop(doc);
        if seg.sentences.capacity() <= SEGMENTS_MAX {
            crate::reuse::keep(&SEGMENTS, seg);
        }
        Extraction {
            article_id,
            published,
            published_inferred,
            quotes,
            claims,
            speakers,
            dates: timexes,
            article,
        }
    }
}

/// Extract with the default [`Extractor`].
pub fn extract(article: Article) -> Extraction {
    Extractor::new().extract(article)
}
