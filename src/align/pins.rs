//! Editors' pins (in state files and topics.toml) -> the topic each pinned question must get, and the pins that cannot work.

use std::collections::HashMap;
use std::path::Path;

use crate::config::TopicsConfig;
use crate::diagnostic::Diagnostic;
use crate::doc::StateDoc;
use crate::jurisdiction::Jurisdictions;
/// Pins for each global question index: from the document itself, then from topics.toml.
pub(super) fn pins_by_question(
    docs: &[StateDoc],
    topics: &TopicsConfig,
    places: &Jurisdictions,
) -> HashMap<usize, usize> {
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
                .find(|p| p.question == q.number && pin_names_state(&p.state, d, places));
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
/// `places` are every place a state file may be about, the extra ones of site.toml too.
pub fn check_pins(
    docs: &[StateDoc],
    topics: &TopicsConfig,
    topics_path: &Path,
    places: &Jurisdictions,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
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
        let doc = docs.iter().find(|d| pin_names_state(&p.state, d, places));
        let found = doc.is_some_and(|d| d.questions.iter().any(|q| q.number == p.question));
        if !found {
            let what = match doc {
                None => format!("no state file covers {:?}", p.state),
                Some(d) => format!("{} has no question {}", d.state.name, p.question),
            };
            diags.push(Diagnostic::warning(
                topics_path,
                line(p.line),
                format!("pin has no effect: {what}"),
                "fix the state or question number of this [[pin]], or remove it",
            ));
        }
    }
    for d in docs {
        conflicts(d, topics, topics_path, places, &mut diags);
    }
    diags
}

fn line(n: usize) -> Option<usize> {
    (n > 0).then_some(n)
}

/// One pin as written: where it is and what it says.
struct Written<'a> {
    path: &'a Path,
    line: Option<usize>,
    topic: &'a str,
}

impl Written<'_> {
    fn place(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// A question pinned twice, and two questions of one state pinned to one topic. The pin
/// that counts is the one [`pins_by_question`] uses: the state file's, then the first in
/// topics.toml; of two questions on one topic, the first question keeps it.
fn conflicts(
    d: &StateDoc,
    topics: &TopicsConfig,
    topics_path: &Path,
    places: &Jurisdictions,
    diags: &mut Vec<Diagnostic>,
) {
    let mut holder: HashMap<&str, (u32, Written)> = HashMap::new();
    for q in &d.questions {
        let mut written: Vec<Written> = Vec::new();
        if let Some((id, l)) = &q.pin {
            written.push(Written {
                path: &d.path,
                line: Some(*l),
                topic: id,
            });
        }
        for p in &topics.pins {
            if p.question == q.number && pin_names_state(&p.state, d, places) {
                written.push(Written {
                    path: topics_path,
                    line: line(p.line),
                    topic: p.topic.get_ref(),
                });
            }
        }
        let Some(first) = written.first() else {
            continue;
        };
        for later in &written[1..] {
            diags.push(Diagnostic::warning(
                later.path,
                later.line,
                format!(
                    "{} question {} is pinned twice: to {:?} here and to {:?} at {}; the pin at {} counts",
                    d.state.name, q.number, later.topic, first.topic, first.place(), first.place()
                ),
                "remove one of the two pins",
            ));
        }
        if !topics.topics.iter().any(|t| t.id == first.topic) {
            continue;
        }
        let first = Written {
            path: first.path,
            line: first.line,
            topic: first.topic,
        };
        match holder.get(first.topic) {
            Some((n, other)) => diags.push(Diagnostic::warning(
                first.path,
                first.line,
                format!(
                    "{} questions {n} and {} are both pinned to topic {:?} (also at {}); a state has one question per topic, so question {n} keeps it and question {} is matched as if unpinned",
                    d.state.name, q.number, first.topic, other.place(), q.number
                ),
                "pin one of the two questions to another topic, or remove one pin",
            )),
            None => {
                holder.insert(first.topic, (q.number, first));
            }
        }
    }
}
