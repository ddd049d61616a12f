//! Evaluation against annotated corpora: PolNeAR-style attribution (brat
//! standoff) and TimeML temporal expressions.

pub mod brat;
pub mod overlap;
pub mod polnear;
pub mod quoting;
pub mod source_rule;
pub mod timeml;
