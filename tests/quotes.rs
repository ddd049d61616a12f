//! Tests: quotes.
