//! Questions assigned so far -> what each topic learned from them (the sums of their
//! question and answer vectors), and every question's similarity to what the *other*
//! states' questions taught each topic.

use std::ops::Range;

use super::terms::{Term, TermMap};

/// A question's unit-length question vector and answer vector, each sorted by term.
pub(super) type Vectors = (Vec<(Term, f32)>, Vec<(Term, f32)>);

/// Every topic's learned wording: sums of the unit vectors of the questions assigned to it.
pub(super) struct Learned {
    q_sum: Dense,
    a_sum: Dense,
    q_norm2: Vec<f32>,
    a_norm2: Vec<f32>,
    count: Vec<usize>,
}

/// A question's cosine similarity with each topic's learned question and answer wording.
pub(super) struct Similarity {
    pub(super) question: Vec<f32>,
    pub(super) answer: Vec<f32>,
    /// How many other states taught the topic.
    pub(super) others: Vec<usize>,
}

impl Learned {
    /// Every assigned question teaches its topic; `assigned[qi]` is question `qi`'s topic.
    pub(super) fn from(vectors: &[Vectors], assigned: &[Option<usize>], topics: usize) -> Self {
        let mut count = vec![0; topics];
        for t in assigned.iter().flatten() {
            count[*t] += 1;
        }
        // Each cell (term, topic) is summed in question order, whatever the map's order.
        let (q_sum, a_sum) = rayon::join(
            || Dense::sum(vectors.iter().map(|v| &v.0[..]), assigned, topics),
            || Dense::sum(vectors.iter().map(|v| &v.1[..]), assigned, topics),
        );
        Learned {
            q_norm2: q_sum.norm2(),
            a_norm2: a_sum.norm2(),
            q_sum,
            a_sum,
            count,
        }
    }

    /// For every question of one state (`range`), for every topic, the cosine similarity
    /// of the question (and of its answer) with what the topic learned from the *other
    /// states*: the state's own question on each topic is taken out of the topic's sums,
    /// as |S - h|² = |S|² - 2 S·h + |h|² and v·(S - h) = v·S - v·h.
    pub(super) fn state_similarities(
        &self,
        range: Range<usize>,
        vectors: &[Vectors],
        assigned: &[Option<usize>],
    ) -> Vec<Similarity> {
        let topics = self.count.len();
        let raw: Vec<(Vec<f32>, Vec<f32>)> = range
            .clone()
            .map(|qi| {
                (
                    dots(&vectors[qi].0, &self.q_sum, topics),
                    dots(&vectors[qi].1, &self.a_sum, topics),
                )
            })
            .collect();
        // The state's question on each topic (an index within the state), and its
        // vectors by term, so that v·h for every holder h takes one pass over v.
        let mut holder = vec![None; topics];
        let mut by_term_q: TermMap<Vec<(usize, f32)>> = TermMap::default();
        let mut by_term_a: TermMap<Vec<(usize, f32)>> = TermMap::default();
        for (i, qi) in range.clone().enumerate() {
            if let Some(t) = assigned[qi] {
                holder[t] = Some(i);
                for &(term, w) in &vectors[qi].0 {
                    by_term_q.entry(term).or_default().push((t, w));
                }
                for &(term, w) in &vectors[qi].1 {
                    by_term_a.entry(term).or_default().push((t, w));
                }
            }
        }
        let with_holders = |v: &[(Term, f32)], by_term: &TermMap<Vec<(usize, f32)>>| {
            let mut d = vec![0.0f32; topics];
            for (term, w) in v {
                for &(t, hw) in by_term.get(term).map_or(&[][..], Vec::as_slice) {
                    d[t] += w * hw;
                }
            }
            d
        };
        let norm2 = |v: &[(Term, f32)]| v.iter().map(|x| x.1 * x.1).sum::<f32>();
        let cosine = |d: f32, n2: f32, others: usize| {
            if others > 0 && n2 > 1e-9 {
                (d / n2.sqrt()).max(0.0)
            } else {
                0.0
            }
        };
        range
            .clone()
            .enumerate()
            .map(|(i, qi)| {
                let hq = with_holders(&vectors[qi].0, &by_term_q);
                let ha = with_holders(&vectors[qi].1, &by_term_a);
                let mut question = Vec::with_capacity(topics);
                let mut answer = Vec::with_capacity(topics);
                let mut others_of = Vec::with_capacity(topics);
                for t in 0..topics {
                    let (mut dq, mut da) = (raw[i].0[t], raw[i].1[t]);
                    let (mut nq, mut na) = (self.q_norm2[t], self.a_norm2[t]);
                    let mut others = self.count[t];
                    if let Some(h) = holder[t] {
                        let hv = &vectors[range.start + h];
                        dq -= hq[t];
                        da -= ha[t];
                        nq += norm2(&hv.0) - 2.0 * raw[h].0[t];
                        na += norm2(&hv.1) - 2.0 * raw[h].1[t];
                        others -= 1;
                    }
                    question.push(cosine(dq, nq, others));
                    answer.push(cosine(da, na, others));
                    others_of.push(others);
                }
                Similarity {
                    question,
                    answer,
                    others: others_of,
                }
            })
            .collect()
    }
}

/// A vector's dot product with every topic's sums.
fn dots(v: &[(Term, f32)], sums: &Dense, topics: usize) -> Vec<f32> {
    let mut dot = vec![0.0f32; topics];
    for &(term, w) in v {
        if let Some(row) = sums.row(term) {
            for (d, &c) in dot.iter_mut().zip(row) {
                *d += w * c;
            }
        }
    }
    dot
}

/// Per-topic sums by term, one dense row of `topics` values per term.
struct Dense {
    rows: TermMap<usize>,
    values: Vec<f32>,
    topics: usize,
}

impl Dense {
    /// The sums of every assigned question's vector by its topic.
    fn sum<'v>(
        vectors: impl Iterator<Item = &'v [(Term, f32)]>,
        assigned: &[Option<usize>],
        topics: usize,
    ) -> Self {
        let mut rows: TermMap<usize> = TermMap::default();
        let mut values: Vec<f32> = Vec::new();
        for (v, t) in vectors.zip(assigned) {
            let Some(t) = *t else { continue };
            for &(term, w) in v {
                let row = *rows.entry(term).or_insert_with(|| {
                    values.resize(values.len() + topics, 0.0);
                    values.len() / topics - 1
                });
                values[row * topics + t] += w;
            }
        }
        Dense {
            rows,
            values,
            topics,
        }
    }

    /// Squared length of each topic's sum.
    fn norm2(&self) -> Vec<f32> {
        let mut n2 = vec![0.0f32; self.topics];
        if self.topics > 0 {
            for row in self.values.chunks_exact(self.topics) {
                for (n, &c) in n2.iter_mut().zip(row) {
                    *n += c * c;
                }
            }
        }
        n2
    }

    fn row(&self, term: Term) -> Option<&[f32]> {
        let row = *self.rows.get(&term)?;
        Some(&self.values[row * self.topics..(row + 1) * self.topics])
    }
}
