//! The guide -> one small script per state for the two-state comparison page,
//! `compare/states/data/<slug>.js`: the state's answers keyed by topic id. The page loads
//! the two it shows with `<script>` elements, which work from `file://` where `fetch` of
//! JSON does not; one file per state keeps the site at N files, never N².

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Result;
use crate::model::{Guide, StateModel};
use crate::output::{OutputFile, Staging};
use crate::site::links;

/// What one state's script assigns to `window.statesideStates[code]`.
#[derive(Debug, Serialize)]
pub struct StatePairData<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    /// The state's answer on each topic it answers, by topic id.
    pub answers: BTreeMap<&'a str, PairAnswer<'a>>,
    /// The state's coded indicator values, in the guide's order; the page shows its
    /// "At a glance" block only when there are some.
    pub indicators: Vec<PairIndicator<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PairAnswer<'a> {
    pub number: u32,
    /// The question in the state's own words.
    pub question: &'a str,
    /// File stem of the question's page in the state's folder.
    pub slug: &'a str,
    /// The answer as the state page shows it (HTML the build made and trusts).
    pub html: &'a str,
}

/// One coded value, in the shape the data export has (id, label, value in words, evidence).
#[derive(Debug, Serialize)]
pub struct PairIndicator<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// The value's reader-facing label; `None` when not stated.
    pub value: Option<&'a str>,
    pub evidence: Option<&'a str>,
}

/// The data of one state.
pub fn state_data<'a>(guide: &'a Guide, state: &'a StateModel) -> StatePairData<'a> {
    let answers = state
        .by_topic
        .iter()
        .enumerate()
        .filter_map(|(t, q)| {
            let q = &state.questions[(*q)?];
            Some((
                guide.topics[t].id.as_str(),
                PairAnswer {
                    number: q.number,
                    question: &q.text,
                    slug: &q.slug,
                    html: &q.answer_html,
                },
            ))
        })
        .collect();
    StatePairData {
        code: &state.code,
        name: &state.name,
        slug: &state.slug,
        title: &state.title,
        answers,
        indicators: state
            .indicators
            .iter()
            .map(|coded| {
                let indicator = &guide.indicators[coded.indicator];
                PairIndicator {
                    id: &indicator.id,
                    label: &indicator.label,
                    value: coded.value.map(|v| indicator.values[v].label.as_str()),
                    evidence: coded.evidence.as_ref().map(|e| e.sentence.as_str()),
                }
            })
            .collect(),
    }
}

/// One state's script: an assignment of its data, as JSON (which is valid JavaScript),
/// into a global table that the comparison page reads.
pub fn state_script(data: &StatePairData) -> OutputFile {
    let json = serde_json::to_string(data).expect("the pair data serializes");
    let mut js = String::with_capacity(json.len() + 96);
    js.push_str("(window.statesideStates=window.statesideStates||{})[");
    js.push_str(&serde_json::to_string(data.code).expect("a string serializes"));
    js.push_str("]=");
    js.push_str(&json);
    js.push_str(";\n");
    OutputFile::new(links::state_pair_data(data.slug), js)
}

/// Every state's script, for tests and callers that hold the site in memory.
pub fn scripts(guide: &Guide) -> Vec<OutputFile> {
    guide
        .states
        .par_iter()
        .map(|s| state_script(&state_data(guide, s)))
        .collect()
}

/// Writes every state's script into the staging folder, in parallel.
pub fn write_scripts(guide: &Guide, staging: &Staging) -> Result<()> {
    guide
        .states
        .par_iter()
        .try_for_each(|s| staging.write(&state_script(&state_data(guide, s))))
}
