//! Tera templates + the site plan -> rendered pages (not yet minified) and the other
//! generated files: sitemap.xml, robots.txt, .nojekyll and highlight.css.

use std::path::Path;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::error::{Error, Result};
use crate::model::Guide;
use crate::output::OutputFile;
use crate::site::{FileKind, PageData, PageSpec, SiteModel};

/// Options that change what pages say.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Overrides `base_url` of site.toml when set (`--base-url`); an empty string means
    /// the site has no base URL.
    pub base_url: Option<String>,
}

/// Renders every page of the site (HTML not yet minified) plus sitemap, robots.txt,
/// .nojekyll and other generated files, in the site plan's order.
pub fn render_site(
    guide: &Guide,
    templates: &Path,
    opts: &RenderOptions,
) -> Result<Vec<OutputFile>> {
    let renderer = Renderer::new(guide, templates, opts)?;
    let mut rendered: Vec<(usize, OutputFile)> = renderer
        .order()
        .par_iter()
        .map(|&i| renderer.page(i).map(|file| (i, file)))
        .collect::<Result<_>>()?;
    rendered.sort_unstable_by_key(|(i, _)| *i);
    let mut files: Vec<OutputFile> = rendered.into_iter().map(|(_, file)| file).collect();
    files.extend(renderer.generated_files());
    Ok(files)
}

/// Renders the same files as [`render_site`], handing each to `each` as soon as it is
/// ready (from several threads, in no particular order), so that a caller can minify and
/// write pages without holding the whole site in memory. Stops at the first error.
pub fn render_site_each<F>(
    guide: &Guide,
    templates: &Path,
    opts: &RenderOptions,
    each: F,
) -> Result<()>
where
    F: Fn(OutputFile) -> Result<()> + Sync,
{
    let renderer = Renderer::new(guide, templates, opts)?;
    renderer
        .order()
        .par_iter()
        .try_for_each(|&i| each(renderer.page(i)?))?;
    renderer.generated_files().into_iter().try_for_each(each)
}

/// The loaded templates, with the site-wide data in Tera's global context, and the plan.
struct Renderer<'a> {
    site: SiteModel<'a>,
    tera: Tera,
}

impl<'a> Renderer<'a> {
    fn new(guide: &'a Guide, templates: &Path, opts: &RenderOptions) -> Result<Self> {
        let site = SiteModel::new(guide, opts.base_url.as_deref())?;
        let mut tera = load_templates(templates)?;
        let global = site.global();
        let context = tera.global_context();
        context.insert("site", &global.site);
        context.insert("states", &global.states);
        context.insert("topics", &global.topics);
        context.insert("extra_pages", &global.extra_pages);
        Ok(Renderer { site, tera })
    }

    /// Page indices in the order to start them: the pages that list every state are the
    /// big ones, so they go first and no core is left rendering the print page alone at
    /// the end.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.site.pages.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.site.pages[i].kind.weight()));
        order
    }

    fn page(&self, i: usize) -> Result<OutputFile> {
        render_page(&self.tera, &self.site, &self.site.pages[i])
    }

    fn generated_files(&self) -> Vec<OutputFile> {
        self.site
            .files
            .iter()
            .map(|file| generated_file(&self.site, *file))
            .collect()
    }
}

fn render_page(tera: &Tera, site: &SiteModel, spec: &PageSpec) -> Result<OutputFile> {
    let view = site.view(spec);
    let mut context = Context::new();
    context.insert("page", &view.meta);
    match &view.data {
        PageData::Index(map) => context.insert("map", map),
        PageData::State(state) => context.insert("state", state),
        PageData::Question(question) => context.insert("question", question),
        PageData::Topic(topic) => context.insert("topic", topic),
        PageData::Compare(matrix) => context.insert("matrix", matrix),
        PageData::Print(print) => context.insert("print", print),
        PageData::Extra(extra) => context.insert("extra", extra),
        PageData::NotFound => {}
    }
    let template = spec.kind.template();
    let mut html = Vec::with_capacity(16 * 1024);
    tera.render_to(template, &context, &mut html).map_err(|e| {
        let mut err = template_error(template, &e);
        if let Error::Template { message, .. } = &mut err {
            message.push_str(&format!(
                "\n(while rendering {} for {})",
                spec.path,
                spec.kind.describe(site.guide)
            ));
        }
        err
    })?;
    Ok(OutputFile::new(spec.path.clone(), html))
}

/// Reads every file under `dir` (recursively, skipping hidden ones) as a template named by
/// its `/`-separated path relative to `dir`.
pub fn load_templates(dir: &Path) -> Result<Tera> {
    let mut sources: Vec<(String, String)> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        sources.push((name, text));
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(&dir.display().to_string(), &e))?;
    Ok(tera)
}

/// A Tera error as [`Error::Template`], named after the template file the error is in when
/// Tera says which, with the whole chain of causes in the message.
fn template_error(name: &str, err: &tera::Error) -> Error {
    let mut message = err.to_string();
    // Tera's report opens with its own "error: "; the command line says that already.
    if let Some(rest) = message.strip_prefix("error: ") {
        message = rest.to_string();
    }
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!("\ncaused by: {cause}"));
        source = cause.source();
    }
    let name = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report)
            if !report.filename().is_empty() =>
        {
            report.filename().to_string()
        }
        // Load-time checks report every problem as text; each names its file after `-->`.
        _ => reported_file(&message).unwrap_or(name).to_string(),
    };
    Error::Template { name, message }
}

/// The file named by the first `--> file:line:column` locus of a Tera report.
fn reported_file(message: &str) -> Option<&str> {
    let after = &message[message.find("--> ")? + 4..];
    let locus = after.lines().next()?;
    // Strip `:line:column` from the end.
    let mut parts = locus.rsplitn(3, ':');
    let (_col, _line, file) = (parts.next()?, parts.next()?, parts.next()?);
    Some(file)
}

fn generated_file(site: &SiteModel, kind: FileKind) -> OutputFile {
    let contents = match kind {
        FileKind::Sitemap => sitemap(site).into_bytes(),
        FileKind::Robots => robots(site).into_bytes(),
        FileKind::NoJekyll => Vec::new(),
        FileKind::HighlightCss => site
            .guide
            .highlight_css
            .clone()
            .unwrap_or_default()
            .into_bytes(),
    };
    OutputFile::new(kind.path(), contents)
}

/// `sitemap.xml`: every page that search engines should index, at its public URL.
fn sitemap(site: &SiteModel) -> String {
    let base = site.base_url.as_deref().unwrap_or_default();
    let mut xml = String::with_capacity(128 + site.pages.len() * 80);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in site.pages.iter().filter(|p| p.kind.in_sitemap()) {
        let url = crate::site::links::public_url(base, &page.path);
        xml.push_str("  <url><loc>");
        push_xml_escaped(&mut xml, &url);
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn robots(site: &SiteModel) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &site.base_url {
        text.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
    }
    text
}

fn push_xml_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_locus_names_the_file() {
        let message = "error: Unknown filter `nope`\n --> partials/nav.html:3:7\n  |";
        assert_eq!(reported_file(message), Some("partials/nav.html"));
        assert_eq!(reported_file("no locus here"), None);
    }

    #[test]
    fn xml_escaping() {
        let mut out = String::new();
        push_xml_escaped(&mut out, "a&b<c>'\"");
        assert_eq!(out, "a&amp;b&lt;c&gt;&apos;&quot;");
    }
}
