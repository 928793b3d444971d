//! An alignment -> what editors read about it: diagnostics and the alignment table.

use std::path::Path;

use super::Alignment;
use crate::config::TopicsConfig;
use crate::diagnostic::Diagnostic;
use crate::doc::StateDoc;
/// Unaligned questions (warning) and topics no state answers (info).
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
                Some(m) => answered[m.topic] = true,
                None => diags.push(Diagnostic::warning(
                    &d.path,
                    Some(q.line),
                    format!("question {} matches no topic well enough and stays unaligned", q.number),
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

/// The alignment table `stateside check` prints: state, question number, topic, score.
pub fn table(docs: &[StateDoc], alignment: &Alignment, topics: &TopicsConfig) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<6} {:>3}  {:<28} {:>6}  {}\n",
        "STATE", "Q", "TOPIC", "SCORE", "QUESTION"
    ));
    for (d, matches) in docs.iter().zip(&alignment.docs) {
        for (q, m) in d.questions.iter().zip(matches) {
            let (topic, score) = match m {
                Some(m) if m.pinned => (
                    format!("{} (pinned)", topics.topics[m.topic].id),
                    "pin".to_string(),
                ),
                Some(m) => (topics.topics[m.topic].id.clone(), format!("{:.2}", m.score)),
                None => ("(unaligned)".to_string(), "-".to_string()),
            };
            let text: String = q.text.chars().take(70).collect();
            out.push_str(&format!(
                "{:<6} {:>3}  {:<28} {:>6}  {}\n",
                d.state.code, q.number, topic, score, text
            ));
        }
    }
    out
}
