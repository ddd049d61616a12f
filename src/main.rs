//! The `sayso` binary: everything lives in `sayso::cli`.

fn main() {
    ignore_file_size_signal();
    let args = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    std::process::exit(sayso::cli::main_from_args(args));
}

/// A write past the file size limit (`ulimit -f`) sends SIGXFSZ, whose
/// default action kills the process without a word and leaves its staged
/// output behind. Ignored, the write fails with EFBIG instead, and the run
/// reports it, removes its temporary directory and keeps the old output.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists;
    // SIG_IGN is a valid disposition for SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
