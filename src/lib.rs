//! stateside: a folder of state-by-state policy documents in -> a static website out.
//!
//! The pipeline, one module per stage:
//! `project` (build options -> one resolved [`Project`]) -> `load` (the stages before
//! rendering, tied together) -> `source` (find and read files) -> `parse` / `markdown`
//! (one file -> a [`doc::StateDoc`])
//! -> `align` (all documents + topics -> which question answers which topic)
//! -> `model` (the [`model::Guide`], answers rendered once) -> `site` (every page to write)
//! -> `render` (Tera, templates minified once by `minify`) -> `output` (stage, swap into place);
//! `export` and `search` write the data files and the search index from the guide beside them.
//! `check` runs the same stages with a sink in place of `output`.

pub mod align;
pub mod check;
pub mod compare_data;
pub mod config;
pub mod diagnostic;
pub mod doc;
pub mod error;
pub mod export;
pub mod html;
pub mod ids;
pub mod indicators;
pub mod init;
pub mod jurisdiction;
pub mod key_sentence;
mod load;
pub mod markdown;
pub mod minify;
pub mod model;
pub mod output;
pub mod parse;
pub mod parse_cache;
pub mod project;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod text;
pub mod theme;
mod timing;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, Result};
pub use load::{guide_from, load, load_cached, load_from, load_guide, load_guide_from, Loaded};
pub use project::{BuildOptions, Project};
pub(crate) use timing::StageTimer;

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a build did, for the summary line.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub states: usize,
    pub questions: usize,
    pub topics: usize,
    pub pages: usize,
    pub files: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
    /// Things about the build as a whole worth saying once (not about one content file).
    pub notes: Vec<String>,
}

/// Builds the site: load, render, write into a staging folder, swap into place.
/// On any error the previous output is untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let project = Project::resolve(opts)?;
    let layout = &project.layout;
    // Locked before the content is read: a second build of this output waits here, and
    // what a killed build left is repaired first, even when this one then fails.
    let locked = output::LockedOutput::take(&layout.root, &project.output)?;
    let mut timer = StageTimer::from_env();
    let (guide, warnings) = load_guide_from(layout)?;
    timer.lap("load, align, model (all)");
    let mut notes = Vec::new();
    let base_url = project.base_url.as_deref().unwrap_or(&guide.site.base_url);
    if base_url.trim().is_empty() {
        notes.push(
            "no base_url is set, so sitemap.xml and the pages' canonical links are left out; \
             set base_url in content/site.toml (or pass --base-url) to the address the site \
             is published at"
                .to_string(),
        );
    }
    // Pages go to disk as soon as each is rendered, so memory holds a few pages at a time
    // rather than the whole site. The staging folder is swapped into place only when
    // everything succeeded; on an error it is removed.
    let staging = output::Staging::begin_locked(locked, &layout.static_dir)?;
    for file in theme::static_not_overridden(&layout.static_dir) {
        staging.write(&output::OutputFile::new(file.path, file.bytes))?;
    }
    // The data exports carry answers as rendered, whether or not pages are minified; the
    // minified answers are made beside them and take their place after.
    let ((exported, indexed), minified) = rayon::join(
        || {
            rayon::join(
                || export::write_exports(&guide, &staging),
                || search::write_index(&guide, &staging),
            )
        },
        || project.minify.then(|| guide.minified_html()),
    );
    exported?;
    indexed?;
    let guide = match minified {
        Some(html) => guide.with_html(html),
        None => guide,
    };
    timer.lap("exports, search index, minify answers");
    let render_opts = render::RenderOptions {
        base_url: project.base_url.clone(),
        minify: project.minify,
    };
    render::render_site_each(&guide, &layout.templates, &render_opts, |file| {
        staging.write(&file)
    })?;
    compare_data::write_scripts(&guide, &staging)?;
    timer.lap("render, write");
    let stats = staging.finish()?;
    timer.lap("swap into place");
    Ok(BuildSummary {
        states: guide.states.len(),
        questions: guide.states.iter().map(|s| s.questions.len()).sum(),
        topics: guide.topics.len(),
        pages: stats.html_pages,
        files: stats.files,
        output: project.output,
        elapsed: started.elapsed(),
        warnings,
        notes,
    })
}
