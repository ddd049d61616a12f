//! The `sayso` binary: everything lives in `sayso::cli`.

fn main() {
    let args = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    std::process::exit(sayso::cli::main_from_args(args));
}
