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
pub(crate) mod state;

pub use page::{parse_page, PageSource};
pub use plain::to_text;
pub use render::Renderer;
pub use state::parse_state;

use pulldown_cmark::Options;

/// The Markdown dialect of every `.md` file: CommonMark with tables and strikethrough.
/// Footnotes stay off: several answers share one page, and their footnote ids would collide.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}
