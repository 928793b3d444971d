//! All state documents, no hints -> proposed topics: groups of questions, at most one per
//! state, that the states' questions and answers have in common, each with an id, a label,
//! a title (its most central question) and a confidence.
//!
//! The states are read one after the other, starting with the one with the most questions:
//! each question joins the group it is most like (one question per group and state, the
//! Hungarian method again) or starts a group of its own when nothing is like it. The joint
//! learning of [`super::learn`] then runs without hints until no question moves, and groups
//! that too few states share are left out.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use super::assign::assign_all;
use super::learn::Vectors;
use super::score::{a_vector, q_vector};
use super::terms::{for_each_word, Analyzer, Idf, Term, TermMap};
use super::{features, learn, ANSWER_WEIGHT, QUESTION_WEIGHT};
use crate::config::{MatchingConfig, Topic, TopicsConfig};
use crate::doc::StateDoc;
use crate::jurisdiction::Jurisdictions;
use crate::text::slugify;

/// A question less like every group than this starts a group of its own.
const NEW_GROUP: f32 = 0.15;

/// Topics found in the corpus.
#[derive(Debug, Clone)]
pub struct Discovered {
    pub topics: Vec<Proposal>,
    /// Questions in no proposed topic, as (document index, question index).
    pub left_over: Vec<(usize, usize)>,
}

/// One proposed topic.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub id: String,
    pub label: String,
    /// The most central question, with its state's name replaced by "the state".
    pub title: String,
    /// The words its questions share most, as hints for topics.toml.
    pub hints: Vec<String>,
    /// Its questions, as (document index, question index), in document order.
    pub members: Vec<(usize, usize)>,
    /// How alike its questions are, 0 to 1 (their mean similarity with the rest).
    pub confidence: f32,
}

/// Proposes topics for `docs`; `matching` (ignored words, synonyms) may come from an
/// existing topics.toml, whose topics and hints are not used.
/// `places` are every place a state file may be about, the extra ones of site.toml too.
pub fn discover(
    docs: &[StateDoc],
    matching: &MatchingConfig,
    places: &Jurisdictions,
) -> Discovered {
    let config = TopicsConfig {
        matching: matching.clone(),
        topics: Vec::new(),
        pins: Vec::new(),
    };
    let analyzer = Analyzer::new(&config, places);
    let (features, states) = features(&analyzer, docs);
    let idf = Idf::new(&features);
    let vectors: Vec<Vectors> = features
        .par_iter()
        .map(|q| (q_vector(q, &idf), a_vector(q, &idf)))
        .collect();
    let min_states = (docs.len() / 10).max(2);

    // The first grouping, state by state, largest state first.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&d| std::cmp::Reverse(docs[d].questions.len()));
    let mut groups: Vec<Group> = Vec::new();
    let mut first: Vec<Option<usize>> = vec![None; vectors.len()];
    for &d in &order {
        let range = states[d].clone();
        let scores: Vec<Vec<f32>> = range
            .clone()
            .map(|qi| groups.iter().map(|g| g.similarity(&vectors[qi])).collect())
            .collect();
        // One state, so its questions are numbered from 0 here.
        let local: Vec<Range<usize>> = std::iter::once(0..range.len()).collect();
        let chosen = assign_all(&local, &scores, &HashMap::new(), groups.len());
        for (i, qi) in range.enumerate() {
            let g = match chosen[i] {
                Some(g) if scores[i][g] >= NEW_GROUP => g,
                _ => {
                    groups.push(Group::default());
                    groups.len() - 1
                }
            };
            groups[g].add(&vectors[qi]);
            first[qi] = Some(g);
        }
    }

    // Then the joint learning, without hints, from that grouping.
    let seed: Vec<Vec<f32>> = first
        .iter()
        .map(|g| {
            let mut row = vec![0.0; groups.len()];
            if let Some(g) = g {
                row[*g] = 1.0;
            }
            row
        })
        .collect();
    let (assigned, scores, _) = learn(
        &states,
        &vectors,
        &seed,
        &HashMap::new(),
        groups.len(),
        false,
    );

    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (qi, g) in assigned.iter().enumerate() {
        if let Some(g) = g {
            members[*g].push(qi);
        }
    }
    let doc_of = |qi: usize| {
        let d = states.partition_point(|r| r.end <= qi);
        (d, qi - states[d].start)
    };
    let mut kept: Vec<Proposal> = Vec::new();
    let mut placed = vec![false; vectors.len()];
    let mut used_ids = HashSet::new();
    // Largest groups first: the topics most states answer.
    let mut by_size: Vec<usize> = (0..groups.len()).collect();
    by_size.sort_by_key(|&g| {
        (
            std::cmp::Reverse(members[g].len()),
            members[g].first().copied(),
        )
    });
    for g in by_size {
        let qs = &members[g];
        if qs.len() < min_states {
            continue;
        }
        let central = *qs
            .iter()
            .max_by(|&&a, &&b| scores[a][g].total_cmp(&scores[b][g]).then(b.cmp(&a)))
            .expect("a kept group has questions");
        let words = shared_words(&analyzer, docs, qs, &vectors, &doc_of);
        let (cd, cq) = doc_of(central);
        let central_text = docs[cd].questions[cq].text.to_lowercase();
        // The two most shared words, in the order the central question says them.
        let mut label_words: Vec<&str> = words.iter().take(2).map(String::as_str).collect();
        label_words.sort_by_key(|w| central_text.find(*w).unwrap_or(usize::MAX));
        let mut id = slugify(&label_words.join(" "));
        if id.is_empty() || !crate::config::is_valid_id(&id) {
            id = format!("topic-{}", kept.len() + 1);
        }
        let mut unique = id.clone();
        let mut n = 2;
        while !used_ids.insert(unique.clone()) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        let (d, q) = doc_of(central);
        let mut label = label_words.join(" ");
        if let Some(c) = label.get(..1) {
            label = c.to_uppercase() + &label[1..];
        }
        let confidence = qs.iter().map(|&qi| scores[qi][g]).sum::<f32>() / qs.len() as f32;
        for &qi in qs {
            placed[qi] = true;
        }
        kept.push(Proposal {
            id: unique,
            label,
            title: general_title(&docs[d].questions[q].text, &docs[d].state.name),
            hints: words.into_iter().take(6).collect(),
            members: qs.iter().map(|&qi| doc_of(qi)).collect(),
            confidence: confidence.clamp(0.0, 1.0),
        });
    }
    Discovered {
        topics: kept,
        left_over: (0..vectors.len())
            .filter(|&qi| !placed[qi])
            .map(doc_of)
            .collect(),
    }
}

/// The proposals as a topics configuration (for a project without topics.toml).
pub fn as_config(found: &Discovered, matching: &MatchingConfig) -> TopicsConfig {
    TopicsConfig {
        matching: matching.clone(),
        topics: found
            .topics
            .iter()
            .map(|p| Topic {
                id: p.id.clone(),
                label: p.label.clone(),
                title: p.title.clone(),
                hints: p.hints.clone(),
            })
            .collect(),
        pins: Vec::new(),
    }
}

/// A group's summed question and answer vectors while the first grouping is made.
#[derive(Default)]
struct Group {
    q: TermMap<f32>,
    a: TermMap<f32>,
    q2: f32,
    a2: f32,
}

impl Group {
    fn add(&mut self, (qv, av): &Vectors) {
        for &(t, w) in qv {
            let e = self.q.entry(t).or_default();
            self.q2 += 2.0 * *e * w + w * w;
            *e += w;
        }
        for &(t, w) in av {
            let e = self.a.entry(t).or_default();
            self.a2 += 2.0 * *e * w + w * w;
            *e += w;
        }
    }

    fn similarity(&self, (qv, av): &Vectors) -> f32 {
        let cos = |v: &[(Term, f32)], sum: &TermMap<f32>, n2: f32| {
            if n2 <= 1e-9 {
                return 0.0;
            }
            let d: f32 = v
                .iter()
                .map(|(t, w)| w * sum.get(t).copied().unwrap_or(0.0))
                .sum();
            (d / n2.sqrt()).max(0.0)
        };
        QUESTION_WEIGHT * cos(qv, &self.q, self.q2) + ANSWER_WEIGHT * cos(av, &self.a, self.a2)
    }
}

/// The words of a group's questions, most shared first: each word's weight in the group's
/// summed question vector, written as the questions most often write it.
fn shared_words(
    analyzer: &Analyzer,
    docs: &[StateDoc],
    members: &[usize],
    vectors: &[Vectors],
    doc_of: &dyn Fn(usize) -> (usize, usize),
) -> Vec<String> {
    let mut weight: TermMap<f32> = TermMap::default();
    for &qi in members {
        for &(t, w) in &vectors[qi].0 {
            *weight.entry(t).or_default() += w;
        }
    }
    // Surface forms by term, counted, in a sorted map so ties break the same way always.
    let mut spelled: TermMap<BTreeMap<String, usize>> = TermMap::default();
    for &qi in members {
        let (d, q) = doc_of(qi);
        let own: Vec<String> = super::terms::words(&docs[d].state.name);
        for_each_word(&docs[d].questions[q].text, |w| {
            if !own.iter().any(|o| o == w) && w.chars().any(char::is_alphabetic) {
                if let Some(t) = analyzer.word_term(w) {
                    if t != super::terms::PLACE {
                        *spelled
                            .entry(t)
                            .or_default()
                            .entry(w.to_owned())
                            .or_default() += 1;
                    }
                }
            }
            true
        });
    }
    let mut ranked: Vec<(f32, String)> = spelled
        .into_iter()
        .filter_map(|(t, forms)| {
            let w = *weight.get(&t)?;
            let word = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?
                .0;
            Some((w, word))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, w)| w).collect()
}

/// A state's question as a topic title: the state's name becomes "the state".
fn general_title(question: &str, state: &str) -> String {
    let mut out = question.to_string();
    for (form, general) in [
        (format!("the State of {state}"), "the state"),
        (format!("the {state} state"), "the state"),
        (format!("the {state}"), "the state"),
        (format!("{state}’s"), "the state’s"),
        (format!("{state}'s"), "the state's"),
        (state.to_string(), "the state"),
    ] {
        out = out.replace(&form, general);
    }
    out
}
