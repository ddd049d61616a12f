//! Helpers to read the data files under `lexicons/` (embedded at build time).

/// The data lines of a lexicon file: trimmed, without blank lines and
/// `#` comments.
pub fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Tab-separated fields of each data line.
pub fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(src).map(|l| l.split('\t').map(str::trim).collect())
}

/// `w` in lowercase, without allocating when it already is (most words).
pub fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}
