//! Arrow schemas (schema v1) and builders: [`Extraction`]s → `RecordBatch`es.
