//! Tests: dates.
