//! Markdown files: state documents (`content/states/*.md`) and extra pages
//! (`content/pages/*.md`), each with TOML front matter between `+++` lines, in; a
//! [`crate::doc::StateDoc`] or a [`PageSource`] out. Also the safe Markdown -> events step
//! that Markdown answers and pages share, and the plain text of a Markdown fragment.
//!
//! - `front_matter`: splitting off the `+++` block and reading its TOML, with diagnostics.
//! - `state`: a state document (its format is documented on [`parse_state`]);
//!   `questions`: its body split into the introduction and the questions.
//! - `page`: an extra page.
//! - `render`: the [`Renderer`]: raw HTML escaped, script URLs dropped, headings clamped,
//!   fenced code highlighted by `highlight` (syntect, loaded on first use).
//! - `plain`: [`to_text`].

mod front_matter;
mod highlight;
mod page;
mod plain;
mod questions;
mod render;
mod state;

pub use highlight::Highlighter;
pub use page::{parse_page, PageSource};
pub use plain::to_text;
pub use render::Renderer;
pub use state::parse_state;

use pulldown_cmark::Options;

/// The fenced code blocks of Markdown source that name a language, as (info string, code),
/// for [`Highlighter::warm_up`]. A quick scan for a fence line comes first, so text without
/// one is not parsed.
pub fn code_to_highlight(src: &[u8]) -> Vec<(String, String)> {
    let fence = src.split(|&b| b == b'\n').any(|line| {
        let line = line.trim_ascii_start();
        line.starts_with(b"```") || line.starts_with(b"~~~")
    });
    let Some(src) = fence.then(|| std::str::from_utf8(src).ok()).flatten() else {
        return Vec::new();
    };
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in pulldown_cmark::Parser::new_ext(src, options()) {
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::CodeBlock(
                pulldown_cmark::CodeBlockKind::Fenced(info),
            )) if !info.trim().is_empty() => current = Some((info.to_string(), String::new())),
            pulldown_cmark::Event::Text(text) => {
                if let Some((_, code)) = &mut current {
                    code.push_str(&text);
                }
            }
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                blocks.extend(current.take());
            }
            _ => {}
        }
    }
    blocks
}

/// The Markdown dialect of every `.md` file: CommonMark with tables and strikethrough.
/// Footnotes stay off: several answers share one page, and their footnote ids would collide.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}
