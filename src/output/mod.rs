//! Parquet output: one directory of tables, written atomically, with a manifest.
