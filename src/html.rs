//! Answers -> HTML (their plain text is [`Answer::plain`]). Plain-text answers become pulldown-cmark events whose text
//! is only ever `Event::Text` (escaped by the writer); Markdown answers become events through
//! the safe Markdown renderer. Both go through the same HTML writer.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::doc::{Answer, Block, List};
use crate::markdown::Renderer;

/// The HTML of an answer.
pub fn answer_html(answer: &Answer, md: &Renderer) -> String {
    match answer {
        Answer::Text(blocks) => {
            let mut events = Vec::new();
            block_events(blocks, &mut events);
            write_html(events)
        }
        Answer::Markdown(src) => md.finish(write_html(md.events(src))),
    }
}

/// The one HTML writer every answer and page goes through.
pub fn write_html<'a>(events: impl IntoIterator<Item = Event<'a>>) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

fn block_events<'a>(blocks: &'a [Block], out: &mut Vec<Event<'a>>) {
    for block in blocks {
        match block {
            Block::Paragraph(lines) => {
                out.push(Event::Start(Tag::Paragraph));
                lines_events(lines, out);
                out.push(Event::End(TagEnd::Paragraph));
            }
            Block::List(list) => list_events(list, out),
        }
    }
}

fn lines_events<'a>(lines: &'a [String], out: &mut Vec<Event<'a>>) {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push(Event::SoftBreak);
        }
        out.push(Event::Text(CowStr::Borrowed(line)));
    }
}

fn list_events<'a>(list: &'a List, out: &mut Vec<Event<'a>>) {
    out.push(Event::Start(Tag::List(list.start.map(u64::from))));
    for item in &list.items {
        out.push(Event::Start(Tag::Item));
        lines_events(&item.lines, out);
        for child in &item.children {
            list_events(child, out);
        }
        out.push(Event::End(TagEnd::Item));
    }
    out.push(Event::End(TagEnd::List(list.start.is_some())));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::ListItem;

    fn text_answer(blocks: Vec<Block>) -> Answer {
        Answer::Text(blocks)
    }

    #[test]
    fn plain_text_is_escaped_not_interpreted() {
        let a = text_answer(vec![Block::Paragraph(vec![
            "<script>alert(1)</script> *x* & [a](b)".into(),
        ])]);
        let html = answer_html(&a, &Renderer::new(false));
        assert_eq!(
            html,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; *x* &amp; [a](b)</p>\n"
        );
    }

    #[test]
    fn lists_nest_and_keep_start() {
        let a = text_answer(vec![Block::List(List {
            start: Some(3),
            items: vec![ListItem {
                lines: vec!["Benefits:".into()],
                children: vec![List {
                    start: None,
                    items: vec![ListItem {
                        lines: vec!["Safer".into()],
                        children: vec![],
                    }],
                }],
            }],
        })]);
        let html = answer_html(&a, &Renderer::new(false));
        assert_eq!(
            html,
            "<ol start=\"3\">\n<li>Benefits:\n<ul>\n<li>Safer</li>\n</ul>\n</li>\n</ol>\n"
        );
        assert_eq!(a.plain(), "3. Benefits:\n  - Safer");
    }

    #[test]
    fn paragraph_lines_join_with_soft_breaks() {
        let a = text_answer(vec![
            Block::Paragraph(vec!["one".into(), "two".into()]),
            Block::Paragraph(vec!["three".into()]),
        ]);
        assert_eq!(
            answer_html(&a, &Renderer::new(false)),
            "<p>one\ntwo</p>\n<p>three</p>\n"
        );
        assert_eq!(a.plain(), "one\ntwo\n\nthree");
    }
}
