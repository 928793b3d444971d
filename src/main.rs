//! The command line: `stateside build`, `check`, `serve`, `init` and `theme --eject`. Prints problems once,
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
    /// Read everything and list every problem, then one summary line.
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
        /// Check one state only: its name, postal code or file name (ohio, OH, ohio.txt).
        #[arg(long, value_name = "NAME")]
        state: Option<String>,
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
    /// Preview the site: build it in memory, serve it, rebuild and reload pages on every save.
    Serve {
        /// Project folder holding content/ (templates/ and static/ are optional).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0 picks a free one).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; the default serves this machine only.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Serve as if published here; a path (https://user.github.io/repo/) is served under /repo/.
        #[arg(long, value_parser = base_url)]
        base_url: Option<String>,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Start a new project in DIR (default: the current folder).
    Init {
        /// The folder to create the project in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Add the starter files to a folder that is not empty (existing files are kept).
        #[arg(long)]
        force: bool,
    },
    /// The built-in templates and static files.
    Theme {
        /// Copy the built-in templates/ and static/ into the project to edit them
        /// (files that exist are kept).
        #[arg(long, required = true)]
        eject: bool,
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
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
            state,
        } => check(
            root,
            &CheckOptions {
                state,
                alignment,
                indicators,
            },
        ),
        Command::Topics { root, write, force } => topics(root, write, force),
        Command::Serve {
            root,
            port,
            bind,
            base_url,
            open,
        } => serve(stateside::serve::ServeOptions {
            root,
            bind,
            port,
            base_url,
            open,
        }),
        Command::Init { dir, force } => init(&dir, force),
        Command::Theme { eject: _, root } => eject(&root),
    }
}

fn serve(opts: stateside::serve::ServeOptions) -> ExitCode {
    match stateside::serve::serve(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(stateside::serve::ServeError::Project(e)) => report_error(&e),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn init(dir: &std::path::Path, force: bool) -> ExitCode {
    match stateside::init::init(dir, force) {
        Ok(created) => {
            for file in &created.files {
                match file {
                    stateside::theme::Ejected::Written(p) => println!("created {}", p.display()),
                    stateside::theme::Ejected::Kept(p) => {
                        println!("kept    {} (it exists; not replaced)", p.display())
                    }
                }
            }
            println!("\nA new stateside project is ready. Next:\n");
            for command in created.next_commands() {
                println!("    {command}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e),
    }
}

fn eject(root: &std::path::Path) -> ExitCode {
    match stateside::theme::eject(root) {
        Ok(done) => {
            let mut written = 0;
            for file in &done {
                match file {
                    stateside::theme::Ejected::Written(p) => {
                        written += 1;
                        println!("wrote {}", p.display())
                    }
                    stateside::theme::Ejected::Kept(p) => {
                        println!("kept  {} (it exists; not replaced)", p.display())
                    }
                }
            }
            println!(
                "{written} built-in files written; edit them in templates/ and static/, or delete \
                 one to use the built-in file again"
            );
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e),
    }
}

/// `--base-url` takes what `base_url` in site.toml takes: an http(s) URL, or nothing. It
/// ends up in every page's canonical link, so a `javascript:` URL must not pass.
fn base_url(value: &str) -> Result<String, String> {
    let value_trimmed = value.trim();
    if value_trimmed.is_empty() || stateside::text::is_http_url(value_trimmed) {
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

/// What `check` reports besides the problems.
struct CheckOptions {
    /// Only this state's problems (name, postal code or file name).
    state: Option<String>,
    /// Also print how each question was matched to a topic (`--alignment`).
    alignment: bool,
    /// Also list every state's indicator values with their evidence (`--indicators`).
    indicators: bool,
}

fn check(root: PathBuf, opts: &CheckOptions) -> ExitCode {
    let report = match stateside::check::check(&root) {
        Ok(r) => r,
        Err(e) => return report_error(&e),
    };
    let loaded = &report.loaded;
    let scope = match &opts.state {
        None => stateside::check::Scope::All,
        Some(name) => match stateside::check::Scope::state(loaded, name) {
            Ok(scope) => scope,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        },
    };
    let diagnostics = scope.diagnostics(loaded);
    print_diagnostics(&diagnostics);
    for e in &report.build_errors {
        eprintln!("{}", error_chain(e));
    }
    if opts.alignment {
        print!(
            "{}",
            stateside::align::review(&loaded.docs, &loaded.alignment, &loaded.topics)
        );
    }
    // Values can be listed only for content that builds.
    if let (true, Some(guide)) = (opts.indicators, &report.guide) {
        print!("{}", stateside::indicators::check::table(guide));
    }
    println!(
        "{}",
        scope.summary(loaded, &diagnostics, report.build_errors.len())
    );
    if diagnostics.iter().any(Diagnostic::is_error) || !report.build_errors.is_empty() {
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
    let places = stateside::jurisdiction::Jurisdictions::new(&loaded.site.extra_places());
    let found = stateside::align::discover::discover(&loaded.docs, &matching, &places);
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
