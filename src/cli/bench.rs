//! `sayso bench`: throughput of each stage on one core, and of the whole
//! conversion with 1 and N threads, on a generated corpus.
//!
//! Stage times are wall-clock times of one thread; on a machine shared with
//! other work they are longer than the CPU time, so the report also gives the
//! CPU share the stage loop got (CPU time / wall time of that thread) and the
//! CPU seconds of each end-to-end run.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::corpus::{self, Base};
use crate::error::{Error, Result};
use crate::input::InputOptions;
use crate::output::{Manifest, OutputWriter};
use crate::pipeline::{self, ConvertOptions};
use crate::{attribution, claims, dates, quotes, speakers, table, text, Article, Extractor};

/// Articles per table batch, as in the conversion.
const TABLE_BATCH: usize = 256;

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// MB of article text to generate.
    pub mb: f64,
    /// Threads of the parallel end-to-end run.
    pub jobs: usize,
    /// A directory of .txt articles to vary instead of the embedded sample.
    pub from: Option<PathBuf>,
}

/// One stage on one core.
#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    pub name: &'static str,
    pub seconds: f64,
    pub mb_per_s: f64,
}

/// One end-to-end conversion (read → extract → tables → Parquet → clusters).
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub jobs: usize,
    pub seconds: f64,
    /// CPU seconds of the process during the run (all threads).
    pub cpu_seconds: Option<f64>,
    pub mb_per_s: f64,
    pub articles: u64,
    pub quotes: u64,
    pub claims: u64,
    pub clusters: u64,
}

/// The measurements.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub corpus: String,
    pub articles: u64,
    pub text_mb: f64,
    pub stages: Vec<Stage>,
    /// CPU time / wall time of the thread while stages were timed (1.0 on an idle core).
    pub stage_cpu_share: Option<f64>,
    pub end_to_end: Vec<Run>,
    /// Peak resident memory (VmHWM) after the end-to-end runs, MB.
    pub peak_rss_mb_end_to_end: Option<f64>,
    /// Peak resident memory of the whole bench (stages hold the corpus in memory), MB.
    pub peak_rss_mb: Option<f64>,
}

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A `kB` line of `/proc/self/status` (Linux only), in MB.
pub fn proc_status_mb(field: &str) -> Option<f64> {
    status_mb(&std::fs::read_to_string("/proc/self/status").ok()?, field)
}

/// The value of `field` (`VmHWM`, `VmRSS`) in a `/proc/PID/status` text, in MB.
pub fn status_mb(status: &str, field: &str) -> Option<f64> {
    let line = status
        .lines()
        .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))?;
    let kb: f64 = line[field.len() + 1..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// utime + stime of a `/proc/.../stat` file, in seconds. The kernel reports
/// them in USER_HZ ticks, which is 100 on every Linux ABI.
fn cpu_seconds(stat_path: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    // the command name may hold spaces and parentheses: count after the last ')'
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

fn mbs(bytes: u64, secs: f64) -> f64 {
    if secs > 0.0 {
        bytes as f64 / 1e6 / secs
    } else {
        0.0
    }
}

/// Generate the corpus, then measure.
pub fn run(opts: &BenchOptions) -> Result<Report> {
    let (bases, corpus_name) = match &opts.from {
        Some(dir) => (
            corpus::txt_bases(dir)
                .map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?,
            format!("varied from the .txt files of {}", dir.display()),
        ),
        None => (
            corpus::sample_bases(),
            "varied from the embedded sample articles".to_string(),
        ),
    };
    let scratch = Scratch(std::env::temp_dir().join(format!("sayso-bench-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0)
        .map_err(|e| Error::io(format!("cannot create {}", scratch.0.display()), e))?;
    let path = scratch.0.join("corpus.jsonl");
    let (n_articles, text_bytes) = generate(&bases, opts.mb, &path)?;

    let mut end_to_end = Vec::new();
    let mut jobs_list = vec![1];
    if opts.jobs > 1 {
        jobs_list.push(opts.jobs);
    }
    for jobs in jobs_list {
        end_to_end.push(convert(
            &path,
            &scratch.0.join(format!("out-{jobs}")),
            jobs,
            text_bytes,
        )?);
    }
    let peak_rss_mb_end_to_end = proc_status_mb("VmHWM");

    let (stages, stage_cpu_share) = stages(&path, &scratch.0.join("tables"))?;
    Ok(Report {
        corpus: corpus_name,
        articles: n_articles,
        text_mb: text_bytes as f64 / 1e6,
        stages,
        stage_cpu_share,
        end_to_end,
        peak_rss_mb_end_to_end,
        peak_rss_mb: proc_status_mb("VmHWM"),
    })
}

fn generate(bases: &[Base], mb: f64, path: &Path) -> Result<(u64, u64)> {
    let io = |e| Error::io(format!("cannot write {}", path.display()), e);
    let file = File::create(path).map_err(io)?;
    let mut w = BufWriter::new(file);
    let r = corpus::write_jsonl(bases, (mb.max(0.0) * 1e6) as u64, &mut w).map_err(io)?;
    w.flush().map_err(io)?;
    Ok(r)
}

fn convert(input: &Path, out: &Path, jobs: usize, text_bytes: u64) -> Result<Run> {
    let opts = ConvertOptions {
        jobs: Some(jobs),
        overwrite: true,
        ..ConvertOptions::default()
    };
    let cpu = cpu_seconds("/proc/self/stat");
    let t = Instant::now();
    let m = pipeline::convert(&[input.display().to_string()], out, &opts, None)?;
    let seconds = t.elapsed().as_secs_f64();
    let cpu_seconds = cpu.zip(cpu_seconds("/proc/self/stat")).map(|(a, b)| b - a);
    let _ = std::fs::remove_dir_all(out);
    Ok(Run {
        jobs,
        seconds,
        cpu_seconds,
        mb_per_s: mbs(text_bytes, seconds),
        articles: m.count("articles"),
        quotes: m.count("quotes"),
        claims: m.count("claims"),
        clusters: m.count("clusters"),
    })
}

/// Seconds per stage, in the order of the report.
#[derive(Default)]
struct Clock {
    read: f64,
    segment: f64,
    quotes: f64,
    claims: f64,
    speakers: f64,
    dates: f64,
    tables: f64,
    parquet: f64,
}

fn lap(t: &mut Instant) -> f64 {
    let now = Instant::now();
    let s = now.duration_since(*t).as_secs_f64();
    *t = now;
    s
}

/// Every stage over the corpus, one thread, one article at a time.
fn stages(input: &Path, out: &Path) -> Result<(Vec<Stage>, Option<f64>)> {
    let mut c = Clock::default();
    let cpu0 = cpu_seconds("/proc/thread-self/stat");
    let wall = Instant::now();

    let mut t = Instant::now();
    let articles: Vec<Article> =
        crate::input::open(&[input.display().to_string()], &InputOptions::default())?
            .filter_map(|r| r.result.ok())
            .collect();
    c.read += lap(&mut t);
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();

    for a in &articles {
        let text = a.text.as_str();
        let mut t = Instant::now();
        let seg = text::segment(text);
        c.segment += lap(&mut t);
        let (_, _, timexes) = dates::tag_inferring(text, &seg, a.published);
        c.dates += lap(&mut t);
        let mut qs = quotes::detect(text, &seg);
        let quoted = qs.iter().flat_map(|q| q.marks.iter().copied()).collect();
        let doc = attribution::Document::new(text, &seg, quoted);
        attribution::attribute(&doc, &mut qs);
        c.quotes += lap(&mut t);
        let mut cl = claims::find(&doc, &mut qs);
        c.claims += lap(&mut t);
        let sp = speakers::resolve(&doc, &mut qs, &mut cl);
        c.speakers += lap(&mut t);
        std::hint::black_box((timexes, sp));
    }

    // tables and Parquet per batch, as the conversion does; the extraction
    // that feeds them was timed above, stage by stage
    let extractor = Extractor::new();
    let mut writer = OutputWriter::create(out, true)?;
    for chunk in articles.chunks(TABLE_BATCH) {
        let xs: Vec<_> = chunk.iter().map(|a| extractor.extract(a.clone())).collect();
        let mut t = Instant::now();
        let tables = table::build(&xs, &[])?;
        c.tables += lap(&mut t);
        writer.write(&tables)?;
        c.parquet += lap(&mut t);
    }
    let mut t = Instant::now();
    writer.finish(&mut Manifest::default())?;
    c.parquet += lap(&mut t);
    let _ = std::fs::remove_dir_all(out);

    let share = cpu0
        .zip(cpu_seconds("/proc/thread-self/stat"))
        .map(|(a, b)| (b - a) / wall.elapsed().as_secs_f64());
    let stage = |name, seconds| Stage {
        name,
        seconds,
        mb_per_s: mbs(bytes, seconds),
    };
    let extraction = c.segment + c.quotes + c.claims + c.speakers + c.dates;
    Ok((
        vec![
            stage("read (JSONL parse)", c.read),
            stage("segment", c.segment),
            stage("quotes (detect + attribute)", c.quotes),
            stage("claims", c.claims),
            stage("speakers (coreference)", c.speakers),
            stage("dates", c.dates),
            stage("extraction (sum of the above but read)", extraction),
            stage("tables (Arrow build)", c.tables),
            stage("Parquet write", c.parquet),
        ],
        share,
    ))
}

impl Report {
    /// The report as a table.
    pub fn render(&self) -> String {
        let mut s = format!(
            "corpus: {:.1} MB of text in {} articles, {}\n\n",
            self.text_mb, self.articles, self.corpus
        );
        s += &format!(
            "{:<40} {:>9} {:>9}\n",
            "stage (one core)", "seconds", "MB/s"
        );
        for st in &self.stages {
            s += &format!("{:<40} {:>9.3} {:>9.2}\n", st.name, st.seconds, st.mb_per_s);
        }
        if let Some(share) = self.stage_cpu_share {
            s += &format!("(the timing thread got {:.0}% of a core)\n", share * 100.0);
        }
        s += &format!(
            "\n{:<10} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
            "end to end", "jobs", "seconds", "CPU s", "MB/s", "quotes"
        );
        for r in &self.end_to_end {
            let cpu = r.cpu_seconds.map_or("-".to_string(), |c| format!("{c:.2}"));
            s += &format!(
                "{:<10} {:>9} {:>9.3} {:>9} {:>9.2} {:>9}\n",
                "", r.jobs, r.seconds, cpu, r.mb_per_s, r.quotes
            );
        }
        let mb = |v: Option<f64>| v.map_or("unknown".to_string(), |v| format!("{v:.0} MB"));
        s += &format!(
            "\npeak RSS: {} after the end-to-end runs, {} for the whole bench (the stage pass holds the corpus in memory)\n",
            mb(self.peak_rss_mb_end_to_end),
            mb(self.peak_rss_mb)
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields() {
        let st = "Name:\tsayso\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
        assert_eq!(status_mb(st, "VmHWM"), Some(200.0));
        assert_eq!(status_mb(st, "VmRSS"), Some(100.0));
        assert_eq!(status_mb(st, "VmSwap"), None);
    }
}
