//! The two shipped sample states (content/states/iowa.txt, alabama.txt) in -> their parsed
//! documents out, as a reader counts their questions and lists. Integration tests, since
//! the sample content is the users' and may be edited; the parser's unit tests have their
//! own small inputs.

use std::path::Path;

use stateside::doc::{Answer, Block, List, Question};
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

#[test]
fn iowa_sample_has_twenty_questions() {
    let p = parse_text(Path::new("iowa.txt"), &seed("iowa.txt"), &places());
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let d = p.doc.unwrap();
    assert_eq!(d.state.code, "IA");
    assert_eq!(d.title, "State DMV Data Sharing With ICE in Iowa");
    assert_eq!(d.questions.len(), 20);
    assert_eq!(
        d.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        (1..=20).collect::<Vec<_>>()
    );
    assert_eq!(
        d.questions[0].text,
        "What laws regulate the sharing of DMV data with ICE in Iowa?"
    );
    assert_eq!(
        d.questions[19].text,
        "Is there any evidence to suggest that sharing DMV data with ICE in Iowa has led to increased deportations or immigration enforcement actions?"
    );
    // Answer 1 is a paragraph, a two-item list (whose item 2 is not question 2), a paragraph.
    let b = blocks(&d.questions[0]);
    assert_eq!(b.len(), 3);
    assert!(matches!(&b[1], Block::List(List { start: Some(1), items }) if items.len() == 2));
}

#[test]
fn alabama_sample_has_twenty_questions() {
    let p = parse_text(Path::new("alabama.txt"), &seed("alabama.txt"), &places());
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let d = p.doc.unwrap();
    assert_eq!(d.state.code, "AL");
    assert_eq!(d.questions.len(), 20);
    assert_eq!(
        d.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        (1..=20).collect::<Vec<_>>()
    );
    assert_eq!(
        d.questions[0].text,
        "What is the current policy of the Alabama state DMV regarding the sharing of driver’s license information with ICE?"
    );
    assert_eq!(
        d.questions[19].text,
        "Are there any best practices or guidelines for DMV data sharing with ICE that the Alabama DMV follows or should consider implementing?"
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
