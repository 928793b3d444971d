//! The body of a Markdown state document (after its front matter) -> the introduction and
//! the questions: each top-level `## ` heading starts one, and the Markdown up to the next
//! is its answer. Headings are found by pulldown-cmark itself, so a `## ` line inside a
//! code block, a quote or a list never starts a question.

use std::ops::Range;
use std::path::Path;

use std::collections::BTreeSet;

use pulldown_cmark::{BrokenLink, CowStr, Event, HeadingLevel, Parser, RefDefs, Tag, TagEnd};

use super::front_matter::Split;
use crate::diagnostic::Diagnostic;
use crate::doc::{Answer, Question};
use crate::text::asks;

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
            // Question text is plain text (escaped wherever it is shown), so HTML in a
            // heading is kept as the characters typed.
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => {
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
    // The block pass, which collects link reference definitions, runs on construction.
    let whole = Parser::new_ext(body, super::options());
    let defs = whole.reference_definitions();
    let intro = Some(&body[..intro_end])
        .filter(|s| !s.trim().is_empty())
        .map(|s| Answer::Markdown(self_contained(s, defs)));

    let mut questions = Vec::with_capacity(starts.len());
    for (i, &(h, line)) in starts.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let end = starts.get(i + 1).map_or(body.len(), |(n, _)| n.range.start);
        let source = &body[h.range.end..end];
        let empty = source.trim().is_empty();
        let answer = Answer::Markdown(self_contained(source, defs));
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
        if empty {
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

/// An answer's Markdown on its own: with the definitions of the reference links it uses
/// (`[text][label]`) appended when they are written elsewhere in the document, typically
/// at its end. Answers are rendered one by one, and would otherwise show such links as
/// bracketed text.
fn self_contained(source: &str, defs: &RefDefs) -> String {
    let mut out = source.to_string();
    if !source.contains('[') || defs.iter().next().is_none() {
        return out;
    }
    let mut used = BTreeSet::new();
    let record = |link: BrokenLink| {
        if let Some(def) = defs.get(&link.reference) {
            used.insert(definition(&link.reference, &def.dest, def.title.as_deref()));
        }
        None::<(CowStr, CowStr)>
    };
    Parser::new_with_broken_link_callback(source, super::options(), Some(record)).for_each(drop);
    if !used.is_empty() {
        out.push('\n');
        for def in used {
            out.push('\n');
            out.push_str(&def);
        }
        out.push('\n');
    }
    out
}

/// A link reference definition as Markdown, its destination and title escaped so they
/// read back exactly (they were decoded when the document was parsed).
fn definition(label: &str, dest: &str, title: Option<&str>) -> String {
    let escape = |s: &str, specials: &[char]| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if specials.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let dest = escape(dest, &['<', '>', '\\', '&']);
    match title {
        Some(title) => format!(
            "[{label}]: <{dest}> \"{}\"",
            escape(title, &['"', '\\', '&'])
        ),
        None => format!("[{label}]: <{dest}>"),
    }
}
