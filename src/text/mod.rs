//! Segmentation of an article into paragraphs, sentences and tokens, and the
//! mapping of byte offsets to code-point offsets.
//!
//! Everything inside sayso works on byte offsets into the article text (cheap
//! slicing, no re-decoding); offsets become code points once, when tables are
//! built ([`OffsetMap`]).

mod lowered;
mod offsets;
mod segment;
mod tokens;

pub use lowered::Lowered;
pub use offsets::OffsetMap;
pub use segment::{segment, segment_into, Paragraph, Segments, Sentence};
pub use tokens::{tokenize, Token, TokenKind};
