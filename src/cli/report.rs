//! A library error or a list of diagnostics -> what the user reads on stderr: each problem
//! once, the error's causes, control characters shown rather than obeyed; and the
//! spinner for a long build.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use stateside::{Diagnostic, Error};

pub(super) fn print_diagnostics(diags: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}

pub(super) fn report_error(e: &Error) -> ExitCode {
    if let Error::Content(diags) = e {
        print_diagnostics(diags);
    }
    eprintln!("{}", error_chain(e));
    if matches!(e, Error::Content(_)) {
        eprintln!("The previous output, if any, was left as it was.");
    }
    ExitCode::from(1)
}

/// `error: …` with each cause the message does not already show.
pub(super) fn error_chain(e: &Error) -> String {
    let mut msg = format!("error: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        // Errors such as `Io` already show their cause in their own message.
        let cause = s.to_string();
        if !msg.contains(&cause) {
            msg.push_str(&format!("\n  caused by: {cause}"));
        }
        source = s.source();
    }
    // Lines stay lines; any other control character is shown, not obeyed.
    msg.split('\n')
        .map(|line| stateside::text::escape_controls(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A spinner on stderr that appears only when a build takes more than a second and
/// stderr is a terminal.
pub(super) struct Progress {
    stop: Option<std::sync::mpsc::Sender<()>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    pub(super) fn start(quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress {
                stop: None,
                handle: None,
            };
        }
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let handle = std::thread::spawn(move || {
            if rx.recv_timeout(std::time::Duration::from_secs(1)).is_ok() {
                return;
            }
            let frames = ['|', '/', '-', '\\'];
            let started = std::time::Instant::now();
            for i in 0.. {
                eprint!(
                    "\r{} building… {:.0} s",
                    frames[i % 4],
                    started.elapsed().as_secs_f64() + 1.0
                );
                if rx
                    .recv_timeout(std::time::Duration::from_millis(200))
                    .is_ok()
                {
                    break;
                }
            }
            eprint!("\r\x1b[2K");
        });
        Progress {
            stop: Some(tx),
            handle: Some(handle),
        }
    }

    pub(super) fn stop(self) {
        if let Some(tx) = self.stop {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle {
            let _ = h.join();
        }
    }
}
