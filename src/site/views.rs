//! The typed data templates receive: one struct per kind of page, all borrowing from the
//! guide. The site-wide lists (states, topics, pages) form [`GlobalView`], built once and
//! shared by every page through Tera's global context. `pages.rs` fills them in.

use std::borrow::Cow;

use serde::Serialize;

/// Site-wide data, identical on every page.
#[derive(Debug, Serialize)]
pub struct GlobalView<'s> {
    pub site: SiteView<'s>,
    pub states: Vec<StateLink<'s>>,
    pub topics: Vec<TopicLink<'s>>,
    /// Extra pages in navigation order.
    pub extra_pages: Vec<ExtraLink<'s>>,
}

#[derive(Debug, Serialize)]
pub struct SiteView<'s> {
    pub title: &'s str,
    pub description: &'s str,
    pub language: &'s str,
    pub publisher: &'s str,
    pub source_note: Option<&'s str>,
    pub base_url: Option<&'s str>,
    pub has_highlight: bool,
    /// Slug of the extra page called `about`, when there is one (linked from the nav).
    pub about: Option<&'s str>,
    pub state_count: usize,
    pub question_count: usize,
    pub topic_count: usize,
    /// Topics that at least one state answers: the ones lists and matrices show.
    pub answered_topic_count: usize,
}

#[derive(Debug, Serialize)]
pub struct StateLink<'s> {
    pub name: &'s str,
    pub code: &'s str,
    pub slug: &'s str,
    pub title: &'s str,
    pub category: Option<&'s str>,
    pub question_count: usize,
}

#[derive(Debug, Serialize)]
pub struct TopicLink<'s> {
    pub id: &'s str,
    pub label: &'s str,
    pub title: &'s str,
    pub answer_count: usize,
}

#[derive(Debug, Serialize)]
pub struct ExtraLink<'s> {
    pub slug: &'s str,
    pub title: &'s str,
}

/// What every page knows about itself.
#[derive(Debug, Serialize)]
pub struct PageMeta<'s> {
    pub path: &'s str,
    /// The kind's name: `state`, `topic`… ([`super::KindRules::name`]).
    pub kind: &'static str,
    /// The page's own title (the site's title is added by the layout).
    pub title: Cow<'s, str>,
    pub description: Cow<'s, str>,
    /// Prefix that leads back to the output root: `../../` or, on the 404 page, the base
    /// URL's path (relative, `""`, when there is no base URL; see `find_root`).
    pub root: Cow<'s, str>,
    pub canonical: Option<String>,
    /// True on the 404 page of a site without a base URL: hosts serve that page at any
    /// depth, so a small script finds the site's root before the page's links are read.
    pub find_root: bool,
    /// `FAQPage` structured data, already escaped for a script element.
    pub json_ld: Option<String>,
    pub noindex: bool,
}

/// A page's meta plus the data of its kind: everything its template sees besides the
/// site-wide lists (so its serialized form is what the page depends on).
#[derive(Debug, Serialize)]
pub struct PageView<'s> {
    pub meta: PageMeta<'s>,
    pub data: PageData<'s>,
}

/// Serialized as the inner view alone, under the kind's context name
/// ([`super::KindRules::context`]).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum PageData<'s> {
    Index(IndexView<'s>),
    State(StateView<'s>),
    Question(QuestionView<'s>),
    Topic(TopicView<'s>),
    Compare(IndicatorMatrixView<'s>),
    CompareTopics(TopicMatrixView<'s>),
    /// The page's script builds the comparison; the template needs only the site lists.
    CompareStates,
    Print(PrintView),
    Extra(ExtraView<'s>),
    NotFound,
}

#[derive(Debug, Serialize)]
pub struct IndexView<'s> {
    /// Map squares in reading order (row, then column).
    pub tiles: Vec<Tile<'s>>,
    /// The indicators the map can show instead of covered / not covered.
    pub indicators: Vec<IndicatorColumn<'s>>,
}

#[derive(Debug, Serialize)]
pub struct Tile<'s> {
    pub name: &'s str,
    pub code: &'s str,
    pub row: u8,
    pub col: u8,
    /// The state's slug when the guide covers it.
    pub slug: Option<&'s str>,
    /// A covered state's value on each indicator, in the guide's order.
    pub values: Vec<ValueKey<'s>>,
    /// The same values' ids, space-separated, for the map's script.
    pub value_ids: String,
    /// The value the square shows when the page opens (none: covered or not).
    pub shown: Option<ValueKey<'s>>,
}

/// What a state page and the state's section of the print page both show first: the
/// state and its document's facts.
#[derive(Debug, Serialize)]
pub struct StateHeader<'s> {
    pub name: &'s str,
    pub code: &'s str,
    pub slug: &'s str,
    pub title: &'s str,
    pub category: Option<&'s str>,
    pub updated: Option<&'s str>,
    pub sources: &'s [String],
    pub source_file: &'s str,
}

#[derive(Debug, Serialize)]
pub struct StateView<'s> {
    #[serde(flatten)]
    pub header: StateHeader<'s>,
    /// The text before the first question, as HTML, when the document has one.
    pub intro_html: Option<&'s str>,
    pub questions: Vec<StateQuestion<'s>>,
    /// The "At a glance" box: one value per indicator.
    pub glance: Vec<GlanceItem<'s>>,
}

/// One indicator's value on a state page.
#[derive(Debug, Serialize)]
pub struct GlanceItem<'s> {
    pub id: &'s str,
    pub label: &'s str,
    /// The indicator's question in plain words.
    pub question: &'s str,
    /// The value's id (`yes`, `no`…), or `None` when not stated.
    pub value: Option<&'s str>,
    /// The value in words.
    pub value_label: &'s str,
    /// The value's id, or `not-stated`, for styling.
    pub value_class: &'s str,
    #[serde(flatten)]
    pub origin: ValueOrigin<'s>,
}

/// The sentence a value comes from and where to read it.
#[derive(Debug, Serialize)]
pub struct GlanceEvidence<'s> {
    pub sentence: &'s str,
    pub question_number: u32,
    pub question_text: &'s str,
    /// `<question slug>.html#<anchor>`, relative to the state's folder.
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct StateQuestion<'s> {
    pub number: u32,
    pub text: &'s str,
    pub slug: &'s str,
    pub anchor: &'s str,
    pub answer_html: Cow<'s, str>,
    pub topic: Option<TopicLink<'s>>,
}

#[derive(Debug, Serialize)]
pub struct QuestionView<'s> {
    pub state: StateRef<'s>,
    pub number: u32,
    pub text: &'s str,
    pub slug: &'s str,
    pub anchor: &'s str,
    pub answer_html: Cow<'s, str>,
    pub topic: Option<TopicLink<'s>>,
    /// When the state's document was last updated, and the sources it cites.
    pub updated: Option<&'s str>,
    pub sources: &'s [String],
    /// 1-based position among the state's questions, and their count.
    pub position: usize,
    pub count: usize,
    pub prev: Option<QuestionRef<'s>>,
    pub next: Option<QuestionRef<'s>>,
    /// Other states' answers on the same topic (all of them, or a window).
    pub others: Vec<OtherAnswer<'s>>,
    /// How many other states answer the topic.
    pub others_total: usize,
    /// Whether `others` lists every one of them.
    pub others_complete: bool,
}

#[derive(Debug, Serialize)]
pub struct StateRef<'s> {
    pub name: &'s str,
    pub slug: &'s str,
    pub title: &'s str,
}

#[derive(Debug, Serialize)]
pub struct QuestionRef<'s> {
    pub number: u32,
    pub text: &'s str,
    pub slug: &'s str,
}

#[derive(Debug, Serialize)]
pub struct OtherAnswer<'s> {
    pub state_name: &'s str,
    pub state_slug: &'s str,
    pub question_slug: &'s str,
}

#[derive(Debug, Serialize)]
pub struct TopicView<'s> {
    pub id: &'s str,
    pub label: &'s str,
    pub title: &'s str,
    pub answers: Vec<TopicAnswer<'s>>,
    /// States without an answer on this topic.
    pub missing: Vec<StateRef<'s>>,
    /// The values of the indicators read from this topic, when it has any.
    pub glance: Option<TopicGlance<'s>>,
}

#[derive(Debug, Serialize)]
pub struct TopicAnswer<'s> {
    pub state_name: &'s str,
    pub state_slug: &'s str,
    pub number: u32,
    pub question_text: &'s str,
    pub question_slug: &'s str,
    pub answer_html: &'s str,
    /// When the state's document was last updated.
    pub updated: Option<&'s str>,
}

/// The default comparison: states × indicators, each cell a coded value with its evidence,
/// and a map of one indicator's values.
#[derive(Debug, Serialize)]
pub struct IndicatorMatrixView<'s> {
    /// The indicators, in the guide's order: the matrix's columns.
    pub columns: Vec<IndicatorColumn<'s>>,
    /// Every value any column shows, once each, "not stated" last.
    pub legend: Vec<ValueKey<'s>>,
    pub rows: Vec<IndicatorRow<'s>>,
    /// The map's squares; it shows the first indicator until a reader picks another.
    pub tiles: Vec<Tile<'s>>,
    /// The id of the indicator the map shows when the page opens.
    pub map_shown: &'s str,
    /// How many cells hold an editor's value (the legend explains the mark when any do).
    pub editor_count: usize,
    /// A site without indicators compares the answers instead: each state's summary on
    /// every topic (`None` when there are indicators).
    pub answers: Option<MatrixView<'s>>,
}

#[derive(Debug, Serialize)]
pub struct MatrixView<'s> {
    pub rows: Vec<MatrixRow<'s>>,
}

/// One state's row of a comparison table.
#[derive(Debug, Serialize)]
pub struct StateRow<'s, Cell> {
    pub name: &'s str,
    pub code: &'s str,
    pub slug: &'s str,
    /// One cell per column, in column order.
    pub cells: Vec<Cell>,
}

/// A row of the answer matrix: `None` where the state has no answer on the topic.
pub type MatrixRow<'s> = StateRow<'s, Option<MatrixCell<'s>>>;

#[derive(Debug, Serialize)]
pub struct MatrixCell<'s> {
    pub question_slug: &'s str,
    pub summary: &'s str,
}

/// One indicator as a column heading, a filter and a map layer.
#[derive(Debug, Serialize)]
pub struct IndicatorColumn<'s> {
    pub id: &'s str,
    pub label: &'s str,
    /// The indicator's question in plain words.
    pub question: &'s str,
    /// Every value a cell can show, "not stated" last: the legend and the filter's choices.
    pub values: Vec<ValueKey<'s>>,
}

/// A value as readers see it: its id (or `not-stated`), its words and its mark.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ValueKey<'s> {
    /// The value's id, or `not-stated`; also the cell's and the square's style.
    pub id: &'s str,
    pub label: &'s str,
    /// A sign that tells the values apart without colour (✓, ✗, –, •).
    pub marker: &'static str,
}

pub type IndicatorRow<'s> = StateRow<'s, IndicatorCell<'s>>;

/// One state's value for one indicator, with what a reader needs to check it.
#[derive(Debug, Serialize)]
pub struct IndicatorCell<'s> {
    pub value: ValueKey<'s>,
    #[serde(flatten)]
    pub origin: ValueOrigin<'s>,
}

/// Where a value comes from, and what a reader needs to check it (a state page's glance
/// and a matrix cell show the same).
#[derive(Debug, Serialize)]
pub struct ValueOrigin<'s> {
    /// Set by an editor rather than read from the answers.
    pub editor: bool,
    pub note: Option<&'s str>,
    /// The editor's source, an http(s) URL.
    pub source_url: Option<&'s str>,
    /// The deciding sentence; its `href` is relative to the state's folder.
    pub evidence: Option<GlanceEvidence<'s>>,
}

/// The short table atop a topic page: each state's values on the topic's indicators.
#[derive(Debug, Serialize)]
pub struct TopicGlance<'s> {
    pub columns: Vec<IndicatorColumn<'s>>,
    pub rows: Vec<IndicatorRow<'s>>,
}

#[derive(Debug, Serialize)]
pub struct TopicMatrixView<'s> {
    /// The topics at least one state answers, in topic order: the matrix's columns.
    pub columns: Vec<TopicLink<'s>>,
    pub rows: Vec<TopicMatrixRow<'s>>,
}

/// A row of the topic matrix: `None` where the state has no answer on that topic.
pub type TopicMatrixRow<'s> = StateRow<'s, Option<TopicMatrixCell<'s>>>;

#[derive(Debug, Serialize)]
pub struct TopicMatrixCell<'s> {
    pub question_slug: &'s str,
    pub key_sentence: &'s str,
}

/// The print page's frame. Its sections, one per state, are rendered one state at a time
/// from `partials/print-state.html` and stand where the frame outputs `sections`, so the
/// page never needs every state's answers in one template context.
#[derive(Debug, Serialize)]
pub struct PrintView {
    /// A marker to output once with `{{ print.sections | safe }}`.
    pub sections: &'static str,
    /// CSS naming each state at the top of its printed sheets (one `@page` per state),
    /// escaped for a CSS string in a `<style>` element: output with `| safe`.
    pub sheet_headers_css: String,
}

#[derive(Debug, Serialize)]
pub struct PrintState<'s> {
    #[serde(flatten)]
    pub header: StateHeader<'s>,
    pub intro_html: Option<Cow<'s, str>>,
    pub questions: Vec<PrintQuestion<'s>>,
}

#[derive(Debug, Serialize)]
pub struct PrintQuestion<'s> {
    pub number: u32,
    pub text: &'s str,
    /// Unique on the whole page: `<state slug>-<anchor>`.
    pub id: String,
    pub answer_html: Cow<'s, str>,
}

#[derive(Debug, Serialize)]
pub struct ExtraView<'s> {
    pub title: &'s str,
    pub html: &'s str,
}
