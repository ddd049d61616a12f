//! Integration tests (one test binary, as in ripgrep).

mod util;

mod attribution;
mod badinput;
mod claims;
mod cli;
mod dates;
mod eval_polnear;
mod failed_writes;
mod input;
mod output;
mod properties;
mod quotes;
mod readers_fuzz;
mod scale;
