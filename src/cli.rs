//! The `sayso` command line.
