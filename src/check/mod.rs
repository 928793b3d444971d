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
use crate::source::Layout;
use crate::{export, model, render, Loaded};

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

/// Renders every page of the site into a sink, then checks `static/` against the paths.
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
    check_static(&layout.static_dir, &generated)
}

/// The rule the build's staging folder applies while writing (see
/// `output::Staging::check_static`): no file of `static/` may stand where a generated
/// file or folder goes.
fn check_static(static_dir: &Path, generated: &BTreeSet<String>) -> Result<()> {
    if !static_dir.exists() {
        return Ok(());
    }
    let mut files = BTreeSet::new();
    let mut dirs = BTreeSet::new();
    for entry in walkdir::WalkDir::new(static_dir)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::Output {
            path: static_dir.to_path_buf(),
            message: format!("cannot read static/: {e}"),
        })?;
        let rel = entry
            .path()
            .strip_prefix(static_dir)
            .expect("walkdir yields paths under its root")
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            dirs.insert(rel);
        } else if entry.file_type().is_file() {
            files.insert(rel);
        }
    }
    for path in generated {
        let mut ancestors = path.match_indices('/').map(|(i, _)| &path[..i]);
        let taken = if files.contains(path) || dirs.contains(path) {
            Some(path.as_str())
        } else {
            ancestors.find(|dir| files.contains(*dir))
        };
        if let Some(p) = taken {
            return Err(Error::StaticCollision {
                path: static_dir.join(p),
            });
        }
    }
    Ok(())
}
