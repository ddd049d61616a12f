//! Batch conversion: readers → parallel extraction → ordered writer.
