//! The errors that stop a build, with the facts as fields.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::text::shown_path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Content problems of severity Error; every problem found is listed.
    #[error("{} content error(s); nothing was written", count_errors(.0))]
    Content(Vec<Diagnostic>),

    /// A configuration file (`site.toml`, `topics.toml`) that cannot be used.
    #[error("{}{}: {message}", shown_path(path), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Config {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },

    /// A template that does not parse or does not render.
    #[error("template {name}: {message}")]
    Template { name: String, message: String },

    #[error("{}: {source}", shown_path(path))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The output folder cannot be written safely.
    #[error("{}: {message}", shown_path(path))]
    Output { path: PathBuf, message: String },
}

fn count_errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
