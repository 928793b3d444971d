//! Same content in -> same bytes out: two builds of the sample content, and two builds of
//! a generated corpus (60 states, made-up places included), give byte-identical trees.
//! Also: the generated corpus parses without a warning and every question gets the topic
//! the generator wrote it for.

use crate::gen_corpus;
use crate::harness::{self, repo};

use std::collections::BTreeMap;

use std::path::Path;

use stateside::BuildOptions;

const SEED: u64 = 2024;
const STATES: usize = 60;

fn build(root: &Path, output: &Path) -> BTreeMap<String, Vec<u8>> {
    stateside::build(&BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.to_path_buf()),
        base_url: Some("https://example.org/guide/".into()),
        minify: true,
    })
    .unwrap_or_else(|e| panic!("build of {} failed: {e}", root.display()));
    harness::files(output)
}

fn assert_identical(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let names_a: Vec<&String> = a.keys().collect();
    let names_b: Vec<&String> = b.keys().collect();
    assert_eq!(names_a, names_b, "the two builds wrote different files");
    for (path, bytes) in a {
        assert!(bytes == &b[path], "{path} differs between the two builds");
    }
}

fn generated_project() -> (tempfile::TempDir, gen_corpus::Corpus) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = gen_corpus::generate(STATES, SEED);
    gen_corpus::write_project(&corpus, repo(), dir.path()).unwrap();
    (dir, corpus)
}

#[test]
fn sample_content_builds_byte_identically() {
    let out = tempfile::tempdir().unwrap();
    let first = build(repo(), &out.path().join("one"));
    let second = build(repo(), &out.path().join("two"));
    assert!(first.keys().any(|p| p.ends_with(".html")));
    assert_identical(&first, &second);
}

#[test]
fn generated_corpus_builds_byte_identically() {
    let (project, corpus) = generated_project();
    let out = tempfile::tempdir().unwrap();
    let first = build(project.path(), &out.path().join("one"));
    let second = build(project.path(), &out.path().join("two"));
    let pages = first.keys().filter(|p| p.ends_with(".html")).count();
    let questions: usize = corpus.states.iter().map(|s| s.topics.len()).sum();
    assert!(pages > questions + STATES, "only {pages} pages");
    assert_identical(&first, &second);
}

#[test]
fn generator_is_deterministic_and_prefix_stable() {
    let a = gen_corpus::generate(STATES, SEED);
    let b = gen_corpus::generate(STATES, SEED);
    assert_eq!(a.files, b.files);
    let small = gen_corpus::generate(10, SEED);
    for (path, bytes) in &small.files {
        assert!(
            a.files.iter().any(|(p, b)| p == path && b == bytes),
            "{path}"
        );
    }
    assert_ne!(
        gen_corpus::generate(3, SEED + 1).files,
        small.files[..3].to_vec()
    );
}

#[test]
fn generated_corpus_parses_cleanly_and_aligns_as_intended() {
    let (project, corpus) = generated_project();
    let loaded = stateside::load(project.path()).unwrap();
    let problems = harness::problems(&loaded);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(loaded.docs.len(), STATES);

    let mut total = 0usize;
    let mut right = 0usize;
    // (topic, phrasing) -> (misaligned count, example)
    let mut wrong: BTreeMap<(&str, usize), (usize, String)> = BTreeMap::new();
    for doc in &loaded.docs {
        let matches = loaded.alignment.of(doc);
        let meant = corpus
            .states
            .iter()
            .find(|s| s.name == doc.state.name)
            .unwrap_or_else(|| panic!("{} was not generated", doc.state.name));
        assert_eq!(doc.questions.len(), meant.topics.len(), "{}", meant.name);
        for (qi, (q, m)) in doc.questions.iter().zip(matches).enumerate() {
            assert_eq!(
                q.text,
                meant.questions[qi],
                "{} question {}",
                meant.name,
                qi + 1
            );
            total += 1;
            let got = m.map(|m| loaded.topics.topics[m.topic].id.as_str());
            if got == Some(meant.topics[qi]) {
                right += 1;
            } else {
                let e = wrong
                    .entry((meant.topics[qi], meant.phrasings[qi]))
                    .or_insert((0, String::new()));
                e.0 += 1;
                e.1 = format!("{:?} -> {:?}", q.text, got.unwrap_or("(unaligned)"));
            }
        }
    }
    let accuracy = right as f64 / total as f64;
    let report: Vec<String> = wrong
        .iter()
        .map(|((topic, phrasing), (n, example))| {
            format!("{topic} phrasing {phrasing}: {n} wrong, e.g. {example}")
        })
        .collect();
    eprintln!(
        "alignment: {right}/{total} = {:.2}%\n{}",
        accuracy * 100.0,
        report.join("\n")
    );
    assert_eq!(right, total, "misaligned:\n{}", report.join("\n"));
}

#[test]
fn generated_answers_have_100_to_300_words() {
    let (project, _) = generated_project();
    let (guide, _) = stateside::load_guide(project.path()).unwrap();
    for state in &guide.states {
        for q in &state.questions {
            let words = q.answer_text.split_whitespace().count();
            assert!(
                (100..=300).contains(&words),
                "{} question {}: {words} words",
                state.name,
                q.number
            );
        }
    }
}
