//! Opening a source as a buffered byte stream: the file (or standard input),
//! counted for progress, then decompressed when its name says so.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::resolve::Source;

/// Large enough that a JSONL line of a few kilobytes rarely straddles two
/// reads, small enough to be nothing next to the articles in flight.
const BUF_SIZE: usize = 256 * 1024;

/// Compression of a file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

/// A reader that adds what it reads to a shared counter (for a progress bar).
pub(crate) struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub fn new(inner: R, counter: Arc<AtomicU64>) -> Counting<R> {
        Counting { inner, counter }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The raw (still compressed) bytes of a source.
pub(crate) fn open_raw(
    source: &Source,
    counter: &Arc<AtomicU64>,
) -> io::Result<Counting<Box<dyn Read + Send>>> {
    let inner: Box<dyn Read + Send> = match &source.path {
        Some(path) => Box::new(File::open(path)?),
        // `Stdin` (not its lock, which is not `Send`) so the reader can move to another thread.
        None => Box::new(io::stdin()),
    };
    Ok(Counting::new(inner, Arc::clone(counter)))
}

/// The decompressed bytes of a source, buffered.
pub(crate) fn open(
    source: &Source,
    counter: &Arc<AtomicU64>,
) -> io::Result<Box<dyn BufRead + Send>> {
    let raw = open_raw(source, counter)?;
    Ok(match source.compression {
        Compression::None => Box::new(BufReader::with_capacity(BUF_SIZE, raw)),
        // Multi-member, as `cat a.gz b.gz` and parallel gzip tools write.
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUF_SIZE,
            flate2::read::MultiGzDecoder::new(raw),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUF_SIZE,
            zstd::stream::read::Decoder::new(raw)?,
        )),
    })
}

/// Why a stream stopped, for the error record that ends a source.
pub(crate) fn read_error(source: &Source, e: &io::Error, after: &str) -> String {
    if source.compression != Compression::None && e.kind() == io::ErrorKind::UnexpectedEof {
        format!("compressed stream ends early (truncated file?) after {after}")
    } else if source.compression != Compression::None {
        format!(
            "cannot decompress after {after}: {e} (is the file really {}?)",
            compression_name(source.compression)
        )
    } else {
        format!("read error after {after}: {e}")
    }
}

fn compression_name(c: Compression) -> &'static str {
    match c {
        Compression::None => "uncompressed",
        Compression::Gzip => "gzip",
        Compression::Zstd => "zstd",
    }
}
