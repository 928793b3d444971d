//! The search index -> the script files a browser loads: `search/index.js` (the states,
//! topics, per-document facts and the map of shards), term shards (words -> stems ->
//! postings, split by key range), title shards (title and URL of a run of documents, for the
//! list of results) and text shards (their text, for snippets, loaded after the list shows). Each file is a script that sets data on `window`, so
//! the index loads from `file://` too, where `fetch` of local files is refused.

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

use super::index::{DocKind, SearchDoc, SearchIndex, Term, STOP_WORDS};
use crate::error::Result;
use crate::model::Guide;
use crate::output::OutputFile;

/// The file every page's search box loads first.
pub const INDEX_FILE: &str = "search/index.js";
/// The global object every index file adds itself to.
const GLOBAL: &str = "statesideSearch";
/// Bumped when the layout of the files changes, so a client can tell.
const FORMAT: u32 = 1;

/// Rough size in bytes at which a term shard is closed and the next one begins: small
/// enough that a query loads little, big enough that a 50-state site has only a few dozen.
const TERM_SHARD_BYTES: usize = 24 * 1024;
/// The same for title shards: a 50-state site has two.
const TITLE_SHARD_BYTES: usize = 96 * 1024;
/// The same for text shards; a page of results loads one per result at most.
const TEXT_SHARD_BYTES: usize = 16 * 1024;

#[derive(Serialize)]
struct Meta<'a> {
    format: u32,
    stop_words: &'a [&'a str],
    /// (name, postal code) per state, in guide order.
    states: Vec<[&'a str; 2]>,
    /// Label per topic, in guide order.
    topics: Vec<&'a str>,
    /// One letter per document: `a`nswer, `s`tate, `t`opic, `p`age.
    kinds: String,
    /// Per document: index into `states` / `topics`, or -1.
    doc_state: Vec<i64>,
    doc_topic: Vec<i64>,
    /// Per document: indexed words in its title and in its text.
    title_words: Vec<u32>,
    text_words: Vec<u32>,
    /// Term shards: the first key of each (the first is ""), and its file.
    term_starts: Vec<&'a str>,
    term_files: Vec<String>,
    /// Title shards: the first document of each, and its file.
    title_starts: Vec<u32>,
    title_files: Vec<String>,
    /// Text shards: the first document of each, and its file.
    text_starts: Vec<u32>,
    text_files: Vec<String>,
}

/// A term shard: `forms` maps a word form to its stem where the two differ; `stems` maps a
/// stem to its word forms and its postings, flattened as (documents since the previous
/// posting, count in text × 4 + count in title up to 3) pairs.
#[derive(Serialize, Default)]
struct TermShard<'a> {
    forms: BTreeMap<&'a str, &'a str>,
    stems: BTreeMap<&'a str, (&'a [String], Vec<u32>)>,
}

/// One key of the term shards: a stem, or a word form pointing at its stem.
enum Key<'a> {
    Stem(&'a Term),
    Form(&'a str, &'a str),
}

/// Every file of the index, `search/index.js` first; deterministic for a given guide.
pub fn files(index: &SearchIndex, guide: &Guide) -> Vec<OutputFile> {
    let made = Mutex::new(Vec::new());
    each_file(index, guide, &|order, file| {
        made.lock()
            .expect("no thread panics holding it")
            .push((order, file));
        Ok(())
    })
    .expect("keeping files in memory cannot fail");
    let mut made = made.into_inner().expect("no thread panics holding it");
    made.sort_unstable_by_key(|(order, _)| *order);
    made.into_iter().map(|(_, file)| file).collect()
}

/// Hands every file of the index to `emit` as soon as it is made, from several threads,
/// with its place in the order of [`files`] (`search/index.js`, 0, comes last: it names
/// the others), so that the shards (the whole text of the site) are never all in memory
/// at once. Stops at the first error of `emit`.
pub fn each_file(
    index: &SearchIndex,
    guide: &Guide,
    emit: &(dyn Fn(usize, OutputFile) -> Result<()> + Sync),
) -> Result<()> {
    let (term_starts, term_shards) = term_shards(index);
    let title_ranges = doc_ranges(index, TITLE_SHARD_BYTES, |d| d.title.len() + d.url.len());
    let text_ranges = doc_ranges(index, TEXT_SHARD_BYTES, |d| d.text.len());
    let name = |f: &OutputFile| f.path.trim_start_matches("search/").to_string();
    // Each file is written as soon as it is made; only its name is kept, for the index.
    let made = |order: usize, file: OutputFile| -> Result<String> {
        let n = name(&file);
        emit(order, file)?;
        Ok(n)
    };
    let first_title = 1 + term_shards.len();
    let first_text = first_title + title_ranges.len();
    let term_files: Vec<String> = term_shards
        .par_iter()
        .enumerate()
        .map(|(i, shard)| made(1 + i, script_file("t", i, shard)))
        .collect::<Result<_>>()?;
    let title_files: Vec<String> = title_ranges
        .par_iter()
        .enumerate()
        .map(|(i, range)| {
            let docs: Vec<[&str; 2]> = index.docs[range.clone()]
                .iter()
                .map(|d| [d.title, d.url.as_str()])
                .collect();
            made(first_title + i, script_file("n", i, &docs))
        })
        .collect::<Result<_>>()?;
    let text_files: Vec<String> = text_ranges
        .par_iter()
        .enumerate()
        .map(|(i, range)| {
            let docs: Vec<&str> = index.docs[range.clone()]
                .iter()
                .map(|d| d.text.as_ref())
                .collect();
            made(first_text + i, script_file("d", i, &docs))
        })
        .collect::<Result<_>>()?;
    let meta = Meta {
        format: FORMAT,
        stop_words: STOP_WORDS,
        states: guide
            .states
            .iter()
            .map(|s| [s.name.as_str(), s.code.as_str()])
            .collect(),
        topics: guide.topics.iter().map(|t| t.label.as_str()).collect(),
        kinds: index
            .docs
            .iter()
            .map(|d| match d.kind {
                DocKind::Answer => 'a',
                DocKind::State => 's',
                DocKind::Topic => 't',
                DocKind::Page => 'p',
            })
            .collect(),
        doc_state: index
            .docs
            .iter()
            .map(|d| d.state.map_or(-1, |s| s as i64))
            .collect(),
        doc_topic: index
            .docs
            .iter()
            .map(|d| d.topic.map_or(-1, |t| t as i64))
            .collect(),
        title_words: index.docs.iter().map(|d| d.title_words).collect(),
        text_words: index.docs.iter().map(|d| d.text_words).collect(),
        term_starts,
        term_files,
        title_starts: title_ranges.iter().map(|r| r.start as u32).collect(),
        title_files,
        text_starts: text_ranges.iter().map(|r| r.start as u32).collect(),
        text_files,
    };
    emit(0, OutputFile::new(INDEX_FILE, script("index", &meta)))
}

/// The term shards and the first key of each: every key (stems and word forms) in order,
/// cut into runs of about [`TERM_SHARD_BYTES`], never between two equal keys.
fn term_shards<'a>(index: &'a SearchIndex) -> (Vec<&'a str>, Vec<TermShard<'a>>) {
    let mut keys: Vec<(&str, Key)> = Vec::new();
    for term in &index.terms {
        keys.push((&term.stem, Key::Stem(term)));
        for form in term.forms.iter().filter(|f| **f != term.stem) {
            keys.push((form, Key::Form(form, &term.stem)));
        }
    }
    keys.sort_by(|a, b| a.0.cmp(b.0));
    let mut starts = vec![""];
    let mut shards = vec![TermShard::default()];
    let mut size = 0usize;
    let mut previous = "";
    for (key, entry) in keys {
        if size >= TERM_SHARD_BYTES && key != previous {
            starts.push(key);
            shards.push(TermShard::default());
            size = 0;
        }
        previous = key;
        let shard = shards.last_mut().expect("one shard at least");
        match entry {
            Key::Form(form, stem) => {
                size += form.len() + stem.len() + 6;
                shard.forms.insert(form, stem);
            }
            Key::Stem(term) => {
                let postings = flat_postings(term);
                size += term.stem.len()
                    + term.forms.iter().map(|f| f.len() + 3).sum::<usize>()
                    + postings.len() * 3;
                shard.stems.insert(&term.stem, (&term.forms, postings));
            }
        }
    }
    (starts, shards)
}

fn flat_postings(term: &Term) -> Vec<u32> {
    let mut flat = Vec::with_capacity(term.postings.len() * 2);
    let mut last = 0u32;
    for p in &term.postings {
        flat.push(p.doc - last);
        flat.push(u32::from(p.in_text) * 4 + u32::from(p.in_title.min(3)));
        last = p.doc;
    }
    flat
}

/// Runs of documents of about `limit` bytes each, as `size` counts them.
fn doc_ranges(
    index: &SearchIndex,
    limit: usize,
    size_of: impl Fn(&SearchDoc) -> usize,
) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, doc) in index.docs.iter().enumerate() {
        size += size_of(doc) + 8;
        if size >= limit {
            ranges.push(start..i + 1);
            start = i + 1;
            size = 0;
        }
    }
    if start < index.docs.len() {
        ranges.push(start..index.docs.len());
    }
    ranges
}

/// `search/<prefix><n>-<hash>.js`: a name that changes with the content, so that a browser
/// never mixes a cached shard of an earlier build with the index of a new one.
fn script_file(prefix: &str, n: usize, data: &impl Serialize) -> OutputFile {
    let key = format!("{prefix}{n}");
    let contents = script(&key, data);
    let path = format!("search/{key}-{:08x}.js", content_hash(&contents) >> 32);
    OutputFile::new(path, contents)
}

/// `(window.statesideSearch ||= {})["<key>"] = <JSON>;`. JSON is a JavaScript expression,
/// and the file is never inlined into a page, so no escaping beyond JSON's is needed.
fn script(key: &str, data: &impl Serialize) -> Vec<u8> {
    let mut out = format!("(window.{GLOBAL}||(window.{GLOBAL}={{}}))[\"{key}\"]=").into_bytes();
    serde_json::to_writer(&mut out, data).expect("serializing to memory cannot fail");
    out.extend_from_slice(b";\n");
    out
}

/// A stable 64-bit hash of the bytes for file names (std's hasher may change between
/// versions): FNV-1a's constants, taken eight bytes at a time with a final mix, which is
/// plenty to tell builds apart and several times faster than a byte at a time.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        hash = (hash ^ w).wrapping_mul(0x0100_0000_01b3);
        hash ^= hash >> 29;
    }
    for &b in words.remainder() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    hash ^= hash >> 32;
    hash.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}
