//! Evaluation against annotated corpora: PolNeAR-style attribution (brat
//! standoff) and TimeML temporal expressions.

pub mod polnear;
pub mod timeml;
