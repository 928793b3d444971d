//! A Markdown fragment -> its plain text, for the data export and summaries: the words a
//! reader sees, with no Markdown or HTML syntax left.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// List items nested deeper than this are indented no further, so that text nested
/// thousands deep does not grow with the square of its depth.
const MAX_INDENT: usize = crate::parse::MAX_LIST_DEPTH;

/// The plain text of a Markdown fragment: paragraphs (and headings, quotes, code blocks)
/// separated by blank lines, list items on their own lines with their number or a dash
/// (as plain-text answers read), table cells separated by tabs. Emphasis, links, images
/// (their alt text stays) and HTML tags leave no trace but their text.
pub fn to_text(md: &str) -> String {
    let mut out = Text::default();
    // For each open list: the number of its next item, or None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(md, super::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push(&t),
            Event::Html(html) => {
                // One line of an HTML block: its text, if any, on a line of its own.
                let line = strip_tags(&html);
                if !line.trim().is_empty() {
                    out.line_break(0);
                    out.push(line.trim());
                }
            }
            Event::SoftBreak => out.push(" "),
            Event::HardBreak => out.line_break(lists.len()),
            Event::Start(Tag::List(start)) => {
                if !lists.is_empty() {
                    out.line_break(lists.len());
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.block_break();
                }
            }
            Event::Start(Tag::Item) => {
                out.line_break(0);
                let depth = lists.len().saturating_sub(1);
                out.push(&"  ".repeat(depth.min(MAX_INDENT)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push("- "),
                }
                out.item_start = true;
            }
            // A list item's later paragraphs go on lines of their own; its first stays
            // on the marker's line.
            Event::Start(Tag::Paragraph) if !lists.is_empty() && !out.item_start => {
                out.line_break(lists.len())
            }
            Event::Start(Tag::Paragraph) if !lists.is_empty() => {}
            Event::Start(Tag::TableCell) => {
                if !out.text.ends_with('\n') && !out.text.is_empty() && out.in_row {
                    out.push("\t");
                }
                out.in_row = true;
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                out.in_row = false;
                out.line_break(0);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_),
            )
            | Event::Rule => out.block_break(),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table,
            ) if lists.is_empty() => out.block_break(),
            _ => {}
        }
    }
    out.text.trim_end().to_string()
}

/// The text being built, with the little state that spacing needs.
#[derive(Default)]
struct Text {
    text: String,
    /// Just after a list item's marker: its first paragraph goes on the marker's line.
    item_start: bool,
    /// Inside a table row, after its first cell.
    in_row: bool,
}

impl Text {
    fn push(&mut self, s: &str) {
        // A code block's text ends in a newline; the block break adds the spacing.
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        if !s.chars().all(|c| c == ' ') {
            self.item_start = false;
        }
    }

    /// Ends the current line; continuation lines inside a list item are indented.
    fn line_break(&mut self, indent: usize) {
        trim_spaces(&mut self.text);
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
            if indent > 0 {
                self.text.push_str(&"  ".repeat(indent.min(MAX_INDENT)));
            }
        }
    }

    /// Ends the current block: a blank line before whatever comes next.
    fn block_break(&mut self) {
        trim_spaces(&mut self.text);
        while self.text.ends_with('\n') {
            self.text.pop();
            trim_spaces(&mut self.text);
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
    }
}

fn trim_spaces(s: &mut String) {
    let kept = s.trim_end_matches([' ', '\t']).len();
    s.truncate(kept);
}

/// Text of raw HTML with its tags taken out.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_inline_markup() {
        let md = "Some **bold**, _em_, `code`, ~~gone~~ and a [link](https://x.gov \"t\").\n\
                  A second line with ![alt text](pic.png) and <b>html</b>.";
        assert_eq!(
            to_text(md),
            "Some bold, em, code, gone and a link. A second line with alt text and html."
        );
    }

    #[test]
    fn paragraphs_and_headings_are_blocks() {
        let md = "# Title\n\nFirst para.\n\n> quoted\n\n---\n\nLast.";
        assert_eq!(to_text(md), "Title\n\nFirst para.\n\nquoted\n\nLast.");
    }

    #[test]
    fn lists_put_items_on_lines() {
        let md = "Intro:\n\n1. one\n2. two\n   - a\n   - b\n3. three\n\nAfter.";
        assert_eq!(
            to_text(md),
            "Intro:\n\n1. one\n2. two\n  - a\n  - b\n3. three\n\nAfter."
        );
    }

    #[test]
    fn loose_list_items_stay_on_their_marker_line() {
        let md = "- one\n\n- two\n\n  more\n";
        assert_eq!(to_text(md), "- one\n- two\n  more");
    }

    #[test]
    fn code_blocks_and_tables_keep_their_text() {
        let md = "```sh\ncurl -O x\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(to_text(md), "curl -O x\n\na\tb\n1\t2");
    }

    #[test]
    fn deep_lists_keep_their_text_and_stop_indenting() {
        let md = format!("{}x", "- ".repeat(10_000));
        let text = to_text(&md);
        assert!(text.ends_with('x'), "{}", &text[text.len() - 50..]);
        assert!(
            text.len() < 10_000 * (2 * MAX_INDENT + 4),
            "{} bytes",
            text.len()
        );
        assert!(text.contains(&format!("\n{}- x", "  ".repeat(MAX_INDENT))));
    }

    #[test]
    fn html_blocks_lose_their_tags() {
        assert_eq!(to_text("<div>\n<p>kept</p>\n</div>\n"), "kept");
    }
}
