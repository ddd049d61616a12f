//! The `sayso` command line.

/// Run the command line with `args` (including the program name) and return
/// the process exit code.
pub fn main_from_args(args: Vec<String>) -> i32 {
    match args.get(1).map(String::as_str) {
        Some("--version") | Some("-V") => {
            println!("sayso {}", crate::VERSION);
            0
        }
        _ => {
            eprintln!("sayso: the command line is not available in this build");
            2
        }
    }
}
