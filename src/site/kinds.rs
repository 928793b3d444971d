//! The guide -> every page kind in one place: which pages of each kind exist and at what
//! path, the template, name and context key each kind renders with, how it is named in
//! errors, and the meta (title, description, structured data) and data of its view.
//!
//! Adding a kind means adding a variant and filling in each `match` below; the compiler
//! points at every one. The views' bodies (`index_view`, `state_view`…) live with the
//! code they share (`pages.rs`, `values.rs`, `compare.rs`).

use std::borrow::Cow;

use super::views::{ExtraView, PageData, PageMeta, PageView};
use super::{jsonld, links, PageSpec, SiteModel};
pub use crate::ids::{ExtraId, QuestionId, StateId, TopicId};
use crate::model::{Guide, QuestionModel, StateModel};

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Index,
    State(StateId),
    Question(QuestionId),
    Topic(TopicId),
    Compare,
    /// States × topics, each cell an answer's key sentence.
    CompareTopics,
    /// Two states side by side, filled in by a script from per-state data files.
    CompareStates,
    Print,
    Extra(ExtraId),
    NotFound,
}

/// The fixed facts of a page kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindRules {
    /// `page.kind` in templates.
    pub name: &'static str,
    /// The template that renders the page.
    pub template: &'static str,
    /// The name the kind's data has in the template's context (none: the template needs
    /// only `page` and the site-wide lists).
    pub context: Option<&'static str>,
    /// A rough rank of how much a page holds: pages listing every state highest, so
    /// they start first.
    pub weight: u8,
    /// Whether the page belongs in the sitemap.
    pub in_sitemap: bool,
}

/// The usual page: light, in the sitemap, with no data of its own.
const PAGE: KindRules = KindRules {
    name: "",
    template: "",
    context: None,
    weight: 1,
    in_sitemap: true,
};

impl PageKind {
    /// The kind's name, template, context key, weight and sitemap rule. The print page
    /// repeats the state pages and the 404 page is no page, so neither is in the sitemap.
    pub fn rules(self) -> KindRules {
        let page = |name, template, context, weight| KindRules {
            name,
            template,
            context: Some(context),
            weight,
            ..PAGE
        };
        match self {
            PageKind::Index => page("index", "index.html", "map", 2),
            PageKind::State(_) => page("state", "state.html", "state", 2),
            PageKind::Question(_) => page("question", "question.html", "question", 1),
            PageKind::Topic(_) => page("topic", "topic.html", "topic", 3),
            PageKind::Compare => page("compare", "compare.html", "matrix", 3),
            PageKind::CompareTopics => page("compare-topics", "compare-topics.html", "matrix", 3),
            PageKind::CompareStates => KindRules {
                name: "compare-states",
                template: "compare-states.html",
                ..PAGE
            },
            PageKind::Print => KindRules {
                in_sitemap: false,
                ..page("print", "print.html", "print", 4)
            },
            PageKind::Extra(_) => page("page", "page.html", "extra", 1),
            PageKind::NotFound => KindRules {
                name: "404",
                template: "404.html",
                in_sitemap: false,
                ..PAGE
            },
        }
    }

    /// The template that renders this kind of page.
    pub fn template(self) -> &'static str {
        self.rules().template
    }

    /// Names the page for an error message.
    pub fn describe(self, guide: &Guide) -> String {
        match self {
            PageKind::Index => "the index page".to_string(),
            PageKind::State(s) => {
                let state = s.of(guide);
                format!(
                    "the state page of {} (content/states/{})",
                    state.name, state.source_file
                )
            }
            PageKind::Question(q) => {
                let (state, q) = q.of(guide);
                format!(
                    "question {} of {} (content/states/{}:{})",
                    q.number, state.name, state.source_file, q.line
                )
            }
            PageKind::Topic(t) => format!("the page of topic `{}`", t.of(guide).id),
            PageKind::Compare => "the comparison matrix".to_string(),
            PageKind::CompareTopics => "the topic matrix".to_string(),
            PageKind::CompareStates => "the two-state comparison".to_string(),
            PageKind::Print => "the print page".to_string(),
            PageKind::Extra(p) => {
                format!("the page `{}` from content/pages/", p.of(guide).slug)
            }
            PageKind::NotFound => "the 404 page".to_string(),
        }
    }

    /// The newest `updated` date of the state documents the page shows, when they have
    /// one (the sitemap's `lastmod`).
    pub fn last_modified(self, guide: &Guide) -> Option<&str> {
        let updated = |s: usize| guide.states[s].updated.as_deref();
        match self {
            PageKind::State(StateId(s))
            | PageKind::Question(QuestionId {
                state: StateId(s), ..
            }) => updated(s),
            PageKind::Topic(t) => t
                .of(guide)
                .answers
                .iter()
                .filter_map(|a| updated(a.state.0))
                .max(),
            PageKind::Index | PageKind::Compare => {
                (0..guide.states.len()).filter_map(updated).max()
            }
            PageKind::CompareTopics
            | PageKind::CompareStates
            | PageKind::Print
            | PageKind::Extra(_)
            | PageKind::NotFound => None,
        }
    }
}

/// Every page of the guide at its path, in the site's order.
pub(super) fn plan(guide: &Guide) -> Vec<PageSpec> {
    let question_count: usize = guide.states.iter().map(|s| s.questions.len()).sum();
    let mut pages = Vec::with_capacity(question_count + guide.states.len() * 2 + 16);
    let mut page = |path: String, kind: PageKind| pages.push(PageSpec { path, kind });
    page("index.html".to_string(), PageKind::Index);
    for (s, state) in guide.states.iter().enumerate() {
        page(links::state_page(&state.slug), PageKind::State(StateId(s)));
        for (q, question) in state.questions.iter().enumerate() {
            page(
                links::question_page(&state.slug, &question.slug),
                PageKind::Question(QuestionId {
                    state: StateId(s),
                    question: q,
                }),
            );
        }
    }
    for (t, topic) in guide.topics.iter().enumerate() {
        page(links::topic_page(&topic.id), PageKind::Topic(TopicId(t)));
    }
    page("compare/index.html".to_string(), PageKind::Compare);
    page(links::TOPIC_MATRIX.to_string(), PageKind::CompareTopics);
    page(links::STATE_PAIR.to_string(), PageKind::CompareStates);
    page("print/index.html".to_string(), PageKind::Print);
    for (p, extra) in guide.pages.iter().enumerate() {
        page(links::extra_page(&extra.slug), PageKind::Extra(ExtraId(p)));
    }
    page("404.html".to_string(), PageKind::NotFound);
    pages
}

impl<'a> SiteModel<'a> {
    /// The view of one planned page.
    pub fn view<'s>(&'s self, spec: &'s PageSpec) -> PageView<'s> {
        let guide = self.guide;
        let find_root = spec.kind == PageKind::NotFound && self.base_url.is_none();
        let root = match spec.kind {
            PageKind::NotFound if !find_root => Cow::Borrowed(self.base_path.as_str()),
            _ => links::root_prefix(&spec.path),
        };
        let canonical = match spec.kind {
            PageKind::NotFound => None,
            _ => self
                .base_url
                .as_deref()
                .map(|base| links::public_url(base, &spec.path)),
        };
        let mut meta = PageMeta {
            path: &spec.path,
            kind: spec.kind.rules().name,
            title: Cow::Borrowed(""),
            description: Cow::Borrowed(""),
            root,
            canonical,
            find_root,
            json_ld: None,
            noindex: false,
        };
        let data = match spec.kind {
            PageKind::Index => {
                meta.title = Cow::Borrowed(&guide.site.title);
                meta.description = if guide.site.description.is_empty() {
                    Cow::Owned(format!(
                        "{}: {} states and {} topics compared.",
                        guide.site.title,
                        guide.states.len(),
                        guide.topics.len()
                    ))
                } else {
                    Cow::Borrowed(&guide.site.description)
                };
                PageData::Index(self.index_view())
            }
            PageKind::State(s) => {
                let state = s.of(guide);
                meta.title = Cow::Borrowed(&state.title);
                meta.description = Cow::Owned(format!(
                    "{}: answers to {} questions.",
                    state.title,
                    state.questions.len()
                ));
                meta.json_ld = Some(faq_page(state, &state.questions, &meta));
                PageData::State(self.state_view(state))
            }
            PageKind::Question(id) => {
                let (state, q) = id.of(guide);
                // Most questions name their state already; add it only when missing.
                meta.title = if q.text.contains(state.name.as_str()) {
                    Cow::Borrowed(&q.text)
                } else {
                    Cow::Owned(format!("{} ({})", q.text, state.name))
                };
                meta.description = Cow::Borrowed(&q.summary);
                meta.json_ld = Some(faq_page(state, std::slice::from_ref(q), &meta));
                PageData::Question(self.question_view(id))
            }
            PageKind::Topic(t) => {
                let topic = t.of(guide);
                meta.title = Cow::Borrowed(&topic.title);
                meta.description = Cow::Owned(format!(
                    "{} How each of {} states answers, side by side.",
                    topic.title,
                    topic.answers.len()
                ));
                PageData::Topic(self.topic_view(t))
            }
            PageKind::Compare => {
                meta.title = Cow::Borrowed("Compare states");
                meta.description = Cow::Owned(if guide.indicators.is_empty() {
                    format!(
                        "Every state's answer on each of {} topics, in one table.",
                        guide.topics.len()
                    )
                } else {
                    format!(
                        "Each state's value on {} questions readers compare, with the \
                         sentence that decides it.",
                        guide.indicators.len()
                    )
                });
                PageData::Compare(self.indicator_matrix_view())
            }
            PageKind::CompareTopics => {
                meta.title = Cow::Borrowed("Compare states by topic");
                meta.description = Cow::Borrowed(
                    "The key sentence of every state's answer on each topic, in one table.",
                );
                PageData::CompareTopics(self.topic_matrix_view())
            }
            PageKind::CompareStates => {
                meta.title = Cow::Borrowed("Compare two states");
                meta.description =
                    Cow::Borrowed("Two states' answers on every topic, side by side.");
                PageData::CompareStates
            }
            PageKind::Print => {
                meta.title = Cow::Owned(format!("{}: every state", guide.site.title));
                meta.description =
                    Cow::Borrowed("Every state's questions and answers on one page, for printing.");
                meta.noindex = true;
                PageData::Print(self.print_view())
            }
            PageKind::Extra(p) => {
                let page = p.of(guide);
                meta.title = Cow::Borrowed(&page.title);
                meta.description = Cow::Borrowed(if page.description.is_empty() {
                    &page.title
                } else {
                    &page.description
                });
                PageData::Extra(ExtraView {
                    title: &page.title,
                    html: &page.html,
                })
            }
            PageKind::NotFound => {
                meta.title = Cow::Borrowed("Page not found");
                meta.description = Cow::Borrowed(
                    "There is no page at this address. Start again from the home page.",
                );
                meta.noindex = true;
                PageData::NotFound
            }
        };
        PageView { meta, data }
    }
}

/// `FAQPage` structured data for some of a state's questions, on the page `meta` describes.
fn faq_page(state: &StateModel, questions: &[QuestionModel], meta: &PageMeta) -> String {
    jsonld::faq_page(
        questions
            .iter()
            .map(|q| (q.text.as_str(), q.answer_text.as_str())),
        meta.canonical.as_deref(),
        state.updated.as_deref(),
    )
}

#[cfg(test)]
#[path = "kinds_tests.rs"]
mod tests;
