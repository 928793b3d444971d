//! The optional header lines of a plain-text state file, between its title and question 1:
//! `Updated: 2024-05-01` (once) and `Source: https://…` (as many as needed) -> the
//! document's date and sources, with a diagnostic naming the line for each bad one.

use std::path::Path;

use super::{Kind, Line};
use crate::diagnostic::Diagnostic;

/// What the header lines said.
#[derive(Debug, Default, PartialEq)]
pub struct Header {
    pub updated: Option<String>,
    pub sources: Vec<String>,
    /// Index of the first line after the header (blank lines after it included), or the
    /// index reading started at when there is no header line.
    pub end: usize,
}

enum Field {
    Updated,
    Source,
}

/// `Updated:`, `Last updated:`, `Source:` or `Sources:` (any case, any spacing), and the
/// value after the colon.
fn field(text: &str) -> Option<(Field, &str)> {
    let (key, value) = text.split_once(':')?;
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    let field = match key.to_lowercase().as_str() {
        "updated" | "last updated" => Field::Updated,
        "source" | "sources" => Field::Source,
        _ => return None,
    };
    Some((field, value.trim()))
}

/// Reads the header lines that start at `lines[at]` (blank lines between them allowed).
pub fn read(path: &Path, lines: &[Line], at: usize, diags: &mut Vec<Diagnostic>) -> Header {
    let mut header = Header {
        end: at,
        ..Header::default()
    };
    let mut updated_line = None;
    for (i, line) in lines.iter().enumerate().skip(at) {
        if line.kind == Kind::Blank {
            continue;
        }
        let Some((field, value)) = field(line.text) else {
            break;
        };
        header.end = i + 1;
        match field {
            Field::Updated => {
                if let Some(first) = updated_line {
                    diags.push(Diagnostic::error(
                        path,
                        Some(line.no),
                        format!("a second `Updated:` line (line {first} has one already)"),
                        "keep one `Updated:` line, with the date of the latest change",
                    ));
                    continue;
                }
                updated_line = Some(line.no);
                match iso_date(value) {
                    Some(date) => header.updated = Some(date),
                    None => diags.push(Diagnostic::error(
                        path,
                        Some(line.no),
                        format!("`Updated:` must be a date written year-month-day, found {value:?}"),
                        "write the date as Updated: 2024-05-01 (four-digit year, month, day)",
                    )),
                }
            }
            Field::Source if value.is_empty() => diags.push(Diagnostic::error(
                path,
                Some(line.no),
                "`Source:` names no source",
                "write the address or the citation after the colon, e.g. Source: https://www.iowadot.gov/, or remove the line",
            )),
            Field::Source => header.sources.push(value.to_string()),
        }
    }
    // Blank lines after the last header line belong to no answer.
    while header.end < lines.len() && header.end > at && lines[header.end].kind == Kind::Blank {
        header.end += 1;
    }
    header
}

/// `YYYY-MM-DD` when `value` is a real date written that way.
fn iso_date(value: &str) -> Option<String> {
    let (y, m, d) = crate::markdown::state::parse_ymd(value)?;
    crate::markdown::state::is_valid_date(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}
