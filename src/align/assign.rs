//! Scores of every question for every topic -> one topic per question, one question per topic within each state.

use std::collections::HashMap;

use super::Match;
use crate::doc::StateDoc;
/// Pairs questions and topics within each state, pins first, then best score first.
pub(super) fn assign_all(
    docs: &[StateDoc],
    offsets: &[usize],
    scores: &[Vec<f32>],
    pins: &HashMap<usize, usize>,
    min_score: f32,
) -> Vec<Option<Match>> {
    let mut out = vec![None; scores.len()];
    for (d, &o) in docs.iter().zip(offsets) {
        let n = d.questions.len();
        let topics = scores.first().map_or(0, Vec::len);
        let mut topic_taken = vec![false; topics];
        for (qi, slot) in out.iter_mut().enumerate().skip(o).take(n) {
            if let Some(&t) = pins.get(&qi) {
                if !topic_taken[t] {
                    topic_taken[t] = true;
                    *slot = Some(Match {
                        topic: t,
                        score: 1.0,
                        pinned: true,
                    });
                }
            }
        }
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for qi in o..o + n {
            if out[qi].is_some() || pins.contains_key(&qi) {
                continue;
            }
            for (t, &s) in scores[qi].iter().enumerate() {
                if s >= min_score {
                    pairs.push((s, qi, t));
                }
            }
        }
        // Best first; ties broken by question then topic order, so results are stable.
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (s, qi, t) in pairs {
            if out[qi].is_none() && !topic_taken[t] && !pins.contains_key(&qi) {
                topic_taken[t] = true;
                out[qi] = Some(Match {
                    topic: t,
                    score: s,
                    pinned: false,
                });
            }
        }
    }
    out
}
