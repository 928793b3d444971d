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
//! 5. Pins from editors always win.

mod assign;
pub mod discover;
mod learn;
mod pins;
mod report;
mod score;
mod terms;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::TopicsConfig;
use crate::doc::StateDoc;
use crate::jurisdiction::Jurisdictions;

use assign::assign_all;
use learn::{Learned, Vectors};
pub use pins::check_pins;
use pins::pins_by_question;
pub use report::{compare, diagnostics, draft_toml, proposals, review};
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
    /// The topic that scored best after this one, if any scored at all.
    pub runner_up: Option<usize>,
    /// How clearly the topic beat the runner-up: 0 (a toss-up, or the runner-up scored
    /// higher but was taken by another question of the state) to 1 (nothing else came close).
    pub confidence: f32,
}

/// One document's result: the file it came from and, for each of its questions (in the
/// document's order), its match if any.
#[derive(Debug, Clone, PartialEq)]
pub struct DocAlignment {
    /// The document's path ([`StateDoc::path`]): one file, one document.
    pub path: PathBuf,
    pub matches: Vec<Option<Match>>,
}

/// Every document's matches, each keyed by its document's path, so a user looks a
/// document's matches up with [`Alignment::of`] instead of relying on the order.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// In the order the documents were given (the learning is joint over all of them).
    pub docs: Vec<DocAlignment>,
    /// Rounds of learning run until no question changed topic (at most the cap).
    pub rounds: usize,
    /// Position in `docs` by path (the first, should two documents share a path).
    by_path: HashMap<PathBuf, usize>,
}

impl Alignment {
    fn new(docs: Vec<DocAlignment>, rounds: usize) -> Alignment {
        let mut by_path = HashMap::with_capacity(docs.len());
        for (i, d) in docs.iter().enumerate() {
            by_path.entry(d.path.clone()).or_insert(i);
        }
        Alignment {
            docs,
            rounds,
            by_path,
        }
    }

    /// The matches of `doc`'s questions, one per question (none matched for a document
    /// that was not aligned).
    pub fn of(&self, doc: &StateDoc) -> &[Option<Match>] {
        self.by_path
            .get(&doc.path)
            .map_or(&[], |&i| &self.docs[i].matches)
    }
}

/// Content words of each answer used at most (whole answers, but a pasted book cannot
/// make matching slow).
pub(super) const ANSWER_WORDS: usize = 2000;
/// Terms of each answer compared (see [`score::a_vector`]).
pub(super) const ANSWER_TERMS: usize = 64;
/// The learned score: similarity with what the other states taught a topic, the whole
/// answer weighing more than the question (answers restate their topic in many words).
const QUESTION_WEIGHT: f32 = 0.3;
const ANSWER_WEIGHT: f32 = 0.7;
/// The hints' weight after the first round is `HINT_WEIGHT * HINT_FADE / (HINT_FADE + n)`
/// for a topic that `n` other states teach: with two states the hints still count nearly
/// as much as what one other state teaches; with fifty they only break ties.
const HINT_WEIGHT: f32 = 1.2;
const HINT_FADE: f32 = 3.0;
/// Learning stops when no question changes topic, or after this many rounds.
const MAX_ROUNDS: usize = 15;

/// Aligns every question of every document with at most one topic, one-to-one within a
/// state. `places` are every place a state file may be about, the extra ones of site.toml
/// too (their names are not what a question asks; pins may name them).
pub fn align(docs: &[StateDoc], topics: &TopicsConfig, places: &Jurisdictions) -> Alignment {
    let analyzer = Analyzer::new(topics, places);
    let pins = pins_by_question(docs, topics, places);
    let (features, states) = features(&analyzer, docs);
    let hints: Vec<Hint> = topics
        .topics
        .iter()
        .map(|t| analyzer.hint(&t.hints, &t.title, &t.label))
        .collect();
    let idf = Idf::new(&features);
    let index = HintIndex::new(&hints);
    // The features are consumed here, each freed as soon as its scores and vectors exist,
    // so the two never take memory side by side.
    let (hint_scores, vectors): (Vec<Vec<f32>>, Vec<Vectors>) = features
        .into_par_iter()
        .map(|q| {
            (
                index.scores(&q, &idf),
                (q_vector(&q, &idf), a_vector(&q, &idf)),
            )
        })
        .unzip();
    let (assigned, scores, rounds) =
        learn(&states, &vectors, &hint_scores, &pins, hints.len(), true);
    let aligned = docs
        .iter()
        .zip(&states)
        .map(|(d, r)| DocAlignment {
            path: d.path.clone(),
            matches: r
                .clone()
                .map(|qi| {
                    assigned[qi].map(|t| {
                        let pinned = pins.get(&qi) == Some(&t);
                        matched(t, &scores[qi], pinned)
                    })
                })
                .collect(),
        })
        .collect();
    Alignment::new(aligned, rounds)
}

/// Every question's features, in document order, and the range of each document's questions.
fn features(analyzer: &Analyzer, docs: &[StateDoc]) -> (Vec<QuestionFeatures>, Vec<Range<usize>>) {
    // Each job keeps a cache of stemmed words; jobs of at least 16 states let the cache
    // pay off (the stemmer is the costly part, and a small site would otherwise stem the
    // same words again in every job).
    let features: Vec<QuestionFeatures> = docs
        .par_iter()
        .with_min_len(16)
        .flat_map_iter(|d| d.questions.iter().map(move |q| (d, q)))
        .map_init(StemCache::default, |cache, (d, q)| {
            analyzer.question_features(cache, &d.state.name, &q.text, &q.answer)
        })
        .collect();
    let mut states = Vec::with_capacity(docs.len());
    let mut at = 0;
    for d in docs {
        states.push(at..at + d.questions.len());
        at += d.questions.len();
    }
    (features, states)
}

/// The joint learning: the hints seed a first assignment; then, round after round, every
/// topic learns the wording of the questions assigned to it, every question is scored
/// against what the *other* questions taught, and each state is assigned again, until no
/// question changes topic. Returns each question's topic, its final scores and the rounds run.
pub(super) fn learn(
    states: &[Range<usize>],
    vectors: &[Vectors],
    seed: &[Vec<f32>],
    pins: &HashMap<usize, usize>,
    topics: usize,
    hints: bool,
) -> (Vec<Option<usize>>, Vec<Vec<f32>>, usize) {
    // Without hints (topics found from the corpus) the seed is only the first assignment.
    let keep_seed = if hints { 1.0 } else { 0.0 };
    let mut scores = seed.to_vec();
    let mut assigned = assign_all(states, &scores, pins, topics);
    let mut rounds = 0;
    while rounds < MAX_ROUNDS {
        rounds += 1;
        let learned = Learned::from(vectors, &assigned, topics);
        let per_state: Vec<Vec<Vec<f32>>> = states
            .par_iter()
            .map(|r| {
                let sims = learned.state_similarities(r.clone(), vectors, &assigned);
                r.clone()
                    .zip(sims)
                    .map(|(qi, sim)| {
                        (0..topics)
                            .map(|t| {
                                // A topic no other state answers has nothing to learn
                                // from: its hints stand in for what it would learn.
                                let others = sim.others[t];
                                let learned = if others > 0 {
                                    QUESTION_WEIGHT * sim.question[t]
                                        + ANSWER_WEIGHT * sim.answer[t]
                                } else {
                                    // Nothing to learn from: the hints stand in.
                                    keep_seed * seed[qi][t]
                                };
                                // The more states teach a topic, the less its hints count.
                                let hint = HINT_WEIGHT * HINT_FADE / (HINT_FADE + others as f32);
                                keep_seed * hint * seed[qi][t] + learned
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        scores = per_state.into_iter().flatten().collect();
        let next = assign_all(states, &scores, pins, topics);
        if next == assigned {
            break;
        }
        assigned = next;
    }
    (assigned, scores, rounds)
}

/// A question's match on topic `t`, with the runner-up and the margin over it.
fn matched(t: usize, scores: &[f32], pinned: bool) -> Match {
    let runner_up = (0..scores.len())
        .filter(|&o| o != t && scores[o] > 0.0)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)));
    let score = scores[t];
    let confidence = match runner_up {
        _ if pinned => 1.0,
        None => 1.0,
        Some(r) if score > 0.0 => ((score - scores[r]) / score).clamp(0.0, 1.0),
        Some(_) => 0.0,
    };
    Match {
        topic: t,
        score: if pinned { 1.0 } else { score },
        pinned,
        runner_up,
        confidence,
    }
}
