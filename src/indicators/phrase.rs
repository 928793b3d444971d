//! Words -> stemmed tokens, and phrase patterns from `indicators.toml` -> the places in a
//! run of tokens where they match. A pattern is words matched by stem (so "require" also
//! finds "requires" and "required"), `*` for a few words in between, and `(a|b c)` for
//! alternatives; "n't" and "cannot" read as "not", so one negation word covers them all.
//! The stemming is light on purpose (plural and verb endings only): a full stemmer makes
//! "information" of "inform" and "like" of "likely", and a phrase then finds what it
//! does not mean.

use rustc_hash::FxHashMap;
use std::ops::Range;

/// Most words a `*` stands for: enough for a clause, not for a paragraph.
const MAX_GAP: usize = 20;

/// The stemmed, lowercased words of `text`, in order.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, &mut String::new(), |t| out.push(t.to_string()));
    out
}

/// Calls `each` with the stemmed, lowercased words of `text`, in order, each made in the
/// one buffer `buf`: every answer of every state goes through here, and a string per
/// word was most of the cost of coding indicators.
pub fn for_each_token(text: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    let is_quote = |c: char| matches!(c, '\'' | '’' | '‘');
    for raw in text.split(|c: char| !(c.is_alphanumeric() || is_quote(c))) {
        let raw = raw.trim_matches(is_quote);
        if raw.is_empty() {
            continue;
        }
        buf.clear();
        // Nearly every word is ASCII: lowercased in one go, not character by character.
        if raw.is_ascii() {
            buf.push_str(raw);
            buf.make_ascii_lowercase();
        } else {
            for c in raw.chars() {
                match c {
                    '’' | '‘' => buf.push('\''),
                    c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                    c => buf.extend(c.to_lowercase()),
                }
            }
        }
        if buf.ends_with("'s") {
            buf.truncate(buf.len() - 2);
        }
        match buf.as_str() {
            "cannot" | "can't" => {
                each("can");
                each("not");
            }
            "won't" => {
                each("will");
                each("not");
            }
            w if w.ends_with("n't") => {
                buf.truncate(buf.len() - 3);
                stem(buf);
                each(buf);
                each("not");
            }
            _ => {
                if buf.contains('\'') {
                    buf.retain(|c| c != '\'');
                }
                stem(buf);
                each(buf);
            }
        }
    }
}

/// Token ids. Every word that a pattern or [`CLAUSE_WORDS`] uses has its own; any other
/// word is [`UNKNOWN`]: a sentence's words are only ever compared with those words, never
/// with each other, so telling the others apart would change no match.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

/// The id of every word no pattern uses.
pub const UNKNOWN: u32 = u32::MAX;

/// Words that start a new clause: what follows them is said with its own polarity. They
/// are the first ids of every [`Vocabulary`] (see [`Vocabulary::is_clause_word`]).
const CLAUSE_WORDS: &[&str] = &[
    "but",
    "howev",
    "although",
    "though",
    "wherea",
    "while",
    "yet",
    "nonetheless",
    "nevertheless",
];

impl Default for Vocabulary {
    fn default() -> Self {
        let mut vocabulary = Vocabulary {
            ids: FxHashMap::default(),
        };
        for w in CLAUSE_WORDS {
            vocabulary.intern(w);
        }
        vocabulary
    }
}

impl Vocabulary {
    /// The id of `word`, given a new one when it has none yet.
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        id
    }

    /// The id of a token, [`UNKNOWN`] when no pattern uses it.
    pub fn id(&self, token: &str) -> u32 {
        self.ids.get(token).copied().unwrap_or(UNKNOWN)
    }

    /// How many words have ids (ids run from 0 to this).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the token with this id starts a new clause.
    pub fn is_clause_word(id: u32) -> bool {
        (id as usize) < CLAUSE_WORDS.len()
    }
}

/// A word without its plural or verb ending: "requires", "required", "requiring" and
/// "require" all give "requir"; "barred" gives "bar".
fn stem(w: &mut String) {
    if w.len() <= 3 || !w.is_ascii() {
        return;
    }
    if w.ends_with("ies") || w.ends_with("ied") {
        w.truncate(w.len() - 3);
        w.push('y');
        return;
    }
    let verb = ["ing", "ed"]
        .iter()
        .find(|s| w.ends_with(*s) && w.len() - s.len() >= 2);
    if let Some(suffix) = verb {
        w.truncate(w.len() - suffix.len());
        let b = w.as_bytes();
        let last = b[b.len() - 1];
        if b.len() >= 2 && last == b[b.len() - 2] && !b"aeioulsfz".contains(&last) {
            w.pop();
        }
    } else if w.ends_with("es") && w.len() >= 4 {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        w.pop();
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
}

/// A parsed phrase pattern, its words as text (`Pattern<String>`, what [`Pattern::parse`]
/// gives) or as token ids ([`Phrase`], what sentences are searched with).
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern<W = String> {
    elems: Vec<Elem<W>>,
}

/// A pattern compiled against a [`Vocabulary`].
pub type Phrase = Pattern<u32>;

#[derive(Debug, Clone, PartialEq)]
enum Elem<W> {
    Word(W),
    /// Alternatives, each a run of words.
    Alt(Vec<Vec<W>>),
    Gap,
}

/// Where a pattern matched: the token range, and which tokens are the pattern's own words
/// (not the ones a `*` skipped).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub own: Vec<usize>,
}

impl Pattern {
    /// Parses a pattern; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut elems = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars();
        let flush = |literal: &mut String, elems: &mut Vec<Elem<String>>| {
            elems.extend(tokens(literal).into_iter().map(Elem::Word));
            literal.clear();
        };
        while let Some(c) = chars.next() {
            match c {
                '*' => {
                    flush(&mut literal, &mut elems);
                    elems.push(Elem::Gap);
                }
                '(' => {
                    flush(&mut literal, &mut elems);
                    let mut group = String::new();
                    loop {
                        match chars.next() {
                            Some(')') => break,
                            Some('(') => return Err("groups cannot nest".into()),
                            Some(c) => group.push(c),
                            None => return Err("a `(` is never closed".into()),
                        }
                    }
                    let alts: Vec<Vec<String>> = group.split('|').map(tokens).collect();
                    if alts.iter().any(Vec::is_empty) {
                        return Err("an alternative in ( | ) is empty".into());
                    }
                    elems.push(Elem::Alt(alts));
                }
                ')' => return Err("a `)` has no `(`".into()),
                c => literal.push(c),
            }
        }
        flush(&mut literal, &mut elems);
        if !elems.iter().any(|e| !matches!(e, Elem::Gap)) {
            return Err("it has no words".into());
        }
        if matches!(elems.first(), Some(Elem::Gap)) || matches!(elems.last(), Some(Elem::Gap)) {
            return Err("a `*` must stand between words".into());
        }
        Ok(Pattern { elems })
    }

    /// The same pattern with its words as ids of `vocabulary` (given ids as needed).
    pub fn compile(&self, vocabulary: &mut Vocabulary) -> Phrase {
        let mut id = |w: &String| vocabulary.intern(w);
        let elems = self
            .elems
            .iter()
            .map(|e| match e {
                Elem::Word(w) => Elem::Word(id(w)),
                Elem::Alt(alts) => Elem::Alt(
                    alts.iter()
                        .map(|a| a.iter().map(&mut id).collect())
                        .collect(),
                ),
                Elem::Gap => Elem::Gap,
            })
            .collect();
        Pattern { elems }
    }
}

impl Phrase {
    /// Whether the pattern can match a sentence with these words (sorted, distinct ids):
    /// each of its words, and a first word of each choice, is among them. Most patterns
    /// fail this for most sentences, which spares looking for them word by word.
    pub fn could_match(&self, words: &[u32]) -> bool {
        let has = |w: &u32| words.binary_search(w).is_ok();
        self.elems.iter().all(|e| match e {
            Elem::Word(w) => has(w),
            Elem::Alt(alts) => alts.iter().any(|a| has(&a[0])),
            Elem::Gap => true,
        })
    }

    /// Words of which a sentence must hold one for the pattern to match: the first words of
    /// its last word or choice (usually the rarest part, the thing the phrase is about).
    pub fn triggers(&self) -> Vec<u32> {
        match self.elems.iter().rev().find(|e| !matches!(e, Elem::Gap)) {
            Some(Elem::Word(w)) => vec![*w],
            Some(Elem::Alt(alts)) => alts.iter().map(|a| a[0]).collect(),
            _ => Vec::new(),
        }
    }
}

impl<W: PartialEq> Pattern<W> {
    /// Every place in `toks[range]` where the pattern matches, leftmost first; at each
    /// start, the shortest match.
    pub fn find_all(&self, toks: &[W], range: Range<usize>) -> Vec<Found> {
        let mut found = Vec::new();
        for start in range.clone() {
            let mut own = Vec::new();
            if let Some(end) = self.match_at(0, start, range.end, toks, &mut own) {
                found.push(Found {
                    span: start..end,
                    own,
                });
            }
        }
        found
    }

    fn match_at(
        &self,
        e: usize,
        pos: usize,
        end: usize,
        toks: &[W],
        own: &mut Vec<usize>,
    ) -> Option<usize> {
        let Some(elem) = self.elems.get(e) else {
            return Some(pos);
        };
        match elem {
            Elem::Word(w) => {
                if pos < end && toks[pos] == *w {
                    own.push(pos);
                    if let Some(found) = self.match_at(e + 1, pos + 1, end, toks, own) {
                        return Some(found);
                    }
                    own.pop();
                }
                None
            }
            Elem::Alt(alts) => {
                for alt in alts {
                    let stop = pos + alt.len();
                    // The first words are compared alone first: most choices fail there,
                    // and a slice comparison is a call to memcmp.
                    if stop <= end && toks[pos] == alt[0] && toks[pos..stop] == alt[..] {
                        own.extend(pos..stop);
                        if let Some(found) = self.match_at(e + 1, stop, end, toks, own) {
                            return Some(found);
                        }
                        own.truncate(own.len() - alt.len());
                    }
                }
                None
            }
            Elem::Gap => {
                (pos..=end.min(pos + MAX_GAP)).find_map(|p| self.match_at(e + 1, p, end, toks, own))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_stem_and_read_contractions_as_not() {
        assert_eq!(tokens("Doesn't require"), ["do", "not", "requir"]);
        for w in ["requires", "required", "requiring", "require"] {
            assert_eq!(tokens(w), ["requir"]);
        }
        assert_eq!(tokens("barred bars"), ["bar", "bar"]);
        assert_ne!(tokens("information"), tokens("inform"));
        assert_ne!(tokens("likely"), tokens("like"));
        assert_eq!(tokens("agencies notified"), ["agency", "notify"]);
        assert_eq!(tokens("cannot opt-out"), ["can", "not", "opt", "out"]);
        assert_eq!(tokens("the driver’s records"), ["the", "driver", "record"]);
    }

    #[test]
    fn gaps_and_alternatives_match() {
        let p = Pattern::parse("require * (warrant|court order)").unwrap();
        let t = tokens("The BMV requires a signed court order first");
        let f = p.find_all(&t, 0..t.len());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, 2..7);
        assert_eq!(f[0].own, vec![2, 5, 6]);
        assert!(p
            .find_all(&tokens("a warrant is required"), 0..4)
            .is_empty());
    }

    #[test]
    fn bad_patterns_say_why() {
        assert!(Pattern::parse("(a|b").unwrap_err().contains("never closed"));
        assert!(Pattern::parse("* a").unwrap_err().contains("between"));
        assert!(Pattern::parse("(a|)").unwrap_err().contains("empty"));
        assert!(Pattern::parse("  ").unwrap_err().contains("no words"));
    }
}
