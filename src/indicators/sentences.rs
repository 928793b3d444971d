//! An answer's plain text -> its sentences, each quoted as written (spaces collapsed, list
//! numbers left out), with its stemmed tokens cut into clauses, so that a "but" or a ";"
//! keeps a negation or a hedge from reaching the other half of the sentence.

use std::ops::Range;

use super::phrase::{for_each_token, Vocabulary, UNKNOWN};

/// One sentence of an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The sentence as written, with runs of white space made single spaces.
    pub text: String,
    /// Its stemmed words, as ids of the indicators' [`Vocabulary`].
    pub tokens: Vec<u32>,
    /// Token ranges of its clauses, in order, covering every token.
    pub clauses: Vec<Range<usize>>,
    /// About somewhere else, the past, or advice: it decides nothing (set by the coder).
    pub elsewhere: bool,
}

impl Sentence {
    /// Its distinct words that patterns use, sorted, for
    /// [`super::phrase::Phrase::could_match`].
    pub fn words(&self) -> Vec<u32> {
        let mut words: Vec<u32> = self
            .tokens
            .iter()
            .copied()
            .filter(|&t| t != UNKNOWN)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }
}

impl Sentence {
    fn new(text: String, vocabulary: &Vocabulary, buf: &mut String) -> Sentence {
        let mut toks = Vec::new();
        let mut clauses = Vec::new();
        for part in text.split([';', ':', '—', '–']) {
            let mut start = toks.len();
            for_each_token(part, buf, |t| {
                let id = vocabulary.id(t);
                if Vocabulary::is_clause_word(id) && toks.len() > start {
                    clauses.push(start..toks.len());
                    start = toks.len();
                }
                toks.push(id);
            });
            if toks.len() > start {
                clauses.push(start..toks.len());
            }
        }
        Sentence {
            text,
            tokens: toks,
            clauses,
            elsewhere: false,
        }
    }

    /// A question asked in passing decides nothing.
    pub fn is_question(&self) -> bool {
        self.text.ends_with('?')
    }
}

/// The sentences of an answer's plain text. Paragraphs are separated by blank lines and
/// list items start lines; other line breaks are soft and join their lines.
pub fn sentences(text: &str, vocabulary: &Vocabulary) -> Vec<Sentence> {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || list_marker_len(trimmed).is_some() {
            if !current.trim().is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        let body = match list_marker_len(trimmed) {
            Some(n) => &trimmed[n..],
            None => trimmed,
        };
        current.push(' ');
        current.push_str(body);
    }
    if !current.trim().is_empty() {
        blocks.push(current);
    }
    let mut buf = String::new();
    blocks
        .iter()
        .flat_map(|b| split_block(b))
        .map(|s| Sentence::new(s, vocabulary, &mut buf))
        .filter(|s| !s.tokens.is_empty())
        .collect()
}

/// Length of a list marker ("1. ", "2) ", "- ", "* ") at the start of a line.
fn list_marker_len(line: &str) -> Option<usize> {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") {
        return Some(line.find(' ').unwrap_or(0) + 1);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits < 4 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

/// A paragraph's sentences: they end at `.`, `?` or `!` before a space, except after a
/// single letter ("U.S.", "e.g.") or a bare number.
fn split_block(block: &str) -> Vec<String> {
    // Words joined by single spaces, straight into one buffer.
    let mut text = String::with_capacity(block.len());
    for word in block.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // The marks are ASCII, so they are found byte by byte (a byte of a longer UTF-8
    // character is never ASCII), without decoding characters.
    for (i, &mark) in bytes.iter().enumerate() {
        if !matches!(mark, b'.' | b'?' | b'!') || bytes.get(i + 1).is_some_and(|&b| b != b' ') {
            continue;
        }
        let c = char::from(mark);
        let before = &text[start..i];
        let word = before.rfind(' ').map_or(before, |p| &before[p + 1..]);
        let last_part = word.rsplit('.').next().unwrap_or("");
        let single_letter = last_part.chars().count() == 1
            && last_part.chars().all(char::is_alphabetic)
            && c == '.';
        let number = c == '.' && !word.is_empty() && word.chars().all(|d| d.is_ascii_digit());
        if single_letter || number {
            continue;
        }
        let end = i + c.len_utf8();
        let sentence = text[start..end].trim();
        if !sentence.is_empty() {
            out.push(sentence.to_string());
        }
        start = end;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_list_items_and_sentences() {
        let text = "The U.S. rule applies.\nIt goes on here. Second one?\n\n1. Item one: a note.\n2. Item two";
        let s: Vec<String> = sentences(text, &Vocabulary::default())
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(
            s,
            [
                "The U.S. rule applies.",
                "It goes on here.",
                "Second one?",
                "Item one: a note.",
                "Item two"
            ]
        );
    }

    #[test]
    fn clauses_break_at_but_and_semicolons() {
        let vocabulary = Vocabulary::default();
        let s = &sentences(
            "No law applies; drivers can opt out but only by mail.",
            &vocabulary,
        )[0];
        assert_eq!(s.clauses.len(), 3, "{:?}", s.clauses);
        assert_eq!(s.clauses[0], 0..3);
        assert_eq!(s.tokens[s.clauses[2].start], vocabulary.id("but"));
    }
}
