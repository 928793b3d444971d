//! An alignment -> what editors read about it: diagnostics and the alignment table.

use std::collections::BTreeMap;
use std::path::Path;

use super::discover::Discovered;
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
    for d in docs {
        for (q, m) in d.questions.iter().zip(alignment.of(d)) {
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
    for d in docs {
        for (qi, m) in alignment.of(d).iter().enumerate() {
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

/// What `stateside topics` prints: every proposed topic with its confidence, title and
/// questions, then the questions in none.
pub fn proposals(docs: &[StateDoc], found: &Discovered) -> String {
    let mut out = format!(
        "{} topics found in {} states' questions, without hints (most answered first). CONF is how alike a topic's questions are (0 to 1).\n",
        found.topics.len(),
        docs.len()
    );
    for p in &found.topics {
        out.push_str(&format!(
            "\n{} ({}): {} states, CONF {:.2}\n  title: {}\n",
            p.id,
            p.label,
            p.members.len(),
            p.confidence,
            p.title
        ));
        for &(d, q) in &p.members {
            out.push_str(&question_row(&docs[d], q));
        }
    }
    if !found.left_over.is_empty() {
        out.push_str(&format!(
            "\nin no topic (no other state asks them, or too few do): {}\n",
            count(found.left_over.len())
        ));
        for &(d, q) in &found.left_over {
            out.push_str(&question_row(&docs[d], q));
        }
    }
    out
}

fn question_row(d: &StateDoc, q: usize) -> String {
    let q = &d.questions[q];
    let text: String = q.text.chars().take(70).collect();
    format!("  {:<4} {:>3}  {text}\n", d.state.code, q.number)
}

/// The proposals as a draft topics.toml for a new series.
pub fn draft_toml(found: &Discovered) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = String::from(
        "# Topics found in the states' own questions by `stateside topics --write`: a draft.\n\
         # Rename ids and labels, reword titles, merge or split topics, then rebuild. Hints\n\
         # are the words the topic's questions share; prefer phrases to broad single words.\n\
         \n[matching]\n# Words every question of the series uses (agencies, the subject), e.g. [\"dmv\", \"ice\"].\nignore = []\nsynonyms = []\n",
    );
    for p in &found.topics {
        out.push_str(&format!(
            "\n# {} states answer it; confidence {:.2}\n[[topic]]\nid = {}\nlabel = {}\ntitle = {}\nhints = [{}]\n",
            p.members.len(),
            p.confidence,
            quote(&p.id),
            quote(&p.label),
            quote(&p.title),
            p.hints.iter().map(|h| quote(h)).collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

/// `stateside topics` on a project with a topics.toml: the topics no state answers,
/// topics that look like duplicates (one found group holds questions of both), and found
/// groups that no topic covers (their questions mostly matched to no single topic).
pub fn compare(found: &Discovered, alignment: &Alignment, topics: &TopicsConfig) -> String {
    let mut out = String::from("\nCompared with topics.toml:\n");
    let mut answered = vec![0usize; topics.topics.len()];
    for m in alignment.docs.iter().flat_map(|d| &d.matches).flatten() {
        answered[m.topic] += 1;
    }
    let unused: Vec<&str> = topics
        .topics
        .iter()
        .zip(&answered)
        .filter(|(_, &n)| n == 0)
        .map(|(t, _)| t.id.as_str())
        .collect();
    out.push_str(&format!(
        "  topics no state answers: {}\n",
        if unused.is_empty() {
            "none".to_string()
        } else {
            unused.join(", ")
        }
    ));
    let mut duplicates = Vec::new();
    let mut uncovered = Vec::new();
    for p in &found.topics {
        let mut by_topic: BTreeMap<Option<usize>, usize> = BTreeMap::new();
        for &(d, q) in &p.members {
            *by_topic
                .entry(alignment.docs[d].matches[q].map(|m| m.topic))
                .or_default() += 1;
        }
        let mut ranked: Vec<(usize, Option<usize>)> =
            by_topic.into_iter().map(|(t, n)| (n, t)).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let n = p.members.len();
        match (ranked.first(), ranked.get(1)) {
            (Some(&(a, Some(ta))), Some(&(b, Some(tb)))) if b >= 2 && 2 * b >= a => duplicates.push(format!(
                "  {} and {} may be one topic: the found group {} holds {a} questions of the first and {b} of the second\n",
                topics.topics[ta].id, topics.topics[tb].id, p.id
            )),
            (Some(&(a, _)), _) if 2 * a < n => uncovered.push(format!(
                "  no topic covers the found group {} ({} states, e.g. {:?}): its questions are spread over {} topics\n",
                p.id, n, p.title, ranked.len()
            )),
            (Some(&(_, None)), _) => uncovered.push(format!(
                "  no topic covers the found group {} ({} states, e.g. {:?}): most of its questions are unaligned\n",
                p.id, n, p.title
            )),
            _ => {}
        }
    }
    out.push_str(&format!(
        "  likely duplicates: {}\n",
        if duplicates.is_empty() { "none" } else { "" }
    ));
    out.extend(duplicates);
    out.push_str(&format!(
        "  groups no topic covers: {}\n",
        if uncovered.is_empty() { "none" } else { "" }
    ));
    out.extend(uncovered);
    out
}
