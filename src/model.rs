//! Documents + alignment -> the guide: every state with its questions, each answer rendered
//! to HTML and plain text exactly once, and every topic with the answers that address it.
//! Everything downstream (pages, exports) borrows from this.

use serde::Serialize;

use crate::config::SiteConfig;
use crate::ids::{QuestionId, StateId};
use crate::indicators::{CodedValue, IndicatorModel, Indicators};

/// The whole content of a site, ready to render. States are sorted by name.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub site: SiteConfig,
    pub topics: Vec<TopicModel>,
    pub states: Vec<StateModel>,
    pub pages: Vec<PageModel>,
    /// The indicators every state is coded on, in `indicators.toml` order.
    pub indicators: Vec<IndicatorModel>,
    /// Reader-facing words for a value the documents do not settle.
    pub not_stated_label: String,
    /// Class-based CSS for highlighted code blocks, when any page has one.
    pub highlight_css: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicModel {
    pub id: String,
    pub label: String,
    pub title: String,
    /// The questions that answer this topic, in state order; at most one per state.
    pub answers: Vec<QuestionId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateModel {
    pub name: String,
    /// Postal code: IA, AL, DC…
    pub code: String,
    /// URL-safe name: `iowa`, `new-york`.
    pub slug: String,
    pub title: String,
    pub category: Option<String>,
    pub updated: Option<String>,
    pub sources: Vec<String>,
    /// The file the document came from, relative to `content/states/`, control
    /// characters escaped (it is shown in messages and exports).
    pub source_file: String,
    /// Text between the title and the first question, rendered, if the file has any.
    pub intro_html: Option<String>,
    /// Tile-map position (row, column) for the index page's map, when it has one.
    pub tile: Option<(u8, u8)>,
    pub questions: Vec<QuestionModel>,
    /// For each topic (by index), the index of this state's question on it.
    pub by_topic: Vec<Option<usize>>,
    /// One value per indicator, in the guide's indicator order.
    pub indicators: Vec<CodedValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionModel {
    pub number: u32,
    /// Line of the question in its source file.
    pub line: usize,
    pub text: String,
    /// Index into `Guide::topics`.
    pub topic: Option<usize>,
    /// How well the question matched its topic (1.0 for a pin).
    pub score: f32,
    pub pinned: bool,
    /// File stem of the question's page, unique within its state:
    /// `q<number>-<slug of the question>`, from the state's own document alone.
    pub slug: String,
    /// Anchor id on the state page: `q<number>` (with a suffix when numbers repeat).
    pub anchor: String,
    pub answer_html: String,
    pub answer_text: String,
    /// The answer's first sentence, shortened when long (for page descriptions).
    pub summary: String,
    /// The sentence that says most beyond the question, shortened (for the topic matrix;
    /// see [`crate::key_sentence`]); empty for a question on no topic.
    pub key_sentence: String,
}

/// An extra page from `content/pages/`.
#[derive(Debug, Clone, Serialize)]
pub struct PageModel {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Ordering in navigation; lower first, then by title.
    pub weight: i64,
    pub html: String,
}

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::align::Alignment;
use crate::config::TopicsConfig;
use crate::doc::StateDoc;
use crate::html;
use crate::key_sentence::{KeySentences, KEY_SENTENCE_CHARS};
use crate::markdown::{PageSource, Renderer};
use crate::minify;
use crate::text::{first_sentence, slugify, slugify_short};

/// The cross-links between states and topics, from each question's `topic`: every state's
/// `by_topic` and every topic's `answers` (in the order of `states`; at most one answer
/// per state and topic, the state's first question on it).
pub fn link_topics(states: &mut [StateModel], topics: &mut [TopicModel]) {
    for topic in topics.iter_mut() {
        topic.answers.clear();
    }
    for (si, state) in states.iter_mut().enumerate() {
        state.by_topic = by_topic(&state.questions, topics.len());
        for (t, q) in state.by_topic.iter().enumerate() {
            if let Some(qi) = q {
                topics[t].answers.push(QuestionId {
                    state: StateId(si),
                    question: *qi,
                });
            }
        }
    }
}

/// For each of `topics` topics, the first of `questions` on it.
fn by_topic(questions: &[QuestionModel], topics: usize) -> Vec<Option<usize>> {
    let mut by_topic = vec![None; topics];
    for (qi, q) in questions.iter().enumerate() {
        if let Some(t) = q.topic {
            by_topic[t].get_or_insert(qi);
        }
    }
    by_topic
}

/// Longest summary shown in a matrix cell, in characters.
const SUMMARY_CHARS: usize = 160;

/// Builds the guide, each document with its own matches from `alignment`; states come
/// out sorted by name. Every answer is rendered here, once, in parallel.
pub fn build(
    site: SiteConfig,
    topics: &TopicsConfig,
    docs: Vec<StateDoc>,
    alignment: &Alignment,
    pages: Vec<PageSource>,
    md: &Renderer,
    indicators: &Indicators,
) -> Guide {
    let topic_ids: Vec<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
    let topic_titles: Vec<&str> = topics.topics.iter().map(|t| t.title.as_str()).collect();
    let keys = KeySentences::new(&topics.matching.ignore);
    let named = TopicNames {
        ids: &topic_ids,
        titles: &topic_titles,
        keys: &keys,
    };
    let mut states: Vec<StateModel> = docs
        .into_par_iter()
        .map(|doc| {
            let matches = alignment.of(&doc);
            let editor = doc.indicator_values.clone();
            let mut state = state_model(doc, matches, &named, md);
            state.indicators = indicators.code_state(&state, &editor);
            state
        })
        .collect();
    // By slug, the name in plain ASCII: "Hawaiʻi" sorts as "hawaii", between Georgia and Idaho.
    states.sort_by(|a, b| {
        (a.slug.as_str(), a.name.as_str(), a.code.as_str()).cmp(&(
            b.slug.as_str(),
            b.name.as_str(),
            b.code.as_str(),
        ))
    });

    let mut topic_models: Vec<TopicModel> = topics
        .topics
        .iter()
        .map(|t| TopicModel {
            id: t.id.clone(),
            label: t.label.clone(),
            title: t.title.clone(),
            answers: Vec::new(),
        })
        .collect();
    link_topics(&mut states, &mut topic_models);

    let mut page_models: Vec<PageModel> = pages
        .par_iter()
        .map(|p| PageModel {
            slug: p.slug.clone(),
            title: p.title.clone(),
            description: p.description.clone(),
            weight: p.weight,
            html: md.finish(html::write_html(md.page_events(&p.body))),
        })
        .collect();
    page_models.sort_by(|a, b| a.weight.cmp(&b.weight).then(a.title.cmp(&b.title)));

    Guide {
        site,
        topics: topic_models,
        states,
        pages: page_models,
        indicators: indicators.models(),
        not_stated_label: indicators.config.coding.not_stated_label.clone(),
        highlight_css: md.highlight_css(),
    }
}

impl Guide {
    /// Every answer, introduction and extra page minified, once each, so that pages
    /// assembled from them need no minifying of their own (see [`crate::minify`]). The
    /// guide is left as it is, so that something else can read it as rendered meanwhile;
    /// [`Guide::with_html`] makes the guide that uses it.
    pub fn minified_html(&self) -> MinifiedHtml {
        let min = |html: &str| minify::html(html).into_owned();
        MinifiedHtml {
            states: self
                .states
                .par_iter()
                .map(|state| {
                    (
                        state.intro_html.as_deref().map(min),
                        state
                            .questions
                            .iter()
                            .map(|q| min(&q.answer_html))
                            .collect(),
                    )
                })
                .collect(),
            pages: self.pages.par_iter().map(|p| min(&p.html)).collect(),
        }
    }

    /// This guide with the HTML made by [`Guide::minified_html`] of it in place: plain
    /// data in, plain data out, nothing patched in a guide someone else still reads.
    pub fn with_html(mut self, html: MinifiedHtml) -> Guide {
        for (state, (intro, answers)) in self.states.iter_mut().zip(html.states) {
            state.intro_html = intro;
            for (q, answer) in state.questions.iter_mut().zip(answers) {
                q.answer_html = answer;
            }
        }
        for (page, html) in self.pages.iter_mut().zip(html.pages) {
            page.html = html;
        }
        self
    }
}

/// Minified HTML for a guide's states (introduction, answers) and extra pages, in order.
pub struct MinifiedHtml {
    states: Vec<(Option<String>, Vec<String>)>,
    pages: Vec<String>,
}

/// What [`state_model`] needs of the topics: ids for slugs, titles and the key-sentence
/// picker for key sentences.
struct TopicNames<'t> {
    ids: &'t [&'t str],
    titles: &'t [&'t str],
    keys: &'t KeySentences,
}

fn state_model(
    doc: StateDoc,
    matches: &[Option<crate::align::Match>],
    topics: &TopicNames,
    md: &Renderer,
) -> StateModel {
    let mut used_slugs = BTreeSet::new();
    let mut used_anchors = BTreeSet::new();
    let questions: Vec<QuestionModel> = doc
        .questions
        .iter()
        .zip(matches)
        .map(|(q, m)| {
            // Named from the state's own document only, so that matching (another state
            // added, a hint edited, a pin) never moves a question's page.
            let words = slugify_short(&q.text, 48);
            let base_slug = if words.is_empty() {
                format!("q{}", q.number)
            } else {
                format!("q{}-{}", q.number, words)
            };
            let answer_text = q.answer.plain();
            let topic_title = m.map_or("", |m| topics.titles[m.topic]);
            let known = [q.text.as_str(), topic_title, doc.state.name.as_str()];
            QuestionModel {
                number: q.number,
                line: q.line,
                text: q.text.clone(),
                topic: m.map(|m| m.topic),
                score: m.map_or(0.0, |m| m.score),
                pinned: m.is_some_and(|m| m.pinned),
                slug: unique(base_slug, &mut used_slugs),
                anchor: unique(format!("q{}", q.number), &mut used_anchors),
                answer_html: html::answer_html(&q.answer, md),
                summary: first_sentence(&answer_text, SUMMARY_CHARS),
                // Only aligned answers appear in the topic matrix.
                key_sentence: match m {
                    Some(_) => topics.keys.pick(&answer_text, &known, KEY_SENTENCE_CHARS),
                    None => String::new(),
                },
                answer_text,
            }
        })
        .collect();
    let source_file = doc
        .path
        .file_name()
        .map(|n| crate::text::escape_controls(&n.to_string_lossy()).into_owned())
        .unwrap_or_default();
    StateModel {
        slug: slugify(&doc.state.name),
        name: doc.state.name,
        code: doc.state.code,
        title: doc.title,
        category: doc.category,
        updated: doc.updated,
        sources: doc.sources,
        source_file,
        tile: doc.state.tile,
        intro_html: doc.intro.as_ref().map(|a| html::answer_html(a, md)),
        by_topic: by_topic(&questions, topics.ids.len()),
        questions,
        indicators: Vec::new(),
    }
}

/// `base`, or `base-2`, `base-3`… whichever is not yet in `used`.
fn unique(base: String, used: &mut BTreeSet<String>) -> String {
    let mut candidate = base.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}
