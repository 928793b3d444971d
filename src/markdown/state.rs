//! One Markdown state document (`content/states/*.md`) -> a [`StateDoc`]: front matter
//! for the state, title and sources; `## ` headings for the questions; the Markdown between
//! them for the answers. Problems come back as diagnostics naming the line.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::front_matter::{self, Split};
use super::questions::split_questions;
use crate::diagnostic::Diagnostic;
use crate::doc::{Question, StateDoc};
use crate::indicators::EditorValue;
use crate::jurisdiction::Jurisdictions;
use crate::parse::{decode, Parsed};

const EXAMPLE: &str = "+++\n\
    state = \"Iowa\"\n\
    title = \"State DMV Data Sharing With ICE in Iowa\"\n\
    +++";

/// The front matter of a state document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    state: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    category: Option<String>,
    updated: Option<Spanned<toml::Value>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    #[serde(default)]
    pins: BTreeMap<String, Spanned<String>>,
    /// Editors' indicator values: `id = "yes"` or `id = { value, note, source }`.
    #[serde(default)]
    indicators: BTreeMap<String, Spanned<toml::Value>>,
}

/// Reads a Markdown state document.
///
/// The format:
///
/// ```text
/// +++
/// state = "California"          # name or postal code; optional if the title or file name names it
/// title = "State DMV Data Sharing With ICE in California"
/// category = "Federal Government"  # optional
/// updated = 2024-05-01           # optional; a TOML date or a "YYYY-MM-DD" string
/// sources = ["https://example.gov/a"]  # optional; http(s) URLs only
/// [pins]                         # optional: question number = topic id; always wins
/// 3 = "retention"
/// [indicators]                   # optional: editors' values; always win
/// opt-out = { value = "no", note = "Checked with the DMV", source = "https://example.gov/" }
/// court-order = "yes"
/// +++
/// Optional introduction, in Markdown.
///
/// ## What laws govern the sharing of DMV data in California?
///
/// The answer, in Markdown: paragraphs, lists, **bold**, [links](https://example.gov), code…
///
/// ## How long is the data kept?
/// …
/// ```
///
/// - The file must start with front matter: TOML between a `+++` line and the next `+++`
///   line. `title` is required; unknown keys are errors.
/// - The state is `state` (a name or postal code) when given, else the one the title names
///   ("… in California"), else the one the file name names (`california.md`).
/// - Each `## ` heading (outside code blocks, lists and quotes) starts a question, numbered
///   1, 2, 3… in order; the Markdown up to the next such heading is its answer. Text before
///   the first question is the introduction. Headings of other levels stay in the answer.
/// - `[pins]` maps a question number to a topic id, overriding the matcher.
/// - A UTF-8 BOM and CRLF line endings are accepted.
pub fn parse_state(path: &Path, bytes: &[u8], places: &Jurisdictions) -> Parsed {
    match read(path, bytes, places) {
        Ok((doc, diagnostics)) => Parsed {
            doc: Some(doc),
            diagnostics,
        },
        Err(diagnostics) => Parsed {
            doc: None,
            diagnostics,
        },
    }
}

/// The document and its warnings, or every problem found when there is an error.
fn read(
    path: &Path,
    bytes: &[u8],
    places: &Jurisdictions,
) -> Result<(StateDoc, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = decode(path, bytes).map_err(|d| vec![d])?;
    let text = text.replace("\r\n", "\n");
    let split = front_matter::split(path, &text, EXAMPLE).map_err(|d| vec![d])?;
    let front: Front = front_matter::read(path, &split).map_err(|d| vec![d])?;
    let mut diags = Vec::new();

    let title = match &front.title {
        Some(t) if !t.get_ref().trim().is_empty() => Some(t.get_ref().trim().to_string()),
        Some(t) => {
            diags.push(Diagnostic::error(
                path,
                Some(split.line_in_file(t.span().start)),
                "`title` is empty: the state page needs a title",
                "write the title between the quotes, e.g. title = \"State DMV Data Sharing With ICE in Iowa\"",
            ));
            None
        }
        None => {
            diags.push(Diagnostic::error(
                path,
                Some(split.open_line),
                "the front matter has no `title`",
                "add a title, e.g. title = \"State DMV Data Sharing With ICE in Iowa\"",
            ));
            None
        }
    };
    let state = match &front.state {
        Some(name) => {
            let found = places.by_name(name.get_ref());
            if found.is_none() {
                diags.push(Diagnostic::error(
                    path,
                    Some(split.line_in_file(name.span().start)),
                    format!(
                        "unknown state {:?}: it is not one of the 50 states, DC or a US territory{}",
                        name.get_ref(),
                        places
                            .suggest(name.get_ref())
                            .map(|p| format!("; did you mean {}?", p.name))
                            .unwrap_or_default()
                    ),
                    "write the state's name or postal code (state = \"Iowa\" or \"IA\"), or declare the place under [[extra_jurisdictions]] in site.toml",
                ));
            }
            found.cloned()
        }
        None => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let found = title
                .as_deref()
                .and_then(|t| places.in_title_as_written(t))
                .or_else(|| places.in_file_stem(stem).cloned());
            if found.is_none() && title.is_some() {
                diags.push(Diagnostic::error(
                    path,
                    Some(split.open_line),
                    format!("no recognizable state: the front matter has no `state`, the title does not name one, and neither does the file name {stem:?}"),
                    "add state = \"<name or postal code>\" to the front matter, or end the title with \"in <State>\"",
                ));
            }
            found
        }
    };
    if let (Some(state), Some(title), Some(given)) = (&state, &title, &front.state) {
        if let Some(named) = places.in_title(title).filter(|n| n.code != state.code) {
            diags.push(Diagnostic::warning(
                path,
                Some(split.line_in_file(given.span().start)),
                format!(
                    "`state` is {} but the title names {}",
                    state.name, named.name
                ),
                "make the title and `state` agree",
            ));
        }
    }
    let updated = front
        .updated
        .as_ref()
        .and_then(|u| read_date(path, &split, u, &mut diags));
    for source in &front.sources {
        let url = source.get_ref().trim();
        if !crate::text::is_http_url(url) {
            diags.push(Diagnostic::error(
                path,
                Some(split.line_in_file(source.span().start)),
                format!("source {url:?} is not an http(s) URL"),
                "list only web addresses starting with https:// or http://",
            ));
        }
    }

    let (intro, mut questions) = split_questions(path, &split, &mut diags);
    if questions.is_empty() {
        diags.push(Diagnostic::error(
            path,
            Some(split.body_line),
            "no questions found",
            "start each question with a `## ` heading ending in '?', e.g. \"## How long is the data kept?\"",
        ));
    }
    set_pins(path, &split, &front.pins, &mut questions, &mut diags);
    let indicator_values = editor_values(path, &split, &front.indicators, &mut diags);

    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let (Some(state), Some(title)) = (state, title) else {
        return Err(diags);
    };
    let doc = StateDoc {
        path: path.to_path_buf(),
        state: state.clone(),
        title,
        category: front
            .category
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
        updated,
        sources: front
            .sources
            .into_iter()
            .map(|s| s.into_inner().trim().to_string())
            .collect(),
        intro,
        questions,
        indicator_values,
    };
    Ok((doc, diags))
}

/// `updated` as `YYYY-MM-DD`, from a TOML date or a string.
fn read_date(
    path: &Path,
    split: &Split,
    value: &Spanned<toml::Value>,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let date = match value.get_ref() {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            dt.date.map(|d| (d.year, d.month, d.day))
        }
        toml::Value::String(s) => parse_ymd(s.trim()),
        _ => None,
    };
    match date {
        Some((y, m, d)) if is_valid_date(y, m, d) => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => {
            diags.push(Diagnostic::error(
                path,
                Some(split.line_in_file(value.span().start)),
                format!("`updated` must be a date, found {}", value.get_ref()),
                "write the date as updated = 2024-05-01 (year, month, day)",
            ));
            None
        }
    }
}

pub(crate) fn parse_ymd(s: &str) -> Option<(u16, u8, u8)> {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return None;
    }
    if !digits(8..10) {
        return None;
    }
    Some((
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    ))
}

pub(crate) fn is_valid_date(year: u16, month: u8, day: u8) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Attaches `[pins]` to their questions; keys must be question numbers of this file.
fn set_pins(
    path: &Path,
    split: &Split,
    pins: &BTreeMap<String, Spanned<String>>,
    questions: &mut [Question],
    diags: &mut Vec<Diagnostic>,
) {
    for (key, topic) in pins {
        let line = split.line_in_file(topic.span().start);
        let Ok(number) = key.trim().parse::<usize>() else {
            diags.push(Diagnostic::error(
                path,
                Some(line),
                format!("pin key {key:?} is not a question number"),
                "key each pin by the question's number, e.g. 3 = \"retention\" under [pins]",
            ));
            continue;
        };
        match number.checked_sub(1).and_then(|i| questions.get_mut(i)) {
            Some(q) => q.pin = Some((topic.get_ref().trim().to_string(), line)),
            None => diags.push(Diagnostic::error(
                path,
                Some(line),
                format!(
                    "pin for question {number}, but the file has {} question{}",
                    questions.len(),
                    if questions.len() == 1 { "" } else { "s" }
                ),
                "use the number of a `## ` question in this file (they are numbered from 1 in order)",
            )),
        }
    }
}

/// `[indicators]` as editors' values. Whether the indicator and value exist is checked
/// against `indicators.toml` once everything is read.
fn editor_values(
    path: &Path,
    split: &Split,
    table: &BTreeMap<String, Spanned<toml::Value>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<EditorValue> {
    let mut out = Vec::new();
    for (id, entry) in table {
        let line = split.line_in_file(entry.span().start);
        let text = |v: Option<&toml::Value>| {
            v.and_then(toml::Value::as_str)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let (value, note, source) = match entry.get_ref() {
            toml::Value::String(v) => (Some(v.trim().to_string()), None, None),
            toml::Value::Table(t)
                if t.keys()
                    .all(|k| ["value", "note", "source"].contains(&k.as_str())) =>
            {
                (
                    text(t.get("value")),
                    text(t.get("note")),
                    text(t.get("source")),
                )
            }
            _ => (None, None, None),
        };
        match value {
            Some(value) => out.push(EditorValue {
                indicator: id.clone(),
                value,
                note,
                source,
                origin: format!("{}:{line}", path.display()),
            }),
            None => diags.push(Diagnostic::error(
                path,
                Some(line),
                format!("indicator value for {id:?} must be a value id or a table with `value`"),
                format!("write {id} = \"yes\", or {id} = {{ value = \"no\", note = \"…\", source = \"https://…\" }}"),
            )),
        }
    }
    out
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
