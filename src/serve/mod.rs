//! `stateside serve`: the project -> a preview server. Builds the site in memory (never
//! into `public/`), serves it, rebuilds after every save and reloads open pages once the
//! new site is complete; a failed rebuild keeps the last good site and shows the problems.

mod http;
mod rebuild;
mod watch;

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::Error;

pub use http::{live_tag, with_live_script, Snapshot, LIVE_EVENTS, LIVE_SCRIPT};
pub use rebuild::{Rebuilt, SiteBuilder, SiteFiles};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub base_url: Option<String>,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}\n  help: {help}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
        help: String,
    },
    #[error("cannot watch the project's folders for changes: {0}")]
    Watch(#[from] notify::Error),
    #[error("the server stopped: {0}")]
    Server(std::io::Error),
    /// The project itself is unusable (no content/ folder).
    #[error(transparent)]
    Project(Error),
}

/// Serves the project until the process is stopped (Ctrl-C).
pub fn serve(opts: &ServeOptions) -> Result<(), ServeError> {
    let layout = crate::source::Layout::open(&opts.root).map_err(ServeError::Project)?;
    let listener = bind(opts)?;
    let addr = listener.local_addr().map_err(ServeError::Server)?;

    let mut builder = SiteBuilder::new(layout, opts.base_url.clone());
    let session = session_id();
    let mut state = BuildState::default();
    let first = state.rebuild(&mut builder, &session);
    let (publish, site) = tokio::sync::watch::channel(first.clone());

    let (changes_tx, changes) = mpsc::channel();
    let mut watcher = watch::SourceWatcher::start(builder.layout(), changes_tx)?;
    let url = format!("http://{addr}{}", first.base_path);
    println!("Serving {} at {url} (Ctrl-C to stop)", opts.root.display());
    println!("Watching content/, templates/ and static/; the site is built in memory, public/ is left alone.");
    flush_stdout();
    if opts.open {
        open_browser(&url);
    }

    std::thread::spawn(move || {
        // Which paths changed does not matter: a rebuild reads everything and works out
        // itself what is new. A burst may arrive as several batches; one rebuild covers them.
        while changes.recv().is_ok() {
            while changes.try_recv().is_ok() {}
            let _ = watcher.watch_new_folders();
            let next = state.rebuild(&mut builder, &session);
            let now = publish.borrow().clone();
            if next.build != now.build || next.error != now.error {
                publish.send_replace(next);
            }
        }
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Server)?;
    runtime
        .block_on(async move {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            axum::serve(listener, http::router(site)).await
        })
        .map_err(ServeError::Server)
}

fn bind(opts: &ServeOptions) -> Result<std::net::TcpListener, ServeError> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    std::net::TcpListener::bind(addr).map_err(|source| {
        let help = match source.kind() {
            std::io::ErrorKind::AddrInUse => format!(
                "port {} is taken, perhaps by another `stateside serve`; stop that one, or pass \
                 --port N for another port (--port 0 picks a free one)",
                opts.port
            ),
            std::io::ErrorKind::PermissionDenied => format!(
                "ports below 1024 need special rights; pass --port N with N above 1024 (now {})",
                opts.port
            ),
            std::io::ErrorKind::AddrNotAvailable => format!(
                "{} is not an address of this machine; the default --bind 127.0.0.1 serves this machine only",
                opts.bind
            ),
            _ => "pass --port N or --bind ADDR to listen elsewhere".to_string(),
        };
        ServeError::Bind { addr, source, help }
    })
}

/// Counts builds and remembers whether the last one failed.
#[derive(Default)]
struct BuildState {
    count: u64,
    served: Snapshot,
}

impl BuildState {
    /// Rebuilds and returns what to serve now, printing what happened.
    fn rebuild(&mut self, builder: &mut SiteBuilder, session: &str) -> Snapshot {
        let failed_before = self.served.error.is_some() || self.count == 0;
        match builder.rebuild() {
            Ok(done) => {
                print_warnings(&done.warnings);
                // After a failure the page reloads even when the fixed site is the old one,
                // so that what the editor sees is fresh.
                if done.changed > 0 || failed_before {
                    self.count += 1;
                }
                println!(
                    "Built in {:.0} ms: {} of {} pages rendered, {} state files parsed, {} files changed",
                    done.elapsed.as_secs_f64() * 1000.0,
                    done.rendered,
                    done.pages,
                    done.parsed,
                    done.changed
                );
                flush_stdout();
                self.served = Snapshot {
                    files: Arc::new(builder.files().clone()),
                    exports: builder.exports(),
                    build: format!("{session}-{}", self.count),
                    error: None,
                    base_path: done.base_path,
                };
            }
            Err(e) => {
                let text = describe(&e);
                eprintln!("{text}");
                eprintln!("Serving the last good site; the problems are shown in the browser until fixed.");
                self.served.error = Some(text);
                if self.served.base_path.is_empty() {
                    self.served.base_path = "/".into();
                    self.served.build = format!("{session}-0");
                }
            }
        }
        self.served.clone()
    }
}

/// An error as the terminal and the browser overlay show it: every diagnostic, then the
/// error and its causes.
pub fn describe(e: &Error) -> String {
    let mut text = String::new();
    if let Error::Content(diags) = e {
        for d in diags {
            let _ = writeln!(text, "{d}");
        }
    }
    let _ = write!(text, "error: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let cause = s.to_string();
        if !text.contains(&cause) {
            let _ = write!(text, "\n  caused by: {cause}");
        }
        source = s.source();
    }
    text
}

fn print_warnings(warnings: &[crate::Diagnostic]) {
    for d in warnings
        .iter()
        .filter(|d| d.severity == crate::Severity::Warning)
    {
        eprintln!("{d}");
    }
}

fn flush_stdout() {
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

/// Tells builds of this server apart from a server started earlier on the same port, so an
/// open page never takes an old build's number for its own.
fn session_id() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format!("{}{}", since.as_secs(), std::process::id())
}

fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        eprintln!("cannot open a browser ({e}); open {url} yourself");
    }
}
