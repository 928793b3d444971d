//! One answer's plain text + the words it answers -> its key sentence: the sentence that
//! says most beyond the question's own words, without list numbers, shortened for a
//! matrix cell. Computed once per answer by the model stage.
//!
//! "Says most" is measured by the distinct word roots a sentence adds to what the reader
//! already knows from the question, its topic, the state's name and the series' common
//! words (`[matching] ignore` of topics.toml). Numbers and names count a little more (a
//! statute number is the most specific thing an answer can give); a sentence that only
//! introduces a list ("…include:") or is a bare fragment counts much less; an opening
//! "Yes" or "No" answers the question outright and wins.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::text::{is_sentence_end, shorten};

/// Longest key sentence shown in a matrix cell, in characters.
pub const KEY_SENTENCE_CHARS: usize = 150;

/// Openings of sentences that frame or sum up rather than inform ("However, it is
/// important to note that…"): general English, not the series' wording.
const FRAMING_OPENINGS: &[&str] = &[
    "however",
    "overall",
    "ultimately",
    "furthermore",
    "moreover",
    "additionally",
    "in conclusion",
    "in summary",
    "in general",
    "in light of",
    "it is important",
    "it is essential",
    "it is crucial",
    "it is recommended",
    "it is worth",
    "it's important",
    "it’s important",
    "it should be noted",
    "while ",
    "as a result",
];

/// Sentences of an answer considered: the point of an answer is made early, and a
/// very long answer should not cost more than it can give.
const MAX_SENTENCES: usize = 16;

/// Words that turn a statement into a rule or a limit.
const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "without",
    "cannot",
    "never",
    "nor",
    "prohibits",
];

/// Words that make a sentence a guess rather than a statement.
const HEDGES: &[&str] = &["likely", "may", "might", "could", "possibly", "potentially"];

/// Words that carry no information on their own. Negations ("not", "no", "without") are
/// deliberately absent: "does not share" says something "shares" does not.
const FILLER_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "do",
    "does",
    "each",
    "for",
    "from",
    "had",
    "has",
    "have",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "might",
    "more",
    "most",
    "must",
    "of",
    "on",
    "or",
    "other",
    "our",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "us",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "s",
    "t",
    "also",
    "however",
    "additionally",
    "overall",
    "specific",
    "various",
    "certain",
    "important",
    "essential",
    "note",
    "generally",
    "typically",
    "often",
    "including",
    "include",
    "includes",
    "ensure",
];

/// Picks key sentences; built once per guide and shared by every answer.
pub struct KeySentences {
    /// What the picker knows of a word, by the hash of its root: filler and the series'
    /// own words (`COMMON`), hedges, negations.
    lexicon: FxHashMap<u64, u8>,
}

const COMMON: u8 = 1;
const HEDGE: u8 = 2;
const NEGATION: u8 = 4;

impl KeySentences {
    /// `series_words` are the words every question of the series uses (the agencies, the
    /// subject), from topics.toml.
    pub fn new(series_words: &[String]) -> Self {
        let mut lexicon: FxHashMap<u64, u8> = FxHashMap::default();
        let mut buf = String::new();
        let mut add = |word: &str, kind: u8| {
            *lexicon.entry(root_hash(word, &mut buf)).or_default() |= kind;
        };
        for w in FILLER_WORDS {
            add(w, COMMON);
        }
        for w in series_words.iter().flat_map(|p| raw_words(p)) {
            add(w, COMMON);
        }
        for w in HEDGES {
            add(w, HEDGE);
        }
        for w in NEGATIONS {
            add(w, NEGATION);
        }
        KeySentences { lexicon }
    }

    /// The key sentence of `answer` (plain text), given what the reader knows already:
    /// the question and topic title, the state's name (`known`). At most `max` characters,
    /// cut at a word with "…". Empty only when the answer is.
    pub fn pick(&self, answer: &str, known: &[&str], max: usize) -> String {
        let mut buf = String::new();
        let seen: FxHashSet<u64> = known
            .iter()
            .flat_map(|text| raw_words(text))
            .map(|w| root_hash(w, &mut buf))
            .collect();
        let mut novel = FxHashSet::default();
        let mut best: Option<(f32, &str)> = None;
        for (i, sentence) in first_sentences(answer, MAX_SENTENCES)
            .into_iter()
            .enumerate()
        {
            // No sentence scores more than 2.5 a word (a novel number and a negation),
            // times the opening "Yes"/"No" boost: skip those that cannot beat the best.
            let words_at_most = sentence.bytes().filter(|&b| b == b' ').count() + 1;
            let boost = if i == 0 { 3.0 } else { 1.0 };
            let bound = 2.5 * words_at_most as f32 * boost + 8.0;
            if best.is_some_and(|(b, _)| bound <= b) {
                continue;
            }
            novel.clear();
            let score = self.score(sentence, i, &seen, &mut novel, &mut buf, max);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, sentence));
            }
        }
        match best {
            Some((_, sentence)) => condense(sentence, max),
            None => String::new(),
        }
    }

    /// Runs once per sentence of every answer (tens of thousands at 2,000 states): words
    /// are compared as hashes of their roots, in reused buffers, without allocating.
    fn score(
        &self,
        sentence: &str,
        position: usize,
        seen: &FxHashSet<u64>,
        novel: &mut FxHashSet<u64>,
        buf: &mut String,
        max: usize,
    ) -> f32 {
        let mut score = 0.0;
        let mut word_count = 0;
        let mut hedged = false;
        for (i, raw) in raw_words(sentence).enumerate() {
            word_count += 1;
            let root = root_hash(raw, buf);
            let kind = self.lexicon.get(&root).copied().unwrap_or(0);
            hedged |= kind & HEDGE != 0;
            // A negation states a rule or a limit ("does not provide … without a warrant").
            if kind & NEGATION != 0 {
                score += 1.0;
            }
            if kind & COMMON != 0 || seen.contains(&root) || !novel.insert(root) {
                continue;
            }
            score += if raw.bytes().any(|b| b.is_ascii_digit()) {
                1.5
            } else if i > 0 && raw.starts_with(char::is_uppercase) {
                1.25
            } else {
                1.0
            };
        }
        // Words beyond the first thirty add less: a shorter sentence that says as much is
        // the better cell, and survives the cut.
        if word_count > 30 {
            score *= (30.0 / word_count as f32).sqrt();
        }
        if word_count < 5 {
            score *= 0.3;
        }
        if sentence.ends_with(':') {
            score *= 0.3;
        }
        if sentence.len() > max * 3 / 2 {
            // Most of it would be cut away.
            score *= 0.8;
        }
        let opens_with = |f: &&str| {
            sentence
                .as_bytes()
                .get(..f.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(f.as_bytes()))
        };
        if FRAMING_OPENINGS.iter().any(opens_with) {
            score *= 0.5;
        }
        if hedged {
            score *= 0.8;
        }
        if position == 0 && starts_with_yes_or_no(sentence) {
            score = score * 3.0 + 8.0;
        }
        // Earlier sentences say the main thing; later ones tend to elaborate or sum up.
        score / (1.0 + 0.05 * position as f32)
    }
}

/// A word's root, hashed: lower case, with one common English ending cut off
/// ("regulated", "regulates", "regulation" -> "regulat"), which is all the matching of a
/// sentence against its question needs.
fn root_hash(word: &str, buf: &mut String) -> u64 {
    let lower: &[u8] = if !word.is_ascii() {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        buf.as_bytes()
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
        buf.as_bytes()
    } else {
        word.as_bytes()
    };
    let mut end = lower.len();
    for ending in ENDINGS {
        if end >= ending.len() + 3 && lower.ends_with(ending.as_bytes()) {
            end -= ending.len();
            break;
        }
    }
    let mut hasher = FxHasher::default();
    hasher.write(&lower[..end]);
    hasher.finish()
}

/// The endings [`root_hash`] cuts, longest of each family first.
const ENDINGS: [&str; 10] = [
    "ations", "ation", "ions", "ion", "ing", "ed", "es", "e", "s", "ly",
];

/// `sentence` within `max` characters: when too long, first without its asides
/// (parentheses, and ", which …," clauses), then cut at a word with "…".
fn condense(sentence: &str, max: usize) -> String {
    let whole = shorten(sentence, usize::MAX);
    if whole.chars().count() <= max {
        return whole;
    }
    let mut text = whole;
    while let (Some(open), Some(close)) = (text.find(" ("), text.find(')')) {
        if close < open {
            break;
        }
        text.replace_range(open..=close, "");
    }
    for word in [", which ", ", who "] {
        while let Some(start) = text.find(word) {
            let Some(len) = text[start + 2..].find(", ") else {
                break;
            };
            // Up to and including the clause's closing comma.
            text.replace_range(start..start + 3 + len, "");
        }
    }
    shorten(&text, max)
}

fn starts_with_yes_or_no(sentence: &str) -> bool {
    let first = sentence.split([',', '.', ' ', ';']).next().unwrap_or("");
    first == "Yes" || first == "No"
}

/// The sentences of a plain-text answer, each trimmed, list numbers and bullets removed,
/// whitespace joined; paragraphs and list items always end a sentence.
pub fn sentences(text: &str) -> Vec<&str> {
    first_sentences(text, usize::MAX)
}

/// The first `limit` of [`sentences`], without splitting the rest of the text.
fn first_sentences(text: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        if out.len() >= limit {
            break;
        }
        let line = strip_list_marker(line.trim());
        let mut start = 0;
        // Only `.`, `?` and `!` can end a sentence: jump from one to the next rather
        // than testing every character.
        for (i, mark) in line.match_indices(['.', '?', '!']) {
            let c = mark.chars().next().unwrap_or('.');
            if i >= start && is_sentence_end(line, i, c) {
                let end = i + c.len_utf8();
                push_sentence(&mut out, &line[start..end]);
                start = end;
            }
        }
        push_sentence(&mut out, &line[start..]);
    }
    out.truncate(limit);
    out
}

fn push_sentence<'t>(out: &mut Vec<&'t str>, s: &'t str) {
    let s = strip_list_marker(s.trim());
    if s.chars().any(char::is_alphanumeric) {
        out.push(s);
    }
}

/// `1. Text`, `2) Text`, `- Text`, `• Text` -> `Text`.
fn strip_list_marker(line: &str) -> &str {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return r.trim_start();
        }
    }
    for bullet in ["- ", "* ", "• "] {
        if let Some(r) = line.strip_prefix(bullet) {
            return r.trim_start();
        }
    }
    line
}

/// Words as written (letters and digits; an apostrophe ends the word).
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
#[path = "key_sentence_tests.rs"]
mod tests;
