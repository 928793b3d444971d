//! The guide -> the site plan: every file to write, at its path, and (built on demand, one
//! page at a time) the typed view its template receives. Views borrow from the guide, so
//! no page copies the site's data; only pages that genuinely list every state grow with it.

mod compare;
mod headings;
mod jsonld;
pub mod links;
mod pages;
mod values;
mod views;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::jurisdiction::Jurisdictions;
use crate::model::Guide;

pub use pages::{OTHER_STATES_LIMIT, OTHER_STATES_WINDOW, PRINT_SECTIONS};
pub use views::*;

/// Every page of the site and the other generated files, in a fixed order.
pub struct SiteModel<'a> {
    pub guide: &'a Guide,
    /// The published address, ending with `/`, when the site has one.
    pub base_url: Option<String>,
    /// The path of `base_url` (`/repo/`), or `/`: the root of the 404 page's links.
    pub base_path: String,
    pub pages: Vec<PageSpec>,
    /// Generated files that are not pages (sitemap, robots.txt…).
    pub files: Vec<FileKind>,
    /// The built-in list of places, for the index page's map.
    places: Jurisdictions,
}

/// One page: where it goes and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSpec {
    /// `/`-separated, relative to the output root.
    pub path: String,
    pub kind: PageKind,
}

/// What a page shows; indices point into the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Index,
    State(usize),
    Question {
        state: usize,
        question: usize,
    },
    Topic(usize),
    Compare,
    /// States × topics, each cell an answer's key sentence.
    CompareTopics,
    /// Two states side by side, filled in by a script from per-state data files.
    CompareStates,
    Print,
    Extra(usize),
    NotFound,
}

/// Generated files that are not rendered through a page template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Sitemap,
    Robots,
    NoJekyll,
    HighlightCss,
}

impl FileKind {
    pub fn path(self) -> &'static str {
        match self {
            FileKind::Sitemap => "sitemap.xml",
            FileKind::Robots => "robots.txt",
            FileKind::NoJekyll => ".nojekyll",
            FileKind::HighlightCss => "highlight.css",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            FileKind::Sitemap => "the sitemap",
            FileKind::Robots => "robots.txt",
            FileKind::NoJekyll => "the .nojekyll marker",
            FileKind::HighlightCss => "the code highlighting stylesheet",
        }
    }
}

impl PageKind {
    /// The template that renders this kind of page.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Index => "index.html",
            PageKind::State(_) => "state.html",
            PageKind::Question { .. } => "question.html",
            PageKind::Topic(_) => "topic.html",
            PageKind::Compare => "compare.html",
            PageKind::CompareTopics => "compare-topics.html",
            PageKind::CompareStates => "compare-states.html",
            PageKind::Print => "print.html",
            PageKind::Extra(_) => "page.html",
            PageKind::NotFound => "404.html",
        }
    }

    /// A rough rank of how much a page holds: pages listing every state first.
    pub fn weight(self) -> u8 {
        match self {
            PageKind::Print => 4,
            PageKind::Topic(_) | PageKind::Compare | PageKind::CompareTopics => 3,
            PageKind::Index | PageKind::State(_) => 2,
            _ => 1,
        }
    }

    /// Whether the page belongs in the sitemap: not the 404 page, and not the print page,
    /// which repeats the state pages.
    pub fn in_sitemap(self) -> bool {
        !matches!(self, PageKind::NotFound | PageKind::Print)
    }

    /// Names the page for an error message.
    pub fn describe(self, guide: &Guide) -> String {
        match self {
            PageKind::Index => "the index page".to_string(),
            PageKind::State(s) => {
                let state = &guide.states[s];
                format!(
                    "the state page of {} (content/states/{})",
                    state.name, state.source_file
                )
            }
            PageKind::Question { state, question } => {
                let state = &guide.states[state];
                let q = &state.questions[question];
                format!(
                    "question {} of {} (content/states/{}:{})",
                    q.number, state.name, state.source_file, q.line
                )
            }
            PageKind::Topic(t) => format!("the page of topic `{}`", guide.topics[t].id),
            PageKind::Compare => "the comparison matrix".to_string(),
            PageKind::CompareTopics => "the topic matrix".to_string(),
            PageKind::CompareStates => "the two-state comparison".to_string(),
            PageKind::Print => "the print page".to_string(),
            PageKind::Extra(p) => {
                format!("the page `{}` from content/pages/", guide.pages[p].slug)
            }
            PageKind::NotFound => "the 404 page".to_string(),
        }
    }
}

impl<'a> SiteModel<'a> {
    /// Plans the site. `base_url` overrides the one in site.toml when given (an empty
    /// override means "no base URL"). Fails when two files would land on the same path.
    pub fn new(guide: &'a Guide, base_url: Option<&str>) -> Result<Self> {
        let base_url = links::normalize_base_url(base_url.unwrap_or(&guide.site.base_url));
        let base_path = links::base_path(base_url.as_deref());

        let question_count: usize = guide.states.iter().map(|s| s.questions.len()).sum();
        let mut pages = Vec::with_capacity(question_count + guide.states.len() * 2 + 16);
        let mut page = |path: String, kind: PageKind| pages.push(PageSpec { path, kind });
        page("index.html".to_string(), PageKind::Index);
        for (s, state) in guide.states.iter().enumerate() {
            page(links::state_page(&state.slug), PageKind::State(s));
            for (q, question) in state.questions.iter().enumerate() {
                page(
                    links::question_page(&state.slug, &question.slug),
                    PageKind::Question {
                        state: s,
                        question: q,
                    },
                );
            }
        }
        for (t, topic) in guide.topics.iter().enumerate() {
            page(links::topic_page(&topic.id), PageKind::Topic(t));
        }
        page("compare/index.html".to_string(), PageKind::Compare);
        page(links::TOPIC_MATRIX.to_string(), PageKind::CompareTopics);
        page(links::STATE_PAIR.to_string(), PageKind::CompareStates);
        page("print/index.html".to_string(), PageKind::Print);
        for (p, extra) in guide.pages.iter().enumerate() {
            page(links::extra_page(&extra.slug), PageKind::Extra(p));
        }
        page("404.html".to_string(), PageKind::NotFound);

        let mut files = vec![FileKind::Robots, FileKind::NoJekyll];
        if base_url.is_some() {
            files.insert(0, FileKind::Sitemap);
        }
        if guide.highlight_css.is_some() {
            files.push(FileKind::HighlightCss);
        }

        let site = SiteModel {
            guide,
            base_url,
            base_path,
            pages,
            files,
            places: Jurisdictions::new(&[]),
        };
        site.check_unique_paths()?;
        Ok(site)
    }

    /// Two things on one path would silently overwrite each other; refuse instead, naming
    /// both.
    fn check_unique_paths(&self) -> Result<()> {
        let mut seen: HashMap<&str, Origin> = HashMap::with_capacity(self.pages.len() + 4);
        let pages = self
            .pages
            .iter()
            .map(|p| (p.path.as_str(), Origin::Page(p.kind)));
        let files = self.files.iter().map(|f| (f.path(), Origin::File(*f)));
        for (path, origin) in pages.chain(files) {
            if let Some(first) = seen.insert(path, origin) {
                return Err(Error::PageCollision {
                    path: PathBuf::from(path),
                    first: first.describe(self.guide),
                    second: origin.describe(self.guide),
                });
            }
        }
        Ok(())
    }
}

/// What put a file on its path, for the duplicate-path error.
#[derive(Clone, Copy)]
enum Origin {
    Page(PageKind),
    File(FileKind),
}

impl Origin {
    fn describe(self, guide: &Guide) -> String {
        match self {
            Origin::Page(kind) => kind.describe(guide),
            Origin::File(kind) => kind.describe().to_string(),
        }
    }
}
