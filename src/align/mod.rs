//! All state documents + the topic list -> which question of each state answers which topic.
//!
//! The method (explained for readers on the Methodology page):
//! 1. Every question and answer becomes a bag of word stems, without stop words, the
//!    series' ignored words (agencies, the subject) and place names; synonyms count as one.
//! 2. First pass: each question is scored against each topic's hints: how much of the
//!    question's (rarity-weighted) wording the hints cover, plus a smaller share for how
//!    strongly the answer uses them.
//! 3. Within each state, questions and topics are paired best match first (one-to-one).
//! 4. Joint learning: for each topic, the wording of the questions and answers matched
//!    with a clear margin in every state becomes part of the topic; every state is then
//!    scored again against what was learned from the *other* questions, and re-paired.
//! 5. Pins from editors always win; questions below `min_score` stay unaligned.

mod assign;
mod learn;
mod pins;
mod report;
mod score;
mod terms;

use rayon::prelude::*;

use crate::config::TopicsConfig;
use crate::doc::StateDoc;

use assign::assign_all;
use learn::{Learned, Vectors};
pub use pins::check_pins;
use pins::pins_by_question;
pub use report::{diagnostics, table};
use score::{a_vector, q_vector, HintIndex};
use terms::{Analyzer, Hint, Idf, QuestionFeatures, StemCache};

/// A question's topic and how sure the matcher is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// Index into the topic list.
    pub topic: usize,
    /// Match score (1.0 for a pin).
    pub score: f32,
    pub pinned: bool,
}

/// For every document (same order as given), for every question, its match if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub docs: Vec<Vec<Option<Match>>>,
}

/// Answers are long; their opening words restate the topic, so only this many content
/// words of each answer are used (it also keeps matching linear in the corpus size).
pub(super) const ANSWER_WORDS: usize = 250;
/// Weight of the similarity to what a topic learned, added to the hint score.
const LEARNED_WEIGHT: f32 = 0.5;
/// How many times the learned pass is repeated.
const LEARNING_ROUNDS: usize = 2;
/// A first-pass match counts as confident (and teaches its topic) when its score beats
/// the question's next-best topic by this factor.
pub(super) const CONFIDENT_RATIO: f32 = 1.25;

/// Aligns every question of every document with at most one topic, one-to-one within a state.
pub fn align(docs: &[StateDoc], topics: &TopicsConfig) -> Alignment {
    let analyzer = Analyzer::new(topics);
    let pins = pins_by_question(docs, topics);
    // Each job keeps a cache of stemmed words; jobs of at least 16 states let the cache
    // pay off (the stemmer is the costly part, and a small site would otherwise stem the
    // same words again in every job).
    let questions: Vec<QuestionFeatures> = docs
        .par_iter()
        .with_min_len(16)
        .flat_map_iter(|d| d.questions.iter().map(move |q| (d, q)))
        .map_init(StemCache::default, |cache, (d, q)| {
            analyzer.question_features(cache, &d.state.name, &q.text, &q.answer)
        })
        .collect();
    let hints: Vec<Hint> = topics
        .topics
        .iter()
        .map(|t| analyzer.hint(&t.hints, &t.title, &t.label))
        .collect();
    let idf = Idf::new(&questions);

    // Offsets of each document's questions in `questions`.
    let mut offsets = Vec::with_capacity(docs.len());
    let mut at = 0;
    for d in docs {
        offsets.push(at);
        at += d.questions.len();
    }
    let min_score = topics.matching.min_score;

    // Hint scores do not change between rounds: computed once, all topics per question.
    let index = HintIndex::new(&hints);
    // The features are consumed here, each freed as soon as its scores and vectors exist,
    // so the two never take memory side by side.
    let count = questions.len();
    let (hint_scores, vectors): (Vec<Vec<f32>>, Vec<Vectors>) = questions
        .into_par_iter()
        .map(|q| {
            let scores = index.scores(&q, &idf);
            (scores, (q_vector(&q, &idf), a_vector(&q, &idf)))
        })
        .unzip();
    let mut scores = hint_scores.clone();
    let mut assigned = assign_all(docs, &offsets, &scores, &pins, min_score);
    for _ in 0..LEARNING_ROUNDS {
        let learned = Learned::from(&vectors, &scores, &assigned, hints.len());
        scores = (0..count)
            .into_par_iter()
            .map(|qi| {
                let own = assigned[qi]
                    .filter(|m| learned.is_teacher(qi, m.topic))
                    .map(|m| m.topic);
                let sims = learned.similarities(&vectors[qi], own);
                // What was learned only ever adds: a topic no question taught yet is
                // not at a disadvantage.
                hint_scores[qi]
                    .iter()
                    .zip(sims)
                    .map(|(h, s)| h + LEARNED_WEIGHT * s)
                    .collect()
            })
            .collect();
        assigned = assign_all(docs, &offsets, &scores, &pins, min_score);
    }

    Alignment {
        docs: docs
            .iter()
            .zip(&offsets)
            .map(|(d, &o)| assigned[o..o + d.questions.len()].to_vec())
            .collect(),
    }
}

#[cfg(test)]
mod tests;
