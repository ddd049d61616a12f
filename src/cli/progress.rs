//! The progress bar, on stderr only when it is a terminal and not `--quiet`,
//! so logs and pipes never receive control characters.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::pipeline::Progress;

pub struct Bar(Option<ProgressBar>);

impl Bar {
    pub fn new(quiet: bool, total_bytes: Option<u64>) -> Bar {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = match total_bytes {
            Some(total) => {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                    )
                    .expect("valid template"),
                );
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                        .expect("valid template"),
                );
                bar
            }
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Bar(Some(bar))
    }

    pub fn update(&self, p: &Progress) {
        if let Some(bar) = &self.0 {
            // total bytes are file sizes and `bytes` text bytes: cap so the bar never overflows
            let pos = match p.total_bytes {
                Some(t) => p.bytes.min(t),
                None => p.bytes,
            };
            bar.set_position(pos);
            let secs = bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} articles ({:.0}/s), {} errors",
                p.articles,
                p.articles as f64 / secs,
                p.errors
            ));
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
