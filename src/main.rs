//! The command line: `stateside build` and `stateside check`. Prints problems once,
//! readably, and sets the exit code (0 ok, 1 content or build error, 2 usage).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use stateside::{BuildOptions, Diagnostic, Error, Severity};

/// A build allocates many short-lived strings and template values on every thread at
/// once; mimalloc's per-thread heaps handle that pattern faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "stateside",
    version,
    about = "Build a website from state-by-state policy documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/, templates/ and static/ into public/.
    Build {
        /// Project folder holding content/, templates/ and static/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: public/ inside the project folder).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Where the site will be published, e.g. https://user.github.io/repo/ (overrides site.toml).
        #[arg(long, value_parser = base_url)]
        base_url: Option<String>,
        /// Write HTML as rendered, without minifying.
        #[arg(long)]
        no_minify: bool,
        /// Print only errors and the summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Read everything, list every problem, and show how questions were matched to topics.
    Check {
        /// Project folder holding content/, templates/ and static/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Also show how questions were matched to topics, close calls first, with pins to paste.
        #[arg(long)]
        alignment: bool,
        /// List every state's indicator values with their evidence, least sure first.
        #[arg(long)]
        indicators: bool,
    },
    /// Propose topics from the states' own questions (no hints); compare them with topics.toml.
    Topics {
        /// Project folder holding content/, templates/ and static/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write the proposals as a draft content/topics.toml.
        #[arg(long)]
        write: bool,
        /// With --write, replace an existing topics.toml.
        #[arg(long, requires = "write")]
        force: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            no_minify,
            quiet,
        } => build(
            BuildOptions {
                root,
                output,
                base_url,
                minify: !no_minify,
            },
            quiet,
        ),
        Command::Check {
            root,
            alignment,
            indicators,
        } => check(root, alignment, indicators),
        Command::Topics { root, write, force } => topics(root, write, force),
    }
}

/// `--base-url` takes what `base_url` in site.toml takes: an http(s) URL, or nothing. It
/// ends up in every page's canonical link, so a `javascript:` URL must not pass.
fn base_url(value: &str) -> Result<String, String> {
    let lower = value.trim().to_ascii_lowercase();
    if lower.is_empty() || lower.starts_with("http://") || lower.starts_with("https://") {
        Ok(value.to_string())
    } else {
        Err("expected an http(s) URL such as https://user.github.io/repo/, or \"\" for none".into())
    }
}

fn build(opts: BuildOptions, quiet: bool) -> ExitCode {
    let progress = Progress::start(quiet);
    let result = stateside::build(&opts);
    progress.stop();
    match result {
        Ok(summary) => {
            if !quiet {
                // Information (such as topics no state answers) is for `check`; builds show warnings.
                let warnings: Vec<Diagnostic> = summary
                    .warnings
                    .iter()
                    .filter(|d| d.severity == Severity::Warning)
                    .cloned()
                    .collect();
                print_diagnostics(&warnings);
                for note in &summary.notes {
                    eprintln!("warning: {note}");
                }
            }
            let warnings = summary
                .warnings
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count();
            println!(
                "Built {} states, {} questions, {} topics: {} pages ({} files) in {} in {:.0} ms{}",
                summary.states,
                summary.questions,
                summary.topics,
                summary.pages,
                summary.files,
                summary.output.display(),
                summary.elapsed.as_secs_f64() * 1000.0,
                if warnings > 0 {
                    format!(" ({warnings} warnings)")
                } else {
                    String::new()
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e),
    }
}

fn check(root: PathBuf, alignment: bool, indicators: bool) -> ExitCode {
    let report = match stateside::check::check(&root) {
        Ok(r) => r,
        Err(e) => return report_error(&e),
    };
    let loaded = &report.loaded;
    print_diagnostics(&loaded.diagnostics);
    for e in &report.build_errors {
        eprintln!("{}", error_chain(e));
    }
    if alignment {
        print!(
            "{}",
            stateside::align::review(&loaded.docs, &loaded.alignment, &loaded.topics)
        );
    }
    let count = |s: Severity| {
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let summary = format!(
        "Checked {} states, {} questions: {} errors, {} warnings",
        loaded.docs.len(),
        loaded.docs.iter().map(|d| d.questions.len()).sum::<usize>(),
        count(Severity::Error) + report.build_errors.len(),
        count(Severity::Warning)
    );
    // Values can be listed only for content that builds.
    if let (true, Some(guide)) = (indicators, &report.guide) {
        print!("{}", stateside::indicators::check::table(guide));
    }
    println!("{summary}");
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn topics(root: PathBuf, write: bool, force: bool) -> ExitCode {
    let loaded = match stateside::load(&root) {
        Ok(l) => l,
        Err(e) => return report_error(&e),
    };
    let path = root.join("content/topics.toml");
    let exists = path.exists();
    let matching = if exists {
        loaded.topics.matching.clone()
    } else {
        Default::default()
    };
    let found = stateside::align::discover::discover(&loaded.docs, &matching);
    print!("{}", stateside::align::proposals(&loaded.docs, &found));
    if exists {
        print!(
            "{}",
            stateside::align::compare(&found, &loaded.alignment, &loaded.topics)
        );
    }
    if write {
        if exists && !force {
            eprintln!(
                "error: {} exists and was left as it was\n    help: add --force to replace it",
                path.display()
            );
            return ExitCode::from(1);
        }
        // Written beside it and renamed, so a failed write leaves the old file whole.
        let part = path.with_extension("toml.part");
        let written = std::fs::write(&part, stateside::align::draft_toml(&found))
            .and_then(|()| std::fs::rename(&part, &path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&part);
            eprintln!("error: could not write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("Wrote {} topics to {}", found.topics.len(), path.display());
    }
    ExitCode::SUCCESS
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}

fn report_error(e: &Error) -> ExitCode {
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
fn error_chain(e: &Error) -> String {
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
struct Progress {
    stop: Option<std::sync::mpsc::Sender<()>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(quiet: bool) -> Self {
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

    fn stop(self) {
        if let Some(tx) = self.stop {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle {
            let _ = h.join();
        }
    }
}
