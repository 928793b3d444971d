//! Questions matched so far -> what each topic learned from them, and every question's similarity to that.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use super::terms::{Term, TermMap};
use super::{Match, CONFIDENT_RATIO};
/// What each topic learned from the questions matched to it with confidence: the sums of
/// their unit-length question and answer vectors, by term.
pub(super) struct Learned {
    pub(super) q_sum: Dense,
    pub(super) a_sum: Dense,
    pub(super) q_norm2: Vec<f32>,
    pub(super) a_norm2: Vec<f32>,
    pub(super) count: Vec<usize>,
    /// (question index, topic) pairs that taught.
    pub(super) teachers: HashSet<(usize, usize)>,
}

pub(super) type Vectors = (Vec<(Term, f32)>, Vec<(Term, f32)>);

impl Learned {
    pub(super) fn from(
        vectors: &[Vectors],
        scores: &[Vec<f32>],
        assigned: &[Option<Match>],
        topics: usize,
    ) -> Self {
        let mut count = vec![0; topics];
        let mut teachers = HashSet::new();
        // Each topic's teachers, in question order.
        let mut taught_by: Vec<Vec<usize>> = vec![Vec::new(); topics];
        for (qi, m) in assigned.iter().enumerate() {
            let Some(m) = m else { continue };
            let best_other = scores[qi]
                .iter()
                .enumerate()
                .filter(|&(t, _)| t != m.topic)
                .map(|(_, &s)| s)
                .fold(0.0f32, f32::max);
            if !(m.pinned || m.score >= CONFIDENT_RATIO * best_other) {
                continue;
            }
            teachers.insert((qi, m.topic));
            count[m.topic] += 1;
            taught_by[m.topic].push(qi);
        }
        // Topics are summed in parallel; within a topic, in question order as always, so
        // the sums do not depend on the number of threads.
        let sums = |pick: fn(&Vectors) -> &[(Term, f32)]| -> Vec<BTreeMap<Term, f32>> {
            taught_by
                .par_iter()
                .map(|questions| {
                    let mut sum = BTreeMap::new();
                    for &qi in questions {
                        for &(t, w) in pick(&vectors[qi]) {
                            *sum.entry(t).or_default() += w;
                        }
                    }
                    sum
                })
                .collect()
        };
        let (q_sum, a_sum) = rayon::join(|| sums(|v| &v.0), || sums(|v| &v.1));
        let norm2 = |sums: &[BTreeMap<Term, f32>]| {
            sums.iter()
                .map(|m| m.values().map(|c| c * c).sum())
                .collect()
        };
        Learned {
            q_norm2: norm2(&q_sum),
            a_norm2: norm2(&a_sum),
            q_sum: Dense::from(q_sum),
            a_sum: Dense::from(a_sum),
            count,
            teachers,
        }
    }

    pub(super) fn is_teacher(&self, qi: usize, topic: usize) -> bool {
        self.teachers.contains(&(qi, topic))
    }

    /// For every topic, the cosine similarity of a question (and its answer) with what the
    /// topic learned from the *other* questions (0 when no other question taught it).
    /// The question's own contribution is left out: |S - v|² = |S|² - 2 S·v + |v|².
    pub(super) fn similarities(&self, (qv, av): &Vectors, own: Option<usize>) -> Vec<f32> {
        let cosines = |v: &[(Term, f32)], sums: &Dense, norm2: &[f32]| {
            let mut dot = vec![0.0f32; norm2.len()];
            for &(term, w) in v {
                if let Some(row) = sums.row(term) {
                    // Topics that never saw the term add w * 0.0 = 0.0: the same sums as
                    // visiting only the topics that did.
                    for (d, &c) in dot.iter_mut().zip(row) {
                        *d += w * c;
                    }
                }
            }
            let v2: f32 = v.iter().map(|x| x.1 * x.1).sum();
            dot.iter()
                .zip(norm2)
                .enumerate()
                .map(|(t, (&d, &n2))| {
                    let (d, n2) = if own == Some(t) {
                        (d - v2, n2 - 2.0 * d + v2)
                    } else {
                        (d, n2)
                    };
                    if n2 > 1e-9 {
                        d / n2.sqrt()
                    } else {
                        0.0
                    }
                })
                .collect::<Vec<f32>>()
        };
        let q = cosines(qv, &self.q_sum, &self.q_norm2);
        let a = cosines(av, &self.a_sum, &self.a_norm2);
        (0..self.count.len())
            .map(|t| {
                let others = self.count[t] - usize::from(own == Some(t));
                if others == 0 {
                    0.0
                } else {
                    0.6 * q[t] + 0.4 * a[t]
                }
            })
            .collect()
    }
}

/// Per-topic sums by term, one dense row of `topics` values per term.
pub(super) struct Dense {
    pub(super) rows: TermMap<usize>,
    pub(super) values: Vec<f32>,
    pub(super) topics: usize,
}

impl Dense {
    pub(super) fn from(sums: Vec<BTreeMap<Term, f32>>) -> Self {
        let topics = sums.len();
        let mut rows = TermMap::default();
        let mut values = Vec::new();
        for (topic, m) in sums.into_iter().enumerate() {
            for (t, c) in m {
                let row = *rows.entry(t).or_insert_with(|| {
                    values.resize(values.len() + topics, 0.0);
                    values.len() / topics - 1
                });
                values[row * topics + topic] = c;
            }
        }
        Dense {
            rows,
            values,
            topics,
        }
    }

    pub(super) fn row(&self, term: Term) -> Option<&[f32]> {
        let row = *self.rows.get(&term)?;
        Some(&self.values[row * self.topics..(row + 1) * self.topics])
    }
}
