//! The lines of one answer -> its blocks: paragraphs and lists, nested by indent and
//! marker, at most [`super::MAX_LIST_DEPTH`] deep.

use super::lines::{Kind, Line};
use super::MAX_LIST_DEPTH;
use crate::doc::{Block, List, ListItem};

/// One item while a run of list lines is collected, before nesting.
pub(super) struct FlatItem {
    depth: usize,
    number: Option<u32>,
    /// Starts a new list even at the same depth (the marker kind changed).
    new_list: bool,
    lines: Vec<String>,
    /// Indent of the item's marker, for continuation lines.
    indent: usize,
}

/// Splits an answer's lines into paragraphs and (nested) lists.
pub(super) fn answer_blocks(lines: &[Line]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut run: Vec<FlatItem> = Vec::new();
    // (indent, numbered?) of the open list levels of the current run.
    let mut levels: Vec<(usize, bool)> = Vec::new();
    let mut after_blank = false;

    for line in lines {
        match line.kind {
            Kind::Blank => {
                after_blank = true;
                continue;
            }
            Kind::Numbered(n, rest) => {
                flush_paragraph(&mut paragraph, &mut blocks);
                push_item(&mut run, &mut levels, line.indent, Some(n), rest);
            }
            Kind::Bullet(rest) => {
                flush_paragraph(&mut paragraph, &mut blocks);
                push_item(&mut run, &mut levels, line.indent, None, rest);
            }
            Kind::Text => {
                let continues_item =
                    !after_blank && run.last().is_some_and(|it| line.indent > it.indent);
                if continues_item {
                    run.last_mut()
                        .expect("checked")
                        .lines
                        .push(line.text.to_string());
                } else {
                    flush_run(&mut run, &mut levels, &mut blocks);
                    if after_blank {
                        flush_paragraph(&mut paragraph, &mut blocks);
                    }
                    paragraph.push(line.text.to_string());
                }
            }
        }
        after_blank = false;
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_run(&mut run, &mut levels, &mut blocks);

    // An answer that is one `1.` item is a paragraph that happens to start with "1.".
    if let [Block::List(List {
        start: Some(1),
        items,
    })] = blocks.as_slice()
    {
        if let [ListItem { lines, children }] = items.as_slice() {
            if children.is_empty() {
                return vec![Block::Paragraph(lines.clone())];
            }
        }
    }
    blocks
}

pub(super) fn flush_paragraph(paragraph: &mut Vec<String>, blocks: &mut Vec<Block>) {
    if !paragraph.is_empty() {
        blocks.push(Block::Paragraph(std::mem::take(paragraph)));
    }
}

pub(super) fn push_item(
    run: &mut Vec<FlatItem>,
    levels: &mut Vec<(usize, bool)>,
    indent: usize,
    number: Option<u32>,
    text: &str,
) {
    let numbered = number.is_some();
    while levels.last().is_some_and(|&(i, _)| i > indent) {
        levels.pop();
    }
    let mut new_list = false;
    match levels.last().copied() {
        Some((i, kind)) if i == indent && kind != numbered => {
            if !numbered {
                // Bullets right under a numbered item belong to that item.
                levels.push((indent, false));
            } else if levels.len() >= 2 && levels[levels.len() - 2] == (indent, true) {
                // A numbered item after such bullets continues the numbered list.
                levels.pop();
            } else {
                *levels.last_mut().expect("checked") = (indent, numbered);
                new_list = true;
            }
        }
        Some((i, _)) if i == indent => {}
        _ => levels.push((indent, numbered)),
    }
    run.push(FlatItem {
        depth: (levels.len() - 1).min(MAX_LIST_DEPTH),
        number,
        new_list,
        lines: vec![text.to_string()],
        indent,
    });
}

pub(super) fn flush_run(
    run: &mut Vec<FlatItem>,
    levels: &mut Vec<(usize, bool)>,
    blocks: &mut Vec<Block>,
) {
    if run.is_empty() {
        return;
    }
    let mut at = 0;
    for list in nest(run, &mut at, 0) {
        blocks.push(Block::List(list));
    }
    run.clear();
    levels.clear();
}

/// Builds the lists at `depth` from `items[*at..]`; recursion is bounded by `MAX_LIST_DEPTH`.
pub(super) fn nest(items: &mut [FlatItem], at: &mut usize, depth: usize) -> Vec<List> {
    let mut lists = Vec::new();
    while *at < items.len() && items[*at].depth >= depth {
        let numbered = items[*at].number.is_some();
        let mut list = List {
            start: items[*at].number,
            items: Vec::new(),
        };
        loop {
            let lines = std::mem::take(&mut items[*at].lines);
            *at += 1;
            let children = if *at < items.len() && items[*at].depth > depth {
                nest(items, at, depth + 1)
            } else {
                Vec::new()
            };
            list.items.push(ListItem { lines, children });
            let Some(next) = items.get(*at) else { break };
            if next.depth < depth || next.new_list || next.number.is_some() != numbered {
                break;
            }
        }
        lists.push(list);
    }
    lists
}
