//! The guide -> data exports for people who want the data: `data/states.json`,
//! `data/answers.csv` and `data/indicators.csv` (formats documented in the README).

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Result;
use crate::indicators::{CodedValue, ValueSource};
use crate::model::{Guide, StateModel};
use crate::output::{OutputFile, Staging};

#[derive(Serialize)]
struct StatesJson<'a> {
    states: Vec<StateJson<'a>>,
    topics: Vec<TopicJson<'a>>,
    indicators: &'a [crate::indicators::IndicatorModel],
}

#[derive(Serialize)]
struct StateJson<'a> {
    name: &'a str,
    code: &'a str,
    slug: &'a str,
    title: &'a str,
    category: Option<&'a str>,
    updated: Option<&'a str>,
    /// The file the state's document came from.
    source: &'a str,
    sources: &'a [String],
    questions: Vec<QuestionJson<'a>>,
    indicators: Vec<IndicatorValueJson<'a>>,
}

/// One state's value for one indicator.
#[derive(Serialize)]
struct IndicatorValueJson<'a> {
    id: &'a str,
    /// A value id, or null when not stated.
    value: Option<&'a str>,
    /// The value in words ("Not stated" when null).
    label: &'a str,
    /// The sentence quoted exactly, or null.
    evidence: Option<&'a str>,
    /// Number of the question the sentence is in.
    question: Option<u32>,
    /// `answer` (coded from the document) or `editor` (set by an editor).
    source: crate::indicators::ValueSource,
    note: Option<&'a str>,
    /// The editor's source URL.
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    number: u32,
    text: &'a str,
    topic: Option<&'a str>,
    answer_text: &'a str,
    answer_html: &'a str,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    label: &'a str,
    title: &'a str,
}

/// Where the exports go in the output folder.
pub const STATES_JSON: &str = "data/states.json";
pub const ANSWERS_CSV: &str = "data/answers.csv";
pub const INDICATORS_CSV: &str = "data/indicators.csv";

/// Writes every export file into the staging folder, side by side (each is one long serial
/// job), streamed so that none is ever whole in memory.
pub fn write_exports(guide: &Guide, staging: &Staging) -> Result<()> {
    EXPORTS
        .par_iter()
        .try_for_each(|(path, write)| staging.write_stream(path, |w| write(guide, w)))
}

/// Every export file, as [`write_exports`] would write it, in memory (for `serve`).
pub fn exports_in_memory(guide: &Guide) -> Vec<OutputFile> {
    EXPORTS
        .par_iter()
        .map(|(path, write)| {
            let mut out = Vec::new();
            // Writing into a Vec cannot fail for want of room; a serializer error is a bug.
            write(guide, &mut out).expect("writing into memory");
            OutputFile::new(*path, out)
        })
        .collect()
}

/// Whether `path` is one of the export files.
pub fn is_export(path: &str) -> bool {
    EXPORTS.iter().any(|(p, _)| *p == path)
}

/// Writes one export file.
type WriteExport = fn(&Guide, &mut dyn Write) -> io::Result<()>;

/// Every export file: its path in the site and what writes it.
const EXPORTS: [(&str, WriteExport); 3] = [
    (STATES_JSON, write_states_json),
    (ANSWERS_CSV, write_answers_csv),
    (INDICATORS_CSV, write_indicators_csv),
];

fn write_states_json(guide: &Guide, out: &mut dyn Write) -> io::Result<()> {
    let data = StatesJson {
        states: guide
            .states
            .iter()
            .map(|s| StateJson {
                name: &s.name,
                code: &s.code,
                slug: &s.slug,
                title: &s.title,
                category: s.category.as_deref(),
                updated: s.updated.as_deref(),
                source: &s.source_file,
                sources: &s.sources,
                questions: s
                    .questions
                    .iter()
                    .map(|q| QuestionJson {
                        number: q.number,
                        text: &q.text,
                        topic: q.topic.map(|t| guide.topics[t].id.as_str()),
                        answer_text: &q.answer_text,
                        answer_html: &q.answer_html,
                    })
                    .collect(),
                indicators: s
                    .indicators
                    .iter()
                    .map(|c| indicator_value(guide, s, c))
                    .collect(),
            })
            .collect(),
        topics: guide
            .topics
            .iter()
            .map(|t| TopicJson {
                id: &t.id,
                label: &t.label,
                title: &t.title,
            })
            .collect(),
        indicators: &guide.indicators,
    };
    serde_json::to_writer_pretty(&mut *out, &data).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

fn write_answers_csv(guide: &Guide, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "state",
        "code",
        "number",
        "topic",
        "question",
        "answer_text",
        "updated",
        "sources",
        "source_file",
    ])?;
    for s in &guide.states {
        // Several sources share one cell, one per line.
        let sources = s.sources.join("\n");
        for q in &s.questions {
            let topic = q.topic.map(|t| guide.topics[t].id.as_str()).unwrap_or("");
            w.write_record([
                s.name.as_str(),
                &s.code,
                &q.number.to_string(),
                topic,
                &q.text,
                &q.answer_text,
                s.updated.as_deref().unwrap_or(""),
                &sources,
                &s.source_file,
            ])?;
        }
    }
    w.flush()
}

fn indicator_value<'a>(
    guide: &'a Guide,
    state: &'a StateModel,
    c: &'a CodedValue,
) -> IndicatorValueJson<'a> {
    let def = &guide.indicators[c.indicator];
    let value = c.value.map(|v| &def.values[v]);
    IndicatorValueJson {
        id: &def.id,
        value: value.map(|v| v.id.as_str()),
        label: value.map_or(guide.not_stated_label.as_str(), |v| v.label.as_str()),
        evidence: c.evidence.as_ref().map(|e| e.sentence.as_str()),
        question: c
            .evidence
            .as_ref()
            .map(|e| state.questions[e.question].number),
        source: c.source,
        note: c.note.as_deref(),
        url: c.source_url.as_deref(),
    }
}

fn write_indicators_csv(guide: &Guide, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "state",
        "code",
        "indicator",
        "value",
        "question",
        "evidence",
        "source",
        "note",
    ])?;
    for s in &guide.states {
        for c in &s.indicators {
            let v = indicator_value(guide, s, c);
            let source = match v.source {
                ValueSource::Answer => "answer",
                ValueSource::Editor => "editor",
            };
            w.write_record([
                s.name.as_str(),
                &s.code,
                v.id,
                v.value.unwrap_or(""),
                &v.question.map_or(String::new(), |n| n.to_string()),
                v.evidence.unwrap_or(""),
                source,
                v.note.unwrap_or(""),
            ])?;
        }
    }
    w.flush()
}
