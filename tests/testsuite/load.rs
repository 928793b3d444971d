//! Loading whole projects: problems across files are all reported, with file and line.

use std::fs;
use std::path::{Path, PathBuf};

use stateside::{Error, Severity};

use crate::harness;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A temp project with the repo's site.toml and topics.toml and the given files.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("states")).unwrap();
    fs::create_dir_all(content.join("pages")).unwrap();
    for name in ["site.toml", "topics.toml"] {
        fs::copy(
            Path::new(REPO).join("content").join(name),
            content.join(name),
        )
        .unwrap();
    }
    for (path, text) in files {
        let p: PathBuf = content.join(path);
        fs::write(p, text).unwrap();
    }
    dir
}

/// A question no topic is about.
const FOOTBALL_IN_OHIO: &str =
    "Data Sharing in Ohio\n\n1. Who won the football game last night?\n\nThe home team.\n";

/// A temp project with the given files, loaded.
fn loaded_with(files: &[(&str, &str)]) -> stateside::Loaded {
    stateside::load(project(files).path()).unwrap()
}

/// The first diagnostic of `severity`, which the test expects there.
fn first(loaded: &stateside::Loaded, severity: Severity) -> &stateside::Diagnostic {
    loaded
        .diagnostics
        .iter()
        .find(|d| d.severity == severity)
        .unwrap_or_else(|| panic!("no {severity:?} in {:?}", loaded.diagnostics))
}

const OHIO: &str = "Data Sharing in Ohio\n\n1. How long does ICE keep BMV records?\n\nFor years.\n";

#[test]
fn sample_content_checks_clean_and_fully_aligned() {
    let loaded = stateside::load(Path::new(REPO)).unwrap();
    let problems = harness::problems(&loaded);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(loaded.docs.len(), 2);
    for doc in &loaded.docs {
        let matches = loaded.alignment.of(doc);
        assert_eq!(matches.len(), 20);
        assert!(
            matches.iter().all(Option::is_some),
            "{} has unaligned questions",
            doc.state.name
        );
    }
}

#[test]
fn every_problem_in_every_file_is_listed() {
    let p = project(&[
        ("states/ohio.txt", OHIO),
        ("states/ohio-again.txt", OHIO),
        (
            "states/atlantis.txt",
            "Data Sharing in Atlantis\n\n1. What?\n\nA.\n",
        ),
        ("states/empty.txt", ""),
        ("pages/data.md", "+++\ntitle = \"Data\"\n+++\nx\n"),
    ]);
    let loaded = stateside::load(p.path()).unwrap();
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 4, "{errors:#?}");
    let all = errors.join("\n");
    // The second file for Ohio names both files.
    assert!(
        all.contains(
            "content/states/ohio.txt: error: a second file for Ohio: content/states/ohio-again.txt"
        ) || all.contains(
            "content/states/ohio-again.txt: error: a second file for Ohio: content/states/ohio.txt"
        ),
        "{all}"
    );
    assert!(
        all.contains("content/states/atlantis.txt:1: error: unknown state \"Atlantis\""),
        "{all}"
    );
    assert!(
        all.contains("content/states/empty.txt: error: the file is empty"),
        "{all}"
    );
    assert!(
        all.contains("content/pages/data.md:1: error: page slug \"data\" is taken"),
        "{all}"
    );
    // And the build refuses with every problem.
    match stateside::load_guide(p.path()) {
        Err(Error::Content(d)) => assert_eq!(d.iter().filter(|d| d.is_error()).count(), 4),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("built despite errors"),
    }
}

#[test]
fn pin_in_markdown_to_unknown_topic_is_an_error_at_its_line() {
    let md = "+++\ntitle = \"Data Sharing in Ohio\"\n[pins]\n1 = \"no-such-topic\"\n+++\n\n## How long does ICE keep BMV records?\n\nFor years.\n";
    let loaded = loaded_with(&[("states/ohio.md", md)]);
    let d = first(&loaded, Severity::Error);
    assert_eq!(d.line, Some(4), "{d}");
    assert!(d.message.contains("no-such-topic"), "{d}");
}

#[test]
fn unaligned_question_is_a_warning_with_its_line() {
    let loaded = loaded_with(&[("states/ohio.txt", FOOTBALL_IN_OHIO)]);
    let w = first(&loaded, Severity::Warning);
    assert_eq!(w.line, Some(3));
    assert!(w.message.contains("unaligned"), "{w}");
}

/// A place declared in site.toml is a place for the pins too: a pin may name it as the
/// place lists know it ("Saint Croix" for "St. Croix"), and the pinned question takes
/// its topic.
#[test]
fn pin_names_an_extra_place_of_site_toml() {
    let p = project(&[(
        "states/st-croix.txt",
        "Data Sharing in St. Croix\n\n1. Who won the football game last night?\n\nThe home team.\n",
    )]);
    let append = |name: &str, text: &str| {
        let path = p.path().join("content").join(name);
        let before = fs::read_to_string(&path).unwrap();
        fs::write(&path, before + text).unwrap();
    };
    append(
        "site.toml",
        "\n[[extra_jurisdictions]]\nname = \"St. Croix\"\ncode = \"SX\"\n",
    );
    append(
        "topics.toml",
        "\n[[pin]]\nstate = \"Saint Croix\"\nquestion = 1\ntopic = \"laws\"\n",
    );

    let loaded = stateside::load(p.path()).unwrap();
    let problems = harness::problems(&loaded);
    assert!(problems.is_empty(), "{problems:#?}");
    let laws = loaded.topics.topics.iter().position(|t| t.id == "laws");
    let got = loaded.alignment.of(&loaded.docs[0])[0]
        .as_ref()
        .map(|m| m.topic);
    assert_eq!(got, laws);
}
