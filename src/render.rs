//! Tera templates + the site plan -> rendered pages. (Being written.)

use std::path::Path;

use crate::error::Result;
use crate::model::Guide;
use crate::output::OutputFile;

/// Options that change what pages say.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Overrides `base_url` of site.toml when set (`--base-url`).
    pub base_url: Option<String>,
}

/// Renders every page of the site (HTML not yet minified) plus sitemap, robots.txt,
/// .nojekyll and other generated files.
pub fn render_site(
    _guide: &Guide,
    _templates: &Path,
    _opts: &RenderOptions,
) -> Result<Vec<OutputFile>> {
    Ok(Vec::new())
}
