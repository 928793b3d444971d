//! `stateside topics` and a project without topics.toml: proposals printed, a draft
//! written only when asked (never over an existing file without --force), and a build
//! that uses the topics found.

use crate::harness;

use std::fs;

use harness::{copy_all, repo, stateside};

/// A project of the sample states and the alignment test states, without topics.toml.
fn project_without_topics() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    fs::create_dir_all(root.join("content/states")).unwrap();
    for part in ["templates", "static", "content/site.toml"] {
        copy_all(&repo().join(part), &root.join(part));
    }
    for from in ["content/states", "tests/corpus/alignment/states"] {
        for entry in fs::read_dir(repo().join(from)).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(
                &path,
                root.join("content/states").join(path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    dir
}

#[test]
fn topics_on_the_samples_proposes_and_compares_with_topics_toml() {
    let run = stateside(["topics", "--root", repo().to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("topics found in 2 states' questions"),
        "{}",
        run.stdout
    );
    // The two opt-out questions are one proposed topic.
    let opt = run
        .stdout
        .split("\n\n")
        .find(|s| s.contains("AL     7"))
        .unwrap();
    assert!(opt.contains("IA    10"), "{opt}");
    assert!(run.stdout.contains("Compared with topics.toml:"));
    assert!(run
        .stdout
        .contains("topics no state answers: licenses-for-undocumented, third-party-access"));
}

#[test]
fn write_never_replaces_topics_toml_without_force() {
    let dir = project_without_topics();
    let root = dir.path().join("project");
    let topics = root.join("content/topics.toml");
    let mine = fs::read_to_string(repo().join("content/topics.toml")).unwrap() + "# mine\n";
    fs::write(&topics, &mine).unwrap();
    let run = stateside(["topics", "--write", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("exists and was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&topics).unwrap(), mine);
}

#[test]
fn a_project_without_topics_toml_builds_with_found_topics_and_can_write_them() {
    let dir = project_without_topics();
    let root = dir.path().join("project");
    let run = stateside(["check", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("there is no topics.toml: the site uses"),
        "{}",
        run.stderr
    );
    let run = stateside(["build", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let topic_pages = fs::read_dir(root.join("public/topics")).unwrap().count();
    assert!(topic_pages >= 15, "{topic_pages} topic pages");

    let run = stateside(["topics", "--write", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let path = root.join("content/topics.toml");
    let text = fs::read_to_string(&path).unwrap();
    let parsed = stateside::config::parse_topics(&path, &text).expect("the draft parses");
    assert!(parsed.topics.len() >= 15);
    // And the project builds from the draft.
    let run = stateside(["build", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}
