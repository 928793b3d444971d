//! An alignment -> what editors read about it: diagnostics and the alignment table.

use std::path::Path;

use super::{Alignment, Match};
use crate::config::TopicsConfig;
use crate::diagnostic::Diagnostic;
use crate::doc::StateDoc;
/// Below this confidence a match is shown with its runner-up in the review, and `check`
/// mentions it.
pub const CLOSE_CALL: f32 = 0.2;

/// Unaligned questions (warning), close calls (info) and topics no state answers (info).
pub fn diagnostics(
    docs: &[StateDoc],
    alignment: &Alignment,
    topics: &TopicsConfig,
    topics_path: &Path,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut answered = vec![false; topics.topics.len()];
    for (d, matches) in docs.iter().zip(&alignment.docs) {
        for (q, m) in d.questions.iter().zip(matches) {
            match m {
                Some(m) => {
                    answered[m.topic] = true;
                    if let Some(r) = m.runner_up.filter(|_| !m.pinned && m.confidence < CLOSE_CALL) {
                        diags.push(Diagnostic::info(
                            &d.path,
                            Some(q.line),
                            format!(
                                "question {} was matched to topic {:?} by a small margin over {:?}",
                                q.number, topics.topics[m.topic].id, topics.topics[r].id
                            ),
                            "`stateside check --alignment` shows it with the pin to paste if it is wrong",
                        ));
                    }
                }
                None => diags.push(Diagnostic::warning(
                    &d.path,
                    Some(q.line),
                    format!("question {} has nothing in common with any topic and stays unaligned", q.number),
                    format!("add hint words to the right topic in {}, add a new topic, or pin the question", topics_path.display()),
                )),
            }
        }
    }
    if !docs.is_empty() {
        for (t, done) in topics.topics.iter().zip(answered) {
            if !done {
                diags.push(Diagnostic::info(
                    topics_path,
                    None,
                    format!("no state answers topic {:?}", t.id),
                    "nothing to do unless a state's question should match it",
                ));
            }
        }
    }
    diags
}

/// The review `stateside check --alignment` prints: per topic, its questions with their
/// confidence, lowest first; close calls with their runner-up and the `[[pin]]` to paste
/// into topics.toml if the runner-up is right; then the questions left unaligned.
pub fn review(docs: &[StateDoc], alignment: &Alignment, topics: &TopicsConfig) -> String {
    let mut by_topic: Vec<Vec<(f32, &StateDoc, usize, Match)>> =
        vec![Vec::new(); topics.topics.len()];
    let mut unaligned = Vec::new();
    for (d, matches) in docs.iter().zip(&alignment.docs) {
        for (qi, m) in matches.iter().enumerate() {
            match m {
                Some(m) => by_topic[m.topic].push((m.confidence, d, qi, *m)),
                None => unaligned.push((d, qi)),
            }
        }
    }
    let mut out = String::new();
    out.push_str(&format!(
        "Alignment: {} states, {} topics, learned in {} round(s). CONF is how clearly a question's topic beat the next best (0 to 1; pins are 1).\n",
        docs.len(),
        topics.topics.len(),
        alignment.rounds
    ));
    let row = |out: &mut String, conf: &str, d: &StateDoc, qi: usize, note: &str| {
        let q = &d.questions[qi];
        let text: String = q.text.chars().take(64).collect();
        out.push_str(&format!(
            "  {conf:>5}  {:<4} {:>3}  {text}{note}\n",
            d.state.code, q.number
        ));
    };
    for (t, rows) in topics.topics.iter().zip(&mut by_topic) {
        rows.sort_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.state.code.cmp(&b.1.state.code))
                .then(a.2.cmp(&b.2))
        });
        out.push_str(&format!(
            "\n{} ({}): {}\n",
            t.id,
            t.label,
            count(rows.len())
        ));
        for &(conf, d, qi, m) in rows.iter() {
            let close = m.runner_up.filter(|_| !m.pinned && conf < CLOSE_CALL);
            let conf = if m.pinned {
                "pin".to_string()
            } else {
                format!("{conf:.2}")
            };
            let note = close.map_or(String::new(), |r| {
                format!("  [runner-up: {}]", topics.topics[r].id)
            });
            row(&mut out, &conf, d, qi, &note);
            if let Some(r) = close {
                out.push_str(&format!(
                    "         if it is {id}, paste into topics.toml:\n           [[pin]]\n           state = \"{}\"\n           question = {}\n           topic = \"{id}\"\n",
                    d.state.code,
                    d.questions[qi].number,
                    id = topics.topics[r].id,
                ));
            }
        }
    }
    if !unaligned.is_empty() {
        out.push_str(&format!("\nunaligned: {}\n", count(unaligned.len())));
        for (d, qi) in unaligned {
            row(&mut out, "-", d, qi, "");
        }
    }
    out
}

fn count(n: usize) -> String {
    format!("{n} question{}", if n == 1 { "" } else { "s" })
}
