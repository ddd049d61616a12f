//! Integration tests (one test binary, as in ripgrep).
