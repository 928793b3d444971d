//! The guide -> data exports for people who want the data: `data/states.json` and
//! `data/answers.csv` (formats documented in the README).

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Guide;
use crate::output::OutputFile;

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

/// Both export files, written side by side (each is one long serial job).
pub fn exports(guide: &Guide) -> Result<Vec<OutputFile>> {
    let (json, csv) = rayon::join(|| states_json(guide), || answers_csv(guide));
    Ok(vec![
        OutputFile::new("data/states.json", json?),
        OutputFile::new("data/answers.csv", csv?),
    ])
}

/// About how many bytes the answers take, to size the export buffers once.
fn answer_bytes(guide: &Guide) -> usize {
    guide
        .states
        .iter()
        .flat_map(|s| &s.questions)
        .map(|q| q.text.len() + q.answer_text.len() + q.answer_html.len() + 64)
        .sum()
}

fn states_json(guide: &Guide) -> Result<Vec<u8>> {
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
    // Escaping makes the JSON a little longer than the text it holds.
    let mut out = Vec::with_capacity(answer_bytes(guide) + answer_bytes(guide) / 8);
    serde_json::to_writer_pretty(&mut out, &data).map_err(|e| Error::Output {
        path: "data/states.json".into(),
        message: e.to_string(),
    })?;
    out.push(b'\n');
    Ok(out)
}

fn answers_csv(guide: &Guide) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| Error::Output {
        path: "data/answers.csv".into(),
        message: e.to_string(),
    };
    let mut w = csv::Writer::from_writer(Vec::with_capacity(answer_bytes(guide)));
    w.write_record([
        "state",
        "code",
        "number",
        "topic",
        "question",
        "answer_text",
    ])
    .map_err(fail)?;
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
            ])
            .map_err(fail)?;
        }
    }
    w.into_inner().map_err(|e| Error::Output {
        path: "data/answers.csv".into(),
        message: e.to_string(),
    })
}
