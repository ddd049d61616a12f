//! The arguments: doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "sayso",
    version,
    about = "Who said what, to whom, and when: quotes, claims, speakers and dates from news articles, as Parquet tables.",
    after_help = "EXAMPLES:\n  sayso demo\n  sayso convert articles.jsonl --out out/\n  sayso show out/\n  sayso schema --json"
)]
pub struct Cli {
    /// Print nothing but results and errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more detail (stage timings).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert articles into a directory of Parquet tables.
    #[command(
        after_help = "EXAMPLES:\n  sayso convert articles.jsonl --out out/\n  sayso convert 'news/*.txt' --out out/ --jobs 4\n  sayso convert corpus.csv --text-field body --id-field uuid --out out/ --overwrite\n  zcat dump.jsonl.gz | sayso convert - --out out/ --json"
    )]
    Convert(ConvertArgs),
    /// Convert the built-in sample corpus and print who said what.
    ///
    /// The tables are written to DIR (default: `sayso-demo` in the system's
    /// temporary directory, replaced on each run).
    #[command(after_help = "EXAMPLES:\n  sayso demo\n  sayso demo --out demo-tables/")]
    Demo {
        /// Output directory (replaced if it holds an earlier sayso output).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Measure throughput per stage (one core) and end to end, on a generated corpus.
    ///
    /// Articles are generated from the built-in sample (or from the .txt
    /// files of --from DIR): paragraphs shuffled, ids and dates distinct.
    #[command(
        after_help = "EXAMPLES:\n  sayso bench\n  sayso bench --mb 50 --jobs 2\n  sayso bench --from corpus/text --mb 20 --json"
    )]
    Bench {
        /// MB of article text to generate.
        #[arg(long, default_value_t = 20.0, value_name = "N")]
        mb: f64,
        /// Threads of the parallel end-to-end run (default: all cores).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// A directory of .txt articles to vary instead of the sample.
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
        /// The report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show the row counts of an output directory and its first quotes.
    #[command(after_help = "EXAMPLES:\n  sayso show out/\n  sayso show out/ --rows 30")]
    Show {
        /// An output directory written by `sayso convert`.
        dir: PathBuf,
        /// How many quotes to show.
        #[arg(long, default_value_t = 10)]
        rows: usize,
    },
    /// Print the output schema (tables, columns, types, meanings).
    #[command(
        after_help = "EXAMPLES:\n  sayso schema\n  sayso schema --json | jq '.tables.quotes[].name'"
    )]
    Schema {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score extraction against an annotated corpus.
    #[command(
        subcommand,
        after_help = "EXAMPLES:\n  sayso eval polnear corpus/dev --show-misses 5\n  sayso eval timeml corpus/TimeBank --json"
    )]
    Eval(EvalCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "EXAMPLES:\n  sayso completions bash > ~/.local/share/bash-completion/completions/sayso\n  sayso completions zsh > ~/.zfunc/_sayso"
    )]
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Attribution scores on a PolNeAR-style corpus (DIR with text/ and attributions/).
    #[command(
        after_help = "EXAMPLES:\n  sayso eval polnear corpus/dev\n  sayso eval polnear corpus/dev --show-misses 10 --json"
    )]
    Polnear {
        dir: PathBuf,
        /// Example misses to show per error class.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_misses: usize,
        /// The report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Temporal expression scores on TimeML files (every .tml under DIR).
    #[command(
        after_help = "EXAMPLES:\n  sayso eval timeml corpus/TimeBank\n  sayso eval timeml corpus/AQUAINT --json"
    )]
    Timeml {
        dir: PathBuf,
        /// The report as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Input files, directories, globs, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output directory (must not exist, unless --overwrite or --resume).
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
    /// Worker threads (default: all cores). The output is the same for any value.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Replace DIR if it holds an earlier sayso output.
    #[arg(long, conflicts_with = "resume")]
    pub overwrite: bool,
    /// Add these articles to the earlier sayso output in DIR (as new parts;
    /// articles whose id is already there are skipped) and recompute its
    /// clusters over everything; DIR is created if missing.
    #[arg(long)]
    pub resume: bool,
    /// Exit with code 1 when any input problem was recorded in errors.parquet.
    #[arg(long)]
    pub strict: bool,
    /// Input format (default: by file extension).
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,
    /// Field holding the article text [default: text].
    #[arg(long, value_name = "F")]
    pub text_field: Option<String>,
    /// Field holding the article id [default: id].
    #[arg(long, value_name = "F")]
    pub id_field: Option<String>,
    /// Field holding the headline [default: title].
    #[arg(long, value_name = "F")]
    pub title_field: Option<String>,
    /// Field holding the outlet [default: source].
    #[arg(long, value_name = "F")]
    pub source_field: Option<String>,
    /// Field holding the URL [default: url].
    #[arg(long, value_name = "F")]
    pub url_field: Option<String>,
    /// Field holding the publication date [default: published].
    #[arg(long, value_name = "F")]
    pub published_field: Option<String>,
    /// Articles longer than this (MB of text) become errors rows [default: 20].
    #[arg(long, value_name = "MB")]
    pub max_article_mb: Option<f64>,
    /// Write each table as a directory of parts (quotes/part-00000.parquet, …),
    /// a new part after about MB of article text; read them back with
    /// `pl.scan_parquet("DIR/quotes/*.parquet")`.
    #[arg(long, value_name = "MB")]
    pub part_size: Option<f64>,
    /// Skip the corpus-wide pass that groups the same quotation across
    /// articles: clusters.parquet stays empty and quotes.cluster_id null.
    #[arg(long)]
    pub no_clusters: bool,
    /// Print the manifest as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Auto,
    Jsonl,
    Txt,
    Parquet,
    Csv,
}

impl From<FormatArg> for crate::input::Format {
    fn from(f: FormatArg) -> crate::input::Format {
        use crate::input::Format;
        match f {
            FormatArg::Auto => Format::Auto,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Txt => Format::Txt,
            FormatArg::Parquet => Format::Parquet,
            FormatArg::Csv => Format::Csv,
        }
    }
}
