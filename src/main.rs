//! The command line's arguments (clap) -> one subcommand run: `stateside build`, `check`,
//! `topics`, `serve`, `init` and `theme --eject`. The handlers are in `cli/commands.rs`,
//! what is printed on stderr in `cli/report.rs`; the exit code is 0 ok, 1 content or build
//! error, 2 usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use stateside::BuildOptions;

#[path = "cli/commands.rs"]
mod commands;
#[path = "cli/report.rs"]
mod report;

use commands::{build, check, eject, init, serve, topics, CheckOptions};

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
