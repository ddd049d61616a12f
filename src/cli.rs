//! The `sayso` command line: argument parsing (clap derive) and the
//! subcommands. `main.rs` only calls [`main_from_args`], which the Python
//! console script calls too.
//!
//! Exit codes: 0 when the run completed (errors rows included, the summary
//! counts them), 1 for `--strict` with errors rows, 2 when nothing could be
//! done (bad arguments, no such input, output exists, cannot write).

mod args;
pub mod bench;
pub mod corpus;
mod progress;
mod show;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser};

use crate::error::Error;
use crate::input::{FieldMap, InputOptions};
use crate::output::Manifest;
use crate::pipeline::{self, ConvertOptions};

use args::{Cli, Command, ConvertArgs, EvalCommand};

/// The sample corpus embedded in the binary (`sayso demo`).
pub const SAMPLE_JSONL: &str = include_str!("../examples/sample.jsonl");

/// How a subcommand ended, beyond success.
enum Failure {
    /// Nothing could be done: exit 2 with this message.
    Fatal(Error),
    /// Output written, but `--strict` and errors rows: exit 1.
    Strict(String),
    /// stdout was closed by the reader (`| head`): exit quietly.
    BrokenPipe,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        match &e {
            Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe => {
                Failure::BrokenPipe
            }
            _ => Failure::Fatal(e),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Fatal(Error::io("cannot write to standard output", e))
        }
    }
}

/// Run the command line with `args` (`args[0]` is the program name, as in
/// `std::env::args()` or Python's `sys.argv`) and return the exit code.
pub fn main_from_args(args: Vec<String>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" to clap, printed to stdout, code 0
            let _ = e.print();
            return e.exit_code();
        }
    };
    match run(cli) {
        Ok(()) => 0,
        Err(Failure::BrokenPipe) => 0,
        Err(Failure::Strict(msg)) => {
            eprintln!("error: {msg}");
            1
        }
        Err(Failure::Fatal(e)) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let quiet = cli.quiet;
    let verbose = cli.verbose;
    match cli.command {
        Command::Convert(a) => convert(a, quiet, verbose),
        Command::Demo { out } => demo(out, quiet),
        Command::Bench {
            mb,
            jobs,
            from,
            json,
        } => {
            let jobs = jobs
                .map(usize::from)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            if !quiet {
                eprintln!("generating {mb} MB of articles and measuring; this takes a while…");
            }
            let report = bench::run(&bench::BenchOptions { mb, jobs, from })?;
            print_report(json, &report, || report.render())
        }
        Command::Show { dir, rows } => show::show(&dir, rows),
        Command::Schema { json } => {
            let text = if json {
                serde_json::to_string_pretty(&crate::table::describe_json())
                    .expect("schema serialises")
                    + "\n"
            } else {
                crate::table::describe_text()
            };
            Ok(io::stdout().lock().write_all(text.as_bytes())?)
        }
        Command::Eval(EvalCommand::Polnear {
            dir,
            show_misses,
            json,
        }) => {
            let report = crate::eval::polnear::run(&dir, show_misses)?;
            print_report(json, &report, || report.render())
        }
        Command::Eval(EvalCommand::Timeml { dir, json }) => {
            let report = crate::eval::timeml::run(&dir)?;
            print_report(json, &report, || report.render())
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "sayso", &mut buf);
            Ok(io::stdout().lock().write_all(&buf)?)
        }
    }
}

fn print_report<R: serde::Serialize>(
    json: bool,
    report: &R,
    render: impl Fn() -> String,
) -> Result<(), Failure> {
    let mut text = if json {
        serde_json::to_string_pretty(report).map_err(|e| Error::Eval(e.to_string()))?
    } else {
        render()
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(io::stdout().lock().write_all(text.as_bytes())?)
}

fn convert_options(a: &ConvertArgs) -> ConvertOptions {
    let d = FieldMap::default();
    let pick = |f: &Option<String>, default: String| f.clone().unwrap_or(default);
    let fields = FieldMap {
        text: pick(&a.text_field, d.text),
        id: pick(&a.id_field, d.id),
        title: pick(&a.title_field, d.title),
        source: pick(&a.source_field, d.source),
        url: pick(&a.url_field, d.url),
        published: pick(&a.published_field, d.published),
        language: d.language,
    };
    ConvertOptions {
        jobs: a.jobs.map(usize::from),
        overwrite: a.overwrite,
        strict: a.strict,
        input: InputOptions {
            format: a.format.into(),
            fields,
        },
        max_article_bytes: a.max_article_mb.map(|mb| (mb * 1e6) as usize),
        clusters: !a.no_clusters,
        part_bytes: a.part_size.map(|mb| (mb.max(0.0) * 1e6) as u64),
        resume: a.resume,
    }
}

/// `converted 84 articles (0 errors): 412 quotes, 0 claims, 0 dates in 0.21 s (2.7 MB/s) → /tmp/dev`
pub fn summary(m: &Manifest, out: &Path) -> String {
    let secs = m.timings.get("total").copied().unwrap_or(0.0);
    let mbs = if secs > 0.0 {
        m.input_bytes as f64 / 1e6 / secs
    } else {
        0.0
    };
    if !m.added.is_empty() {
        // a resumed run: what it added, then the totals
        let added = |t: &str| m.added.get(t).copied().unwrap_or(0);
        return format!(
            "added {} articles ({} errors): {} quotes, {} claims, {} dates in {:.2} s ({:.1} MB/s) → {} (now {} articles, {} quotes, {} clusters)",
            added("articles"),
            added("errors"),
            added("quotes"),
            added("claims"),
            added("dates"),
            secs,
            mbs,
            out.display(),
            m.count("articles"),
            m.count("quotes"),
            m.count("clusters")
        );
    }
    format!(
        "converted {} articles ({} errors): {} quotes, {} claims, {} dates in {:.2} s ({:.1} MB/s) → {}",
        m.count("articles"),
        m.count("errors"),
        m.count("quotes"),
        m.count("claims"),
        m.count("dates"),
        secs,
        mbs,
        out.display()
    )
}

fn convert(a: ConvertArgs, quiet: bool, verbose: bool) -> Result<(), Failure> {
    let opts = convert_options(&a);
    let inputs = crate::input::open(&a.inputs, &opts.input)?;
    let bar = progress::Bar::new(quiet, inputs.total_bytes);
    let cb = |p: &pipeline::Progress| bar.update(p);
    let manifest = pipeline::write_inputs(inputs, &a.out, &opts, Some(&cb))?;
    bar.finish();
    if !quiet {
        eprintln!("{}", summary(&manifest, &a.out));
        if verbose {
            for (stage, secs) in &manifest.timings {
                eprintln!("  {stage:<8} {secs:.3} s");
            }
        }
    }
    if a.json {
        let json =
            serde_json::to_string_pretty(&manifest).map_err(|e| Error::Output(e.to_string()))?;
        writeln!(io::stdout().lock(), "{json}")?;
    }
    let errors = manifest.errors_this_run();
    if a.strict && errors > 0 {
        return Err(Failure::Strict(format!(
            "--strict: {errors} errors row(s) written to {}",
            a.out.join("errors.parquet").display()
        )));
    }
    Ok(())
}

/// The sample corpus as input records (parsed here, so `demo` needs no file).
fn sample_inputs() -> crate::input::Inputs {
    let records: Vec<crate::input::Record> = SAMPLE_JSONL
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let location = format!("sample.jsonl:{}", i + 1);
            let result = serde_json::from_str::<serde_json::Value>(line)
                .map_err(|e| e.to_string())
                .map(|v| {
                    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
                    crate::Article {
                        id: s("id"),
                        text: s("text").unwrap_or_default(),
                        title: s("title"),
                        source: s("source"),
                        url: s("url"),
                        published: s("published").and_then(|p| crate::article::parse_published(&p)),
                        language: s("language"),
                    }
                });
            crate::input::Record {
                location,
                result,
                warnings: Vec::new(),
            }
        })
        .collect();
    crate::input::Inputs::from_iter(
        records.into_iter(),
        Some(SAMPLE_JSONL.len() as u64),
        vec!["sample.jsonl".into()],
    )
}

/// Default output of `sayso demo`: `sayso-demo` in the system's temporary
/// directory, replaced on every run (it only ever holds demo output).
pub fn default_demo_dir() -> PathBuf {
    std::env::temp_dir().join("sayso-demo")
}

fn demo(out: Option<PathBuf>, quiet: bool) -> Result<(), Failure> {
    let out = out.unwrap_or_else(default_demo_dir);
    let opts = ConvertOptions {
        overwrite: true,
        ..ConvertOptions::default()
    };
    let manifest = pipeline::write_inputs(sample_inputs(), &out, &opts, None)?;
    let rows = show::read_quotes(&out, usize::MAX)?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(show::quote_table(&rows, true).as_bytes())?;
    if !quiet {
        eprintln!("{}", summary(&manifest, &out));
    }
    Ok(())
}
