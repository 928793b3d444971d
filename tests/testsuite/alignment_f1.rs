//! Test states written for this test (tests/corpus/alignment/) + the series' topics ->
//! pairwise precision, recall and F1 of the alignment against a reader-written table.
//!
//! A pair is two questions of two different states. It is right when the reader put both
//! under one topic and the matcher did too; "none" questions belong with nothing.
//! `cargo test --test testsuite alignment_f1 -- --nocapture` prints the figures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use stateside::align::align;
use stateside::config::{parse_topics, TopicsConfig};
use stateside::doc::StateDoc;
use stateside::jurisdiction::Jurisdictions;
use stateside::parse::parse_text;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn topics() -> TopicsConfig {
    let path = root().join("content/topics.toml");
    parse_topics(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn read_state(path: &Path) -> StateDoc {
    let bytes = std::fs::read(path).unwrap();
    let parsed = parse_text(path, &bytes, &Jurisdictions::new(&[]));
    parsed
        .doc
        .unwrap_or_else(|| panic!("{}: {:?}", path.display(), parsed.diagnostics))
}

/// The test states with the reader's topic for each question, in file-name order.
fn corpus() -> Vec<(StateDoc, Vec<String>)> {
    let dir = root().join("tests/corpus/alignment");
    let expected: BTreeMap<String, Vec<String>> =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    let known = topics();
    expected
        .into_iter()
        .map(|(name, want)| {
            let doc = read_state(&dir.join("states").join(format!("{name}.txt")));
            assert_eq!(
                doc.questions.len(),
                want.len(),
                "{name}: one topic per question"
            );
            for w in &want {
                assert!(
                    w == "none" || known.topics.iter().any(|t| &t.id == w),
                    "{name}: unknown topic {w}"
                );
            }
            (doc, want)
        })
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct Scores {
    precision: f64,
    recall: f64,
    f1: f64,
}

/// Pairwise scores over every pair of questions from two different states.
fn pairwise(got: &[Vec<Option<String>>], want: &[Vec<String>]) -> Scores {
    let (mut both, mut got_pairs, mut want_pairs) = (0u64, 0u64, 0u64);
    for a in 0..got.len() {
        for b in a + 1..got.len() {
            for (ga, wa) in got[a].iter().zip(&want[a]) {
                for (gb, wb) in got[b].iter().zip(&want[b]) {
                    let g = ga.is_some() && ga == gb;
                    let w = wa != "none" && wa == wb;
                    got_pairs += u64::from(g);
                    want_pairs += u64::from(w);
                    both += u64::from(g && w);
                }
            }
        }
    }
    let precision = both as f64 / got_pairs.max(1) as f64;
    let recall = both as f64 / want_pairs.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        precision,
        recall,
        f1,
    }
}

fn topic_ids(docs: &[StateDoc], topics: &TopicsConfig) -> Vec<Vec<Option<String>>> {
    align(
        docs,
        topics,
        &stateside::jurisdiction::Jurisdictions::new(&[]),
    )
    .docs
    .iter()
    .map(|d| {
        d.matches
            .iter()
            .map(|m| m.map(|m| topics.topics[m.topic].id.clone()))
            .collect()
    })
    .collect()
}

fn print_misses(docs: &[StateDoc], got: &[Vec<Option<String>>], want: &[Vec<String>]) {
    for (d, (g, w)) in docs.iter().zip(got.iter().zip(want)) {
        for (q, (g, w)) in d.questions.iter().zip(g.iter().zip(w)) {
            let g = g.as_deref().unwrap_or("-");
            if g != w && !(g == "-" && w == "none") {
                println!("  {} {:>2}: got {g}, want {w}", d.state.code, q.number);
            }
        }
    }
}

#[test]
fn test_states_align_with_pairwise_f1_of_at_least_080() {
    let t = topics();
    let (docs, want): (Vec<StateDoc>, Vec<Vec<String>>) = corpus().into_iter().unzip();
    assert!(docs.len() >= 6);
    assert!(docs.iter().all(|d| d.questions.len() >= 15));
    let got = topic_ids(&docs, &t);
    let alone = pairwise(&got, &want);
    println!(
        "test states aligned alone: precision {:.3}, recall {:.3}, F1 {:.3}",
        alone.precision, alone.recall, alone.f1
    );
    print_misses(&docs, &got, &want);

    // As a real site would run: the test states together with the two sample states.
    let mut with_samples = docs.clone();
    for name in ["alabama.txt", "iowa.txt"] {
        with_samples.push(read_state(&root().join("content/states").join(name)));
    }
    let got_all = topic_ids(&with_samples, &t);
    let joint = pairwise(&got_all[..docs.len()], &want);
    println!(
        "test states aligned with the samples: precision {:.3}, recall {:.3}, F1 {:.3}",
        joint.precision, joint.recall, joint.f1
    );
    assert!(alone.f1 >= 0.80, "F1 {:.3} alone", alone.f1);
    assert!(joint.f1 >= 0.80, "F1 {:.3} with the samples", joint.f1);
}

#[test]
fn topics_found_without_hints_group_the_test_states_questions() {
    let (docs, want): (Vec<StateDoc>, Vec<Vec<String>>) = corpus().into_iter().unzip();
    let found = stateside::align::discover::discover(
        &docs,
        &stateside::config::MatchingConfig::default(),
        &stateside::jurisdiction::Jurisdictions::new(&[]),
    );
    let mut got: Vec<Vec<Option<String>>> =
        docs.iter().map(|d| vec![None; d.questions.len()]).collect();
    for p in &found.topics {
        for &(d, q) in &p.members {
            got[d][q] = Some(p.id.clone());
        }
    }
    let s = pairwise(&got, &want);
    println!(
        "topics found without hints: {} topics; precision {:.3}, recall {:.3}, F1 {:.3}",
        found.topics.len(),
        s.precision,
        s.recall,
        s.f1
    );
    for p in &found.topics {
        println!(
            "  {:<28} {:.2} {:>2} questions  {}",
            p.id,
            p.confidence,
            p.members.len(),
            p.title
        );
    }
    assert!(s.f1 >= 0.5, "F1 {:.3}", s.f1);
}
