//! Running a third-party decoder on untrusted bytes without letting its
//! panics out. The Parquet decoder panics on some damaged files (an unknown
//! type id, a negative page offset) instead of returning an error; a damaged
//! input must become an error record, never end the run.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while a guarded call runs: its panic becomes an error record, so
    /// the default hook must not print it as a crash.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// `f()`, or the message of its panic.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_quiet_hook();
    let was = QUIET.with(|q| q.replace(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let r: Result<(), String> = guarded(|| panic!("bad page {}", 3));
        assert_eq!(r, Err("bad page 3".into()));
        assert_eq!(guarded(|| panic!("static")), Err::<(), _>("static".into()));
    }
}
