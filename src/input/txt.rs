//! Plain text: one article per file (id = file stem, text = the whole file).

use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use super::resolve::Source;
use super::{stream, Record, Records};
use crate::article::Article;

pub(crate) fn records(source: &Source, counter: &Arc<AtomicU64>) -> Records {
    Box::new(std::iter::once(record(source, counter)))
}

fn record(source: &Source, counter: &Arc<AtomicU64>) -> Record {
    let mut bytes = Vec::with_capacity(source.size.unwrap_or(0) as usize);
    let read = stream::open(source, counter).and_then(|mut r| r.read_to_end(&mut bytes));
    if let Err(e) = read {
        let after = format!("{} bytes", bytes.len());
        return Record::error(&source.label, stream::read_error(source, &e, &after));
    }
    let (text, warning) = decode(bytes);
    let id = source.path.as_deref().and_then(stem);
    let warnings = warning.into_iter().collect();
    Record {
        location: source.label.clone(),
        result: Ok(Article {
            id,
            ..Article::new(text)
        }),
        warnings,
    }
}

/// The file name without its format and compression extensions
/// (`a/2017-11-21.txt.gz` → `2017-11-21`).
fn stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy();
    let lower = name.to_lowercase();
    let mut end = name.len();
    for ext in [".gz", ".zst"] {
        if lower[..end].ends_with(ext) {
            end -= ext.len();
        }
    }
    if lower[..end].ends_with(".txt") {
        end -= 4;
    }
    Some(name[..end].to_owned())
}

/// The file's text. UTF-8 is taken as it is (only a byte order mark is
/// dropped). Anything else is most likely an older single-byte encoding:
/// decoded as Windows-1252, the superset of Latin-1 that news archives use
/// (its curly quotes matter here), or as UTF-16 when a byte order mark says
/// so, with a warning either way.
fn decode(mut bytes: Vec<u8>) -> (String, Option<String>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, None),
        Err(e) => e.into_bytes(),
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (
            text.into_owned(),
            Some(format!("decoded as {} (byte order mark)", encoding.name())),
        );
    }
    let at = std::str::from_utf8(&bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    let warning = format!(
        "not valid UTF-8 (byte 0x{:02X} at byte {}); decoded as Windows-1252 (Latin-1), check the text if the file used another encoding",
        bytes[at],
        at + 1
    );
    (text.into_owned(), Some(warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(
            stem(Path::new("d/2017-11-21.txt")).as_deref(),
            Some("2017-11-21")
        );
        assert_eq!(stem(Path::new("d/a.b.TXT.gz")).as_deref(), Some("a.b"));
        assert_eq!(stem(Path::new("d/notes")).as_deref(), Some("notes"));
    }

    #[test]
    fn windows_1252() {
        let (text, warning) = decode(b"caf\xe9 \x93hi\x94".to_vec());
        assert_eq!(text, "café “hi”");
        assert!(warning
            .unwrap()
            .starts_with("not valid UTF-8 (byte 0xE9 at byte 4); decoded as Windows-1252"));
    }

    #[test]
    fn utf16_with_bom() {
        let (text, warning) = decode(b"\xFF\xFEh\0i\0".to_vec());
        assert_eq!(text, "hi");
        assert_eq!(
            warning.as_deref(),
            Some("decoded as UTF-16LE (byte order mark)")
        );
    }
}
