//! One plain-text state file -> a [`StateDoc`]: category, title, state, and numbered questions
//! with their answers split into paragraphs and lists. Text stays text: nothing here
//! interprets Markdown or HTML. Problems come back as diagnostics naming the line.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::doc::StateDoc;
use crate::jurisdiction::Jurisdictions;

mod answer;
mod header;
mod lines;
mod questions;

use lines::{classify, is_category, single_spaced, Kind, Line, Numbering};
use questions::split_questions;

/// Lists nested deeper than this are kept at this depth (their text is kept too), so
/// that hostile input cannot make rendering recurse without bound.
pub const MAX_LIST_DEPTH: usize = 12;

/// How far a question number may jump ahead (1, 2, 5) and still be read as a question.
const MAX_GAP: u32 = 10;

/// How many lines ahead the parser looks to settle an ambiguous numbered line.
const LOOKAHEAD_LINES: usize = 4000;

/// The result of reading one file: a document if the file is usable, and every problem found.
#[derive(Debug)]
pub struct Parsed {
    pub doc: Option<StateDoc>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes a file's bytes: UTF-8 with an optional BOM. Invalid UTF-8 and NUL bytes are
/// errors naming the byte offset and line.
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let line_at = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Diagnostic::error(
            path,
            Some(line_at(offset)),
            format!("invalid UTF-8 at byte offset {offset}"),
            "save the file as UTF-8 (most editors offer this under \"Save with encoding\")",
        )
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(Diagnostic::error(
            path,
            Some(line_at(offset)),
            format!("NUL byte at byte offset {offset}; this looks like a binary file, not text"),
            "remove the NUL bytes, or move the file out of content/states/",
        ));
    }
    Ok(text)
}

/// Reads one plain-text state file.
pub fn parse_text(path: &Path, bytes: &[u8], places: &Jurisdictions) -> Parsed {
    let text = match decode(path, bytes) {
        Ok(t) => t,
        Err(d) => {
            return Parsed {
                doc: None,
                diagnostics: vec![d],
            }
        }
    };
    let (parsed, no_questions) = parse_lines(path, text, places, Numbering::Dot);
    if !no_questions {
        return parsed;
    }
    // Questions numbered "1)" or "1 -" are read as such, with a warning, rather than
    // reported as missing.
    let (mut other, none_either) = parse_lines(path, text, places, Numbering::Other);
    let Some(doc) = other.doc.as_ref().filter(|_| !none_either) else {
        return parsed;
    };
    let first = &doc.questions[0];
    other.diagnostics.push(Diagnostic::warning(
        path,
        Some(first.line),
        format!(
            "questions are numbered as \"{})\" or \"{} -\", not \"{}.\"; read as questions all the same",
            first.number, first.number, first.number
        ),
        "number each question as \"1. What …?\" (a number, a dot, a space)",
    ));
    other
}

/// Reads the lines of a decoded file with one way of numbering questions. The flag is
/// true when the file was usable but no question was found.
fn parse_lines(
    path: &Path,
    text: &str,
    places: &Jurisdictions,
    numbering: Numbering,
) -> (Parsed, bool) {
    let mut diagnostics = Vec::new();
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| classify(i + 1, l, numbering))
        .collect();
    let failed = |diagnostics| {
        (
            Parsed {
                doc: None,
                diagnostics,
            },
            false,
        )
    };
    let Some(first) = lines.iter().position(|l| l.kind != Kind::Blank) else {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "the file is empty",
            "write a title line (\"… in Iowa\") followed by numbered questions, or remove the file",
        ));
        return failed(diagnostics);
    };

    // Header: an optional category line, then the title, unless questions start at once.
    let mut at = first;
    let mut category = None;
    if let Some(c) = is_category(lines[at].text) {
        category = Some(single_spaced(c));
        at = next_nonblank(&lines, at + 1).unwrap_or(lines.len());
    }
    let mut title: Option<(usize, String)> = None;
    if at < lines.len() && !matches!(lines[at].kind, Kind::Numbered(..)) {
        title = Some((lines[at].no, single_spaced(lines[at].text)));
        at += 1;
    }

    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let state = title
        .as_ref()
        .and_then(|(_, t)| places.in_title_as_written(t))
        .or_else(|| places.in_file_stem(stem).cloned());
    let Some(state) = state else {
        let line = title.as_ref().map(|(n, _)| *n).or(Some(lines[first].no));
        diagnostics.push(unknown_state(
            path,
            line,
            title.as_ref().map(|(_, t)| t.as_str()),
            stem,
            places,
        ));
        return failed(diagnostics);
    };
    let title = match title {
        Some((_, t)) => t,
        None => {
            diagnostics.push(Diagnostic::warning(
                path,
                Some(lines[first].no),
                "the file has no title line before its first question",
                format!(
                    "add a title such as \"… in {}\" above the questions",
                    state.name
                ),
            ));
            state.name.clone()
        }
    };

    let header = header::read(path, &lines, at, &mut diagnostics);
    at = header.end;
    let (intro, questions) = split_questions(path, &lines[at..], &mut diagnostics);
    if questions.is_empty() {
        // The first text where questions were expected, or the last line there is.
        let line = next_nonblank(&lines, at)
            .or_else(|| (first..at).rev().find(|&i| lines[i].kind != Kind::Blank))
            .unwrap_or(first);
        diagnostics.push(Diagnostic::error(
            path,
            Some(lines[line].no),
            "no questions found",
            "start each question on its own line as \"1. What …?\", numbered from 1",
        ));
        let (parsed, _) = failed(diagnostics);
        return (parsed, true);
    }
    for q in &questions {
        if q.answer.is_empty() {
            diagnostics.push(Diagnostic::warning(
                path,
                Some(q.line),
                format!("question {} has no answer", q.number),
                "write the answer below the question, or remove the question",
            ));
        }
    }
    let doc = StateDoc {
        path: path.to_path_buf(),
        state,
        title,
        category,
        updated: header.updated,
        sources: header.sources,
        intro,
        questions,
        indicator_values: Vec::new(),
    };
    (
        Parsed {
            doc: Some(doc),
            diagnostics,
        },
        false,
    )
}

/// The error for a file whose title and file name name no known place, with the nearest
/// place's name when the title or the file name looks like a misspelling of it.
fn unknown_state(
    path: &Path,
    line: Option<usize>,
    title: Option<&str>,
    stem: &str,
    places: &Jurisdictions,
) -> Diagnostic {
    let named = title.and_then(|t| {
        t.rsplit_once(" in ")
            .map(|(_, s)| s.trim().trim_end_matches(['.', '?', '!']).trim())
    });
    let mut message = match named {
        Some(name) if !name.is_empty() => format!("unknown state {name:?}: it is not one of the 50 states, DC or a US territory, and the file name {stem:?} names none either"),
        _ => format!("no recognizable state: the title does not name a state and neither does the file name {stem:?}"),
    };
    let suggestion = named
        .and_then(|n| places.suggest(n))
        .or_else(|| places.suggest(stem));
    if let Some(place) = suggestion {
        message.push_str(&format!("; did you mean {}?", place.name));
    }
    Diagnostic::error(
        path,
        line,
        message,
        "end the title with \"in <State>\" (e.g. \"… in Iowa\"), name the file after the state (iowa.txt), or declare the place under [[extra_jurisdictions]] in site.toml",
    )
}

fn next_nonblank(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| lines[i].kind != Kind::Blank)
}

#[cfg(test)]
mod tests;
