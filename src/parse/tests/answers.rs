//! Tests of the answers the plain-text parser reads: a question's lines in -> its
//! paragraphs and (nested) lists out, with no text lost and no list item taken for a
//! question.

use super::*;

#[test]
fn answers_hold_paragraphs_with_soft_line_breaks() {
    let d = doc(&format!(
        "{HEAD}1. What?\n\nFirst line\nsecond line.\n\nNext paragraph.\n\n2. Why?\n\nBecause.\n"
    ));
    assert_eq!(
        blocks(&d.questions[0]),
        &[
            para(&["First line", "second line."]),
            para(&["Next paragraph."])
        ]
    );
    assert_eq!(blocks(&d.questions[1]), &[para(&["Because."])]);
}

#[test]
fn numbered_list_restarting_at_one_never_starts_questions() {
    let src = format!("{HEAD}1. What?\n\nIntro:\n\n1. Is this a question?\n\n2. Or this?\n\n2. Real second question?\n\nAnswer two.\n");
    let d = doc(&src);
    assert_eq!(d.questions.len(), 2);
    assert_eq!(d.questions[1].text, "Real second question?");
    assert_eq!(d.questions[1].line, 13);
    let b = blocks(&d.questions[0]);
    assert_eq!(
        b[1],
        Block::List(List {
            start: Some(1),
            items: vec![item("Is this a question?"), item("Or this?")]
        })
    );
}

#[test]
fn list_item_matching_next_number_without_question_mark_stays_in_answer() {
    // The shape of Iowa's first answer: items 1 and 2, where 2 is also the next question number.
    let src = format!("{HEAD}1. What laws?\n\nThe laws:\n\n1. Code 1: text.\n\n2. Code 2: text.\n\nClosing.\n\n2. How?\n\nSo.\n");
    let d = doc(&src);
    assert_eq!(d.questions.len(), 2);
    assert_eq!(d.questions[1].text, "How?");
    assert_eq!(blocks(&d.questions[0]).len(), 3);
}

#[test]
fn list_item_asking_the_next_number_yields_to_a_later_question() {
    let src = format!("{HEAD}1. First?\n\n1. Sub one?\n\n2. Sub two?\n\n2. Second?\n\nA.\n");
    let d = doc(&src);
    assert_eq!(
        d.questions
            .iter()
            .map(|q| q.text.as_str())
            .collect::<Vec<_>>(),
        ["First?", "Second?"]
    );
}

#[test]
fn list_right_after_a_sentence_without_blank_line() {
    let src = format!("{HEAD}1. What?\n\nThere are concerns.\n1. One.\n2. Two.\nOverall fine.\n");
    let d = doc(&src);
    assert_eq!(
        blocks(&d.questions[0]),
        &[
            para(&["There are concerns."]),
            Block::List(List {
                start: Some(1),
                items: vec![item("One."), item("Two.")]
            }),
            para(&["Overall fine."]),
        ]
    );
}

#[test]
fn bullets_of_every_kind_nest_under_numbered_items() {
    let src = format!("{HEAD}1. What?\n\nBoth:\n\n1. Benefits:\n– Safer roads\n• Faster checks\n\n2. Drawbacks:\n- Privacy\n\nSo.\n");
    let d = doc(&src);
    let b = blocks(&d.questions[0]);
    let expected = Block::List(List {
        start: Some(1),
        items: vec![
            ListItem {
                lines: vec!["Benefits:".into()],
                children: vec![List {
                    start: None,
                    items: vec![item("Safer roads"), item("Faster checks")],
                }],
            },
            ListItem {
                lines: vec!["Drawbacks:".into()],
                children: vec![List {
                    start: None,
                    items: vec![item("Privacy")],
                }],
            },
        ],
    });
    assert_eq!(b[1], expected);
    assert_eq!(b.len(), 3);
}

#[test]
fn single_numbered_item_answer_is_a_paragraph() {
    let d = doc(&format!(
        "{HEAD}1. What?\n\n1. The policy is this.\n\n2. Next?\n\nA.\n"
    ));
    assert_eq!(blocks(&d.questions[0]), &[para(&["The policy is this."])]);
}

#[test]
fn markup_characters_stay_literal_text() {
    let src = format!("{HEAD}1. What about <b> & *stars*?\n\n# not a heading\n\n[link](javascript:x) `code` _u_ <script>alert(1)</script>\n");
    let d = doc(&src);
    assert_eq!(d.questions[0].text, "What about <b> & *stars*?");
    assert_eq!(
        blocks(&d.questions[0]),
        &[
            para(&["# not a heading"]),
            para(&["[link](javascript:x) `code` _u_ <script>alert(1)</script>"])
        ]
    );
}

#[test]
fn no_text_is_dropped() {
    // Every non-blank line of the input appears in the document somewhere.
    let src = format!("{HEAD}Intro before questions.\n\n1. A?\n\n1. x\n- y\n  more of y\n\n2. B?\n\nz\n\n7. Not a question.\n");
    let d = doc(&src);
    let mut all = vec![d.title.clone(), d.category.clone().unwrap()];
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Paragraph(l) => out.extend(l.iter().cloned()),
                Block::List(list) => walk_list(list, out),
            }
        }
    }
    fn walk_list(list: &List, out: &mut Vec<String>) {
        for it in &list.items {
            out.extend(it.lines.iter().cloned());
            for c in &it.children {
                walk_list(c, out);
            }
        }
    }
    if let Some(Answer::Text(b)) = &d.intro {
        walk(b, &mut all);
    }
    for q in &d.questions {
        all.push(format!("{}. {}", q.number, q.text));
        walk(blocks(q), &mut all);
    }
    let joined = all.join("\n");
    for line in src.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let content = line
            .trim_start_matches("Categories ")
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-')
            .trim();
        assert!(joined.contains(content), "dropped: {line}");
    }
}

#[test]
fn deep_nesting_is_capped_without_losing_items() {
    let mut src = format!("{HEAD}1. A?\n\n");
    for depth in 0..100 {
        src.push_str(&" ".repeat(depth * 2));
        src.push_str(&format!("- level {depth}\n"));
    }
    let d = doc(&src);
    fn count(list: &List, depth: usize, max: &mut usize) -> usize {
        *max = (*max).max(depth);
        list.items
            .iter()
            .map(|i| {
                1 + i
                    .children
                    .iter()
                    .map(|c| count(c, depth + 1, max))
                    .sum::<usize>()
            })
            .sum()
    }
    let mut max = 0;
    let total: usize = blocks(&d.questions[0])
        .iter()
        .map(|b| match b {
            Block::List(l) => count(l, 0, &mut max),
            _ => 0,
        })
        .sum();
    assert_eq!(total, 100);
    assert!(max <= MAX_LIST_DEPTH);
}

#[test]
fn numbers_inside_text_are_not_items() {
    let text = format!("{HEAD}1. What?\n\n2020 was a year.\n1.5 million people.\n");
    let want = [para(&["2020 was a year.", "1.5 million people."])];
    assert_eq!(blocks(&doc(&text).questions[0]), &want);
}

#[test]
fn a_bullet_after_a_no_break_space_is_a_bullet() {
    let d = doc(&format!("{HEAD}1. What?\n\n-\u{a0}one\n-\u{a0}two\n"));
    assert_eq!(
        blocks(&d.questions[0]),
        [Block::List(List {
            start: None,
            items: vec![item("one"), item("two")]
        })]
    );
}
