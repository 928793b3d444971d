//! Text -> terms: words stemmed, stop, ignored and place words dropped, synonyms folded; plus rarity weights.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::config::TopicsConfig;
use crate::doc::{Answer, Block, List};
use crate::jurisdiction::Jurisdictions;

use super::ANSWER_WORDS;

/// Common English words that carry no topic.
pub(super) const STOP_WORDS: &[&str] = &[
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

/// Words of a text as hashed stems. Hashing (FNV-1a) instead of interning keeps the
/// parallel analysis free of shared state and the result deterministic.
pub(super) type Term = u64;

pub(super) fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(super) fn bigram(a: Term, b: Term) -> Term {
    fnv(&b.to_le_bytes(), a.rotate_left(17))
}

/// Turns text into terms: lower-case words, stemmed, minus stop/ignored/place words,
/// synonyms folded to their group's first word.
pub(super) struct Analyzer {
    pub(super) stemmer: Stemmer,
    pub(super) stop: HashSet<String>,
    pub(super) ignore: HashSet<String>,
    /// Term sequence of a synonym -> the group's canonical term, longest first.
    pub(super) synonyms: Vec<(Vec<Term>, Term)>,
    /// Indices into `synonyms` by the first term of the sequence, in `synonyms` order.
    pub(super) synonyms_by_first: TermMap<Vec<usize>>,
    /// Words of place names: another state's name counts as the one term [`PLACE`].
    pub(super) places: HashSet<String>,
    /// Postal codes, dropped ("ID" and "OK" are words too often to mean a place).
    pub(super) codes: HashSet<String>,
}

/// The term every other state's name becomes: naming other states is what comparisons do.
pub(super) const PLACE: Term = 0x9e37_79b9_7f4a_7c15;

/// What the phrases of a synonym group of ignored words fold to, and are then dropped as.
const DROPPED: Term = 0x2545_f491_4f6c_dd1d;

/// Maps keyed by [`Term`]s, which are hashes already: a one-multiply hasher is enough.
pub(super) type TermMap<V> = HashMap<Term, V, rustc_hash::FxBuildHasher>;

/// Lower-case word -> its term, or `None` when the word is dropped (stop, ignored or place
/// word). Each analysis thread keeps one, so most words are stemmed once per thread.
pub(super) type StemCache = HashMap<String, Option<Term>, rustc_hash::FxBuildHasher>;

pub(super) struct QuestionFeatures {
    /// Unigrams and bigrams of the question.
    pub(super) q_set: Vec<Term>,
    /// Answer term frequencies (unigrams only).
    pub(super) a_tf: Vec<(Term, f32)>,
}

/// A topic's hints as terms: (term, weight) for questions (unigrams and phrase bigrams)
/// and unigram weights for answers.
pub(super) struct Hint {
    pub(super) q: TermMap<f32>,
    pub(super) a: TermMap<f32>,
}

impl Analyzer {
    /// `places` are every place a state file may be about, the extra ones of site.toml
    /// too: their names' words stand for "a place", never for what a question asks.
    pub(super) fn new(topics: &TopicsConfig, places: &Jurisdictions) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut a = Analyzer {
            stemmer,
            stop: HashSet::new(),
            ignore: HashSet::new(),
            synonyms: Vec::new(),
            synonyms_by_first: TermMap::default(),
            places: HashSet::new(),
            codes: HashSet::new(),
        };
        a.stop = STOP_WORDS.iter().map(|w| w.to_string()).collect();
        let ignore: Vec<String> = topics
            .matching
            .ignore
            .iter()
            .flat_map(|w| a.raw_stems(w))
            .collect();
        a.ignore = ignore.into_iter().collect();
        for j in places.all() {
            for w in words(&j.name) {
                if !matches!(
                    w.as_str(),
                    "new" | "north" | "south" | "west" | "of" | "the" | "islands" | "u"
                ) {
                    a.places.insert(w);
                }
            }
            a.codes.insert(j.code.to_lowercase());
        }
        a.places.retain(|w| !a.stop.contains(w));
        a.codes.retain(|w| !a.stop.contains(w));
        for group in &topics.matching.synonyms {
            let Some(first) = group.first() else { continue };
            let canon = a
                .raw_stems(first)
                .into_iter()
                .map(|s| fnv(s.as_bytes(), 0))
                .reduce(bigram);
            // A group whose first word is ignored names something ignored: drop it all.
            let canon = canon.unwrap_or(DROPPED);
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
    pub(super) fn raw_stems(&self, text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .filter(|w| !self.stop.contains(w))
            .map(|w| self.stemmer.stem(&w).into_owned())
            .filter(|s| !self.ignore.contains(s))
            .collect()
    }

    /// [`Analyzer::raw_stems`] as terms.
    pub(super) fn raw_terms(&self, text: &str) -> Vec<Term> {
        self.raw_stems(text)
            .iter()
            .map(|s| fnv(s.as_bytes(), 0))
            .collect()
    }

    /// Terms of the first `limit` kept words of a text, synonyms folded.
    pub(super) fn terms(
        &self,
        cache: &mut StemCache,
        text: &str,
        own_place: &[String],
        limit: usize,
    ) -> Vec<Term> {
        let mut stems: Vec<Term> = Vec::new();
        for_each_word(text, |w| {
            if stems.len() >= limit {
                return false;
            }
            if own_place.iter().any(|o| o == w) {
                return true;
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
                // A run of place words ("new mexico") is one place.
                if !(s == PLACE && stems.last() == Some(&PLACE)) {
                    stems.push(s);
                }
            }
            true
        });
        self.fold(&stems)
    }

    /// The term of one lower-case word: [`PLACE`] for a place name, `None` for a stop,
    /// postal-code or ignored word.
    pub(super) fn word_term(&self, w: &str) -> Option<Term> {
        if self.stop.contains(w) || self.codes.contains(w) {
            return None;
        }
        if self.places.contains(w) {
            return Some(PLACE);
        }
        let s = self.stemmer.stem(w);
        (!self.ignore.contains(s.as_ref())).then(|| fnv(s.as_bytes(), 0))
    }

    /// Replaces synonym phrases by their canonical term.
    pub(super) fn fold(&self, stems: &[Term]) -> Vec<Term> {
        let mut out = Vec::with_capacity(stems.len());
        let mut i = 0;
        'outer: while i < stems.len() {
            if let Some(candidates) = self.synonyms_by_first.get(&stems[i]) {
                for &k in candidates {
                    let (seq, canon) = &self.synonyms[k];
                    if stems[i..].starts_with(seq) {
                        if *canon != DROPPED {
                            out.push(*canon);
                        }
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

    pub(super) fn question_features(
        &self,
        cache: &mut StemCache,
        place: &str,
        question: &str,
        answer: &Answer,
    ) -> QuestionFeatures {
        // The state's own name says nothing about the topic.
        let own = words(place);
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

    pub(super) fn hint(&self, hints: &[String], title: &str, label: &str) -> Hint {
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
pub(super) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| {
        out.push(w.to_owned());
        true
    });
    out
}

/// Calls `each` with every word of [`words`] in turn, in one reused buffer, until it
/// returns false.
pub(super) fn for_each_word(text: &str, mut each: impl FnMut(&str) -> bool) {
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

/// The words of an answer, for matching: a Markdown answer's [`Answer::plain`] text (what
/// its pages show, so link URLs and markup are no match words); a plain-text answer's
/// lines without the list numbers the pages add (numbers are words to the matcher).
pub(super) fn answer_plain(answer: &Answer) -> String {
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
        Answer::Markdown(_) => answer.plain(),
    }
}

/// Inverse document frequencies over all questions (for question terms) and answers.
pub(super) struct Idf {
    pub(super) q: TermMap<f32>,
    pub(super) a: TermMap<f32>,
    pub(super) q_default: f32,
    pub(super) a_default: f32,
}

impl Idf {
    pub(super) fn new(questions: &[QuestionFeatures]) -> Self {
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

    pub(super) fn q(&self, t: Term) -> f32 {
        self.q.get(&t).copied().unwrap_or(self.q_default)
    }

    pub(super) fn a(&self, t: Term) -> f32 {
        self.a.get(&t).copied().unwrap_or(self.a_default)
    }
}
