//! Tests: eval_polnear.
