//! The body of a Markdown state document (after its front matter) -> the introduction and
//! the questions: each top-level `## ` heading starts one, and the Markdown up to the next
//! is its answer. Headings are found by pulldown-cmark itself, so a `## ` line inside a
//! code block, a quote or a list never starts a question.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::front_matter::Split;
use crate::diagnostic::Diagnostic;
use crate::doc::{Answer, Question};

/// A heading at the top level of the body.
struct Heading {
    level: HeadingLevel,
    /// Written with `#` marks (ATX), not underlined (setext).
    atx: bool,
    range: Range<usize>,
    text: String,
}

/// Finds the headings outside any container (list, quote) with pulldown-cmark itself, so
/// a `## ` inside a code block or an HTML block is never taken for one.
fn top_headings(body: &str) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<Heading> = None;
    for (event, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                // A setext heading spans its text line and its underline.
                let atx = !body[range.clone()].trim_end().contains('\n');
                open = Some(Heading {
                    level,
                    atx,
                    range,
                    text: String::new(),
                });
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) if depth == 1 => {
                depth -= 1;
                headings.extend(open.take());
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = open.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(h) = open.as_mut() {
                    h.text.push(' ');
                }
            }
            _ => {}
        }
    }
    headings
}

/// Splits the body at its `## ` headings into the introduction and the questions.
pub(super) fn split_questions(
    path: &Path,
    split: &Split,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Answer>, Vec<Question>) {
    let body = split.body;
    let headings = top_headings(body);
    // File line of each heading, counted in one pass (headings come in file order).
    let mut counted = (0usize, split.body_line);
    let mut line_of = |offset: usize| {
        let (from, line) = counted;
        let line = line
            + body.as_bytes()[from..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
        counted = (offset, line);
        line
    };

    let lines: Vec<usize> = headings.iter().map(|h| line_of(h.range.start)).collect();
    for (h, &line) in headings.iter().zip(&lines) {
        let line = Some(line);
        if h.level == HeadingLevel::H1 {
            diags.push(Diagnostic::warning(
                path,
                line,
                "level-1 heading in the body; the title comes from front matter",
                "make it a `## ` question or a `### ` subheading; its text is kept as a heading in the answer",
            ));
        } else if h.level == HeadingLevel::H2 && !h.atx {
            diags.push(Diagnostic::warning(
                path,
                line,
                "a line underlined with `---` is a heading, but not a question",
                "write questions as `## ` headings; for a horizontal rule, leave a blank line above the `---`",
            ));
        }
    }

    let starts: Vec<(&Heading, usize)> = headings
        .iter()
        .zip(lines)
        .filter(|(h, _)| h.atx && h.level == HeadingLevel::H2)
        .collect();
    let intro_end = starts.first().map_or(body.len(), |(h, _)| h.range.start);
    let intro = Some(&body[..intro_end])
        .filter(|s| !s.trim().is_empty())
        .map(|s| Answer::Markdown(s.to_string()));

    let mut questions = Vec::with_capacity(starts.len());
    for (i, &(h, line)) in starts.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let end = starts.get(i + 1).map_or(body.len(), |(n, _)| n.range.start);
        let answer = Answer::Markdown(body[h.range.end..end].to_string());
        let text = h.text.trim().to_string();
        if text.is_empty() {
            diags.push(Diagnostic::warning(
                path,
                Some(line),
                format!("question {number} is an empty heading"),
                "write the question after the `## `",
            ));
        } else if !asks(&text) {
            diags.push(Diagnostic::warning(
                path,
                Some(line),
                format!("question {number} does not end with '?'"),
                "end the question with a question mark; every `## ` heading is read as a question either way",
            ));
        }
        if answer.is_empty() {
            diags.push(Diagnostic::warning(
                path,
                Some(line),
                format!("question {number} has no answer"),
                "write the answer below the question, or remove the question",
            ));
        }
        questions.push(Question {
            number,
            line,
            text,
            answer,
            pin: None,
        });
    }
    (intro, questions)
}

/// True when a heading reads as a question: it ends in `?`, perhaps inside closing quotes.
fn asks(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' '])
        .ends_with(['?', '？'])
}
