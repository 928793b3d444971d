//! Markdown files: state documents (`content/states/*.md`) and extra pages (`content/pages/*.md`),
//! each with TOML front matter between `+++` lines; and the safe Markdown -> events step
//! that answers and pages share. (Being written: see the brief in the commit log.)

use std::path::Path;

use pulldown_cmark::Event;

use crate::diagnostic::Diagnostic;
use crate::jurisdiction::Jurisdictions;
use crate::parse::Parsed;

/// Renders Markdown safely: raw HTML escaped unless allowed, no script URLs, fenced code
/// highlighted with syntect (loaded on first use only).
pub struct Renderer {
    pub allow_html: bool,
}

impl Renderer {
    pub fn new(allow_html: bool) -> Self {
        Renderer { allow_html }
    }

    /// The sanitized event stream of `md`, ready for pulldown-cmark's HTML writer.
    pub fn events<'a>(&self, md: &'a str) -> Vec<Event<'a>> {
        pulldown_cmark::Parser::new(md).collect()
    }

    /// Class-based CSS for highlighted code, if any code block was highlighted.
    pub fn highlight_css(&self) -> Option<String> {
        None
    }
}

/// The plain text of a Markdown fragment (for exports and summaries).
pub fn to_text(md: &str) -> String {
    md.to_string()
}

/// Reads a Markdown state document.
pub fn parse_state(path: &Path, _bytes: &[u8], _places: &Jurisdictions) -> Parsed {
    Parsed {
        doc: None,
        diagnostics: vec![Diagnostic::error(
            path,
            None,
            "Markdown state files are not supported yet",
            "",
        )],
    }
}

/// An extra page before rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSource {
    pub path: std::path::PathBuf,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub weight: i64,
    /// The Markdown body after the front matter.
    pub body: String,
}

/// Reads an extra page.
pub fn parse_page(path: &Path, _bytes: &[u8]) -> Result<PageSource, Vec<Diagnostic>> {
    Err(vec![Diagnostic::error(
        path,
        None,
        "pages are not supported yet",
        "",
    )])
}
