//! Question features + topic hints -> hint scores, and the unit vectors questions are compared by.

use super::terms::{Hint, Idf, QuestionFeatures, Term, TermMap};
use super::ANSWER_TERMS;
/// Every topic's hint terms, inverted: term -> (topic, weight), so one pass over a
/// question's terms scores all topics.
pub(super) struct HintIndex {
    pub(super) q: TermMap<Vec<(usize, f32)>>,
    pub(super) a: TermMap<Vec<(usize, f32)>>,
    pub(super) topics: usize,
}

impl HintIndex {
    pub(super) fn new(hints: &[Hint]) -> Self {
        let mut q: TermMap<Vec<(usize, f32)>> = TermMap::default();
        let mut a: TermMap<Vec<(usize, f32)>> = TermMap::default();
        for (t, h) in hints.iter().enumerate() {
            for (&term, &w) in &h.q {
                q.entry(term).or_default().push((t, w));
            }
            for (&term, &w) in &h.a {
                a.entry(term).or_default().push((t, w));
            }
        }
        HintIndex {
            q,
            a,
            topics: hints.len(),
        }
    }

    /// Hint score of a question for every topic: the share of the question's rarity-weighted
    /// terms that the topic's hints cover (weight 0.75), plus how much of the answer's
    /// opening the hints cover (0.25).
    pub(super) fn scores(&self, q: &QuestionFeatures, idf: &Idf) -> Vec<f32> {
        let mut covered = vec![0.0f32; self.topics];
        let mut total = 0.0f32;
        for &t in &q.q_set {
            let w = idf.q(t);
            total += w;
            for &(topic, hw) in self.q.get(&t).map_or(&[][..], Vec::as_slice) {
                covered[topic] += hw * w;
            }
        }
        let mut a_cov = vec![0.0f32; self.topics];
        let mut a_total = 0.0f32;
        for &(t, tf) in &q.a_tf {
            let w = tf.sqrt() * idf.a(t);
            a_total += w;
            for &(topic, hw) in self.a.get(&t).map_or(&[][..], Vec::as_slice) {
                a_cov[topic] += hw * w;
            }
        }
        covered
            .iter()
            .zip(&a_cov)
            .map(|(&c, &a)| {
                let q_part = if total > 0.0 {
                    (c / total).min(1.0)
                } else {
                    0.0
                };
                // Answers spread over many subjects; a quarter of the answer on the topic's
                // hints is a lot.
                let a_part = if a_total > 0.0 {
                    (4.0 * a / a_total).min(1.0)
                } else {
                    0.0
                };
                0.75 * q_part + 0.25 * a_part
            })
            .collect()
    }
}

pub(super) fn unit(mut v: Vec<(Term, f32)>) -> Vec<(Term, f32)> {
    let n: f32 = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in &mut v {
            x.1 /= n;
        }
    }
    v
}

pub(super) fn q_vector(q: &QuestionFeatures, idf: &Idf) -> Vec<(Term, f32)> {
    unit(q.q_set.iter().map(|&t| (t, idf.q(t))).collect())
}

/// The answer as a unit vector of its most telling terms: the whole answer is read, and
/// its [`ANSWER_TERMS`] heaviest terms (by frequency and rarity) are kept, which carry
/// nearly all of its weight and keep every comparison short.
pub(super) fn a_vector(q: &QuestionFeatures, idf: &Idf) -> Vec<(Term, f32)> {
    let mut v: Vec<(Term, f32)> = q
        .a_tf
        .iter()
        .map(|&(t, tf)| (t, (1.0 + tf.ln()) * idf.a(t)))
        .collect();
    if v.len() > ANSWER_TERMS {
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(ANSWER_TERMS);
        // Back in term order, which the dot products of two vectors rely on.
        v.sort_unstable_by_key(|x| x.0);
    }
    unit(v)
}
