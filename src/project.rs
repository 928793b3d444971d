//! The command line's build options -> one resolved [`Project`]: its folders (checked),
//! where the site goes, the base URL and whether to minify, worked out once and read by
//! every later step of `build` (`check` and `serve` resolve their folders the same way,
//! through [`Layout::open`]).

use std::path::PathBuf;

use crate::error::Result;
use crate::source::Layout;

/// How to build, as asked for.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `root/public` when `None`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub minify: bool,
}

/// What a build works on, resolved from [`BuildOptions`] once.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project's folders; `content/` is known to exist (`templates/` and `static/`
    /// are optional: the built-in theme fills in what they lack).
    pub layout: Layout,
    /// Where the site goes: `--output`, or `public/` in the project.
    pub output: PathBuf,
    /// `--base-url`, which overrides site.toml's `base_url` when given.
    pub base_url: Option<String>,
    pub minify: bool,
}

impl Project {
    /// Checks the project's folders and settles where the site goes; fails, naming the
    /// folder, when the project has no `content/`.
    pub fn resolve(opts: &BuildOptions) -> Result<Project> {
        let layout = Layout::open(&opts.root)?;
        let output = opts
            .output
            .clone()
            .unwrap_or_else(|| layout.root.join("public"));
        Ok(Project {
            layout,
            output,
            base_url: opts.base_url.clone(),
            minify: opts.minify,
        })
    }
}
