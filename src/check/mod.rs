//! A project -> every problem `build` would meet, without writing anything: the content's
//! diagnostics (from [`crate::load`]), then every page rendered through the build's own
//! render path into a sink that keeps only the paths, and `static/` checked against them.
//! "check is clean" therefore means "build will succeed".

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;

mod scope;
pub use scope::Scope;

use crate::error::{Error, Result};
use crate::markdown::Renderer;
use crate::output::StaticPaths;
use crate::source::Layout;
use crate::{compare_data, export, model, render, search, Loaded};

/// What `check` found.
pub struct CheckReport {
    /// The content as read and aligned, with every content problem.
    pub loaded: Loaded,
    /// Problems only rendering shows (templates, paths, static/ files), in the order met.
    /// Empty when the content has errors, since then no page can be rendered.
    pub build_errors: Vec<Error>,
    /// The guide the pages were rendered from, when the content had no errors.
    pub guide: Option<model::Guide>,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        self.loaded.has_errors() || !self.build_errors.is_empty()
    }
}

/// Reads everything and renders every page as `build` would, writing nothing.
pub fn check(root: &Path) -> Result<CheckReport> {
    // The folders are resolved as for build: content/ must be there, templates/ and
    // static/ are optional (the built-in theme fills in).
    let layout = Layout::open(root)?;
    let loaded = crate::load_from(&layout, None)?;
    let mut build_errors = Vec::new();
    let mut guide = None;
    if !loaded.has_errors() {
        let built = guide_of(&loaded);
        if let Err(e) = render_all(&built, &layout) {
            build_errors.push(e);
        }
        guide = Some(built);
    }
    Ok(CheckReport {
        loaded,
        build_errors,
        guide,
    })
}

/// The guide `build` would render, from content loaded without errors (kept, since
/// `check` still reports on it).
fn guide_of(loaded: &Loaded) -> model::Guide {
    let md = Renderer::new(loaded.site.allow_html);
    model::build(
        loaded.site.clone(),
        &loaded.topics,
        loaded.docs.clone(),
        &loaded.alignment,
        loaded.pages.clone(),
        &md,
        &loaded.indicators,
    )
}

/// Renders every page of the site into a sink, then checks `static/` against the paths
/// of every generated file (pages, data exports, search index, comparison data).
fn render_all(guide: &model::Guide, layout: &Layout) -> Result<()> {
    let paths: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let opts = render::RenderOptions {
        base_url: None,
        minify: true,
    };
    render::render_site_each(guide, &layout.templates, &opts, |file| {
        paths
            .lock()
            .expect("no renderer panics while holding the lock")
            .insert(file.path);
        Ok(())
    })?;
    let mut generated = paths.into_inner().expect("the lock is free");
    generated.insert(export::STATES_JSON.to_string());
    generated.insert(export::ANSWERS_CSV.to_string());
    generated.insert(export::INDICATORS_CSV.to_string());
    // The files build makes from the whole guide besides its pages.
    let whole_guide = search::index_files(guide)
        .into_iter()
        .chain(compare_data::scripts(guide));
    generated.extend(whole_guide.map(|f| f.path));
    // The rule the build's staging folder applies while writing, in path order.
    let statics = StaticPaths::read(&layout.static_dir)?;
    generated
        .iter()
        .try_for_each(|path| statics.check(&layout.static_dir, path))
}
