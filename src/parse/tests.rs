//! Tests of the plain-text parser: a state file's text in -> the document and its
//! diagnostics out.

use super::*;
use crate::doc::{Answer, Block, List, ListItem, Question};
use std::path::Path;

fn places() -> Jurisdictions {
    Jurisdictions::new(&[])
}

/// Parses `text` as the file at `path`.
fn parse_at(path: &str, text: &[u8]) -> Parsed {
    parse_text(Path::new(path), text, &places())
}

fn parse(src: &str) -> Parsed {
    parse_text(Path::new("t/iowa.txt"), src.as_bytes(), &places())
}

fn doc(src: &str) -> StateDoc {
    let p = parse(src);
    p.doc
        .unwrap_or_else(|| panic!("no doc: {:?}", p.diagnostics))
}

fn blocks(q: &Question) -> &[Block] {
    match &q.answer {
        Answer::Text(b) => b,
        Answer::Markdown(_) => panic!("markdown"),
    }
}

fn para(lines: &[&str]) -> Block {
    Block::Paragraph(lines.iter().map(|s| s.to_string()).collect())
}

fn item(text: &str) -> ListItem {
    ListItem {
        lines: vec![text.to_string()],
        children: vec![],
    }
}

const HEAD: &str = "Categories Federal Government\n\nData Sharing in Iowa\n\n";

#[test]
fn header_category_title_and_state() {
    let d = doc(&format!("{HEAD}1. What?\n\nAnswer.\n"));
    assert_eq!(d.category.as_deref(), Some("Federal Government"));
    assert_eq!(d.title, "Data Sharing in Iowa");
    assert_eq!(d.state.code, "IA");
    assert_eq!(d.questions.len(), 1);
    assert_eq!(d.questions[0].line, 5);
    assert_eq!(d.questions[0].text, "What?");
}

#[test]
fn header_with_a_multibyte_letter_where_the_category_prefix_ends() {
    // "Categorie" + '▪': the prefix "Categories " would end inside the '▪' (found by fuzzing).
    let d = doc("Categorie\u{25aa}ederal Government\n\nData Sharing in Iowa\n\n1. What?\n\nA.\n");
    assert_eq!(d.category, None);
    assert_eq!(d.title, "Categorie\u{25aa}ederal Government");
}

#[test]
fn state_from_file_name_when_title_names_none() {
    let p = parse_at("x/new-york.txt", b"Data Sharing Rules\n\n1. What?\n\nA.\n");
    assert_eq!(p.doc.unwrap().state.code, "NY");
}

#[test]
fn unknown_state_is_an_error_naming_the_title_line() {
    let p = parse_at(
        "x/atlantis.txt",
        b"Categories X\n\nData Sharing in Atlantis\n\n1. What?\n\nA.\n",
    );
    assert!(p.doc.is_none());
    let d = &p.diagnostics[0];
    assert!(d.is_error());
    assert_eq!(d.line, Some(3));
    assert!(
        d.message.contains("unknown state \"Atlantis\""),
        "{}",
        d.message
    );
}

#[test]
fn no_state_anywhere_is_an_error() {
    let p = parse_at("x/notes.txt", b"Some Title\n\n1. What?\n\nA.\n");
    assert!(p.doc.is_none());
    assert!(p.diagnostics[0].message.contains("no recognizable state"));
}

#[test]
fn empty_file_and_title_only_are_errors() {
    let p = parse("");
    assert!(p.doc.is_none() && p.diagnostics[0].message.contains("empty"));
    let p = parse("  \n\n");
    assert!(p.doc.is_none());
    let p = parse("Data Sharing in Iowa\n");
    assert!(p.doc.is_none());
    assert!(p.diagnostics[0].message.contains("no questions"));
    // The error points at the title, not at the empty line after it...
    assert_eq!(p.diagnostics[0].line, Some(1));
    // ...or at the first text where questions were expected.
    let p = parse("Data Sharing in Iowa\n\n\nSome text, no question.\n");
    assert_eq!(p.diagnostics[0].line, Some(4));
    let p = parse("\nCategories Federal Government\n\n");
    assert_eq!(p.diagnostics[0].line, Some(2));
}

#[test]
fn numbering_gap_warns_and_keeps_going() {
    let p = parse(&format!("{HEAD}1. A?\n\na\n\n2. B?\n\nb\n\n4. D?\n\nd\n"));
    let d = p.doc.unwrap();
    assert_eq!(
        d.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        [1, 2, 4]
    );
    let w = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("skips"))
        .expect("gap warning");
    assert_eq!(w.line, Some(13));
    assert_eq!(w.severity, crate::Severity::Warning);
}

#[test]
fn numbering_repeat_warns_and_keeps_both() {
    let p = parse(&format!(
        "{HEAD}1. A?\n\na\n\n2. B?\n\nb\n\n2. C?\n\nc\n\n3. D?\n\nd\n"
    ));
    let d = p.doc.unwrap();
    assert_eq!(
        d.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        [1, 2, 2, 3]
    );
    let w = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("repeats"))
        .expect("repeat warning");
    assert_eq!(w.line, Some(13));
    assert!(w.message.contains("line 9"));
}

#[test]
fn in_sequence_line_without_question_mark_alone_is_a_question_with_warning() {
    let p = parse(&format!(
        "{HEAD}1. Laws in force\n\nThe laws.\n\n2. How?\n\nSo.\n"
    ));
    let d = p.doc.unwrap();
    assert_eq!(d.questions.len(), 2);
    assert_eq!(d.questions[0].text, "Laws in force");
    let w = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("does not end with '?'"))
        .unwrap();
    assert_eq!(w.line, Some(5));
}

#[test]
fn empty_answer_warns() {
    let p = parse(&format!("{HEAD}1. A?\n\n2. B?\n\nb\n"));
    assert_eq!(p.doc.unwrap().questions.len(), 2);
    let w = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("no answer"))
        .unwrap();
    assert_eq!(w.line, Some(5));
}

#[test]
fn crlf_bom_tabs_and_trailing_spaces() {
    let src = "\u{feff}Categories X\r\n\r\nData Sharing in Iowa  \r\n\r\n1. What?\t \r\n\r\nAnswer one.  \r\n\t- tabbed bullet\r\n";
    let d = doc(src);
    assert_eq!(d.title, "Data Sharing in Iowa");
    assert_eq!(d.questions[0].text, "What?");
    assert_eq!(d.questions[0].line, 5);
    let b = blocks(&d.questions[0]);
    assert_eq!(b[0], para(&["Answer one."]));
    assert_eq!(
        b[1],
        Block::List(List {
            start: None,
            items: vec![item("tabbed bullet")]
        })
    );
}

#[test]
fn invalid_utf8_names_byte_offset_and_line() {
    let mut bytes = b"Data in Iowa\n\n1. What?\n\nbad ".to_vec();
    bytes.push(0xff);
    let p = parse_text(Path::new("t/iowa.txt"), &bytes, &places());
    assert!(p.doc.is_none());
    assert_eq!(p.diagnostics[0].line, Some(5));
    assert!(
        p.diagnostics[0].message.contains("byte offset 28"),
        "{}",
        p.diagnostics[0].message
    );
}

#[test]
fn nul_byte_is_an_error() {
    let p = parse("Data in Iowa\n\n1. What?\0\n\nA.\n");
    assert!(p.doc.is_none());
    assert!(p.diagnostics[0].message.contains("NUL"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000)) {
        let _ = parse_text(Path::new("f/iowa.txt"), &bytes, &places());
    }

    #[test]
    fn never_panics_on_line_soup(lines in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::prelude::Just("".to_string()),
            "[0-9]{1,3}\\. [a-z ?]{0,12}",
            "[-–•] [a-z?]{0,8}",
            " {0,8}[-1]\\.? [a-z]{0,5}",
            "[A-Za-z ?]{0,20}",
        ], 0..60)) {
        let src = format!("Title in Iowa\n\n{}", lines.join("\n"));
        let p = parse_text(Path::new("f/iowa.txt"), src.as_bytes(), &places());
        if let Some(d) = p.doc {
            proptest::prop_assert!(!d.questions.is_empty());
        }
    }
}

// ---- Input as people write it ----------------------------------------------------------

#[test]
fn unicode_spaces_where_the_format_expects_a_space_or_a_blank_line() {
    for space in ['\u{a0}', '\u{2009}', '\u{3000}', '\t'] {
        let src = format!(
            "Category:{space}Federal{space}{space}Government\n{space}\nData{space}Sharing{space}in{space}Iowa{space}\n \t{space}\n1.{space}What is kept?\n{space}\nAnswer one.\n\n2.{space}Who sees it?\n\nAnswer two.\n"
        );
        let d = doc(&src);
        assert_eq!(
            d.category.as_deref(),
            Some("Federal Government"),
            "{space:?}"
        );
        assert_eq!(d.title, "Data Sharing in Iowa", "{space:?}");
        assert_eq!(d.state.code, "IA");
        let texts: Vec<&str> = d.questions.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["What is kept?", "Who sees it?"], "{space:?}");
        assert_eq!(blocks(&d.questions[0]), [para(&["Answer one."])]);
    }
}

#[test]
fn an_indented_question_line_is_still_a_question() {
    let d = doc(&format!(
        "{HEAD}  1. What is kept?\n\nNames.\n\n   2. Who sees it?\n\nNobody.\n\n\t3. For how long?\n\nA year.\n"
    ));
    let texts: Vec<&str> = d.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["What is kept?", "Who sees it?", "For how long?"]);
}

#[test]
fn questions_numbered_with_a_parenthesis_or_a_dash_are_read_with_a_warning() {
    for (one, two) in [("1)", "2)"), ("1 -", "2 -"), ("1 –", "2 –")] {
        let p = parse(&format!(
            "{HEAD}{one} What is kept?\n\nNames.\n\n{two} Who sees it?\n\nNobody.\n"
        ));
        let d = p
            .doc
            .as_ref()
            .unwrap_or_else(|| panic!("{one}: {:?}", p.diagnostics));
        let texts: Vec<&str> = d.questions.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["What is kept?", "Who sees it?"], "{one}");
        let warning = p
            .diagnostics
            .iter()
            .find(|w| w.message.contains("questions are numbered as"))
            .unwrap_or_else(|| panic!("{one}: {:?}", p.diagnostics));
        assert_eq!(warning.line, Some(5));
        assert!(warning.help.contains("1. What"), "{}", warning.help);
    }
    // With "1." questions, a "1)" line stays answer text.
    let d = doc(&format!("{HEAD}1. What?\n\n1) first\n2) second\n"));
    assert_eq!(d.questions.len(), 1);
}

#[test]
fn updated_and_source_lines_after_the_title() {
    let d = doc(&format!(
        "{HEAD}Updated: 2024-05-01\nSource: https://www.iowadot.gov/a\n\nsources:  Iowa Code § 321.11\n\nThe intro.\n\n1. What?\n\nA.\n"
    ));
    assert_eq!(d.updated.as_deref(), Some("2024-05-01"));
    assert_eq!(
        d.sources,
        ["https://www.iowadot.gov/a", "Iowa Code § 321.11"]
    );
    let Some(Answer::Text(intro)) = &d.intro else {
        panic!("intro")
    };
    assert_eq!(intro, &[para(&["The intro."])]);
    assert_eq!(d.questions[0].line, 12);
}

#[test]
fn a_bad_date_names_its_line_and_the_form_to_use() {
    for bad in ["May 1, 2024", "2024-02-30", "2024-5-1", ""] {
        let p = parse(&format!("{HEAD}Updated: {bad}\n\n1. What?\n\nA.\n"));
        let e = p
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .unwrap_or_else(|| panic!("{bad:?}: {:?}", p.diagnostics));
        assert_eq!(e.line, Some(5), "{bad:?}");
        assert!(
            e.message.contains("`Updated:` must be a date"),
            "{}",
            e.message
        );
        assert!(e.help.contains("Updated: 2024-05-01"), "{}", e.help);
    }
    let p = parse(&format!(
        "{HEAD}Updated: 2024-05-01\nUpdated: 2024-06-01\n\n1. What?\n\nA.\n"
    ));
    assert!(p
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.line == Some(6) && d.message.contains("a second `Updated:`")));
}

#[test]
fn a_misspelt_state_gets_a_suggestion() {
    let p = parse_at("t/notes.txt", b"Data Sharing in Ohoi\n\n1. What?\n\nA.\n");
    let e = &p.diagnostics[0];
    assert!(
        e.message.contains("unknown state \"Ohoi\""),
        "{}",
        e.message
    );
    assert!(e.message.ends_with("did you mean Ohio?"), "{}", e.message);
    let p = parse_at(
        "t/pensylvania.txt",
        b"Data sharing rules\n\n1. What?\n\nA.\n",
    );
    assert!(
        p.diagnostics[0]
            .message
            .contains("did you mean Pennsylvania?"),
        "{}",
        p.diagnostics[0].message
    );
    let d = parse_at("t/newyork.txt", b"Data sharing rules\n\n1. What?\n\nA.\n");
    assert_eq!(d.doc.unwrap().state.code, "NY");
}

#[test]
fn the_state_name_keeps_its_okina() {
    let d = doc("Data Sharing in Hawaiʻi\n\n1. What?\n\nA.\n");
    assert_eq!(
        (d.state.code.as_str(), d.state.name.as_str()),
        ("HI", "Hawaiʻi")
    );
}

mod answers;
