//! A content problem in (file, line, what is wrong, what to do) -> a [`Diagnostic`] out,
//! printed as `file:line: error: …`. Collected, never thrown, so an editor sees them all.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file cannot be used; the build fails after listing every problem.
    Error,
    /// The build goes on, but an editor should look.
    Warning,
    /// Worth knowing; nothing is wrong with the files.
    Info,
}

/// One problem in one place of the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based line; `None` when the problem is about the whole file.
    pub line: Option<usize>,
    /// 1-based column, in characters, where it helps.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

/// `Diagnostic::error(path, line, message, help)` and its kin, one per severity.
macro_rules! severity_constructor {
    ($name:ident, $severity:ident, $doc:literal) => {
        #[doc = $doc]
        pub fn $name(
            path: &Path,
            line: Option<usize>,
            message: impl Into<String>,
            help: impl Into<String>,
        ) -> Self {
            Self::new(Severity::$severity, path, line, message, help)
        }
    };
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        path: &Path,
        line: Option<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            line,
            column: None,
            message: message.into(),
            help: help.into(),
        }
    }

    severity_constructor!(error, Error, "A problem that stops the build.");
    severity_constructor!(warning, Warning, "A problem the build goes on past.");
    severity_constructor!(info, Info, "Something worth saying that is not a problem.");

    pub fn with_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column`, as editors and terminals link it.
    pub fn location(&self) -> String {
        let mut s = crate::text::shown_path(&self.path);
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                s.push_str(&format!(":{col}"));
            }
        }
        s
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote file names and content; neither may reach a terminal raw.
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity,
            crate::text::escape_controls(&self.message)
        )?;
        if !self.help.is_empty() {
            write!(
                f,
                "\n    help: {}",
                crate::text::escape_controls(&self.help)
            )?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file, then line, so output reads top to bottom and is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
    });
}
