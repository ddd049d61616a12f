//! Tests: output.
