//! Classified lines after the title -> the introduction and the questions: which numbered
//! lines start a question and which are items of a list inside an answer.

use std::path::Path;

use super::answer::answer_blocks;
use super::lines::{Kind, Line};
use super::{LOOKAHEAD_LINES, MAX_GAP};
use crate::diagnostic::Diagnostic;
use crate::doc::{Answer, Question};
use crate::text::asks;

/// Splits the body into questions. A numbered line starts a question when it continues the
/// question numbering and is not the next item of a list inside the current answer; see
/// `starts_question` for the exact rule.
pub(super) fn split_questions(
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

pub(super) enum Verdict {
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
pub(super) fn starts_question(
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
pub(super) fn asked_later(lines: &[Line], i: usize, n: u32) -> bool {
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
