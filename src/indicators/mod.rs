//! Indicator definitions + a state's answers -> one short coded value per indicator (yes,
//! no, or not stated), each with the sentence that decides it and the question it is in,
//! or the editor's value when one is set. The stage runs inside the model, per state.
//!
//! - `config`: `content/indicators.toml` read and checked
//! - `phrase`: tokens and phrase patterns
//! - `sentences`: answers cut into sentences and clauses
//! - `code`: the decision, per state and indicator
//! - `mark`: the evidence sentence marked in an answer's HTML
//! - `check`: the `stateside check --indicators` table

pub mod check;
mod code;
pub mod config;
pub mod mark;
mod phrase;
mod sentences;

use std::collections::BTreeMap;

use serde::Serialize;

pub use config::{IndicatorsConfig, NOT_STATED};
use phrase::{Pattern, Phrase, Vocabulary};

/// An editor's value for one indicator of one state, from the state's front matter or
/// from `[[override]]` in `indicators.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorValue {
    pub indicator: String,
    /// A value id, or [`NOT_STATED`].
    pub value: String,
    pub note: Option<String>,
    pub source: Option<String>,
    /// Where it is written, for `check`: `file:line`.
    pub origin: String,
}

/// One indicator as the site shows it.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorModel {
    pub id: String,
    pub label: String,
    pub question: String,
    /// Topic id.
    pub topic: String,
    pub values: Vec<ValueModel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueModel {
    pub id: String,
    pub label: String,
}

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueSource {
    Answer,
    Editor,
}

/// One state's value for one indicator.
#[derive(Debug, Clone, Serialize)]
pub struct CodedValue {
    /// Index into the guide's indicators.
    pub indicator: usize,
    /// Index into the indicator's values; `None` when not stated.
    pub value: Option<usize>,
    pub evidence: Option<Evidence>,
    pub source: ValueSource,
    /// The editor's note.
    pub note: Option<String>,
    /// The editor's source URL.
    pub source_url: Option<String>,
    /// Where the editor's value is written (`file:line`).
    pub origin: Option<String>,
    /// How sure the coding is, 0 to 1 (an editor's value is 1).
    pub confidence: f32,
    /// Why the value is what it is, in a few words (for `check`).
    pub reason: String,
    /// What the answers alone say, when an editor's value replaced it.
    pub answer_value: Option<usize>,
}

/// The sentence a value comes from.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    /// Index into the state's questions.
    pub question: usize,
    pub sentence: String,
    /// Id of the marked sentence on the question's page.
    pub anchor: String,
}

/// The indicators ready to code states: definitions, compiled phrases, editors' values
/// for plain-text states keyed by postal code.
#[derive(Debug, Clone, Default)]
pub struct Indicators {
    pub config: IndicatorsConfig,
    /// Per indicator, the topic's index in `topics.toml`.
    topics: Vec<Option<usize>>,
    /// Ids of the words of every phrase below.
    vocabulary: Vocabulary,
    /// Per indicator, per value, the phrases.
    phrases: Vec<Vec<Vec<Phrase>>>,
    /// Per indicator, by token id, the phrases that the word triggers (see
    /// [`Phrase::triggers`]) as (value, rank): a sentence is searched only for the phrases
    /// its words trigger, which keeps coding thousands of states fast.
    triggers: Vec<Vec<Vec<(usize, usize)>>>,
    /// By token id, whether the word triggers a phrase of any indicator.
    any_trigger: Vec<bool>,
    /// Per indicator, the phrases of sentences to pass over.
    ignore: Vec<Vec<Phrase>>,
    negations: Vec<Phrase>,
    hedges: Vec<Phrase>,
    elsewhere: Vec<Phrase>,
    /// `[[override]]` tables by postal code.
    pub overrides: BTreeMap<String, Vec<EditorValue>>,
}

impl Indicators {
    /// Compiles a checked configuration. `topic_ids` are the topics in order; `code_of`
    /// turns an override's state (name or code) into a postal code.
    pub fn new(
        config: IndicatorsConfig,
        topic_ids: &[&str],
        path: &std::path::Path,
        text: &str,
        code_of: impl Fn(&str) -> Option<String>,
    ) -> (Indicators, Vec<crate::Diagnostic>) {
        let mut vocabulary = Vocabulary::default();
        let mut compile = |text: &str| -> Option<Phrase> {
            Pattern::parse(text)
                .ok()
                .map(|p| p.compile(&mut vocabulary))
        };
        let mut diags = Vec::new();
        let mut overrides: BTreeMap<String, Vec<EditorValue>> = BTreeMap::new();
        for o in &config.overrides {
            let line = crate::config::line_of_offset(text, o.state.span().start);
            match code_of(o.state.get_ref()) {
                Some(code) => overrides.entry(code).or_default().push(EditorValue {
                    indicator: o.indicator.clone(),
                    value: o.value.clone(),
                    note: o.note.clone(),
                    source: o.source.clone(),
                    origin: format!("{}:{line}", path.display()),
                }),
                None => diags.push(crate::Diagnostic::error(
                    path,
                    Some(line),
                    format!("override for unknown state {:?}", o.state.get_ref()),
                    "write the state's postal code or name, e.g. state = \"IA\"",
                )),
            }
        }
        let phrases: Vec<Vec<Vec<Phrase>>> = config
            .indicators
            .iter()
            .map(|i| {
                i.values
                    .iter()
                    .map(|v| {
                        v.phrases
                            .iter()
                            .filter_map(|p| compile(p.get_ref()))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let ignore = config
            .indicators
            .iter()
            .map(|i| {
                i.ignore
                    .iter()
                    .filter_map(|p| compile(p.get_ref()))
                    .collect()
            })
            .collect();
        let mut compile_all =
            |list: &[String]| -> Vec<Phrase> { list.iter().filter_map(|p| compile(p)).collect() };
        let negations = compile_all(&config.coding.negations);
        let hedges = compile_all(&config.coding.hedges);
        let elsewhere = compile_all(&config.coding.elsewhere);
        let triggers: Vec<Vec<Vec<(usize, usize)>>> = phrases
            .iter()
            .map(|values| {
                let mut by_word: Vec<Vec<(usize, usize)>> = vec![Vec::new(); vocabulary.len()];
                for (v, patterns) in values.iter().enumerate() {
                    for (rank, p) in patterns.iter().enumerate() {
                        for t in p.triggers() {
                            by_word[t as usize].push((v, rank));
                        }
                    }
                }
                by_word
            })
            .collect();
        let any_trigger = (0..vocabulary.len())
            .map(|t| triggers.iter().any(|by_word| !by_word[t].is_empty()))
            .collect();
        let indicators = Indicators {
            topics: config
                .indicators
                .iter()
                .map(|i| topic_ids.iter().position(|t| t == i.topic.get_ref()))
                .collect(),
            vocabulary,
            phrases,
            triggers,
            any_trigger,
            ignore,
            negations,
            hedges,
            elsewhere,
            overrides,
            config,
        };
        (indicators, diags)
    }

    /// The definitions as the site shows them.
    pub fn models(&self) -> Vec<IndicatorModel> {
        self.config
            .indicators
            .iter()
            .map(|i| IndicatorModel {
                id: i.id.clone(),
                label: i.label.clone(),
                question: i.question.clone(),
                topic: i.topic.get_ref().clone(),
                values: i
                    .values
                    .iter()
                    .map(|v| ValueModel {
                        id: v.id.clone(),
                        label: v.label.clone(),
                    })
                    .collect(),
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.config.indicators.is_empty()
    }
}
