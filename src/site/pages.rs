//! The guide -> the site-wide lists and the views of the state, question and topic pages,
//! borrowed from the guide (`kinds.rs` picks the view for each page). Only the pages that list every state (index, topics, matrix, print) grow with the
//! number of states; a question page shows a bounded window of other states.

use std::borrow::Cow;

use super::headings::shift_headings;
use super::views::*;
use super::{QuestionId, SiteModel, TopicId};
use crate::indicators::mark;
use crate::model::{StateModel, TopicModel};

/// On a question page, list every other state answering the same topic up to this many;
/// beyond it, show a window of neighbours and link to the topic page, so that the page
/// stays the same size however many states there are.
pub const OTHER_STATES_LIMIT: usize = 60;
/// How many neighbouring states the window shows.
pub const OTHER_STATES_WINDOW: usize = 10;

impl<'a> SiteModel<'a> {
    /// The site-wide data for Tera's global context.
    pub fn global(&self) -> GlobalView<'_> {
        let guide = self.guide;
        let mut extra_pages: Vec<ExtraLink> = guide
            .pages
            .iter()
            .map(|p| ExtraLink {
                slug: &p.slug,
                title: &p.title,
            })
            .collect();
        // Guide order already follows weight; keep it, only making it explicit and stable.
        let weight = |slug: &str| {
            guide
                .pages
                .iter()
                .find(|p| p.slug == slug)
                .map(|p| p.weight)
        };
        extra_pages.sort_by(|a, b| {
            weight(a.slug)
                .cmp(&weight(b.slug))
                .then(a.title.cmp(b.title))
        });
        GlobalView {
            site: SiteView {
                title: &guide.site.title,
                description: &guide.site.description,
                language: &guide.site.language,
                publisher: &guide.site.publisher,
                source_note: guide.site.source_note.as_deref(),
                base_url: self.base_url.as_deref(),
                has_highlight: guide.highlight_css.is_some(),
                about: guide
                    .pages
                    .iter()
                    .find(|p| p.slug == "about")
                    .map(|p| p.slug.as_str()),
                state_count: guide.states.len(),
                question_count: guide.states.iter().map(|s| s.questions.len()).sum(),
                topic_count: guide.topics.len(),
                answered_topic_count: guide
                    .topics
                    .iter()
                    .filter(|t| !t.answers.is_empty())
                    .count(),
            },
            states: guide.states.iter().map(state_link).collect(),
            topics: guide.topics.iter().map(topic_link).collect(),
            extra_pages,
        }
    }

    pub(super) fn state_view<'s>(&'s self, state: &'s StateModel) -> StateView<'s> {
        let topics = &self.guide.topics;
        StateView {
            header: state_header(state),
            intro_html: state.intro_html.as_deref(),
            questions: state
                .questions
                .iter()
                .map(|q| StateQuestion {
                    number: q.number,
                    text: &q.text,
                    slug: &q.slug,
                    anchor: &q.anchor,
                    answer_html: Cow::Borrowed(&q.answer_html),
                    topic: q.topic.map(|t| topic_link(&topics[t])),
                })
                .collect(),
            glance: self.glance(state),
        }
    }

    pub(super) fn question_view(&self, id: QuestionId) -> QuestionView<'_> {
        let guide = self.guide;
        let (state, question) = id.of(guide);
        let (s, q) = (id.state.0, id.question);
        let question_ref = |i: usize| {
            let other = &state.questions[i];
            QuestionRef {
                number: other.number,
                text: &other.text,
                slug: &other.slug,
            }
        };
        let topic = question.topic.map(|t| &guide.topics[t]);
        let (others, others_total) = match topic {
            Some(topic) => other_answers(guide, topic, s),
            None => (Vec::new(), 0),
        };
        QuestionView {
            state: state_ref(state),
            number: question.number,
            text: &question.text,
            slug: &question.slug,
            anchor: &question.anchor,
            // The question is the page's h1, so the answer's own headings start at h2.
            answer_html: mark_evidence(state, q, shift_headings(&question.answer_html, -1)),
            topic: topic.map(topic_link),
            updated: state.updated.as_deref(),
            sources: &state.sources,
            position: q + 1,
            count: state.questions.len(),
            prev: q.checked_sub(1).map(question_ref),
            next: (q + 1 < state.questions.len()).then(|| question_ref(q + 1)),
            others_complete: others.len() == others_total,
            others,
            others_total,
        }
    }

    pub(super) fn topic_view(&self, id: TopicId) -> TopicView<'_> {
        let guide = self.guide;
        let topic = id.of(guide);
        let t = id.0;
        TopicView {
            id: &topic.id,
            label: &topic.label,
            title: &topic.title,
            answers: topic
                .answers
                .iter()
                .map(|a| {
                    let (state, q) = a.of(guide);
                    TopicAnswer {
                        state_name: &state.name,
                        state_slug: &state.slug,
                        number: q.number,
                        question_text: &q.text,
                        question_slug: &q.slug,
                        answer_html: &q.answer_html,
                        updated: state.updated.as_deref(),
                    }
                })
                .collect(),
            missing: guide
                .states
                .iter()
                .filter(|s| s.by_topic.get(t).copied().flatten().is_none())
                .map(state_ref)
                .collect(),
            glance: self.topic_glance(t),
        }
    }
}

/// The answer of question `q` with every evidence sentence from it marked, so that the
/// state page's links land on them. A sentence that cannot be found (Markdown whose text
/// reads differently) still gets its anchor, at the top of the answer.
fn mark_evidence<'s>(state: &StateModel, q: usize, html: Cow<'s, str>) -> Cow<'s, str> {
    let mut html = html;
    let mut done: Vec<&str> = Vec::new();
    for e in state.indicators.iter().filter_map(|c| c.evidence.as_ref()) {
        if e.question != q || done.contains(&e.anchor.as_str()) {
            continue;
        }
        done.push(&e.anchor);
        html = Cow::Owned(
            mark::mark_sentence(&html, &e.sentence, &e.anchor)
                .unwrap_or_else(|| format!("<span id=\"{}\"></span>{html}", e.anchor)),
        );
    }
    html
}

/// Where the print page's frame wants the states' sections.
pub const PRINT_SECTIONS: &str = "<!--stateside:print-sections-->";

/// The other states' answers on `topic` to show on state `s`'s question page, and how many
/// there are in all. Every one when there are few; otherwise the states nearest to `s` in
/// the guide's (alphabetical) order, so the page does not grow with the number of states.
fn other_answers<'s>(
    guide: &'s crate::model::Guide,
    topic: &'s TopicModel,
    s: usize,
) -> (Vec<OtherAnswer<'s>>, usize) {
    let answers = &topic.answers;
    let own = answers.binary_search_by_key(&s, |a| a.state.0);
    let total = answers.len() - usize::from(own.is_ok());
    let window = if total <= OTHER_STATES_LIMIT {
        0..answers.len()
    } else {
        // `pos` is where state `s` is (or would be) in the answer list.
        let pos = own.unwrap_or_else(|insert_at| insert_at);
        let half = OTHER_STATES_WINDOW / 2;
        let span = OTHER_STATES_WINDOW + usize::from(own.is_ok());
        let start = pos.saturating_sub(half).min(answers.len() - span);
        start..start + span
    };
    let others = answers[window]
        .iter()
        .filter(|a| a.state.0 != s)
        .map(|a| {
            let (state, q) = a.of(guide);
            OtherAnswer {
                state_name: &state.name,
                state_slug: &state.slug,
                question_slug: &q.slug,
            }
        })
        .collect();
    (others, total)
}

fn state_link(state: &StateModel) -> StateLink<'_> {
    StateLink {
        name: &state.name,
        code: &state.code,
        slug: &state.slug,
        title: &state.title,
        category: state.category.as_deref(),
        question_count: state.questions.len(),
    }
}

pub(super) fn state_header(state: &StateModel) -> StateHeader<'_> {
    StateHeader {
        name: &state.name,
        code: &state.code,
        slug: &state.slug,
        title: &state.title,
        category: state.category.as_deref(),
        updated: state.updated.as_deref(),
        sources: &state.sources,
        source_file: &state.source_file,
    }
}

/// `state`'s row of a comparison table, with its cells.
pub(super) fn state_row<Cell>(state: &StateModel, cells: Vec<Cell>) -> StateRow<'_, Cell> {
    StateRow {
        name: &state.name,
        code: &state.code,
        slug: &state.slug,
        cells,
    }
}

fn state_ref(state: &StateModel) -> StateRef<'_> {
    StateRef {
        name: &state.name,
        slug: &state.slug,
        title: &state.title,
    }
}

pub(super) fn topic_link(topic: &TopicModel) -> TopicLink<'_> {
    TopicLink {
        id: &topic.id,
        label: &topic.label,
        title: &topic.title,
        answer_count: topic.answers.len(),
    }
}
