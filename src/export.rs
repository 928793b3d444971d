//! The guide -> data exports for people who want the data: `data/states.json` and
//! `data/answers.csv` (formats documented in the README).

use std::io::{self, Write};

use serde::Serialize;

use crate::error::Result;
use crate::model::Guide;
use crate::output::{OutputFile, Staging};

#[derive(Serialize)]
struct StatesJson<'a> {
    states: Vec<StateJson<'a>>,
    topics: Vec<TopicJson<'a>>,
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

/// Writes both export files into the staging folder, side by side (each is one long serial
/// job), streamed so that neither is ever whole in memory.
pub fn write_exports(guide: &Guide, staging: &Staging) -> Result<()> {
    let (json, csv) = rayon::join(
        || staging.write_stream(STATES_JSON, |w| write_states_json(guide, w)),
        || staging.write_stream(ANSWERS_CSV, |w| write_answers_csv(guide, w)),
    );
    json.and(csv)
}

/// Both export files in memory, as [`write_exports`] would write them (for `serve`).
pub fn exports_in_memory(guide: &Guide) -> Vec<OutputFile> {
    let (json, csv) = rayon::join(
        || {
            let mut out = Vec::new();
            write_states_json(guide, &mut out).map(|()| out)
        },
        || {
            let mut out = Vec::new();
            write_answers_csv(guide, &mut out).map(|()| out)
        },
    );
    // Writing into a Vec cannot fail for want of room; a serializer error would be a bug.
    vec![
        OutputFile::new(STATES_JSON, json.expect("writing into memory")),
        OutputFile::new(ANSWERS_CSV, csv.expect("writing into memory")),
    ]
}

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
    ])?;
    for s in &guide.states {
        for q in &s.questions {
            let topic = q.topic.map(|t| guide.topics[t].id.as_str()).unwrap_or("");
            w.write_record([
                s.name.as_str(),
                &s.code,
                &q.number.to_string(),
                topic,
                &q.text,
                &q.answer_text,
            ])?;
        }
    }
    w.flush()
}
