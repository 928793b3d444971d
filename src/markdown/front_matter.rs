//! A Markdown file's text -> its TOML front matter (between a first `+++` line and the next
//! `+++` line) and its body, each with the file line it starts on; and the front matter's
//! TOML -> a typed struct, with every problem placed on its line in the `.md` file.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::config::{line_of_offset, toml_diagnostic};
use crate::diagnostic::Diagnostic;

/// A Markdown file cut in two at its front matter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Split<'a> {
    /// Line of the opening `+++`.
    pub open_line: usize,
    /// The TOML between the fences.
    pub toml: &'a str,
    /// File line of the first TOML line.
    pub toml_line: usize,
    /// Everything after the closing `+++` line.
    pub body: &'a str,
    /// File line where the body starts.
    pub body_line: usize,
}

impl Split<'_> {
    /// File line of a byte offset into the TOML.
    pub fn line_in_file(&self, toml_offset: usize) -> usize {
        line_of_offset(self.toml, toml_offset) + self.toml_line - 1
    }
}

fn is_fence(line: &str) -> bool {
    line.trim() == "+++"
}

/// Finds the front matter of `text` (line endings already `\n`). Blank lines before the
/// opening `+++` are allowed.
pub(super) fn split<'a>(
    path: &Path,
    text: &'a str,
    example: &str,
) -> Result<Split<'a>, Diagnostic> {
    // (1-based line number, byte offset of the line's start, the line without its `\n`)
    let mut lines = text
        .split_inclusive('\n')
        .scan(0usize, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line.trim_end_matches('\n')))
        })
        .enumerate()
        .map(|(i, (start, line))| (i + 1, start, line));
    let Some((open_line, open_start, open)) = lines.find(|(_, _, l)| !l.trim().is_empty()) else {
        return Err(Diagnostic::error(
            path,
            None,
            "the file is empty",
            format!("start it with front matter between `+++` lines, e.g.\n{example}"),
        ));
    };
    if !is_fence(open) {
        return Err(Diagnostic::error(
            path,
            Some(open_line),
            "no front matter: a Markdown file must start with a `+++` line",
            format!("put the file's settings between two `+++` lines at the top, e.g.\n{example}"),
        ));
    }
    let toml_start = open_start + open.len() + 1;
    let Some((close_line, close_start, close)) = lines.find(|(_, _, l)| is_fence(l)) else {
        return Err(Diagnostic::error(
            path,
            Some(open_line),
            format!("the front matter opened with `+++` on line {open_line} is never closed"),
            "add a line `+++` after the last setting, before the Markdown text",
        ));
    };
    let body_start = (close_start + close.len() + 1).min(text.len());
    Ok(Split {
        open_line,
        toml: &text[toml_start.min(close_start)..close_start],
        toml_line: open_line + 1,
        body: &text[body_start..],
        body_line: close_line + 1,
    })
}

/// Reads the front matter's TOML into `T`. Syntax errors, wrong types and unknown keys
/// (`T` denies them) become an error on their line and column of the `.md` file.
pub(super) fn read<T: DeserializeOwned>(path: &Path, split: &Split) -> Result<T, Diagnostic> {
    toml::from_str(split.toml).map_err(|e| {
        let mut d = toml_diagnostic(path, split.toml, &e);
        d.line = Some(match d.line {
            Some(line) => line + split.toml_line - 1,
            None => split.open_line,
        });
        if e.span().is_none() {
            d.column = None;
        }
        d.help = "fix the front matter at this place; the README lists the keys it takes".into();
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_toml_and_body_with_lines() {
        let text = "\n+++\na = 1\n+++\nbody\n";
        let s = split(Path::new("x.md"), text, "").unwrap();
        assert_eq!(s.open_line, 2);
        assert_eq!(s.toml, "a = 1\n");
        assert_eq!(s.toml_line, 3);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 5);
        assert_eq!(s.line_in_file(0), 3);
    }

    #[test]
    fn closing_fence_at_end_of_file() {
        let s = split(Path::new("x.md"), "+++\n+++", "").unwrap();
        assert_eq!((s.toml, s.body, s.body_line), ("", "", 3));
    }

    #[test]
    fn empty_missing_and_unclosed() {
        let p = Path::new("x.md");
        let e = split(p, "  \n\n", "").unwrap_err();
        assert!(e.message.contains("empty"));
        let e = split(p, "\n# Title\n", "").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("no front matter"));
        let e = split(p, "\n+++\ntitle = \"x\"\n## Q?\n", "").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("never closed"), "{}", e.message);
    }
}
