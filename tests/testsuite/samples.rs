//! The two shipped sample states (content/states/iowa.txt, alabama.txt) in -> their parsed
//! documents out, as a reader counts their questions and lists. Integration tests, since
//! the sample content is the users' and may be edited; the parser's unit tests have their
//! own small inputs.

use std::path::Path;

use stateside::doc::{Answer, Block, List, Question, StateDoc};
use stateside::jurisdiction::Jurisdictions;
use stateside::parse::parse_text;

use crate::harness::repo;

fn places() -> Jurisdictions {
    Jurisdictions::new(&[])
}

fn blocks(q: &Question) -> &[Block] {
    match &q.answer {
        Answer::Text(b) => b,
        Answer::Markdown(_) => panic!("markdown"),
    }
}

fn seed(name: &str) -> Vec<u8> {
    let path = repo().join("content/states").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A sample state parsed without a problem: the state `code`, questions 1 to 20, the
/// first and the last as given.
fn twenty_questions(name: &str, code: &str, first: &str, last: &str) -> StateDoc {
    let p = parse_text(Path::new(name), &seed(name), &places());
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let d = p.doc.unwrap();
    assert_eq!(d.state.code, code);
    assert_eq!(d.questions.len(), 20);
    assert_eq!(
        d.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        (1..=20).collect::<Vec<_>>()
    );
    assert_eq!(d.questions[0].text, first);
    assert_eq!(d.questions[19].text, last);
    d
}

#[test]
fn iowa_sample_has_twenty_questions() {
    let d = twenty_questions(
        "iowa.txt",
        "IA",
        "What laws regulate the sharing of DMV data with ICE in Iowa?",
        "Is there any evidence to suggest that sharing DMV data with ICE in Iowa has led to increased deportations or immigration enforcement actions?",
    );
    assert_eq!(d.title, "State DMV Data Sharing With ICE in Iowa");
    // Answer 1 is a paragraph, a two-item list (whose item 2 is not question 2), a paragraph.
    let b = blocks(&d.questions[0]);
    assert_eq!(b.len(), 3);
    assert!(matches!(&b[1], Block::List(List { start: Some(1), items }) if items.len() == 2));
}

#[test]
fn alabama_sample_has_twenty_questions() {
    let d = twenty_questions(
        "alabama.txt",
        "AL",
        "What is the current policy of the Alabama state DMV regarding the sharing of driver’s license information with ICE?",
        "Are there any best practices or guidelines for DMV data sharing with ICE that the Alabama DMV follows or should consider implementing?",
    );
    // Answer 1 is a single "1." item: a paragraph.
    assert!(matches!(blocks(&d.questions[0]), [Block::Paragraph(_)]));
    // Answer 16 nests dash bullets under "1. Benefits:" and "2. Drawbacks:".
    match &blocks(&d.questions[15])[1] {
        Block::List(List {
            start: Some(1),
            items,
        }) => {
            assert_eq!(items.len(), 2);
            assert_eq!(items[0].children[0].items.len(), 3);
            assert_eq!(items[1].children[0].items.len(), 3);
        }
        other => panic!("{other:?}"),
    }
}
