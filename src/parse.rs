//! One plain-text state file -> a [`StateDoc`]: category, title, state, and numbered questions
//! with their answers split into paragraphs and lists. Text stays text: nothing here
//! interprets Markdown or HTML. Problems come back as diagnostics naming the line.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::doc::{Answer, Block, List, ListItem, Question, StateDoc};
use crate::jurisdiction::Jurisdictions;
use crate::text::asks;

mod header;

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

/// One line of the file, classified once.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// 1-based line number.
    no: usize,
    /// Leading whitespace width (a tab counts as 4).
    indent: usize,
    /// The line without leading and trailing whitespace.
    text: &'a str,
    kind: Kind<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind<'a> {
    Blank,
    /// `12. text`
    Numbered(u32, &'a str),
    /// `- text`, `– text`, `• text`
    Bullet(&'a str),
    Text,
}

/// How question numbers may be written: `1.` always; `1)` and `1 -` only when a file
/// has no `1.` questions at all (read with a warning).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Numbering {
    Dot,
    Other,
}

fn classify(no: usize, raw: &str, numbering: Numbering) -> Line<'_> {
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let text = raw.trim();
    let indent = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let kind = if text.is_empty() {
        Kind::Blank
    } else if let Some((n, rest)) = numbered(text, numbering) {
        Kind::Numbered(n, rest)
    } else if let Some(rest) = bullet(text) {
        Kind::Bullet(rest)
    } else {
        Kind::Text
    };
    Line {
        no,
        indent,
        text,
        kind,
    }
}

/// `N. rest` with N of at most 6 digits and at least one space (of any kind) after the
/// dot; with [`Numbering::Other`], `N) rest` and `N - rest` instead.
fn numbered(text: &str, numbering: Numbering) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let after = match numbering {
        Numbering::Dot => text[digits..].strip_prefix('.')?,
        Numbering::Other => {
            let after = &text[digits..];
            match after.strip_prefix(')') {
                Some(rest) => rest,
                None => {
                    let spaced = after.trim_start();
                    if spaced.len() == after.len() {
                        return None;
                    }
                    spaced.strip_prefix(['-', '–', '—'])?
                }
            }
        }
    };
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = after.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest))
}

fn bullet(text: &str) -> Option<&str> {
    for marker in ['-', '–', '—', '•', '◦', '▪'] {
        if let Some(after) = text.strip_prefix(marker) {
            if after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
                return Some(after.trim_start());
            }
        }
    }
    None
}

fn is_category(text: &str) -> Option<&str> {
    for prefix in ["Categories", "Category"] {
        // `get`, not indexing: the prefix's length may fall inside a multi-byte letter.
        let head = text.get(..prefix.len());
        if !head.is_some_and(|h| h.eq_ignore_ascii_case(prefix)) {
            continue;
        }
        let rest = &text[prefix.len()..];
        // "Category: X", "Category X", with any kind of space.
        let value = match rest.strip_prefix(':') {
            Some(after) => after,
            None if rest.starts_with(char::is_whitespace) => rest,
            None => continue,
        };
        let value = value.trim();
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// Text with every run of whitespace (tabs, no-break and other Unicode spaces) one space.
fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Splits the body into questions. A numbered line starts a question when it continues the
/// question numbering and is not the next item of a list inside the current answer; see
/// `starts_question` for the exact rule.
fn split_questions(
    path: &Path,
    lines: &[Line],
    diags: &mut Vec<Diagnostic>,
) -> (Option<Answer>, Vec<Question>) {
    let mut questions: Vec<Question> = Vec::new();
    let mut body_start = 0; // index of the first line of the current answer (or intro)
    let mut intro = None;
    let mut last_number = 0u32;
    let mut list_last: Option<u32> = None;
    let mut pending: Option<(u32, usize, String)> = None; // (number, line, text) of the open question

    let finish = |pending: &mut Option<(u32, usize, String)>,
                  body: &[Line],
                  questions: &mut Vec<Question>,
                  intro: &mut Option<Answer>| {
        let blocks = answer_blocks(body);
        match pending.take() {
            Some((number, line, text)) => questions.push(Question {
                number,
                line,
                text,
                answer: Answer::Text(blocks),
                pin: None,
            }),
            None if !blocks.is_empty() => *intro = Some(Answer::Text(blocks)),
            None => {}
        }
    };

    for i in 0..lines.len() {
        let Kind::Numbered(n, rest) = lines[i].kind else {
            continue;
        };
        let in_answer = pending.is_some();
        let verdict = starts_question(lines, i, n, rest, last_number, in_answer, list_last);
        match verdict {
            Verdict::Body => {
                if in_answer {
                    list_last = Some(n);
                }
            }
            Verdict::Question => {
                finish(
                    &mut pending,
                    &lines[body_start..i],
                    &mut questions,
                    &mut intro,
                );
                if !asks(rest) {
                    diags.push(Diagnostic::warning(
                        path,
                        Some(lines[i].no),
                        format!("question {n} does not end with '?'"),
                        "end the question with a question mark; a numbered line in sequence that stands alone is read as a question either way",
                    ));
                }
                if questions.iter().any(|q| q.number == n) {
                    let first = questions
                        .iter()
                        .find(|q| q.number == n)
                        .map_or(0, |q| q.line);
                    diags.push(Diagnostic::warning(
                        path,
                        Some(lines[i].no),
                        format!("question number {n} repeats (line {first} has the same number)"),
                        "renumber the questions so each number is used once; both questions are kept",
                    ));
                } else if n != last_number + 1 {
                    let missing = if n == last_number + 2 {
                        format!("{}", last_number + 1)
                    } else {
                        format!("{}–{}", last_number + 1, n - 1)
                    };
                    diags.push(Diagnostic::warning(
                        path,
                        Some(lines[i].no),
                        format!("question numbering skips from {last_number} to {n} (no question {missing})"),
                        "renumber the questions, or add the missing question",
                    ));
                }
                pending = Some((n, lines[i].no, rest.to_string()));
                body_start = i + 1;
                last_number = n;
                list_last = None;
            }
        }
    }
    finish(
        &mut pending,
        &lines[body_start..],
        &mut questions,
        &mut intro,
    );
    (intro, questions)
}

enum Verdict {
    Question,
    Body,
}

/// Decides whether the numbered line `i` (number `n`, text `rest`) starts a question.
///
/// - In sequence (`n` = last + 1): a question when it asks (`?`) or stands alone between
///   blank lines, unless it is also the next item of a list in the current answer; then
///   only when it asks, stands alone, and no later line asks question `n` instead.
/// - Repeated (`n` = last) or skipping ahead (up to `MAX_GAP`): a question only when it asks,
///   stands alone, does not continue the answer's list, and (for a skip) the missing
///   number does not come later.
/// - Anything else, and every list that starts again at 1, is answer text.
fn starts_question(
    lines: &[Line],
    i: usize,
    n: u32,
    rest: &str,
    last: u32,
    in_answer: bool,
    list_last: Option<u32>,
) -> Verdict {
    let alone = (i == 0 || lines[i - 1].kind == Kind::Blank)
        && lines.get(i + 1).is_none_or(|l| l.kind == Kind::Blank);
    let asks = asks(rest);
    let continues_list =
        in_answer && (n == 1 || list_last.is_some_and(|l| l.checked_add(1) == Some(n)));
    let expected = last.saturating_add(1);
    let yes = if n == expected {
        if !continues_list {
            asks || alone
        } else {
            asks && alone && !asked_later(lines, i, n)
        }
    } else if in_answer && n == last {
        asks && alone && !continues_list
    } else if n > expected && n - expected <= MAX_GAP {
        asks && alone && !continues_list && !asked_later(lines, i, expected)
    } else {
        false
    };
    if yes {
        Verdict::Question
    } else {
        Verdict::Body
    }
}

/// True when a later line asks question `n` (numbered `n`, ends in `?`, stands alone) before
/// the numbering has clearly moved past it (a question-like line numbered `n + 2` or more).
fn asked_later(lines: &[Line], i: usize, n: u32) -> bool {
    let end = lines.len().min(i + LOOKAHEAD_LINES);
    for j in i + 1..end {
        let Kind::Numbered(m, rest) = lines[j].kind else {
            continue;
        };
        let alone = lines[j - 1].kind == Kind::Blank
            && lines.get(j + 1).is_none_or(|l| l.kind == Kind::Blank);
        if !(alone && asks(rest)) {
            continue;
        }
        if m == n {
            return true;
        }
        if m >= n.saturating_add(2) {
            return false;
        }
    }
    false
}

/// One item while a run of list lines is collected, before nesting.
struct FlatItem {
    depth: usize,
    number: Option<u32>,
    /// Starts a new list even at the same depth (the marker kind changed).
    new_list: bool,
    lines: Vec<String>,
    /// Indent of the item's marker, for continuation lines.
    indent: usize,
}

/// Splits an answer's lines into paragraphs and (nested) lists.
fn answer_blocks(lines: &[Line]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut run: Vec<FlatItem> = Vec::new();
    // (indent, numbered?) of the open list levels of the current run.
    let mut levels: Vec<(usize, bool)> = Vec::new();
    let mut after_blank = false;

    for line in lines {
        match line.kind {
            Kind::Blank => {
                after_blank = true;
                continue;
            }
            Kind::Numbered(n, rest) => {
                flush_paragraph(&mut paragraph, &mut blocks);
                push_item(&mut run, &mut levels, line.indent, Some(n), rest);
            }
            Kind::Bullet(rest) => {
                flush_paragraph(&mut paragraph, &mut blocks);
                push_item(&mut run, &mut levels, line.indent, None, rest);
            }
            Kind::Text => {
                let continues_item =
                    !after_blank && run.last().is_some_and(|it| line.indent > it.indent);
                if continues_item {
                    run.last_mut()
                        .expect("checked")
                        .lines
                        .push(line.text.to_string());
                } else {
                    flush_run(&mut run, &mut levels, &mut blocks);
                    if after_blank {
                        flush_paragraph(&mut paragraph, &mut blocks);
                    }
                    paragraph.push(line.text.to_string());
                }
            }
        }
        after_blank = false;
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_run(&mut run, &mut levels, &mut blocks);

    // An answer that is one `1.` item is a paragraph that happens to start with "1.".
    if let [Block::List(List {
        start: Some(1),
        items,
    })] = blocks.as_slice()
    {
        if let [ListItem { lines, children }] = items.as_slice() {
            if children.is_empty() {
                return vec![Block::Paragraph(lines.clone())];
            }
        }
    }
    blocks
}

fn flush_paragraph(paragraph: &mut Vec<String>, blocks: &mut Vec<Block>) {
    if !paragraph.is_empty() {
        blocks.push(Block::Paragraph(std::mem::take(paragraph)));
    }
}

fn push_item(
    run: &mut Vec<FlatItem>,
    levels: &mut Vec<(usize, bool)>,
    indent: usize,
    number: Option<u32>,
    text: &str,
) {
    let numbered = number.is_some();
    while levels.last().is_some_and(|&(i, _)| i > indent) {
        levels.pop();
    }
    let mut new_list = false;
    match levels.last().copied() {
        Some((i, kind)) if i == indent && kind != numbered => {
            if !numbered {
                // Bullets right under a numbered item belong to that item.
                levels.push((indent, false));
            } else if levels.len() >= 2 && levels[levels.len() - 2] == (indent, true) {
                // A numbered item after such bullets continues the numbered list.
                levels.pop();
            } else {
                *levels.last_mut().expect("checked") = (indent, numbered);
                new_list = true;
            }
        }
        Some((i, _)) if i == indent => {}
        _ => levels.push((indent, numbered)),
    }
    run.push(FlatItem {
        depth: (levels.len() - 1).min(MAX_LIST_DEPTH),
        number,
        new_list,
        lines: vec![text.to_string()],
        indent,
    });
}

fn flush_run(run: &mut Vec<FlatItem>, levels: &mut Vec<(usize, bool)>, blocks: &mut Vec<Block>) {
    if run.is_empty() {
        return;
    }
    let mut at = 0;
    for list in nest(run, &mut at, 0) {
        blocks.push(Block::List(list));
    }
    run.clear();
    levels.clear();
}

/// Builds the lists at `depth` from `items[*at..]`; recursion is bounded by `MAX_LIST_DEPTH`.
fn nest(items: &mut [FlatItem], at: &mut usize, depth: usize) -> Vec<List> {
    let mut lists = Vec::new();
    while *at < items.len() && items[*at].depth >= depth {
        let numbered = items[*at].number.is_some();
        let mut list = List {
            start: items[*at].number,
            items: Vec::new(),
        };
        loop {
            let lines = std::mem::take(&mut items[*at].lines);
            *at += 1;
            let children = if *at < items.len() && items[*at].depth > depth {
                nest(items, at, depth + 1)
            } else {
                Vec::new()
            };
            list.items.push(ListItem { lines, children });
            let Some(next) = items.get(*at) else { break };
            if next.depth < depth || next.new_list || next.number.is_some() != numbered {
                break;
            }
        }
        lists.push(list);
    }
    lists
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
