//! Tests: attribution.
