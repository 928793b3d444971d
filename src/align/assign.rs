//! Scores of every question for every topic -> one topic per question and at most one
//! question per topic within each state, chosen to maximise the state's total score
//! (the Hungarian method), pins first.

use std::collections::HashMap;
use std::ops::Range;

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use rayon::prelude::*;

/// Below this score a question has no evidence for any topic and stays unaligned.
pub(super) const NO_EVIDENCE: f32 = 0.02;

/// Scores become integers for the assignment; this keeps six decimals.
const SCALE: f32 = 1e6;

/// For every question (global index), its topic. `states` are the ranges of each state's
/// questions; `pins` fix a question's topic.
pub(super) fn assign_all(
    states: &[Range<usize>],
    scores: &[Vec<f32>],
    pins: &HashMap<usize, usize>,
    topics: usize,
) -> Vec<Option<usize>> {
    let per_state: Vec<Vec<Option<usize>>> = states
        .par_iter()
        .map(|r| assign_state(r.clone(), scores, pins, topics))
        .collect();
    per_state.into_iter().flatten().collect()
}

fn assign_state(
    range: Range<usize>,
    scores: &[Vec<f32>],
    pins: &HashMap<usize, usize>,
    topics: usize,
) -> Vec<Option<usize>> {
    let mut out = vec![None; range.len()];
    let mut taken = vec![false; topics];
    for (slot, qi) in out.iter_mut().zip(range.clone()) {
        if let Some(&t) = pins.get(&qi) {
            // A second pin of the same topic in one state loses; check reports it.
            if !taken[t] {
                taken[t] = true;
                *slot = Some(t);
            }
        }
    }
    // A question whose pin lost to another question's (same topic) is matched as usual.
    let free_q: Vec<usize> = range
        .clone()
        .filter(|&qi| out[qi - range.start].is_none())
        .collect();
    let free_t: Vec<usize> = (0..topics).filter(|&t| !taken[t]).collect();
    if free_q.is_empty() || free_t.is_empty() {
        return out;
    }
    let score = |qi: usize, t: usize| scores[qi][t];
    // When every question's best free topic is a different one, that is the optimum.
    let best: Vec<usize> = free_q
        .iter()
        .map(|&qi| {
            let mut b = free_t[0];
            for &t in &free_t {
                if score(qi, t) > score(qi, b) {
                    b = t;
                }
            }
            b
        })
        .collect();
    let mut seen = vec![false; topics];
    let distinct = best.iter().all(|&t| !std::mem::replace(&mut seen[t], true));
    let chosen: Vec<Option<usize>> = if distinct {
        best.into_iter().map(Some).collect()
    } else {
        optimal(&free_q, &free_t, score)
    };
    for (&qi, t) in free_q.iter().zip(chosen) {
        out[qi - range.start] = t.filter(|&t| score(qi, t) >= NO_EVIDENCE);
    }
    out
}

/// The one-to-one pairing of `questions` with `topics` of the largest total score.
fn optimal(
    questions: &[usize],
    topics: &[usize],
    score: impl Fn(usize, usize) -> f32,
) -> Vec<Option<usize>> {
    let weight = |qi: usize, t: usize| (score(qi, t).max(0.0) * SCALE).round() as i64;
    // The method wants no more rows than columns.
    if questions.len() <= topics.len() {
        let m = Matrix::from_fn(questions.len(), topics.len(), |(r, c)| {
            weight(questions[r], topics[c])
        });
        let (_, cols) = kuhn_munkres(&m);
        cols.into_iter().map(|c| Some(topics[c])).collect()
    } else {
        let m = Matrix::from_fn(topics.len(), questions.len(), |(r, c)| {
            weight(questions[c], topics[r])
        });
        let (_, cols) = kuhn_munkres(&m);
        let mut out = vec![None; questions.len()];
        for (r, c) in cols.into_iter().enumerate() {
            out[c] = Some(topics[r]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One state of `questions` questions.
    fn one_state(questions: usize) -> Vec<Range<usize>> {
        std::iter::once(0..questions).collect()
    }

    #[test]
    fn the_pairing_with_the_best_total_wins_over_best_first() {
        // Best first would give question 0 topic 0 (0.9) and leave question 1 with 0.1.
        let scores = vec![vec![0.9, 0.8], vec![0.85, 0.1]];
        let got = assign_all(&one_state(2), &scores, &HashMap::new(), 2);
        assert_eq!(got, vec![Some(1), Some(0)]);
    }

    #[test]
    fn weak_evidence_still_gets_a_free_topic_and_none_at_all_stays_unaligned() {
        let scores = vec![vec![0.6, 0.0, 0.0], vec![0.0, 0.05, 0.0], vec![0.0; 3]];
        let got = assign_all(&one_state(3), &scores, &HashMap::new(), 3);
        assert_eq!(got, vec![Some(0), Some(1), None]);
    }

    #[test]
    fn more_questions_than_topics_and_pins_first() {
        let scores = vec![vec![0.9, 0.2], vec![0.8, 0.3], vec![0.7, 0.6]];
        let pins = HashMap::from([(1, 0)]);
        let got = assign_all(&one_state(3), &scores, &pins, 2);
        assert_eq!(got, vec![None, Some(0), Some(1)]);
    }
}
