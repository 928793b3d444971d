//! The project's TOML settings -> typed configuration: `site` reads `content/site.toml`,
//! `topics` reads `content/topics.toml`; both report problems as diagnostics naming the
//! line, through the helpers here.

use std::path::Path;

use crate::diagnostic::Diagnostic;

mod site;
mod topics;

pub use site::{extra_places_leniently, parse_site, ExtraJurisdiction, SiteConfig};
pub use topics::{is_valid_id, parse_topics, MatchingConfig, Pin, Topic, TopicsConfig};

/// A TOML error as a diagnostic at its line and column.
pub fn toml_diagnostic(path: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, column) = match err.span() {
        Some(span) => {
            let line = line_of_offset(text, span.start);
            let line_start = text[..span.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |p| p + 1);
            (
                Some(line),
                Some(text[line_start..span.start.min(text.len())].chars().count() + 1),
            )
        }
        None => (None, None),
    };
    let mut message = err.message().trim().replace('\n', " ");
    // A wrong type names the value it found; name the key too, when it is on that line.
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        if let Some(key) = err.span().and_then(|span| key_before(text, span.start)) {
            message = format!("`{key}`: {message}");
        }
    }
    let mut d = Diagnostic::error(
        path,
        line,
        message,
        "fix the TOML at this place; see the README for the keys this file takes",
    );
    d.column = column;
    d
}

/// The key of a `key = value` line whose value holds `offset`.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let line = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    let bare = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    (!key.is_empty() && key.chars().all(bare)).then_some(key)
}

/// 1-based line number of a byte offset.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line of a top-level `key = …`.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Lines of the `[[name]]` headers, in order: the `i`th is that of the `i`th table.
/// Found once per file, not once per table (thousands of places made that quadratic).
fn table_lines(text: &str, name: &str) -> Vec<usize> {
    let header = format!("[[{name}]]");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .map(|(n, _)| n + 1)
        .collect()
}
