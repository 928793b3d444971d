//! Editors' pins (in state files and topics.toml) -> the topic each pinned question must get, and the pins that cannot work.

use std::collections::HashMap;
use std::path::Path;

use crate::config::TopicsConfig;
use crate::diagnostic::Diagnostic;
use crate::doc::StateDoc;
use crate::jurisdiction::Jurisdictions;
/// Pins for each global question index: from the document itself, then from topics.toml.
pub(super) fn pins_by_question(docs: &[StateDoc], topics: &TopicsConfig) -> HashMap<usize, usize> {
    let places = Jurisdictions::new(&[]);
    let topic_index: HashMap<&str, usize> = topics
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut pins = HashMap::new();
    let mut at = 0;
    for d in docs {
        for (qi, q) in d.questions.iter().enumerate() {
            let from_file = q
                .pin
                .as_ref()
                .and_then(|(id, _)| topic_index.get(id.as_str()));
            let from_toml = topics
                .pins
                .iter()
                .find(|p| p.question == q.number && pin_names_state(&p.state, d, &places));
            let from_toml = from_toml.and_then(|p| topic_index.get(p.topic.get_ref().as_str()));
            if let Some(&t) = from_file.or(from_toml) {
                pins.insert(at + qi, t);
            }
        }
        at += d.questions.len();
    }
    pins
}

pub(super) fn pin_names_state(pin_state: &str, doc: &StateDoc, places: &Jurisdictions) -> bool {
    pin_state.eq_ignore_ascii_case(&doc.state.code)
        || pin_state.eq_ignore_ascii_case(&doc.state.name)
        || places
            .by_name(pin_state)
            .is_some_and(|j| j.code == doc.state.code)
}

/// Pins that cannot work: a Markdown pin to a topic that does not exist (error), a pin in
/// topics.toml for a state or question that is not there (warning).
pub fn check_pins(docs: &[StateDoc], topics: &TopicsConfig, topics_path: &Path) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let places = Jurisdictions::new(&[]);
    for d in docs {
        for q in &d.questions {
            if let Some((id, line)) = &q.pin {
                if !topics.topics.iter().any(|t| &t.id == id) {
                    diags.push(Diagnostic::error(
                        &d.path,
                        Some(*line),
                        format!(
                            "question {} is pinned to topic {id:?}, which does not exist",
                            q.number
                        ),
                        format!("use one of the ids in {}", topics_path.display()),
                    ));
                }
            }
        }
    }
    for p in &topics.pins {
        let doc = docs.iter().find(|d| pin_names_state(&p.state, d, &places));
        let found = doc.is_some_and(|d| d.questions.iter().any(|q| q.number == p.question));
        if !found {
            let what = match doc {
                None => format!("no state file covers {:?}", p.state),
                Some(d) => format!("{} has no question {}", d.state.name, p.question),
            };
            diags.push(Diagnostic::warning(
                topics_path,
                None,
                format!("pin has no effect: {what}"),
                "fix the state or question number of this [[pin]], or remove it",
            ));
        }
    }
    diags
}
