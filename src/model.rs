//! Documents + alignment -> the guide: every state with its questions, each answer rendered
//! to HTML and plain text exactly once, and every topic with the answers that address it.
//! Everything downstream (pages, exports) borrows from this.

use serde::Serialize;

use crate::config::SiteConfig;

/// The whole content of a site, ready to render. States are sorted by name.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub site: SiteConfig,
    pub topics: Vec<TopicModel>,
    pub states: Vec<StateModel>,
    pub pages: Vec<PageModel>,
    /// Class-based CSS for highlighted code blocks, when any page has one.
    pub highlight_css: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicModel {
    pub id: String,
    pub label: String,
    pub title: String,
    /// The answers on this topic, as (index into `Guide::states`, index into its
    /// `questions`), in state order; at most one per state.
    pub answers: Vec<AnswerRef>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct AnswerRef {
    pub state: usize,
    pub question: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateModel {
    pub name: String,
    /// Postal code: IA, AL, DC…
    pub code: String,
    /// URL-safe name: `iowa`, `new-york`.
    pub slug: String,
    pub title: String,
    pub category: Option<String>,
    pub updated: Option<String>,
    pub sources: Vec<String>,
    /// The file the document came from, relative to `content/states/`.
    pub source_file: String,
    /// Tile-map position (row, column) for the index page's map, when it has one.
    pub tile: Option<(u8, u8)>,
    pub questions: Vec<QuestionModel>,
    /// For each topic (by index), the index of this state's question on it.
    pub by_topic: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionModel {
    pub number: u32,
    /// Line of the question in its source file.
    pub line: usize,
    pub text: String,
    /// Index into `Guide::topics`.
    pub topic: Option<usize>,
    /// How well the question matched its topic (1.0 for a pin).
    pub score: f32,
    pub pinned: bool,
    /// File stem of the question's page, unique within its state: the topic id, or
    /// `q<number>-<slug of the question>` when unaligned.
    pub slug: String,
    /// Anchor id on the state page: `q<number>` (with a suffix when numbers repeat).
    pub anchor: String,
    pub answer_html: String,
    pub answer_text: String,
    /// The answer's first sentence, shortened when long (for the matrix).
    pub summary: String,
}

/// An extra page from `content/pages/`.
#[derive(Debug, Clone, Serialize)]
pub struct PageModel {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Ordering in navigation; lower first, then by title.
    pub weight: i64,
    pub html: String,
}
