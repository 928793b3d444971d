//! The parsers' output type: one state file in -> a [`StateDoc`] out (its state, title and
//! numbered questions, each with the line it starts on and its answer). Plain-text and
//! Markdown files both read into this.

use std::path::PathBuf;

use crate::jurisdiction::Jurisdiction;
use crate::markdown;

/// One state file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct StateDoc {
    /// Path as shown in diagnostics (relative to the project root when possible).
    pub path: PathBuf,
    pub state: Jurisdiction,
    pub title: String,
    pub category: Option<String>,
    /// Date the document was last updated (`YYYY-MM-DD`), when the file says.
    pub updated: Option<String>,
    /// Source URLs the document cites (Markdown front matter).
    pub sources: Vec<String>,
    /// Text between the title and the first question, if any.
    pub intro: Option<Answer>,
    pub questions: Vec<Question>,
    /// Indicator values an editor set in the file (Markdown front matter `[indicators]`).
    pub indicator_values: Vec<crate::indicators::EditorValue>,
}

/// A numbered question and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The number as written in the file (may skip or repeat; see diagnostics).
    pub number: u32,
    /// 1-based line of the question in its file.
    pub line: usize,
    /// The question as written, without its number.
    pub text: String,
    pub answer: Answer,
    /// A topic id an editor pinned this question to in the file itself, with the line
    /// of the pin (in Markdown front matter).
    pub pin: Option<(String, usize)>,
}

/// An answer's body, kept in the form its file was written in until rendering,
/// where both forms go through one HTML writer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// From a plain-text file: structure recognised, text kept literally.
    Text(Vec<Block>),
    /// From a Markdown file: the Markdown source of the answer.
    Markdown(String),
}

/// A block of a plain-text answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Lines of one paragraph, each kept as written (joined by soft breaks when rendered).
    Paragraph(Vec<String>),
    List(List),
}

#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// `Some(first number)` for a numbered list, `None` for bullets.
    pub start: Option<u32>,
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// The item's lines (the first after its marker; later ones are indented continuations).
    pub lines: Vec<String>,
    /// Lists nested under this item (bullets under a numbered item, deeper indentation).
    pub children: Vec<List>,
}

impl Answer {
    /// True when the answer holds no text at all.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(blocks) => blocks.is_empty(),
            Answer::Markdown(src) => src.trim().is_empty(),
        }
    }

    /// The plain text of an answer, the one both the pages and the matcher read: paragraphs separated by blank lines, list items on their own
    /// lines with their numbers or a dash.
    pub fn plain(&self) -> String {
        match self {
            Answer::Text(blocks) => {
                let mut parts = Vec::new();
                for block in blocks {
                    match block {
                        Block::Paragraph(lines) => parts.push(lines.join("\n")),
                        Block::List(list) => {
                            let mut s = String::new();
                            list_text(list, 0, &mut s);
                            parts.push(s.trim_end().to_string());
                        }
                    }
                }
                parts.join("\n\n")
            }
            Answer::Markdown(src) => markdown::to_text(src),
        }
    }
}

fn list_text(list: &List, depth: usize, out: &mut String) {
    for (i, item) in list.items.iter().enumerate() {
        out.push_str(&"  ".repeat(depth));
        match list.start {
            Some(start) => out.push_str(&format!("{}. ", start as u64 + i as u64)),
            None => out.push_str("- "),
        }
        out.push_str(&item.lines.join(" "));
        out.push('\n');
        for child in &item.children {
            list_text(child, depth + 1, out);
        }
    }
}
