//! Big input, timed: a 5 MB state file builds, and a file with 10,000 questions parses
//! and aligns in seconds (in the unoptimized test build; times are printed).

use crate::harness;

use std::fs;
use std::path::Path;
use std::time::Instant;

use harness::{build, check, project, root};
use stateside::jurisdiction::Jurisdictions;

/// A state file of about `bytes` bytes: `questions` questions whose answers mix
/// paragraphs, numbered lists and bullets.
fn state_file(state: &str, questions: usize, bytes: usize) -> String {
    let mut text = format!("State DMV Data Sharing With ICE in {state}\n\n");
    let per_answer = bytes / questions;
    for n in 1..=questions {
        text.push_str(&format!(
            "{n}. How long does the agency keep record set {n}?\n\n"
        ));
        let start = text.len();
        let mut i = 0;
        while text.len() - start < per_answer {
            i += 1;
            match i % 3 {
                0 => text.push_str(&format!(
                    "The statute says that record {n}.{i} is kept for a number of years, \
                     reviewed by the auditor, and shared only under a written agreement.\n\n"
                )),
                1 => text.push_str(&format!(
                    "The rules:\n1. Item {i} is kept.\n2. Item {i} is reviewed.\n   - by the auditor\n   - by the court\n\n"
                )),
                _ => text.push_str(&format!("- bullet {i}\n- another bullet {i}\n\n")),
            }
        }
    }
    text
}

#[test]
fn a_5_megabyte_state_file_builds() {
    let dir = project("cname");
    let text = state_file("Iowa", 200, 5_000_000);
    assert!(text.len() >= 5_000_000, "{} bytes", text.len());
    fs::write(root(&dir).join("content/states/iowa.txt"), &text).unwrap();
    let out = dir.path().join("public");
    let run = build(&root(&dir), &out, &[]);
    run.code(0);
    println!(
        "5 MB state file, 200 questions: built in {:?} ({})",
        run.elapsed,
        run.stdout.trim()
    );
    let page = fs::read_to_string(out.join("states/iowa/index.html")).unwrap();
    assert!(page.contains("record 200.") && page.len() > 5_000_000);
}

#[test]
fn ten_thousand_questions_parse_and_align_in_seconds() {
    let text = state_file("Iowa", 10_000, 1_000_000);
    let places = Jurisdictions::new(&[]);
    let started = Instant::now();
    let parsed = stateside::parse::parse_text(
        Path::new("content/states/iowa.txt"),
        text.as_bytes(),
        &places,
    );
    let parse_time = started.elapsed();
    let doc = parsed.doc.expect("a document");
    assert_eq!(doc.questions.len(), 10_000);
    assert_eq!(doc.questions[9_999].number, 10_000);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}",
        &parsed.diagnostics[..1]
    );

    let dir = project("cname");
    fs::write(root(&dir).join("content/states/iowa.txt"), &text).unwrap();
    let started = Instant::now();
    let loaded = stateside::load(&root(&dir)).unwrap();
    let load_time = started.elapsed();
    assert_eq!(loaded.docs[0].questions.len(), 10_000);
    let run = check(&root(&dir));
    run.code(0);
    println!(
        "10,000 questions: parse_text {parse_time:?}, load (read, parse, align) {load_time:?}, \
         `stateside check` {:?}",
        run.elapsed
    );
    // Generous bounds for a debug build on a shared machine; a quadratic parser would
    // take minutes here.
    assert!(parse_time.as_secs() < 10, "parse_text took {parse_time:?}");
    assert!(load_time.as_secs() < 60, "load took {load_time:?}");
}
