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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};

use crate::config::TopicsConfig;
use crate::diagnostic::Diagnostic;
use crate::doc::{Answer, Block, List, StateDoc};
use crate::jurisdiction::Jurisdictions;

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
const ANSWER_WORDS: usize = 250;
/// Weight of the similarity to what a topic learned, added to the hint score.
const LEARNED_WEIGHT: f32 = 0.5;
/// How many times the learned pass is repeated.
const LEARNING_ROUNDS: usize = 2;
/// A first-pass match counts as confident (and teaches its topic) when its score beats
/// the question's next-best topic by this factor.
const CONFIDENT_RATIO: f32 = 1.25;

/// Common English words that carry no topic.
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and",
    "are", "as", "at", "be", "been", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "during", "each", "either", "for", "from", "had", "has", "have",
    "having", "here", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "may", "might",
    "more", "most", "must", "my", "no", "nor", "not", "of", "on", "or", "our", "over", "own",
    "same", "shall", "she", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "upon", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "why", "will", "with", "within", "would", "you", "your", "s", "t", "us", "u",
    "via", "per", "etc", "eg", "ie",
];

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

/// Pins for each global question index: from the document itself, then from topics.toml.
fn pins_by_question(docs: &[StateDoc], topics: &TopicsConfig) -> HashMap<usize, usize> {
    let places = Jurisdictions::new(&[]);
    let topic_index: HashMap<&str, usize> = topics
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut pins = HashMap::new();
    let mut at = 0;
    for d in docs {
        for (qi, q) in d.questions.iter().enumerate() {
            let from_file = q
                .pin
                .as_ref()
                .and_then(|(id, _)| topic_index.get(id.as_str()));
            let from_toml = topics
                .pins
                .iter()
                .find(|p| p.question == q.number && pin_names_state(&p.state, d, &places));
            let from_toml = from_toml.and_then(|p| topic_index.get(p.topic.get_ref().as_str()));
            if let Some(&t) = from_file.or(from_toml) {
                pins.insert(at + qi, t);
            }
        }
        at += d.questions.len();
    }
    pins
}

fn pin_names_state(pin_state: &str, doc: &StateDoc, places: &Jurisdictions) -> bool {
    pin_state.eq_ignore_ascii_case(&doc.state.code)
        || pin_state.eq_ignore_ascii_case(&doc.state.name)
        || places
            .by_name(pin_state)
            .is_some_and(|j| j.code == doc.state.code)
}

/// Pairs questions and topics within each state, pins first, then best score first.
fn assign_all(
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

/// Words of a text as hashed stems. Hashing (FNV-1a) instead of interning keeps the
/// parallel analysis free of shared state and the result deterministic.
type Term = u64;

fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn bigram(a: Term, b: Term) -> Term {
    fnv(&b.to_le_bytes(), a.rotate_left(17))
}

/// Turns text into terms: lower-case words, stemmed, minus stop/ignored/place words,
/// synonyms folded to their group's first word.
struct Analyzer {
    stemmer: Stemmer,
    stop: HashSet<String>,
    ignore: HashSet<String>,
    /// Term sequence of a synonym -> the group's canonical term, longest first.
    synonyms: Vec<(Vec<Term>, Term)>,
    /// Indices into `synonyms` by the first term of the sequence, in `synonyms` order.
    synonyms_by_first: TermMap<Vec<usize>>,
    places: HashSet<String>,
}

/// Maps keyed by [`Term`]s, which are hashes already: a one-multiply hasher is enough.
type TermMap<V> = HashMap<Term, V, rustc_hash::FxBuildHasher>;

/// Lower-case word -> its term, or `None` when the word is dropped (stop, ignored or place
/// word). Each analysis thread keeps one, so most words are stemmed once per thread.
type StemCache = HashMap<String, Option<Term>, rustc_hash::FxBuildHasher>;

struct QuestionFeatures {
    /// Unigrams and bigrams of the question.
    q_set: Vec<Term>,
    /// Answer term frequencies (unigrams only).
    a_tf: Vec<(Term, f32)>,
}

/// A topic's hints as terms: (term, weight) for questions (unigrams and phrase bigrams)
/// and unigram weights for answers.
struct Hint {
    q: TermMap<f32>,
    a: TermMap<f32>,
}

impl Analyzer {
    fn new(topics: &TopicsConfig) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut a = Analyzer {
            stemmer,
            stop: HashSet::new(),
            ignore: HashSet::new(),
            synonyms: Vec::new(),
            synonyms_by_first: TermMap::default(),
            places: HashSet::new(),
        };
        a.stop = STOP_WORDS.iter().map(|w| w.to_string()).collect();
        let ignore: Vec<String> = topics
            .matching
            .ignore
            .iter()
            .flat_map(|w| a.raw_stems(w))
            .collect();
        a.ignore = ignore.into_iter().collect();
        for j in Jurisdictions::new(&[]).all() {
            for w in words(&j.name) {
                if !matches!(
                    w.as_str(),
                    "new" | "north" | "south" | "west" | "of" | "the" | "islands" | "u"
                ) {
                    a.places.insert(w);
                }
            }
            a.places.insert(j.code.to_lowercase());
        }
        a.places.retain(|w| !a.stop.contains(w));
        for group in &topics.matching.synonyms {
            let Some(first) = group.first() else { continue };
            let canon = a
                .raw_stems(first)
                .into_iter()
                .map(|s| fnv(s.as_bytes(), 0))
                .reduce(bigram);
            let Some(canon) = canon else { continue };
            for w in group {
                let seq = a.raw_terms(w);
                if !seq.is_empty() {
                    a.synonyms.push((seq, canon));
                }
            }
        }
        // Longest phrases first, so "make use" folds before "use".
        a.synonyms.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        for (i, (seq, _)) in a.synonyms.iter().enumerate() {
            a.synonyms_by_first.entry(seq[0]).or_default().push(i);
        }
        a
    }

    /// Stems of a text's words, without stop words or ignored words.
    fn raw_stems(&self, text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .filter(|w| !self.stop.contains(w))
            .map(|w| self.stemmer.stem(&w).into_owned())
            .filter(|s| !self.ignore.contains(s))
            .collect()
    }

    /// [`Analyzer::raw_stems`] as terms.
    fn raw_terms(&self, text: &str) -> Vec<Term> {
        self.raw_stems(text)
            .iter()
            .map(|s| fnv(s.as_bytes(), 0))
            .collect()
    }

    /// Terms of the first `limit` kept words of a text, synonyms folded.
    fn terms(
        &self,
        cache: &mut StemCache,
        text: &str,
        own_place: &[Term],
        limit: usize,
    ) -> Vec<Term> {
        let mut stems: Vec<Term> = Vec::new();
        for_each_word(text, |w| {
            if stems.len() >= limit {
                return false;
            }
            let stem = match cache.get(w) {
                Some(&stem) => stem,
                None => {
                    let stem = self.word_term(w);
                    cache.insert(w.to_owned(), stem);
                    stem
                }
            };
            if let Some(s) = stem {
                if !own_place.contains(&s) {
                    stems.push(s);
                }
            }
            true
        });
        self.fold(&stems)
    }

    /// The term of one lower-case word, or `None` for a stop, place or ignored word.
    fn word_term(&self, w: &str) -> Option<Term> {
        if self.stop.contains(w) || self.places.contains(w) {
            return None;
        }
        let s = self.stemmer.stem(w);
        (!self.ignore.contains(s.as_ref())).then(|| fnv(s.as_bytes(), 0))
    }

    /// Replaces synonym phrases by their canonical term.
    fn fold(&self, stems: &[Term]) -> Vec<Term> {
        let mut out = Vec::with_capacity(stems.len());
        let mut i = 0;
        'outer: while i < stems.len() {
            if let Some(candidates) = self.synonyms_by_first.get(&stems[i]) {
                for &k in candidates {
                    let (seq, canon) = &self.synonyms[k];
                    if stems[i..].starts_with(seq) {
                        out.push(*canon);
                        i += seq.len();
                        continue 'outer;
                    }
                }
            }
            out.push(stems[i]);
            i += 1;
        }
        out
    }

    fn question_features(
        &self,
        cache: &mut StemCache,
        place: &str,
        question: &str,
        answer: &Answer,
    ) -> QuestionFeatures {
        let own: Vec<Term> = words(place)
            .iter()
            .map(|w| fnv(self.stemmer.stem(w).as_bytes(), 0))
            .collect();
        let q_seq = self.terms(cache, question, &own, usize::MAX);
        let mut q_set: Vec<Term> = q_seq.clone();
        q_set.extend(q_seq.windows(2).map(|w| bigram(w[0], w[1])));
        q_set.sort_unstable();
        q_set.dedup();
        // Term frequencies, in term order: sorting and counting runs beats a map here.
        let mut a_terms = self.terms(cache, &answer_plain(answer), &own, ANSWER_WORDS);
        a_terms.sort_unstable();
        let mut a_tf: Vec<(Term, f32)> = Vec::with_capacity(a_terms.len());
        for t in a_terms {
            match a_tf.last_mut() {
                Some((last, n)) if *last == t => *n += 1.0,
                _ => a_tf.push((t, 1.0)),
            }
        }
        QuestionFeatures { q_set, a_tf }
    }

    fn hint(&self, hints: &[String], title: &str, label: &str) -> Hint {
        let mut q: TermMap<f32> = TermMap::default();
        let mut a: TermMap<f32> = TermMap::default();
        let mut add = |text: &str, weight: f32| {
            let seq = self.fold(&self.raw_terms(text));
            for &t in &seq {
                let w = if seq.len() > 1 { 0.5 * weight } else { weight };
                let e = q.entry(t).or_default();
                *e = e.max(w);
                let e = a.entry(t).or_default();
                *e = e.max(w);
            }
            for w in seq.windows(2) {
                let e = q.entry(bigram(w[0], w[1])).or_default();
                *e = e.max(weight);
            }
        };
        for h in hints {
            add(h, 1.0);
        }
        // The topic's own title and label are hints too, weaker than the editor's list.
        add(title, 0.4);
        add(label, 0.4);
        Hint { q, a }
    }
}

/// Lower-case alphanumeric words; apostrophes end a word ("driver’s" -> "driver").
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| {
        out.push(w.to_owned());
        true
    });
    out
}

/// Calls `each` with every word of [`words`] in turn, in one reused buffer, until it
/// returns false.
fn for_each_word(text: &str, mut each: impl FnMut(&str) -> bool) {
    let mut cur = String::new();
    let mut skipping = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII, nearly all of the text, byte by byte; anything else as a char.
        let (c, len) = if bytes[i].is_ascii() {
            (char::from(bytes[i]), 1)
        } else {
            let c = text[i..].chars().next().expect("i is on a char boundary");
            (c, c.len_utf8())
        };
        i += len;
        if c.is_alphanumeric() {
            if !skipping {
                if c.is_ascii() {
                    cur.push(c.to_ascii_lowercase());
                } else {
                    cur.extend(c.to_lowercase());
                }
            }
        } else {
            if !cur.is_empty() {
                if !each(&cur) {
                    return;
                }
                cur.clear();
            }
            skipping = c == '\'' || c == '’';
        }
    }
    if !cur.is_empty() {
        each(&cur);
    }
}

/// The words of an answer, for matching.
fn answer_plain(answer: &Answer) -> String {
    fn list(l: &List, out: &mut String) {
        for it in &l.items {
            for line in &it.lines {
                out.push_str(line);
                out.push(' ');
            }
            for c in &it.children {
                list(c, out);
            }
        }
    }
    match answer {
        Answer::Text(blocks) => {
            let mut out = String::new();
            for b in blocks {
                match b {
                    Block::Paragraph(lines) => {
                        for l in lines {
                            out.push_str(l);
                            out.push(' ');
                        }
                    }
                    Block::List(l) => list(l, &mut out),
                }
            }
            out
        }
        Answer::Markdown(src) => src.clone(),
    }
}

/// Inverse document frequencies over all questions (for question terms) and answers.
struct Idf {
    q: TermMap<f32>,
    a: TermMap<f32>,
    q_default: f32,
    a_default: f32,
}

impl Idf {
    fn new(questions: &[QuestionFeatures]) -> Self {
        let mut qdf: TermMap<u32> = TermMap::default();
        let mut adf: TermMap<u32> = TermMap::default();
        for q in questions {
            for &t in &q.q_set {
                *qdf.entry(t).or_default() += 1;
            }
            for &(t, _) in &q.a_tf {
                *adf.entry(t).or_default() += 1;
            }
        }
        let n = questions.len().max(1) as f32;
        let idf = |df: u32| (1.0 + n / (1.0 + df as f32)).ln();
        Idf {
            q: qdf.into_iter().map(|(t, df)| (t, idf(df))).collect(),
            a: adf.into_iter().map(|(t, df)| (t, idf(df))).collect(),
            q_default: idf(0),
            a_default: idf(0),
        }
    }

    fn q(&self, t: Term) -> f32 {
        self.q.get(&t).copied().unwrap_or(self.q_default)
    }

    fn a(&self, t: Term) -> f32 {
        self.a.get(&t).copied().unwrap_or(self.a_default)
    }
}

/// Every topic's hint terms, inverted: term -> (topic, weight), so one pass over a
/// question's terms scores all topics.
struct HintIndex {
    q: TermMap<Vec<(usize, f32)>>,
    a: TermMap<Vec<(usize, f32)>>,
    topics: usize,
}

impl HintIndex {
    fn new(hints: &[Hint]) -> Self {
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
    fn scores(&self, q: &QuestionFeatures, idf: &Idf) -> Vec<f32> {
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

/// What each topic learned from the questions matched to it with confidence: the sums of
/// their unit-length question and answer vectors, by term.
struct Learned {
    q_sum: Dense,
    a_sum: Dense,
    q_norm2: Vec<f32>,
    a_norm2: Vec<f32>,
    count: Vec<usize>,
    /// (question index, topic) pairs that taught.
    teachers: HashSet<(usize, usize)>,
}

type Vectors = (Vec<(Term, f32)>, Vec<(Term, f32)>);

impl Learned {
    fn from(
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

    fn is_teacher(&self, qi: usize, topic: usize) -> bool {
        self.teachers.contains(&(qi, topic))
    }

    /// For every topic, the cosine similarity of a question (and its answer) with what the
    /// topic learned from the *other* questions (0 when no other question taught it).
    /// The question's own contribution is left out: |S - v|² = |S|² - 2 S·v + |v|².
    fn similarities(&self, (qv, av): &Vectors, own: Option<usize>) -> Vec<f32> {
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
struct Dense {
    rows: TermMap<usize>,
    values: Vec<f32>,
    topics: usize,
}

impl Dense {
    fn from(sums: Vec<BTreeMap<Term, f32>>) -> Self {
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

    fn row(&self, term: Term) -> Option<&[f32]> {
        let row = *self.rows.get(&term)?;
        Some(&self.values[row * self.topics..(row + 1) * self.topics])
    }
}

fn unit(mut v: Vec<(Term, f32)>) -> Vec<(Term, f32)> {
    let n: f32 = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in &mut v {
            x.1 /= n;
        }
    }
    v
}

fn q_vector(q: &QuestionFeatures, idf: &Idf) -> Vec<(Term, f32)> {
    unit(q.q_set.iter().map(|&t| (t, idf.q(t))).collect())
}

fn a_vector(q: &QuestionFeatures, idf: &Idf) -> Vec<(Term, f32)> {
    unit(
        q.a_tf
            .iter()
            .map(|&(t, tf)| (t, (1.0 + tf.ln()) * idf.a(t)))
            .collect(),
    )
}

/// Pins that cannot work: a Markdown pin to a topic that does not exist (error), a pin in
/// topics.toml for a state or question that is not there (warning).
pub fn check_pins(docs: &[StateDoc], topics: &TopicsConfig, topics_path: &Path) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let places = Jurisdictions::new(&[]);
    for d in docs {
        for q in &d.questions {
            if let Some((id, line)) = &q.pin {
                if !topics.topics.iter().any(|t| &t.id == id) {
                    diags.push(Diagnostic::error(
                        &d.path,
                        Some(*line),
                        format!(
                            "question {} is pinned to topic {id:?}, which does not exist",
                            q.number
                        ),
                        format!("use one of the ids in {}", topics_path.display()),
                    ));
                }
            }
        }
    }
    for p in &topics.pins {
        let doc = docs.iter().find(|d| pin_names_state(&p.state, d, &places));
        let found = doc.is_some_and(|d| d.questions.iter().any(|q| q.number == p.question));
        if !found {
            let what = match doc {
                None => format!("no state file covers {:?}", p.state),
                Some(d) => format!("{} has no question {}", d.state.name, p.question),
            };
            diags.push(Diagnostic::warning(
                topics_path,
                None,
                format!("pin has no effect: {what}"),
                "fix the state or question number of this [[pin]], or remove it",
            ));
        }
    }
    diags
}

/// Unaligned questions (warning) and topics no state answers (info).
pub fn diagnostics(
    docs: &[StateDoc],
    alignment: &Alignment,
    topics: &TopicsConfig,
    topics_path: &Path,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut answered = vec![false; topics.topics.len()];
    for (d, matches) in docs.iter().zip(&alignment.docs) {
        for (q, m) in d.questions.iter().zip(matches) {
            match m {
                Some(m) => answered[m.topic] = true,
                None => diags.push(Diagnostic::warning(
                    &d.path,
                    Some(q.line),
                    format!("question {} matches no topic well enough and stays unaligned", q.number),
                    format!("add hint words to the right topic in {}, add a new topic, or pin the question", topics_path.display()),
                )),
            }
        }
    }
    if !docs.is_empty() {
        for (t, done) in topics.topics.iter().zip(answered) {
            if !done {
                diags.push(Diagnostic::info(
                    topics_path,
                    None,
                    format!("no state answers topic {:?}", t.id),
                    "nothing to do unless a state's question should match it",
                ));
            }
        }
    }
    diags
}

/// The alignment table `stateside check` prints: state, question number, topic, score.
pub fn table(docs: &[StateDoc], alignment: &Alignment, topics: &TopicsConfig) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<6} {:>3}  {:<28} {:>6}  {}\n",
        "STATE", "Q", "TOPIC", "SCORE", "QUESTION"
    ));
    for (d, matches) in docs.iter().zip(&alignment.docs) {
        for (q, m) in d.questions.iter().zip(matches) {
            let (topic, score) = match m {
                Some(m) if m.pinned => (
                    format!("{} (pinned)", topics.topics[m.topic].id),
                    "pin".to_string(),
                ),
                Some(m) => (topics.topics[m.topic].id.clone(), format!("{:.2}", m.score)),
                None => ("(unaligned)".to_string(), "-".to_string()),
            };
            let text: String = q.text.chars().take(70).collect();
            out.push_str(&format!(
                "{:<6} {:>3}  {:<28} {:>6}  {}\n",
                d.state.code, q.number, topic, score, text
            ));
        }
    }
    out
}

#[cfg(test)]
#[path = "align_tests.rs"]
mod tests;
