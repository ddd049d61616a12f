//! Buffers a thread keeps from one article to the next: articles are short,
//! and allocating (and growing) per-article vectors afresh for each was a
//! good part of the allocator's time in a conversion. Each user holds its
//! buffers in a `thread_local!` `Cell`, takes them at the start of an
//! article and gives them back, emptied, at the end (unless they grew too
//! big to pin for the rest of the run).

use std::cell::Cell;
use std::thread::LocalKey;

/// The buffers kept in `slot`, or new ones (also while the thread is being
/// torn down and has no slot left).
pub(crate) fn take<T: Default>(slot: &'static LocalKey<Cell<T>>) -> T {
    slot.try_with(Cell::take).unwrap_or_default()
}

/// Keep `buffers` in `slot` for the thread's next article; a thread being
/// torn down has no slot left, and they just go.
pub(crate) fn keep<T>(slot: &'static LocalKey<Cell<T>>, buffers: T) {
    let _ = slot.try_with(|s| s.set(buffers));
}
