//! Tests of the search index: a small fixture guide in, documents, terms and files out.

use std::collections::BTreeSet;
use std::path::Path;

use super::index::{self, for_each_word, html_text, DocKind, STOP_WORDS};
use super::shard::INDEX_FILE;
use crate::model::Guide;
use crate::output::OutputFile;

fn guide(fixture: &str) -> Guide {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
    crate::load_guide(&root).expect("fixture loads").0
}

fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
    out
}

/// The JSON inside one index file (`(window.x||…)["key"]=<JSON>;`).
fn json(file: &OutputFile) -> serde_json::Value {
    let text = std::str::from_utf8(&file.contents).unwrap();
    let start = text.find("]=").expect("a key") + 2;
    let end = text.trim_end().strip_suffix(';').expect("ends with ;");
    serde_json::from_str(&end[start..]).expect("valid JSON")
}

#[test]
fn words_are_lowercase_runs_of_letters_and_digits_without_stop_words() {
    assert_eq!(
        words("The DMV's 287(g) Agreement: café-owners, É.U. and a warrant."),
        ["dmv", "287", "agreement", "café", "owners", "warrant"]
    );
    assert!(words("it is to be or not").contains(&"not".to_string()));
}

#[test]
fn stop_words_are_sorted_for_binary_search() {
    let mut sorted = STOP_WORDS.to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, STOP_WORDS);
    assert!(STOP_WORDS.iter().all(|w| w.len() <= 6));
}

#[test]
fn html_text_drops_tags_and_decodes_entities() {
    assert_eq!(
        html_text(
            "<h2>One &amp; two</h2><p>A <em>b</em> &lt;c&gt; &quot;d&quot;</p><ul><li>e</li></ul>"
        ),
        "One & two\nA b <c> \"d\"\ne"
    );
}

#[test]
fn stemming_finds_every_form_of_a_word() {
    let guide = guide("tests/fixtures/search");
    let index = index::build(&guide);
    let warrant = index
        .terms
        .iter()
        .find(|t| t.stem == "warrant")
        .expect("the stem of warrant is indexed");
    assert_eq!(warrant.forms, ["warrant", "warrants"]);
    // Ohio's answer says only "warrants"; Kansas's says "warrant".
    let urls: BTreeSet<&str> = warrant
        .postings
        .iter()
        .map(|p| index.docs[p.doc as usize].url.as_str())
        .collect();
    assert!(
        urls.contains("states/ohio/q1-does-ice-need-a-warrant-to-see-ohio-dmv-records.html"),
        "{urls:?}"
    );
    assert!(
        urls.contains("states/kansas/q1-is-a-warrant-required-in-kansas.html"),
        "{urls:?}"
    );
    assert!(urls.contains("topics/warrants/index.html"), "{urls:?}");
    // Postings are in document order, one per document, and count both fields.
    assert!(warrant.postings.windows(2).all(|w| w[0].doc < w[1].doc));
    let ohio = warrant
        .postings
        .iter()
        .find(|p| {
            index.docs[p.doc as usize].url
                == "states/ohio/q1-does-ice-need-a-warrant-to-see-ohio-dmv-records.html"
        })
        .unwrap();
    assert_eq!((ohio.in_title, ohio.in_text), (1, 2));
}

#[test]
fn every_answer_is_indexed_with_the_url_of_its_page() {
    for fixture in ["tests/fixtures/search", "."] {
        let guide = guide(fixture);
        let index = index::build(&guide);
        let site = crate::site::SiteModel::new(&guide, None).unwrap();
        let pages: BTreeSet<&str> = site.pages.iter().map(|p| p.path.as_str()).collect();
        for doc in &index.docs {
            assert!(pages.contains(doc.url.as_str()), "no page at {}", doc.url);
        }
        for (si, state) in guide.states.iter().enumerate() {
            for q in &state.questions {
                let url = format!("states/{}/{}.html", state.slug, q.slug);
                let doc = index
                    .docs
                    .iter()
                    .find(|d| d.url == url)
                    .unwrap_or_else(|| panic!("{url} is not indexed"));
                assert_eq!(doc.kind, DocKind::Answer);
                assert_eq!(doc.state, Some(si));
                assert_eq!(doc.topic, q.topic);
                assert_eq!(doc.title, q.text);
                assert_eq!(doc.text, q.answer_text);
                assert!(doc.text_words > 0, "{url} has no indexed words");
            }
        }
        let kinds = |k| index.docs.iter().filter(|d| d.kind == k).count();
        assert_eq!(kinds(DocKind::Topic), guide.topics.len());
        assert_eq!(kinds(DocKind::Page), guide.pages.len());
        assert_eq!(kinds(DocKind::State), guide.states.len());
    }
}

#[test]
fn extra_pages_and_state_introductions_are_searchable_text() {
    let guide = guide("tests/fixtures/search");
    let index = index::build(&guide);
    let about = index.docs.iter().find(|d| d.kind == DocKind::Page).unwrap();
    assert_eq!(about.url, "about/index.html");
    assert!(about.text.contains("every answer & page"), "{}", about.text);
    let kansas = index
        .docs
        .iter()
        .find(|d| d.url == "states/kansas/index.html")
        .unwrap();
    assert!(kansas.text.contains("café & \"quotes\""), "{}", kansas.text);
    assert!(index.terms.iter().any(|t| t.stem == "café"));
}

#[test]
fn shards_cover_every_term_at_the_place_the_index_names() {
    let guide = guide(".");
    let index = index::build(&guide);
    let files = super::index_files(&guide);
    assert_eq!(files[0].path, INDEX_FILE);
    let meta = json(&files[0]);
    let by_name = |name: &str| {
        let path = format!("search/{name}");
        files.iter().find(|f| f.path == path).map(json).unwrap()
    };
    let starts: Vec<&str> = meta["term_starts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(starts[0], "");
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "starts are sorted");
    let shards: Vec<serde_json::Value> = meta["term_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| by_name(v.as_str().unwrap()))
        .collect();
    assert!(
        shards.len() > 1,
        "the sample site is big enough for several shards"
    );
    let shard_of = |key: &str| &shards[starts.partition_point(|s| *s <= key) - 1];
    let mut postings = 0;
    for term in &index.terms {
        let entry = &shard_of(&term.stem)["stems"][&term.stem];
        assert!(entry.is_array(), "stem {:?} is not in its shard", term.stem);
        let forms: Vec<&str> = entry[0]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(forms, term.forms);
        // Decode the postings back: gaps between documents, then text × 4 + title.
        let flat: Vec<u64> = entry[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let mut doc = 0;
        for (pair, p) in flat.chunks(2).zip(&term.postings) {
            doc += pair[0];
            assert_eq!(doc, u64::from(p.doc));
            assert_eq!(
                pair[1],
                u64::from(p.in_text) * 4 + u64::from(p.in_title.min(3))
            );
        }
        assert_eq!(flat.len(), term.postings.len() * 2);
        postings += term.postings.len();
        for form in term.forms.iter().filter(|f| **f != term.stem) {
            assert_eq!(shard_of(form)["forms"][form], term.stem.as_str());
        }
    }
    assert!(postings > 1000, "{postings} postings");
    // Title shards and text shards hold every document once, in order.
    let shard_docs = |starts: &str, files: &str| {
        let mut docs = Vec::new();
        for (start, name) in meta[starts]
            .as_array()
            .unwrap()
            .iter()
            .zip(meta[files].as_array().unwrap())
        {
            assert_eq!(start.as_u64().unwrap() as usize, docs.len());
            docs.extend(by_name(name.as_str().unwrap()).as_array().unwrap().clone());
        }
        docs
    };
    let titles = shard_docs("title_starts", "title_files");
    let texts = shard_docs("text_starts", "text_files");
    assert_eq!(titles.len(), index.docs.len());
    assert_eq!(texts.len(), index.docs.len());
    for ((title, text), doc) in titles.iter().zip(&texts).zip(&index.docs) {
        assert_eq!(title[0], doc.title);
        assert_eq!(title[1], doc.url.as_str());
        assert_eq!(*text, doc.text.as_ref());
    }
    assert_eq!(meta["kinds"].as_str().unwrap().len(), index.docs.len());
}

#[test]
fn output_is_deterministic() {
    let guide = guide(".");
    let first = super::index_files(&guide);
    for _ in 0..3 {
        assert_eq!(super::index_files(&guide), first);
    }
    let names: BTreeSet<&str> = first.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names.len(), first.len(), "no two files share a name");
}
