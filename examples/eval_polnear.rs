//! Print the attribution evaluation of a PolNeAR split.
//!
//! ```sh
//! cargo run --release --example eval_polnear -- ../shared/polnear/dev 10
//! cargo run --release --example eval_polnear -- ../shared/polnear/dev 10 --json
//! ```
//!
//! Arguments: the split directory (default `../shared/polnear/dev`), the
//! number of example misses to show per error class (default 10), and
//! `--json` for the report as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let dir = positional
        .next()
        .map_or_else(|| PathBuf::from("../shared/polnear/dev"), PathBuf::from);
    let show = match positional.next().map(|n| n.parse::<usize>()) {
        None => 10,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("error: the number of misses to show must be a whole number: {e}");
            return ExitCode::from(2);
        }
    };
    match sayso::eval::polnear::run(&dir, show) {
        Ok(report) => {
            if json {
                match serde_json::to_string_pretty(&report) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(2);
                    }
                }
            } else {
                print!("{}", report.render());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
