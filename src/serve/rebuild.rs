//! The project on disk + what the last build kept -> the whole site in memory. Parses only
//! the state files that changed and renders only the pages whose view changed; the
//! rest comes from the last good build. Nothing is written to disk.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::output::OutputFile;
use crate::parse_cache::ParseCache;
use crate::render::{self, RenderCache, RenderOptions};
use crate::site::links;
use crate::source::Layout;

/// Every file of a built site, by `/`-separated path (as `build` would write them),
/// except the data exports (see [`Exports`]).
pub type SiteFiles = HashMap<String, Bytes>;

/// The data exports of a build, made the first time one is asked for: they hold every
/// answer, and most previews never download them, so a rebuild does not wait for them.
#[derive(Debug, Default)]
pub struct Exports {
    guide: Option<crate::model::Guide>,
    files: OnceLock<HashMap<String, Bytes>>,
}

impl Exports {
    /// The export at `path` (`data/states.json`, …), if it is one.
    pub fn get(&self, path: &str) -> Option<Bytes> {
        let guide = self.guide.as_ref()?;
        if !crate::export::is_export(path) {
            return None;
        }
        let files = self.files.get_or_init(|| {
            crate::export::exports_in_memory(guide)
                .into_iter()
                .map(|f| (f.path, Bytes::from(f.contents)))
                .collect()
        });
        files.get(path).cloned()
    }
}

/// Keeps the parsed documents, the page fingerprints and the files of the last good build.
pub struct SiteBuilder {
    layout: Layout,
    base_url: Option<String>,
    parses: ParseCache,
    renders: RenderCache,
    files: SiteFiles,
    exports: Arc<Exports>,
}

/// What one successful rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// How many files differ from the last good build (added, removed or changed).
    pub changed: usize,
    /// How many pages were rendered again, and how many state files parsed again.
    pub rendered: usize,
    pub parsed: usize,
    pub pages: usize,
    /// The path the site is served under: `/`, or `/repo/` for a sub-path base URL.
    pub base_path: String,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl SiteBuilder {
    /// A builder for the project of `layout` (from [`Layout::open`]).
    pub fn new(layout: Layout, base_url: Option<String>) -> Self {
        SiteBuilder {
            layout,
            base_url,
            parses: ParseCache::default(),
            renders: RenderCache::default(),
            files: SiteFiles::new(),
            exports: Arc::default(),
        }
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The files of the last good build (empty before the first one).
    pub fn files(&self) -> &SiteFiles {
        &self.files
    }

    /// The data exports of the last good build.
    pub fn exports(&self) -> Arc<Exports> {
        Arc::clone(&self.exports)
    }

    /// Builds the site again. On an error the last good files stay as they were.
    pub fn rebuild(&mut self) -> Result<Rebuilt> {
        let started = Instant::now();
        let mut timer = crate::StageTimer::from_env();
        self.layout.check_content()?;
        let loaded = crate::load_from(&self.layout, Some(&mut self.parses))?;
        let parsed = self.parses.last_parsed;
        let (guide, warnings) = crate::guide_from(loaded)?;
        timer.lap("serve: load, parse changed files, align, model");
        let base_url =
            links::normalize_base_url(self.base_url.as_deref().unwrap_or(&guide.site.base_url));
        let base_path = links::base_path(base_url.as_deref());

        let mut files = static_files(&self.layout.static_dir)?;
        timer.lap("serve: static files");
        let fresh: Mutex<Vec<OutputFile>> = Mutex::new(Vec::new());
        let opts = RenderOptions {
            base_url: self.base_url.clone(),
            minify: false,
        };
        // The fingerprints are kept by `renders` only when this render succeeds, so they
        // always describe `self.files`.
        let mut renders = std::mem::take(&mut self.renders);
        let rendered = render::render_site_changed(
            &guide,
            &self.layout.templates,
            &opts,
            &mut renders,
            |file| {
                fresh
                    .lock()
                    .expect("no render panics holding it")
                    .push(file);
                Ok(())
            },
        );
        let rendered = match rendered {
            Ok(r) => r,
            Err(e) => {
                self.renders = renders;
                // `render_site_changed` left the cache as it was; keep it.
                return Err(e);
            }
        };
        timer.lap("serve: fingerprint and render changed pages");
        let fresh = fresh.into_inner().expect("no render panics holding it");
        let mut generated: HashMap<String, Bytes> = fresh
            .into_iter()
            .map(|f| (f.path, Bytes::from(f.contents)))
            .collect();
        for path in &rendered.paths {
            let bytes = match generated.remove(path) {
                Some(b) => b,
                None => match self.files.get(path) {
                    Some(b) => b.clone(),
                    None => {
                        // Cannot happen while the cache and the files move together; render
                        // everything next time rather than serve a hole.
                        self.renders = RenderCache::default();
                        return Err(Error::Output {
                            path: path.into(),
                            message: "a page was neither rendered nor kept; saving again renders every page".into(),
                        });
                    }
                },
            };
            if files.contains_key(path) {
                self.renders = RenderCache::default();
                return Err(self.static_collision(path));
            }
            files.insert(path.clone(), bytes);
        }
        // What the build makes from the whole guide besides its pages (the search index,
        // the two-state comparison's data): cheap enough to make again every time.
        let whole_guide = crate::search::index_files(&guide)
            .into_iter()
            .chain(crate::compare_data::scripts(&guide));
        for file in whole_guide {
            if files.contains_key(&file.path) {
                return Err(self.static_collision(&file.path));
            }
            files.insert(file.path, Bytes::from(file.contents));
        }
        self.renders = renders;
        let changed = count_changed(&self.files, &files);
        let pages = rendered
            .paths
            .iter()
            .filter(|p| p.ends_with(".html"))
            .count();
        self.files = files;
        self.exports = Arc::new(Exports {
            guide: Some(guide),
            files: OnceLock::new(),
        });
        Ok(Rebuilt {
            changed,
            rendered: rendered.pages,
            parsed,
            pages,
            base_path,
            warnings,
            elapsed: started.elapsed(),
        })
    }
}

impl SiteBuilder {
    fn static_collision(&self, path: &str) -> Error {
        Error::Output {
            path: self.layout.static_dir.join(path),
            message: "a file in static/ has the path of a page or file that stateside \
                      generates; rename or remove it"
                .into(),
        }
    }
}

/// The built-in static files, each replaced by the project's file of the same path, plus
/// the project's others (all of `static/`, as `build` copies it).
fn static_files(dir: &Path) -> Result<SiteFiles> {
    let mut files = SiteFiles::new();
    for file in crate::theme::STATIC {
        files.insert(file.path.to_string(), Bytes::from_static(file.bytes));
    }
    if !dir.exists() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Output {
            path: dir.to_path_buf(),
            message: format!("cannot read static/: {e}"),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .expect("walkdir stays under its root");
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        files.insert(key, Bytes::from(bytes));
    }
    Ok(files)
}

fn count_changed(old: &SiteFiles, new: &SiteFiles) -> usize {
    let changed = new.iter().filter(|(p, b)| old.get(*p) != Some(*b)).count();
    let removed = old.keys().filter(|p| !new.contains_key(*p)).count();
    changed + removed
}
