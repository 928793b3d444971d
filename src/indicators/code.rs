//! A state's answers + the compiled indicators -> a [`CodedValue`] per indicator.
//!
//! Each sentence is read clause by clause. A phrase of a value votes for that value, or for
//! its opposite when a negation comes shortly before it or stands inside it ("does not
//! require a warrant", "a warrant is not required"); a hedge in its clause ("may") or a
//! sentence about other places or advice makes it vote for nothing. The answer on the
//! indicator's topic decides first; only when it says nothing do the other answers decide.
//! Votes that disagree give "not stated": a wrong value misleads more than a missing one.

use super::phrase::{Found, Phrase};
use super::sentences::{sentences, Sentence};
use super::{CodedValue, EditorValue, Evidence, Indicators, ValueSource, NOT_STATED};
use crate::model::StateModel;

/// How far before a phrase (in words) a negation still reaches it.
const NEGATION_REACH: usize = 8;

/// What one answer says about one indicator.
#[derive(Debug, Default)]
struct Reading {
    /// Every deciding sentence, in order.
    votes: Vec<Vote>,
    hedged: usize,
}

/// One sentence's say on an indicator.
#[derive(Debug, Clone, Copy)]
struct Vote {
    value: usize,
    /// Index of the sentence in its answer.
    sentence: usize,
    /// Position of the strongest phrase that matched in its value's list: phrases are
    /// listed strongest first, and the evidence shown is the sentence with the strongest.
    rank: usize,
}

impl Reading {
    fn values(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.votes.iter().map(|v| v.value).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The sentence to quote: the strongest phrase's, the first of those.
    fn best(&self) -> Option<Vote> {
        self.votes.iter().copied().min_by_key(|v| v.rank)
    }
}

impl Indicators {
    /// Codes every indicator for one state; `editor` holds the values its front matter sets.
    pub fn code_state(&self, state: &StateModel, editor: &[EditorValue]) -> Vec<CodedValue> {
        // A project without indicators codes nothing: skip splitting its answers.
        if self.config.indicators.is_empty() {
            return Vec::new();
        }
        let mut answers: Vec<Vec<Sentence>> = state
            .questions
            .iter()
            .map(|q| sentences(&q.answer_text, &self.vocabulary))
            .collect();
        // Whether a sentence is about somewhere else does not depend on the indicator:
        // found once per sentence, with its words looked up rather than scanned, and only
        // for sentences that trigger a phrase at all (the others decide nothing anyway).
        for s in answers.iter_mut().flatten() {
            if !s.tokens.iter().any(|&t| self.is_trigger(t)) {
                continue;
            }
            let words = s.words();
            let elsewhere = self
                .elsewhere
                .iter()
                .any(|p| p.could_match(&words) && !all(p, s).is_empty());
            s.elsewhere = elsewhere;
        }
        let from_toml = self
            .overrides
            .get(&state.code)
            .map_or(&[][..], Vec::as_slice);
        let mut coded: Vec<CodedValue> = (0..self.config.indicators.len())
            .map(|i| {
                let auto = self.code_one(i, state, &answers);
                let id = &self.config.indicators[i].id;
                // The file's own front matter wins over the table in indicators.toml.
                match editor.iter().chain(from_toml).find(|e| e.indicator == *id) {
                    Some(e) => self.editor_value(i, e, auto),
                    None => auto,
                }
            })
            .collect();
        // A sentence that decides two indicators is marked once, under the first one's id.
        for i in 0..coded.len() {
            let earlier = coded[..i].iter().find_map(|c| {
                let e = c.evidence.as_ref()?;
                let this = coded[i].evidence.as_ref()?;
                (e.question == this.question && e.sentence == this.sentence)
                    .then(|| e.anchor.clone())
            });
            if let (Some(anchor), Some(e)) = (earlier, coded[i].evidence.as_mut()) {
                e.anchor = anchor;
            }
        }
        coded
    }

    fn editor_value(&self, i: usize, e: &EditorValue, auto: CodedValue) -> CodedValue {
        let def = &self.config.indicators[i];
        let value = (e.value != NOT_STATED)
            .then(|| def.values.iter().position(|v| v.id == e.value))
            .flatten();
        CodedValue {
            indicator: i,
            value,
            // The answers' sentence still shows when it says what the editor says.
            evidence: auto
                .evidence
                .filter(|_| auto.value == value && value.is_some()),
            source: ValueSource::Editor,
            note: e.note.clone(),
            source_url: e.source.clone(),
            origin: Some(e.origin.clone()),
            confidence: 1.0,
            reason: format!("set by the editor ({})", e.origin),
            answer_value: auto.value,
        }
    }

    fn code_one(&self, i: usize, state: &StateModel, answers: &[Vec<Sentence>]) -> CodedValue {
        let topic_q = self.topics[i].and_then(|t| state.by_topic.get(t).copied().flatten());
        let mut coded = CodedValue {
            indicator: i,
            value: None,
            evidence: None,
            source: ValueSource::Answer,
            note: None,
            source_url: None,
            origin: None,
            confidence: 0.0,
            reason: String::new(),
            answer_value: None,
        };
        let number = |q: usize| state.questions[q].number;
        let evidence = |q: usize, s: usize| Evidence {
            question: q,
            sentence: answers[q][s].text.clone(),
            anchor: format!("evidence-{}", self.config.indicators[i].id),
        };
        let mut hedged = 0;
        if let Some(q) = topic_q {
            let reading = self.read(i, &answers[q]);
            hedged += reading.hedged;
            match reading.values()[..] {
                [v] => {
                    coded.value = Some(v);
                    let best = reading.best().expect("a decided value has a vote");
                    coded.evidence = Some(evidence(q, best.sentence));
                    coded.confidence = if reading.votes.len() > 1 { 0.95 } else { 0.85 };
                    coded.reason = format!(
                        "{} sentence(s) in the topic's answer (question {})",
                        reading.votes.len(),
                        number(q)
                    );
                    return coded;
                }
                [] => {}
                _ => {
                    coded.confidence = 0.3;
                    coded.reason = format!("sentences of question {} disagree", number(q));
                    return coded;
                }
            }
        }
        // Elsewhere in the document: every other answer together.
        // (question, vote)
        let mut votes: Vec<(usize, Vote)> = Vec::new();
        for (q, sents) in answers.iter().enumerate() {
            if Some(q) == topic_q {
                continue;
            }
            let reading = self.read(i, sents);
            hedged += reading.hedged;
            votes.extend(reading.votes.iter().map(|&v| (q, v)));
        }
        let mut values: Vec<usize> = votes.iter().map(|(_, v)| v.value).collect();
        values.sort_unstable();
        values.dedup();
        match values[..] {
            [v] => {
                let (q, best) = votes
                    .iter()
                    .copied()
                    .min_by_key(|(_, v)| v.rank)
                    .expect("a decided value has a vote");
                coded.value = Some(v);
                coded.evidence = Some(evidence(q, best.sentence));
                coded.confidence = if votes.len() > 1 { 0.7 } else { 0.6 };
                coded.reason = format!(
                    "{} sentence(s) outside the topic's answer{}",
                    votes.len(),
                    if topic_q.is_none() {
                        " (no answer on the topic)"
                    } else {
                        ""
                    }
                );
            }
            [] if hedged > 0 => {
                coded.confidence = 0.2;
                coded.reason = format!("only hedged sentences ({hedged})");
            }
            [] => coded.reason = "no sentence about it".into(),
            _ => {
                coded.confidence = 0.3;
                let qs: Vec<String> = votes.iter().map(|(q, _)| number(*q).to_string()).collect();
                coded.reason = format!("answers disagree (questions {})", qs.join(", "));
            }
        }
        coded
    }

    /// Whether the token with this id triggers a phrase of any indicator.
    fn is_trigger(&self, token: u32) -> bool {
        self.any_trigger
            .get(token as usize)
            .copied()
            .unwrap_or(false)
    }

    /// What one answer's sentences say about indicator `i`.
    fn read(&self, i: usize, sents: &[Sentence]) -> Reading {
        let mut reading = Reading::default();
        for (si, s) in sents.iter().enumerate() {
            if s.is_question() || s.elsewhere {
                continue;
            }
            let mut candidates: Vec<(usize, usize)> = s
                .tokens
                .iter()
                .filter_map(|&t| self.triggers[i].get(t as usize))
                .flatten()
                .copied()
                .collect();
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_unstable();
            candidates.dedup();
            if self.ignore[i].iter().any(|p| !all(p, s).is_empty()) {
                continue;
            }
            let words = s.words();
            // (value, the match, hedged, rank)
            let mut found: Vec<(usize, Found, bool, usize)> = Vec::new();
            for (v, rank) in candidates {
                let p = &self.phrases[i][v][rank];
                {
                    for clause in &s.clauses {
                        for f in p.find_all(&s.tokens, clause.clone()) {
                            let hedged =
                                self.has_cue(&self.hedges, s, &words, clause.clone(), &f.own);
                            let value = if self.negated(s, &words, clause.start, &f) {
                                self.opposite(i, v)
                            } else {
                                Some(v)
                            };
                            if let Some(value) = value {
                                found.push((value, f, hedged, rank));
                            }
                        }
                    }
                }
            }
            // Matches sharing words say one thing, and the longest says it best: "without a
            // warrant" is part of "not … without a warrant", "agreement with ICE" of
            // "ended its agreement with ICE".
            found.sort_by_key(|(_, f, _, _)| (std::cmp::Reverse(f.span.len()), f.span.start));
            let mut kept: Vec<(usize, Found, bool, usize)> = Vec::new();
            for m in found {
                let overlaps =
                    |k: &Found| k.span.start < m.1.span.end && m.1.span.start < k.span.end;
                if !kept.iter().any(|(_, k, _, _)| overlaps(k)) {
                    kept.push(m);
                }
            }
            if kept.is_empty() {
                continue;
            }
            if kept.iter().any(|(_, _, hedged, _)| *hedged) {
                reading.hedged += 1;
                continue;
            }
            // One sentence saying both values counts for both, so the answer reads as
            // conflicting.
            let mut values: Vec<(usize, usize)> = kept.iter().map(|m| (m.0, m.3)).collect();
            values.sort_unstable();
            values.dedup_by_key(|(v, _)| *v);
            for (value, rank) in values {
                reading.votes.push(Vote {
                    value,
                    sentence: si,
                    rank,
                });
            }
        }
        reading
    }

    /// A negation shortly before the phrase (in its clause) or among the words its `*`
    /// skipped.
    fn negated(&self, s: &Sentence, words: &Words, clause_start: usize, f: &Found) -> bool {
        let from = f
            .span
            .start
            .saturating_sub(NEGATION_REACH)
            .max(clause_start);
        self.negations.iter().any(|p| {
            p.could_match(words)
                && p.find_all(&s.tokens, from..f.span.end)
                    .iter()
                    .any(|n| !n.span.clone().any(|t| f.own.contains(&t)))
        })
    }

    /// Whether a cue of `cues` stands in the clause, outside the phrase's own words.
    fn has_cue(
        &self,
        cues: &[Phrase],
        s: &Sentence,
        words: &Words,
        clause: std::ops::Range<usize>,
        own: &[usize],
    ) -> bool {
        cues.iter().any(|p| {
            p.could_match(words)
                && p.find_all(&s.tokens, clause.clone())
                    .iter()
                    .any(|c| !c.span.clone().any(|t| own.contains(&t)))
        })
    }

    /// The value a negated phrase of value `v` expresses.
    fn opposite(&self, i: usize, v: usize) -> Option<usize> {
        let values = &self.config.indicators[i].values;
        match &values[v].opposite {
            Some(o) => values.iter().position(|x| x.id == *o),
            None if values.len() == 2 => Some(1 - v),
            None => None,
        }
    }
}

/// A sentence's distinct words that patterns use, sorted (see [`Sentence::words`]).
type Words = [u32];

fn all(p: &Phrase, s: &Sentence) -> Vec<Found> {
    p.find_all(&s.tokens, 0..s.tokens.len())
}
