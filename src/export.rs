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

/// Both export files.
pub fn exports(guide: &Guide) -> Result<Vec<OutputFile>> {
    Ok(vec![
        OutputFile::new("data/states.json", states_json(guide)?),
        OutputFile::new("data/answers.csv", answers_csv(guide)?),
    ])
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
    let mut out = serde_json::to_vec_pretty(&data).map_err(|e| Error::Output {
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
    let mut w = csv::Writer::from_writer(Vec::new());
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
