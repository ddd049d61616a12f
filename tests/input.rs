//! Tests: input.
