//! The site plan + what the last render saw -> only the pages whose view changed, rendered.
//! For `serve`, which keeps the pages of its last build: a page is rendered again when its
//! view data, the templates or the site-wide data differ, never by comparing output bytes.

use std::collections::HashMap;
use std::hash::Hasher;

use rustc_hash::FxHasher;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::Renderer;
use crate::error::Result;
use crate::model::Guide;
use crate::output::OutputFile;
use crate::site::{PageKind, PageSpec, SiteModel, StateId};

use super::RenderOptions;

/// Fingerprints of what the last successful render saw: the templates and site-wide data
/// every page shares, and each page's view, by path.
#[derive(Debug, Default)]
pub struct RenderCache {
    shared: Option<u64>,
    pages: HashMap<String, u64>,
}

/// What [`render_site_changed`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Every file of the site as planned now, rendered this time or not, sorted.
    pub paths: Vec<String>,
    /// How many pages were rendered again (generated files such as the sitemap not counted).
    pub pages: usize,
}

/// Like [`super::render_site_each`], but hands `each` only the pages whose fingerprint
/// differs from `cache` (all of them when the templates or the site-wide data changed),
/// plus every generated file. `cache` is updated only when everything succeeded, so after
/// an error the next call compares with the last good render.
pub fn render_site_changed<F>(
    guide: &Guide,
    templates: &Path,
    opts: &RenderOptions,
    cache: &mut RenderCache,
    each: F,
) -> Result<Rendered>
where
    F: Fn(OutputFile) -> Result<()> + Sync,
{
    let mut timer = crate::StageTimer::from_env();
    let renderer = Renderer::new(guide, templates, opts)?;
    timer.lap("render: templates");
    let shared = shared_fingerprint(&renderer, opts);
    let same_shared = cache.shared.is_some() && cache.shared == shared;
    let prints: Vec<(usize, Option<u64>)> = renderer
        .order()
        .par_iter()
        .map(|&i| (i, page_fingerprint(&renderer.site, &renderer.site.pages[i])))
        .collect();
    timer.lap("render: fingerprints");
    let pages = &renderer.site.pages;
    let stale: Vec<usize> = prints
        .iter()
        .filter(|(i, print)| {
            !same_shared || print.is_none() || cache.pages.get(&pages[*i].path) != print.as_ref()
        })
        .map(|(i, _)| *i)
        .collect();
    stale
        .par_iter()
        .try_for_each(|&i| each(renderer.page(i)?))?;
    timer.lap("render: changed pages");
    let generated = renderer.generated_files();
    let mut paths: Vec<String> = pages.iter().map(|p| p.path.clone()).collect();
    paths.extend(generated.iter().map(|f| f.path.clone()));
    paths.sort_unstable();
    generated.into_iter().try_for_each(&each)?;

    cache.shared = shared;
    cache.pages = prints
        .into_iter()
        .filter_map(|(i, print)| Some((pages[i].path.clone(), print?)))
        .collect();
    Ok(Rendered {
        paths,
        pages: stale.len(),
    })
}

/// Hashes whatever is written into it.
struct HashWriter(FxHasher);

impl io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn hash_json(out: &mut HashWriter, value: &impl Serialize) -> Option<()> {
    serde_json::to_writer(&mut *out, value).ok()?;
    // A separator, so that two values cannot run into each other.
    out.0.write_u8(0);
    Some(())
}

/// The templates as loaded, the options and Tera's global context: what every page shares.
fn shared_fingerprint(renderer: &Renderer, opts: &RenderOptions) -> Option<u64> {
    let mut out = HashWriter(FxHasher::default());
    for (name, text) in &renderer.sources {
        hash_json(&mut out, &(name, text))?;
    }
    hash_json(&mut out, &(opts.minify, &opts.base_url))?;
    hash_json(&mut out, &renderer.site.global())?;
    Some(out.0.finish())
}

/// A page's template and view data; `None` when it cannot be serialized (always render).
fn page_fingerprint(site: &SiteModel, spec: &PageSpec) -> Option<u64> {
    let mut out = HashWriter(FxHasher::default());
    hash_json(&mut out, &spec.kind.template())?;
    let view = site.view(spec);
    hash_json(&mut out, &view)?;
    // The print page's sections are rendered from each state's print view.
    if spec.kind == PageKind::Print {
        for si in 0..site.guide.states.len() {
            hash_json(&mut out, &site.print_state(StateId(si)))?;
        }
    }
    Some(out.0.finish())
}
