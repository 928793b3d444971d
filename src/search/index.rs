//! The guide -> the search index: one [`SearchDoc`] per answer, state page, topic page and
//! extra page, and one [`Term`] per English stem with every word form it was found under and
//! the documents that hold it (postings, in document order, with counts per field).

use std::collections::BTreeMap;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::model::Guide;
use crate::site::links;

/// Words too common to say anything about a document; left out of the index and of queries
/// (the client receives the same list). "not", "no" and "out" stay: in policy answers they
/// carry meaning ("does not share", "opt out").
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "did",
    "do", "does", "for", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it",
    "its", "may", "might", "must", "of", "on", "or", "shall", "should", "so", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your",
];

/// Longer "words" are identifiers or noise, not something a reader types.
const MAX_WORD_CHARS: usize = 40;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// A state's answer to one question (its question page).
    Answer,
    /// A state page: its title and introduction.
    State,
    /// A topic page: the topic's title and label.
    Topic,
    /// An extra page from `content/pages/`.
    Page,
}

/// One searchable document. `title` is the strongly weighted field (the question text, or
/// the page title); `text` is the body the snippet comes from.
#[derive(Debug, Clone)]
pub struct SearchDoc<'g> {
    pub kind: DocKind,
    /// Index into `Guide::states`.
    pub state: Option<usize>,
    /// Index into `Guide::topics`.
    pub topic: Option<usize>,
    /// Relative to the output root, as the site's own links are.
    pub url: String,
    pub title: &'g str,
    pub text: std::borrow::Cow<'g, str>,
    /// Indexed words in `title` and in `text`.
    pub title_words: u32,
    pub text_words: u32,
}

/// One document holding a term, with how often the term occurs in each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub in_title: u16,
    pub in_text: u16,
}

/// An English stem with the word forms it stands for and where it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stem: String,
    /// Every lowercase word of the content that stems to `stem`, sorted.
    pub forms: Vec<String>,
    /// In document order, one per document.
    pub postings: Vec<Posting>,
}

/// The whole index. Terms are sorted by stem; documents are in guide order (each state's
/// page then its answers, state by state, then topics, then extra pages).
#[derive(Debug, Clone)]
pub struct SearchIndex<'g> {
    pub docs: Vec<SearchDoc<'g>>,
    pub terms: Vec<Term>,
}

/// Calls `each` with every indexed word of `text`, lowercased: runs of letters and digits of
/// two characters or more, stop words left out. `buf` is scratch space.
pub fn for_each_word(text: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    for_each_token(text, buf, |w| {
        if !is_stop_word(w) {
            each(w)
        }
    })
}

/// [`for_each_word`] with the stop words still in (the indexer recognises them once per
/// distinct word instead of once per occurrence).
fn for_each_token(text: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    buf.clear();
    let mut chars = 0usize;
    let mut flush = |buf: &mut String, chars: &mut usize| {
        if *chars >= 2 && *chars <= MAX_WORD_CHARS {
            each(buf);
        }
        buf.clear();
        *chars = 0;
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
                chars += 1;
            } else if !buf.is_empty() {
                flush(buf, &mut chars);
            }
        } else if c.is_alphanumeric() {
            buf.extend(c.to_lowercase());
            chars += 1;
        } else if !buf.is_empty() {
            flush(buf, &mut chars);
        }
    }
    if !buf.is_empty() {
        flush(buf, &mut chars);
    }
}

fn is_stop_word(word: &str) -> bool {
    word.len() <= 6 && STOP_WORDS.binary_search(&word).is_ok()
}

/// Every document of the guide, in index order.
pub fn documents(guide: &Guide) -> Vec<SearchDoc<'_>> {
    let mut docs = Vec::new();
    let doc = |kind, state, topic, url, title, text| SearchDoc {
        kind,
        state,
        topic,
        url,
        title,
        text,
        title_words: 0,
        text_words: 0,
    };
    for (si, state) in guide.states.iter().enumerate() {
        let intro = state
            .intro_html
            .as_deref()
            .map(html_text)
            .unwrap_or_default();
        docs.push(doc(
            DocKind::State,
            Some(si),
            None,
            links::state_page(&state.slug),
            state.title.as_str(),
            intro.into(),
        ));
        for q in &state.questions {
            docs.push(doc(
                DocKind::Answer,
                Some(si),
                q.topic,
                links::question_page(&state.slug, &q.slug),
                q.text.as_str(),
                q.answer_text.as_str().into(),
            ));
        }
    }
    for (ti, topic) in guide.topics.iter().enumerate() {
        docs.push(doc(
            DocKind::Topic,
            None,
            Some(ti),
            links::topic_page(&topic.id),
            topic.title.as_str(),
            topic.label.as_str().into(),
        ));
    }
    for page in &guide.pages {
        docs.push(doc(
            DocKind::Page,
            None,
            None,
            links::extra_page(&page.slug),
            page.title.as_str(),
            html_text(&page.html).into(),
        ));
    }
    docs
}

/// The words of one slice of documents, each interned once: what a worker thread hands back.
struct Tally {
    /// Local word id -> the word.
    words: Vec<String>,
    /// Per document (in slice order): (local word id, count in title, count in text).
    docs: Vec<Vec<(u32, u16, u16)>>,
    /// Per document: indexed words in title and text.
    lengths: Vec<(u32, u32)>,
}

/// Marks a stop word in a slice's interner: seen, but not indexed.
const STOP: u32 = u32::MAX;

fn tally(docs: &[SearchDoc]) -> Tally {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut words: Vec<String> = Vec::new();
    // Counts per local word id, and which ids the current document touched.
    let mut counts: Vec<(u16, u16)> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut buf = String::new();
    let mut out = Vec::with_capacity(docs.len());
    let mut lengths = Vec::with_capacity(docs.len());
    for doc in docs {
        let mut len = (0u32, 0u32);
        for (in_title, text) in [(true, doc.title), (false, doc.text.as_ref())] {
            for_each_token(text, &mut buf, |w| {
                let id = match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = if is_stop_word(w) {
                            STOP
                        } else {
                            words.push(w.to_string());
                            counts.push((0, 0));
                            words.len() as u32 - 1
                        };
                        ids.insert(w.to_string(), id);
                        id
                    }
                };
                if id == STOP {
                    return;
                }
                let c = &mut counts[id as usize];
                if *c == (0, 0) {
                    touched.push(id);
                }
                if in_title {
                    c.0 = c.0.saturating_add(1);
                    len.0 += 1;
                } else {
                    c.1 = c.1.saturating_add(1);
                    len.1 += 1;
                }
            });
        }
        let entries = touched
            .drain(..)
            .map(|id| {
                let (t, x) = std::mem::take(&mut counts[id as usize]);
                (id, t, x)
            })
            .collect();
        out.push(entries);
        lengths.push(len);
    }
    Tally {
        words,
        docs: out,
        lengths,
    }
}

/// Builds the index of the guide: documents tallied in parallel slices, each distinct word
/// stemmed once, postings gathered per stem.
pub fn build(guide: &Guide) -> SearchIndex<'_> {
    let mut docs = documents(guide);
    let slice = docs
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(64);
    let tallies: Vec<Tally> = docs.par_chunks(slice).map(tally).collect();

    // Every distinct word, then its stem, each computed once.
    let mut all_words: Vec<&str> = tallies
        .iter()
        .flat_map(|t| t.words.iter().map(String::as_str))
        .collect();
    all_words.par_sort_unstable();
    all_words.dedup();
    let stemmer = Stemmer::create(Algorithm::English);
    let stems: Vec<String> = all_words
        .par_iter()
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    let mut stem_ids: BTreeMap<&str, u32> = stems.iter().map(|s| (s.as_str(), 0)).collect();
    for (i, id) in stem_ids.values_mut().enumerate() {
        *id = i as u32;
    }
    let word_ids: FxHashMap<&str, u32> = all_words
        .iter()
        .zip(&stems)
        .map(|(w, s)| (*w, stem_ids[s.as_str()]))
        .collect();

    let mut terms: Vec<Term> = stem_ids
        .keys()
        .map(|s| Term {
            stem: s.to_string(),
            forms: Vec::new(),
            postings: Vec::new(),
        })
        .collect();
    for (w, s) in all_words.iter().zip(&stems) {
        terms[stem_ids[s.as_str()] as usize]
            .forms
            .push(w.to_string());
    }

    let mut doc_id = 0u32;
    let mut entries: Vec<(u32, u16, u16)> = Vec::new();
    for t in &tallies {
        let to_stem: Vec<u32> = t.words.iter().map(|w| word_ids[w.as_str()]).collect();
        for (counts, &(title_words, text_words)) in t.docs.iter().zip(&t.lengths) {
            let doc = &mut docs[doc_id as usize];
            doc.title_words = title_words;
            doc.text_words = text_words;
            entries.clear();
            entries.extend(counts.iter().map(|&(w, a, b)| (to_stem[w as usize], a, b)));
            // Several forms of one stem in a document ("warrant", "warrants") add up.
            entries.sort_unstable_by_key(|e| e.0);
            let mut i = 0;
            while i < entries.len() {
                let (stem, mut in_title, mut in_text) = entries[i];
                i += 1;
                while i < entries.len() && entries[i].0 == stem {
                    in_title = in_title.saturating_add(entries[i].1);
                    in_text = in_text.saturating_add(entries[i].2);
                    i += 1;
                }
                terms[stem as usize].postings.push(Posting {
                    doc: doc_id,
                    in_title,
                    in_text,
                });
            }
            doc_id += 1;
        }
    }
    SearchIndex { docs, terms }
}

/// The text of an HTML fragment as written by our own HTML writer: tags dropped (block
/// ends become line breaks) and the entities it writes decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name = tag.trim_start_matches('/');
        let name = &name[..name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len())];
        if matches!(
            name,
            "p" | "li" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "pre" | "div"
        ) {
            out.push('\n');
        } else if matches!(name, "td" | "th") {
            out.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let lines: Vec<&str> = decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}
