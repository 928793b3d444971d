//! Each subcommand's resolved options -> the library call that does the work, its summary
//! or report printed, and the exit code (0 ok, 1 content or build error, 2 usage).

use std::path::PathBuf;
use std::process::ExitCode;

use stateside::{BuildOptions, Diagnostic, Severity};

use crate::report::{error_chain, print_diagnostics, report_error, Progress};

pub(super) fn serve(opts: stateside::serve::ServeOptions) -> ExitCode {
    match stateside::serve::serve(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(stateside::serve::ServeError::Project(e)) => report_error(&e),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

pub(super) fn init(dir: &std::path::Path, force: bool) -> ExitCode {
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

pub(super) fn eject(root: &std::path::Path) -> ExitCode {
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

pub(super) fn build(opts: BuildOptions, quiet: bool) -> ExitCode {
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
pub(super) struct CheckOptions {
    /// Only this state's problems (name, postal code or file name).
    pub(super) state: Option<String>,
    /// Also print how each question was matched to a topic (`--alignment`).
    pub(super) alignment: bool,
    /// Also list every state's indicator values with their evidence (`--indicators`).
    pub(super) indicators: bool,
}

pub(super) fn check(root: PathBuf, opts: &CheckOptions) -> ExitCode {
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

pub(super) fn topics(root: PathBuf, write: bool, force: bool) -> ExitCode {
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
