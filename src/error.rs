//! A failure that stops a build in -> an [`Error`] out, with the facts as fields and the
//! message users read.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::text::shown_path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Content problems of severity Error; every problem found is listed.
    #[error("{} content error(s); nothing was written", count_errors(.0))]
    Content(Vec<Diagnostic>),

    /// A folder the project needs is not there (`content/`).
    #[error("{}: missing folder: the project needs {what}; run stateside in the project folder or pass --root DIR", shown_path(path))]
    MissingSource { path: PathBuf, what: &'static str },

    /// Two generated files would have one path (a page slug taking `compare`, two topics
    /// with one id): `first` and `second` say what each is.
    #[error("{}: two generated files would have this path: {first} and {second}; rename one of them (state names, topic ids and page slugs decide the paths)", shown_path(path))]
    PageCollision {
        path: PathBuf,
        first: String,
        second: String,
    },

    /// A file of `static/` has the path of a generated file, or stands where a generated
    /// folder goes; `path` is the file in `static/`.
    #[error("{}: a file in static/ has the path of a page or folder that stateside generates; rename or remove it", shown_path(path))]
    StaticCollision { path: PathBuf },

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
