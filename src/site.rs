//! The guide -> the site plan: every file to write, at its path, and (built on demand, one
//! page at a time) the typed view its template receives. Views borrow from the guide, so
//! no page copies the site's data; only pages that genuinely list every state grow with it.

mod compare;
mod headings;
mod jsonld;
mod kinds;
pub mod links;
mod pages;
mod values;
mod views;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::jurisdiction::Jurisdictions;
use crate::model::Guide;

pub use kinds::{ExtraId, KindRules, PageKind, QuestionId, StateId, TopicId};
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

impl<'a> SiteModel<'a> {
    /// Plans the site. `base_url` overrides the one in site.toml when given (an empty
    /// override means "no base URL"). Fails when two files would land on the same path.
    pub fn new(guide: &'a Guide, base_url: Option<&str>) -> Result<Self> {
        let base_url = links::normalize_base_url(base_url.unwrap_or(&guide.site.base_url));
        let base_path = links::base_path(base_url.as_deref());

        let pages = kinds::plan(guide);

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
