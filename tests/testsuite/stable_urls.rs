//! Two builds of one project, without and with an extra state -> the other states' page
//! URLs are the same, although adding the state changed how some of their questions
//! were matched (question pages are named from the state's own document).

use crate::harness;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use harness::{copy_all, repo};
use stateside::BuildOptions;

/// A project of the sample states and the alignment test states, minus `leave_out`.
fn project(leave_out: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    fs::create_dir_all(root.join("content")).unwrap();
    for part in [
        "templates",
        "static",
        "content/site.toml",
        "content/topics.toml",
    ] {
        copy_all(&repo().join(part), &root.join(part));
    }
    let states = root.join("content/states");
    fs::create_dir_all(&states).unwrap();
    for from in ["content/states", "tests/corpus/alignment/states"] {
        for entry in fs::read_dir(repo().join(from)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if Some(name.as_str()) != leave_out {
                fs::copy(&path, states.join(&name)).unwrap();
            }
        }
    }
    dir
}

/// Every file under `states/` of a built site, as `states/<state>/<file>`.
fn state_urls(out: &Path) -> BTreeSet<String> {
    let mut urls = BTreeSet::new();
    for state in fs::read_dir(out.join("states")).unwrap() {
        let state = state.unwrap();
        for page in fs::read_dir(state.path()).unwrap() {
            urls.insert(format!(
                "states/{}/{}",
                state.file_name().to_string_lossy(),
                page.unwrap().file_name().to_string_lossy()
            ));
        }
    }
    urls
}

/// Every question's topic, as "state question -> topic".
fn matches(root: &Path) -> BTreeSet<String> {
    let loaded = stateside::load(root).unwrap();
    let mut out = BTreeSet::new();
    for d in &loaded.docs {
        for (q, m) in d.questions.iter().zip(loaded.alignment.of(d)) {
            let topic = m.map_or("-", |m| loaded.topics.topics[m.topic].id.as_str());
            out.insert(format!("{} {} -> {topic}", d.state.code, q.number));
        }
    }
    out
}

fn build(dir: &tempfile::TempDir) -> BTreeSet<String> {
    let root = dir.path().join("project");
    stateside::build(&BuildOptions {
        root: root.clone(),
        output: None,
        base_url: None,
        minify: true,
    })
    .unwrap();
    state_urls(&root.join("public"))
}

#[test]
fn adding_a_state_moves_no_other_states_page() {
    let extra = "massachusetts.txt";
    let without = project(Some(extra));
    let with = project(None);
    let before = build(&without);
    let after = build(&with);
    let others: BTreeSet<String> = after
        .iter()
        .filter(|u| !u.starts_with("states/massachusetts/"))
        .cloned()
        .collect();
    assert!(after.len() > others.len(), "the extra state has pages");
    assert_eq!(before, others);
    // The test means something only if the extra state changed some other match.
    let moved: Vec<String> = matches(&with.path().join("project"))
        .into_iter()
        .filter(|m| !m.starts_with("MA "))
        .collect::<BTreeSet<_>>()
        .symmetric_difference(&matches(&without.path().join("project")))
        .cloned()
        .collect();
    assert!(!moved.is_empty(), "adding {extra} changed no other match");
}
